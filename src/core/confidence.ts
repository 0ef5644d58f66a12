/**
 * Confidence (DESIGN §12): how sure the forecast is. From the spread of a
 * goal's snapshots around their Theil–Sen trend, an 80 % prediction interval
 * for the snapshot at the deadline and the chance that the target is met (for
 * stay goals: that no snapshot breaks the threshold before the deadline).
 *
 * The model, its assumptions and its calibration on real and synthetic series
 * are in docs/confidence.md. In short, a snapshot is
 *
 *   value(t) = trend(t) + drift(t) + noise
 *
 * with independent noise of spread σ (from the median absolute residual), a
 * random-walk drift of variance q per day (from how fast residuals drift apart
 * with the time between them), and a slope known only up to the spread of the
 * pairwise slopes (Sen's interval). The prediction error adds the noise of one
 * snapshot, the error of the fitted level and slope, and the drift the fit
 * cannot foresee; it is read on Student's t with n − 2 degrees of freedom.
 *
 * Pure and deterministic: the stay-goal chance is simulated with a fixed seed.
 */
import type { GoalType } from '../config/schema.js';
import { GOAL_TYPES, meets } from './compare.js';
import { daysBetween, fromDayNumber, toDayNumber } from './dates.js';
import type { IsoDate } from './dates.js';
import type { MetricDefinition } from './metrics.js';
import { SeededRandom } from './seeded-random.js';
import type { Point } from './snapshot.js';
import { normalCdf, studentTCdf, studentTQuantile } from './student-t.js';
import {
  median,
  medianBySelection,
  medianOfSorted,
  pairwiseSlopes,
  quantileBySelection,
  valuesByDay,
} from './theil-sen.js';
import type { Trend } from './theil-sen.js';

/** The interval holds the value at the deadline with this probability. */
export const CONFIDENCE_LEVEL = 0.8;
/**
 * Fewer snapshots since the start give no interval and no chance. Six is the
 * smallest window whose chance beats the no-change forecast at every reach
 * allowed, on real and synthetic series alike (docs/confidence.md, "Limits").
 */
export const MIN_CONFIDENCE_POINTS = 6;
/**
 * The interval reaches no further past the last snapshot than the snapshots
 * span (a goal is about halfway through before it gets a chance): further
 * out, the backtests show the trend's chance doing worse than no forecast.
 */
export const MAX_REACH = 1;

/** Normal 90 % quantile: Sen's interval of the slope is an 80 % one. */
const Z80 = 1.2815515655446004;
/** Median of χ² with 1 degree of freedom: turns a median square into a variance. */
const CHI2_1_MEDIAN = 0.4549364231195724;
/** Turns a median absolute deviation into a standard deviation (normal noise). */
const MAD_TO_SD = 1.4826;
/** The drift is read from residual differences up to this many snapshots apart. */
const MAX_DRIFT_LAG = 30;
const SEED = 0x5eed;

/** A metric's valid range, `null` = unbounded on that side. */
export type ValueRange = MetricDefinition['range'];

/** How a goal's snapshots spread around their trend: the inputs of every prediction. */
export interface Spread {
  /** Snapshots (distinct dates) fitted. */
  points: number;
  first: IsoDate;
  last: IsoDate;
  /** Days from the first snapshot to the last. */
  spanDays: number;
  /** Typical days between two snapshots (the median gap). */
  cadenceDays: number;
  /** Theil–Sen slope per day. */
  slopePerDay: number;
  /** The trend's value at the first snapshot's date. */
  levelAtFirst: number;
  /** σ: spread of single snapshots around the trend (robust standard deviation). */
  noise: number;
  /** Standard error of the slope per day, from Sen's 80 % interval of the pairwise slopes. */
  slopeError: number;
  /** q: variance per day of the random-walk drift (0 when the residuals do not drift). */
  drift: number;
  /** Degrees of freedom of the t distribution: snapshots − 2. */
  df: number;
  /** Days of each snapshot after the first (ascending), their mean and sum of squared deviations. */
  offsets: Float64Array;
  meanOffset: number;
  offsetSquares: number;
}

