/**
 * The per-day counts behind backlog and churn: whatever order the days come
 * in, far apart or at the edges of what is held, each count is kept and the
 * running sums read them all. Expected sums added up by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { DayCounts } from '../../../src/core/records/day-counts.js';

function sums(adds: Array<[number, number]>, days: number[]): number[] {
  const counts = new DayCounts();
  for (const [day, delta] of adds) counts.add(day, delta);
  const upTo = counts.cumulative();
  return days.map(upTo);
}

describe('DayCounts', () => {
  it('sums the counts of all days up to a day, 0 before the first and without any', () => {
    // 100: 1 + 2 = 3; 103: −1
    expect(
      sums(
        [
          [100, 1],
          [100, 2],
          [103, -1],
        ],
        [-5, 99, 100, 102, 103, 10_000],
      ),
    ).toEqual([0, 0, 3, 3, 2, 2]);
    expect(sums([], [0, 20_000])).toEqual([0, 0]);
  });

  it('keeps the days near day 0 apart (1970-01-01 and 40 days later)', () => {
    expect(
      sums(
        [
          [0, 1],
          [40, 1],
        ],
        [-24, -1, 0, 39, 40],
      ),
    ).toEqual([0, 0, 1, 1, 2]);
  });

  it('keeps a day just past the end and just before the start of what it holds', () => {
    // the first day holds 32 days before it and 31 after it: 132 is the first day past that
    expect(
      sums(
        [
          [100, 1],
          [131, 1],
          [132, 1],
          [67, 4],
        ],
        [66, 67, 99, 100, 131, 132],
      ),
    ).toEqual([0, 4, 4, 5, 6, 7]);
  });

  it('keeps days far below and far above the first', () => {
    // 1000 first, then 0 (far below), then 5000 (far above)
    expect(
      sums(
        [
          [1000, 1],
          [0, 5],
          [5000, 2],
        ],
        [-1, 0, 999, 1000, 4999, 5000, 6000],
      ),
    ).toEqual([0, 5, 5, 6, 6, 8, 8]);
  });
});
