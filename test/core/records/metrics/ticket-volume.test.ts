import { describe, expect, it } from 'vitest';
import { aggregate, series, t } from '../../../helpers/records.js';

describe('ticket_volume', () => {
  it('counts tickets by creation day, and a day of the export without tickets as 0', () => {
    const rows = [
      { created: t('2026-03-02 09:00') },
      { created: t('2026-03-02 23:59'), solvedAt: t('2026-03-05 10:00') },
      { created: t('2026-03-04 00:00') },
      { solvedAt: t('2026-03-04 10:00') }, // no creation time: not counted
    ];
    expect(series(aggregate(rows), 'ticket_volume')).toEqual([
      ['2026-03-02', 2, 2],
      ['2026-03-03', 0, 0],
      ['2026-03-04', 1, 1],
    ]);
  });

  it('is not computed from survey answers', () => {
    const rows = [{ created: t('2026-03-02 09:00'), rating: { scale: '0-10' as const, value: 9 } }];
    expect(series(aggregate(rows, { fields: ['created', 'score'] }), 'ticket_volume')).toEqual([]);
  });
});
