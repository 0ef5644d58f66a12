import type { Rule } from './rule.js';
import { goalName } from './rule.js';

export const specificHasType: Rule = {
  meta: {
    id: 'specific/has-type',
    letter: 'S',
    description:
      'A goal on a metric with no better direction (ticket volume) says which way it should go.',
    defaultLevel: 'error',
  },
  check(ctx) {
    const { metric, type } = ctx.goal;
    if (!metric || type !== undefined) return [];
    return [
      {
        message: `${goalName(ctx)}: ${metric.name} has no better direction, so the goal must say which way it should go.`,
        hint: 'Add `type:` increase, decrease, stay-above or stay-below.',
        path: [],
      },
    ];
  },
};
