/**
 * Where a goal stands on a date (DESIGN §6): current value, progress against
 * the expected path, pace, forecast, status and the stale flag — each figure
 * with its derivation (snapshots, formula, inputs) for `goals explain`.
 *
 * Pure: the snapshots and `asOf` come in, a plain record goes out. Numbers
 * are kept at full precision; reporters round them.
 */
import type { GoalType } from '../config/schema.js';
import { GOAL_TYPES } from './compare.js';
import { addDays } from './dates.js';
import type { IsoDate } from './dates.js';
import type { PathKnot } from './expected-progress.js';
import { computeBaseline } from './figures/baseline.js';
import { computeConfidence } from './figures/confidence.js';
import type { BandKnot } from './figures/confidence.js';
import type { EvaluatedBaseline } from './figures/baseline.js';
import { computeCurrent } from './figures/current.js';
import { computeDaysLeft } from './figures/days-left.js';
import { computeExpectedProgress } from './figures/expected.js';
import type { Figure } from './figures/figure.js';
import { computeForecast, computeForecastProgress } from './figures/forecast.js';
import { computeHeld } from './figures/held.js';
import { computeNeededPace, computeRecentPace, RECENT_PACE_DAYS } from './figures/pace.js';
import { computeProgress, progressScale } from './figures/progress.js';
import { computeSample, DEFAULT_MIN_SAMPLE } from './figures/sample.js';
import { computeStale } from './figures/stale.js';
import { computeTarget } from './figures/target.js';
import { decideStatus } from './figures/status.js';
import type { StatusCheck } from './figures/status.js';
import { formatMetricValue } from './format-value.js';
import type { MetricDefinition, MetricUnit } from './metrics.js';
import type { ResolvedGoal } from './resolve-goal.js';
import type { Point } from './snapshot.js';
import { median } from './theil-sen.js';
import type { TargetSpec } from './values.js';
import type { GoalStatus } from './status.js';

export type { EvaluatedBaseline } from './figures/baseline.js';
export type { Figure, FigureInput, FigureKind, FigureName } from './figures/figure.js';
export type { StatusCheck } from './figures/status.js';

/** Snapshots kept for sparklines. */
export const RECENT_POINTS = 12;

export interface EvaluateOptions {
  /** The evaluation date; snapshots after it are ignored. */
  asOf: IsoDate;
  /** `settings.at_risk_margin`: how far below on track is still at risk (0.2). */
  atRiskMargin: number;
  /**
   * `settings.stale_after` in days: an older newest snapshot flags the goal
   * stale. Undefined: twice the usual gap between the series' snapshots, at least 14.
   */
  staleAfterDays: number | undefined;
  /** `settings.min_sample`: fewer rows behind a value make it a small sample (default 30). */
  minSample?: number | undefined;
  /** Also compute `forecastBand`, which only charts draw (goals history). */
  forecastBand?: boolean;
}

/** Everything `goals check` reports about a goal, and how each figure was derived. */
export interface GoalEvaluation {
  id: string;
  metric: string;
  unit: MetricUnit;
  type: GoalType;
  status: GoalStatus;
  stale: boolean;
  /** The stale limit applied, in days: stale_after, or the one of the series' cadence. */
  staleAfterDays: number;
  asOf: IsoDate;
  start: IsoDate;
  deadline: IsoDate;
  /** The date the goal is judged at: `asOf`, or the deadline once it has passed. */
  judgedAt: IsoDate;
  isPastDeadline: boolean;
  baseline: EvaluatedBaseline | null;
  /** The absolute target (the threshold of a stay goal); null when a change has no baseline yet. */
  target: number | null;
  /** The newest snapshot on or before `judgedAt`. */
  current: Point | null;
  /** The newest snapshot on or before `asOf` (after a passed deadline it may be newer than `current`). */
  latest: Point | null;
  /** (current − baseline) ÷ (target − baseline), unclamped; null for stay goals. */
  progress: number | null;
  /** Share of the way expected by `asOf` (0–1); null for stay goals. */
  expectedProgress: number | null;
  /** Theil–Sen trend of the snapshots since start, at the deadline; null with < 3 dates. */
  forecast: number | null;
  forecastProgress: number | null;
  /**
   * The 80 % prediction interval of the snapshot at the deadline, within the
   * metric's range (DESIGN §12); null without enough history or after the deadline.
   */
  forecastInterval: [number, number] | null;
  /** The chance (0–1) the target is met (stay goals: that no snapshot breaks it); null as above. */
  chance: number | null;
  /**
   * The interval from the newest snapshot to the deadline, for charts; empty
   * without one, or unless EvaluateOptions.forecastBand asked for it.
   */
  forecastBand: BandKnot[];
  /** Deadline − asOf in days; negative once the deadline has passed. */
  daysLeft: number;
  pace: {
    /** Recent change per week (see RECENT_PACE_DAYS). */
    perWeek: number | null;
    /** Change per week still needed to reach the target; 0 when met; null for stay goals. */
    neededPerWeek: number | null;
  };
  /** Stay goals: the snapshots in [start, judgedAt] that met the threshold, of all. */
  held: { met: number; total: number } | null;
  /** The expected path (progress by date) — for charts; empty for stay goals. */
  path: PathKnot[];
  /** The last snapshots up to `judgedAt`, oldest first, for sparklines. */
  recent: Point[];
  figures: Figure[];
  /** The rules of DESIGN §6 tried, up to the one that decided the status. */
  checks: StatusCheck[];
}

