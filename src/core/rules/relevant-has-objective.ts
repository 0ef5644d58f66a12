import type { Rule } from './rule.js';
import { goalName } from './rule.js';

export const relevantHasObjective: Rule = {
  meta: {
    id: 'relevant/has-objective',
    letter: 'R',
    description: 'The goal is linked to an objective it serves.',
    defaultLevel: 'warn',
    absentKey: 'objective',
  },
  check(ctx) {
    if (ctx.goal.input.objective !== undefined) return [];
    const known = [...ctx.objectives];
    return [
      {
        message: `${goalName(ctx)} is linked to no objective: nothing says why it matters.`,
        hint: known.length
          ? `Add \`objective:\` with one of: ${known.join(', ')}.`
          : 'Declare what the team wants under objectives: and link the goal with `objective:`.',
        path: [],
      },
    ];
  },
};
