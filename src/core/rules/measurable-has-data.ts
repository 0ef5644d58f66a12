import type { Rule } from './rule.js';
import { goalName } from './rule.js';
import { formatSegment } from '../snapshot.js';

export const measurableHasData: Rule = {
  meta: {
    id: 'measurable/has-data',
    letter: 'M',
    description: 'A source or a snapshot provides the metric for the goal’s segment.',
    defaultLevel: 'warn',
  },
  check(ctx) {
    const { goal, history } = ctx;
    if (!goal.metric || ctx.hasSource || (history !== undefined && history.length > 0)) return [];
    const segment =
      Object.keys(goal.segment).length > 0 ? ` for ${formatSegment(goal.segment)}` : '';
    return [
      {
        message: `${goalName(ctx)}: no source or snapshot provides ${goal.metric.id}${segment}, so progress cannot be measured.`,
        hint: 'Map a column of an export to it under sources:, or import a file with `goals import`.',
        path: ['metric'],
      },
    ];
  },
};
