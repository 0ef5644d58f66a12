import type { Rule, RuleReport } from './rule.js';
import { goalName } from './rule.js';

export const timeBoundMilestoneDates: Rule = {
  meta: {
    id: 'time-bound/milestone-dates',
    letter: 'T',
    description: 'Milestones fall between start and deadline, in date order.',
    defaultLevel: 'error',
  },
  check(ctx) {
    const { start, deadline, milestones } = ctx.goal;
    const reports: RuleReport[] = [];
    let previous: string | undefined;
    milestones.forEach((m, i) => {
      if (!m.date) return;
      const path = ['milestones', i, 'date'];
      if ((start && m.date <= start) || (deadline && m.date > deadline)) {
        // Stryker disable next-line StringLiteral: a goal has no start only without a deadline, and then no milestone is outside it
        const from = start ?? '?';
        reports.push({
          message: `${goalName(ctx)}: milestone ${m.date} is not between the start ${from} and the deadline ${deadline ?? '?'}.`,
          hint: 'Move the milestone inside the goal’s period.',
          path,
        });
      } else if (previous && m.date <= previous) {
        reports.push({
          message: `${goalName(ctx)}: milestone ${m.date} comes after a milestone dated ${previous}.`,
          hint: 'List milestones in date order, one per date.',
          path,
        });
      }
      previous = m.date;
    });
    return reports;
  },
};