/** What keeps a goal from being evaluated, with the path of the key at fault. */
export interface EvaluationProblem {
  message: string;
  path: Array<string | number>;
}

interface Prepared {
  goal: ResolvedGoal;
  metric: MetricDefinition;
  type: GoalType;
  start: IsoDate;
  deadline: IsoDate;
  targetSpec: TargetSpec;
  fileBaseline: { value: number; date: IsoDate | null } | null;
  milestones: Array<{ date: IsoDate; value: number }>;
}

/**
 * Why a goal cannot be evaluated — no metric, type, target or deadline, a
 * value in the wrong unit, milestones outside the goal's period — or `[]`
 * when it can. These are SMART errors; `goals check` stops on them.
 */
export function findEvaluationProblems(goal: ResolvedGoal): EvaluationProblem[] {
  return prepare(goal).problems;
}

function prepare(goal: ResolvedGoal): { prepared?: Prepared; problems: EvaluationProblem[] } {
  const problems: EvaluationProblem[] = [];
  const { metric, type, start, deadline, target, baseline } = goal;
  if (!metric) {
    problems.push({
      message:
        goal.input.metric === undefined
          ? 'it has no metric'
          : `its metric "${goal.input.metric}" is not in the catalog`,
      path: ['metric'],
    });
  } else if (!type) {
    problems.push({
      message: `its metric ${metric.id} has no better direction, and it has no type`,
      path: ['type'],
    });
  }
  if (!deadline) problems.push({ message: 'it has no deadline', path: ['deadline'] });
  else if (!start) problems.push({ message: 'its start is not a date', path: ['start'] });
  else if (start >= deadline)
    problems.push({
      message: `its deadline ${deadline} is not after its start ${start}`,
      path: ['deadline'],
    });
  if (metric && !target) problems.push({ message: 'it has no target', path: ['target'] });
  else if (target && 'problem' in target)
    problems.push({ message: `its target: ${target.message}`, path: ['target'] });
  if (baseline && 'problem' in baseline)
    problems.push({ message: `its baseline: ${baseline.message}`, path: ['baseline'] });
  const milestones: Prepared['milestones'] = [];
  goal.milestones.forEach((m, i) => {
    const path = ['milestones', i];
    // Stryker disable next-line all: unreachable from goals.yaml, whose dates are real
    if (!m.date) problems.push({ message: `milestone ${i + 1} has no valid date`, path });
    else if ('problem' in m.target)
      problems.push({ message: `milestone ${m.date}: ${m.target.message}`, path });
    else if (
      (start && m.date <= start) ||
      (deadline && m.date > deadline) ||
      (milestones.length > 0 && m.date <= milestones[milestones.length - 1]!.date)
    )
      problems.push({
        message: `milestone ${m.date} is not after the start and the milestone before it, on or before the deadline`,
        path,
      });
    else milestones.push({ date: m.date, value: m.target.value });
  });
  if (problems.length > 0 || !metric || !type || !start || !deadline || !target) {
    return { problems };
  }
  if ('problem' in target) return { problems };
  const fileBaseline =
    baseline && !('problem' in baseline)
      ? { value: baseline.value, date: baseline.date ?? null }
      : null;
  return {
    prepared: { goal, metric, type, start, deadline, targetSpec: target, fileBaseline, milestones },
    problems,
  };
}

