import { describe, expect, it } from 'vitest';
import { parseOpenHours } from '../../../../src/core/records/business-hours.js';
import { buildCatalog } from '../../../../src/core/metrics.js';
import { aggregate, series, t } from '../../../helpers/records.js';

describe('first_response_time', () => {
  it('is the mean of first reply − created over tickets with a reply, by creation day', () => {
    const rows = [
      { created: t('2026-03-02 09:00'), firstReplyAt: t('2026-03-02 09:30') }, // 1800 s
      { created: t('2026-03-02 10:00'), firstReplySeconds: 600 }, // the export's duration
      { created: t('2026-03-02 11:00') }, // no reply yet: left out
      // Both: the timestamps win (120 s).
      {
        created: t('2026-03-02 12:00'),
        firstReplyAt: t('2026-03-02 12:02'),
        firstReplySeconds: 999,
      },
      // Created the day before, replied on the 2nd: counts on the 1st.
      { created: t('2026-03-01 23:00'), firstReplyAt: t('2026-03-02 01:00') },
    ];
    expect(series(aggregate(rows), 'first_response_time')).toEqual([
      ['2026-03-01', 7200, 1],
      ['2026-03-02', (1800 + 600 + 120) / 3, 3],
    ]);
  });

  it('counts business hours for hours: business, from the export or the calendar', () => {
    const calendar = {
      timeZone: 'UTC',
      hours: parseOpenHours({ 'mon-fri': '09:00-17:00' }).hours,
      holidays: [],
    };
    const catalog = buildCatalog([
      {
        id: 'frt_business',
        derived: { from: 'first_response_time', statistic: 'mean', hours: 'business' },
      },
    ]);
    const rows = [
      // Friday 16:00 → Monday 10:00: 1 h on Friday, 1 h on Monday.
      { created: t('2026-03-06 16:00'), firstReplyAt: t('2026-03-09 10:00') },
      // Saturday → Monday 09:15 as a calendar duration: 15 business minutes.
      { created: t('2026-03-07 12:00'), firstReplySeconds: 45 * 3600 + 15 * 60 },
      // The export's own business-hours figure wins.
      {
        created: t('2026-03-06 08:00'),
        firstReplyAt: t('2026-03-06 12:00'),
        firstReplyBusinessSeconds: 300,
      },
    ];
    const snapshots = aggregate(rows, { catalog, calendar });
    expect(series(snapshots, 'frt_business')).toEqual([
      ['2026-03-06', (7200 + 300) / 2, 2],
      ['2026-03-07', 900, 1],
    ]);
    // Without a calendar, only the export's own business-hours figures count.
    expect(series(aggregate(rows, { catalog }), 'frt_business')).toEqual([['2026-03-06', 300, 1]]);
  });
});
