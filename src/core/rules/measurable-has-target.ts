import type { Rule } from './rule.js';
import { goalName } from './rule.js';

export const measurableHasTarget: Rule = {
  meta: {
    id: 'measurable/has-target',
    letter: 'M',
    description: 'The goal has a numeric target.',
    defaultLevel: 'error',
    absentKey: 'target',
  },
  check(ctx) {
    const { target, input } = ctx.goal;
    if (input.target === undefined) {
      return [
        {
          message: `${goalName(ctx)} has no target: nothing says when it is reached.`,
          hint: 'Add `target:` with a value (85, "2h") or a change ("-15%", "+5pp").',
          path: [],
        },
      ];
    }
    if (target && 'problem' in target && target.problem === 'not-a-number') {
      return [
        {
          message: `${goalName(ctx)}: target ${target.message}`,
          hint: target.hint,
          path: ['target'],
        },
      ];
    }
    return [];
  },
};
