import { describe, expect, it } from 'vitest';
import { goalFigures } from '../../../src/report/goals-report/report-text.js';
import type { ReportGoal } from '../../../src/report/goals-report/result.js';
import { makeResult } from '../check/make-result.js';

function reportGoal(values: number[], points: ReportGoal['points']): ReportGoal {
  const fields = {
    id: 'csat-85',
    metric: 'csat',
    baseline: 78,
    target: 85,
    start: '2026-07-01',
    deadline: '2026-12-31',
  };
  const checked = makeResult([{ fields, values }]).goals[0]!;
  return {
    ...checked,
    metricName: 'Customer satisfaction',
    range: [0, 100],
    points,
    periods: undefined,
    breakdowns: [],
  };
}

describe('goalFigures', () => {
  it('shows the rows behind a records snapshot, and a partial period', () => {
    const goal = reportGoal(
      [80, 81, 82],
      [
        { date: '2026-11-02', value: 80, n: 410 },
        { date: '2026-11-09', value: 81, n: 1205 },
        { date: '2026-11-16', value: 82, n: 12, partial: true },
      ],
    );
    const now = goalFigures(goal, 30).find((f) => f.label === 'Now')!;
    expect(now).toEqual({
      label: 'Now',
      value: '82 %',
      note: 'on 2026-11-16, n = 12, partial period, fewer than min_sample 30 rows',
    });
  });

  it('a KPI snapshot has no n', () => {
    const goal = reportGoal([80, 81, 82], [{ date: '2026-11-16', value: 82 }]);
    expect(goalFigures(goal, 30).find((f) => f.label === 'Now')!.note).toBe('on 2026-11-16');
    // (82 − 78) ÷ (85 − 78) = 57 %; 139 of 184 days: 76 % expected.
    expect(goalFigures(goal, 30).find((f) => f.label === 'Progress')).toEqual({
      label: 'Progress',
      value: '57 %',
      note: 'expected 76 % by 2026-11-16',
    });
  });
});
