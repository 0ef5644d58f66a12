/**
 * Invariants of the evaluation (issue 4), over random goals and snapshots:
 * a goal whose snapshots all meet its target is never off-track; shifting
 * every value and the target by a constant keeps the status; decrease goals
 * mirror increase goals; the order of the snapshots does not matter.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { goalSchema } from '../../src/config/schema.js';
import type { GoalType } from '../../src/config/schema.js';
import { addDays } from '../../src/core/dates.js';
import { evaluateGoal, pointWindowOf, selectWindow } from '../../src/core/evaluate-goal.js';
import type { GoalEvaluation } from '../../src/core/evaluate-goal.js';
import { buildCatalog } from '../../src/core/metrics.js';
import { resolveGoal } from '../../src/core/resolve-goal.js';
import type { Point } from '../../src/core/snapshot.js';

const catalog = buildCatalog([
  { id: 'up', unit: 'score', direction: 'increase', range: [null, null] },
  { id: 'down', unit: 'score', direction: 'decrease', range: [null, null] },
]);

const START = '2026-01-01';

interface Case {
  type: GoalType;
  baseline: number | undefined;
  target: number;
  days: number;
  milestone: { day: number; target: number } | undefined;
  asOfDay: number;
  points: Point[];
  margin: number;
  staleAfterDays: number | undefined;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    type: fc.constantFrom<GoalType>('increase', 'decrease', 'stay-above', 'stay-below'),
    baseline: fc.option(fc.integer({ min: -100, max: 100 }), { nil: undefined }),
    target: fc.integer({ min: -100, max: 100 }),
    days: fc.integer({ min: 7, max: 200 }),
    milestone: fc.option(
      fc.record({
        share: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        target: fc.integer({ min: -100, max: 100 }),
      }),
      { nil: undefined },
    ),
    asOfShift: fc.integer({ min: -20, max: 260 }),
    points: fc.array(
      fc.record({
        day: fc.integer({ min: -30, max: 260 }),
        value: fc.integer({ min: -100, max: 100 }),
      }),
      { maxLength: 25 },
    ),
    margin: fc.constantFrom(0, 0.1, 0.2, 0.5),
    staleAfterDays: fc.constantFrom(7, 14, 30, undefined),
  })
  .map((r) => ({
    type: r.type,
    baseline: r.baseline,
    target: r.target,
    days: r.days,
    milestone:
      r.milestone === undefined
        ? undefined
        : { day: Math.max(1, Math.floor(r.milestone.share * r.days)), target: r.milestone.target },
    asOfDay: r.asOfShift,
    points: r.points.map((p) => ({ date: addDays(START, p.day), value: p.value })),
    margin: r.margin,
    staleAfterDays: r.staleAfterDays,
  }));

function run(c: Case): GoalEvaluation {
  const metric = c.type === 'decrease' || c.type === 'stay-below' ? 'down' : 'up';
  const input = goalSchema.parse({
    id: 'g',
    title: 'A goal',
    metric,
    type: c.type,
    target: c.target,
    start: START,
    deadline: addDays(START, c.days),
    ...(c.baseline === undefined ? {} : { baseline: c.baseline }),
    ...(c.milestone && c.milestone.day < c.days
      ? { milestones: [{ date: addDays(START, c.milestone.day), target: c.milestone.target }] }
      : {}),
  });
  const goal = resolveGoal(input, { catalog, fiscalYearStart: 1 });
  return evaluateGoal(goal, c.points, {
    asOf: addDays(START, c.asOfDay),
    atRiskMargin: c.margin,
    staleAfterDays: c.staleAfterDays,
  });
}

const MIRROR: Record<GoalType, GoalType> = {
  increase: 'decrease',
  decrease: 'increase',
  'stay-above': 'stay-below',
  'stay-below': 'stay-above',
};

const RUNS = { numRuns: 2000 };

/** +0 for −0: negating a zero gives −0, which is the same figure. */
const n = (x: number | null) => (x === null ? null : x + 0);

