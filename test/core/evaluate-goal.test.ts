/**
 * Every status rule of DESIGN §6 with exact numbers, for increase, decrease
 * and stay goals, before and after the deadline, with milestones, baselines
 * from snapshots, the stale flag and the pace.
 */
import { describe, expect, it } from 'vitest';
import { goalSchema } from '../../src/config/schema.js';
import { addDays } from '../../src/core/dates.js';
import {
  evaluateGoal,
  findEvaluationProblems,
  pointWindowOf,
  selectWindow,
} from '../../src/core/evaluate-goal.js';
import type { EvaluateOptions, GoalEvaluation } from '../../src/core/evaluate-goal.js';
import { buildCatalog } from '../../src/core/metrics.js';
import { resolveGoal } from '../../src/core/resolve-goal.js';
import type { Point } from '../../src/core/snapshot.js';

const catalog = buildCatalog([
  { id: 'score', unit: 'score', direction: 'increase', range: [null, null] },
]);

function goalOf(fields: Record<string, unknown>) {
  const input = goalSchema.parse({ id: 'g', title: 'A goal', ...fields });
  return resolveGoal(input, { catalog, fiscalYearStart: 1 });
}

function evaluate(
  fields: Record<string, unknown>,
  points: Point[],
  asOf: string,
  options: Partial<EvaluateOptions> = {},
): GoalEvaluation {
  return evaluateGoal(goalOf(fields), points, {
    asOf,
    atRiskMargin: 0.2,
    staleAfterDays: 14,
    ...options,
  });
}

/** Points every `step` days from `from`. */
function series(from: string, step: number, values: number[]): Point[] {
  return values.map((value, i) => ({ date: addDays(from, step * i), value }));
}

const statusOf = (e: GoalEvaluation) => e.status;

// An increase goal over 90 days: 2026-07-01 … 2026-09-28 (positions 0 … 90).
const RISE = { metric: 'score', baseline: 50, start: '2026-07-01', deadline: '2026-09-28' };
// Four snapshots 10 days apart, +2.5 each: slope 0.25/day, forecast 50 + 0.25 × 89 = 72.25.
const RISING = series('2026-07-01', 10, [50, 52.5, 55, 57.5]);

describe('the example of DESIGN §8', () => {
  // csat-q3: 78 → 85 from 2026-07-01 to 2026-09-30, as of 2026-08-20.
  const e = evaluate(
    { metric: 'csat', baseline: 78, target: 85, start: '2026-07-01', deadline: '2026-09-30' },
    [
      { date: '2026-07-06', value: 78.5 },
      { date: '2026-08-17', value: 81.2 },
    ],
    '2026-08-20',
  );

  it('computes progress, expected progress, days left and the pace needed', () => {
    expect(e.current).toEqual({ date: '2026-08-17', value: 81.2 });
    expect(e.progress).toBe((81.2 - 78) / (85 - 78)); // 0.457
    expect(e.expectedProgress).toBe(51 / 92); // 0.554: 51 of 92 days have ended
    expect(e.daysLeft).toBe(41);
    expect(e.pace.neededPerWeek).toBe((85 - 81.2) / (41 / 7)); // 0.65
  });

  it('without a forecast (2 dates) judges progress against expected: at risk', () => {
    expect(e.forecast).toBeNull();
    expect(e.forecastProgress).toBeNull();
    expect(e.pace.perWeek).toBeNull();
    expect(e.status).toBe('at-risk');
    expect(e.checks.map((c) => [c.status, c.holds])).toEqual([
      ['not-started', false],
      ['no-data', false],
      ['achieved', false],
      ['missed', false],
      ['on-track', false],
      ['at-risk', true],
    ]);
    expect(e.checks.at(-1)!.reason).toBe(
      'progress 45.7 % ≥ expected 55.4 % − margin 20 % = 35.4 %',
    );
  });
});

describe('increase goals with a forecast (≥ 3 dates): forecast progress decides', () => {
  const asOf = '2026-07-31';

  it('forecast 72.25 for a target of 72: progress 1.011 ≥ 1 → on-track', () => {
    const e = evaluate({ ...RISE, target: 72 }, RISING, asOf);
    expect(e.forecast).toBe(72.25);
    expect(e.forecastProgress).toBe(22.25 / 22);
    expect(e.status).toBe('on-track');
  });

  it('a forecast landing exactly on the target is on track', () => {
    const e = evaluate({ ...RISE, target: 72.25 }, RISING, asOf);
    expect(e.forecastProgress).toBe(1);
    expect(e.status).toBe('on-track');
  });

  it('target 75: forecast progress 0.89 ≥ 1 − 0.2 → at-risk', () => {
    const e = evaluate({ ...RISE, target: 75 }, RISING, asOf);
    expect(e.forecastProgress).toBe(22.25 / 25);
    expect(e.status).toBe('at-risk');
    expect(e.checks.at(-1)!.reason).toBe('forecast progress 89 % ≥ 100 % − margin 20 % = 80 %');
  });

  it('forecast progress exactly 1 − margin is still at risk', () => {
    // 22.25 ÷ 27.8125 = 0.8
    const e = evaluate({ ...RISE, target: 77.8125 }, RISING, asOf);
    expect(e.forecastProgress).toBe(0.8);
    expect(e.status).toBe('at-risk');
  });

  it('target 80: forecast progress 0.742 < 0.8 → off-track', () => {
    const e = evaluate({ ...RISE, target: 80 }, RISING, asOf);
    expect(e.forecastProgress).toBe(22.25 / 30);
    expect(e.status).toBe('off-track');
  });

  it('the margin comes from the options', () => {
    const e = evaluate({ ...RISE, target: 80 }, RISING, asOf, { atRiskMargin: 0.3 });
    expect(e.status).toBe('at-risk');
  });

  it('the forecast decides even when current progress is behind the expected path', () => {
    // progress 7.5/22 = 0.34, expected 31/90 = 0.344: behind, yet the trend gets there.
    const e = evaluate({ ...RISE, target: 72 }, RISING, asOf);
    expect(e.progress).toBe(7.5 / 22);
    expect(e.expectedProgress).toBe(31 / 90);
    expect(e.status).toBe('on-track');
  });

  it('uses only snapshots since the start for the forecast', () => {
    const before = [
      { date: '2026-06-01', value: 0 },
      { date: '2026-06-10', value: 0 },
    ];
    const e = evaluate({ ...RISE, target: 72 }, [...before, ...RISING], asOf);
    expect(e.forecast).toBe(72.25);
    expect(e.figures.find((f) => f.name === 'forecast')!.snapshots).toEqual(RISING);
  });

  it('is robust to an outlier (Theil–Sen)', () => {
    const points = [...RISING, { date: '2026-08-10', value: 60 }];
    points[2] = { date: '2026-07-21', value: 10 }; // a broken survey week
    const e = evaluate({ ...RISE, target: 72 }, points, '2026-08-10');
    expect(e.forecast).toBe(72.25);
  });
});

