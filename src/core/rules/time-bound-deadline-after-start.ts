import type { Rule } from './rule.js';
import { goalName } from './rule.js';

export const timeBoundDeadlineAfterStart: Rule = {
  meta: {
    id: 'time-bound/deadline-after-start',
    letter: 'T',
    description: 'The deadline comes after the start.',
    defaultLevel: 'error',
  },
  check(ctx) {
    const { start, deadline } = ctx.goal;
    if (!start || !deadline || deadline > start) return [];
    return [
      {
        message: `${goalName(ctx)}: the deadline ${deadline} is not after the start ${start}.`,
        hint: 'Move the deadline later or the start earlier.',
        path: ['deadline'],
      },
    ];
  },
};
