/**
 * Theil–Sen estimator: the median of the slopes between every pair of
 * points, and the median intercept. Robust to outliers (up to ~29 % of the
 * points), which a week of bad survey data easily is.
 */
import { toDayNumber } from './dates.js';
import type { IsoDate } from './dates.js';
import type { Point } from './snapshot.js';

export interface Trend {
  /** Change per day. */
  slopePerDay: number;
  /** Value at day number 0 (1970-01-01); use `trendAt`. */
  intercept: number;
  /** Points it was fitted on, on distinct dates. */
  points: number;
}

/** Minimum snapshots on distinct dates for a forecast (DESIGN §6). */
export const MIN_FORECAST_POINTS = 3;

export function median(values: readonly number[]): number {
  // A typed array sorts numerically without a comparator: several times faster
  // on the thousand pairwise slopes of a quarter of daily snapshots.
  return medianOfSorted(Float64Array.from(values).sort());
}

/**
 * Fits a trend; undefined with fewer than 3 distinct dates. Several
 * snapshots on one date count once, by their median.
 */
export function fitTrend(points: readonly Point[]): Trend | undefined {
  const { days: xs, values: ys } = valuesByDay(points);
  if (xs.length < MIN_FORECAST_POINTS) return undefined;
  const slopePerDay = medianOfSorted(sortedPairwiseSlopes(xs, ys));
  const intercept = median(xs.map((x, i) => ys[i]! - slopePerDay * x));
  return { slopePerDay, intercept, points: xs.length };
}

/**
 * A series as day numbers (ascending, distinct) and values; several
 * snapshots on one date count once, by their median.
 */
export function valuesByDay(points: readonly Point[]): { days: number[]; values: number[] } {
  const byDay = new Map<number, number[]>();
  for (const p of points) {
    const day = toDayNumber(p.date);
    const list = byDay.get(day);
    if (list) list.push(p.value);
    else byDay.set(day, [p.value]);
  }
  const days: number[] = [];
  const values: number[] = [];
  for (const [day, list] of [...byDay].sort((a, b) => a[0] - b[0])) {
    days.push(day);
    values.push(list.length === 1 ? list[0]! : median(list));
  }
  return { days, values };
}

/**
 * The slopes between every two points (`xs` distinct), in ascending order:
 * their median is the Theil–Sen slope, their spread its uncertainty.
 */
export function sortedPairwiseSlopes(xs: readonly number[], ys: readonly number[]): Float64Array {
  const slopes = new Float64Array((xs.length * (xs.length - 1)) / 2);
  let k = 0;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) slopes[k++] = (ys[j]! - ys[i]!) / (xs[j]! - xs[i]!);
  }
  // A typed array sorts numerically without a comparator.
  return slopes.sort();
}

function medianOfSorted(sorted: Float64Array): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function trendAt(trend: Trend, date: IsoDate): number {
  return trend.intercept + trend.slopePerDay * toDayNumber(date);
}
