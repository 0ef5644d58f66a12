import type { Rule, RuleReport } from './rule.js';
import { goalName } from './rule.js';
import { formatMetricValue } from '../format-value.js';
import { baselineValue } from '../resolve-goal.js';

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
    const [min, max] = metric.range;
    const reports: RuleReport[] = [];
    const rangeText = `${min === null ? '−∞' : formatMetricValue(min, metric.unit)} to ${max === null ? '∞' : formatMetricValue(max, metric.unit)}`;
    const check = (value: number | undefined, path: Array<string | number>, what: string) => {
      if (value === undefined || Number.isNaN(value)) return;
      if ((min !== null && value < min) || (max !== null && value > max)) {
        reports.push({
          message: `${goalName(ctx)}: ${what} ${formatMetricValue(value, metric.unit)} is outside the range of ${metric.name} (${rangeText}).`,
          hint: `Choose a ${what} between ${rangeText}.`,
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