describe('evaluation invariants', () => {
  it('a goal whose snapshots all meet its target is never off-track, nor missed with data by the deadline', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const sign = c.type === 'increase' || c.type === 'stay-above' ? 1 : -1;
        // Move every snapshot onto the right side of the target.
        const points = c.points.map((p) => ({
          date: p.date,
          value: c.target + sign * Math.abs(p.value - c.target),
        }));
        const e = run({ ...c, points });
        expect(e.status).not.toBe('off-track');
        // …nor missed, unless nothing was measured by the deadline (DESIGN §6 rule 2)
        if (e.status === 'missed') {
          expect(e.isPastDeadline && e.current === null).toBe(true);
          expect(e.checks.at(-1)!.reason).toMatch(/^no data by the deadline /);
        }
      }),
      RUNS,
    );
  });

  it('shifting every value, the baseline, the milestones and the target by a constant keeps the status', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: -1000, max: 1000 }), (c, k) => {
        const shifted: Case = {
          ...c,
          baseline: c.baseline === undefined ? undefined : c.baseline + k,
          target: c.target + k,
          milestone: c.milestone && { ...c.milestone, target: c.milestone.target + k },
          points: c.points.map((p) => ({ date: p.date, value: p.value + k })),
        };
        const a = run(c);
        const b = run(shifted);
        expect(b.status).toBe(a.status);
        expect(b.stale).toBe(a.stale);
        expect(n(b.progress)).toBe(n(a.progress));
      }),
      RUNS,
    );
  });

  it('a decrease goal mirrors the increase goal with every number negated (and stay-below stay-above)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const mirrored: Case = {
          ...c,
          type: MIRROR[c.type],
          baseline: c.baseline === undefined ? undefined : -c.baseline,
          target: -c.target,
          milestone: c.milestone && { ...c.milestone, target: -c.milestone.target },
          points: c.points.map((p) => ({ date: p.date, value: -p.value })),
        };
        const a = run(c);
        const b = run(mirrored);
        expect(b.status).toBe(a.status);
        expect(n(b.progress)).toBe(n(a.progress));
        expect(n(b.expectedProgress)).toBe(n(a.expectedProgress));
        expect(n(b.forecastProgress)).toBe(n(a.forecastProgress));
        expect(n(b.forecast)).toBe(a.forecast === null ? null : n(-a.forecast));
      }),
      RUNS,
    );
  });

  it('the order of the snapshots does not matter', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) =>
          fc.tuple(fc.constant(c), fc.shuffledSubarray(c.points, { minLength: c.points.length })),
        ),
        ([c, shuffled]) => {
          expect(run({ ...c, points: shuffled })).toEqual(run(c));
        },
      ),
      RUNS,
    );
  });
});

describe('the point window', () => {
  // Dense series too: daily-ish data, where the window is much shorter than the history.
  const denseArb = caseArb.chain((c) =>
    fc
      .uniqueArray(fc.integer({ min: -60, max: 150 }), { minLength: 30, maxLength: 120 })
      .chain((days) =>
        fc
          .array(fc.integer({ min: -100, max: 100 }), {
            minLength: days.length,
            maxLength: days.length,
          })
          .map((values) => ({
            ...c,
            points: days.map((day, i) => ({ date: addDays(START, day), value: values[i]! })),
          })),
      ),
  );

  it('evaluating only the window gives the same result as the whole series', () => {
    fc.assert(
      fc.property(fc.oneof(caseArb, denseArb), (c) => {
        const metric = c.type === 'decrease' || c.type === 'stay-below' ? 'down' : 'up';
        const goal = resolveGoal(
          goalSchema.parse({
            id: 'g',
            title: 'A goal',
            metric,
            type: c.type,
            target: c.target,
            start: START,
            deadline: addDays(START, c.days),
            ...(c.baseline === undefined ? {} : { baseline: c.baseline }),
          }),
          { catalog, fiscalYearStart: 1 },
        );
        const asOf = addDays(START, c.asOfDay);
        const options = { asOf, atRiskMargin: c.margin, staleAfterDays: c.staleAfterDays };
        const window = pointWindowOf(goal, asOf)!;
        expect(evaluateGoal(goal, selectWindow(c.points, window), options)).toEqual(
          evaluateGoal(goal, c.points, options),
        );
      }),
      RUNS,
    );
  });
});
