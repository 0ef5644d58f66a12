/**
 * `goals explain` of a goal whose snapshots come from records (DESIGN §11):
 * the rows behind each snapshot, the sample figure, and why a target met on
 * a small sample is not achieved.
 */
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { goalSchema } from '../../../src/config/schema.js';
import { evaluateGoal } from '../../../src/core/evaluate-goal.js';
import { buildCatalog } from '../../../src/core/metrics.js';
import { resolveGoal } from '../../../src/core/resolve-goal.js';
import { formatExplainJson, formatExplainText } from '../../../src/report/check/explain.js';
import type { ExplainInput } from '../../../src/report/check/explain.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/explain/small-sample');

function explainInput(): ExplainInput {
  const catalog = buildCatalog([]);
  const input = goalSchema.parse({
    id: 'csat-q3',
    title: 'Reach 90% CSAT by the end of Q3',
    metric: 'csat',
    baseline: 80,
    target: 90,
    start: '2026-07-01',
    deadline: '2026-09-30',
  });
  const goal = resolveGoal(input, { catalog, fiscalYearStart: 1 });
  const points = [
    { date: '2026-07-01', value: 82, n: 40 },
    { date: '2026-08-01', value: 91, n: 18 },
    { date: '2026-09-01', value: 93, n: 9, partial: true },
  ];
  return {
    config: 'goals.yaml',
    title: input.title,
    owner: undefined,
    objective: undefined,
    metric: goal.metric!,
    segment: {},
    lifecycle: 'active',
    milestones: [],
    evaluation: evaluateGoal(goal, points, {
      asOf: '2026-09-05',
      atRiskMargin: 0.2,
      staleAfterDays: undefined,
      minSample: 30,
    }),
  };
}

describe('explain on a small sample', () => {
  it('shows the rows behind each snapshot, the sample figure and why achieved did not hold', async () => {
    const text = formatExplainText(explainInput(), { chalk: new Chalk({ level: 0 }), width: 100 });
    expect(text).toContain(
      '  3 achieved     no   current 93 % (2026-09-01) is ≥ 90 %, but from 27 rows over the 2 snapshots\n',
    );
    expect(text).toContain('  2026-09-01  93 %   n = 9, partial period · current, ');
    expect(text).toContain('  2026-07-01  82 %   n = 40 · forecast, pace (recent)\n');
    await expect(text).toMatchFileSnapshot(join(FIXTURE, 'explain.txt'));
  });

  it('the JSON gives each snapshot its n and whether its period is partial', () => {
    const json = JSON.parse(formatExplainJson(explainInput())) as {
      figures: Array<{ name: string; value: unknown; note: string | null; snapshots: string[] }>;
      snapshots: unknown[];
    };
    expect(json.figures.find((f) => f.name === 'sample')).toEqual({
      name: 'sample',
      value: 27,
      kind: 'count',
      formula:
        'rows behind the current snapshot and, while fewer than min_sample, the snapshots just before it that meet the target too',
      inputs: [
        { name: 'snapshots', value: 2, kind: 'count' },
        { name: 'min_sample', value: 30, kind: 'count' },
      ],
      snapshots: ['2026-08-01', '2026-09-01'],
      note: 'a small sample: fewer than min_sample 30 rows, never the only evidence for achieved',
    });
    expect(json.snapshots).toEqual([
      { date: '2026-07-01', value: 82, n: 40, usedFor: ['forecast', 'pace (recent)'] },
      {
        date: '2026-08-01',
        value: 91,
        n: 18,
        usedFor: ['forecast', 'pace (recent)', 'sample (rows)'],
      },
      {
        date: '2026-09-01',
        value: 93,
        n: 9,
        partial: true,
        usedFor: [
          'current',
          'progress',
          'forecast',
          'pace (recent)',
          'pace (needed)',
          'sample (rows)',
          'stale',
        ],
      },
    ]);
  });
});
