import { describe, expect, it } from 'vitest';
import { median, quantile, quantileOfStatistic } from '../../../src/core/records/percentile.js';

describe('quantile (type 7)', () => {
  // Expected values: numpy 2.4.6, float(np.quantile(np.array(xs, dtype=float), q)) for
  // q in 0, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1 — printed with repr and pasted.
  const qs = [0, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1];
  const cases: Array<[number[], number[]]> = [
    [[7], [7, 7, 7, 7, 7, 7, 7, 7]],
    [
      [1, 2],
      [1, 1.25, 1.5, 1.9, 1.95, 1.99, 1.999, 2],
    ],
    [
      [3, 1, 2],
      [1, 1.5, 2, 2.8, 2.9, 2.98, 2.998, 3],
    ],
    [
      [15, 20, 35, 40, 50],
      [15, 20, 35, 46, 48, 49.6, 49.96, 50],
    ],
    [
      [0.5, 120, 3600, 7, 61, 61, 2.25, 9000],
      [
        0.5, 5.8125, 61, 5219.999999999999, 7109.999999999997, 8621.999999999998, 8962.200000000003,
        9000,
      ],
    ],
    [
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      [1, 3.25, 5.5, 9.1, 9.549999999999999, 9.91, 9.991, 10],
    ],
  ];

  it.each(cases)('of %j is numpy’s, to the last bit', (values, expected) => {
    expect(qs.map((q) => quantile(Float64Array.from(values), q))).toEqual(expected);
  });

  it('is undefined without values', () => {
    expect(quantile(new Float64Array(0), 0.5)).toBeUndefined();
    expect(median(new Float64Array(0))).toBeUndefined();
  });

  it('interpolates from the nearer value, as numpy does, to the last bit', () => {
    // numpy 2.4.6: np.quantile([0.1, 0.7], 0.3) = 0.28 (from below: 0.1 + 0.6 × 0.3; from
    // above, 0.7 − 0.6 × 0.7, is 0.27999999999999997); np.median([0.1, 0.7]) =
    // 0.39999999999999997 (from above at exactly halfway; from below it is 0.4)
    expect(quantile(Float64Array.from([0.1, 0.7]), 0.3)).toBe(0.28);
    expect(median(Float64Array.from([0.7, 0.1]))).toBe(0.39999999999999997);
  });

  it('gives the median as the middle value or the mean of the middle two', () => {
    expect(median(Float64Array.from([5, 1, 3]))).toBe(3);
    expect(median(Float64Array.from([5, 1, 3, 4]))).toBe(3.5);
  });
});

describe('quantileOfStatistic', () => {
  it('reads median and pNN, and nothing else', () => {
    expect(quantileOfStatistic('median')).toBe(0.5);
    expect(quantileOfStatistic('p90')).toBe(0.9);
    // As np.percentile does: the percent divided by 100.
    expect(quantileOfStatistic('p99.9')).toBe(99.9 / 100);
    expect(quantileOfStatistic('p99.95')).toBe(99.95 / 100);
    expect(quantileOfStatistic('p0')).toBe(0);
    expect(quantileOfStatistic('p100')).toBe(1);
    for (const bad of ['mean', 'p101', 'p-5', 'q90', 'p', 'P90', 'p90%', 'xp90']) {
      expect(quantileOfStatistic(bad)).toBeUndefined();
    }
  });
});