/** The predicted distribution of the snapshot at a date. */
export interface Prediction {
  date: IsoDate;
  /** The trend at the date (not clamped to the metric's range). */
  center: number;
  /** Scale of the t distribution around the center (≈ standard deviation). */
  scale: number;
  df: number;
  /** The 80 % interval, clamped to the metric's range. */
  low: number;
  high: number;
  /** The variances that add up to scale²: why the interval is as wide as it is. */
  variance: { noise: number; level: number; slope: number; drift: number };
}

/** Why a goal has no interval and no chance. */
export type NoConfidence =
  | { reason: 'few-snapshots'; points: number }
  | { reason: 'no-spread'; points: number }
  | { reason: 'beyond-reach'; daysAhead: number; spanDays: number };

export type Confidence =
  | { available: true; spread: Spread; prediction: Prediction; chance: number | null }
  | ({ available: false; chance: number | null } & NoConfidence);

export interface ConfidenceInput {
  /** The snapshots the forecast is fitted on (since the start, up to the judged date). */
  points: readonly Point[];
  deadline: IsoDate;
  type: GoalType;
  /** The target (a stay goal's threshold); null when it has none yet. */
  target: number | null;
  range: ValueRange;
  /** The forecast's trend, fitted on the same points: reused rather than fitted again. */
  trend?: Trend | undefined;
}

/**
 * The interval at the deadline and the chance of meeting the target, or why
 * there are none (too few snapshots, snapshots all exactly on a line, a
 * deadline beyond reach). A stay goal that a snapshot has already broken has
 * chance 0 whatever its history: that is a fact, not an estimate.
 */
export function estimateConfidence(input: ConfidenceInput): Confidence {
  const { points, deadline, type, target, range, trend } = input;
  const isStay = GOAL_TYPES[type].isStay;
  const isBroken = isStay && target !== null && points.some((p) => !meets(type, p.value, target));
  const known = isBroken ? 0 : null;
  const spread = fitSpread(points, MIN_CONFIDENCE_POINTS, trend);
  if (!spread) return { available: false, chance: known, ...notEnough(points) };
  // Every snapshot exactly on a line shows no spread to measure, and a
  // zero-width interval would claim a certainty no data gives.
  if (spread.noise === 0) {
    return { available: false, chance: known, reason: 'no-spread', points: spread.points };
  }
  const daysAhead = daysBetween(spread.last, deadline);
  if (daysAhead > MAX_REACH * spread.spanDays) {
    return {
      available: false,
      chance: known,
      reason: 'beyond-reach',
      daysAhead,
      spanDays: spread.spanDays,
    };
  }
  const prediction = predictAt(spread, deadline, range);
  let chance: number | null = known;
  if (target !== null && !isBroken) {
    chance = isStay
      ? chanceToHold(spread, deadline, type, target, range)
      : chanceToMeet(prediction, type, target, range);
  }
  return { available: true, spread, prediction, chance };
}

function notEnough(points: readonly Point[]): NoConfidence {
  return { reason: 'few-snapshots', points: new Set(points.map((p) => p.date)).size };
}

/**
 * Fits the trend and measures the spread around it; undefined with fewer than
 * MIN_CONFIDENCE_POINTS distinct dates (`minPoints`, at least 4, lets the
 * calibration benchmark show why). Several snapshots on one date count once,
 * by their median (as for the forecast). `trend`, the forecast's fit of the
 * same points, saves computing the pairwise slopes and their median again.
 */
