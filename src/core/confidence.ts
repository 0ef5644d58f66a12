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
 * random-walk drift of variance q per day (a moment estimate from how far
 * every two residuals lie apart, which can come out zero or below), and the
 * trend known up to the error that σ puts in a Theil–Sen fit. The prediction
 * error adds the noise of one snapshot, the error of the fitted level and
 * slope, and the drift the fit cannot foresee; it is read on Student's t with
 * the degrees of freedom a median absolute deviation is worth.
 *
 * Pure and deterministic: the stay-goal chance is a fixed quadrature.
 */
import type { GoalType } from '../config/schema.js';
import { GOAL_TYPES, meets } from './compare.js';
import { daysBetween, fromDayNumber, toDayNumber } from './dates.js';
import type { IsoDate } from './dates.js';
import type { MetricDefinition } from './metrics.js';
import type { Point } from './snapshot.js';
import { normalCdf, studentTCdf, studentTQuantile } from './student-t.js';
import { median, medianBySelection, pairwiseSlopes, valuesByDay } from './theil-sen.js';
import type { Trend } from './theil-sen.js';

/** The interval holds the value at the deadline with this probability. */
export const CONFIDENCE_LEVEL = 0.8;
/**
 * Fewer snapshots since the start give no interval and no chance. Eight is the
 * smallest window whose chance beats the no-change forecast at every reach
 * allowed, on real and synthetic series alike (docs/confidence.md, "Limits").
 */
export const MIN_CONFIDENCE_POINTS = 8;
/**
 * The interval reaches no further past the last snapshot than the snapshots
 * span (a goal is about halfway through before it gets a chance): further
 * out, the backtests show the trend's chance doing worse than no forecast.
 */
export const MAX_REACH = 1;

/** Turns a median absolute deviation into a standard deviation (normal noise). */
const MAD_TO_SD = 1.4826;
/**
 * Asymptotic efficiency of the median absolute deviation against the standard
 * deviation for normal noise (Rousseeuw & Croux 1993): σ from the MAD of n − 2
 * free residuals is worth a variance estimate with about 0.37 × (n − 2)
 * degrees of freedom (a simulation of normal noise around a line agrees, from
 * 6 to 100 snapshots: docs/confidence.md, "The model").
 */
const MAD_EFFICIENCY = 0.3675;
/**
 * Variance of the Theil–Sen slope over that of least squares under normal
 * noise: its efficiency is about 0.91 (Sen 1968; simulated 1.05–1.18 for
 * 6–100 evenly spaced snapshots).
 */
const SLOPE_VARIANCE_RATIO = 1.1;
/** Residuals further than this many clipped deviations from their median are outliers. */
const CLIP = 3;
/** 1 ÷ the standard deviation of a normal distribution cut at ±3: 1 ÷ √(1 − 6φ(3) ÷ (2Φ(3) − 1)). */
const CLIP_CORRECTION = 1.013604197642207;
/** Quadrature of the stay chance: nodes for the shared error and for the noise level. */
const SHARED_NODES = 25;
const SCALE_NODES = 32;
/**
 * At most this many snapshots due are computed one by one; with more (a daily
 * goal months out), the log-chance of the others is interpolated between them,
 * so a stay goal's cost does not grow with its horizon.
 */
