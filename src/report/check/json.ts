/**
 * `goals check --format json` (DESIGN §8): one object, keys in a fixed
 * order, stable across releases. Values in the metric's unit (durations in
 * seconds) rounded to 2 decimals, shares (progress, chance) to 3, pace to 2
 * per week; figures that cannot be computed are null (sampleSize: the value
 * is not a records source's). With --since, `since` and each
 * goal's `previous` (DESIGN §12) are added; without it the object is unchanged.
 */
import type { GoalEvaluation } from '../../core/evaluate-goal.js';
import { STATUS_REPORT_ORDER } from '../../core/status.js';
import type { CheckResult, CheckedGoal, PreviousCheck } from './result.js';

/** Rounds to `digits` decimals; null stays null and −0 becomes 0. */
export function roundTo(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

const VALUE_DIGITS = 2;
const RATIO_DIGITS = 3;

/** One goal of the JSON report, in the key order of DESIGN §8. */
export function goalJson(goal: CheckedGoal) {
  const e: GoalEvaluation = goal.evaluation;
  return {
    id: e.id,
    title: goal.title,
    metric: e.metric,
    unit: e.unit,
    type: e.type,
    segment: goal.segment,
    status: e.status,
    stale: e.stale,
    baseline: roundTo(e.baseline?.value ?? null, VALUE_DIGITS),
    target: roundTo(e.target, VALUE_DIGITS),
    current: roundTo(e.current?.value ?? null, VALUE_DIGITS),
    currentDate: e.current?.date ?? null,
    progress: roundTo(e.progress, RATIO_DIGITS),
    expectedProgress: roundTo(e.expectedProgress, RATIO_DIGITS),
    forecast: roundTo(e.forecast, VALUE_DIGITS),
    forecastProgress: roundTo(e.forecastProgress, RATIO_DIGITS),
    forecastInterval: e.forecastInterval
      ? e.forecastInterval.map((v) => roundTo(v, VALUE_DIGITS))
      : null,
    chance: roundTo(e.chance, RATIO_DIGITS),
    start: e.start,
    deadline: e.deadline,
    daysLeft: e.daysLeft,
    pace: {
      perWeek: roundTo(e.pace.perWeek, VALUE_DIGITS),
      neededPerWeek: roundTo(e.pace.neededPerWeek, VALUE_DIGITS),
    },
    // DESIGN §12: the rows behind the current value (records sources only) and
    // whether the export covers all of its period.
    sampleSize: e.current?.n ?? null,
    partial: e.current?.partial === true,
    ...(goal.previous ? { previous: previousJson(goal.previous) } : {}),
  };
}

/** With --since (DESIGN §12): the goal as of the earlier date, and how its status moved. */
function previousJson(previous: PreviousCheck) {
  const e = previous.evaluation;
  return {
    asOf: e.asOf,
    status: e.status,
    current: roundTo(e.current?.value ?? null, VALUE_DIGITS),
    progress: roundTo(e.progress, RATIO_DIGITS),
    change: previous.change,
  };
}

export function formatCheckJson(result: CheckResult): string {
  const summary: Record<string, number> = { total: result.summary.total };
  for (const status of STATUS_REPORT_ORDER) summary[status] = result.summary[status];
  const body = {
    version: 1,
    asOf: result.asOf,
    ...(result.since ? { since: result.since } : {}),
    config: result.config,
    summary,
    goals: result.goals.map(goalJson),
  };
  return `${escapeUnsafeJson(JSON.stringify(body, null, 2))}\n`;
}

/**
 * JSON.stringify escapes C0 controls but leaves C1 controls and bidi
 * overrides raw; escaped, the JSON means the same and is safe in a terminal.
 */
export function escapeUnsafeJson(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
