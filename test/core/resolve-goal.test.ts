/**
 * resolveGoal: a goal as written to numbers and dates; withHistoryBaseline:
 * the baseline from the snapshots when goals.yaml gives none.
 */
import { describe, expect, it } from 'vitest';
import { goalSchema } from '../../src/config/schema.js';
import { buildCatalog } from '../../src/core/metrics.js';
import { resolveGoal, withHistoryBaseline } from '../../src/core/resolve-goal.js';

const catalog = buildCatalog([]);
const options = { catalog, fiscalYearStart: 1 };
const csat = catalog.get('csat')!;

function goal(fields: Record<string, unknown>) {
  return goalSchema.parse({ id: 'g', title: 'A goal', ...fields });
}

describe('resolveGoal', () => {
  it('resolves quarters to dates, values to the unit, the target against the baseline', () => {
    const input = goal({
      metric: 'csat',
      segment: { team: 'EMEA', tier: 2 },
      baseline: { value: '78%', date: '2026-07-03' },
      target: '+5pp',
      start: '2026-Q3',
      deadline: '2026-Q4',
      milestones: [{ date: '2026-Q3', target: 80 }],
    });
    expect(resolveGoal(input, options)).toEqual({
      input,
      id: 'g',
      metric: csat,
      segment: { team: 'EMEA', tier: '2' },
      type: 'increase',
      start: '2026-07-01',
      isStartDefaulted: false,
      deadline: '2026-12-31',
      baseline: { value: 78, date: '2026-07-03', from: 'file' },
      target: { kind: 'delta', delta: 5 },
      // 78 + 5 points
      targetValue: 83,
      milestones: [{ date: '2026-09-30', target: { value: 80 } }],
    });
  });

  it("starts a goal without a start on its deadline's quarter, and says it did", () => {
    const resolved = resolveGoal(goal({ metric: 'csat', deadline: '2026-11-15' }), options);
    expect([resolved.start, resolved.isStartDefaulted, resolved.deadline]).toEqual([
      '2026-10-01',
      true,
      '2026-11-15',
    ]);
    // Fiscal years from April: 2027-02-15 falls in the quarter January–March.
    const april = resolveGoal(goal({ metric: 'csat', deadline: '2027-02-15' }), {
      catalog,
      fiscalYearStart: 4,
    });
    expect([april.start, april.isStartDefaulted]).toEqual(['2027-01-01', true]);
    const noDates = resolveGoal(goal({ metric: 'csat' }), options);
    expect([noDates.start, noDates.isStartDefaulted, noDates.deadline]).toEqual([
      undefined,
      false,
      undefined,
    ]);
    const startOnly = resolveGoal(goal({ metric: 'csat', start: '2026-08-01' }), options);
    expect([startOnly.start, startOnly.isStartDefaulted]).toEqual(['2026-08-01', false]);
  });

  it("takes the type from the metric's direction unless written; a neutral metric has none", () => {
    const typeOf = (fields: Record<string, unknown>) => resolveGoal(goal(fields), options).type;
    expect(typeOf({ metric: 'first_response_time' })).toBe('decrease');
    expect(typeOf({ metric: 'csat', type: 'stay-above' })).toBe('stay-above');
    expect(typeOf({ metric: 'ticket_volume' })).toBeUndefined();
    expect(typeOf({ metric: 'ticket_volume', type: 'stay-below' })).toBe('stay-below');
    expect(typeOf({})).toBeUndefined();
  });

  it('keeps a written baseline without a date as a plain value, and a problem as a problem', () => {
    expect(resolveGoal(goal({ metric: 'csat', baseline: 80 }), options).baseline).toEqual({
      value: 80,
      from: 'file',
    });
    expect(
      resolveGoal(goal({ metric: 'csat', baseline: { value: 80 } }), options).baseline,
    ).toEqual({ value: 80, from: 'file' });
    expect(
      resolveGoal(goal({ metric: 'first_response_time', baseline: 3, target: '2h' }), options),
    ).toMatchObject({
      baseline: {
        problem: 'unit',
        message: '3 has no unit, and this metric is a duration.',
        hint: 'Write the unit: "3h", "3m" or "3d".',
      },
      target: { kind: 'absolute', value: 7200 },
      targetValue: 7200,
    });
  });

  it('reads no values for an unknown metric, and milestones as not a number', () => {
    const resolved = resolveGoal(
      goal({
        metric: 'happiness',
        baseline: 3,
        target: 4,
        deadline: '2026-12-31',
        milestones: [{ date: '2026-10-31', target: 3.5 }],
      }),
      options,
    );
    expect(resolved.metric).toBeUndefined();
    expect(resolved.baseline).toBeUndefined();
    expect(resolved.target).toBeUndefined();
    expect(resolved.targetValue).toBeUndefined();
    expect(resolved.milestones).toEqual([{ date: '2026-10-31', target: { value: NaN } }]);
  });
});

describe('withHistoryBaseline', () => {
  const written = resolveGoal(
    goal({ metric: 'csat', target: '+5pp', start: '2026-07-01', deadline: '2026-12-31' }),
    options,
  );

  it('takes the first snapshot on or after the start, and resolves the target against it', () => {
    const history = [
      { date: '2026-06-29', value: 77 },
      { date: '2026-07-06', value: 79 },
      { date: '2026-07-13', value: 80 },
    ];
    expect(withHistoryBaseline(written, history)).toEqual({
      ...written,
      baseline: { value: 79, date: '2026-07-06', from: 'snapshot' },
      targetValue: 84,
    });
    // None since the start yet: the newest before it.
    expect(withHistoryBaseline(written, history.slice(0, 1))).toEqual({
      ...written,
      baseline: { value: 77, date: '2026-06-29', from: 'before-start' },
      targetValue: 82,
    });
  });

  it('leaves the goal as it is with a written baseline, no history or no start', () => {
    const history = [{ date: '2026-07-06', value: 79 }];
    const withBaseline = resolveGoal(
      goal({ metric: 'csat', baseline: 70, target: 85, deadline: '2026-12-31' }),
      options,
    );
    expect(withHistoryBaseline(withBaseline, history)).toBe(withBaseline);
    expect(withHistoryBaseline(written, undefined)).toBe(written);
    expect(withHistoryBaseline(written, [])).toBe(written);
    const undated = resolveGoal(goal({ metric: 'csat', target: 85 }), options);
    expect(withHistoryBaseline(undated, history)).toBe(undated);
  });
});
