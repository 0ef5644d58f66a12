import type { Rule, RuleReport } from './rule.js';
import { goalName } from './rule.js';
import { formatMetricValue } from '../format-value.js';
import { baselineValue } from '../resolve-goal.js';
import type { MetricDefinition } from '../metrics.js';

/** `0 % to 100 %`, `0 s to ∞`. */
export function rangeOf(metric: MetricDefinition): string {
  const [min, max] = metric.range;
  const f = (v: number | null, inf: string) =>
    v === null ? inf : formatMetricValue(v, metric.unit);
  return `${f(min, '−∞')} to ${f(max, '∞')}`;
}

/** Whether a value lies in the metric's valid range. */
export function isInRange(metric: MetricDefinition, value: number): boolean {
  const [min, max] = metric.range;
  return (min === null || value >= min) && (max === null || value <= max);
}

export const achievableInRange: Rule = {
  meta: {
    id: 'achievable/in-range',
    letter: 'A',
    description:
      "Target, baseline and milestones lie in the metric's valid range (no CSAT 120 %, no NPS 150).",
    defaultLevel: 'error',
  },
  check(ctx) {
    const { goal } = ctx;
    const metric = goal.metric;
    if (!metric) return [];
    const reports: RuleReport[] = [];
    const rangeText = rangeOf(metric);
    const check = (value: number | undefined, path: Array<string | number>, what: string) => {
      if (value === undefined || Number.isNaN(value)) return;
      if (!isInRange(metric, value)) {
        reports.push({
          message: `${goalName(ctx)}: ${what} ${formatMetricValue(value, metric.unit)} is outside the range of ${metric.name} (${rangeText}).`,
          hint: `Choose a ${what} from ${rangeText}.`,
          path,
        });
      }
    };
    const base =
      goal.baseline && !('problem' in goal.baseline) && goal.baseline.from === 'file'
        ? baselineValue(goal)
        : undefined;
    check(goal.targetValue, ['target'], 'target');
    check(
      base,
      typeof goal.input.baseline === 'object' ? ['baseline', 'value'] : ['baseline'],
      'baseline',
    );
    goal.milestones.forEach((m, i) => {
      if (!('problem' in m.target)) check(m.target.value, ['milestones', i, 'target'], 'milestone');
    });
    return reports;
  },
};
