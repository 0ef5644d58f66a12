/**
 * A differential test of evaluation (issue 15): a small reference of DESIGN
 * §6 and docs/evaluation.md, written here from the documents alone (it
 * imports nothing from src/core), against `evaluateGoal` on generated goals
 * and series — all four goal types, absolute, relative (baselines of both
 * signs) and point targets, milestones, bounded and unbounded metrics,
 * as-of dates before the start, during the goal and after the deadline, and
 * snapshots with the rows behind them (records sources) against min_sample.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { goalSchema } from '../../src/config/schema.js';
import { evaluateGoal } from '../../src/core/evaluate-goal.js';
import { buildCatalog } from '../../src/core/metrics.js';
import { resolveGoal } from '../../src/core/resolve-goal.js';

// ---------------------------------------------------------------- the reference

type Type = 'increase' | 'decrease' | 'stay-above' | 'stay-below';
type Status =
  'not-started' | 'no-data' | 'achieved' | 'missed' | 'on-track' | 'at-risk' | 'off-track';
type Target = { absolute: number } | { relative: number } | { points: number };
interface Pt {
  date: string;
  value: number;
  /** rows behind the value (records sources), absent for a KPI file's */
  n?: number;
}
interface RefGoal {
  type: Type;
  range: [number | null, number | null];
  baseline: number | undefined;
  target: Target;
  start: string;
  deadline: string;
  milestones: Array<{ date: string; value: number }>;
}
interface RefResult {
  status: Status;
  stale: boolean;
  baseline: number | null;
  target: number | null;
  current: number | null;
  progress: number | null;
  expectedProgress: number | null;
  forecast: number | null;
  forecastProgress: number | null;
}

const TOLERANCE = 1e-9;
const day = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
};
const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
};
/** Values as goals.yaml resolves them: 12 significant digits (78 × 1.1 is 85.8). */
const tidy = (x: number) => Number(x.toPrecision(12));

