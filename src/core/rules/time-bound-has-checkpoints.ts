import type { Rule } from './rule.js';
import { goalName } from './rule.js';
import { daysBetween } from '../dates.js';

/** Longer than a quarter (92 days, the longest quarter). */
const QUARTER_DAYS = 92;

export const timeBoundHasCheckpoints: Rule = {
  meta: {
    id: 'time-bound/has-checkpoints',
    letter: 'T',
    description: 'A goal longer than a quarter has milestones.',
    defaultLevel: 'off',
  },
  check(ctx) {
    const { start, deadline, milestones } = ctx.goal;
    if (
      !start ||
      !deadline ||
      milestones.length > 0 ||
      daysBetween(start, deadline) <= QUARTER_DAYS
    )
      return [];
    return [
      {
        message: `${goalName(ctx)} runs ${daysBetween(start, deadline)} days with no milestone to check progress against.`,
        hint: 'Add milestones: - { date: 2026-08-15, target: 81 } at least once a quarter.',
        path: [],
      },
    ];
  },
};
