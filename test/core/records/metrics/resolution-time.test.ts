import { describe, expect, it } from 'vitest';
import { parseOpenHours } from '../../../../src/core/records/business-hours.js';
import { buildCatalog } from '../../../../src/core/metrics.js';
import { aggregate, series, t } from '../../../helpers/records.js';

describe('resolution_time', () => {
  it('is the mean of solved − created over solved tickets, by solved day', () => {
    const rows = [
      { created: t('2026-03-01 10:00'), solvedAt: t('2026-03-02 10:00') }, // 86400 s
      // Only a duration: solved at created + 3600 s, on the 2nd.
      { created: t('2026-03-02 08:00'), resolutionSeconds: 3600 },
      { created: t('2026-03-02 09:00') }, // not solved
      { created: t('2026-03-02 09:00'), solvedAt: t('2026-03-03 09:00'), resolutionSeconds: 5 },
    ];
    expect(series(aggregate(rows), 'resolution_time')).toEqual([
      ['2026-03-02', (86400 + 3600) / 2, 2],
      ['2026-03-03', 86400, 1],
    ]);
  });

  it('takes the solved day from a duration that crosses midnight', () => {
    const rows = [{ created: t('2026-03-02 23:00'), resolutionSeconds: 7200 }];
    expect(series(aggregate(rows), 'resolution_time')).toEqual([['2026-03-03', 7200, 1]]);
  });

  it('gives a median and a share within a threshold in business hours', () => {
    const calendar = {
      timeZone: 'UTC',
      hours: parseOpenHours({ 'mon-fri': '09:00-17:00' }).hours,
      holidays: ['2026-03-04'],
    };
    const catalog = buildCatalog([
      {
        id: 'rt_median_bh',
        derived: { from: 'resolution_time', statistic: 'median', hours: 'business' },
      },
      {
        id: 'rt_within_8bh',
        derived: { from: 'resolution_time', within: 8 * 3600, hours: 'business' },
      },
    ]);
    const rows = [
      // Tue 16:00 → Thu 10:00 with Wednesday a holiday: 1 h + 1 h.
      { created: t('2026-03-03 16:00'), solvedAt: t('2026-03-05 10:00') },
      // Mon 09:00 → Thu 11:00: 8 + 8 + 0 + 2 h.
      { created: t('2026-03-02 09:00'), solvedAt: t('2026-03-05 11:00') },
      // Thu 09:00 → 17:00: 8 h, exactly the threshold.
      { created: t('2026-03-05 09:00'), solvedAt: t('2026-03-05 17:00') },
    ];
    const snapshots = aggregate(rows, { catalog, calendar });
    // Business hours 7200, 64800, 28800 → median 28800; within 8 h: 2 of 3.
    expect(series(snapshots, 'rt_median_bh')).toEqual([['2026-03-05', 28800, 3]]);
    expect(series(snapshots, 'rt_within_8bh')).toEqual([['2026-03-05', (2 / 3) * 100, 3]]);
  });
});

describe('resolution_time in business hours', () => {
  it('takes the export’s business-hours figure over the calendar', () => {
    const calendar = {
      timeZone: 'UTC',
      hours: parseOpenHours({ 'mon-fri': '09:00-17:00' }).hours,
      holidays: [],
    };
    const catalog = buildCatalog([
      { id: 'rt_bh', derived: { from: 'resolution_time', statistic: 'mean', hours: 'business' } },
    ]);
    const rows = [
      // Mon 09:00 → 17:00 is 8 h by the calendar; the export says 25000 s.
      {
        created: t('2026-03-02 09:00'),
        solvedAt: t('2026-03-02 17:00'),
        resolutionBusinessSeconds: 25000,
      },
      // No figure of its own: the calendar's 2 h (Mon 09:00 → 11:00).
      { created: t('2026-03-02 09:00'), solvedAt: t('2026-03-02 11:00') },
    ];
    expect(series(aggregate(rows, { catalog, calendar }), 'rt_bh')).toEqual([
      ['2026-03-02', (25000 + 7200) / 2, 2],
    ]);
  });
});