function reference(
  goal: RefGoal,
  points: Pt[],
  asOf: string,
  margin: number,
  staleAfter: number | undefined,
  minSample: number,
): RefResult {
  const better = goal.type === 'increase' || goal.type === 'stay-above' ? 1 : -1;
  const isStay = goal.type.startsWith('stay');
  const meets = (v: number, t: number) => better * (v - t) >= 0;
  // several snapshots on one date count once, by their median, with all their rows
  const byDate = new Map<string, Pt[]>();
  for (const p of points) byDate.set(p.date, [...(byDate.get(p.date) ?? []), p]);
  const series = [...byDate.keys()].sort().map((date): Pt => {
    const same = byDate.get(date)!;
    const value = med(same.map((p) => p.value));
    const hasRows = same.every((p) => p.n !== undefined);
    return hasRows ? { date, value, n: same.reduce((sum, p) => sum + p.n!, 0) } : { date, value };
  });

  const isPast = asOf > goal.deadline;
  const judged = isPast ? goal.deadline : asOf;
  const known = series.filter((p) => p.date <= judged);
  const current = known.at(-1) ?? null;
  const sinceStart = known.filter((p) => p.date >= goal.start);
  const baseline =
    goal.baseline ?? sinceStart[0]?.value ?? (known.length > 0 ? known.at(-1)!.value : null);
  let target: number | null = null;
  if ('absolute' in goal.target) target = goal.target.absolute;
  else if (baseline !== null)
    target = tidy(
      'relative' in goal.target
        ? baseline + goal.target.relative * Math.abs(baseline)
        : baseline + goal.target.points,
    );

  const usable = baseline !== null && target !== null && better * (target - baseline) > 0;
  const progressOf = (v: number) => (usable ? (v - baseline!) / (target! - baseline!) : null);
  const progress = !isStay && current ? progressOf(current.value) : null;

  let expectedProgress: number | null = null;
  if (!isStay && (goal.milestones.length === 0 || usable)) {
    // days passed ÷ days of the goal, counting the start day; through the milestones
    const at = (date: string) => day(date) - day(goal.start) + 1;
    const knots = [
      { at: 0, share: 0 },
      ...goal.milestones.map((m) => ({ at: at(m.date), share: progressOf(m.value)! })),
      { at: at(goal.deadline), share: 1 },
    ];
    const now = at(asOf);
    if (now <= 0) expectedProgress = 0;
    else if (now >= knots.at(-1)!.at) expectedProgress = 1;
    else {
      const i = knots.findIndex((k) => k.at >= now);
      const a = knots[i - 1]!;
      const b = knots[i]!;
      expectedProgress = a.share + ((b.share - a.share) * (now - a.at)) / (b.at - a.at);
    }
  }

  // Theil–Sen at the deadline, inside the metric's range; it decides only up to
  // twice the days its snapshots span beyond the newest one.
  let forecast: number | null = null;
  let trusted = false;
  if (sinceStart.length >= 3) {
    const xs = sinceStart.map((p) => day(p.date));
    const slopes: number[] = [];
    for (let i = 0; i < xs.length; i++)
      for (let j = i + 1; j < xs.length; j++)
        slopes.push((sinceStart[j]!.value - sinceStart[i]!.value) / (xs[j]! - xs[i]!));
    const slope = med(slopes);
    const end = day(goal.deadline);
    const raw = med(sinceStart.map((p, i) => p.value + slope * (end - xs[i]!)));
    const [lo, hi] = goal.range;
    forecast = Math.min(hi ?? Infinity, Math.max(lo ?? -Infinity, raw));
    const reach = Math.max(0, end - xs.at(-1)!);
    trusted = reach <= 2 * (xs.at(-1)! - xs[0]!);
  }
  const forecastProgress = !isStay && forecast !== null ? progressOf(forecast) : null;
  const decidingForecast = trusted ? forecast : null;
  const forecastMeets = (f: number, t: number) =>
    better * (f - t) >= -TOLERANCE * Math.max(1, Math.abs(t));
  // A small sample is never the only evidence for achieved (DESIGN §11): the
  // evidence must hold min_sample rows together, unless one of it is a KPI value.
  const rowsOf = (evidence: Pt[]) =>
    evidence.reduce((sum, p) => sum + (p.n === undefined ? Infinity : p.n), 0);

  const status = ((): Status => {
    if (asOf < goal.start) return 'not-started';
    if (!current) return isPast ? 'missed' : 'no-data';
    const t = target!;
    if (isStay) {
      const evidence = sinceStart.length > 0 ? sinceStart : [current];
      const broke = evidence.some((p) => !meets(p.value, t));
      if (isPast) return broke || rowsOf(evidence) < minSample ? 'missed' : 'achieved';
      const crosses = decidingForecast !== null && !forecastMeets(decidingForecast, t);
      if (!broke && !crosses) return 'on-track';
      return meets(current.value, t) ? 'at-risk' : 'off-track';
    }
    const isMet = meets(current.value, t);
    // the current snapshot, and the unbroken run of snapshots since the start
    // meeting the target just before it, as far back as min_sample rows need
    const run = [current];
    for (
      let i = sinceStart.findIndex((p) => p.date === current.date) - 1;
      i >= 0 && rowsOf(run) < minSample && meets(sinceStart[i]!.value, t);
      i--
    )
      run.push(sinceStart[i]!);
    if (isMet && rowsOf(run) >= minSample) return 'achieved';
    if (isPast) return 'missed';
    if (decidingForecast !== null && forecastProgress !== null) {
      if (forecastProgress >= 1 - TOLERANCE) return 'on-track';
      return forecastProgress >= 1 - margin - TOLERANCE ? 'at-risk' : 'off-track';
    }
    if (decidingForecast !== null)
      return forecastMeets(decidingForecast, t) ? 'on-track' : 'off-track';
    if (progress !== null && expectedProgress !== null) {
      if (progress >= expectedProgress - TOLERANCE) return 'on-track';
      return progress >= expectedProgress - margin - TOLERANCE ? 'at-risk' : 'off-track';
    }
    return isMet ? 'on-track' : 'off-track';
  })();

  const upToAsOf = series.filter((p) => p.date <= asOf);
  const latest = upToAsOf.at(-1);
  // stale_after not set: twice the median gap of the newest 12 snapshots, at least 14 days
  const newest = upToAsOf.slice(-12).map((p) => day(p.date));
  const gaps = newest.slice(1).map((d, i) => d - newest[i]!);
  const limit = staleAfter ?? Math.max(14, gaps.length > 0 ? 2 * med(gaps) : 0);
  const stale =
    status !== 'not-started' &&
    status !== 'no-data' &&
    latest !== undefined &&
    day(asOf) - day(latest.date) > limit;
  return {
    status,
    stale,
    baseline,
    target,
    current: current?.value ?? null,
    progress,
    expectedProgress,
    forecast,
    forecastProgress,
  };
}

