/**
 * The words and numbers every check reporter shows for a goal: current →
 * target, progress against expected, days left, the summary line, the
 * grouping by objective. Plain text; colour is each reporter's business.
 */
import { GOAL_TYPES } from '../../core/compare.js';
import { daysBetween } from '../../core/dates.js';
import type { GoalEvaluation } from '../../core/evaluate-goal.js';
import {
  formatChange,
  formatMetricValue,
  formatNumber,
  formatRatio,
} from '../../core/format-value.js';
import { STATUS_REPORT_ORDER, statusLabel, worstStatus } from '../../core/status.js';
import type { GoalStatus } from '../../core/status.js';
import { sanitizeLine } from '../../core/text.js';
import { plural } from '../findings.js';
import type { CheckResult, CheckedGoal, CheckedObjective } from './result.js';

export const DASH = '—';

/** One glyph per status, so a status reads without colour too. */
export const STATUS_MARK: Readonly<Record<GoalStatus, string>> = {
  achieved: '✔',
  'on-track': '●',
  'at-risk': '▲',
  'off-track': '▼',
  missed: '✖',
  'no-data': '?',
  'not-started': '○',
};

/** `● on track`. */
export function statusText(status: GoalStatus): string {
  return `${STATUS_MARK[status]} ${statusLabel(status)}`;
}

/** A share as a whole percentage: 0.457 → `46 %`; `—` for none. */
export function formatPercent(ratio: number | null): string {
  if (ratio === null) return DASH;
  const pct = Math.round(ratio * 100);
  return `${pct === 0 ? 0 : pct} %`;
}

/**
 * A chance as a percentage with `digits` decimals: `72 %`; `<1 %` and `>99 %`
 * (`<0.1 %` …) near the ends, so that only a certain outcome (a stay goal
 * already broken) reads `0 %` or `100 %`; `—` for none.
 */
export function formatChance(chance: number | null, digits = 0): string {
  if (chance === null) return DASH;
  const step = 10 ** -digits;
  const pct = chance * 100;
  if (pct > 0 && pct < step / 2) return `<${step} %`;
  if (pct < 100 && pct >= 100 - step / 2) return `>${formatNumber(100 - step, digits)} %`;
  return `${formatNumber(pct, digits)} %`;
}

/** `81.2 %–86.3 %`: the 80 % interval at the deadline; `—` for none. */
export function formatInterval(e: GoalEvaluation): string {
  if (!e.forecastInterval) return DASH;
  const [low, high] = e.forecastInterval;
  return `${formatMetricValue(low, e.unit)}–${formatMetricValue(high, e.unit)}`;
}

export function formatValue(value: number | null, e: GoalEvaluation): string {
  return value === null ? DASH : formatMetricValue(value, e.unit);
}

/** The target with its operator for stay goals: `85 %`, `≥ 90 %`. */
export function formatTarget(e: GoalEvaluation): string {
  const target = formatValue(e.target, e);
  return GOAL_TYPES[e.type].isStay && e.target !== null
    ? `${GOAL_TYPES[e.type].operator} ${target}`
    : target;
}

/** `2 h 54 m → 2 h`, `92.1 % → ≥ 90 %`; `marks` follow the current value (`93 %*~ → 90 %`). */
export function formatCurrentToTarget(e: GoalEvaluation, marks = ''): string {
  return `${formatValue(e.current?.value ?? null, e)}${marks} → ${formatTarget(e)}`;
}

/** Marks after a records goal's current value (DESIGN §11). */
export const SAMPLE_MARK = { small: '*', partial: '~' } as const;

/** The current value comes from fewer rows than min_sample (a records source's). */
export function isSmallSample(e: GoalEvaluation, minSample: number): boolean {
  return e.current?.n !== undefined && e.current.n < minSample;
}

/** `*` for a small sample, `~` for a partial period, both, or ''. */
export function sampleMarks(e: GoalEvaluation, minSample: number): string {
  return (
    (isSmallSample(e, minSample) ? SAMPLE_MARK.small : '') +
    (e.current?.partial ? SAMPLE_MARK.partial : '')
  );
}

