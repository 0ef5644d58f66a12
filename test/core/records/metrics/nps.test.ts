import { describe, expect, it } from 'vitest';
import { aggregate, series, t } from '../../../helpers/records.js';

const score = (value: number, day = '2026-03-02') => ({
  created: t(`${day} 09:00`),
  rating: { scale: '0-10' as const, value },
});

describe('nps', () => {
  it('is % promoters (9–10) − % detractors (0–6), not rounded, by answer day', () => {
    // 3 promoters, 2 passives, 2 detractors of 7: (3 − 2) / 7 × 100.
    const rows = [10, 9, 8, 7, 6, 0, 10].map((v) => score(v));
    const snapshots = aggregate(rows, { ratingScale: '0-10', fields: ['created', 'score'] });
    expect(series(snapshots, 'nps')).toEqual([['2026-03-02', (1 / 7) * 100, 7]]);
    expect(series(snapshots, 'nps')[0]![1]).toBeCloseTo(14.285714285714, 11);
  });

  it('ranges from −100 to 100', () => {
    const rows = [score(0), score(6), score(10, '2026-03-03'), score(9, '2026-03-03')];
    expect(series(aggregate(rows, { ratingScale: '0-10' }), 'nps')).toEqual([
      ['2026-03-02', -100, 2],
      ['2026-03-03', 100, 2],
    ]);
  });

  it('is not computed from a 1-5 rating', () => {
    const rows = [{ created: t('2026-03-02 09:00'), rating: { scale: '1-5' as const, value: 5 } }];
    expect(series(aggregate(rows, { ratingScale: '1-5' }), 'nps')).toEqual([]);
  });
});

describe('nps: which answers', () => {
  it('is computed when the scale is not declared, from the 0-10 answers only', () => {
    const rows = [
      score(10),
      { created: t('2026-03-02 09:00'), rating: { scale: '1-5' as const, value: 5 } },
    ];
    expect(series(aggregate(rows, { fields: ['created', 'score'] }), 'nps')).toEqual([
      ['2026-03-02', 100, 1],
    ]);
  });
});
