import type { Rule } from './rule.js';
import { goalName } from './rule.js';
import { addMonths } from '../dates.js';

export const HORIZON_MONTHS = 18;

export const timeBoundHorizon: Rule = {
  meta: {
    id: 'time-bound/horizon',
    letter: 'T',
    description: 'The deadline is at most 18 months after the start.',
    defaultLevel: 'warn',
  },
  check(ctx) {
    const { start, deadline } = ctx.goal;
    if (!start || !deadline || deadline <= addMonths(start, HORIZON_MONTHS)) return [];
    return [
      {
        message: `${goalName(ctx)}: the deadline ${deadline} is more than ${HORIZON_MONTHS} months after the start ${start}; too far away to steer by.`,
        hint: 'Split it into goals of a quarter or two, or add milestones and a nearer deadline.',
        path: ['deadline'],
      },
    ];
  },
};