const DUE_NODES = 24;

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
  /** Standard error of the slope per day that the noise puts in the Theil–Sen fit. */
  slopeError: number;
  /**
   * q: variance per day of the random-walk drift, a moment estimate that is
   * about 0 without drift and below 0 when the residuals drift apart less than
   * independent noise would (the prediction is then narrower, never below σ).
   */
  drift: number;
  /** Degrees of freedom of the t distribution: 0.3675 × (snapshots − 2), what a MAD is worth. */
  df: number;
  /**
   * The stay chance's noise level: the residuals' standard deviation, twice
   * leaving out those beyond 3 of it (outliers), worth about as much as a
   * standard deviation for normal noise (its degrees of freedom: `clippedDf`).
   */
  clippedNoise: number;
  /** The residuals the clipped noise kept, − 2. */
  clippedDf: number;
  /**
   * Each future snapshot's own noise for the stay chance: the clipped noise's
   * share that the drift's moment estimate calls noise (the rest is drift,
   * which neighbouring snapshots share); all of it without drift.
   */
  ownNoise: number;
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
  /**
   * The variances that add up to scale²: why the interval is as wide as it is.
   * `drift` is below 0 when the residuals drift apart less than noise would.
   */
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
  const slopePerDay = trend?.slopePerDay ?? medianBySelection(pairwiseSlopes(days, values));
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
  const gaps = days.slice(1).map((d, i) => d - days[i]!);
  const meanOffset = mean([...offsets]);
  let offsetSquares = 0;
  for (const u of offsets) offsetSquares += (u - meanOffset) ** 2;
  const moments = estimateDrift(offsets, residuals, meanOffset, offsetSquares);
  const clipped = clippedDeviation(residuals, center);
  // The residuals' spread is noise σ² plus, on average, q × Ḡ of drift: the
  // share that is noise, by the moment estimates (none measured: all of it).
  const driftShare = Math.max(0, moments.drift) * moments.meanG;
  const noiseShare = moments.noise > 0 ? moments.noise / (moments.noise + driftShare) : 1;
  return {
    points: n,
    first: fromDayNumber(first),
    last: fromDayNumber(days[n - 1]!),
    spanDays: days[n - 1]! - first,
    cadenceDays: median(gaps),
    slopePerDay,
    levelAtFirst,
    noise,
    slopeError: noise * Math.sqrt(SLOPE_VARIANCE_RATIO / offsetSquares),
    drift: moments.drift,
    df: MAD_EFFICIENCY * (n - 2),
    clippedNoise: clipped.deviation,
    clippedDf: clipped.kept - 2,
    ownNoise: clipped.deviation * Math.sqrt(noiseShare),
    offsets,
    meanOffset,
    offsetSquares,
  };
}

/**
 * The standard deviation of the residuals (n − 2 degrees of freedom), twice
 * computed again without those further than 3 of it from their median, × the
 * factor that makes a normal distribution cut at ±3 whole again. Starting from
 * every residual, it keeps all of them for normal noise (so its sampling
 * distribution is close to χ² with kept − 2 degrees of freedom), and leaves
 * out an outlier that stands far from the others.
 */
function clippedDeviation(
  residuals: readonly number[],
  center: number,
): { deviation: number; kept: number } {
  let kept = residuals;
  let deviation = Math.sqrt(sumOfSquares(kept) / (kept.length - 2));
  for (let pass = 0; pass < 2; pass++) {
    kept = residuals.filter((r) => Math.abs(r - center) <= CLIP * deviation);
    deviation = CLIP_CORRECTION * Math.sqrt(sumOfSquares(kept) / (kept.length - 2));
  }
  return { deviation, kept: kept.length };
}

/** Σ(x − x̄)². */
function sumOfSquares(values: readonly number[]): number {
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return sum;
}

/**
 * The random-walk variance per day, by the method of moments: for every two
 * snapshots i < j, the squared difference of their residuals has expectation
 * σ² A_ij + q B_ij under the model, where A and B follow from the days alone
 * (the same for the residuals from a straight line fitted to independent
 * noise, and to a random walk). Least squares of the squared differences on
 * A and B estimates σ² (`noise`) and q (`drift`) at once; q is returned as
 * estimated, 0 or below included (a floor at 0 would give every series of
 * plain noise some drift). `meanG`: the mean variance a unit random walk
 * leaves in the residuals (the mean of B's diagonal terms G_ii). O(n²), like
 * the pairwise slopes.
 */