/**
 * What the marks of sampleMarks mean, one line each for the marks some goal
 * has, naming the goals: `* small sample (fewer than min_sample 30 rows):
 * csat-support (9 rows)`.
 */
export function sampleLegend(result: CheckResult): string[] {
  const goals = result.goals.map((g) => g.evaluation);
  const small = goals.filter((e) => isSmallSample(e, result.minSample));
  const partial = goals.filter((e) => e.current?.partial);
  return [
    ...(small.length > 0
      ? [
          `${SAMPLE_MARK.small} small sample (fewer than min_sample ${result.minSample} rows): ${small.map((e) => `${e.id} (${plural(e.current!.n!, 'row')})`).join(', ')}`,
        ]
      : []),
    ...(partial.length > 0
      ? [
          `${SAMPLE_MARK.partial} partial period (the export covers only part of it): ${partial.map((e) => e.id).join(', ')}`,
        ]
      : []),
  ];
}

/** `47 % / 55 %` (progress / expected); stay goals: `6/7 held`. */
export function formatProgressPair(e: GoalEvaluation): string {
  if (e.status === 'not-started') return DASH;
  if (e.held) return e.held.total === 0 ? DASH : `${e.held.met}/${e.held.total} held`;
  return `${formatPercent(e.progress)} / ${formatPercent(e.expectedProgress)}`;
}

/** `45 d`, `today` (the deadline is today), `ended`. */
export function formatDaysLeft(e: GoalEvaluation): string {
  if (e.daysLeft > 0) return `${e.daysLeft} d`;
  return e.daysLeft === 0 ? 'today' : 'ended';
}

/** The rule of DESIGN §6 that decided the status, in words. */
export function statusReason(e: GoalEvaluation): string {
  return e.checks[e.checks.length - 1]?.reason ?? '';
}

/** Why a goal is stale: `the newest snapshot (2026-10-26) is 21 days old`. */
export function staleReason(e: GoalEvaluation): string {
  if (!e.latest) return 'no snapshot';
  return `the newest snapshot (${e.latest.date}) is ${plural(daysBetween(e.latest.date, e.asOf), 'day')} old`;
}

/**
 * Why a goal fails the check: its status, its staleness, its slip, or its
 * chance below `failBelowChance` (--fail-below-chance).
 */
export function failureReason(goal: CheckedGoal, failBelowChance?: number): string {
  const e = goal.evaluation;
  return goal.failures
    .map((f) =>
      f === 'stale'
        ? `stale: ${staleReason(e)}`
        : f === 'slipped'
          ? `slipped: ${statusMove(goal)}`
          : f === 'chance'
            ? chanceFailure(e, failBelowChance)
            : `${statusLabel(e.status)}: ${statusReason(e)}`,
    )
    .join('; ');
}

/**
 * What a goal's chance is the chance of: `of meeting ≥ 85 % by 2026-12-31`;
 * for stay goals, `that every snapshot stays ≥ 90 % until 2026-12-31`.
 */
export function chanceOf(e: GoalEvaluation): string {
  const { operator, isStay } = GOAL_TYPES[e.type];
  const target = formatValue(e.target, e);
  return isStay
    ? `that every snapshot stays ${operator} ${target} until ${e.deadline}`
    : `of meeting ${operator} ${target} by ${e.deadline}`;
}

/**
 * `chance 30 % of meeting ≥ 85 % by 2026-12-31 is below 50 % (forecast 84 %,
 * 80 % interval 80.1 %–87.9 %)`.
 */
function chanceFailure(e: GoalEvaluation, failBelowChance: number | undefined): string {
  const below = failBelowChance === undefined ? '' : ` is below ${formatRatio(failBelowChance)}`;
  const why =
    GOAL_TYPES[e.type].isStay && e.held && e.held.met < e.held.total
      ? ' (a snapshot since the start already broke it)'
      : e.forecast !== null && e.forecastInterval
        ? ` (forecast ${formatValue(e.forecast, e)}, 80 % interval ${formatInterval(e)})`
        : '';
  return `chance ${formatChance(e.chance)} ${chanceOf(e)}${below}${why}`;
}