// ---------------------------------------------------------------- generated cases

const START = '2026-01-01';
const plus = (date: string, days: number) =>
  new Date((day(date) + days) * 86_400_000).toISOString().slice(0, 10);

const METRICS = {
  up: { unit: 'score', direction: 'increase', range: [null, null] },
  down: { unit: 'score', direction: 'decrease', range: [null, null] },
  pct: { unit: 'percent', direction: 'increase', range: [0, 100] },
  bounded: { unit: 'score', direction: 'decrease', range: [-50, 50] },
} as const;
const catalog = buildCatalog(
  Object.entries(METRICS).map(([id, m]) => ({ id, ...m, range: [...m.range] })),
);

const caseArb = fc
  .record({
    metric: fc.constantFrom(...(Object.keys(METRICS) as Array<keyof typeof METRICS>)),
    type: fc.constantFrom<Type>('increase', 'decrease', 'stay-above', 'stay-below'),
    baseline: fc.option(fc.integer({ min: -60, max: 60 }), { nil: undefined }),
    target: fc.oneof(
      fc.integer({ min: -60, max: 60 }).map((v): Target => ({ absolute: v })),
      fc.integer({ min: -90, max: 90 }).map((p): Target => ({ relative: p / 100 })),
      fc.integer({ min: -20, max: 20 }).map((d): Target => ({ points: d })),
    ),
    days: fc.integer({ min: 5, max: 200 }),
    milestones: fc.uniqueArray(
      fc.record({
        share: fc.integer({ min: 1, max: 99 }),
        value: fc.integer({ min: -60, max: 60 }),
      }),
      { maxLength: 2, selector: (m) => m.share },
    ),
    asOf: fc.integer({ min: -15, max: 260 }),
    points: fc.array(
      fc.record({
        day: fc.integer({ min: -40, max: 250 }),
        value: fc.integer({ min: -60, max: 60 }),
      }),
      { maxLength: 30 },
    ),
    denser: fc.boolean(),
    margin: fc.constantFrom(0, 0.1, 0.2, 0.5),
    staleAfter: fc.constantFrom(7, 14, 35, undefined),
    // rows behind each snapshot: none (a KPI file), all of them, or some
    rows: fc.constantFrom('none', 'all', 'some'),
    ns: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 42, maxLength: 42 }),
    minSample: fc.constantFrom(1, 30, 100),
  })
  .map((c) => {
    const shift = c.metric === 'pct' ? 60 : 0; // percent values stay within 0–100
    const deadline = plus(START, c.days);
    const milestoneDays = [
      ...new Set(c.milestones.map((m) => Math.max(1, Math.round((m.share * c.days) / 100)))),
    ].sort((a, b) => a - b);
    const goal: RefGoal = {
      type: c.type,
      range: [...METRICS[c.metric].range],
      baseline: c.baseline === undefined ? undefined : c.baseline + shift,
      target: 'absolute' in c.target ? { absolute: c.target.absolute + shift } : c.target,
      start: START,
      deadline,
      milestones: milestoneDays.map((d, i) => ({
        date: plus(START, d),
        value: c.milestones[i]!.value + shift,
      })),
    };
    // every other case gets a dense stretch, so that forecasts reach near and far
    const points = [
      ...c.points,
      ...(c.denser
        ? Array.from({ length: 12 }, (_, i) => ({
            day: c.asOf - 7 * i,
            value: c.points[i]?.value ?? i,
          }))
        : []),
    ].map((p, i): Pt => {
      const point = { date: plus(START, p.day), value: p.value + shift };
      const hasRows = c.rows === 'all' || (c.rows === 'some' && i % 5 !== 0);
      return hasRows ? { ...point, n: c.ns[i]! } : point;
    });
    return {
      metric: c.metric,
      goal,
      points,
      asOf: plus(START, c.asOf),
      margin: c.margin,
      staleAfter: c.staleAfter,
      minSample: c.minSample,
    };
  });

