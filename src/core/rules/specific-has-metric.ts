import type { Rule } from './rule.js';
import { goalName } from './rule.js';

export const specificHasMetric: Rule = {
  meta: {
    id: 'specific/has-metric',
    letter: 'S',
    description: 'A goal names the metric it moves.',
    defaultLevel: 'error',
    absentKey: 'metric',
  },
  check(ctx) {
    if (ctx.goal.input.metric !== undefined) return [];
    return [
      {
        message: `${goalName(ctx)} has no metric: nothing says what will be measured.`,
        hint: 'Add `metric:` with a metric id, e.g. `metric: csat` (`goals metrics` lists them, or declare one under metrics:).',
        path: [],
      },
    ];
  },
};