/** Glyphs of a status change (▲ improved, ▼ slipped); none when it did not move. */
export const CHANGE_MARK = { improved: '▲', slipped: '▼' } as const;

/**
 * What the status was at the --since date, when it moved: `▼ was on track`,
 * `▲ was off track`, `had not started`, `had no data`; '' when unchanged.
 */
export function formatStatusChange(goal: CheckedGoal): string {
  const previous = goal.previous;
  if (!previous || previous.change === 'unchanged') return '';
  const was = previous.evaluation.status;
  if (previous.change === 'new') {
    return was === 'not-started' ? 'had not started' : 'had no data';
  }
  return `${CHANGE_MARK[previous.change]} was ${statusLabel(was)}`;
}

/** `on track on 2026-11-09 → at risk`. */
export function statusMove(goal: CheckedGoal): string {
  const previous = goal.previous;
  if (!previous) return statusLabel(goal.evaluation.status);
  const e = previous.evaluation;
  return `${statusLabel(e.status)} on ${e.asOf} → ${statusLabel(goal.evaluation.status)}`;
}

/** The change of the current value since the --since date: `+0.3 pp`; '' when either is missing. */
export function formatValueChange(goal: CheckedGoal): string {
  const now = goal.evaluation.current;
  const then = goal.previous?.evaluation.current;
  return now && then ? formatChange(now.value - then.value, goal.evaluation.unit) : '';
}

/**
 * The change of progress since the --since date in points of the whole
 * percentages shown (43 % → 47 % is `+4 pp`); '' when either is missing.
 */
