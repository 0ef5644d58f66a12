/**
 * Next quarter's targets for a metric, from its own history (`goals plan`):
 *
 * - **trend**: where the recent trend (Theil–Sen over the last 13 weeks)
 *   will be one quarter on from the newest snapshot — "keep doing what you
 *   are doing". One quarter on from *now* rather than at the quarter's end,
 *   because the new goal starts from today's value (its baseline) and is
 *   judged over the quarter's length: so the pace it demands is the trend's
 *   own, whenever the plan is made. When the trend is flat or worsening,
 *   the proposal is to hold today's level (a stay-above / stay-below goal),
 *   not to aim lower.
 * - **stretch**: the pace of the team's best four weeks, kept up for the
 *   whole quarter (at least half again the trend's gain), but never beyond
 *   what `achievable/realistic-pace` accepts and never the perfect score.
 *
 * A trend whose gain over the quarter is smaller than the week-to-week
 * spread of the snapshots around it gives no step that matters: "raise FCR
 * from 69.6 % to 69.7 %" would be met or missed by noise. It is treated as
 * flat (hold the level, with the stretch as the step), and says so.
 *
 * A straight line runs on where a metric cannot: each step closer to the
 * best value (CSAT 100 %, a response time of 0) is harder than the last. So
 * a quarter's proposal closes at most a third of the gap to the metric's best
 * value (the trend) or half of it (the stretch): first response time falling
 * 11 minutes a week from 2 h 55 m proposes 1 h 57 m, not 32 m.
 *
 * Each comes with the pace it demands, per week, and the realistic-pace
 * judgement of that pace. Pure: the series and the dates come in.
 */
import type { GoalType } from '../config/schema.js';
import { roundTarget } from './values.js';
import { GOAL_TYPES, meets } from './compare.js';
import { addDays, daysBetween } from './dates.js';
import type { IsoDate } from './dates.js';
import type { MetricDefinition } from './metrics.js';
import { fastestFourWeekPace, hasPaceHistory, judgePace } from './pace.js';
import type { Point } from './snapshot.js';
import { sortPoints } from './snapshot.js';
import { fitTrend, median, trendValueAt } from './theil-sen.js';

/** The recent trend is fitted on this many days of snapshots before the plan is made. */
export const RECENT_TREND_DAYS = 91;
/** The stretch target asks at least this multiple of the trend's gain. */
export const STRETCH_FACTOR = 1.5;
/** The share of the gap to the metric's best value one quarter may close: trend, stretch. */
export const GAP_SHARE = { trend: 1 / 3, stretch: 1 / 2 } as const;

export interface TargetOption {
  /** In the metric's unit, rounded to a value people write (towards the easier side). */
  target: number;
  /** Change per week from the baseline to the target over the quarter (signed); null for stay goals. */
  neededPerWeek: number | null;
  /** The judgement of `achievable/realistic-pace` on it. */
  realistic: boolean;
  /** When it is not realistic: the target that is, rounded. */
  realisticTarget?: number;
}

export interface TargetProposal {
  /** The newest snapshot on or before the planning date: the next goal's baseline. */
  baseline: Point;
  /** The goal type of the proposals: a hold becomes stay-above / stay-below. */
  type: GoalType;
  /** How the main proposal was found. */
  basis: 'trend' | 'hold' | 'previous';
  /** The recent trend: change per week, and its value one quarter on from the baseline. */
  trend: { perWeek: number; forecast: number; points: number } | null;
  /** The fastest 4-week improvement in the history, per week; null without enough history. */
  fastestPerWeek: number | null;
  /**
   * When the trend improves, but by less over the quarter than the snapshots
   * spread around it (so it was held instead): that gain and that spread.
   */
  flatTrend?: { gain: number; spread: number };
  main: TargetOption;
  /** A more ambitious target, when the history supports one. */
  stretch: TargetOption | null;
}

export interface ProposeInput {
  metric: MetricDefinition;
  /** The type of the goal that ended. */
  type: GoalType;
  /** Its absolute target (threshold of a stay goal), if known. */
  previousTarget: number | null;
  /** The series of the metric and segment. */
  points: readonly Point[];
  /** The planning date: later snapshots are ignored. */
  asOf: IsoDate;
  /** The quarter planned. */
  start: IsoDate;
  deadline: IsoDate;
}

