import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { BUILTIN_METRICS } from '../../src/core/metrics.js';
import { proposeTargets } from '../../src/core/propose-targets.js';
import type { Point } from '../../src/core/snapshot.js';

const metric = (id: string) => BUILTIN_METRICS.find((m) => m.id === id)!;

/** Weekly snapshots from Monday 2026-08-03: value(i) for i = 0 … count − 1. */
function weekly(count: number, value: (i: number) => number): Point[] {
  return Array.from({ length: count }, (_, i) => ({
    date: addDays('2026-08-03', 7 * i),
    value: value(i),
  }));
}

// Planning 2027-Q1 (89 days: 12.714 weeks) on Monday 2026-11-16.
const Q1 = { asOf: '2026-11-16', start: '2027-01-01', deadline: '2027-03-31' };
const WEEKS = 89 / 7;

describe('proposeTargets', () => {
  it('follows a rising trend one quarter on, with a stretch of half again its gain', () => {
    // CSAT 80 → 83.5 over 15 weeks: +0.25 pp a week, the fastest 4-week pace too.
    const points = weekly(15, (i) => 80 + 0.25 * i);
    const p = proposeTargets({
      metric: metric('csat'),
      type: 'increase',
      previousTarget: 83,
      points,
      ...Q1,
    });
    expect(p).toEqual({
      baseline: { date: '2026-11-09', value: 83.5 },
      type: 'increase',
      basis: 'trend',
      trend: { perWeek: 0.25, forecast: 83.5 + 0.25 * WEEKS, points: 13 },
      fastestPerWeek: 0.25,
      // 86.68 rounded down to 0.1.
      main: { target: 86.6, neededPerWeek: (86.6 - 83.5) / WEEKS, realistic: true },
      // 1.5 × the trend's gain (4.77 pp) is within twice the best pace (6.36 pp): 88.27 → 88.2.
      stretch: { target: 88.2, neededPerWeek: (88.2 - 83.5) / WEEKS, realistic: true },
    });
  });

  it('says when the trend itself is more than the rule of thumb allows, and offers no stretch beyond it', () => {
    // Five weeks of retention rising 2 points a week: too short a history to judge by pace.
    const points = weekly(5, (i) => 10 + 2 * i).map((p) => ({ ...p, date: addDays(p.date, 70) }));
    const p = proposeTargets({
      metric: metric('retention_rate'),
      type: 'increase',
      previousTarget: 15,
      points,
      ...Q1,
    });
    if ('none' in p) throw new Error(p.none);
    expect(p.baseline).toEqual({ date: '2026-11-09', value: 18 });
    expect(p.fastestPerWeek).toBeNull();
    expect(p.trend?.perWeek).toBe(2);
    // 18 + 2 × 12.71 = 43.43 → 43.4 (within a third of the gap to 100 %: 45.33), a change
    // of 141 % of the baseline (more than 50 %).
    expect(p.main).toEqual({
      target: 43.4,
      neededPerWeek: (43.4 - 18) / WEEKS,
      realistic: false,
      // 18 + 18 × min(50 %, 15 % × 2.92 months) = 25.89.
      realisticTarget: 25.8,
    });
    // 1.5 × the gain, capped where the rule of thumb allows (25.89), is below the trend: none.
    expect(p.stretch).toBeNull();
  });

  it('closes at most a third of the gap to the best value (half for the stretch), however steep the trend', () => {
    // First response time falling 11 minutes a week from 5 h 34 m to 3 h: the line reaches 40 m by the
    // quarter's end; the team's best four weeks were no faster.
    const points = weekly(15, (i) => 334 * 60 - 660 * i);
    const p = proposeTargets({
      metric: metric('first_response_time'),
      type: 'decrease',
      previousTarget: 2 * 3600,
      points,
      ...Q1,
    });
    if ('none' in p) throw new Error(p.none);
    expect(p.baseline).toEqual({ date: '2026-11-09', value: 10800 });
    expect(p.trend?.forecast).toBeCloseTo(10800 - 660 * WEEKS, 6);
    // 3 h − 3 h ÷ 3 = 2 h, and half the way to 0: 1 h 30 m; both realistic at the pace seen.
    expect(p.main).toEqual({ target: 7200, neededPerWeek: -3600 / WEEKS, realistic: true });
    expect(p.stretch).toEqual({ target: 5400, neededPerWeek: -5400 / WEEKS, realistic: true });
  });

  it('holds the level when the trend is flat or worsening, never proposing worse', () => {
    // First response time creeping up 2 minutes a week: worse for a decrease goal.
    const points = weekly(15, (i) => 3 * 3600 + 120 * i);
    const p = proposeTargets({
      metric: metric('first_response_time'),
      type: 'decrease',
      previousTarget: 2.5 * 3600,
      points,
      ...Q1,
    });
    if ('none' in p) throw new Error(p.none);
    expect(p.basis).toBe('hold');
    expect(p.type).toBe('stay-below');
    expect(p.baseline).toEqual({ date: '2026-11-09', value: 3 * 3600 + 1680 });
    // 3 h 28 m, held as a ceiling.
    expect(p.main).toEqual({ target: 12480, neededPerWeek: null, realistic: true });
    // It has never improved over four weeks: no stretch to propose.
    expect(p.fastestPerWeek).toBe(0);
    expect(p.stretch).toBeNull();
  });

  it('keeps a missed target when there are too few snapshots for a trend', () => {
    const p = proposeTargets({
      metric: metric('churn_rate'),
      type: 'decrease',
      previousTarget: 2,
      points: [
        { date: '2026-09-30', value: 2.4 },
        { date: '2026-10-31', value: 2.3 },
      ],
      ...Q1,
    });
    expect(p).toEqual({
      baseline: { date: '2026-10-31', value: 2.3 },
      type: 'decrease',
      basis: 'previous',
      trend: null,
      fastestPerWeek: null,
      main: { target: 2, neededPerWeek: (2 - 2.3) / WEEKS, realistic: true },
      stretch: null,
    });
  });

  it('never proposes the perfect score, nor most of the way to it', () => {
    // CSAT at 99 and rising fast: the trend would pass 100.
    const points = weekly(15, (i) => 92 + 0.5 * i);
    const p = proposeTargets({
      metric: metric('csat'),
      type: 'increase',
      previousTarget: 95,
      points,
      ...Q1,
    });
    if ('none' in p) throw new Error(p.none);
    // A third of the way from 99 to 100 (99.33 → 99.3), and half of it for the stretch.
    expect(p.main.target).toBe(99.3);
    expect(p.stretch?.target).toBe(99.5);
  });

  it('holds a stay goal at its threshold, and stretches to the worst level actually held', () => {
    const points = weekly(15, (i) => (i % 2 === 0 ? 93.4 : 95));
    const p = proposeTargets({
      metric: metric('frt_within_sla'),
      type: 'stay-above',
      previousTarget: 90,
      points,
      ...Q1,
    });
    if ('none' in p) throw new Error(p.none);
    expect(p.basis).toBe('previous');
    expect(p.type).toBe('stay-above');
    expect(p.main).toEqual({ target: 90, neededPerWeek: null, realistic: true });
    expect(p.stretch).toEqual({ target: 93.4, neededPerWeek: null, realistic: true });
  });

  it('ignores snapshots after the planning date and says when there are none', () => {
    expect(
      proposeTargets({
        metric: metric('csat'),
        type: 'increase',
        previousTarget: 85,
        points: [{ date: '2026-12-01', value: 80 }],
        ...Q1,
      }),
    ).toEqual({
      none: 'no snapshot of csat on or before 2026-11-16, so no trend to propose from (import its data)',
    });
  });
});
