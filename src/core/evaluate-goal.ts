/**
 * Where a goal stands on a date (DESIGN §6): current value, progress against
 * the expected path, pace, forecast, status and the stale flag — each figure
 * with its derivation (snapshots, formula, inputs) for `goals explain`.
 *
 * Pure: the snapshots and `asOf` come in, a plain record goes out. Numbers
 * are kept at full precision; reporters round them.
 */
import type { GoalType } from '../config/schema.js';
import { GOAL_TYPES, meets } from './compare.js';
import { daysBetween, addDays } from './dates.js';
import type { IsoDate } from './dates.js';
import { buildExpectedPath, expectedProgressAt } from './expected-progress.js';
import type { ExpectedProgress, PathKnot } from './expected-progress.js';
import { formatMetricValue } from './format-value.js';
import type { MetricDefinition, MetricUnit } from './metrics.js';
import type { ResolvedGoal } from './resolve-goal.js';
import type { Point } from './snapshot.js';
import { fitTrend, median } from './theil-sen.js';
import type { Trend } from './theil-sen.js';
import { resolveTarget } from './values.js';
import type { TargetSpec } from './values.js';
import type { GoalStatus } from './status.js';

/**
 * The recent pace is the Theil–Sen slope of the snapshots of the last six
 * weeks (up to the date the goal is judged at) — long enough to smooth a
 * noisy week, short enough to show a change of course. Series sparser than
 * that (monthly churn) use their last three snapshots instead.
 */
export const RECENT_PACE_DAYS = 42;
export const RECENT_PACE_MIN_POINTS = 3;
/** Snapshots kept for sparklines. */
export const RECENT_POINTS = 12;
/**
 * Ratios are compared with this tolerance, so that a forecast landing exactly
 * on the target is on track even when floating point puts it at 0.9999999999.
 */
const EPSILON = 1e-9;

/**
 * Whether a computed value (a forecast) meets the target, allowing for
 * floating-point noise: a trend that lands exactly on the target meets it.
 */
function forecastMeets(type: GoalType, value: number, target: number): boolean {
  const slack = EPSILON * Math.max(1, Math.abs(target));
  return meets(type, value + GOAL_TYPES[type].sign * slack, target);
}

export interface EvaluateOptions {
  /** The evaluation date; snapshots after it are ignored. */
  asOf: IsoDate;
  /** `settings.at_risk_margin`: how far below on track is still at risk (0.2). */
  atRiskMargin: number;
  /** `settings.stale_after` in days: an older newest snapshot flags the goal stale. */
  staleAfterDays: number;
}

export interface EvaluatedBaseline {
  value: number;
  date: IsoDate | null;
  /**
   * `file`: goals.yaml; `snapshot`: the first snapshot on or after the start;
   * `before-start`: no snapshot since the start yet, so the newest one before it.
   */
  from: 'file' | 'snapshot' | 'before-start';
}

/** How a value of a figure is shown: in the metric's unit, as a share, in days … */
export type FigureKind = 'value' | 'ratio' | 'days' | 'rate' | 'date' | 'count' | 'text' | 'flag';

export interface FigureInput {
  name: string;
  value: number | string | boolean | null;
  kind: FigureKind;
}

export type FigureName =
  | 'current'
  | 'baseline'
  | 'target'
  | 'progress'
  | 'expectedProgress'
  | 'forecast'
  | 'forecastProgress'
  | 'held'
  | 'pace.perWeek'
  | 'pace.neededPerWeek'
  | 'daysLeft'
  | 'stale';

/** One figure and how it came about. */
export interface Figure {
  name: FigureName;
  value: number | string | boolean | null;
  kind: FigureKind;
  /** The formula in words; for a figure read from a file or a snapshot, where it came from. */
  formula: string;
  /** The values put into the formula. */
  inputs: FigureInput[];
  /** The snapshots the figure was computed from. */
  snapshots: Point[];
  /** Why the figure is missing or special, when it is. */
  note?: string;
}

/** One rule of DESIGN §6, tried in order: whether it held and why. */
export interface StatusCheck {
  status: GoalStatus;
  holds: boolean;
  reason: string;
}

