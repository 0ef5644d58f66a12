import { describe, expect, it } from 'vitest';
import { aggregate, series, t } from '../../../helpers/records.js';

describe('backlog', () => {
  it('counts tickets open at the end of each period of the export, dated at its start', () => {
    const rows = [
      { created: t('2026-03-01 09:00'), solvedAt: t('2026-03-03 12:00') }, // A
      { created: t('2026-03-01 10:00'), solvedAt: t('2026-03-01 11:00') }, // B: same day
      { created: t('2026-03-02 10:00') }, // C: never solved
      { created: t('2026-03-03 10:00'), resolutionSeconds: 2 * 86400 }, // D: solved 03-05
    ];
    // End of 03-01: A. 03-02: A, C. 03-03: C, D (A solved that day).
    // The export's creation days end on 03-03: no backlog after.
    expect(series(aggregate(rows), 'backlog')).toEqual([
      ['2026-03-01', 1, 1],
      ['2026-03-02', 2, 2],
      ['2026-03-03', 2, 2],
    ]);
  });

  it('fills weeks without tickets, and an empty backlog is 0', () => {
    const rows = [
      { created: t('2026-03-02 09:00'), solvedAt: t('2026-03-03 09:00') },
      { created: t('2026-03-23 09:00') },
    ];
    expect(series(aggregate(rows, { period: 'week' }), 'backlog')).toEqual([
      ['2026-03-02', 0, 0],
      ['2026-03-09', 0, 0],
      ['2026-03-16', 0, 0],
      ['2026-03-23', 1, 1],
    ]);
  });

  it('needs a solved time or duration', () => {
    expect(series(aggregate([{ created: t('2026-03-02 09:00') }]), 'backlog')).toEqual([]);
  });
});