function estimateDrift(
  u: Float64Array,
  residuals: readonly number[],
  meanOffset: number,
  sxx: number,
): { drift: number; noise: number; meanG: number } {
  const n = u.length;
  const c = Float64Array.from(u, (x) => x - meanOffset);
  // K_ij = min(u_i, u_j), the random walk's covariance; with ascending u,
  // a_j = Σ_i K_ij and b_j = Σ_i c_i K_ij by prefix sums.
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  let sumU = 0;
  let sumCU = 0;
  let tailC = 0;
  for (let j = n - 1; j >= 0; j--) tailC += c[j]!;
  for (let j = 0; j < n; j++) {
    sumU += u[j]!;
    sumCU += c[j]! * u[j]!;
    tailC -= c[j]!;
    a[j] = sumU + (n - 1 - j) * u[j]!;
    b[j] = sumCU + u[j]! * tailC;
  }
  let sumA = 0;
  let sumB = 0;
  let sumBC = 0;
  for (let j = 0; j < n; j++) {
    sumA += a[j]!;
    sumB += b[j]!;
    sumBC += b[j]! * c[j]!;
  }
  // G = (I − H) K (I − H), H the hat matrix of a straight line:
  // (HK)_ij = a_j / n + c_i b_j / sxx, and Σ_l a_l c_l = Σ_j b_j.
  const hk = (i: number, j: number) => a[j]! / n + (c[i]! * b[j]!) / sxx;
  const hkh = (i: number, j: number) =>
    (sumA / n + (c[i]! * sumB) / sxx) / n + (c[j]! * (sumB / n + (c[i]! * sumBC) / sxx)) / sxx;
  const g = (i: number, j: number) => Math.min(u[i]!, u[j]!) - hk(i, j) - hk(j, i) + hkh(i, j);
  const h = (i: number, j: number) => 1 / n + (c[i]! * c[j]!) / sxx;
  const gDiagonal = Float64Array.from(u, (_, i) => g(i, i));
  const hDiagonal = Float64Array.from(u, (_, i) => h(i, i));
  let saa = 0;
  let sab = 0;
  let sbb = 0;
  let say = 0;
  let sby = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const ca = 2 - hDiagonal[i]! - hDiagonal[j]! + 2 * h(i, j);
      const cb = gDiagonal[i]! + gDiagonal[j]! - 2 * g(i, j);
      const y = (residuals[i]! - residuals[j]!) ** 2;
      saa += ca * ca;
      sab += ca * cb;
      sbb += cb * cb;
      say += ca * y;
      sby += cb * y;
    }
  }
  const det = saa * sbb - sab * sab;
  const meanG = mean([...gDiagonal]);
  if (!(det > 1e-12 * saa * sbb)) return { drift: 0, noise: 0, meanG };
  return { drift: (saa * sby - sab * say) / det, noise: (sbb * say - sab * sby) / det, meanG };
}

/** The predicted distribution of the snapshot at `date`, and its 80 % interval. */
export function predictAt(spread: Spread, date: IsoDate, range: ValueRange): Prediction {
  const t = toDayNumber(date) - toDayNumber(spread.first);
  const center = spread.levelAtFirst + spread.slopePerDay * t;
  const noise = spread.noise ** 2;
  const level = (noise * Math.PI) / (2 * spread.points);
  const slope = ((t - spread.meanOffset) * spread.slopeError) ** 2;
  const total = predictionVariance(spread, t);
  const variance = { noise, level, slope, drift: total - noise - level - slope };
  const scale = Math.sqrt(total);
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
 * The variance of the prediction error at day t (after the first snapshot):
 * σ²(1 + π/2n) + (slope error × (t − t̄))² + q × D(t), a quadratic in t. A
 * drift estimated below 0 narrows it, but never below one snapshot's noise,
 * and never from one day to a later one: from the last snapshot on, the
 * variance is the greatest the quadratic reaches between the two.
 */
function predictionVariance(spread: Spread, t: number): number {
  const { noise, points: n, slopeError, meanOffset, drift } = spread;
  const at = (day: number) =>
    noise ** 2 * (1 + Math.PI / (2 * n)) +
    ((day - meanOffset) * slopeError) ** 2 +
    (drift === 0 ? 0 : drift * driftFactor(spread, day));
  const last = spread.offsets[n - 1]!;
  let variance = at(t);
  if (t > last) {
    variance = Math.max(variance, at(last));
    // The quadratic's vertex, when it is a maximum between the two.
    const [, mixed, centred] = driftForms(spread);
    const curve = slopeError ** 2 + (drift * centred) / spread.offsetSquares ** 2;
    const lean = drift * ((2 * mixed) / (n * spread.offsetSquares) - 1);
    const top = meanOffset - lean / (2 * curve);
    if (curve < 0 && top > last && top < t) variance = Math.max(variance, at(top));
  }
  return Math.max(noise ** 2, variance);
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
 * threshold), one snapshot every `cadenceDays`. Each future snapshot's error
 * is its own noise (`ownNoise`, independent from snapshot to snapshot) plus an
 * error all of them have in common (the rest of its predicted variance, with
 * the clipped noise level in place of the MAD's: the trend's error, the drift,
 * and the part of the residuals' spread that is drift, taken as one shared
 * error: a fitted line that is off is off for every snapshot), both scaled by
 * the uncertainty of the clipped noise level (χ² with `clippedDf` degrees of
 * freedom). Given the shared error and the noise level, the snapshots hold
 * independently; the chance integrates over both with a fixed quadrature
 * (deterministic). A product over many snapshots needs the noise level more
 * precisely than one prediction does: hence the clipped standard deviation
 * (worth about all the snapshots) rather than the MAD (worth 37 % of them).
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
  // Per snapshot due (or per node among them): how far the trend is on the
  // right side of the threshold, the spread of the error it shares with the
  // others, and how many snapshots' log-chance it stands for.
  const [due, counts] = dueNodes(count);
  const margin = new Float64Array(due.length);
  const shared = new Float64Array(due.length);
  const noise = spread.ownNoise;
  // The prediction's variance with the clipped noise level in place of the
  // MAD's, less each snapshot's own noise.
  const sharedNoise = spread.clippedNoise ** 2 - noise ** 2 - spread.noise ** 2;
  due.forEach((k, j) => {
    const t = lastOffset + k * spread.cadenceDays;
    margin[j] = sign * (spread.levelAtFirst + spread.slopePerDay * t - threshold);
    shared[j] = Math.sqrt(Math.max(0, predictionVariance(spread, t) + sharedNoise));
  });
  let total = 0;
  for (const [scale, scaleWeight] of scaleNodes(spread.clippedDf)) {
    for (const [z, weight] of SHARED) {
      let logP = 0;
      for (let j = 0; j < due.length && logP > -Infinity; j++) {
        const m = margin[j]! - z * shared[j]! * scale;
        const p = noise > 0 ? normalCdf(m / (noise * scale)) : m >= 0 ? 1 : 0;
        if (p < 1) logP += counts[j]! * Math.log(p);
      }
      total += scaleWeight * weight * Math.exp(logP);
    }
  }
  return total;
}

