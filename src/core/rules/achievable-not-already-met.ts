import type { Rule } from './rule.js';
import { baselineOrigin, goalName } from './rule.js';
import { GOAL_TYPES, meets } from '../compare.js';
import { formatMetricValue } from '../format-value.js';
import { baselineValue } from '../resolve-goal.js';

export const achievableNotAlreadyMet: Rule = {
  meta: {
    id: 'achievable/not-already-met',
    letter: 'A',
    description: 'The baseline does not already meet the target.',
    defaultLevel: 'warn',
  },
  check(ctx) {
    const { goal } = ctx;
    const baseline = baselineValue(goal);
    const target = goal.targetValue;
    if (!goal.metric || !goal.type || GOAL_TYPES[goal.type].isStay) return [];
    if (baseline === undefined || target === undefined || !meets(goal.type, baseline, target))
      return [];
    const unit = goal.metric.unit;
    return [
      {
        message: `${goalName(ctx)}: the baseline ${formatMetricValue(baseline, unit)}${baselineOrigin(goal)} already meets the target ${formatMetricValue(target, unit)}.`,
        hint: `Set a target beyond the baseline, or use type: ${goal.type === 'increase' ? 'stay-above' : 'stay-below'} to hold the level.`,
        path: ['target'],
      },
    ];
  },
};
