import { describe, expect, it } from 'vitest';
import { aggregate, series, t } from '../../../helpers/records.js';

const score = (value: number) => ({
  created: t('2026-03-02 09:00'),
  rating: { scale: '1-7' as const, value },
});

describe('ces', () => {
  it('is the mean of 1-7 survey scores, by answer day', () => {
    const rows = [score(7), score(5), score(6), { created: t('2026-03-02 10:00') }];
    const snapshots = aggregate(rows, { ratingScale: '1-7', fields: ['created', 'score'] });
    expect(series(snapshots, 'ces')).toEqual([['2026-03-02', 6, 3]]);
  });

  it('is not computed from a 1-7 ticket rating (that is CSAT)', () => {
    const snapshots = aggregate([score(7)], { ratingScale: '1-7', fields: ['created', 'rating'] });
    expect(series(snapshots, 'ces')).toEqual([]);
    expect(series(snapshots, 'csat')).toEqual([['2026-03-02', 100, 1]]);
  });
});

describe('ces: which 1-7 answers', () => {
  it('is computed when the scale is not declared: each row’s scale decides', () => {
    const rows = [
      score(7),
      score(5),
      { created: t('2026-03-02 09:00'), rating: { scale: '1-5' as const, value: 1 } },
    ];
    expect(series(aggregate(rows, { fields: ['created', 'score'] }), 'ces')).toEqual([
      ['2026-03-02', 6, 2],
    ]);
  });

  it('a source that maps both a rating and a score reads 1-7 answers as CES, not CSAT', () => {
    const snapshots = aggregate([score(7), score(3)], {
      ratingScale: '1-7',
      fields: ['created', 'rating', 'score'],
    });
    expect(series(snapshots, 'ces')).toEqual([['2026-03-02', 5, 2]]);
    expect(series(snapshots, 'csat')).toEqual([]);
  });
});
