import type { Rule } from './rule.js';
import { goalName } from './rule.js';
import { suggest } from '../suggest.js';

export const measurableKnownMetric: Rule = {
  meta: {
    id: 'measurable/known-metric',
    letter: 'M',
    description: 'The metric is built in or declared under metrics:.',
    defaultLevel: 'error',
  },
  check(ctx) {
    const id = ctx.goal.input.metric;
    if (id === undefined || ctx.goal.metric) return [];
    const close = suggest(id, ctx.catalog.keys());
    return [
      {
        message: `${goalName(ctx)}: unknown metric '${id}'${close ? ` (did you mean '${close}'?)` : ''}.`,
        hint: close
          ? `Write \`metric: ${close}\`, or declare '${id}' under metrics:.`
          : `Use a metric from \`goals metrics\`, or declare '${id}' under metrics: with its unit and direction.`,
        path: ['metric'],
      },
    ];
  },
};