/**
 * The snapshots due (1 … count) computed one by one, and how many snapshots
 * each stands for: all of them, each for itself, up to DUE_NODES; beyond,
 * DUE_NODES of them evenly spread from the first to the last, each standing
 * for the share of the snapshots between it and its neighbours that a linear
 * interpolation of the log-chance gives it (the counts add up to `count`).
 */
function dueNodes(count: number): [number[], Float64Array] {
  if (count <= DUE_NODES) {
    return [Array.from({ length: count }, (_, i) => i + 1), new Float64Array(count).fill(1)];
  }
  const due = Array.from(
    { length: DUE_NODES },
    (_, j) => 1 + Math.round((j * (count - 1)) / (DUE_NODES - 1)),
  );
  const counts = new Float64Array(DUE_NODES);
  counts[DUE_NODES - 1] = 1;
  for (let j = 0; j + 1 < DUE_NODES; j++) {
    const [a, b] = [due[j]!, due[j + 1]!];
    for (let k = a; k < b; k++) {
      counts[j] = counts[j]! + (b - k) / (b - a);
      counts[j + 1] = counts[j + 1]! + (k - a) / (b - a);
    }
  }
  return [due, counts];
}

/** The standard normal on an even grid from −5 to 5, weights summing to 1. */
const SHARED: readonly (readonly [number, number])[] = normalised(
  Array.from({ length: SHARED_NODES }, (_, k) => {
    const z = -5 + (10 * k) / (SHARED_NODES - 1);
    return [z, Math.exp((-z * z) / 2)] as const;
  }),
);

const scaleNodesOf = new Map<number, readonly (readonly [number, number])[]>();

/**
 * The noise level's uncertainty behind Student's t with `df` degrees of
 * freedom: σ's true value is σ × √(df ÷ W) for W ~ χ²(df). Nodes even in
 * log W, where its density is ∝ exp(df·x/2 − eˣ/2), across its mass (the
 * left tail, long for few degrees of freedom, to 1e-6 of the peak).
 */
function scaleNodes(df: number): readonly (readonly [number, number])[] {
  let nodes = scaleNodesOf.get(df);
  if (!nodes) {
    const peak = Math.log(df);
    const logDensity = (x: number) => (df * (x - peak) - Math.exp(x) + df) / 2;
    const low = peak - Math.max(8 * Math.sqrt(2 / df), 28 / df);
    const high = peak + 6 * Math.sqrt(2 / df) + 1;
    nodes = normalised(
      Array.from({ length: SCALE_NODES }, (_, k) => {
        const x = low + ((high - low) * k) / (SCALE_NODES - 1);
        return [Math.sqrt(df / Math.exp(x)), Math.exp(logDensity(x))] as const;
      }),
    );
    scaleNodesOf.set(df, nodes);
  }
  return nodes;
}

function normalised(
  nodes: readonly (readonly [number, number])[],
): readonly (readonly [number, number])[] {
  const sum = nodes.reduce((s, [, w]) => s + w, 0);
  return nodes.map(([x, w]) => [x, w / sum] as const);
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
