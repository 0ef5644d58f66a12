/**
 * The confidence figures (docs/confidence.md) on small series. Expected values
 * come from an independent implementation of the method in Python (numpy for
 * the drift's moment estimate from explicit matrices, the variance's greatest
 * value on a grid of 20,001 days, scipy.stats for Student's t, and the stay
 * chance by scipy.integrate.dblquad over the shared error and χ²; the script
 * was /tmp/conf-explore/ref.py, its stay part /tmp/conf4/ref.py), pasted here
 * as literals.
 */
import { describe, expect, it } from 'vitest';
import {
  MIN_CONFIDENCE_POINTS,
  chanceToHold,
  chanceToMeet,
  estimateConfidence,
  fitSpread,
  predictAt,
} from '../../src/core/confidence.js';
import { addDays } from '../../src/core/dates.js';
import { fitTrend } from '../../src/core/theil-sen.js';
import type { Point } from '../../src/core/snapshot.js';
import { normalCdf, studentTCdf, studentTQuantile } from '../../src/core/student-t.js';

const series = (dates: string[], values: number[]): Point[] =>
  dates.map((date, i) => ({ date, value: values[i]! }));
const weekly = (from: string, values: number[]): Point[] =>
  values.map((value, i) => ({ date: addDays(from, 7 * i), value }));

/** Monthly CSAT rising slowly, small noise: no drift. */
const csat = series(
  [
    '2026-01-01',
    '2026-02-01',
    '2026-03-01',
    '2026-04-01',
    '2026-05-01',
    '2026-06-01',
    '2026-07-01',
    '2026-08-01',
  ],
  [78.2, 79.1, 78.6, 80.3, 80.9, 80.1, 81.7, 82.0],
);
/** Weekly, a wandering level (the residuals drift apart with time). */
const wandering = weekly(
  '2026-01-05',
  [91.5, 89.4, 89.6, 89.4, 89.3, 88.9, 87.6, 87.1, 86.4, 89.6, 89.4, 88.8],
);
const UNBOUNDED: [null, null] = [null, null];

describe('student t and normal distributions', () => {
  it('match scipy.stats', () => {
    // scipy: t.cdf(1.3, 6), t.cdf(-2.5, 3), t.cdf(0.7, 2.5), t.ppf(0.9, 4), t.ppf(0.9, 30), norm.cdf
    expect(studentTCdf(1.3, 6)).toBeCloseTo(0.8793474126886069, 10);
    expect(studentTCdf(-2.5, 3)).toBeCloseTo(0.04385332350403278, 10);
    expect(studentTCdf(0.7, 2.5)).toBeCloseTo(0.728297528405226, 10);
    expect(studentTQuantile(0.9, 4)).toBeCloseTo(1.533206274058944, 9);
    expect(studentTQuantile(0.9, 30)).toBeCloseTo(1.3104150253913955, 9);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 6);
    expect(normalCdf(-0.5)).toBeCloseTo(0.3085375387259869, 6);
  });

  it('match scipy.stats below 1 degree of freedom, at the ends, and for quantiles below 1', () => {
    // scipy: t.cdf(1, 0.5), t.cdf(-2, 0.7) (Γ of df ÷ 2 < 0.5: the reflection formula)
    expect(studentTCdf(1, 0.5)).toBeCloseTo(0.698878389158678, 10);
    expect(studentTCdf(-2, 0.7)).toBeCloseTo(0.18457407583326133, 10);
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
    expect(studentTCdf(0, 3)).toBe(0.5);
    // the median is exactly 0, not the end of a bisection
    expect(studentTQuantile(0.5, 7)).toBe(0);
    // scipy: t.ppf(0.75, 10), t.ppf(0.1, 4), t.ppf(0.01, 3): inside ±1, below −1, below −4
    expect(studentTQuantile(0.75, 10)).toBeCloseTo(0.6998120613124317, 9);
    expect(studentTQuantile(0.1, 4)).toBeCloseTo(-1.5332062740589436, 9);
    expect(studentTQuantile(0.01, 3)).toBeCloseTo(-4.5407028585681335, 9);
    // The Chebyshev fit of erfc at 0 (Python, the same coefficients): 1.0000000300000005.
    expect(normalCdf(0)).toBeCloseTo(0.5000000150000002, 13);
  });
});