/**
 * Evaluates a goal as of `options.asOf` from the snapshots of its metric and
 * segment (any order; several on one date count once, by their median), by
 * the rules of DESIGN §6 in their order: not-started, no-data, achieved,
 * missed, on-track, at-risk, off-track.
 *
 * - Before the deadline the goal is judged on the newest snapshot on or before
 *   `asOf`; once the deadline has passed, on the newest on or before the
 *   deadline (later snapshots change nothing).
 * - The baseline is goals.yaml's, else the first snapshot on or after the
 *   start, else (nothing since the start yet) the newest snapshot before it.
 * - The forecast is the Theil–Sen trend of the snapshots in [start, judgedAt]
 *   at the deadline, with at least 3 distinct dates, within the metric's
 *   range; it decides the status only within FORECAST_REACH × its history.
 * - After the deadline, a goal without a snapshot on or before it is missed.
 * - A small sample (fewer rows than `minSample` behind the snapshots that meet
 *   the target) is never the only evidence for achieved (`computeSample`).
 * - `stale`: the newest snapshot on or before `asOf` is more than
 *   `staleAfterDays` older than `asOf` (never for not-started or no-data goals);
 *   without it, twice the usual gap between the newest snapshots, at least 14 days.
 *
 * @throws Error when the goal cannot be evaluated: check
 *   `findEvaluationProblems` first.
 */
export function evaluateGoal(
  goal: ResolvedGoal,
  points: readonly Point[],
  options: EvaluateOptions,
): GoalEvaluation {
  const { prepared, problems } = prepare(goal);
  if (!prepared) {
    throw new Error(
      `Goal ${goal.id} cannot be evaluated: ${problems.map((p) => p.message.replace(/\.$/, '')).join('; ')}.`,
    );
  }
  return evaluatePrepared(prepared, collapseByDate(points), options);
}

/**
 * Which snapshots an evaluation reads: those dated from `from` to `to`, and
 * the `before` newest ones before `from`. Evaluating a goal on just these
 * gives the same result as on its whole series, so a store can skip years
 * of history (the window covers the goal's period, the recent-pace weeks,
 * the sparkline and the snapshot standing in for a missing current value).
 */
export interface PointWindow {
  from: IsoDate;
  to: IsoDate;
  before: number;
}

/** The snapshots `evaluateGoal` needs for a goal as of a date. */
export function pointWindowOf(goal: ResolvedGoal, asOf: IsoDate): PointWindow | undefined {
  const { start, deadline } = goal;
  if (!start || !deadline) return undefined;
  // Up to as of, not only the judged date: the stale flag looks at the newest snapshot.
  // Stryker disable next-line EqualityOperator: on the deadline, as of is the deadline
  const judgedAt = asOf > deadline ? deadline : asOf;
  const recent = addDays(judgedAt, -RECENT_PACE_DAYS);
  // Stryker disable next-line EqualityOperator: when they are the same date either is it
  return { from: recent < start ? recent : start, to: asOf, before: RECENT_POINTS };
}

/** The points of a series inside a window (for stores that cannot query one). */
export function selectWindow(points: readonly Point[], window: PointWindow): Point[] {
  const sorted = collapseByDate(points);
  const firstInside = sorted.findIndex((p) => p.date >= window.from);
  const cut = firstInside < 0 ? sorted.length : firstInside;
  return [
    ...sorted.slice(Math.max(0, cut - window.before), cut),
    ...sorted.slice(cut).filter((p) => p.date <= window.to),
  ];
}

/**
 * Sorted by date, one point per date: the median of a date's values; the rows
 * behind them (`n`) add up when every one has them, and any partial one makes
 * the point partial.
 */
function collapseByDate(points: readonly Point[]): Point[] {
  const byDate = new Map<IsoDate, Point[]>();
  for (const p of points) {
    if (!Number.isFinite(p.value)) continue;
    const list = byDate.get(p.date);
    if (list) list.push(p);
    else byDate.set(p.date, [p]);
  }
  return [...byDate.keys()].sort().map((date) => {
    const list = byDate.get(date)!;
    // Most dates have one snapshot: its value is the median.
    // Stryker disable next-line ConditionalExpression: the median of one value is that value (a shortcut)
    const value = list.length === 1 ? list[0]!.value : median(list.map((p) => p.value));
    const n = list.every((p) => p.n !== undefined)
      ? list.reduce((sum, p) => sum + p.n!, 0)
      : undefined;
    const partial = list.some((p) => p.partial === true);
    return { date, value, ...(n === undefined ? {} : { n }), ...(partial ? { partial } : {}) };
  });
}

