import type { Rule, RuleReport } from './rule.js';
import { goalName } from './rule.js';

export const measurableUnit: Rule = {
  meta: {
    id: 'measurable/unit',
    letter: 'M',
    description: "Values are written in a unit that converts to the metric's unit.",
    defaultLevel: 'error',
  },
  check(ctx) {
    const { goal } = ctx;
    const reports: RuleReport[] = [];
    const check = (parsed: object | undefined, path: Array<string | number>, what: string) => {
      if (parsed && 'problem' in parsed) {
        const p = parsed as { problem: string; message: string; hint: string };
        if (p.problem === 'unit' || what !== 'target') {
          reports.push({ message: `${goalName(ctx)}: ${what} ${p.message}`, hint: p.hint, path });
        }
      }
    };
    const baselinePath =
      typeof goal.input.baseline === 'object' ? ['baseline', 'value'] : ['baseline'];
    check(goal.target, ['target'], 'target');
    check(goal.baseline, baselinePath, 'baseline');
    goal.milestones.forEach((m, i) => check(m.target, ['milestones', i, 'target'], 'milestone'));
    return reports;
  },
};