describe('fitSpread and predictAt', () => {
  it('measures noise, slope error and drift on a steady series', () => {
    const spread = fitSpread(csat)!;
    expect(spread.points).toBe(8);
    // What a MAD of 8 − 2 free residuals is worth: 0.3675 × 6.
    expect(spread.df).toBeCloseTo(2.205, 12);
    expect(spread.slopePerDay).toBeCloseTo(0.017628930817610085, 12);
    expect(spread.noise).toBeCloseTo(0.43945664986085514, 12);
    expect(spread.slopeError).toBeCloseTo(0.002351867465740879, 12);
    // The residuals drift apart less than independent noise would: q < 0.
    expect(spread.drift).toBeCloseTo(-0.013518607977825687, 12);
    const p = predictAt(spread, '2026-12-31', UNBOUNDED);
    expect(p.center).toBeCloseTo(84.80284591194969, 10);
    // ... so much that the interval is one snapshot's noise: the floor.
    expect(p.scale).toBeCloseTo(0.4394566498608551, 10);
    expect(p.low).toBeCloseTo(84.00708834112349, 9);
    expect(p.high).toBeCloseTo(85.59860348277589, 9);
    expect(chanceToMeet(p, 'increase', 85, UNBOUNDED)).toBeCloseTo(0.34698709789342735, 9);
    expect(chanceToMeet(p, 'increase', 83, UNBOUNDED)).toBeCloseTo(0.9769282440986912, 9);
  });

  it('adds the drift of a wandering level, growing the interval', () => {
    const spread = fitSpread(wandering)!;
    expect(spread.noise).toBeCloseTo(1.8293759975196027, 12);
    expect(spread.slopeError).toBeCloseTo(0.022920984127890908, 12);
    expect(spread.drift).toBeCloseTo(0.17976069772914607, 11);
    const p = predictAt(spread, '2026-04-30', UNBOUNDED);
    expect(p.center).toBeCloseTo(86.5672619047619, 10);
    expect(p.scale).toBeCloseTo(4.427069807124025, 10);
    // Var = σ²(1 + π/2n) + slope part + q × D(T) (the drift the line cannot foresee)
    expect(p.variance.drift).toBeCloseTo(12.739654016881035, 8);
    expect(p.low).toBeCloseTo(79.6618814008664, 9);
    expect(p.high).toBeCloseTo(93.4726424086574, 9);
    expect(chanceToMeet(p, 'increase', 90, UNBOUNDED)).toBeCloseTo(0.24248119614609137, 9);
  });

  it('sees the noise of a series mostly exactly on its line (no zero-width interval)', () => {
    // Weekly counts rising by 2, one week at 25 instead of 20: residuals 0 but one 5.
    // The median absolute deviation is 0, so the mean one stands in:
    // σ = 5/8 × √(π/2) × √(8/6) = 0.9045016…
    const counts = weekly('2026-01-05', [10, 12, 14, 16, 18, 25, 22, 24]);
    expect(fitSpread(counts)!.noise).toBeCloseTo(0.9045015681978344, 9);
  });

  it("reuses the forecast's fit of the same points (the same spread as a fit of its own)", () => {
    for (const points of [csat, wandering]) {
      expect(fitSpread(points, MIN_CONFIDENCE_POINTS, fitTrend(points))).toEqual(fitSpread(points));
    }
  });

  it('reads several snapshots on one date as their median, in any order', () => {
    const doubled = [
      ...csat,
      { date: '2026-03-01', value: 70 },
      { date: '2026-03-01', value: 87.2 },
    ];
    // 78.6, 70 and 87.2 on 2026-03-01: the median is 78.6, as in `csat`.
    expect(fitSpread([...doubled].reverse())).toEqual(fitSpread(csat));
  });

  it('clamps the interval to the metric range, not the chance inside it', () => {
    const high = csat.map((p) => ({ ...p, value: p.value + 15 }));
    const p = predictAt(fitSpread(high)!, '2026-12-31', [0, 100]);
    expect(p.center).toBeCloseTo(99.80284591194969, 10);
    expect(p.low).toBeCloseTo(99.00708834112349, 9);
    expect(p.high).toBe(100);
    // P(Y ≥ 100) is the t tail: a CSAT of 100 % can be reached, one above it cannot.
    expect(chanceToMeet(p, 'increase', 100, [0, 100])).toBeCloseTo(0.34698709789342735, 9);
    expect(chanceToMeet(p, 'increase', 100.5, [0, 100])).toBe(0);
    expect(chanceToMeet(p, 'decrease', 100, [0, 100])).toBe(1);
  });

  it('gives a decrease goal the complement of an increase goal', () => {
    const p = predictAt(fitSpread(csat)!, '2026-12-31', UNBOUNDED);
    expect(chanceToMeet(p, 'decrease', 85, UNBOUNDED)).toBeCloseTo(1 - 0.34698709789342735, 9);
  });
});

