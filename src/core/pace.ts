/**
 * Pace: how fast a metric moves per week, how fast it must move, and whether
 * that is realistic — one judgement shared by `achievable/realistic-pace`,
 * `goals new` and `goals plan`.
 */
import { daysBetween } from './dates.js';
import type { IsoDate } from './dates.js';
import type { Point } from './snapshot.js';
import { sortPoints } from './snapshot.js';
import type { MetricUnit } from './metrics.js';
import { roundTarget } from './values.js';

/** History long enough to judge pace by: ≥ 8 snapshots over ≥ 4 weeks. */
export const MIN_HISTORY_POINTS = 8;
export const MIN_HISTORY_DAYS = 28;
/** The pace needed may be at most this multiple of the fastest 4-week pace seen. */
export const PACE_LIMIT_FACTOR = 2;
/** Without history: a change of more than this share of the baseline … */
export const MAX_TOTAL_CHANGE = 0.5;
/** … or more than this share of it per month is unrealistic. */
export const MAX_MONTHLY_CHANGE = 0.15;
const DAYS_PER_MONTH = 365.25 / 12;

export function hasPaceHistory(points: readonly Point[]): boolean {
  if (points.length < MIN_HISTORY_POINTS) return false;
  const sorted = sortPoints(points);
  return daysBetween(sorted[0]!.date, sorted[sorted.length - 1]!.date) >= MIN_HISTORY_DAYS;
}

/**
 * The fastest improvement over about four weeks (21–35 days) in the history,
 * per week, in the direction of `sign` (+1 up, −1 down). 0 when it never
 * improved; undefined when no two snapshots are about four weeks apart.
 */
export function fastestFourWeekPace(points: readonly Point[], sign: 1 | -1): number | undefined {
  const sorted = sortPoints(points);
  let best: number | undefined;
  for (const [i, from] of sorted.entries()) {
    // The snapshot nearest to 28 days later, within 21–35 days.
    let candidate: Point | undefined;
    let candidateGap = Infinity;
    for (let j = i + 1; j < sorted.length; j++) {
      const days = daysBetween(from.date, sorted[j]!.date);
      if (days > 35) break;
      if (days >= 21 && Math.abs(days - 28) < candidateGap) {
        candidate = sorted[j];
        candidateGap = Math.abs(days - 28);
      }
    }
    if (!candidate) continue;
    const weeks = daysBetween(from.date, candidate.date) / 7;
    const pace = Math.max(0, (sign * (candidate.value - from.value)) / weeks);
    best = best === undefined ? pace : Math.max(best, pace);
  }
  return best;
}

export type PaceJudgement =
  | {
      basis: 'history';
      realistic: boolean;
      /** Needed, per week, as a magnitude in the improving direction. */
      neededPerWeek: number;
      fastestPerWeek: number;
      /** The target reachable at 2× the fastest pace seen (a realistic alternative). */
      realisticTarget: number;
    }
  | {
      basis: 'rule-of-thumb';
      realistic: boolean;
      /** |target − baseline| ÷ |baseline|. */
      totalChange: number;
      /** totalChange per month of the goal. */
      monthlyChange: number;
      realisticTarget: number;
    };

/**
 * Whether moving from `baseline` to `target` between `start` and `deadline`
 * is realistic, judged by the history when there is enough of it (≥ 8
 * snapshots over ≥ 4 weeks: at most 2× the fastest 4-week pace), else by
 * rule of thumb (at most 50 % of the baseline in all, 15 % per month).
 * Undefined when there is nothing to judge (no change, no duration).
 */
export function judgePace(input: {
  baseline: number;
  target: number;
  start: IsoDate;
  deadline: IsoDate;
  history: readonly Point[];
}): PaceJudgement | undefined {
  const { baseline, target, start, deadline, history } = input;
  const days = daysBetween(start, deadline);
  if (days <= 0 || target === baseline) return undefined;
  // Stryker disable next-line EqualityOperator: target ≠ baseline here, so > and ≥ agree
  const sign = target > baseline ? 1 : -1;
  const weeks = days / 7;
  const needed = Math.abs(target - baseline) / weeks;
  if (hasPaceHistory(history)) {
    const fastest = fastestFourWeekPace(history, sign);
    if (fastest !== undefined) {
      const limit = PACE_LIMIT_FACTOR * fastest;
      return {
        basis: 'history',
        realistic: needed <= limit,
        neededPerWeek: needed,
        fastestPerWeek: fastest,
        realisticTarget: baseline + sign * Math.min(needed, limit) * weeks,
      };
    }
  }
  if (baseline === 0) return undefined;
  const totalChange = Math.abs(target - baseline) / Math.abs(baseline);
  const months = days / DAYS_PER_MONTH;
  const monthlyChange = totalChange / months;
  const allowed = Math.min(MAX_TOTAL_CHANGE, MAX_MONTHLY_CHANGE * months);
  return {
    basis: 'rule-of-thumb',
    realistic: totalChange <= MAX_TOTAL_CHANGE && monthlyChange <= MAX_MONTHLY_CHANGE,
    totalChange,
    monthlyChange,
    realisticTarget: baseline + sign * Math.abs(baseline) * Math.min(totalChange, allowed),
  };
}

/**
 * The realistic alternative to an unrealistic target, rounded towards the
 * baseline (so it stays realistic) to the precision values are shown in:
 * the number the coach says and the one it offers are the same.
 */
export function realisticStep(judgement: PaceJudgement, unit: MetricUnit, sign: 1 | -1): number {
  return roundTarget(judgement.realisticTarget, unit, sign);
}
