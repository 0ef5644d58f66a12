import type { Rule } from './rule.js';
import { goalName } from './rule.js';
import { GOAL_TYPES } from '../compare.js';
import { formatMetricValue } from '../format-value.js';

export const achievablePerfectScore: Rule = {
  meta: {
    id: 'achievable/perfect-score',
    letter: 'A',
    description: "The target is not the metric's best possible value (CSAT 100 %, churn 0, FRT 0).",
    defaultLevel: 'warn',
  },
  check(ctx) {
    const { goal } = ctx;
    const { metric, type, targetValue } = goal;
    if (!metric || !type) return [];
    const best = GOAL_TYPES[type].sign === 1 ? metric.range[1] : metric.range[0];
    // an unknown target (undefined) is never the best value (a number, or null for none)
    if (targetValue !== best) return [];
    return [
      {
        message: `${goalName(ctx)}: the target ${formatMetricValue(targetValue, metric.unit)} is the best ${metric.name} can ever be; one bad week makes it unreachable.`,
        hint: 'Aim for a level the team can hold, e.g. the best value your history shows, or a step towards it.',
        path: ['target'],
      },
    ];
  },
};
