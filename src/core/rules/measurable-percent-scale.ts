import type { Rule, RuleReport } from './rule.js';
import { goalName } from './rule.js';
import { baselineValue } from '../resolve-goal.js';

/** 0.85 for a percent metric is almost always 85 % written as a ratio. */
export const measurablePercentScale: Rule = {
  meta: {
    id: 'measurable/percent-scale',
    letter: 'M',
    description: 'Percent metrics are written 0–100, not as a 0–1 ratio.',
    defaultLevel: 'warn',
  },
  check(ctx) {
    const { goal } = ctx;
    if (goal.metric?.unit !== 'percent') return [];
    const reports: RuleReport[] = [];
    const isRatio = (v: number | undefined) => v !== undefined && v > 0 && v < 1;
    const flag = (value: number, path: Array<string | number>, what: string) =>
      reports.push({
        message: `${goalName(ctx)}: ${what} ${value} looks like a ratio, but ${goal.metric!.name} is a percentage (0–100).`,
        hint: `Write ${Math.round(value * 10000) / 100} for ${Math.round(value * 10000) / 100} %.`,
        path,
      });
    if (
      goal.target &&
      !('problem' in goal.target) &&
      goal.target.kind === 'absolute' &&
      isRatio(goal.target.value)
    ) {
      flag(goal.target.value, ['target'], 'target');
    }
    const baseline =
      goal.baseline && !('problem' in goal.baseline) && goal.baseline.from === 'file'
        ? baselineValue(goal)
        : undefined;
    if (isRatio(baseline))
      flag(
        baseline!,
        typeof goal.input.baseline === 'object' ? ['baseline', 'value'] : ['baseline'],
        'baseline',
      );
    return reports;
  },
};
