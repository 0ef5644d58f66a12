import type { Rule } from './rule.js';
import { baselineOrigin, goalName } from './rule.js';
import { formatMetricValue } from '../format-value.js';
import { baselineValue } from '../resolve-goal.js';
import { resolveTarget, roundValue } from '../values.js';

export const specificAmbiguousChange: Rule = {
  meta: {
    id: 'specific/ambiguous-change',
    letter: 'S',
    description:
      'A %-change on a percent metric (points or percent of the baseline?), or on a baseline of 0 or below.',
    defaultLevel: 'warn',
  },
  check(ctx) {
    const { target, metric } = ctx.goal;
    if (!target || 'problem' in target || target.kind !== 'relative' || !metric) return [];
    const percent = roundValue(target.fraction * 100);
    const signed = `${percent >= 0 ? '+' : ''}${percent}`;
    const baseline = baselineValue(ctx.goal);
    const origin = baselineOrigin(ctx.goal);
    if (metric.unit !== 'percent') {
      if (baseline === undefined || baseline > 0) return [];
      // A relative change is a share of the baseline's size (values.ts): say so where it is not obvious.
      const fmt = (v: number) => formatMetricValue(v, metric.unit);
      const resolved = resolveTarget(target, baseline)!;
      const reading =
        baseline === 0
          ? `of a baseline of ${fmt(0)} is ${fmt(0)}: a relative change of nothing is nothing`
          : `on the negative baseline ${fmt(baseline)}${origin} is read as a change of its size: ${fmt(baseline)} ${percent >= 0 ? '+' : '−'} ${Math.abs(percent)} % × ${fmt(-baseline)} = ${fmt(resolved)}`;
      return [
        {
          message: `${goalName(ctx)}: target "${signed}%" ${reading}.`,
          hint:
            baseline === 0
              ? metric.unit === 'duration'
                ? 'Write the target as a value ("2h") or a change ("-30m").'
                : 'Write the target as a value, or as a change in the metric\'s unit ("+5").'
              : `Write the target as a value (${resolved}) to say it plainly.`,
          path: ['target'],
        },
      ];
    }
    const readings =
      baseline === undefined
        ? `${signed} % of the baseline, or ${signed} points`
        : `${baseline} × ${roundValue(1 + target.fraction)} = ${resolveTarget(target, baseline)} (relative), or ${baseline} ${signed} = ${roundValue(baseline + percent)} (points)`;
    return [
      {
        message: `${goalName(ctx)}: target "${signed}%" on ${metric.name}, a percent metric, can be read two ways: ${readings}${origin === '' ? '' : `, from the baseline ${baseline}${origin}`}.`,
        hint: `Write "${signed}pp" for points, or the absolute target (e.g. ${baseline === undefined ? 85 : resolveTarget(target, baseline)}).`,
        path: ['target'],
      },
    ];
  },
};
