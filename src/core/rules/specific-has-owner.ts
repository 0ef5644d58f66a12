import type { Rule } from './rule.js';
import { goalName } from './rule.js';

export const specificHasOwner: Rule = {
  meta: {
    id: 'specific/has-owner',
    letter: 'S',
    description: 'Somebody is accountable for the goal.',
    defaultLevel: 'warn',
    absentKey: 'owner',
  },
  check(ctx) {
    if (ctx.goal.input.owner !== undefined) return [];
    return [
      {
        message: `${goalName(ctx)} has no owner: nobody is accountable for it.`,
        hint: 'Add `owner:` with the name of the person who answers for the goal.',
        path: [],
      },
    ];
  },
};
