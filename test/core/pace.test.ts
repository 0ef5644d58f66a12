/**
 * Pace (src/core/pace.ts): the history it needs, the fastest four-week pace,
 * and the realistic-pace judgement at its boundaries. Expected values are
 * worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { fastestFourWeekPace, hasPaceHistory, judgePace } from '../../src/core/pace.js';
import type { Point } from '../../src/core/snapshot.js';

/** Snapshots on days after 2026-01-01 (day 0), as [day, value] pairs. */
function series(...pairs: Array<[number, number]>): Point[] {
  return pairs.map(([day, value]) => ({
    date: new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10),
    value,
  }));
}

describe('hasPaceHistory: at least 8 snapshots over at least 28 days', () => {
  const days = (...list: number[]) => series(...list.map((d): [number, number] => [d, 80]));

  it('8 snapshots spanning exactly 28 days are enough, in any order', () => {
    expect(hasPaceHistory(days(28, 0, 4, 8, 12, 16, 20, 24))).toBe(true);
  });

  it('8 snapshots over 27 days, or 7 over 60, are not', () => {
    expect(hasPaceHistory(days(0, 4, 8, 12, 16, 20, 24, 27))).toBe(false);
    expect(hasPaceHistory(days(0, 10, 20, 30, 40, 50, 60))).toBe(false);
  });
});

describe('fastestFourWeekPace: the snapshot nearest to 28 days later, within 21–35 days', () => {
  it('35 days later still counts: 10 points over 5 weeks is 2 a week', () => {
    expect(fastestFourWeekPace(series([0, 80], [35, 90]), 1)).toBe(2);
  });

  it('21 days later still counts: 3 points over 3 weeks is 1 a week', () => {
    expect(fastestFourWeekPace(series([0, 80], [21, 83]), 1)).toBe(1);
  });

  it('36 or 14 days later is no four-week pace', () => {
    expect(fastestFourWeekPace(series([0, 80], [36, 90]), 1)).toBeUndefined();
    expect(fastestFourWeekPace(series([0, 80], [14, 90]), 1)).toBeUndefined();
  });

  it('takes the snapshot nearest to 28 days: day 28 (+8 in 4 weeks), not day 22', () => {
    expect(fastestFourWeekPace(series([0, 80], [22, 82], [28, 88]), 1)).toBe(2);
  });

  it('of two equally near (24 and 32 days), the earlier: +4 in 24 days is 7/6 a week', () => {
    expect(fastestFourWeekPace(series([0, 80], [24, 84], [32, 90]), 1)).toBeCloseTo(7 / 6, 12);
  });

  it('is 0 when the metric never moved the better way', () => {
    expect(fastestFourWeekPace(series([0, 80], [28, 84]), -1)).toBe(0);
  });
});

describe('judgePace', () => {
  const goal = {
    baseline: 40,
    target: 60,
    start: '2026-01-01',
    deadline: '2026-12-31',
    history: [],
  };

  it('has nothing to judge without a change or a duration', () => {
    expect(judgePace({ ...goal, target: 40 })).toBeUndefined();
    expect(judgePace({ ...goal, deadline: '2026-01-01' })).toBeUndefined();
    expect(judgePace({ ...goal, deadline: '2025-12-01' })).toBeUndefined();
    // a rule of thumb in shares of the baseline needs a baseline other than 0
    expect(judgePace({ ...goal, baseline: 0 })).toBeUndefined();
  });

  it('by history: exactly twice the fastest pace is still realistic', () => {
    // weekly snapshots rising 1 a week: the fastest four-week pace is 1 a week, the limit 2
    const history = series(
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((k): [number, number] => [7 * k, 80 + k]),
    );
    const within = { baseline: 80, start: '2026-03-02', deadline: '2026-03-16', history };
    // +4 in 2 weeks: 2 a week
    expect(judgePace({ ...within, target: 84 })).toEqual({
      basis: 'history',
      realistic: true,
      neededPerWeek: 2,
      fastestPerWeek: 1,
      realisticTarget: 84,
    });
    // +4.5 in 2 weeks: 2.25 a week; at 2 a week, 84
    expect(judgePace({ ...within, target: 84.5 })).toEqual({
      basis: 'history',
      realistic: false,
      neededPerWeek: 2.25,
      fastestPerWeek: 1,
      realisticTarget: 84,
    });
  });

  it('by rule of thumb: exactly 50 % of the baseline in all is still realistic', () => {
    // 40 → 60 over 364 days: 0.5 in all, 0.5 ÷ (364 ÷ 30.4375) = 0.0418 a month
    expect(judgePace(goal)).toEqual({
      basis: 'rule-of-thumb',
      realistic: true,
      totalChange: 0.5,
      monthlyChange: 0.5 / (364 / (365.25 / 12)),
      realisticTarget: 60,
    });
  });

  it('by rule of thumb: exactly 15 % of the baseline a month is still realistic', () => {
    // 1461 → 1569 in 15 days: 108/1461 in all, over 15 ÷ (365.25/12) months:
    // 108 × 365.25 ÷ (1461 × 15 × 12) = 39447 ÷ 262980 = 0.15
    const judgement = judgePace({ ...goal, baseline: 1461, target: 1569, deadline: '2026-01-16' });
    expect(judgement).toMatchObject({ realistic: true, monthlyChange: 0.15 });
  });
});
