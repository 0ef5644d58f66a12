import type { Rule } from './rule.js';
import { goalName } from './rule.js';

export const measurableHasBaseline: Rule = {
  meta: {
    id: 'measurable/has-baseline',
    letter: 'M',
    description:
      'There is a baseline: written in the file, or a snapshot on or after start to take it from.',
    defaultLevel: 'warn',
    absentKey: 'baseline',
  },
  check(ctx) {
    const { goal, history } = ctx;
    if (goal.input.baseline !== undefined || !goal.metric) return [];
    // Without a store, a source that provides the metric will supply the baseline.
    const hasSnapshot =
      history === undefined
        ? ctx.hasSource
        : history.some((p) => goal.start === undefined || p.date >= goal.start);
    if (hasSnapshot) return [];
    return [
      {
        message: `${goalName(ctx)} has no baseline and no snapshot${goal.start ? ` on or after ${goal.start}` : ''} to take it from.`,
        hint: 'Add `baseline:` with the value today, or import data for the metric (`goals import`).',
        path: [],
      },
    ];
  },
};