/** Proposals for the quarter, or why there are none. */
export function proposeTargets(input: ProposeInput): TargetProposal | { none: string } {
  const { metric, type, previousTarget, asOf, start, deadline } = input;
  const known = sortPoints(input.points.filter((p) => p.date <= asOf && Number.isFinite(p.value)));
  const baseline = known.at(-1);
  if (!baseline)
    return {
      none: `no snapshot of ${metric.id} on or before ${asOf}, so no trend to propose from (import its data)`,
    };
  const sign = GOAL_TYPES[type].sign;
  const recent = known.filter((p) => p.date >= addDays(asOf, -RECENT_TREND_DAYS));
  const fitted = fitTrend(recent);
  const quarterOn = addDays(baseline.date, daysBetween(start, deadline));
  const trend = fitted
    ? {
        perWeek: fitted.slopePerDay * 7,
        forecast: trendValueAt(fitted.slopePerDay, recent, quarterOn),
        points: fitted.points,
      }
    : null;
  const fastest = hasPaceHistory(known) ? (fastestFourWeekPace(known, sign) ?? null) : null;
  const weeks = daysBetween(start, deadline) / 7;
  const round = (value: number) =>
    clampBelowBest(roundTarget(value, metric.unit, sign), metric, sign);
  const best = sign === 1 ? metric.range[1] : metric.range[0];
  /** `value`, or the point `share` of the way from the baseline to the best value if that is nearer. */
  const withinGap = (value: number, share: number) => {
    if (best === null) return value;
    const limit = baseline.value + share * (best - baseline.value);
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: at value = limit either is it; else sign ÷ d has the sign of sign × d
    return sign * (value - limit) > 0 ? limit : value;
  };
  const option = (target: number, optionType: GoalType): TargetOption => {
    if (GOAL_TYPES[optionType].isStay) return { target, neededPerWeek: null, realistic: true };
    const judgement = judgePace({
      baseline: baseline.value,
      target,
      start,
      deadline,
      history: known,
    });
    const result: TargetOption = {
      target,
      neededPerWeek: (target - baseline.value) / weeks,
      realistic: judgement?.realistic ?? true,
    };
    if (judgement && !judgement.realistic)
      result.realisticTarget = round(judgement.realisticTarget);
    return result;
  };

  if (GOAL_TYPES[type].isStay) {
    // Hold the line again; the stretch holds the worst level of the last quarter, when better.
    const threshold = previousTarget ?? roundTarget(baseline.value, metric.unit, sign);
    const worst = recent.length > 0 ? worstOf(recent, sign) : undefined;
    const tightened =
      worst === undefined
        ? undefined
        : clampBelowBest(roundTarget(worst, metric.unit, sign), metric, sign);
    return {
      baseline,
      type,
      basis: 'previous',
      trend,
      fastestPerWeek: fastest,
      main: option(threshold, type),
      stretch:
        tightened !== undefined && sign * (tightened - threshold) > 0
          ? option(tightened, type)
          : null,
    };
  }

  const holdType: GoalType = sign === 1 ? 'stay-above' : 'stay-below';
  const improves = (target: number) => sign * (target - baseline.value) > 0;
  let basis: TargetProposal['basis'];
  let main: TargetOption;
  let gain = 0;
  const trendTarget = trend ? withinGap(trend.forecast, GAP_SHARE.trend) : undefined;
  const spread = fitted ? spreadAround(fitted.slopePerDay, recent) : 0;
  const trendGain = trendTarget === undefined ? 0 : sign * (trendTarget - baseline.value);
  let flatTrend: TargetProposal['flatTrend'];
  // Stryker disable next-line ConditionalExpression: without a trend, round(undefined) is NaN, which improves nothing
  if (trendTarget !== undefined && improves(round(trendTarget)) && trendGain < spread) {
    flatTrend = { gain: trendGain, spread };
  }
  if (trendTarget !== undefined && improves(round(trendTarget)) && !flatTrend) {
    basis = 'trend';
    gain = sign * (trendTarget - baseline.value);
    main = option(round(trendTarget), type);
  } else if (!trend && previousTarget !== null && !meets(type, baseline.value, previousTarget)) {
    // Too few snapshots for a trend: the target that was missed is still the aim.
    basis = 'previous';
    main = option(previousTarget, type);
  } else {
    // Flat or worsening, or already beyond the old target without a trend: hold today's level.
    basis = 'hold';
    main = option(roundTarget(baseline.value, metric.unit, sign), holdType);
  }

  const ask = Math.max(STRETCH_FACTOR * gain, (fastest ?? 0) * weeks);
  let stretch: TargetOption | null = null;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: asking nothing, the value is the baseline rounded to the easier side, never beyond the main target
  if (ask > 0) {
    let value = withinGap(baseline.value + sign * ask, GAP_SHARE.stretch);
    const judgement = judgePace({
      baseline: baseline.value,
      target: value,
      start,
      deadline,
      history: known,
    });
    if (judgement && !judgement.realistic) value = judgement.realisticTarget;
    const rounded = round(value);
    // Beyond the main target is beyond the baseline too: the main target is the baseline held
    // (rounded to the easier side), the trend's improvement, or a target the baseline missed.
    if (sign * (rounded - main.target) > 0) stretch = option(rounded, type);
  }
  return {
    baseline,
    type: basis === 'hold' ? holdType : type,
    basis,
    trend,
    fastestPerWeek: fastest,
    main,
    stretch,
    ...(flatTrend ? { flatTrend } : {}),
  };
}

/**
 * How far the snapshots typically lie from the trend line: the median
 * absolute residual, scaled to a standard deviation (× 1.4826), robust to a
 * bad week as the trend is.
 */
function spreadAround(slopePerDay: number, points: readonly Point[]): number {
  // Each value carried along the slope to the first date: how far they lie from
  // their median is how far the points lie from the line, wherever it is anchored.
  const first = points[0]!.date;
  const carried = points.map((p) => p.value - slopePerDay * daysBetween(first, p.date));
  const centre = median(carried);
  return 1.4826 * median(carried.map((v) => Math.abs(v - centre)));
}

/** The worst value in the goal's direction: the lowest for stay-above, the highest for stay-below. */
function worstOf(points: readonly Point[], sign: 1 | -1): number {
  const values = points.map((p) => p.value);
  return sign === 1 ? Math.min(...values) : Math.max(...values);
}

/**
 * A target short of the metric's best possible value (CSAT 100 %, churn 0):
 * `achievable/perfect-score` would warn about it, and one bad week makes it
 * unreachable. Values outside the range are brought inside.
 */
function clampBelowBest(value: number, metric: MetricDefinition, sign: 1 | -1): number {
  const [min, max] = metric.range;
  const step = metric.unit === 'count' ? 1 : metric.unit === 'duration' ? 60 : 0.1;
  const best = sign === 1 ? max : min;
  let clamped = value;
  if (best !== null && sign * (clamped - best) >= 0) clamped = best - sign * step;
  if (min !== null) clamped = Math.max(clamped, min);
  if (max !== null) clamped = Math.min(clamped, max);
  return Number(clamped.toPrecision(12));
}