describe('estimateConfidence', () => {
  it(`needs ${MIN_CONFIDENCE_POINTS} snapshots on distinct dates`, () => {
    const input = {
      deadline: '2026-09-30',
      type: 'increase' as const,
      target: 85,
      range: UNBOUNDED,
    };
    expect(estimateConfidence({ ...input, points: csat.slice(0, 7) })).toEqual({
      available: false,
      chance: null,
      reason: 'few-snapshots',
      points: 7,
    });
    // Seven dates and one of them twice are still seven.
    const twice = [...csat.slice(0, 7), { date: '2026-07-01', value: 81 }];
    expect(estimateConfidence({ ...input, points: twice })).toMatchObject({ points: 7 });
    expect(estimateConfidence({ ...input, points: csat }).available).toBe(true);
  });

  it('reaches no further past the last snapshot than the snapshots span', () => {
    // 2026-01-01 … 2026-08-01 span 212 days; 2027-03-01 is 212 days after the last.
    const input = { points: csat, type: 'increase' as const, target: 85, range: UNBOUNDED };
    expect(estimateConfidence({ ...input, deadline: '2027-03-01' }).available).toBe(true);
    expect(estimateConfidence({ ...input, deadline: '2027-03-02' })).toEqual({
      available: false,
      chance: null,
      reason: 'beyond-reach',
      daysAhead: 213,
      spanDays: 212,
    });
  });

  it('gives none for snapshots exactly on a line (no spread: no certainty either)', () => {
    const line = weekly('2026-07-06', [68, 68.1, 68.2, 68.3, 68.4, 68.5, 68.6, 68.7]);
    expect(
      estimateConfidence({
        points: line,
        deadline: '2026-09-30',
        type: 'increase',
        target: 75,
        range: [0, 100],
      }),
    ).toEqual({ available: false, chance: null, reason: 'no-spread', points: 8 });
  });

  it('gives an interval without a chance when there is no target yet', () => {
    const c = estimateConfidence({
      points: csat,
      deadline: '2026-12-31',
      type: 'increase',
      target: null,
      range: [0, 100],
    });
    expect(c.available && c.prediction.high).toBeCloseTo(85.59860348277589, 9);
    expect(c.chance).toBeNull();
  });
});