/** Everything `goals check` reports about a goal, and how each figure was derived. */
export interface GoalEvaluation {
  id: string;
  metric: string;
  unit: MetricUnit;
  type: GoalType;
  status: GoalStatus;
  stale: boolean;
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
 *   at the deadline, with at least 3 distinct dates.
 * - `stale`: the newest snapshot on or before `asOf` is more than
 *   `staleAfterDays` older than `asOf` (never for not-started or no-data goals).
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
      `Goal ${goal.id} cannot be evaluated: ${problems.map((p) => p.message).join('; ')}.`,
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
  const judgedAt = asOf > deadline ? deadline : asOf;
  const recent = addDays(judgedAt, -RECENT_PACE_DAYS);
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

/** Sorted by date, one point per date (the median of a date's values). */
function collapseByDate(points: readonly Point[]): Point[] {
  const byDate = new Map<IsoDate, number[]>();
  for (const p of points) {
    if (!Number.isFinite(p.value)) continue;
    const list = byDate.get(p.date);
    if (list) list.push(p.value);
    else byDate.set(p.date, [p.value]);
  }
  return [...byDate.keys()].sort().map((date) => ({ date, value: median(byDate.get(date)!) }));
}

function evaluatePrepared(g: Prepared, series: Point[], options: EvaluateOptions): GoalEvaluation {
  const { asOf, atRiskMargin, staleAfterDays } = options;
  const { metric, type, start, deadline } = g;
  const unit = metric.unit;
  const fmt = (v: number) => formatMetricValue(v, unit);
  const isStay = GOAL_TYPES[type].isStay;
  const operator = GOAL_TYPES[type].operator;
  const isPastDeadline = asOf > deadline;
  const judgedAt = isPastDeadline ? deadline : asOf;
  const known = series.filter((p) => p.date <= judgedAt);
  const current = known[known.length - 1] ?? null;
  const sinceStart = known.filter((p) => p.date >= start);
  const daysLeft = daysBetween(asOf, deadline);
  const figures: Figure[] = [];
  const checks: StatusCheck[] = [];

  // current
  figures.push({
    name: 'current',
    value: current?.value ?? null,
    kind: 'value',
    formula: `the newest snapshot on or before ${judgedAt}${isPastDeadline ? ' (the deadline: it has passed)' : ''}`,
    inputs: current ? [{ name: 'date', value: current.date, kind: 'date' }] : [],
    snapshots: current ? [current] : [],
    ...(current ? {} : { note: `no snapshot on or before ${judgedAt}` }),
  });

  // baseline
  let baseline: EvaluatedBaseline | null = null;
  if (g.fileBaseline) baseline = { ...g.fileBaseline, from: 'file' };
  else if (sinceStart[0]) baseline = { ...sinceStart[0], from: 'snapshot' };
  else if (current) baseline = { ...current, from: 'before-start' };
  figures.push({
    name: 'baseline',
    value: baseline?.value ?? null,
    kind: 'value',
    formula:
      baseline?.from === 'file'
        ? 'written in goals.yaml'
        : baseline?.from === 'snapshot'
          ? `the first snapshot on or after the start ${start}`
          : baseline?.from === 'before-start'
            ? `no snapshot on or after the start ${start} yet: the newest one before it`
            : `the first snapshot on or after the start ${start}`,
    inputs: baseline?.date ? [{ name: 'date', value: baseline.date, kind: 'date' }] : [],
    snapshots:
      baseline && baseline.from !== 'file' && baseline.date
        ? [{ date: baseline.date, value: baseline.value }]
        : [],
    ...(baseline ? {} : { note: 'no baseline in goals.yaml and no snapshot to take it from' }),
  });

  // target
  const target = resolveTarget(g.targetSpec, baseline?.value) ?? null;
  figures.push(targetFigure(g.targetSpec, baseline, target));

  // stay goals: which snapshots held the threshold
  const evidence = sinceStart.length > 0 ? sinceStart : current ? [current] : [];
  const breaks = target === null ? [] : evidence.filter((p) => !meets(type, p.value, target));
  const held =
    isStay && target !== null
      ? { met: evidence.length - breaks.length, total: evidence.length }
      : null;
  if (held && target !== null) {
    figures.push({
      name: 'held',
      value: `${held.met} of ${held.total}`,
      kind: 'text',
      formula: `snapshots from ${start} to ${judgedAt} that are ${operator} ${fmt(target)}`,
      inputs: [
        { name: 'met', value: held.met, kind: 'count' },
        { name: 'snapshots', value: held.total, kind: 'count' },
      ],
      snapshots: evidence,
      ...(sinceStart.length === 0 && current
        ? { note: `no snapshot since the start yet: the newest one before it stands in` }
        : {}),
    });
  }

  // progress
  const span = baseline && target !== null ? target - baseline.value : null;
  const isSpanUsable = span !== null && GOAL_TYPES[type].sign * span > 0;
  const progressOf = (value: number) => (isSpanUsable ? (value - baseline!.value) / span! : null);
  const progress = !isStay && current ? progressOf(current.value) : null;
  if (!isStay) {
    figures.push({
      name: 'progress',
      value: progress,
      kind: 'ratio',
      formula: '(current − baseline) ÷ (target − baseline)',
      inputs: [
        { name: 'current', value: current?.value ?? null, kind: 'value' },
        { name: 'baseline', value: baseline?.value ?? null, kind: 'value' },
        { name: 'target', value: target, kind: 'value' },
      ],
      snapshots: current ? [current] : [],
      ...(progress === null
        ? { note: whyNoProgress(current, baseline, target, isSpanUsable) }
        : {}),
    });
  }

  // expected progress: linear, or through the milestones (they need the way in values)
  let path: PathKnot[] = [];
  let expected: ExpectedProgress | null = null;
  if (!isStay && (g.milestones.length === 0 || isSpanUsable)) {
    path = buildExpectedPath(
      start,
      deadline,
      g.milestones.map((m) => ({ date: m.date, progress: progressOf(m.value)! })),
    );
    expected = expectedProgressAt(path, asOf);
  }
  const expectedProgress = expected?.value ?? null;
  if (!isStay) figures.push(expectedFigure(expected, g, asOf, fmt));

  // forecast
  const trend = fitTrend(sinceStart);
  const forecast = trend ? valueAt(trend, sinceStart, deadline) : null;
  const forecastProgress = forecast === null || isStay ? null : progressOf(forecast);
  figures.push({
    name: 'forecast',
    value: forecast,
    kind: 'value',
    formula:
      'the Theil–Sen trend of the snapshots since the start, at the deadline: slope = median of the slopes between every two snapshots; forecast = median of (value + slope × days to the deadline)',
    inputs: trend
      ? [
          { name: 'snapshots', value: trend.points, kind: 'count' },
          { name: 'slope', value: trend.slopePerDay * 7, kind: 'rate' },
          { name: 'deadline', value: deadline, kind: 'date' },
        ]
      : [{ name: 'snapshots', value: sinceStart.length, kind: 'count' }],
    snapshots: sinceStart,
    ...(trend ? {} : { note: `needs snapshots on at least 3 dates from ${start} to ${judgedAt}` }),
  });
  if (!isStay) {
    figures.push({
      name: 'forecastProgress',
      value: forecastProgress,
      kind: 'ratio',
      formula: '(forecast − baseline) ÷ (target − baseline)',
      inputs: [
        { name: 'forecast', value: forecast, kind: 'value' },
        { name: 'baseline', value: baseline?.value ?? null, kind: 'value' },
        { name: 'target', value: target, kind: 'value' },
      ],
      snapshots: [],
      ...(forecastProgress === null
        ? {
            note:
              forecast === null
                ? 'no forecast'
                : whyNoProgress(current, baseline, target, isSpanUsable),
          }
        : {}),
    });
  }

  // pace
  const recentWindow = recentPaceWindow(known, judgedAt);
  const recentTrend =
    recentWindow.length >= RECENT_PACE_MIN_POINTS ? fitTrend(recentWindow) : undefined;
  const perWeek = recentTrend ? recentTrend.slopePerDay * 7 : null;
  figures.push({
    name: 'pace.perWeek',
    value: perWeek,
    kind: 'rate',
    formula: `Theil–Sen slope of the snapshots of the ${RECENT_PACE_DAYS / 7} weeks up to ${judgedAt} (at least the last ${RECENT_PACE_MIN_POINTS}) × 7`,
    inputs: [{ name: 'snapshots', value: recentWindow.length, kind: 'count' }],
    snapshots: recentWindow,
    ...(perWeek === null
      ? { note: `needs snapshots on at least ${RECENT_PACE_MIN_POINTS} dates` }
      : {}),
  });
  let neededPerWeek: number | null = null;
  if (!isStay && current && target !== null && daysLeft > 0) {
    neededPerWeek = meets(type, current.value, target)
      ? 0
      : (target - current.value) / (daysLeft / 7);
  }
  if (!isStay) {
    figures.push({
      name: 'pace.neededPerWeek',
      value: neededPerWeek,
      kind: 'rate',
      formula: '(target − current) ÷ (days left ÷ 7); 0 once the target is met',
      inputs: [
        { name: 'target', value: target, kind: 'value' },
        { name: 'current', value: current?.value ?? null, kind: 'value' },
        { name: 'days left', value: daysLeft, kind: 'days' },
      ],
      snapshots: current ? [current] : [],
      ...(neededPerWeek === null
        ? { note: daysLeft <= 0 ? 'the deadline has come' : 'no current value or target' }
        : {}),
    });
  }

  figures.push({
    name: 'daysLeft',
    value: daysLeft,
    kind: 'days',
    formula: 'deadline − as of',
    inputs: [
      { name: 'deadline', value: deadline, kind: 'date' },
      { name: 'as of', value: asOf, kind: 'date' },
    ],
    snapshots: [],
  });

  // status, rule by rule (DESIGN §6); the first that holds wins
  const decide = (status: GoalStatus, holds: boolean, reason: string): boolean => {
    checks.push({ status, holds, reason });
    return holds;
  };
  const status = ((): GoalStatus => {
    if (
      decide(
        'not-started',
        asOf < start,
        asOf < start
          ? `as of ${asOf} is before the start ${start}`
          : `the goal started on ${start}`,
      )
    )
      return 'not-started';
    if (
      decide(
        'no-data',
        current === null,
        current === null
          ? `no snapshot on or before ${judgedAt}`
          : `the newest snapshot on or before ${judgedAt} is from ${current.date}`,
      )
    )
      return 'no-data';
    const now = current!;
    const goalTarget = target!;
    const targetText = `${operator} ${fmt(goalTarget)}`;
    if (isStay) {
      const broke = breaks.length > 0;
      const breakText = broke
        ? `${breaks.length} of ${evidence.length} snapshots from ${start} to ${judgedAt} broke ${targetText} (first on ${breaks[0]!.date}: ${fmt(breaks[0]!.value)})`
        : `all ${evidence.length} snapshots from ${start} to ${judgedAt} are ${targetText}`;
      if (
        decide(
          'achieved',
          isPastDeadline && !broke,
          isPastDeadline ? breakText : `the deadline ${deadline} has not passed`,
        )
      )
        return 'achieved';
      if (
        decide(
          'missed',
          isPastDeadline,
          isPastDeadline ? breakText : `the deadline ${deadline} has not passed`,
        )
      )
        return 'missed';
      const crosses = forecast !== null && !forecastMeets(type, forecast, goalTarget);
      const forecastText =
        forecast === null
          ? 'there is no forecast'
          : `the forecast ${fmt(forecast)} at ${deadline} ${crosses ? 'breaks' : 'is'} ${targetText}`;
      if (decide('on-track', !broke && !crosses, `${breakText}, and ${forecastText}`))
        return 'on-track';
      const latestMeets = meets(type, now.value, goalTarget);
      if (
        decide(
          'at-risk',
          latestMeets,
          latestMeets
            ? `the latest snapshot ${fmt(now.value)} is ${targetText}, but ${broke ? breakText : forecastText}`
            : `the latest snapshot ${fmt(now.value)} (${now.date}) breaks ${targetText}`,
        )
      )
        return 'at-risk';
      decide(
        'off-track',
        true,
        `the latest snapshot ${fmt(now.value)} (${now.date}) breaks ${targetText}`,
      );
      return 'off-track';
    }
    const isMet = meets(type, now.value, goalTarget);
    const metText = `current ${fmt(now.value)} (${now.date}) ${isMet ? 'is' : 'is not'} ${targetText}`;
    if (decide('achieved', isMet, metText)) return 'achieved';
    if (
      decide(
        'missed',
        isPastDeadline,
        isPastDeadline
          ? `the deadline ${deadline} has passed and ${metText}`
          : `the deadline ${deadline} has not passed`,
      )
    )
      return 'missed';
    const pct = (x: number) => `${formatRatio(x)}`;
    if (forecast !== null && forecastProgress !== null) {
      const onTrack = forecastProgress >= 1 - EPSILON;
      if (
        decide(
          'on-track',
          onTrack,
          `forecast progress ${pct(forecastProgress)} ${onTrack ? '≥' : '<'} 100 % (forecast ${fmt(forecast)} at ${deadline})`,
        )
      )
        return 'on-track';
      const floor = 1 - atRiskMargin;
      const atRisk = forecastProgress >= floor - EPSILON;
      if (
        decide(
          'at-risk',
          atRisk,
          `forecast progress ${pct(forecastProgress)} ${atRisk ? '≥' : '<'} 100 % − margin ${pct(atRiskMargin)} = ${pct(floor)}`,
        )
      )
        return 'at-risk';
      decide(
        'off-track',
        true,
        `forecast progress ${pct(forecastProgress)} is below ${pct(floor)}`,
      );
      return 'off-track';
    }
    if (forecast !== null) {
      // The baseline already met the target, so progress has no scale: judge the forecast itself.
      const onTrack = forecastMeets(type, forecast, goalTarget);
      if (
        decide(
          'on-track',
          onTrack,
          `the forecast ${fmt(forecast)} at ${deadline} ${onTrack ? 'is' : 'is not'} ${targetText}`,
        )
      )
        return 'on-track';
      decide(
        'off-track',
        true,
        `the forecast ${fmt(forecast)} misses the target and the baseline gives no scale for "at risk"`,
      );
      return 'off-track';
    }
    if (progress !== null && expectedProgress !== null) {
      const noForecast = `no forecast (snapshots on fewer than 3 dates since ${start})`;
      const onTrack = progress >= expectedProgress - EPSILON;
      if (
        decide(
          'on-track',
          onTrack,
          `${noForecast}: progress ${pct(progress)} ${onTrack ? '≥' : '<'} expected ${pct(expectedProgress)}`,
        )
      )
        return 'on-track';
      const floor = expectedProgress - atRiskMargin;
      const atRisk = progress >= floor - EPSILON;
      if (
        decide(
          'at-risk',
          atRisk,
          `progress ${pct(progress)} ${atRisk ? '≥' : '<'} expected ${pct(expectedProgress)} − margin ${pct(atRiskMargin)} = ${pct(floor)}`,
        )
      )
        return 'at-risk';
      decide('off-track', true, `progress ${pct(progress)} is below ${pct(floor)}`);
      return 'off-track';
    }
    decide(
      'off-track',
      true,
      `${metText}, there is no forecast, and the baseline gives no scale for progress`,
    );
    return 'off-track';
  })();

  // stale: the data has stopped coming — the newest snapshot up to as of, even
  // one after a passed deadline, is older than stale_after.
  const latest = series.filter((p) => p.date <= asOf).at(-1) ?? null;
  const age = latest ? daysBetween(latest.date, asOf) : null;
  const stale =
    status !== 'not-started' && status !== 'no-data' && age !== null && age > staleAfterDays;
  figures.push({
    name: 'stale',
    value: stale,
    kind: 'flag',
    formula: 'as of − date of the newest snapshot > stale_after',
    inputs: [
      { name: 'age', value: age, kind: 'days' },
      { name: 'stale_after', value: staleAfterDays, kind: 'days' },
    ],
    snapshots: latest ? [latest] : [],
    ...(status === 'not-started' || status === 'no-data'
      ? { note: `never stale when ${status}` }
      : {}),
  });

  return {
    id: g.goal.id,
    metric: metric.id,
    unit,
    type,
    status,
    stale,
    asOf,
    start,
    deadline,
    judgedAt,
    isPastDeadline,
    baseline,
    target,
    current,
    latest,
    progress,
    expectedProgress,
    forecast,
    forecastProgress,
    daysLeft,
    pace: { perWeek, neededPerWeek },
    held,
    path,
    recent: known.slice(-RECENT_POINTS),
    figures,
    checks,
  };
}

/**
 * The trend's value at `date`, computed around the snapshots rather than from
 * the intercept at 1970 (same number, without the cancellation error).
 */
function valueAt(trend: Trend, points: readonly Point[], date: IsoDate): number {
  return median(points.map((p) => p.value + trend.slopePerDay * daysBetween(p.date, date)));
}

/** The snapshots of the last RECENT_PACE_DAYS up to `until`, or at least the last 3. */
function recentPaceWindow(known: readonly Point[], until: IsoDate): Point[] {
  const from = addDays(until, -RECENT_PACE_DAYS);
  const window = known.filter((p) => p.date >= from);
  return window.length >= RECENT_PACE_MIN_POINTS ? window : known.slice(-RECENT_PACE_MIN_POINTS);
}

function whyNoProgress(
  current: Point | null,
  baseline: EvaluatedBaseline | null,
  target: number | null,
  isSpanUsable: boolean,
): string {
  if (!current) return 'no current value';
  if (!baseline) return 'no baseline';
  if (target === null) return 'no target';
  if (!isSpanUsable) return 'the baseline already meets the target: there is no way to go';
  return '';
}

function targetFigure(
  spec: TargetSpec,
  baseline: EvaluatedBaseline | null,
  target: number | null,
): Figure {
  const base: Omit<Figure, 'formula' | 'inputs'> = {
    name: 'target',
    value: target,
    kind: 'value',
    snapshots: [],
  };
  switch (spec.kind) {
    case 'absolute':
      return { ...base, formula: 'written in goals.yaml', inputs: [] };
    case 'relative':
      return {
        ...base,
        formula: 'baseline × (1 + change)',
        inputs: [
          { name: 'baseline', value: baseline?.value ?? null, kind: 'value' },
          { name: 'change', value: spec.fraction, kind: 'ratio' },
        ],
        ...(target === null ? { note: 'a change needs a baseline' } : {}),
      };
    case 'delta':
      return {
        ...base,
        formula: 'baseline + change',
        inputs: [
          { name: 'baseline', value: baseline?.value ?? null, kind: 'value' },
          { name: 'change', value: spec.delta, kind: 'value' },
        ],
        ...(target === null ? { note: 'a change needs a baseline' } : {}),
      };
  }
}

function expectedFigure(
  expected: ExpectedProgress | null,
  g: Prepared,
  asOf: IsoDate,
  fmt: (v: number) => string,
): Figure {
  if (!expected) {
    return {
      name: 'expectedProgress',
      value: null,
      kind: 'ratio',
      formula: 'the path through the milestones, as a share of the way from baseline to target',
      inputs: [],
      snapshots: [],
      note: 'milestones need a baseline that does not already meet the target',
    };
  }
  const { from, to, position } = expected;
  const milestoneNote = g.milestones.map((m) => `${m.date}: ${fmt(m.value)}`).join(', ');
  if (g.milestones.length === 0) {
    return {
      name: 'expectedProgress',
      value: expected.value,
      kind: 'ratio',
      formula:
        'days passed ÷ days of the goal = (as of − start + 1) ÷ (deadline − start + 1), within 0–1',
      inputs: [
        { name: 'days passed', value: position, kind: 'days' },
        { name: 'days of the goal', value: to.position, kind: 'days' },
        { name: 'as of', value: asOf, kind: 'date' },
      ],
      snapshots: [],
    };
  }
  return {
    name: 'expectedProgress',
    value: expected.value,
    kind: 'ratio',
    formula:
      'on the path through the milestones: from + (to − from) × (days since from) ÷ (days from → to), within 0–1',
    inputs: [
      { name: `from (${from.kind} ${from.date})`, value: from.progress, kind: 'ratio' },
      { name: `to (${to.kind} ${to.date})`, value: to.progress, kind: 'ratio' },
      { name: 'days since from', value: Math.max(0, position - from.position), kind: 'days' },
      { name: 'days from → to', value: to.position - from.position, kind: 'days' },
    ],
    snapshots: [],
    note: `milestones: ${milestoneNote}`,
  };
}

/** A share as people read it: 0.457 → `45.7 %`. */
export function formatRatio(ratio: number): string {
  const pct = Math.round(ratio * 1000) / 10;
  return `${Object.is(pct, -0) ? 0 : pct} %`;
}