export function fitSpread(
  points: readonly Point[],
  minPoints = MIN_CONFIDENCE_POINTS,
  trend?: Trend,
): Spread | undefined {
  const { days, values } = trend?.fitted ?? valuesByDay(points);
  const n = days.length;
  if (n < Math.max(4, minPoints)) return undefined;
  const first = days[0]!;
  const offsets = Float64Array.from(days, (d) => d - first);
  const slopes = trend?.fitted.slopes ?? pairwiseSlopes(days, values);
  const slopePerDay = trend?.slopePerDay ?? medianBySelection(slopes);
  // The level is the forecast's (median of value − slope × days), taken at the
  // first date rather than at 1970 to keep its digits.
  const levelAtFirst = median(values.map((v, i) => v - slopePerDay * offsets[i]!));
  const residuals = values.map((v, i) => v - levelAtFirst - slopePerDay * offsets[i]!);
  const center = median(residuals);
  const deviations = residuals.map((r) => Math.abs(r - center));
  // Deviations within rounding of the values count as none.
  const rounding = 1e-12 * Math.max(...values.map(Math.abs));
  let mad = median(deviations);
  // Over half the snapshots exactly on the trend (counts, rounded values):
  // the mean absolute deviation still sees the others.
  if (mad <= rounding) mad = (mean(deviations) * Math.sqrt(Math.PI / 2)) / MAD_TO_SD;
  if (mad <= rounding) mad = 0;
  const noise = MAD_TO_SD * mad * Math.sqrt(n / (n - 2));
  // Sen (1968): the slopes C/2 ranks either side of the median bound an 80 %
  // interval, C = z · √Var(Kendall's S).
  const c = Z80 * Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  const mid = (slopes.length - 1) / 2;
  const slopeError =
    (quantileBySelection(slopes, mid + c / 2) - quantileBySelection(slopes, mid - c / 2)) /
    (2 * Z80);
  const gaps = days.slice(1).map((d, i) => d - days[i]!);
  const meanOffset = mean([...offsets]);
  let offsetSquares = 0;
  for (const u of offsets) offsetSquares += (u - meanOffset) ** 2;
  return {
    points: n,
    first: fromDayNumber(first),
    last: fromDayNumber(days[n - 1]!),
    spanDays: days[n - 1]! - first,
    cadenceDays: median(gaps),
    slopePerDay,
    levelAtFirst,
    noise,
    slopeError,
    drift: estimateDrift(offsets, residuals),
    df: n - 2,
    offsets,
    meanOffset,
    offsetSquares,
  };
}

/**
 * The random-walk variance per day, from the residuals' variogram: how the
 * typical squared difference of two residuals grows with the days between
 * them (lags of 1 to n/4 snapshots, at most 30). Noise alone gives a flat
 * variogram (2σ² at every lag) and no drift.
 */
function estimateDrift(offsets: Float64Array, residuals: readonly number[]): number {
  const n = residuals.length;
  const maxLag = Math.min(MAX_DRIFT_LAG, Math.max(2, Math.floor(n / 4)));
  const lagDays: number[] = [];
  const lagVariance: number[] = [];
  // One buffer for every lag's squared differences, sorted in place.
  const buffer = new Float64Array(n - 1);
  for (let lag = 1; lag <= maxLag; lag++) {
    const squares = buffer.subarray(0, n - lag);
    let days = 0;
    for (let i = lag; i < n; i++) {
      squares[i - lag] = (residuals[i]! - residuals[i - lag]!) ** 2;
      days += offsets[i]! - offsets[i - lag]!;
    }
    lagDays.push(days / squares.length);
    lagVariance.push(medianOfSorted(squares.sort()) / CHI2_1_MEDIAN);
  }
  const meanDays = mean(lagDays);
  const meanVariance = mean(lagVariance);
  let sxy = 0;
  let sxx = 0;
  lagDays.forEach((d, i) => {
    sxy += (d - meanDays) * (lagVariance[i]! - meanVariance);
    sxx += (d - meanDays) ** 2;
  });
  return sxx > 0 ? Math.max(0, sxy / sxx) : 0;
}

/** The predicted distribution of the snapshot at `date`, and its 80 % interval. */
export function predictAt(spread: Spread, date: IsoDate, range: ValueRange): Prediction {
  const t = toDayNumber(date) - toDayNumber(spread.first);
  const { points: n, meanOffset } = spread;
  const center = spread.levelAtFirst + spread.slopePerDay * t;
  const variance = {
    noise: spread.noise ** 2,
    level: (spread.noise ** 2 * Math.PI) / (2 * n),
    slope: ((t - meanOffset) * spread.slopeError) ** 2,
    // No drift measured: skip the O(n) factor (charts ask for several dates).
    drift: spread.drift === 0 ? 0 : spread.drift * driftFactor(spread, t),
  };
  const scale = Math.sqrt(variance.noise + variance.level + variance.slope + variance.drift);
  const q = studentTQuantile(1 - (1 - CONFIDENCE_LEVEL) / 2, spread.df);
  return {
    date,
    center,
    scale,
    df: spread.df,
    low: clamp(center - q * scale, range),
    high: clamp(center + q * scale, range),
    variance,
  };
}