function written(target: Target): number | string {
  if ('absolute' in target) return target.absolute;
  if ('relative' in target) return `${target.relative >= 0 ? '+' : ''}${target.relative * 100}%`;
  return `${target.points >= 0 ? '+' : ''}${target.points}`;
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a));

describe('evaluateGoal agrees with an independent reference of DESIGN §6', () => {
  it('on every figure and status of generated goals', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = goalSchema.parse({
          id: 'g',
          title: 'A goal',
          metric: c.metric,
          type: c.goal.type,
          target:
            'points' in c.goal.target && METRICS[c.metric].unit === 'percent'
              ? `${c.goal.target.points >= 0 ? '+' : ''}${c.goal.target.points}pp`
              : written(c.goal.target),
          start: c.goal.start,
          deadline: c.goal.deadline,
          ...(c.goal.baseline === undefined ? {} : { baseline: c.goal.baseline }),
          ...(c.goal.milestones.length > 0
            ? { milestones: c.goal.milestones.map((m) => ({ date: m.date, target: m.value })) }
            : {}),
        });
        const e = evaluateGoal(resolveGoal(input, { catalog, fiscalYearStart: 1 }), c.points, {
          asOf: c.asOf,
          atRiskMargin: c.margin,
          staleAfterDays: c.staleAfter,
          minSample: c.minSample,
        });
        const r = reference(c.goal, c.points, c.asOf, c.margin, c.staleAfter, c.minSample);
        seen.add(`${c.goal.type} ${r.status}`);
        // a small sample that changed the status (it is achieved on any number of rows)
        if (r.status !== reference(c.goal, c.points, c.asOf, c.margin, c.staleAfter, 1).status)
          seen.add(`${c.goal.type} ${r.status} on a small sample`);
        expect(e.status).toBe(r.status);
        expect(e.stale).toBe(r.stale);
        expect(e.baseline?.value ?? null).toBe(r.baseline);
        expect(e.target).toBe(r.target);
        expect(e.current?.value ?? null).toBe(r.current);
        for (const key of ['progress', 'expectedProgress', 'forecast', 'forecastProgress'] as const)
          expect(close(e[key], r[key]), `${key}: ${e[key]} vs ${r[key]}`).toBe(true);
      }),
      { numRuns: 1500, seed: 15 },
    );
    // the cases reach every status of every type (not-started and no-data alike for all)
    for (const type of ['increase', 'decrease', 'stay-above', 'stay-below'])
      for (const status of [
        'not-started',
        'no-data',
        'achieved',
        'missed',
        'on-track',
        'at-risk',
        'off-track',
      ])
        expect(seen, `${type} ${status}`).toContain(`${type} ${status}`);
    // and a small sample keeps every type from achieved, before and after the deadline
    for (const type of ['increase', 'decrease'])
      for (const status of ['missed', 'on-track'])
        expect(seen).toContain(`${type} ${status} on a small sample`);
    for (const type of ['stay-above', 'stay-below'])
      expect(seen).toContain(`${type} missed on a small sample`);
  }, 60_000);
});