describe("the forecast stays in the metric's range and within its reach (issue 12.1)", () => {
  const CSAT = { metric: 'csat', baseline: 80, target: 99, start: '2026-07-01' };
  const noteOf = (e: GoalEvaluation) => e.figures.find((f) => f.name === 'forecast')!.note;

  it('a CSAT trend beyond 100 % stops at 100 %, and explain says so', () => {
    // +0.5 a day: 95 + 0.5 × 59 days = 124.5 % at 2026-09-28, which CSAT cannot be.
    const points = series('2026-07-01', 10, [80, 85, 90, 95]);
    const e = evaluate({ ...CSAT, deadline: '2026-09-28' }, points, '2026-07-31');
    expect(e.forecast).toBe(100);
    expect(e.forecastProgress).toBe(20 / 19);
    expect(e.status).toBe('on-track');
    expect(noteOf(e)).toBe(
      'the trend gives 124.5 %, outside the range of csat (0 % to 100 %): the forecast stops at 100 %',
    );
  });

  it('a trend below the range stops at its floor', () => {
    const points = series('2026-07-01', 10, [20, 15, 10, 5]);
    const e = evaluate(
      { ...CSAT, baseline: 20, target: 30, deadline: '2026-09-28' },
      points,
      '2026-07-31',
    );
    expect(e.forecast).toBe(0);
    expect(e.status).toBe('off-track');
  });

  // 80, 84, 83, 82 every 10 days: Theil–Sen slope = median(0.4, 0.15, 1/15, −0.1, −0.1, −0.1)
  // = (−0.1 + 1/15) ÷ 2 = −1/60 a day; the snapshots span 30 days (07-01 … 07-31).
  const DIP = series('2026-07-01', 10, [80, 84, 83, 82]);

  it('within twice the span of its snapshots the forecast decides the status', () => {
    // deadline 59 days after 07-31: forecast = median of value − (days to the deadline) ÷ 60
    // = ((82 − 59/60) + (83 − 69/60)) ÷ 2 = 81.43; forecast progress 1.43 ÷ 19 = 7.5 % < 80 %.
    const e = evaluate({ ...CSAT, deadline: '2026-09-28' }, DIP, '2026-07-31');
    expect(e.forecast).toBeCloseTo(81.4333, 4);
    expect(e.status).toBe('off-track');
    expect(e.checks.at(-1)!.reason).toBe('forecast progress 7.5 % is below 80 %');
    expect(noteOf(e)).toBeUndefined();
  });

  it('reaching further, it is shown but progress against expected progress decides', () => {
    // deadline 2027-06-30, 334 days after 07-31 (> 2 × 30): the forecast
    // ((82 − 334/60) + (83 − 344/60)) ÷ 2 = 76.85 would say off track; progress
    // (82 − 80) ÷ 19 = 10.5 % ≥ expected 31 ÷ 365 = 8.5 % says on track.
    const e = evaluate({ ...CSAT, deadline: '2027-06-30' }, DIP, '2026-07-31');
    expect(e.forecast).toBeCloseTo(76.85, 10);
    expect(e.status).toBe('on-track');
    expect(e.checks.at(-1)).toEqual({
      status: 'on-track',
      holds: true,
      reason:
        'the forecast reaches too far (the deadline is 334 days beyond the newest snapshot, more than 2 × the 30 days the snapshots span): progress 10.5 % ≥ expected 8.5 %',
    });
    expect(noteOf(e)).toBe(
      'the forecast reaches too far (the deadline is 334 days beyond the newest snapshot, more than 2 × the 30 days the snapshots span): it does not decide the status',
    );
  });

  it('the limit is inclusive: 60 days beyond 30 days of snapshots still decide, 61 do not', () => {
    expect(
      noteOf(evaluate({ ...CSAT, deadline: '2026-09-29' }, DIP, '2026-07-31')),
    ).toBeUndefined();
    expect(noteOf(evaluate({ ...CSAT, deadline: '2026-09-30' }, DIP, '2026-07-31'))).toMatch(
      /^the forecast reaches too far \(the deadline is 61 days beyond/,
    );
  });

  it('a stay goal ignores a far-reaching forecast that crosses its threshold', () => {
    // −0.2 a day from 90: at 2026-09-29 (60 days beyond 07-31) 84 − 12 = 72 breaks ≥ 80.
    const points = series('2026-07-01', 10, [90, 88, 86, 84]);
    const stay = { metric: 'csat', type: 'stay-above', target: 80, start: '2026-07-01' };
    const near = evaluate({ ...stay, deadline: '2026-09-29' }, points, '2026-07-31');
    expect(near.forecast).toBeCloseTo(72, 10);
    expect(near.status).toBe('at-risk');
    const far = evaluate({ ...stay, deadline: '2027-06-30' }, points, '2026-07-31');
    expect(far.forecast).toBeCloseTo(84 - 0.2 * 334, 10); // 17.2
    expect(far.status).toBe('on-track');
    expect(far.checks.at(-1)!.reason).toBe(
      'all 4 snapshots from 2026-07-01 to 2026-07-31 are ≥ 80 %, and the forecast reaches too far (the deadline is 334 days beyond the newest snapshot, more than 2 × the 30 days the snapshots span)',
    );
  });
});

describe('increase goals without a forecast: progress against expected progress', () => {
  // Two snapshots only; as of 2026-08-14 (position 45 of 90): expected 0.5.
  const asOf = '2026-08-14';
  const two = (value: number) => [
    { date: '2026-07-01', value: 50 },
    { date: '2026-08-10', value },
  ];

  it('progress 0.5 ≥ expected 0.5 → on-track', () => {
    const e = evaluate({ ...RISE, target: 70 }, two(60), asOf);
    expect(e.progress).toBe(0.5);
    expect(e.expectedProgress).toBe(0.5);
    expect(e.status).toBe('on-track');
  });

  it('progress 0.3 ≥ 0.5 − 0.2 → at-risk', () => {
    const e = evaluate({ ...RISE, target: 70 }, two(56), asOf);
    expect(e.progress).toBe(0.3);
    expect(e.status).toBe('at-risk');
  });

  it('progress 0.25 < 0.3 → off-track', () => {
    const e = evaluate({ ...RISE, target: 70 }, two(55), asOf);
    expect(e.progress).toBe(0.25);
    expect(e.status).toBe('off-track');
  });

  it('progress is unclamped: below the baseline it is negative', () => {
    const e = evaluate({ ...RISE, target: 70 }, two(45), asOf);
    expect(e.progress).toBe(-0.25);
    expect(e.status).toBe('off-track');
  });
});

describe('decrease goals mirror increase goals', () => {
  // First response time: 4 h → 2 h (seconds), 2026-07-01 … 2026-09-28.
  const FRT = {
    metric: 'first_response_time',
    baseline: '4h',
    start: '2026-07-01',
    deadline: '2026-09-28',
  };
  // −360 s every 10 days: slope −36 s/day, forecast 14400 − 36 × 89 = 11196 s.
  const falling = series('2026-07-01', 10, [14400, 14040, 13680, 13320]);

  it('forecast 0.89 of the way → at-risk', () => {
    const e = evaluate({ ...FRT, target: '3h' }, falling, '2026-07-31');
    expect(e.forecast).toBe(11196);
    expect(e.forecastProgress).toBe((11196 - 14400) / (10800 - 14400)); // 0.89
    expect(e.status).toBe('at-risk');
  });

  it('a target the trend beats → on-track', () => {
    const e = evaluate({ ...FRT, target: '3h10m' }, falling, '2026-07-31');
    expect(e.forecastProgress).toBe((11196 - 14400) / (11400 - 14400));
    expect(e.status).toBe('on-track');
  });

  it('a target far below the trend → off-track', () => {
    const e = evaluate({ ...FRT, target: '2h' }, falling, '2026-07-31');
    expect(e.forecastProgress).toBe(3204 / 7200);
    expect(e.status).toBe('off-track');
  });

  it('current at or below the target → achieved (≤ for decrease)', () => {
    const e = evaluate({ ...FRT, target: '3h42m' }, falling, '2026-07-31');
    expect(e.current!.value).toBe(13320);
    expect(e.status).toBe('achieved');
    expect(e.pace.neededPerWeek).toBe(0);
  });

  it('missed: past the deadline above the target; a later drop does not count', () => {
    const points = [...falling, { date: '2026-10-05', value: 7000 }];
    const e = evaluate({ ...FRT, target: '3h' }, points, '2026-11-16');
    expect(e.current).toEqual({ date: '2026-07-31', value: 13320 });
    expect(e.status).toBe('missed');
    expect(e.checks.at(-1)!.reason).toBe(
      'the deadline 2026-09-28 has passed and current 3 h 42 m (2026-07-31) is not ≤ 3 h',
    );
  });

  it('without a forecast: progress against expected, in the lower-is-better direction', () => {
    // 2 snapshots; as of 2026-08-14 (45 of 90 days): expected 0.5.
    const two = [
      { date: '2026-07-01', value: 14400 },
      { date: '2026-08-10', value: 12600 },
    ];
    const onTrack = evaluate({ ...FRT, target: '3h' }, two, '2026-08-14');
    expect(onTrack.progress).toBe(0.5);
    expect(onTrack.status).toBe('on-track');
    const offTrack = evaluate({ ...FRT, target: '2h' }, two, '2026-08-14');
    expect(offTrack.progress).toBe(0.25);
    expect(offTrack.status).toBe('off-track');
  });

  it('needed pace is negative for a decrease goal', () => {
    const e = evaluate({ ...FRT, target: '2h' }, falling, '2026-07-31');
    expect(e.daysLeft).toBe(59);
    expect(e.pace.neededPerWeek).toBe((7200 - 13320) / (59 / 7));
    expect(e.pace.perWeek).toBe(-36 * 7);
  });
});

describe('achieved and missed', () => {
  it('achieved as soon as the current value meets the target (≥), even before the deadline', () => {
    const e = evaluate({ ...RISE, target: 57.5 }, RISING, '2026-07-31');
    expect(e.status).toBe('achieved');
    expect(e.progress).toBe(1);
  });

  it('achieved is judged on the newest snapshot: an earlier peak does not count', () => {
    const points = [...RISING, { date: '2026-08-05', value: 51 }];
    const e = evaluate({ ...RISE, target: 57.5 }, points, '2026-08-06');
    expect(e.current).toEqual({ date: '2026-08-05', value: 51 });
    // not achieved; the trend (robust to the drop) still gets there
    expect(e.forecast).toBe(72.25);
    expect(e.status).toBe('on-track');
  });

  it('after the deadline: judged on the newest snapshot on or before it', () => {
    const points = [
      { date: '2026-09-21', value: 69 },
      { date: '2026-09-28', value: 71 },
      { date: '2026-10-05', value: 60 }, // after the deadline: ignored
    ];
    const e = evaluate({ ...RISE, target: 70 }, points, '2026-11-16');
    expect(e.isPastDeadline).toBe(true);
    expect(e.judgedAt).toBe('2026-09-28');
    expect(e.current).toEqual({ date: '2026-09-28', value: 71 });
    expect(e.status).toBe('achieved');
    expect(e.daysLeft).toBe(-49);
  });

  it('missed: the deadline passed and the last snapshot before it misses the target', () => {
    const points = [
      { date: '2026-09-21', value: 69 },
      { date: '2026-10-05', value: 75 }, // reached, but too late
    ];
    const e = evaluate({ ...RISE, target: 70 }, points, '2026-11-16');
    expect(e.current).toEqual({ date: '2026-09-21', value: 69 });
    expect(e.status).toBe('missed');
    expect(e.checks.at(-1)!.reason).toBe(
      'the deadline 2026-09-28 has passed and current 69 (2026-09-21) is not ≥ 70',
    );
    expect(e.pace.neededPerWeek).toBeNull();
  });

  it('the deadline day itself is still open (it ends at 24:00)', () => {
    const points = [{ date: '2026-09-21', value: 69 }];
    const e = evaluate({ ...RISE, target: 70 }, points, '2026-09-28');
    expect(e.isPastDeadline).toBe(false);
    expect(e.daysLeft).toBe(0);
    expect(e.expectedProgress).toBe(1);
    expect(e.progress).toBe(0.95);
    // not missed yet: 0.95 ≥ 1 − 0.2
    expect(e.status).toBe('at-risk');
  });
});

describe('not-started and no-data', () => {
  it('not-started: as of is before the start, whatever the data', () => {
    const e = evaluate({ ...RISE, target: 70 }, [{ date: '2026-06-01', value: 99 }], '2026-06-30');
    expect(e.status).toBe('not-started');
    expect(e.expectedProgress).toBe(0);
    expect(e.stale).toBe(false);
    expect(e.checks).toEqual([
      {
        status: 'not-started',
        holds: true,
        reason: 'as of 2026-06-30 is before the start 2026-07-01',
      },
    ]);
  });

  it('no-data: no snapshot at all', () => {
    const e = evaluate({ ...RISE, target: 70 }, [], '2026-08-01');
    expect(e.status).toBe('no-data');
    expect(e.current).toBeNull();
    expect(e.progress).toBeNull();
    expect(e.stale).toBe(false);
  });

  it('no-data: snapshots only after as of', () => {
    const e = evaluate({ ...RISE, target: 70 }, [{ date: '2026-08-02', value: 60 }], '2026-08-01');
    expect(e.status).toBe('no-data');
  });

  it('missed after the deadline with no data by it, even with snapshots after it (DESIGN §6 rule 2)', () => {
    const e = evaluate({ ...RISE, target: 70 }, [{ date: '2026-10-01', value: 80 }], '2026-11-16');
    expect(e.status).toBe('missed');
    expect(e.current).toBeNull();
    expect(e.checks).toEqual([
      { status: 'not-started', holds: false, reason: 'the goal started on 2026-07-01' },
      { status: 'no-data', holds: false, reason: 'the deadline 2026-09-28 has passed' },
      {
        status: 'achieved',
        holds: false,
        reason:
          'no data by the deadline 2026-09-28: no snapshot on or before it, so nothing shows the target was met',
      },
      {
        status: 'missed',
        holds: true,
        reason: 'no data by the deadline 2026-09-28: no snapshot on or before it',
      },
    ]);
    // the snapshot after the deadline still shows the data has not stopped
    expect(e.stale).toBe(true);
  });

  it('missed after the deadline with no data at all, for stay goals too', () => {
    for (const type of ['increase', 'stay-above'] as const) {
      const e = evaluate({ ...RISE, type, target: 70 }, [], '2026-10-01');
      expect(e.status).toBe('missed');
      expect(e.stale).toBe(false);
      expect(e.checks.at(-1)).toEqual({
        status: 'missed',
        holds: true,
        reason: 'no data by the deadline 2026-09-28: no snapshot on or before it',
      });
    }
  });

  it('on the deadline day with no data it is still no-data (the day ends at 24:00)', () => {
    expect(evaluate({ ...RISE, target: 70 }, [], '2026-09-28').status).toBe('no-data');
  });

  it('a snapshot before the start counts as current (DESIGN §6: on or before as of)', () => {
    const e = evaluate({ ...RISE, target: 70 }, [{ date: '2026-06-25', value: 50 }], '2026-07-05');
    expect(e.status).not.toBe('no-data');
    expect(e.current).toEqual({ date: '2026-06-25', value: 50 });
  });
});

describe('baselines and targets', () => {
  const NO_BASELINE = { metric: 'score', start: '2026-07-01', deadline: '2026-09-28' };

  it('without a baseline: the first snapshot on or after the start', () => {
    const points = [{ date: '2026-06-20', value: 40 }, ...RISING];
    const e = evaluate({ ...NO_BASELINE, target: 72 }, points, '2026-07-31');
    expect(e.baseline).toEqual({ value: 50, date: '2026-07-01', from: 'snapshot' });
    expect(e.forecastProgress).toBe(22.25 / 22);
  });

  it('a relative target resolves against that baseline', () => {
    const e = evaluate({ ...NO_BASELINE, target: '+10%' }, RISING, '2026-07-31');
    expect(e.target).toBe(55);
    expect(e.status).toBe('achieved');
    const figure = e.figures.find((f) => f.name === 'target')!;
    expect(figure.formula).toBe('baseline + change × |baseline|');
    expect(figure.inputs).toEqual([
      { name: 'baseline', value: 50, kind: 'value' },
      { name: 'change', value: 0.1, kind: 'ratio' },
    ]);
  });

  describe('a relative target on a negative baseline (issue 15.5): a change of its size', () => {
    const NPS = { metric: 'nps', baseline: -20, start: '2026-07-01', deadline: '2026-09-28' };

    it('NPS −20 "+50%" is −10: falling to −28 is not achieved but off track', () => {
      // Before: −20 × 1.5 = −30, and −28 ≥ −30 was "achieved" while NPS fell.
      const e = evaluate(
        { ...NPS, target: '+50%' },
        [{ date: '2026-07-31', value: -28 }],
        '2026-07-31',
      );
      expect(e.target).toBe(-10);
      expect(e.progress).toBe(-8 / 10); // (−28 + 20) ÷ (−10 + 20)
      expect(e.status).toBe('off-track');
    });

    it('NPS −20 "+50%" reached at −10 is achieved', () => {
      const e = evaluate(
        { ...NPS, target: '+50%' },
        [{ date: '2026-07-31', value: -10 }],
        '2026-07-31',
      );
      expect(e.status).toBe('achieved');
    });

    it('a decrease goal on a negative value: −20 "-50%" is −30', () => {
      const e = evaluate(
        { ...NPS, type: 'decrease', target: '-50%' },
        [{ date: '2026-07-31', value: -25 }],
        '2026-07-31',
      );
      expect(e.target).toBe(-30);
      expect(e.progress).toBe(0.5); // (−25 + 20) ÷ (−30 + 20)
    });

    it('positive baselines as before: 40 "+50%" is 60', () => {
      const e = evaluate({ ...NPS, baseline: 40, target: '+50%' }, [], '2026-07-31');
      expect(e.target).toBe(60);
    });
  });

  it('nothing since the start yet: the newest snapshot before it stands in', () => {
    const e = evaluate(
      { ...NO_BASELINE, target: '+5' },
      [{ date: '2026-06-29', value: 40 }],
      '2026-07-03',
    );
    expect(e.baseline).toEqual({ value: 40, date: '2026-06-29', from: 'before-start' });
    expect(e.target).toBe(45);
    expect(e.progress).toBe(0);
    // 3 of 90 days: expected 0.033 − 0.2 < 0 ≤ progress
    expect(e.status).toBe('at-risk');
  });

  it('a snapshot after as of never becomes the baseline', () => {
    const e = evaluate({ ...NO_BASELINE, target: 72 }, RISING, '2026-06-30');
    expect(e.baseline).toBeNull();
    expect(e.status).toBe('not-started');
  });

  it('a baseline that already meets the target leaves progress without a scale', () => {
    const e = evaluate(
      { ...RISE, baseline: 80, target: 70 },
      [{ date: '2026-07-10', value: 60 }],
      '2026-07-11',
    );
    expect(e.progress).toBeNull();
    expect(e.status).toBe('off-track');
    expect(e.figures.find((f) => f.name === 'progress')!.note).toBe(
      'the baseline already meets the target: there is no way to go',
    );
  });

  it('a baseline equal to the target leaves no way to go either', () => {
    const e = evaluate(
      { ...RISE, baseline: 70, target: 70 },
      [{ date: '2026-07-10', value: 72 }],
      '2026-07-11',
    );
    expect(e.progress).toBeNull();
    expect(e.figures.find((f) => f.name === 'progress')!.note).toBe(
      'the baseline already meets the target: there is no way to go',
    );
  });
});

describe('expected progress through milestones', () => {
  // fcr-75 of goals.example.yaml: 68 → 75, 2026-07-01 … 2026-12-31, 71 by 2026-09-30.
  const FCR = {
    metric: 'fcr',
    baseline: 68,
    target: 75,
    start: '2026-07-01',
    deadline: '2026-12-31',
    milestones: [{ date: '2026-09-30', target: 71 }],
  };

  it('before the milestone: from 0 to 3/7 over its 92 days', () => {
    const e = evaluate(FCR, [{ date: '2026-08-10', value: 69 }], '2026-08-15');
    expect(e.expectedProgress).toBe((3 / 7) * (46 / 92));
  });

  it('on the milestone day: exactly its progress', () => {
    const e = evaluate(FCR, [{ date: '2026-09-28', value: 70 }], '2026-09-30');
    expect(e.expectedProgress).toBe(3 / 7);
  });

  it('after the milestone: from 3/7 to 1 over the remaining 92 days', () => {
    const e = evaluate(FCR, [{ date: '2026-11-16', value: 71 }], '2026-11-16');
    expect(e.expectedProgress).toBe(3 / 7 + (1 - 3 / 7) * (47 / 92));
    expect(e.path.map((k) => [k.kind, k.date, k.position])).toEqual([
      ['start', '2026-07-01', 0],
      ['milestone', '2026-09-30', 92],
      ['deadline', '2026-12-31', 184],
    ]);
  });

  it('a linear goal of the same dates expects more by mid-November', () => {
    const { milestones: _, ...linear } = FCR;
    const e = evaluate(linear, [{ date: '2026-11-16', value: 71 }], '2026-11-16');
    expect(e.expectedProgress).toBe(139 / 184);
  });

  it('milestones change the status without a forecast', () => {
    // progress 3/7 = 0.43; expected 0.72 with the milestone (off-track), 0.76 without.
    const e = evaluate(FCR, [{ date: '2026-11-16', value: 71 }], '2026-11-16');
    expect(e.status).toBe('off-track');
    const early = evaluate(FCR, [{ date: '2026-09-30', value: 71 }], '2026-09-30');
    expect(early.status).toBe('on-track');
  });
});

describe('stay-above and stay-below goals', () => {
  // Keep ≥ 90 % from 2026-10-01 to 2026-12-31.
  const SLA = { metric: 'frt_within_sla', type: 'stay-above', target: 90, deadline: '2026-Q4' };

  it('every snapshot held and the trend holds → on-track', () => {
    const e = evaluate(SLA, series('2026-10-05', 7, [92, 93, 92, 93, 92, 93, 92]), '2026-11-16');
    expect(e.start).toBe('2026-10-01');
    expect(e.held).toEqual({ met: 7, total: 7 });
    expect(e.progress).toBeNull();
    expect(e.expectedProgress).toBeNull();
    expect(e.pace.neededPerWeek).toBeNull();
    expect(e.status).toBe('on-track');
  });

  it('an earlier snapshot broke it, the latest holds → at-risk', () => {
    const e = evaluate(SLA, series('2026-10-05', 7, [92, 89, 92, 93, 92, 93, 92]), '2026-11-16');
    expect(e.held).toEqual({ met: 6, total: 7 });
    expect(e.status).toBe('at-risk');
    expect(e.checks.at(-1)!.reason).toBe(
      'the latest snapshot 92 % is ≥ 90 %, but 1 of 7 snapshots from 2026-10-01 to 2026-11-16 broke ≥ 90 % (first on 2026-10-12: 89 %)',
    );
  });

  it('all held, but the trend crosses the threshold by the deadline → at-risk', () => {
    // −0.5 a week: 90.5 on 2026-11-16, 87.3 forecast at the deadline 45 days later.
    const e = evaluate(
      SLA,
      series('2026-10-05', 7, [93.5, 93, 92.5, 92, 91.5, 91, 90.5]),
      '2026-11-16',
    );
    expect(e.held).toEqual({ met: 7, total: 7 });
    expect(e.forecast).toBeCloseTo(90.5 - (0.5 / 7) * 45, 9);
    expect(e.status).toBe('at-risk');
  });

  it('the latest snapshot breaks it → off-track', () => {
    const e = evaluate(SLA, series('2026-10-05', 7, [92, 93, 92, 93, 92, 93, 88]), '2026-11-16');
    expect(e.status).toBe('off-track');
  });

  it('after the deadline, every snapshot in the period held → achieved', () => {
    const points = [
      { date: '2026-09-28', value: 80 }, // before the start: does not count
      ...series('2026-10-05', 14, [91, 92, 93, 94, 95, 96, 97]),
      { date: '2027-01-04', value: 70 }, // after the deadline: does not count
    ];
    const e = evaluate(SLA, points, '2027-02-01');
    expect(e.held).toEqual({ met: 7, total: 7 });
    expect(e.status).toBe('achieved');
  });

  it('after the deadline, one snapshot broke it → missed', () => {
    const e = evaluate(SLA, series('2026-10-05', 14, [91, 92, 89.9, 94, 95, 96, 97]), '2027-02-01');
    expect(e.status).toBe('missed');
  });

  it('stay-below mirrors stay-above', () => {
    const below = { ...SLA, type: 'stay-below', target: -90 };
    const values = [92, 89, 92, 93, 92, 93, 92].map((v) => -v);
    const e = evaluate(below, series('2026-10-05', 7, values), '2026-11-16');
    expect(e.status).toBe('at-risk');
    const broken = evaluate(below, series('2026-10-05', 7, [-92, -93, -88]), '2026-10-20');
    expect(broken.status).toBe('off-track');
  });

  it('a threshold met exactly holds (ties meet)', () => {
    const e = evaluate(SLA, series('2026-10-05', 7, [90, 90, 90]), '2026-10-20');
    expect(e.status).toBe('on-track');
  });
});

describe('confidence (DESIGN §12): the 80 % interval and the chance', () => {
  // The monthly CSAT series of test/core/confidence.test.ts, whose interval at
  // 2026-12-31 (84.0071…–85.5986…) and chance of ≥ 85 (0.34699…) come from an
  // independent Python implementation of docs/confidence.md.
  const CSAT = {
    metric: 'csat',
    baseline: 78,
    target: 85,
    start: '2026-01-01',
    deadline: '2026-12-31',
  };
  const points = [
    '2026-01-01',
    '2026-02-01',
    '2026-03-01',
    '2026-04-01',
    '2026-05-01',
    '2026-06-01',
    '2026-07-01',
    '2026-08-01',
  ].map((date, i) => ({ date, value: [78.2, 79.1, 78.6, 80.3, 80.9, 80.1, 81.7, 82.0][i]! }));

  it('comes from the snapshots since the start, composed with the forecast', () => {
    // A snapshot before the start is not part of the goal's spread.
    const e = evaluate(CSAT, [{ date: '2025-12-01', value: 60 }, ...points], '2026-08-01', {
      forecastBand: true,
    });
    expect(e.forecast).toBeCloseTo(84.80284591194969, 9);
    expect(e.forecastInterval![0]).toBeCloseTo(84.00708834112349, 9);
    expect(e.forecastInterval![1]).toBeCloseTo(85.59860348277589, 9);
    expect(e.chance).toBeCloseTo(0.34698709789342735, 9);
    const chance = e.figures.find((f) => f.name === 'chance')!;
    expect(chance.inputs.map((i) => i.name)).toEqual(['target', 'forecast', 'scale']);
    expect(chance.inputs[2]!.value).toBeCloseTo(0.4394566498608551, 9);
    expect(chance.note).toBeUndefined();
    // The band runs from the newest snapshot to the deadline, ending on the interval.
    expect(e.forecastBand).toHaveLength(9);
    expect(e.forecastBand[0]!.date).toBe('2026-08-01');
    expect(e.forecastBand.at(-1)).toEqual({
      date: '2026-12-31',
      low: e.forecastInterval![0],
      high: e.forecastInterval![1],
    });
    // Only charts ask for the band.
    expect(evaluate(CSAT, points, '2026-08-01').forecastBand).toEqual([]);
  });

  it('is none with fewer than 8 dates, and says how many there are', () => {
    const e = evaluate(CSAT, points.slice(0, 5), '2026-05-01');
    expect([e.forecastInterval, e.chance, e.forecastBand]).toEqual([null, null, []]);
    expect(e.figures.find((f) => f.name === 'chance')!.note).toBe(
      'needs snapshots on at least 8 dates from 2026-01-01 to 2026-05-01 (5 so far)',
    );
  });

  it('is none once the deadline has passed: the status is final', () => {
    const e = evaluate({ ...CSAT, deadline: '2026-07-31' }, points, '2026-08-15');
    expect([e.forecastInterval, e.chance]).toEqual([null, null]);
    expect(e.figures.find((f) => f.name === 'forecastInterval')!.note).toBe(
      'the deadline has passed: the status is final',
    );
  });

  it('is 0 for a stay goal a snapshot has already broken, a fact and not an estimate', () => {
    const SLA = { metric: 'frt_within_sla', type: 'stay-above', target: 90, deadline: '2026-Q4' };
    const e = evaluate(SLA, series('2026-10-05', 7, [92, 89, 92, 93, 92, 93, 92]), '2026-11-16');
    expect(e.chance).toBe(0);
    expect(e.figures.find((f) => f.name === 'chance')!.note).toBe(
      'a snapshot since the start already broke ≥ 90 %',
    );
  });
});

describe('stale', () => {
  const points = [{ date: '2026-08-01', value: 60 }];

  it('newest snapshot exactly stale_after old is not stale, one day more is', () => {
    expect(evaluate({ ...RISE, target: 70 }, points, '2026-08-15').stale).toBe(false);
    expect(evaluate({ ...RISE, target: 70 }, points, '2026-08-16').stale).toBe(true);
  });

  it('stale_after comes from the options (fractional days allowed)', () => {
    const e = evaluate({ ...RISE, target: 70 }, points, '2026-08-03', { staleAfterDays: 1.5 });
    expect(e.stale).toBe(true);
  });

  it('an achieved goal can be stale', () => {
    const e = evaluate({ ...RISE, target: 60 }, points, '2026-09-01');
    expect([e.status, e.stale]).toEqual(['achieved', true]);
  });

  it('after the deadline: the newest snapshot up to as of counts, even one after the deadline', () => {
    const late = [
      { date: '2026-09-21', value: 60 },
      { date: '2027-02-20', value: 65 }, // the export still comes: not stale
    ];
    const e = evaluate({ ...RISE, target: 70 }, late, '2027-03-01');
    expect(e.status).toBe('missed');
    expect(e.current).toEqual({ date: '2026-09-21', value: 60 });
    expect(e.latest).toEqual({ date: '2027-02-20', value: 65 });
    expect(e.stale).toBe(false);
    const stopped = evaluate({ ...RISE, target: 70 }, late.slice(0, 1), '2027-03-01');
    expect(stopped.stale).toBe(true);
  });
});

describe("stale without stale_after: the series' cadence (issue 13.7)", () => {
  it('the usual gap is of the newest snapshots only: monthly data turned weekly is stale after 14 days', () => {
    // 15 snapshots 30 days apart, then 12 a week apart: the newest 12 have 11 gaps of 7 days
    // (limit 14); all of them would have 14 gaps of 30 and 12 of 7, a median of 30 (limit 60)
    const monthly = series(
      '2025-01-01',
      30,
      Array.from({ length: 15 }, () => 60),
    );
    const weekly = series(
      addDays(monthly.at(-1)!.date, 7),
      7,
      Array.from({ length: 12 }, () => 60),
    );
    const newest = weekly.at(-1)!.date;
    const e = evaluate(
      { metric: 'score', baseline: 50, target: 75, start: '2026-01-01', deadline: '2026-12-31' },
      [...monthly, ...weekly],
      addDays(newest, 20),
      { staleAfterDays: undefined },
    );
    expect(e.stale).toBe(true);
    expect(e.figures.find((f) => f.name === 'stale')!.inputs).toEqual([
      { name: 'age', value: 20, kind: 'days' },
      { name: 'usual gap', value: 7, kind: 'days' },
      { name: 'stale_after', value: 14, kind: 'days' },
    ]);
  });

  const byCadence = { staleAfterDays: undefined };
  // SF311-like: a value on the first of every month, January to October 2026.
  // Gaps 31, 28, 31, 30, 31, 30, 31, 31, 30: median 31 days, limit 2 × 31 = 62.
  const MONTHLY = Array.from({ length: 10 }, (_, i) => ({
    date: `2026-${String(i + 1).padStart(2, '0')}-01`,
    value: 40 + i,
  }));
  const CALLS = {
    metric: 'score',
    baseline: 40,
    target: 60,
    start: '2026-01-01',
    deadline: '2026-12-31',
  };

  it('monthly data is not stale in the weeks before the next month comes', () => {
    const e = evaluate(CALLS, MONTHLY, '2026-10-20', byCadence);
    expect(e.stale).toBe(false); // 19 days old, over the old 14-day default
    expect(e.staleAfterDays).toBe(62);
    expect(e.figures.find((f) => f.name === 'stale')!.inputs).toEqual([
      { name: 'age', value: 19, kind: 'days' },
      { name: 'usual gap', value: 31, kind: 'days' },
      { name: 'stale_after', value: 62, kind: 'days' },
    ]);
  });

  it('…and is stale once two months have gone by without one', () => {
    expect(evaluate(CALLS, MONTHLY, '2026-12-02', byCadence).stale).toBe(false); // 62 days
    expect(evaluate(CALLS, MONTHLY, '2026-12-03', byCadence).stale).toBe(true); // 63 days
  });

  it('stale_after, when written, wins', () => {
    const e = evaluate(CALLS, MONTHLY, '2026-10-20', { staleAfterDays: 14 });
    expect([e.stale, e.staleAfterDays]).toEqual([true, 14]);
  });

  it('weekly data keeps 14 days (2 × 7); daily data and a single snapshot at least 14', () => {
    const weekly = series('2026-07-06', 7, [50, 51, 52, 53]);
    expect(evaluate({ ...RISE, target: 70 }, weekly, '2026-08-01', byCadence).staleAfterDays).toBe(
      14,
    );
    const daily = series('2026-07-01', 1, [50, 51, 52, 53, 54]);
    expect(evaluate({ ...RISE, target: 70 }, daily, '2026-07-20', byCadence).staleAfterDays).toBe(
      14,
    );
    const single = [{ date: '2026-07-01', value: 50 }];
    const e = evaluate({ ...RISE, target: 70 }, single, '2026-07-16', byCadence);
    expect([e.staleAfterDays, e.stale]).toEqual([14, true]);
  });

  it('the usual gap is the median of the last 11: a month of daily data after years of monthly', () => {
    const mixed = [...MONTHLY, ...series('2026-10-02', 1, Array(12).fill(50) as number[])];
    // newest 12 snapshots: 10-01 … 10-13, gaps all 1 day → 14
    expect(evaluate(CALLS, mixed, '2026-10-20', byCadence).staleAfterDays).toBe(14);
  });
});

describe('recent pace', () => {
  it('is the Theil–Sen slope of the last six weeks × 7', () => {
    // +1 a week for 10 weeks, then +3 a week: the last six weeks see +3 (and the turn).
    const values = [50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 62, 65, 68, 71, 74];
    const e = evaluate(
      { ...RISE, target: 90, deadline: '2026-12-31' },
      series('2026-07-01', 7, values),
      '2026-10-07',
    );
    expect(e.figures.find((f) => f.name === 'pace.perWeek')!.snapshots.map((p) => p.date)).toEqual([
      '2026-08-26',
      '2026-09-02',
      '2026-09-09',
      '2026-09-16',
      '2026-09-23',
      '2026-09-30',
      '2026-10-07',
    ]);
    expect(e.pace.perWeek).toBe(3);
  });

  it('a sparse (monthly) series uses its last three snapshots', () => {
    const monthly = [
      { date: '2026-04-30', value: 3 },
      { date: '2026-05-31', value: 2.9 },
      { date: '2026-06-30', value: 2.8 },
      { date: '2026-07-31', value: 2.6 },
    ];
    const e = evaluate(
      {
        metric: 'churn_rate',
        baseline: 2.8,
        target: 2,
        start: '2026-07-01',
        deadline: '2026-09-30',
      },
      monthly,
      '2026-08-15',
    );
    expect(e.figures.find((f) => f.name === 'pace.perWeek')!.snapshots).toEqual(monthly.slice(1));
    // slopes −0.1/30, −0.3/61, −0.2/31 per day: the median is −0.3/61
    expect(e.pace.perWeek).toBeCloseTo((-0.3 / 61) * 7, 12);
  });
});

describe('one day convention: a date is the end of its day (issue 15.7)', () => {
  it('on the first day a goal that has not moved is one day behind its path: at risk, never off track', () => {
    // 2026-07-01 … 2026-09-28 is 90 days; by the end of 07-01, 1 of them has passed.
    const e = evaluate({ ...RISE, target: 75 }, [{ date: '2026-07-01', value: 50 }], '2026-07-01');
    expect(e.expectedProgress).toBe(1 / 90);
    expect(e.progress).toBe(0);
    expect(e.status).toBe('at-risk');
    expect(e.checks.slice(-2)).toEqual([
      {
        status: 'on-track',
        holds: false,
        reason:
          'no forecast (snapshots on fewer than 3 dates since 2026-07-01): progress 0 % < expected 1.1 %',
      },
      {
        status: 'at-risk',
        holds: true,
        reason: 'progress 0 % ≥ expected 1.1 % − margin 20 % = -18.9 %',
      },
    ]);
  });

  it('the recent pace spans 42 days from its first to its last snapshot: 43 dates, both ends in', () => {
    // daily values; as of 2026-10-07 the window is 2026-08-26 (= 10-07 − 42) … 10-07
    const daily = series(
      '2026-08-20',
      1,
      Array.from({ length: 49 }, (_, i) => 50 + i),
    );
    const e = evaluate({ ...RISE, target: 200, deadline: '2026-12-31' }, daily, '2026-10-07');
    const window = e.figures.find((f) => f.name === 'pace.perWeek')!.snapshots;
    expect(window).toHaveLength(43);
    expect([window[0]!.date, window.at(-1)!.date]).toEqual(['2026-08-26', '2026-10-07']);
    expect(e.pace.perWeek).toBe(7);
  });
});

describe('small samples: settings.min_sample (DESIGN §11)', () => {
  // CSAT 80 → 90 over Q3 2026, monthly records snapshots with the ratings behind each.
  const CSAT = {
    metric: 'csat',
    baseline: 80,
    target: 90,
    start: '2026-07-01',
    deadline: '2026-09-30',
  };
  const monthly = (augustRows: number): Point[] => [
    { date: '2026-07-01', value: 82, n: 40 },
    { date: '2026-08-01', value: 91, n: augustRows },
    { date: '2026-09-01', value: 93, n: 9 },
  ];
  const sampleOf = (e: GoalEvaluation) => e.figures.find((f) => f.name === 'sample');

  it('9 ratings meeting the target are not achieved alone, nor with 18 more from the month before: 27 < 30', () => {
    const e = evaluate(CSAT, monthly(18), '2026-09-05');
    expect(e.checks[2]).toEqual({
      status: 'achieved',
      holds: false,
      reason:
        'current 93 % (2026-09-01) is ≥ 90 %, but from 27 rows over the 2 snapshots meeting it, fewer than min_sample 30: a small sample is never the only evidence for achieved',
    });
    // the trend decides instead: slopes 9/31, 11/62, 2/31 a day, median 11/62;
    // at 09-30 the points give 82 + 91·11/62, 91 + 60·11/62, 93 + 29·11/62: median 98.145
    expect(e.forecast).toBeCloseTo(93 + (29 * 11) / 62, 9);
    expect(e.status).toBe('on-track');
    expect(sampleOf(e)).toEqual({
      name: 'sample',
      value: 27,
      kind: 'count',
      formula:
        'rows behind the current snapshot and, while fewer than min_sample, the snapshots just before it that meet the target too',
      inputs: [
        { name: 'snapshots', value: 2, kind: 'count' },
        { name: 'min_sample', value: 30, kind: 'count' },
      ],
      // July (82 %) does not meet the target: the run stops there
      snapshots: monthly(18).slice(1),
      note: 'a small sample: fewer than min_sample 30 rows, never the only evidence for achieved',
    });
  });

  it('with 21 ratings in August the two months hold 30: achieved', () => {
    const e = evaluate(CSAT, monthly(21), '2026-09-05');
    expect(e.status).toBe('achieved');
    expect(e.checks.at(-1)!.reason).toBe('current 93 % (2026-09-01) is ≥ 90 %');
    expect(sampleOf(e)!.value).toBe(30);
    expect(sampleOf(e)!.note).toBeUndefined();
  });

  it('the run of snapshots reaches back only as far as min_sample needs', () => {
    const e = evaluate(CSAT, monthly(21), '2026-09-05', { minSample: 9 });
    expect(e.status).toBe('achieved');
    expect(sampleOf(e)!.value).toBe(9);
    expect(sampleOf(e)!.snapshots).toEqual([{ date: '2026-09-01', value: 93, n: 9 }]);
  });

  it('the run stops as soon as it holds min_sample rows, though the month before meets the target too', () => {
    const points = [
      { date: '2026-07-01', value: 91, n: 40 },
      { date: '2026-08-01', value: 91, n: 21 },
      { date: '2026-09-01', value: 93, n: 9 },
    ];
    const e = evaluate(CSAT, points, '2026-09-05');
    expect(e.status).toBe('achieved');
    // 9 + 21 = 30: July is not needed
    expect(sampleOf(e)).toMatchObject({ value: 30, snapshots: points.slice(1) });
  });

  it('after the deadline a target met on a small sample is missed, with the reason', () => {
    const e = evaluate(CSAT, monthly(18), '2026-10-10');
    expect(e.status).toBe('missed');
    expect(e.checks.slice(2)).toEqual([
      {
        status: 'achieved',
        holds: false,
        reason:
          'current 93 % (2026-09-01) is ≥ 90 %, but from 27 rows over the 2 snapshots meeting it, fewer than min_sample 30: a small sample is never the only evidence for achieved',
      },
      {
        status: 'missed',
        holds: true,
        reason:
          'the deadline 2026-09-30 has passed and current 93 % (2026-09-01) is ≥ 90 %, but from 27 rows over the 2 snapshots meeting it, fewer than min_sample 30: a small sample is never the only evidence for achieved',
      },
    ]);
  });

  it('a value from a KPI file is no sample: beside it, a small one does not hold achieved back', () => {
    const points = [
      { date: '2026-08-01', value: 91 },
      { date: '2026-09-01', value: 93, n: 9 },
    ];
    const e = evaluate(CSAT, points, '2026-09-05');
    expect(e.status).toBe('achieved');
    expect(sampleOf(e)).toMatchObject({ value: null, snapshots: points });
    expect(sampleOf(e)!.note).toBeUndefined();
    // without any rows there is no sample figure at all
    const kpi = evaluate(CSAT, [{ date: '2026-09-01', value: 93 }], '2026-09-05');
    expect(kpi.status).toBe('achieved');
    expect(sampleOf(kpi)).toBeUndefined();
  });

  it('a small sample that does not meet the target is marked, and changes nothing else', () => {
    const points = [{ date: '2026-09-01', value: 85, n: 9 }];
    const e = evaluate(CSAT, points, '2026-09-05');
    expect(sampleOf(e)).toMatchObject({ value: 9, snapshots: points });
    expect(sampleOf(e)!.note).toBe(
      'a small sample: fewer than min_sample 30 rows, never the only evidence for achieved',
    );
    // progress 0.5 < expected 67/92 − 0.2 = 0.528
    expect(e.checks.at(-1)).toEqual({
      status: 'off-track',
      holds: true,
      reason: 'progress 50 % is below 52.8 %',
    });
  });

  it('met on a small sample with nothing else to judge by: on track', () => {
    // the baseline already meets the target: progress has no scale, and 1 date gives no forecast
    const e = evaluate(
      { ...CSAT, baseline: 92 },
      [{ date: '2026-09-01', value: 93, n: 9 }],
      '2026-09-05',
    );
    expect(e.status).toBe('on-track');
    expect(e.checks.at(-1)!.holds).toBe(true);
    expect(e.checks.at(-1)!.reason).toBe(
      'current 93 % (2026-09-01) is ≥ 90 %, but from 9 rows, fewer than min_sample 30: a small sample is never the only evidence for achieved, there is no forecast, and the baseline gives no scale for progress',
    );
  });

  it('decrease goals pool the run of snapshots at or under the target', () => {
    const FRT = {
      metric: 'first_response_time',
      baseline: '4h',
      target: '2h',
      start: '2026-07-01',
      deadline: '2026-09-30',
    };
    const points = [
      { date: '2026-07-01', value: 7200, n: 12 }, // 2 h: meets (≤)
      { date: '2026-08-01', value: 7500, n: 50 }, // breaks the run
      { date: '2026-08-15', value: 7000, n: 12 },
      { date: '2026-09-01', value: 6000, n: 12 },
    ];
    const e = evaluate(FRT, points, '2026-09-05');
    expect(sampleOf(e)).toMatchObject({ value: 24, snapshots: points.slice(2) });
    expect(e.status).not.toBe('achieved');
    expect(evaluate(FRT, points, '2026-09-05', { minSample: 24 }).status).toBe('achieved');
  });

  it("a stay goal's snapshots together must hold min_sample rows", () => {
    const SLA = { metric: 'frt_within_sla', type: 'stay-above', target: 90, deadline: '2026-Q4' };
    const points = [
      { date: '2026-10-01', value: 92, n: 8 },
      { date: '2026-11-01', value: 95, n: 9 },
      { date: '2026-12-01', value: 91, n: 10 },
    ];
    const e = evaluate(SLA, points, '2027-01-10');
    expect(e.status).toBe('missed');
    expect(e.checks.slice(2).map((c) => c.reason)).toEqual([
      'all 3 snapshots from 2026-10-01 to 2026-12-31 are ≥ 90 %, but from 27 rows over the 3 snapshots meeting it, fewer than min_sample 30: a small sample is never the only evidence for achieved',
      'all 3 snapshots from 2026-10-01 to 2026-12-31 are ≥ 90 %, but from 27 rows over the 3 snapshots meeting it, fewer than min_sample 30: a small sample is never the only evidence for achieved',
    ]);
    expect(sampleOf(e)!.formula).toBe('rows behind the snapshots the goal is judged on');
    expect(evaluate(SLA, points, '2027-01-10', { minSample: 27 }).status).toBe('achieved');
    // before the deadline nothing is achieved anyway: on track as every snapshot held
    expect(evaluate(SLA, points, '2026-12-05').status).toBe('on-track');
    // a broken threshold is the reason, not the sample
    const broke = evaluate(SLA, [...points, { date: '2026-12-15', value: 80, n: 5 }], '2027-01-10');
    expect(broke.checks.at(-1)!.reason).toBe(
      '1 of 4 snapshots from 2026-10-01 to 2026-12-31 broke ≥ 90 % (first on 2026-12-15: 80 %)',
    );
  });

  it('several snapshots on one date: their rows add up, and one partial period makes it partial', () => {
    const e = evaluate(
      CSAT,
      [
        { date: '2026-09-01', value: 91, n: 10 },
        { date: '2026-09-01', value: 95, n: 25, partial: true },
      ],
      '2026-09-05',
    );
    expect(e.current).toEqual({ date: '2026-09-01', value: 93, n: 35, partial: true });
    expect(e.status).toBe('achieved');
    // a date with a KPI value among them has no rows
    const mixed = evaluate(
      CSAT,
      [
        { date: '2026-09-01', value: 91, n: 10 },
        { date: '2026-09-01', value: 95 },
      ],
      '2026-09-05',
    );
    expect(mixed.current).toEqual({ date: '2026-09-01', value: 93 });
  });
});

describe('snapshots as given', () => {
  it('several snapshots on one date count once, by their median', () => {
    const e = evaluate(
      { ...RISE, target: 70 },
      [
        { date: '2026-08-01', value: 60 },
        { date: '2026-08-01', value: 64 },
        { date: '2026-08-01', value: 62 },
      ],
      '2026-08-02',
    );
    expect(e.current).toEqual({ date: '2026-08-01', value: 62 });
  });

  it('in any order, without the values that are no number', () => {
    const e = evaluate(
      { ...RISE, target: 70 },
      [
        { date: '2026-08-01', value: 60 },
        { date: '2026-08-03', value: Number.NaN },
        { date: '2026-07-20', value: 58 },
      ],
      '2026-08-05',
    );
    // a KPI value has no n and no partial flag, not even undefined ones
    expect(e.current).toStrictEqual({ date: '2026-08-01', value: 60 });
    expect(e.latest).toStrictEqual({ date: '2026-08-01', value: 60 });
    const partial = evaluate(
      { ...RISE, target: 70 },
      [{ date: '2026-08-01', value: 60, n: 12, partial: true }],
      '2026-08-05',
    );
    expect(partial.current).toStrictEqual({ date: '2026-08-01', value: 60, n: 12, partial: true });
  });

  it('the newest snapshot up to as of, not after it, says how fresh the data is', () => {
    const points = [
      { date: '2026-07-01', value: 52 },
      { date: '2026-07-10', value: 54 },
      { date: '2026-08-20', value: 60 },
    ];
    // as of 07-31 the 08-20 snapshot does not exist yet: 21 days old, stale (14)
    const before = evaluate({ ...RISE, target: 70 }, points, '2026-07-31');
    expect(before.latest).toEqual({ date: '2026-07-10', value: 54 });
    expect(before.stale).toBe(true);
    // on its own day it counts: 0 days old
    const onTheDay = evaluate({ ...RISE, target: 70 }, points, '2026-08-20');
    expect(onTheDay.latest).toEqual({ date: '2026-08-20', value: 60 });
    expect(onTheDay.stale).toBe(false);
  });

  it('keeps the last 12 snapshots up to the judged date for sparklines', () => {
    // Every 2 days from 2026-07-01: 16 snapshots up to 2026-07-31 (50 … 65).
    const many = series(
      '2026-07-01',
      2,
      Array.from({ length: 20 }, (_, i) => 50 + i),
    );
    const e = evaluate({ ...RISE, target: 100 }, many, '2026-07-31');
    expect(e.recent.map((p) => p.value)).toEqual([54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65]);
    expect(e.recent.at(-1)).toEqual({ date: '2026-07-31', value: 65 });
  });
});

describe('goals that cannot be evaluated', () => {
  it('names what is missing, with the key at fault', () => {
    expect(findEvaluationProblems(goalOf({ metric: 'score', deadline: '2026-Q4' }))).toEqual([
      { message: 'it has no target', path: ['target'] },
    ]);
    expect(
      findEvaluationProblems(goalOf({ metric: 'nope', target: 5, deadline: '2026-Q4' })),
    ).toEqual([{ message: 'its metric "nope" is not in the catalog', path: ['metric'] }]);
    expect(
      findEvaluationProblems(goalOf({ metric: 'ticket_volume', target: 5, deadline: '2026-Q4' })),
    ).toEqual([
      {
        message: 'its metric ticket_volume has no better direction, and it has no type',
        path: ['type'],
      },
    ]);
    expect(
      findEvaluationProblems(
        goalOf({ metric: 'score', target: 5, start: '2026-10-01', deadline: '2026-09-30' }),
      ),
    ).toEqual([
      { message: 'its deadline 2026-09-30 is not after its start 2026-10-01', path: ['deadline'] },
    ]);
    expect(
      findEvaluationProblems(
        goalOf({ ...RISE, target: 70, milestones: [{ date: '2026-10-15', target: 60 }] }),
      ),
    ).toEqual([
      {
        message:
          'milestone 2026-10-15 is not after the start and the milestone before it, on or before the deadline',
        path: ['milestones', 0],
      },
    ]);
    expect(findEvaluationProblems(goalOf({ ...RISE, target: 70 }))).toEqual([]);
  });

  it('names each value, date and milestone at fault', () => {
    const problems = (fields: Record<string, unknown>) => findEvaluationProblems(goalOf(fields));
    expect(problems({ target: 5, deadline: '2026-Q4' })).toEqual([
      { message: 'it has no metric', path: ['metric'] },
    ]);
    expect(problems({ metric: 'score', target: 5 })).toEqual([
      { message: 'it has no deadline', path: ['deadline'] },
    ]);
    expect(
      problems({ metric: 'score', target: 5, start: '2026-09-30', deadline: '2026-09-30' }),
    ).toEqual([
      { message: 'its deadline 2026-09-30 is not after its start 2026-09-30', path: ['deadline'] },
    ]);
    expect(problems({ ...RISE, target: '85%' })).toEqual([
      {
        message: 'its target: "85%" is a percentage, but this metric is a score.',
        path: ['target'],
      },
    ]);
    expect(problems({ ...RISE, baseline: '2h', target: 70 })).toEqual([
      {
        message: 'its baseline: "2h" is a duration, but this metric is a score.',
        path: ['baseline'],
      },
    ]);
    const milestones = (...list: Array<{ date: string; target: unknown }>) =>
      problems({ ...RISE, target: 70, milestones: list });
    expect(milestones({ date: '2026-08-01', target: '2h' })).toEqual([
      {
        message: 'milestone 2026-08-01: "2h" is a duration, but this metric is a score.',
        path: ['milestones', 0],
      },
    ]);
    const misplaced = (date: string, path: number) => ({
      message: `milestone ${date} is not after the start and the milestone before it, on or before the deadline`,
      path: ['milestones', path],
    });
    // on the start, or on the date of the milestone before it: not after them
    expect(milestones({ date: '2026-07-01', target: 55 })).toEqual([misplaced('2026-07-01', 0)]);
    expect(
      milestones({ date: '2026-08-01', target: 60 }, { date: '2026-08-01', target: 65 }),
    ).toEqual([misplaced('2026-08-01', 1)]);
    expect(
      milestones({ date: '2026-08-01', target: 60 }, { date: '2026-07-15', target: 65 }),
    ).toEqual([misplaced('2026-07-15', 1)]);
    // the day after the start and the deadline itself are fine
    expect(
      milestones({ date: '2026-07-02', target: 51 }, { date: '2026-09-28', target: 70 }),
    ).toEqual([]);
  });

  it('evaluateGoal refuses a goal with any of them', () => {
    expect(() => evaluate({ ...RISE, baseline: '2h', target: 70 }, [], '2026-07-31')).toThrow(
      'Goal g cannot be evaluated: its baseline: "2h" is a duration, but this metric is a score.',
    );
  });

  it('evaluateGoal refuses them', () => {
    expect(() => evaluate({ metric: 'score', deadline: '2026-Q4' }, [], '2026-11-16')).toThrow(
      'Goal g cannot be evaluated: it has no target.',
    );
  });

  it('evaluateGoal names every problem in one sentence: a full stop ends only the last', () => {
    const refusal = (fields: Record<string, unknown>) => {
      try {
        evaluate(fields, [], '2026-07-31');
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(refusal({ ...RISE, baseline: '2h', target: 'about 8.5' })).toBe(
      'Goal g cannot be evaluated: its target: "about 8.5" is not a value; its baseline: "2h" is a duration, but this metric is a score.',
    );
  });

  it('a start that is no date (goals.yaml has none such, but the API can): named at its key', () => {
    const goal = { ...goalOf({ ...RISE, target: 70 }), start: undefined };
    expect(findEvaluationProblems(goal)).toEqual([
      { message: 'its start is not a date', path: ['start'] },
    ]);
  });
});

describe('derivations for goals explain', () => {
  it('every figure names its formula and inputs', () => {
    const e = evaluate({ ...RISE, target: 75 }, RISING, '2026-07-31');
    expect(e.figures.map((f) => f.name)).toEqual([
      'current',
      'baseline',
      'target',
      'progress',
      'expectedProgress',
      'forecast',
      'forecastProgress',
      'forecastInterval',
      'chance',
      'pace.perWeek',
      'pace.neededPerWeek',
      'daysLeft',
      'stale',
    ]);
    const progress = e.figures.find((f) => f.name === 'progress')!;
    expect(progress).toEqual({
      name: 'progress',
      value: 7.5 / 25,
      kind: 'ratio',
      formula: '(current − baseline) ÷ (target − baseline)',
      inputs: [
        { name: 'current', value: 57.5, kind: 'value' },
        { name: 'baseline', value: 50, kind: 'value' },
        { name: 'target', value: 75, kind: 'value' },
      ],
      snapshots: [{ date: '2026-07-31', value: 57.5 }],
    });
    const forecast = e.figures.find((f) => f.name === 'forecast')!;
    expect(forecast.inputs).toEqual([
      { name: 'snapshots', value: 4, kind: 'count' },
      { name: 'slope', value: 1.75, kind: 'rate' },
      { name: 'deadline', value: '2026-09-28', kind: 'date' },
      // 2026-07-01 … 2026-07-31, and 2026-07-31 … 2026-09-28
      { name: 'span of the snapshots', value: 30, kind: 'days' },
      { name: 'beyond the newest', value: 59, kind: 'days' },
    ]);
    expect(forecast.note).toBeUndefined();
    expect(statusOf(e)).toBe('at-risk');
  });

  const figure = (e: GoalEvaluation, name: string) => e.figures.find((f) => f.name === name)!;
  const NO_BASELINE = { metric: 'score', start: '2026-07-01', deadline: '2026-09-28' };

  it('with no data yet, each figure says what it lacks', () => {
    // as of 2026-07-03: day 3 of 90, 87 days left (28 in July, 31, 28)
    const e = evaluate({ ...NO_BASELINE, target: '+5' }, [], '2026-07-03');
    expect(e.status).toBe('no-data');
    const notes = Object.fromEntries(e.figures.map((f) => [f.name, f.note]));
    expect(notes).toEqual({
      current: 'no snapshot on or before 2026-07-03',
      baseline: 'no baseline in goals.yaml and no snapshot to take it from',
      target: 'a change needs a baseline',
      progress: 'no current value',
      expectedProgress: undefined,
      forecast: 'needs snapshots on at least 3 dates from 2026-07-01 to 2026-07-03',
      forecastProgress: 'no forecast',
      forecastInterval:
        'needs snapshots on at least 8 dates from 2026-07-01 to 2026-07-03 (0 so far)',
      chance: 'needs snapshots on at least 8 dates from 2026-07-01 to 2026-07-03 (0 so far)',
      'pace.perWeek': 'needs snapshots on at least 3 dates',
      'pace.neededPerWeek': 'no current value or target',
      daysLeft: undefined,
      stale: 'never stale when no-data',
    });
    expect(figure(e, 'current')).toMatchObject({
      formula: 'the newest snapshot on or before 2026-07-03',
      inputs: [],
      snapshots: [],
    });
    expect(figure(e, 'baseline')).toMatchObject({
      value: null,
      formula: 'the first snapshot on or after the start 2026-07-01',
      inputs: [],
    });
    expect(figure(e, 'target')).toMatchObject({
      value: null,
      formula: 'baseline + change',
      inputs: [
        { name: 'baseline', value: null, kind: 'value' },
        { name: 'change', value: 5, kind: 'value' },
      ],
    });
    expect(figure(e, 'forecast').inputs).toEqual([{ name: 'snapshots', value: 0, kind: 'count' }]);
    expect(figure(e, 'stale')).toMatchObject({
      value: false,
      formula: 'as of − date of the newest snapshot > stale_after',
      inputs: [
        { name: 'age', value: null, kind: 'days' },
        { name: 'stale_after', value: 14, kind: 'days' },
      ],
    });
    // a relative change says so
    expect(
      figure(evaluate({ ...NO_BASELINE, target: '+10%' }, [], '2026-07-03'), 'target'),
    ).toEqual({
      name: 'target',
      value: null,
      kind: 'value',
      formula: 'baseline + change × |baseline|',
      inputs: [
        { name: 'baseline', value: null, kind: 'value' },
        { name: 'change', value: 0.1, kind: 'ratio' },
      ],
      snapshots: [],
      note: 'a change needs a baseline',
    });
    expect(figure(evaluate({ ...NO_BASELINE, target: 55 }, [], '2026-06-20'), 'stale').note).toBe(
      'never stale when not-started',
    );
  });

  it('the baseline says where it comes from', () => {
    const fromSnapshot = evaluate(
      { ...NO_BASELINE, target: 72 },
      [{ date: '2026-06-20', value: 40 }, ...RISING],
      '2026-07-31',
    );
    expect(figure(fromSnapshot, 'baseline')).toEqual({
      name: 'baseline',
      value: 50,
      kind: 'value',
      formula: 'the first snapshot on or after the start 2026-07-01',
      inputs: [{ name: 'date', value: '2026-07-01', kind: 'date' }],
      snapshots: [{ date: '2026-07-01', value: 50 }],
    });
    const beforeStart = evaluate(
      { ...NO_BASELINE, target: '+5' },
      [{ date: '2026-06-29', value: 40 }],
      '2026-07-03',
    );
    expect(figure(beforeStart, 'baseline')).toEqual({
      name: 'baseline',
      value: 40,
      kind: 'value',
      formula: 'no snapshot on or after the start 2026-07-01 yet: the newest one before it',
      inputs: [{ name: 'date', value: '2026-06-29', kind: 'date' }],
      snapshots: [{ date: '2026-06-29', value: 40 }],
    });
    expect(figure(beforeStart, 'target')).toMatchObject({
      value: 45,
      formula: 'baseline + change',
    });
    expect(figure(beforeStart, 'target').note).toBeUndefined();
    expect(figure(evaluate({ ...RISE, target: 75 }, RISING, '2026-07-31'), 'baseline')).toEqual({
      name: 'baseline',
      value: 50,
      kind: 'value',
      formula: 'written in goals.yaml',
      inputs: [],
      snapshots: [],
    });
  });

  it('after the deadline: the current value is the one by the deadline, and no pace is needed', () => {
    const after = evaluate({ ...RISE, target: 75 }, RISING, '2026-10-05');
    expect(figure(after, 'current').formula).toBe(
      'the newest snapshot on or before 2026-09-28 (the deadline: it has passed)',
    );
    expect(figure(after, 'pace.neededPerWeek')).toMatchObject({
      value: null,
      note: 'the deadline has come',
    });
    // on the deadline's own day there are no days left either: 0, not a division by 0
    const onTheDay = evaluate({ ...RISE, target: 75 }, RISING, '2026-09-28');
    expect(figure(onTheDay, 'daysLeft').value).toBe(0);
    expect(figure(onTheDay, 'pace.neededPerWeek')).toMatchObject({
      value: null,
      note: 'the deadline has come',
    });
  });

  it('a forecast outside the range, reaching too far, gives both reasons', () => {
    // CSAT 80, 90, 99 on 07-01, 07-03, 07-05: slopes 5, 4.75, 4.5 a day, median 4.75;
    // at 09-28 (89, 87, 85 days on): 502.75, 503.25, 502.75 → 502.75 % (shown 502.8 %), above
    // 100 %; 85 days beyond the newest, more than 2 × the 4 days they span
    const e = evaluate(
      { metric: 'csat', baseline: 70, target: 90, start: '2026-07-01', deadline: '2026-09-28' },
      [
        { date: '2026-07-01', value: 80 },
        { date: '2026-07-03', value: 90 },
        { date: '2026-07-05', value: 99 },
      ],
      '2026-07-06',
    );
    expect(figure(e, 'forecast')).toMatchObject({
      value: 100,
      note: 'the trend gives 502.8 %, outside the range of csat (0 % to 100 %): the forecast stops at 100 %; the forecast reaches too far (the deadline is 85 days beyond the newest snapshot, more than 2 × the 4 days the snapshots span): it does not decide the status',
    });
  });

  it('the expected path through milestones names its piece', () => {
    const FCR = {
      metric: 'fcr',
      baseline: 68,
      target: 75,
      start: '2026-07-01',
      deadline: '2026-12-31',
      milestones: [{ date: '2026-09-30', target: 71 }],
    };
    // 2026-11-16: 47 days after the milestone (position 139 − 92), of the 92 to the deadline
    const e = evaluate(FCR, [{ date: '2026-11-16', value: 71 }], '2026-11-16');
    expect(figure(e, 'expectedProgress')).toEqual({
      name: 'expectedProgress',
      value: 3 / 7 + (4 / 7) * (47 / 92),
      kind: 'ratio',
      formula:
        'on the path through the milestones: from + (to − from) × (days since from) ÷ (days from → to), within 0–1',
      inputs: [
        { name: 'from (milestone 2026-09-30)', value: 3 / 7, kind: 'ratio' },
        { name: 'to (deadline 2026-12-31)', value: 1, kind: 'ratio' },
        { name: 'days since from', value: 47, kind: 'days' },
        { name: 'days from → to', value: 92, kind: 'days' },
      ],
      snapshots: [],
      note: 'milestones: 2026-09-30: 71 %',
    });
    // before the start, no days have passed on the first piece
    const early = evaluate(FCR, [], '2026-06-20');
    expect(figure(early, 'expectedProgress').inputs[2]).toEqual({
      name: 'days since from',
      value: 0,
      kind: 'days',
    });
    // a baseline that already meets the target gives the milestones no scale
    const met = evaluate(
      { ...FCR, baseline: 80 },
      [{ date: '2026-08-01', value: 80 }],
      '2026-08-01',
    );
    expect(figure(met, 'expectedProgress')).toEqual({
      name: 'expectedProgress',
      value: null,
      kind: 'ratio',
      formula: 'the path through the milestones, as a share of the way from baseline to target',
      inputs: [],
      snapshots: [],
      note: 'milestones need a baseline that does not already meet the target',
    });
    // without milestones, such a goal still has its elapsed share: 32 of 184 days
    const { milestones: _, ...linear } = FCR;
    const plain = evaluate(
      { ...linear, baseline: 80 },
      [{ date: '2026-08-01', value: 80 }],
      '2026-08-01',
    );
    expect(plain.expectedProgress).toBe(32 / 184);
  });

  it('a stay goal with nothing since the start judges the newest snapshot before it', () => {
    const SLA = {
      metric: 'score',
      type: 'stay-above',
      target: 90,
      start: '2026-07-01',
      deadline: '2026-09-28',
    };
    const e = evaluate(SLA, [{ date: '2026-06-25', value: 92 }], '2026-07-10');
    expect(figure(e, 'held')).toEqual({
      name: 'held',
      value: '1 of 1',
      kind: 'text',
      formula: 'snapshots from 2026-07-01 to 2026-07-10 that are ≥ 90',
      inputs: [
        { name: 'met', value: 1, kind: 'count' },
        { name: 'snapshots', value: 1, kind: 'count' },
      ],
      snapshots: [{ date: '2026-06-25', value: 92 }],
      note: 'no snapshot since the start yet: the newest one before it stands in',
    });
    // once there is one since the start, the one before no longer counts
    const later = evaluate(
      SLA,
      [
        { date: '2026-06-25', value: 80 },
        { date: '2026-07-05', value: 92 },
      ],
      '2026-07-10',
    );
    expect(figure(later, 'held')).toMatchObject({
      value: '1 of 1',
      snapshots: [{ date: '2026-07-05', value: 92 }],
    });
    expect(figure(later, 'held').note).toBeUndefined();
  });
});

describe('the status rules as explain lists them, with their reasons', () => {
  const checksOf = (e: GoalEvaluation) => e.checks.map((c) => [c.status, c.holds, c.reason]);

  it('forecast progress below the at-risk floor: off track', () => {
    // RISING as of 07-31: forecast 72.25 (shown 72.3); (72.25 − 50) ÷ (80 − 50) = 0.7417
    const e = evaluate({ ...RISE, target: 80 }, RISING, '2026-07-31');
    expect(checksOf(e)).toEqual([
      ['not-started', false, 'the goal started on 2026-07-01'],
      ['no-data', false, 'the newest snapshot on or before 2026-07-31 is from 2026-07-31'],
      ['achieved', false, 'current 57.5 (2026-07-31) is not ≥ 80'],
      ['missed', false, 'the deadline 2026-09-28 has not passed'],
      ['on-track', false, 'forecast progress 74.2 % < 100 % (forecast 72.3 at 2026-09-28)'],
      ['at-risk', false, 'forecast progress 74.2 % < 100 % − margin 20 % = 80 %'],
      ['off-track', true, 'forecast progress 74.2 % is below 80 %'],
    ]);
  });

  it('forecast progress within the margin: at risk', () => {
    // (72.25 − 50) ÷ (75 − 50) = 0.89
    const e = evaluate({ ...RISE, target: 75 }, RISING, '2026-07-31');
    expect(checksOf(e).slice(4)).toEqual([
      ['on-track', false, 'forecast progress 89 % < 100 % (forecast 72.3 at 2026-09-28)'],
      ['at-risk', true, 'forecast progress 89 % ≥ 100 % − margin 20 % = 80 %'],
    ]);
  });

  it('without a forecast, progress against expected progress', () => {
    // 2 dates: progress 7.5 ÷ 25 = 0.3, expected 31 ÷ 90 = 0.344, floor 0.144
    const atRisk = evaluate(
      { ...RISE, target: 75 },
      [
        { date: '2026-07-01', value: 50 },
        { date: '2026-07-31', value: 57.5 },
      ],
      '2026-07-31',
    );
    expect(checksOf(atRisk).slice(4)).toEqual([
      [
        'on-track',
        false,
        'no forecast (snapshots on fewer than 3 dates since 2026-07-01): progress 30 % < expected 34.4 %',
      ],
      ['at-risk', true, 'progress 30 % ≥ expected 34.4 % − margin 20 % = 14.4 %'],
    ]);
    // progress 0.5 ÷ 25 = 0.02
    const offTrack = evaluate(
      { ...RISE, target: 75 },
      [
        { date: '2026-07-01', value: 50 },
        { date: '2026-07-31', value: 50.5 },
      ],
      '2026-07-31',
    );
    expect(checksOf(offTrack).slice(5)).toEqual([
      ['at-risk', false, 'progress 2 % < expected 34.4 % − margin 20 % = 14.4 %'],
      ['off-track', true, 'progress 2 % is below 14.4 %'],
    ]);
  });

  it('on its first day with no data yet: started, no data', () => {
    const e = evaluate({ ...RISE, target: 75 }, [], '2026-07-01');
    expect(checksOf(e)).toEqual([
      ['not-started', false, 'the goal started on 2026-07-01'],
      ['no-data', true, 'no snapshot on or before 2026-07-01'],
    ]);
  });

  describe('a baseline that already meets the target: the forecast alone decides', () => {
    const MET = { ...RISE, baseline: 92, target: 90 };

    it('a forecast that reaches the target is on track', () => {
      // slope 2.5 ÷ 30 a day, all three points give 89 + 29 × 2.5 ÷ 30 = 91.42 at 09-28 (shown 91.4)
      const e = evaluate(
        MET,
        [
          { date: '2026-07-01', value: 84 },
          { date: '2026-07-31', value: 86.5 },
          { date: '2026-08-30', value: 89 },
        ],
        '2026-08-30',
      );
      expect(checksOf(e).slice(4)).toEqual([
        ['on-track', true, 'the forecast 91.4 at 2026-09-28 is ≥ 90'],
      ]);
    });

    it('one that does not is off track, with no scale for at risk', () => {
      // 88 + 29 ÷ 30 = 88.97 (shown 89)
      const e = evaluate(
        MET,
        [
          { date: '2026-07-01', value: 86 },
          { date: '2026-07-31', value: 87 },
          { date: '2026-08-30', value: 88 },
        ],
        '2026-08-30',
      );
      expect(checksOf(e).slice(4)).toEqual([
        ['on-track', false, 'the forecast 89 at 2026-09-28 is not ≥ 90'],
        [
          'off-track',
          true,
          'the forecast 89 misses the target and the baseline gives no scale for "at risk"',
        ],
      ]);
    });

    it('a forecast within floating-point noise of the target (5e-8 under 90, less than 1e-9 × 90) meets it', () => {
      const hair = 90 - 5e-8;
      const e = evaluate(
        MET,
        ['2026-07-01', '2026-07-31', '2026-08-30'].map((date) => ({ date, value: hair })),
        '2026-08-30',
      );
      expect(e.forecast).toBe(hair);
      expect(e.status).toBe('on-track');
    });
  });

  describe('stay goals', () => {
    const SLA = {
      metric: 'score',
      type: 'stay-above',
      target: 90,
      start: '2026-07-01',
      deadline: '2026-09-28',
    };

    it('before the deadline, with no forecast: on track while every snapshot holds', () => {
      const e = evaluate(
        SLA,
        [
          { date: '2026-07-05', value: 92 },
          { date: '2026-07-12', value: 93 },
        ],
        '2026-07-15',
      );
      expect(checksOf(e).slice(2)).toEqual([
        ['achieved', false, 'the deadline 2026-09-28 has not passed'],
        ['missed', false, 'the deadline 2026-09-28 has not passed'],
        [
          'on-track',
          true,
          'all 2 snapshots from 2026-07-01 to 2026-07-15 are ≥ 90, and there is no forecast',
        ],
      ]);
    });

    it('a forecast exactly on the threshold holds it', () => {
      const e = evaluate(
        SLA,
        ['2026-07-01', '2026-07-31', '2026-08-30'].map((date) => ({ date, value: 90 })),
        '2026-08-31',
      );
      expect(checksOf(e).at(-1)).toEqual([
        'on-track',
        true,
        'all 3 snapshots from 2026-07-01 to 2026-08-31 are ≥ 90, and the forecast 90 at 2026-09-28 is ≥ 90',
      ]);
    });

    // 99, 95, 91 a month apart: every slope −4 ÷ 30 a day, so at 09-28
    // 91 − 29 × 4 ÷ 30 = 87.13 (and the same from the other two points), shown 87.1
    const FALLING = [
      { date: '2026-07-01', value: 99 },
      { date: '2026-07-31', value: 95 },
      { date: '2026-08-30', value: 91 },
    ];

    it('the latest snapshot holds but the forecast breaks: at risk', () => {
      const e = evaluate(SLA, FALLING, '2026-08-31');
      expect(checksOf(e).slice(4)).toEqual([
        [
          'on-track',
          false,
          'all 3 snapshots from 2026-07-01 to 2026-08-31 are ≥ 90, and the forecast 87.1 at 2026-09-28 breaks ≥ 90',
        ],
        [
          'at-risk',
          true,
          'the latest snapshot 91 is ≥ 90, but the forecast 87.1 at 2026-09-28 breaks ≥ 90',
        ],
      ]);
    });

    it('the latest snapshot breaks the threshold: off track', () => {
      const e = evaluate(SLA, [...FALLING, { date: '2026-08-31', value: 88 }], '2026-08-31');
      expect(checksOf(e).slice(5)).toEqual([
        ['at-risk', false, 'the latest snapshot 88 (2026-08-31) breaks ≥ 90'],
        ['off-track', true, 'the latest snapshot 88 (2026-08-31) breaks ≥ 90'],
      ]);
    });
  });
});

describe('the window of snapshots an evaluation reads', () => {
  const goal = goalOf({ ...RISE, target: 70 });

  it('spans the goal from its start, or the six weeks before the judged date if earlier, up to as of', () => {
    // as of 07-20: 42 days before is 06-08, before the start
    expect(pointWindowOf(goal, '2026-07-20')).toEqual({
      from: '2026-06-08',
      to: '2026-07-20',
      before: 12,
    });
    // 08-12 − 42 days is the start itself
    expect(pointWindowOf(goal, '2026-08-12')).toEqual({
      from: '2026-07-01',
      to: '2026-08-12',
      before: 12,
    });
    // after the deadline the six weeks end at it, and the window still reaches as of (stale)
    expect(pointWindowOf(goal, '2026-10-20')).toEqual({
      from: '2026-07-01',
      to: '2026-10-20',
      before: 12,
    });
    expect(pointWindowOf(goalOf({ metric: 'score', target: 70 }), '2026-07-20')).toBeUndefined();
  });

  it('holds the snapshots inside it and the given number just before it, one per date', () => {
    const points = [
      ...series('2026-06-01', 1, [1, 2, 3, 4, 5]),
      { date: '2026-06-10', value: 10 },
      { date: '2026-06-10', value: 12 },
      { date: '2026-06-20', value: 20 },
      { date: '2026-06-25', value: 25 },
      { date: '2026-06-26', value: 26 },
    ];
    expect(selectWindow(points, { from: '2026-06-10', to: '2026-06-25', before: 2 })).toEqual([
      { date: '2026-06-04', value: 4 },
      { date: '2026-06-05', value: 5 },
      { date: '2026-06-10', value: 11 },
      { date: '2026-06-20', value: 20 },
      { date: '2026-06-25', value: 25 },
    ]);
    // a window after every snapshot keeps the newest ones before it
    expect(selectWindow(points, { from: '2026-07-01', to: '2026-07-31', before: 1 })).toEqual([
      { date: '2026-06-26', value: 26 },
    ]);
    // every snapshot inside (none before it): those up to its end
    expect(selectWindow(points, { from: '2026-05-01', to: '2026-06-03', before: 2 })).toEqual([
      { date: '2026-06-01', value: 1 },
      { date: '2026-06-02', value: 2 },
      { date: '2026-06-03', value: 3 },
    ]);
    // more before than there are: all of them
    expect(selectWindow(points, { from: '2026-06-03', to: '2026-06-03', before: 5 })).toEqual([
      { date: '2026-06-01', value: 1 },
      { date: '2026-06-02', value: 2 },
      { date: '2026-06-03', value: 3 },
    ]);
  });

  it('evaluating on the window gives what the whole series gives', () => {
    // a year of weekly snapshots around the goal
    const points = series(
      '2026-01-05',
      7,
      Array.from({ length: 52 }, (_, i) => 40 + (i % 7) + i / 4),
    );
    for (const asOf of ['2026-06-15', '2026-07-20', '2026-08-12', '2026-09-28', '2026-10-20']) {
      const window = pointWindowOf(goal, asOf)!;
      const options = { asOf, atRiskMargin: 0.2, staleAfterDays: undefined };
      expect(evaluateGoal(goal, selectWindow(points, window), options), asOf).toEqual(
        evaluateGoal(goal, points, options),
      );
    }
  });
});
