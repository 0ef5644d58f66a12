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
    // A worsening trend is not a flat one.
    expect(p.flatTrend).toBeUndefined();
  });

  it('holds a level that has not moved at all, with no stretch', () => {
    const p = proposeTargets({
      metric: metric('csat'),
      type: 'increase',
      previousTarget: 80,
      points: weekly(15, () => 80),
      ...Q1,
    });
    expect(p).toEqual({
      baseline: { date: '2026-11-09', value: 80 },
      type: 'stay-above',
      basis: 'hold',
      trend: { perWeek: 0, forecast: 80, points: 13 },
      fastestPerWeek: 0,
      main: { target: 80, neededPerWeek: null, realistic: true },
      stretch: null,
    });
  });

  it('offers no stretch that rounds to the main target', () => {
    // CSAT rising 0.5 pp a week to 99.85: a third of the gap to 100 is 99.9, half of it 99.925,
    // which rounds down to 99.9 as well.
    const p = proposeTargets({
      metric: metric('csat'),
      type: 'increase',
      previousTarget: 95,
      points: weekly(15, (i) => 92.85 + 0.5 * i),
      ...Q1,
    });
    if ('none' in p) throw new Error(p.none);
    expect(p.basis).toBe('trend');
    expect(p.main.target).toBe(99.9);
    expect(p.stretch).toBeNull();
  });

  it('calls a target realistic when there is nothing to judge it by (no history, a baseline of 0)', () => {
    const p = proposeTargets({
      metric: metric('ticket_volume'),
      type: 'increase',
      previousTarget: 50,
      points: [
        { date: '2026-10-01', value: 5 },
        { date: '2026-11-01', value: 0 },
      ],
      ...Q1,
    });
    expect(p).toEqual({
      baseline: { date: '2026-11-01', value: 0 },
      type: 'increase',
      basis: 'previous',
      trend: null,
      fastestPerWeek: null,
      main: { target: 50, neededPerWeek: 50 / WEEKS, realistic: true },
      stretch: null,
    });
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
    // Already held at the worst level: no stretch beyond it.
    const held = proposeTargets({
      metric: metric('frt_within_sla'),
      type: 'stay-above',
      previousTarget: 93.4,
      points,
      ...Q1,
    });
    if ('none' in held) throw new Error(held.none);
    expect(held.main.target).toBe(93.4);
    expect(held.stretch).toBeNull();
  });

  it('offers no stretch for a stay goal without a snapshot in the last 13 weeks', () => {
    const p = proposeTargets({
      metric: metric('csat'),
      type: 'stay-above',
      previousTarget: 85,
      points: [
        { date: '2026-07-06', value: 88 },
        { date: '2026-07-13', value: 90 },
      ],
      ...Q1,
    });
    expect(p).toEqual({
      baseline: { date: '2026-07-13', value: 90 },
      type: 'stay-above',
      basis: 'previous',
      trend: null,
      fastestPerWeek: null,
      main: { target: 85, neededPerWeek: null, realistic: true },
      stretch: null,
    });
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
  it('holds the level when the trend gains less over the quarter than the snapshots spread around it', () => {
    // CSAT rising 0.03 pp a week under ±0.2–0.6 pp of week-to-week noise. Expected values from an
    // independent Python Theil–Sen (median pairwise slope, median intercept) on the 13 snapshots
    // since 2026-08-17: slope 0.0341667 pp a week, 81.0794 one quarter after 2026-11-09, a gain of
    // 0.2594 pp against a spread of 1.4826 × median |residual| = 0.5992 pp.
    const noise = [
      0.5, -0.4, 0.3, -0.6, 0.4, -0.3, 0.6, -0.5, 0.2, -0.2, 0.5, -0.4, 0.3, -0.5, 0.4,
    ];
    const points = weekly(15, (i) => Number((80 + 0.03 * i + noise[i]!).toFixed(2)));
    const p = proposeTargets({
      metric: metric('csat'),
      type: 'increase',
      previousTarget: 82,
      points,
      ...Q1,
    });
    if ('none' in p) throw new Error(p.none);
    expect(p.basis).toBe('hold');
    expect(p.type).toBe('stay-above');
    expect(p.baseline).toEqual({ date: '2026-11-09', value: 80.82 });
    expect(p.trend?.points).toBe(13);
    expect(p.trend?.perWeek).toBeCloseTo(0.0341667, 6);
    expect(p.trend?.forecast).toBeCloseTo(81.0794048, 6);
    expect(p.flatTrend?.gain).toBeCloseTo(0.2594048, 6);
    expect(p.flatTrend?.spread).toBeCloseTo(0.5992175, 6);
    // 80.82 held as a floor, rounded down to 80.8.
    expect(p.main).toEqual({ target: 80.8, neededPerWeek: null, realistic: true });
    // The best pace about four weeks apart: 79.93 → 80.82 over the last 3 weeks (no snapshot
    // 4 weeks after week 11), 0.2967 pp a week; kept up for the quarter: 80.82 + 0.2967 × 89 ÷ 7
    // = 84.59 → 84.5, within twice that pace.
    expect(p.fastestPerWeek).toBeCloseTo(0.89 / 3, 9);
    expect(p.stretch).toEqual({
      target: 84.5,
      neededPerWeek: (84.5 - 80.82) / WEEKS,
      realistic: true,
    });
  });

  it('follows a trend without a cap when the metric has no best value', () => {
    // Ticket volume (a count, no upper bound) up 10 a week, 100 → 240.
    const points = weekly(15, (i) => 100 + 10 * i);
    const p = proposeTargets({
      metric: metric('ticket_volume'),
      type: 'increase',
      previousTarget: 200,
      points,
      ...Q1,
    });
    if ('none' in p) throw new Error(p.none);
    expect(p.basis).toBe('trend');
    // 240 + 10 × 89 ÷ 7 = 367.14 → 367; the stretch 240 + 1.5 × 127.14 = 430.71 → 430, both
    // within twice the best four weeks' 10 a week.
    expect(p.main).toEqual({ target: 367, neededPerWeek: 127 / WEEKS, realistic: true });
    expect(p.stretch).toEqual({ target: 430, neededPerWeek: 190 / WEEKS, realistic: true });
  });

  it('holds the level when a target was met and there are too few snapshots for a trend', () => {
    const p = proposeTargets({
      metric: metric('churn_rate'),
      type: 'decrease',
      previousTarget: 2.5,
      points: [
        { date: '2026-09-30', value: 2.4 },
        { date: '2026-10-31', value: 2.3 },
      ],
      ...Q1,
    });
    expect(p).toEqual({
      baseline: { date: '2026-10-31', value: 2.3 },
      type: 'stay-below',
      basis: 'hold',
      trend: null,
      fastestPerWeek: null,
      main: { target: 2.3, neededPerWeek: null, realistic: true },
      stretch: null,
    });
  });

  it('tightens a stay-below goal to the highest level of the last 13 weeks only', () => {
    // First response time alternating 3 h and 3 h 28 m 50 s; a 5 h 33 m week in August, before
    // the 91 days the stretch looks at (from 2026-08-17).
    const points = weekly(15, (i) => (i === 0 ? 20000 : i % 2 ? 12530 : 10800));
    const p = proposeTargets({
      metric: metric('first_response_time'),
      type: 'stay-below',
      previousTarget: 4 * 3600,
      points,
      ...Q1,
    });
    if ('none' in p) throw new Error(p.none);
    expect(p.basis).toBe('previous');
    expect(p.main).toEqual({ target: 14400, neededPerWeek: null, realistic: true });
    // 12530 s rounded up to the minute: 12540 (3 h 29 m).
    expect(p.stretch).toEqual({ target: 12540, neededPerWeek: null, realistic: true });
  });

  it("holds a stay goal without a known threshold at today's level, rounded to the easier side", () => {
    const points = weekly(15, (i) => 93.47 + (i % 2) * 0.5).slice(0, 13);
    const p = proposeTargets({
      metric: metric('frt_within_sla'),
      type: 'stay-above',
      previousTarget: null,
      points,
      ...Q1,
    });
    if ('none' in p) throw new Error(p.none);
    // The newest (week 12, 2026-10-26) is 93.47: floor to 93.4; the worst held is 93.47 too.
    expect(p.baseline).toEqual({ date: '2026-10-26', value: 93.47 });
    expect(p.main).toEqual({ target: 93.4, neededPerWeek: null, realistic: true });
    expect(p.stretch).toBeNull();
  });

  it('keeps a stretch short of the best value, one step of the unit below it', () => {
    // Held at the best value for a quarter, the stretch would be that value: a backlog of 0 gives
    // 1 ticket, a speed of answer of 0 s gives 60 s (a minute), CSAT at 100 % gives 99.9 %.
    const cases = [
      { id: 'backlog', type: 'stay-below', previousTarget: 5, value: 0, stretch: 1 },
      { id: 'speed_of_answer', type: 'stay-below', previousTarget: 120, value: 0, stretch: 60 },
      { id: 'csat', type: 'stay-above', previousTarget: 95, value: 100, stretch: 99.9 },
    ] as const;
    for (const c of cases) {
      const p = proposeTargets({
        metric: metric(c.id),
        type: c.type,
        previousTarget: c.previousTarget,
        points: weekly(15, () => c.value),
        ...Q1,
      });
      if ('none' in p) throw new Error(p.none);
      expect([c.id, p.stretch?.target]).toEqual([c.id, c.stretch]);
    }
  });

  it('takes the newest snapshot on the planning date itself, skipping values that are not numbers', () => {
    const p = proposeTargets({
      metric: metric('churn_rate'),
      type: 'decrease',
      previousTarget: 2,
      points: [
        { date: '2026-11-16', value: 2.2 },
        { date: '2026-10-31', value: 2.3 },
        { date: '2026-11-10', value: Number.NaN },
      ],
      ...Q1,
    });
    if ('none' in p) throw new Error(p.none);
    expect(p.baseline).toEqual({ date: '2026-11-16', value: 2.2 });
    expect(p.basis).toBe('previous');
  });
});
