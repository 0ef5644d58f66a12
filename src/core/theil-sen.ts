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
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Fits a trend; undefined with fewer than 3 distinct dates. Several
 * snapshots on one date count once, by their median.
 */
export function fitTrend(points: readonly Point[]): Trend | undefined {
  const byDay = new Map<number, number[]>();
  for (const p of points) {
    const day = toDayNumber(p.date);
    const list = byDay.get(day);
    if (list) list.push(p.value);
    else byDay.set(day, [p.value]);
  }
  if (byDay.size < MIN_FORECAST_POINTS) return undefined;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [day, values] of [...byDay].sort((a, b) => a[0] - b[0])) {
    xs.push(day);
    ys.push(median(values));
  }
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) slopes.push((ys[j]! - ys[i]!) / (xs[j]! - xs[i]!));
  }
  const slopePerDay = median(slopes);
  const intercept = median(xs.map((x, i) => ys[i]! - slopePerDay * x));
  return { slopePerDay, intercept, points: xs.length };
}

export function trendAt(trend: Trend, date: IsoDate): number {
  return trend.intercept + trend.slopePerDay * toDayNumber(date);
}
