import type { Rule } from './rule.js';
import { goalName } from './rule.js';

export const timeBoundHasDeadline: Rule = {
  meta: {
    id: 'time-bound/has-deadline',
    letter: 'T',
    description: 'The goal has a deadline.',
    defaultLevel: 'error',
    absentKey: 'deadline',
  },
  check(ctx) {
    if (ctx.goal.input.deadline !== undefined) return [];
    return [
      {
        message: `${goalName(ctx)} has no deadline: it can never be late, and never done.`,
        hint: 'Add `deadline:` with a date (2026-09-30) or a quarter (2026-Q3).',
        path: [],
      },
    ];
  },
};
