/**
 * The figures of src/core/figures one function at a time, with what
 * `goals explain` prints of each: value, formula, inputs, snapshots, note.
 * The evaluation as a whole is in evaluate-goal.test.ts; these are the cases
 * it does not reach (issue 16: each kills a mutant that survived it).
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { computeBaseline } from '../../src/core/figures/baseline.js';
import { computeConfidence } from '../../src/core/figures/confidence.js';
import { computeExpectedProgress } from '../../src/core/figures/expected.js';
import { computeForecast, computeForecastProgress } from '../../src/core/figures/forecast.js';
import { progressScale } from '../../src/core/figures/progress.js';
import { computeTarget } from '../../src/core/figures/target.js';
import { buildCatalog } from '../../src/core/metrics.js';
import type { Point } from '../../src/core/snapshot.js';
import { fitTrend } from '../../src/core/theil-sen.js';

const score = buildCatalog([
  { id: 'score', unit: 'score', direction: 'increase', range: [null, null] },
]).get('score')!;
const fmt = (v: number) => v.toFixed(2);
const weekly = (from: string, values: number[]): Point[] =>
  values.map((value, i) => ({ date: addDays(from, 7 * i), value }));

describe('baseline', () => {
  it("goals.yaml's, dated, names its date but no snapshot: none was read", () => {
    const { figure } = computeBaseline({
      fileBaseline: { value: 50, date: '2026-06-30' },
      known: [{ date: '2026-06-30', value: 48 }],
      start: '2026-07-01',
    });
    expect(figure).toEqual({
      name: 'baseline',
      value: 50,
      kind: 'value',
      formula: 'written in goals.yaml',
      inputs: [{ name: 'date', value: '2026-06-30', kind: 'date' }],
      snapshots: [],
    });
  });
});

describe('target', () => {
  it('a relative change with a baseline has no note; without one it says why it is missing', () => {
    const baseline = { value: 40, date: '2026-07-01', from: 'file' as const };
    // 40 + 0.5 × |40| = 60
    expect(computeTarget({ kind: 'relative', fraction: 0.5 }, baseline).figure).toEqual({
      name: 'target',
      value: 60,
      kind: 'value',
      formula: 'baseline + change × |baseline|',
      inputs: [
        { name: 'baseline', value: 40, kind: 'value' },
        { name: 'change', value: 0.5, kind: 'ratio' },
      ],
      snapshots: [],
    });
    expect(computeTarget({ kind: 'relative', fraction: 0.5 }, null).figure.note).toBe(
      'a change needs a baseline',
    );
  });
});

describe('expected progress', () => {
  it('names every milestone, separated by commas', () => {
    const baseline = { value: 50, date: '2026-07-01', from: 'file' as const };
    const e = computeExpectedProgress({
      start: '2026-07-01',
      deadline: '2026-09-28',
      asOf: '2026-07-10',
      milestones: [
        { date: '2026-07-30', value: 60 },
        { date: '2026-08-29', value: 70 },
      ],
      scale: progressScale('increase', baseline, 90),
      fmt,
    });
    expect(e.figure.note).toBe('milestones: 2026-07-30: 60.00, 2026-08-29: 70.00');
    // (60 − 50) ÷ (90 − 50) = 0.25 by the end of day 30; day 10 is a third of the way there
    expect(e.value).toBeCloseTo(0.25 * (10 / 30), 12);
  });
});

describe('forecast', () => {
  it('with snapshots on fewer than 3 dates: none, and the snapshots it had', () => {
    const points = weekly('2026-07-06', [10, 12]);
    const f = computeForecast({
      sinceStart: points,
      metric: score,
      start: '2026-07-01',
      deadline: '2026-09-30',
      judgedAt: '2026-07-13',
    });
    expect(f.value).toBeNull();
    expect(f.figure.inputs).toEqual([{ name: 'snapshots', value: 2, kind: 'count' }]);
    expect(f.figure.snapshots).toEqual(points);
    expect(f.figure.note).toBe('needs snapshots on at least 3 dates from 2026-07-01 to 2026-07-13');
  });

  it('forecast progress: a forecast on a baseline that already meets the target has no scale', () => {
    const baseline = { value: 95, date: '2026-07-01', from: 'file' as const };
    const figure = computeForecastProgress({
      scale: progressScale('increase', baseline, 90),
      forecast: 97,
      current: { date: '2026-07-20', value: 96 },
      baseline,
      target: 90,
    }).figure;
    expect(figure.value).toBeNull();
    expect(figure.note).toBe('the baseline already meets the target: there is no way to go');
  });
});

describe('confidence', () => {
  // The weekly series of test/core/confidence.test.ts whose spread comes from an
  // independent Python implementation of docs/confidence.md (numpy, scipy):
  // noise 1.8293759975, slope error 0.0229209841 a day, drift 0.1797606977; at
  // 2026-04-30 the forecast is 86.5672619048 and the 80 % interval 79.6618814009–93.4726424087.
  const wandering = weekly(
    '2026-01-05',
    [91.5, 89.4, 89.6, 89.4, 89.3, 88.9, 87.6, 87.1, 86.4, 89.6, 89.4, 88.8],
  );
  const at = (points: Point[], fields: Partial<Parameters<typeof computeConfidence>[0]>) =>
    computeConfidence({
      type: 'increase',
      metric: score,
      sinceStart: points,
      trend: fitTrend(points),
      target: 90,
      start: '2026-01-05',
      deadline: '2026-04-30',
      judgedAt: points.at(-1)?.date ?? '2026-01-05',
      isPastDeadline: false,
      fmt,
      withBand: false,
      ...fields,
    });

  it('the interval names the spread it comes from, in weekly terms', () => {
    const { interval } = at(wandering, {});
    expect(interval.figure.value).toBe('79.66 to 93.47');
    expect(interval.figure.snapshots).toEqual(wandering);
    expect(interval.figure.note).toBeUndefined();
    expect(interval.figure.inputs).toEqual([
      { name: 'forecast', value: expect.closeTo(86.5672619047619, 9), kind: 'value' },
      { name: 'snapshots', value: 12, kind: 'count' },
      { name: 'noise', value: expect.closeTo(1.829375997519603, 9), kind: 'value' },
      // 0.022920984127890908 × 7
      { name: 'slope error', value: expect.closeTo(0.16044688889523637, 9), kind: 'rate' },
      // √(0.17976069772914607 × 7)
      { name: 'drift over a week', value: expect.closeTo(1.1217508119471198, 9), kind: 'value' },
      // 2026-03-23 → 2026-04-30
      { name: 'days to the deadline', value: 38, kind: 'days' },
      // scipy.stats.t.ppf(0.9, 0.3675 × 10)
      {
        name: 't (3.7 degrees of freedom)',
        value: expect.closeTo(1.5598083619064196, 9),
        kind: 'count',
      },
    ]);
  });

  it("a stay goal's chance names its threshold and the snapshots due before the deadline", () => {
    const { chance } = at(wandering, { type: 'stay-above', target: 80 });
    expect(chance.figure.inputs.map((i) => i.name)).toEqual(['threshold', 'forecast', 'scale']);
    // 38 days past the newest snapshot at one every 7 days: 5 more snapshots due
    expect(chance.figure.formula).toBe(
      "P(no snapshot from the newest to the deadline breaks ≥ threshold, one every 7 days (5 due)): each snapshot's own noise (the clipped noise level's share that is not drift) plus an error all of them share (the rest of its predicted spread: the trend's error and the drift), integrated over the shared error and the clipped noise level's uncertainty; 0 once a snapshot broke it",
    );
    // no snapshot has broken 80: no note
    expect(chance.figure.note).toBeUndefined();
    // without a spread (5 dates, 8 needed) there is nothing to count the snapshots due by
    expect(
      at(wandering.slice(0, 5), { type: 'stay-above', target: 80 }).chance.figure.formula,
    ).toBe(
      "P(no snapshot from the newest to the deadline breaks ≥ threshold): each snapshot's own noise (the clipped noise level's share that is not drift) plus an error all of them share (the rest of its predicted spread: the trend's error and the drift), integrated over the shared error and the clipped noise level's uncertainty; 0 once a snapshot broke it",
    );
  });

  it('a stay goal of daily snapshots says "one a day", not "one every 1 days"', () => {
    const daily = wandering.map((p, i) => ({ date: addDays('2026-03-01', i), value: p.value }));
    // newest 2026-03-12, deadline 2026-03-20: 8 days at one a day, 8 snapshots due
    const { chance } = at(daily, { type: 'stay-above', target: 80, deadline: '2026-03-20' });
    expect(chance.figure.formula).toBe(
      "P(no snapshot from the newest to the deadline breaks ≥ threshold, one a day (8 due)): each snapshot's own noise (the clipped noise level's share that is not drift) plus an error all of them share (the rest of its predicted spread: the trend's error and the drift), integrated over the shared error and the clipped noise level's uncertainty; 0 once a snapshot broke it",
    );
  });

  it('says why there is none: not started, too few dates, no spread, too far', () => {
    const note = (points: Point[], fields: Partial<Parameters<typeof computeConfidence>[0]>) =>
      at(points, fields).interval.figure.note;
    expect(note([], { judgedAt: '2026-01-04' })).toBe('the goal starts on 2026-01-05');
    // judged on its first day, the goal has started
    expect(note(wandering.slice(0, 1), { judgedAt: '2026-01-05' })).toBe(
      'needs snapshots on at least 8 dates from 2026-01-05 to 2026-01-05 (1 so far)',
    );
    const onALine = weekly('2026-01-05', [10, 11, 12, 13, 14, 15, 16, 17]);
    expect(note(onALine, {})).toBe(
      'all 8 snapshots lie exactly on the trend: there is no spread to measure',
    );
    // 8 weekly snapshots span 49 days; 2026-02-23 → 2026-04-30 is 66
    expect(note(wandering.slice(0, 8), {})).toBe(
      'the deadline is 66 days past the newest snapshot, further than the 49 days the snapshots span (at most 1 ×)',
    );
  });

  it('an interval without a target has no chance, and says so', () => {
    const { interval, chance } = at(wandering, { target: null });
    expect(interval.value).not.toBeNull();
    expect(chance.figure.value).toBeNull();
    expect(chance.figure.note).toBe('no target yet');
  });
});
