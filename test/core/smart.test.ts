/**
 * checkSmart: which goals the rules see (not closed ones), at which level
 * (goals.yaml's `rules:` over each rule's default), with which history; and
 * gradeGoal's letters.
 */
import { describe, expect, it } from 'vitest';
import { goalSchema } from '../../src/config/schema.js';
import { buildCatalog } from '../../src/core/metrics.js';
import { checkSmart, gradeGoal, levelOf } from '../../src/core/smart.js';
import type { ResolvedGoal } from '../../src/core/resolve-goal.js';
import { specificHasOwner } from '../../src/core/rules/specific-has-owner.js';
import { timeBoundHasCheckpoints } from '../../src/core/rules/time-bound-has-checkpoints.js';

/** A goal every rule at its default level passes: 2026-07-01 to 2026-12-31 is 183 days. */
const GOOD = {
  title: 'Reach 85% CSAT by the end of Q4',
  owner: 'Maria',
  objective: 'quality',
  metric: 'csat',
  baseline: 80,
  target: 85,
  start: '2026-07-01',
  deadline: '2026-12-31',
};

function goal(fields: Record<string, unknown>) {
  const input = goalSchema.parse({ ...GOOD, ...fields });
  for (const [k, v] of Object.entries(fields))
    if (v === undefined) delete (input as Record<string, unknown>)[k];
  return input;
}

describe('checkSmart', () => {
  const catalog = buildCatalog([]);
  const base = {
    objectives: new Set(['quality']),
    catalog,
    fiscalYearStart: 1,
    historyOf: () => undefined,
    hasSource: () => true,
  };

  it('passes a good goal at the default levels', () => {
    expect(checkSmart({ ...base, goals: [goal({ id: 'good' })], levels: {} })).toEqual([]);
  });

  it('reports at the level goals.yaml sets, drops rules set off, and skips closed goals', () => {
    const findings = checkSmart({
      ...base,
      goals: [
        goal({ id: 'closed', owner: undefined, status: 'closed' }),
        goal({ id: 'no-owner', owner: undefined }),
        goal({ id: 'no-objective', objective: undefined }),
      ],
      levels: {
        'specific/has-owner': 'error',
        'relevant/has-objective': 'off',
        'time-bound/has-checkpoints': 'warn',
      },
    });
    expect(findings).toEqual([
      {
        goalIndex: 1,
        goalId: 'no-owner',
        rule: specificHasOwner.meta,
        severity: 'error',
        message: "Goal 'no-owner' has no owner: nobody is accountable for it.",
        hint: 'Add `owner:` with the name of the person who answers for the goal.',
        path: [],
      },
      {
        goalIndex: 1,
        goalId: 'no-owner',
        rule: timeBoundHasCheckpoints.meta,
        severity: 'warning',
        message: "Goal 'no-owner' runs 183 days with no milestone to check progress against.",
        hint: 'Add milestones: - { date: 2026-08-15, target: 81 } at least once a quarter.',
        path: [],
      },
      {
        goalIndex: 2,
        goalId: 'no-objective',
        rule: timeBoundHasCheckpoints.meta,
        severity: 'warning',
        message: "Goal 'no-objective' runs 183 days with no milestone to check progress against.",
        hint: 'Add milestones: - { date: 2026-08-15, target: 81 } at least once a quarter.',
        path: [],
      },
    ]);
  });

  it('gives the rules the history of each goal, and its baseline from it', () => {
    const asked: string[] = [];
    const findings = checkSmart({
      ...base,
      goals: [goal({ id: 'no-baseline', baseline: undefined })],
      levels: {},
      historyOf: (g: ResolvedGoal) => {
        asked.push(g.id);
        return [{ date: '2026-07-06', value: 86 }];
      },
      hasSource: () => false,
    });
    expect(asked).toEqual(['no-baseline']);
    // The baseline is the first snapshot on or after the start (86), already past the target 85;
    // and the snapshot is data enough without a source.
    expect(findings.map((f) => [f.rule.id, f.message])).toEqual([
      [
        'achievable/not-already-met',
        "Goal 'no-baseline': the baseline 86 % (the first snapshot on or after the start, 2026-07-06) already meets the target 85 %.",
      ],
    ]);
  });
});

describe('levelOf', () => {
  it("takes goals.yaml's level for the rule, else the rule's default", () => {
    expect(levelOf(timeBoundHasCheckpoints.meta, {})).toBe('off');
    expect(levelOf(timeBoundHasCheckpoints.meta, { 'time-bound/has-checkpoints': 'error' })).toBe(
      'error',
    );
    expect(levelOf(specificHasOwner.meta, { 'time-bound/has-checkpoints': 'error' })).toBe('warn');
  });
});

describe('gradeGoal', () => {
  it('fails a letter with an error, warns on a warning, passes the others', () => {
    expect(gradeGoal([])).toEqual({ S: 'pass', M: 'pass', A: 'pass', R: 'pass', T: 'pass' });
    expect(
      gradeGoal([
        { letter: 'S', severity: 'warning' },
        { letter: 'S', severity: 'error' },
        { letter: 'S', severity: 'warning' },
        { letter: 'T', severity: 'warning' },
        { letter: 'T', severity: 'warning' },
      ]),
    ).toEqual({ S: 'fail', M: 'pass', A: 'pass', R: 'pass', T: 'warn' });
  });
});