describe('stay goals', () => {
  // Python (/tmp/conf-explore/ref.py's spread2 and hold2: explicit matrices for the
  // moment estimates, numpy for the clipped deviation, scipy dblquad over the shared
  // error and χ²): wandering's clipped noise 1.2455853355852808 (10 degrees of
  // freedom: all 12 kept), σ² by moments 0.3292169776230755, q 0.17976069772914607,
  // mean G 5.444444444444444, so noise's share 0.2517114657457031 and each
  // snapshot's own noise 0.6249208084004149.
  it("measures each snapshot's own noise: the clipped noise level, less the drift's share", () => {
    const spread = fitSpread(wandering)!;
    expect(spread.clippedNoise).toBeCloseTo(1.2455853355852808, 9);
    expect(spread.clippedDf).toBe(10);
    expect(spread.ownNoise).toBeCloseTo(0.6249208084004149, 9);
  });

  it('integrates the chance that no snapshot breaks the threshold', () => {
    const spread = fitSpread(wandering)!;
    // Python (dblquad, error 3e-10): 0.5782907543590106; ours is a 25 × 32 node quadrature.
    const chance = chanceToHold(spread, '2026-04-30', 'stay-above', 85.5, UNBOUNDED);
    expect(chance).toBeCloseTo(0.5782907543590106, 3);
  });

  it("with one snapshot left, reads the clipped noise level, not the interval's t", () => {
    const spread = fitSpread(wandering)!;
    // Weekly: the next snapshot is due 2026-03-30, the one after 2026-04-06.
    const one = chanceToHold(spread, '2026-04-05', 'stay-above', 85.5, UNBOUNDED);
    const p = predictAt(spread, '2026-03-30', UNBOUNDED);
    // Python: the increase goal's chance 0.7420415625238954 (t.cdf); the stay
    // chance 0.7839318022769479 (dblquad, error 1e-9).
    expect(chanceToMeet(p, 'increase', 85.5, UNBOUNDED)).toBeCloseTo(0.7420415625238954, 9);
    expect(one).toBeCloseTo(0.7839318022769479, 5);
  });

  it('with more than 24 snapshots due, interpolates between 24 of them (the cost stays flat)', () => {
    // Daily, 30 days: 90 + 0.03 i + 1.2 sin(1.7 i) + 0.8 cos(0.37 i), to one decimal.
    const daily = [
      90.8, 92.0, 90.3, 89.3, 90.8, 90.9, 88.9, 88.8, 90.5, 90.0, 88.5, 89.7, 91.3, 90.3, 89.6,
      91.5, 92.3, 90.6, 90.4, 92.1, 91.6, 89.6, 90.1, 91.4, 90.1, 88.8, 90.3, 91.3, 89.8, 89.7,
    ].map((value, i) => ({ date: addDays('2026-03-02', i), value }));
    const spread = fitSpread(daily)!;
    // 2026-03-31 → 2026-04-28: 28 snapshots due. Python (dblquad over the product of
    // all 28, error 2e-9): 0.3744234729084199.
    const chance = chanceToHold(spread, '2026-04-28', 'stay-above', 88.5, UNBOUNDED);
    expect(chance).toBeCloseTo(0.3744234729084199, 3);
  });

  it('is 1 when no snapshot is due before the deadline, and 0 once one broke', () => {
    const spread = fitSpread(wandering)!;
    expect(chanceToHold(spread, '2026-03-29', 'stay-above', 85.5, UNBOUNDED)).toBe(1);
    const broken = estimateConfidence({
      points: wandering.slice(0, 3),
      deadline: '2026-04-30',
      type: 'stay-below',
      target: 90,
      range: UNBOUNDED,
    });
    // 91.5 on 2026-01-05 broke "≤ 90": a fact, even with three snapshots.
    expect(broken).toEqual({ available: false, chance: 0, reason: 'few-snapshots', points: 3 });
  });

  it('holds for sure a threshold at the range end', () => {
    const spread = fitSpread(wandering)!;
    expect(chanceToHold(spread, '2026-04-30', 'stay-above', 0, [0, 100])).toBe(1);
    expect(chanceToHold(spread, '2026-04-30', 'stay-below', 100, [0, 100])).toBe(1);
    expect(chanceToHold(spread, '2026-04-30', 'stay-above', 101, [0, 100])).toBe(0);
  });
});