/**
 * P(the snapshot at the prediction's date meets the target): ≥ for increase,
 * ≤ for decrease. A target outside the metric's range is never met (CSAT
 * cannot pass 100 %); one at or beyond the range's other end always is.
 */
export function chanceToMeet(
  prediction: Prediction,
  type: GoalType,
  target: number,
  range: ValueRange,
): number {
  const sign = GOAL_TYPES[type].sign;
  const certain = certainOutcome(sign, target, range);
  if (certain !== undefined) return certain;
  const { center, scale, df } = prediction;
  if (scale === 0) return meets(type, center, target) ? 1 : 0;
  return studentTCdf((sign * (center - target)) / scale, df);
}

/**
 * P(no snapshot from the last one to the deadline breaks a stay goal's
 * threshold), one snapshot every `cadenceDays`. The snapshots share the
 * error of the trend and the drift, so the chance is simulated: up to 1,000
 * seeded draws (in mirrored pairs; fewer when more than 12 snapshots are due)
 * of the noise level, the trend's error and the drift path, each giving the
 * exact chance that independent noise keeps every snapshot on the right side.
 */
export function chanceToHold(
  spread: Spread,
  deadline: IsoDate,
  type: GoalType,
  threshold: number,
  range: ValueRange,
): number {
  const sign = GOAL_TYPES[type].sign;
  const certain = certainOutcome(sign, threshold, range);
  if (certain !== undefined) return certain;
  const lastOffset = spread.offsets[spread.offsets.length - 1]!;
  const horizon = toDayNumber(deadline) - toDayNumber(spread.last);
  const count = Math.floor(horizon / spread.cadenceDays);
  if (count <= 0) return 1;
  // Per future snapshot: how far the trend is on the right side of the
  // threshold, its distance from the mean date, the drift's step to it.
  const margin = new Float64Array(count);
  const lever = new Float64Array(count);
  const stepSd = Math.sqrt(spread.drift * spread.cadenceDays);
  for (let k = 0; k < count; k++) {
    const t = lastOffset + (k + 1) * spread.cadenceDays;
    margin[k] = sign * (spread.levelAtFirst + spread.slopePerDay * t - threshold);
    lever[k] = t - spread.meanOffset;
  }
  const levelSd = spread.noise * Math.sqrt(Math.PI / (2 * spread.points));
  const drift = driftAtLast(spread);
  const random = new SeededRandom(SEED);
  // 500 mirrored pairs, fewer when many snapshots are due (about 12,000
  // normal probabilities in all): a daily stay goal costs what a weekly one does.
  const pairs = Math.max(100, Math.min(500, Math.round(6_000 / count)));
  const shared = new Float64Array(count);
  let total = 0;
  for (let s = 0; s < pairs; s++) {
    const scale = Math.sqrt(spread.df / (2 * random.gamma(spread.df / 2)));
    const level = random.normal() * levelSd;
    const slope = random.normal() * spread.slopeError;
    const z1 = random.normal();
    const z2 = random.normal();
    const end = drift.l11 * z1;
    const tilt = drift.l21 * z1 + drift.l22 * z2;
    let walk = 0;
    for (let k = 0; k < count; k++) {
      if (stepSd > 0) walk += random.normal() * stepSd;
      shared[k] = sign * scale * (level + (slope - tilt) * lever[k]! + end + walk);
    }
    // A mirrored pair (every draw negated) halves the simulation noise.
    const noise = scale * spread.noise;
    total += holdProbability(margin, shared, 1, noise) + holdProbability(margin, shared, -1, noise);
  }
  return total / (2 * pairs);
}

/** Π P(noise > −(margin ± shared)): every snapshot stays on the right side. */
function holdProbability(
  margin: Float64Array,
  shared: Float64Array,
  mirror: 1 | -1,
  noise: number,
): number {
  let p = 1;
  for (let k = 0; k < margin.length && p > 0; k++) {
    const m = margin[k]! + mirror * shared[k]!;
    p *= noise > 0 ? normalCdf(m / noise) : m >= 0 ? 1 : 0;
  }
  return p;
}

