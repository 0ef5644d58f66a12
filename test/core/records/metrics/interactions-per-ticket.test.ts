import { describe, expect, it } from 'vitest';
import { aggregate, series, t } from '../../../helpers/records.js';

describe('interactions_per_ticket', () => {
  it('is the mean of replies over solved tickets, by solved day', () => {
    const solved = { created: t('2026-03-01 09:00'), solvedAt: t('2026-03-02 09:00') };
    const rows = [
      { ...solved, replies: 1 },
      { ...solved, replies: 2 },
      { ...solved, replies: 6 },
      { created: t('2026-03-01 09:00'), replies: 10 }, // not solved
      { ...solved }, // no replies value
    ];
    expect(series(aggregate(rows), 'interactions_per_ticket')).toEqual([['2026-03-02', 3, 3]]);
  });
});
