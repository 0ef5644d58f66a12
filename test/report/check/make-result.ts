/** CheckResults built from inline goals and snapshots, for reporter tests. */
import { goalSchema } from '../../../src/config/schema.js';
import { addDays } from '../../../src/core/dates.js';
import { evaluateGoal } from '../../../src/core/evaluate-goal.js';
import { buildCatalog } from '../../../src/core/metrics.js';
import { resolveGoal } from '../../../src/core/resolve-goal.js';
import type { CheckResult, CheckedGoal, FailOn } from '../../../src/report/check/result.js';
import { STATUS_RULE_ORDER } from '../../../src/core/status.js';

const catalog = buildCatalog([]);

export interface InlineGoal {
  fields: Record<string, unknown>;
  /** Weekly values ending on as of. */
  values: number[];
}

export function makeResult(
  goals: InlineGoal[],
  options: { asOf?: string; failOn?: FailOn[] } = {},
): CheckResult {
  const asOf = options.asOf ?? '2026-11-16';
  const failOn = options.failOn ?? ['off-track', 'missed'];
  const checked: CheckedGoal[] = goals.map((g, i) => {
    const input = goalSchema.parse({ title: `Goal ${i}`, ...g.fields });
    const goal = resolveGoal(input, { catalog, fiscalYearStart: 1 });
    const points = g.values.map((value, k) => ({
      date: addDays(asOf, -7 * (g.values.length - 1 - k)),
      value,
    }));
    const evaluation = evaluateGoal(goal, points, { asOf, atRiskMargin: 0.2, staleAfterDays: 14 });
    const failures: FailOn[] = [];
    if (failOn.includes(evaluation.status)) failures.push(evaluation.status);
    if (evaluation.stale && failOn.includes('stale')) failures.push('stale');
    return {
      evaluation,
      title: input.title,
      objective: input.objective,
      owner: input.owner,
      segment: goal.segment,
      line: 10 + i * 5,
      column: 5,
      failures,
    };
  });
  const summary = { total: checked.length } as CheckResult['summary'];
  for (const s of STATUS_RULE_ORDER) summary[s] = 0;
  for (const g of checked) summary[g.evaluation.status]++;
  return {
    config: 'goals.yaml',
    asOf,
    objectives: [{ id: 'quality', title: 'Качество на обслужването' }],
    goals: checked,
    summary,
    stale: checked.filter((g) => g.evaluation.stale).length,
    minSample: 30,
    failOn,
  };
}