/** 0 or 1 when the range alone decides (a target beyond the metric's best value is never met). */
function certainOutcome(sign: 1 | -1, target: number, [min, max]: ValueRange): number | undefined {
  const best = sign === 1 ? max : min;
  const worst = sign === 1 ? min : max;
  if (best !== null && sign * (target - best) > 0) return 0;
  if (worst !== null && sign * (target - worst) <= 0) return 1;
  return undefined;
}

/**
 * Var(W(t) − the line fitted through W at the snapshots) ÷ q for a Brownian
 * motion W: how much of a random-walk drift the trend cannot foresee at day t.
 * With the least-squares weights w_i(t) (which reproduce any line, Σ w_i u_i = t):
 * Σ_i Σ_j w_i w_j min(u_i, u_j) − t. As w_i = 1/n + β(u_i − ū) with
 * β = (t − ū) ÷ Σ(u − ū)², the double sum is a quadratic in β whose three
 * coefficients depend on the snapshots only: computed once per spread, so a
 * chart's many dates cost O(1) each.
 */
function driftFactor(spread: Spread, t: number): number {
  const { points: n, meanOffset, offsetSquares } = spread;
  const [ones, mixed, centred] = driftForms(spread);
  const a = 1 / n;
  const b = (t - meanOffset) / offsetSquares;
  return Math.max(0, a * a * ones + 2 * a * b * mixed + b * b * centred - t);
}

const driftFormsOf = new WeakMap<Spread, readonly [number, number, number]>();

/** Σ Σ min(u_i, u_j) weighted by 1·1, 1·(u_j − ū) and (u_i − ū)(u_j − ū). */
function driftForms(spread: Spread): readonly [number, number, number] {
  let forms = driftFormsOf.get(spread);
  if (!forms) {
    const { offsets: u, meanOffset } = spread;
    const one = new Float64Array(u.length).fill(1);
    const centred = Float64Array.from(u, (x) => x - meanOffset);
    forms = [
      bilinearMin(u, one, one),
      bilinearMin(u, one, centred),
      bilinearMin(u, centred, centred),
    ];
    driftFormsOf.set(spread, forms);
  }
  return forms;
}

/**
 * The drift the fit cannot foresee, split for simulation: at day t it is
 * U − (t − ū)·B + (W(t) − W(last)), where U = W(last) − mean W and B = the
 * least-squares slope of W are jointly normal; returned as the Cholesky
 * factor of their covariance (already scaled by q).
 */
function driftAtLast(spread: Spread): { l11: number; l21: number; l22: number } {
  const { points: n, meanOffset, offsetSquares: sxx, offsets: u } = spread;
  const a = Float64Array.from(u, (_, i) => (i === n - 1 ? 1 : 0) - 1 / n);
  const c = Float64Array.from(u, (x) => (x - meanOffset) / sxx);
  const vu = spread.drift * bilinearMin(u, a, a);
  const vb = spread.drift * bilinearMin(u, c, c);
  const cov = spread.drift * bilinearMin(u, a, c);
  const l11 = Math.sqrt(Math.max(0, vu));
  const l21 = l11 > 0 ? cov / l11 : 0;
  const l22 = Math.sqrt(Math.max(0, vb - l21 * l21));
  return { l11, l21, l22 };
}

/** Σ_i Σ_j a_i c_j min(u_i, u_j) for ascending u, in one pass. */
function bilinearMin(u: Float64Array, a: Float64Array, c: Float64Array): number {
  let aTail = 0;
  let cTail = 0;
  let sum = 0;
  for (let k = u.length - 1; k >= 0; k--) {
    sum += u[k]! * (a[k]! * c[k]! + a[k]! * cTail + c[k]! * aTail);
    aTail += a[k]!;
    cTail += c[k]!;
  }
  return sum;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function clamp(value: number, [min, max]: ValueRange): number {
  if (min !== null && value < min) return min;
  if (max !== null && value > max) return max;
  return value;
}
