import { describe, expect, it } from 'vitest';
import type { RatingScale } from '../../../../src/core/records/record.js';
import { aggregate, series, t } from '../../../helpers/records.js';

const rated = (scale: RatingScale, value: number) => ({
  created: t('2026-03-02 09:00'),
  rating: { scale, value },
});

describe('csat', () => {
  // [scale, ratings, satisfied %, n] — satisfied: 4–5 of 5, good, 6–7 of 7.
  const cases: Array<[RatingScale, number[], number, number]> = [
    ['1-5', [5, 4, 3, 1, 2], 40, 5],
    ['good-bad', [1, 1, 0], (2 / 3) * 100, 3],
    ['1-7', [7, 6, 5, 1], 50, 4],
  ];
  it.each(cases)('on a %s scale', (scale, values, value, n) => {
    const rows = values.map((v) => rated(scale, v));
    expect(series(aggregate(rows, { ratingScale: scale }), 'csat')).toEqual([
      ['2026-03-02', value, n],
    ]);
  });

  it('counts a rated ticket on its solved day, else its creation day', () => {
    const rows = [
      { ...rated('1-5', 5), solvedAt: t('2026-03-04 10:00') },
      { ...rated('1-5', 1), solvedAt: t('2026-03-04 11:00') },
      rated('1-5', 4),
      { created: t('2026-03-02 09:00') }, // not rated
    ];
    expect(series(aggregate(rows, { ratingScale: '1-5' }), 'csat')).toEqual([
      ['2026-03-02', 100, 1],
      ['2026-03-04', 50, 2],
    ]);
  });

  it('is not computed from 0-10 scores, nor from a 1-7 survey score (that is CES)', () => {
    expect(series(aggregate([rated('0-10', 10)], { ratingScale: '0-10' }), 'csat')).toEqual([]);
    const survey = aggregate([rated('1-7', 7)], {
      ratingScale: '1-7',
      fields: ['created', 'score'],
    });
    expect(series(survey, 'csat')).toEqual([]);
    // With the scale unknown to the source, each row's scale decides.
    expect(series(aggregate([rated('0-10', 10), rated('1-5', 5)]), 'csat')).toEqual([
      ['2026-03-02', 100, 1],
    ]);
  });
});
