/**
 * Theil–Sen estimator: the median of the slopes between every pair of
 * points, and the median intercept. Robust to outliers (up to ~29 % of the
 * points), which a week of bad survey data easily is.
 */
import { daysBetween, toDayNumber } from './dates.js';
import type { IsoDate } from './dates.js';
import type { Point } from './snapshot.js';

export interface Trend {
  /** Change per day. */
  slopePerDay: number;
  /** Points it was fitted on, on distinct dates. */
  points: number;
  /**
   * The series it was fitted on (ascending day numbers, a value per day) and
   * its pairwise slopes (in no order), which the confidence figure reuses:
   * computing them is most of the cost of a fit.
   */
  fitted: { days: readonly number[]; values: readonly number[]; slopes: Float64Array };
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
  const slopes = pairwiseSlopes(xs, ys);
  const slopePerDay = medianBySelection(slopes);
  return { slopePerDay, points: xs.length, fitted: { days: xs, values: ys, slopes } };
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
    values.push(median(list));
  }
  return { days, values };
}

/** The slopes between every two points (`xs` distinct), in the order of the pairs. */
export function pairwiseSlopes(xs: readonly number[], ys: readonly number[]): Float64Array {
  const slopes = new Float64Array((xs.length * (xs.length - 1)) / 2);
  let k = 0;
  // Stryker disable next-line EqualityOperator: with i = xs.length there is no j: the same slopes
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) slopes[k++] = (ys[j]! - ys[i]!) / (xs[j]! - xs[i]!);
  }
  return slopes;
}

/**
 * The median of the sorted values, without sorting them (reorders `values`):
 * `goals check` fits two trends per goal, each on a thousand slopes, and a
 * selection takes a third of a sort's time. The same number as
 * medianOfSorted(values.sort()), a negative zero included.
 */
export function medianBySelection(values: Float64Array): number {
  const n = values.length;
  const mid = n >> 1;
  if (n % 2) return signedAt(values, mid, select(values, mid));
  const low = signedAt(values, mid - 1, select(values, mid - 1));
  // After the selection, every value from mid on is ≥ low: the next is their least.
  let high = values[mid]!;
  for (let i = mid + 1; i < n; i++) if (values[i]! < high) high = values[i]!;
  return (low + signedAt(values, mid, high)) / 2;
}

/**
 * The k-th smallest value (0-based), by Hoare's selection: afterwards no value
 * before k is greater and none after k is smaller. No NaN among the values.
 */
function select(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k]!;
}

/** A zero at rank k as a sort ranks zeros (−0 before +0); other values as they are. */
function signedAt(values: Float64Array, k: number, value: number): number {
  if (value !== 0) return value;
  let below = 0;
  let negativeZeros = 0;
  for (const v of values) {
    if (v < 0) below++;
    else if (Object.is(v, -0)) negativeZeros++;
  }
  return k < below + negativeZeros ? -0 : 0;
}

export function medianOfSorted(sorted: Float64Array): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The trend's value at `date`: the median of (value + slope × days to `date`)
 * over `points` — the median intercept carried to `date`, computed around the
 * points rather than from an intercept at 1970 (no cancellation error).
 */
export function trendValueAt(slopePerDay: number, points: readonly Point[], date: IsoDate): number {
  return median(points.map((p) => p.value + slopePerDay * daysBetween(p.date, date)));
}
