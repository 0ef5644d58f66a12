import type { Rule } from './rule.js';
import { goalName } from './rule.js';
import { formatMetricValue, formatNumber, formatRate } from '../format-value.js';
import { judgePace, realisticStep } from '../pace.js';
import { baselineValue } from '../resolve-goal.js';
import { GOAL_TYPES } from '../compare.js';
import { isInRange } from './achievable-in-range.js';

export const achievableRealisticPace: Rule = {
  meta: {
    id: 'achievable/realistic-pace',
    letter: 'A',
    description:
      'With history (≥ 8 snapshots over ≥ 4 weeks): the pace needed is at most 2× the fastest 4-week pace seen; without: the change is at most 50 % of the baseline and 15 % of it per month.',
    defaultLevel: 'warn',
  },
  check(ctx) {
    const { goal } = ctx;
    const { metric, type, start, deadline } = goal;
    if (!metric || !type || GOAL_TYPES[type].isStay || !start || !deadline) return [];
    const history = ctx.history ?? [];
    const baseline = baselineValue(goal);
    const target = goal.targetValue;
    // An impossible target is achievable/in-range's finding, not a pace problem.
    if (baseline === undefined || target === undefined || !isInRange(metric, target)) return [];
    const judgement = judgePace({ baseline, target, start, deadline, history });
    if (!judgement || judgement.realistic) return [];
    const unit = metric.unit;
    const alternative = formatMetricValue(
      // Stryker disable next-line EqualityOperator: judgePace judged nothing when target = baseline, so > and ≥ agree
      realisticStep(judgement, unit, target > baseline ? 1 : -1),
      unit,
    );
    if (judgement.basis === 'history') {
      return [
        {
          message: `${goalName(ctx)}: reaching ${formatMetricValue(target, unit)} needs ${formatRate(judgement.neededPerWeek, unit)}, more than 2× the fastest 4-week pace in its history (${formatRate(judgement.fastestPerWeek, unit)}).`,
          hint: `A target of about ${alternative} by ${deadline} matches twice the best pace seen; or give the goal more time.`,
          path: ['target'],
        },
      ];
    }
    const pct = (x: number) => `${formatNumber(x * 100, 0)} %`;
    const why =
      judgement.totalChange > 0.5
        ? `a change of ${pct(judgement.totalChange)} of the baseline (more than 50 %)`
        : `${pct(judgement.monthlyChange)} of the baseline per month (more than 15 %)`;
    return [
      {
        message: `${goalName(ctx)}: going from ${formatMetricValue(baseline, unit)} to ${formatMetricValue(target, unit)} by ${deadline} is ${why}.`,
        hint: `A target of about ${alternative} is a realistic step; import history (≥ 8 snapshots over 4 weeks) to judge by the team's real pace.`,
        path: ['target'],
      },
    ];
  },
};