function evaluatePrepared(g: Prepared, series: Point[], options: EvaluateOptions): GoalEvaluation {
  const { asOf, atRiskMargin, staleAfterDays } = options;
  const { metric, type, start, deadline } = g;
  const unit = metric.unit;
  const fmt = (v: number) => formatMetricValue(v, unit);
  const isStay = GOAL_TYPES[type].isStay;
  const isPastDeadline = asOf > deadline;
  const judgedAt = isPastDeadline ? deadline : asOf;
  const known = series.filter((p) => p.date <= judgedAt);
  const sinceStart = known.filter((p) => p.date >= start);
  const upToAsOf = series.filter((p) => p.date <= asOf);
  const latest = upToAsOf.at(-1) ?? null;

  // The figures in the order of DESIGN §6, each from the ones before it.
  const current = computeCurrent({ known, judgedAt, isPastDeadline });
  const baseline = computeBaseline({ fileBaseline: g.fileBaseline, known, start });
  const target = computeTarget(g.targetSpec, baseline.value);
  const held =
    isStay && target.value !== null
      ? computeHeld({
          type,
          target: target.value,
          sinceStart,
          current: current.value,
          start,
          judgedAt,
          fmt,
        })
      : null;
  const scale = progressScale(type, baseline.value, target.value);
  const figureInputs = { scale, current: current.value, baseline: baseline.value };
  const progress = isStay ? null : computeProgress({ ...figureInputs, target: target.value });
  const expected = isStay
    ? null
    : computeExpectedProgress({ start, deadline, asOf, milestones: g.milestones, scale, fmt });
  const forecast = computeForecast({ sinceStart, metric, start, deadline, judgedAt });
  const forecastProgress = isStay
    ? null
    : computeForecastProgress({ ...figureInputs, target: target.value, forecast: forecast.value });
  const confidence = computeConfidence({
    type,
    metric,
    sinceStart,
    trend: forecast.trend,
    target: target.value,
    start,
    deadline,
    judgedAt,
    isPastDeadline,
    fmt,
    withBand: options.forecastBand === true,
  });
  const perWeek = computeRecentPace({ known, judgedAt });
  const daysLeft = computeDaysLeft({ deadline, asOf });
  const neededPerWeek = isStay
    ? null
    : computeNeededPace({
        type,
        current: current.value,
        target: target.value,
        daysLeft: daysLeft.value,
      });
  const sample = computeSample({
    type,
    target: target.value,
    current: current.value,
    sinceStart,
    held: held?.evidence ?? null,
    minSample: options.minSample ?? DEFAULT_MIN_SAMPLE,
  });
  const { status, checks } = decideStatus({
    type,
    start,
    deadline,
    asOf,
    judgedAt,
    isPastDeadline,
    current: current.value,
    target: target.value,
    held,
    progress: progress?.value ?? null,
    expectedProgress: expected?.value ?? null,
    forecast: forecast.value,
    forecastProgress: forecastProgress?.value ?? null,
    forecastDistrust: forecast.distrust,
    sample,
    atRiskMargin,
    fmt,
  });
  const stale = computeStale({ upToAsOf, asOf, status, staleAfterDays });

  const figures = [
    current,
    baseline,
    target,
    held,
    progress,
    expected,
    forecast,
    forecastProgress,
    confidence.interval,
    confidence.chance,
    perWeek,
    neededPerWeek,
    daysLeft,
    sample,
    stale,
  ].flatMap((computed) => (computed ? [computed.figure] : []));
  return {
    id: g.goal.id,
    metric: metric.id,
    unit,
    type,
    status,
    stale: stale.value,
    staleAfterDays: stale.afterDays,
    asOf,
    start,
    deadline,
    judgedAt,
    isPastDeadline,
    baseline: baseline.value,
    target: target.value,
    current: current.value,
    latest,
    progress: progress?.value ?? null,
    expectedProgress: expected?.value ?? null,
    forecast: forecast.value,
    forecastProgress: forecastProgress?.value ?? null,
    forecastInterval: confidence.interval.value,
    chance: confidence.chance.value,
    forecastBand: confidence.band,
    daysLeft: daysLeft.value,
    pace: { perWeek: perWeek.value, neededPerWeek: neededPerWeek?.value ?? null },
    held: held?.value ?? null,
    path: expected?.path ?? [],
    recent: known.slice(-RECENT_POINTS),
    figures,
    checks,
  };
}
