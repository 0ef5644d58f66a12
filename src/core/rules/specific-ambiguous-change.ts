import type { Rule } from './rule.js';
import { baselineOrigin, goalName } from './rule.js';
import { baselineValue } from '../resolve-goal.js';
import { roundValue } from '../values.js';

export const specificAmbiguousChange: Rule = {
  meta: {
    id: 'specific/ambiguous-change',
    letter: 'S',
    description: 'A %-change on a percent metric: points or percent of the baseline?',
    defaultLevel: 'warn',
  },
  check(ctx) {
    const { target, metric } = ctx.goal;
    if (!target || 'problem' in target || target.kind !== 'relative' || metric?.unit !== 'percent')
      return [];
    const percent = roundValue(target.fraction * 100);
    const signed = `${percent >= 0 ? '+' : ''}${percent}`;
    const baseline = baselineValue(ctx.goal);
    const origin = baselineOrigin(ctx.goal);
    const readings =
      baseline === undefined
        ? `${signed} % of the baseline, or ${signed} points`
        : `${baseline} × ${roundValue(1 + target.fraction)} = ${roundValue(baseline * (1 + target.fraction))} (relative), or ${baseline} ${signed} = ${roundValue(baseline + percent)} (points)`;
    return [
      {
        message: `${goalName(ctx)}: target "${signed}%" on ${metric.name}, a percent metric, can be read two ways: ${readings}${origin === '' ? '' : `, from the baseline ${baseline}${origin}`}.`,
        hint: `Write "${signed}pp" for points, or the absolute target (e.g. ${baseline === undefined ? 85 : roundValue(baseline * (1 + target.fraction))}).`,
        path: ['target'],
      },
    ];
  },
};
