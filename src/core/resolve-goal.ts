/**
 * From a goal as written to a goal with numbers and dates: the metric looked
 * up, the type defaulted from its direction, dates and quarters resolved,
 * values converted to the metric's unit. Problems are kept as values for the
 * SMART rules to report; evaluation uses the resolved fields.
 */
import type { GoalInput, GoalType } from '../config/schema.js';
import { resolveDateOrQuarter, quarterOf, quarterRange, parseIsoDate } from './dates.js';
import type { IsoDate } from './dates.js';
import { chooseBaseline } from './figures/baseline.js';
import type { MetricDefinition } from './metrics.js';
import type { Point, Segment } from './snapshot.js';
import { parseTarget, parseValue, resolveTarget } from './values.js';
import type { ParsedTarget, ParsedValue, ValueProblem } from './values.js';

export interface ResolvedBaseline {
  value: number;
  date?: IsoDate;
  /**
   * `file`: written in goals.yaml; `snapshot`: the first snapshot on/after
   * start; `before-start`: none since the start yet, the newest before it.
   */
  from: 'file' | 'snapshot' | 'before-start';
}

export interface ResolvedMilestone {
  date: IsoDate | undefined;
  target: ParsedValue;
}

export interface ResolvedGoal {
  input: GoalInput;
  id: string;
  metric: MetricDefinition | undefined;
  segment: Segment;
  /** Undefined when the metric is neutral (ticket volume) and no type is given. */
  type: GoalType | undefined;
  start: IsoDate | undefined;
  /** True when start was not written and comes from the deadline's quarter. */
  isStartDefaulted: boolean;
  deadline: IsoDate | undefined;
  baseline: ResolvedBaseline | ValueProblem | undefined;
  target: ParsedTarget | undefined;
  /** The absolute target, once the baseline is known. */
  targetValue: number | undefined;
  milestones: ResolvedMilestone[];
}

export interface ResolveOptions {
  catalog: ReadonlyMap<string, MetricDefinition>;
  fiscalYearStart: number;
}

export function resolveGoal(goal: GoalInput, options: ResolveOptions): ResolvedGoal {
  const metric = goal.metric === undefined ? undefined : options.catalog.get(goal.metric);
  const fy = options.fiscalYearStart;
  const deadline =
    goal.deadline === undefined ? undefined : resolveDateOrQuarter(goal.deadline, 'end', fy);
  let start = goal.start === undefined ? undefined : resolveDateOrQuarter(goal.start, 'start', fy);
  const isStartDefaulted = start === undefined && deadline !== undefined;
  if (start === undefined && deadline !== undefined)
    start = quarterRange(quarterOf(deadline, fy), fy).start;

  const type: GoalType | undefined =
    goal.type ?? (metric && metric.direction !== 'neutral' ? metric.direction : undefined);

  let baseline: ResolvedBaseline | ValueProblem | undefined;
  if (goal.baseline !== undefined && metric) {
    const written = typeof goal.baseline === 'object' ? goal.baseline : { value: goal.baseline };
    const parsed = parseValue(written.value, metric.unit);
    if ('problem' in parsed) baseline = parsed;
    else {
      const date = 'date' in written && written.date ? parseIsoDate(written.date) : undefined;
      baseline = { value: parsed.value, from: 'file', ...(date ? { date } : {}) };
    }
  }
  const target =
    goal.target !== undefined && metric ? parseTarget(goal.target, metric.unit) : undefined;
  const milestones: ResolvedMilestone[] = (goal.milestones ?? []).map((m) => ({
    date: resolveDateOrQuarter(m.date, 'end', fy),
    target: metric ? parseValue(m.target, metric.unit) : { value: NaN },
  }));

  const resolved: ResolvedGoal = {
    input: goal,
    id: goal.id,
    metric,
    segment: Object.fromEntries(Object.entries(goal.segment ?? {}).map(([k, v]) => [k, String(v)])),
    type,
    start,
    isStartDefaulted,
    deadline,
    baseline,
    target,
    targetValue: undefined,
    milestones,
  };
  resolved.targetValue = targetValueOf(resolved);
  return resolved;
}

/** The baseline value when it is known. */
export function baselineValue(goal: ResolvedGoal): number | undefined {
  return goal.baseline && !('problem' in goal.baseline) ? goal.baseline.value : undefined;
}

function targetValueOf(goal: ResolvedGoal): number | undefined {
  if (!goal.target || 'problem' in goal.target) return undefined;
  return resolveTarget(goal.target, baselineValue(goal));
}

/**
 * The goal with the baseline its evaluation uses (`chooseBaseline`: when
 * goals.yaml gives none, taken from the snapshots) and its target resolved
 * against it, so that the SMART rules judge the numbers `goals check` shows.
 */
export function withHistoryBaseline(
  goal: ResolvedGoal,
  history: readonly Point[] | undefined,
): ResolvedGoal {
  if (goal.baseline !== undefined || !history || !goal.start) return goal;
  const chosen = chooseBaseline(null, history, goal.start);
  if (!chosen?.date) return goal;
  const next: ResolvedGoal = {
    ...goal,
    baseline: { value: chosen.value, date: chosen.date, from: chosen.from },
  };
  next.targetValue = targetValueOf(next);
  return next;
}