export function formatProgressChange(goal: CheckedGoal): string {
  const now = goal.evaluation.progress;
  const then = goal.previous?.evaluation.progress;
  if (now === null || then === null || then === undefined) return '';
  const points = Math.round(now * 100) - Math.round(then * 100);
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points)} pp`;
}

/** The goals whose status moved one way since the --since date. */
export function goalsChanged(result: CheckResult, change: 'improved' | 'slipped'): CheckedGoal[] {
  return result.goals.filter((g) => g.previous?.change === change);
}

/**
 * One line per way statuses moved since the --since date, slips first:
 * `▼ 1 slipped since 2026-11-09: sla-90 (on track → at risk)`, then the
 * goals that were not judged then (`had not started on 2026-11-09: …`); or
 * `no status changed since 2026-11-09`. None without --since.
 */
export function changeLines(result: CheckResult): string[] {
  const { since } = result;
  if (!since) return [];
  const lines = (['slipped', 'improved'] as const).flatMap((change) => {
    const goals = goalsChanged(result, change);
    if (goals.length === 0) return [];
    const list = goals.map(
      (g) =>
        `${g.evaluation.id} (${statusLabel(g.previous!.evaluation.status)} → ${statusLabel(g.evaluation.status)})`,
    );
    return [`${CHANGE_MARK[change]} ${goals.length} ${change} since ${since}: ${list.join(', ')}`];
  });
  const fresh = result.goals.filter((g) => g.previous?.change === 'new');
  for (const was of ['not-started', 'no-data'] as const) {
    const ids = fresh
      .filter((g) => g.previous!.evaluation.status === was)
      .map((g) => g.evaluation.id);
    const words = was === 'not-started' ? 'had not started' : 'had no data';
    if (ids.length > 0) lines.push(`${words} on ${since}: ${ids.join(', ')}`);
  }
  return lines.length > 0 ? lines : [`no status changed since ${result.since}`];
}

/** "8 goals: 1 achieved, 2 on track, 1 no data" (statuses with no goal left out). */
export function summaryText(result: CheckResult): string {
  const parts = STATUS_REPORT_ORDER.filter((s) => result.summary[s] > 0).map(
    (s) => `${result.summary[s]} ${statusLabel(s)}`,
  );
  const head = plural(result.summary.total, 'goal');
  return parts.length > 0 ? `${head}: ${parts.join(', ')}` : head;
}

export interface ObjectiveGroup<G extends CheckedGoal = CheckedGoal> {
  /** Undefined for goals without an objective. */
  objective: CheckedObjective | undefined;
  goals: G[];
  worst: GoalStatus;
}

/**
 * Goals grouped by objective: the objectives in file order, then objectives
 * that goals name but goals.yaml does not declare, then goals without one.
 */
export function groupByObjective<G extends CheckedGoal>(result: {
  objectives: CheckedObjective[];
  goals: G[];
}): Array<ObjectiveGroup<G>> {
  const ids = [
    ...result.objectives.map((o) => o.id),
    ...result.goals.map((g) => g.objective).filter((id): id is string => id !== undefined),
  ];
  const groups: Array<ObjectiveGroup<G>> = [];
  for (const id of new Set(ids)) {
    const goals = result.goals.filter((g) => g.objective === id);
    if (goals.length === 0) continue;
    const objective = result.objectives.find((o) => o.id === id) ?? { id, title: '' };
    groups.push({ objective, goals, worst: worstStatus(goals.map((g) => g.evaluation.status))! });
  }
  const loose = result.goals.filter((g) => g.objective === undefined);
  if (loose.length > 0) {
    groups.push({
      objective: undefined,
      goals: loose,
      worst: worstStatus(loose.map((g) => g.evaluation.status))!,
    });
  }
  return groups;
}

/** The goals that make the check fail, for the closing line of a report. */
export function failingText(result: CheckResult): string | undefined {
  const failing = result.goals.filter((g) => g.failures.length > 0);
  if (failing.length === 0) return undefined;
  const options = [
    ...(result.failOn.length > 0 ? [`--fail-on ${result.failOn.join(',')}`] : []),
    ...(result.failBelowChance !== undefined
      ? [`--fail-below-chance ${result.failBelowChance}`]
      : []),
  ];
  return `${plural(failing.length, 'goal')} failing (${options.join('; ')}): ${failing.map((g) => g.evaluation.id).join(', ')}`;
}

/** The figures of a goal, one per line (titles sanitised), for JUnit and annotations. */
export function describeGoal(goal: CheckedGoal): string[] {
  const e = goal.evaluation;
  const left =
    e.daysLeft > 0
      ? `${plural(e.daysLeft, 'day')} left`
      : e.daysLeft === 0
        ? 'the deadline is today'
        : 'ended';
  const lines = [
    `${e.id}: ${sanitizeLine(goal.title)}`,
    `status: ${statusLabel(e.status)}${e.stale ? ', stale' : ''} — ${statusReason(e)}`,
    `now → target: ${formatCurrentToTarget(e)}${e.current ? ` (${e.current.date})` : ''}`,
    `${e.held ? 'held' : 'progress / expected'}: ${formatProgressPair(e)}`,
  ];
  if (e.forecast !== null) {
    const interval = e.forecastInterval ? ` (80 % interval ${formatInterval(e)})` : '';
    lines.push(`forecast at ${e.deadline}: ${formatMetricValue(e.forecast, e.unit)}${interval}`);
  }
  if (e.chance !== null) lines.push(`chance ${chanceOf(e)}: ${formatChance(e.chance)}`);
  lines.push(`period: ${e.start} – ${e.deadline}, ${left} as of ${e.asOf}`);
  if (goal.previous) lines.push(describeChange(goal));
  return lines;
}

/** `since 2026-11-09: on track → at risk (slipped); now +0.3 pp, progress +4 pp`. */
function describeChange(goal: CheckedGoal): string {
  const previous = goal.previous!;
  const was = previous.evaluation;
  const move =
    previous.change === 'unchanged'
      ? `${statusLabel(was.status)}, unchanged`
      : `${statusLabel(was.status)} → ${statusLabel(goal.evaluation.status)} (${previous.change === 'new' ? formatStatusChange(goal) : previous.change})`;
  const changes = [
    ...(formatValueChange(goal) ? [`now ${formatValueChange(goal)}`] : []),
    ...(formatProgressChange(goal) ? [`progress ${formatProgressChange(goal)}`] : []),
  ];
  return `since ${was.asOf}: ${move}${changes.length > 0 ? `; ${changes.join(', ')}` : ''}`;
}
