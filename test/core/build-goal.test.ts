import { describe, expect, it } from 'vitest';
import {
  buildCustomMetric,
  buildGoalInput,
  checkBaseline,
  checkDeadline,
  checkGoalId,
  checkMetricId,
  checkMilestone,
  checkMilestones,
  checkName,
  checkNewObjectiveId,
  checkNewMetricId,
  checkRange,
  checkSegment,
  checkStart,
  checkTarget,
  checkTargetValue,
  checkTimeZone,
  checkTitle,
  defaultStart,
  describeDeadline,
  describeGoalType,
  describeMetric,
  checkPercentScale,
  explainPace,
  goalTypesFor,
  proposeRealisticDeadline,
  formatMilestones,
  formatRange,
  formatYamlValue,
  isPerfectScore,
  metricLabel,
  parseObjectiveFlag,
  proposeDeadlines,
  proposeGoalId,
  proposeMilestones,
  proposeObjectiveId,
  proposeStart,
  proposeTitle,
  ratioReading,
  resolveAmbiguous,
  searchMetrics,
} from '../../src/core/build-goal.js';
import type { AmbiguousTarget } from '../../src/core/build-goal.js';
import { buildCatalog } from '../../src/core/metrics.js';
import { judgePace, realisticStep } from '../../src/core/pace.js';
import { roundTarget } from '../../src/core/values.js';
import { checkSmart } from '../../src/core/smart.js';

const catalog = buildCatalog([
  { id: 'training_completion', unit: 'percent', name: 'Agents trained' },
]);
const csat = catalog.get('csat')!;
const frt = catalog.get('first_response_time')!;
const nps = catalog.get('nps')!;
const churn = catalog.get('churn_rate')!;

describe('Specific', () => {
  it('finds a metric by id, or says which one was meant', () => {
    expect(checkMetricId('csat', catalog)).toEqual({ ok: true, value: csat });
    expect(checkMetricId('csta', catalog)).toEqual({
      ok: false,
      message: "There is no metric 'csta'; did you mean 'csat'? `goals metrics` lists them all.",
    });
    expect(checkMetricId('happiness', catalog)).toEqual({
      ok: false,
      message: "There is no metric 'happiness'. `goals metrics` lists them all.",
    });
  });

  it('searches ids, names and descriptions, best match first', () => {
    expect(searchMetrics('satis', catalog).map((m) => m.id)).toEqual(['csat']);
    expect(searchMetrics('resp', catalog).map((m) => m.id)).toEqual([
      'first_response_time',
      'avg_response_time',
    ]);
    expect(searchMetrics('churn', catalog).map((m) => m.id)).toEqual(['churn_rate']);
    expect(searchMetrics('time', catalog).map((m) => m.id)).toEqual([
      'first_response_time',
      'avg_response_time',
      'resolution_time',
      'handle_time',
    ]);
    expect(searchMetrics('sla', catalog).map((m) => m.id)).toEqual(['frt_within_sla']);
    expect(searchMetrics('', catalog)).toHaveLength(17);
  });

  it('describes a metric for the picker', () => {
    expect(describeMetric(csat)).toBe(
      'Share of survey answers that are satisfied. · percent, higher is better, 0 % to 100 % · = satisfied ÷ rated × 100; 1–5 scale: 4–5 satisfied; Good/Bad: Good',
    );
  });

  it.each([
    ['', {}],
    ['team=EMEA', { team: 'EMEA' }],
    [' team = EMEA , channel=chat ', { team: 'EMEA', channel: 'chat' }],
  ])('reads the segment %j', (text, segment) => {
    expect(checkSegment(text)).toEqual({ ok: true, value: segment });
  });

  it.each([
    ['EMEA', '"EMEA" is not key=value.'],
    ['team=', '"team=" is not key=value.'],
    ['team=a, team=b', 'The segment names "team" twice.'],
  ])('refuses the segment %j', (text, start) => {
    const r = checkSegment(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.startsWith(start)).toBe(true);
  });

  it('checks a new metric and its range', () => {
    expect(checkNewMetricId('csat', catalog)).toEqual({
      ok: false,
      message: "'csat' already exists; pick it from the list.",
    });
    expect(checkNewMetricId('bad id', catalog).ok).toBe(false);
    expect(checkNewMetricId('nps_b2b', catalog)).toEqual({ ok: true, value: 'nps_b2b' });
    expect(checkRange('', 'percent')).toEqual({ ok: true, value: [0, 100] });
    expect(checkRange('0..', 'count')).toEqual({ ok: true, value: [0, null] });
    expect(checkRange('-100..100', 'score')).toEqual({ ok: true, value: [-100, 100] });
    expect(checkRange('5..1', 'score')).toEqual({
      ok: false,
      message: 'The minimum 5 must be below the maximum 1.',
    });
  });
});

describe('Measurable', () => {
  const context = { metric: csat, type: 'increase' as const, baseline: 78 };

  it.each([
    ['85', { written: 85, spec: { kind: 'absolute', value: 85 }, value: 85 }],
    ['85%', { written: 85, spec: { kind: 'absolute', value: 85 }, value: 85 }],
    ['+5pp', { written: '+5pp', spec: { kind: 'delta', delta: 5 }, value: 83 }],
  ])('accepts the target %j', (text, expected) => {
    expect(checkTarget(text, context)).toEqual({ ok: true, value: expected });
  });

  it('accepts durations and changes of them', () => {
    const ctx = { metric: frt, type: 'decrease' as const, baseline: 4 * 3600 };
    expect(checkTarget('2h', ctx)).toEqual({
      ok: true,
      value: { written: '2h', spec: { kind: 'absolute', value: 7200 }, value: 7200 },
    });
    expect(checkTarget('-30m', ctx)).toEqual({
      ok: true,
      value: { written: '-30m', spec: { kind: 'delta', delta: -1800 }, value: 12600 },
    });
    expect(checkTarget('-15%', ctx)).toEqual({
      ok: true,
      value: { written: '-15%', spec: { kind: 'relative', fraction: -0.15 }, value: 12240 },
    });
  });

  it('shows both readings of "+10%" on a percent metric', () => {
    const r = checkTarget('+10%', context);
    expect(r).toEqual({
      ok: true,
      value: { ambiguous: { relative: 85.8, points: 88, change: '+10' } },
    });
    const ambiguous = (r as { value: { ambiguous: AmbiguousTarget } }).value.ambiguous;
    expect(resolveAmbiguous(ambiguous, 'points')).toEqual({
      written: '+10pp',
      spec: { kind: 'delta', delta: 10 },
      value: 88,
    });
    expect(resolveAmbiguous(ambiguous, 'relative')).toEqual({
      written: 85.8,
      spec: { kind: 'absolute', value: 85.8 },
      value: 85.8,
    });
  });

  it.each([
    ['', 'Write the target, e.g. 85 or "+5pp".'],
    ['lots', '"lots" is not a value. Write a percentage from 0 to 100'],
    ['2h', '"2h" is a duration, but this metric is a percent.'],
    ['120', '120 % is outside the range of Customer satisfaction (0 % to 100 %).'],
    ['75', 'Customer satisfaction is already at 78 %, which meets 75 %: aim higher'],
  ])('refuses the target %j', (text, start) => {
    const r = checkTarget(text, context);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(start);
  });

  it('refuses a change when there is no baseline to change', () => {
    expect(checkTarget('+5pp', { ...context, baseline: undefined })).toEqual({
      ok: false,
      message:
        '"+5pp" is a change from the baseline, and this goal has none: write the target itself, e.g. 85 or "+5pp".',
    });
  });

  it('lets a stay goal hold a level the baseline already meets', () => {
    expect(checkTarget('75', { ...context, type: 'stay-above' }).ok).toBe(true);
  });

  it('knows a perfect score as achievable/perfect-score does', () => {
    expect(isPerfectScore(csat, 'increase', 100)).toBe(true);
    expect(isPerfectScore(csat, 'increase', 99)).toBe(false);
    expect(isPerfectScore(churn, 'decrease', 0)).toBe(true);
    expect(isPerfectScore(frt, 'decrease', 0)).toBe(true);
    expect(isPerfectScore(nps, 'increase', 100)).toBe(true);
  });

  it('offers only the kinds of goal that move a metric its better way', () => {
    expect(goalTypesFor(catalog.get('first_response_time')!)).toEqual(['decrease', 'stay-below']);
    expect(goalTypesFor(csat)).toEqual(['increase', 'stay-above']);
    expect(goalTypesFor(catalog.get('ticket_volume')!)).toEqual([
      'stay-below',
      'stay-above',
      'decrease',
      'increase',
    ]);
  });

  it('takes 0.8 for a percent metric as a probable ratio, unless written 0.8%', () => {
    expect(checkPercentScale('0.8', csat)).toEqual({
      ok: false,
      message:
        '0.8 looks like a ratio, but Customer satisfaction is a percentage (0–100): type 80 for 80 %, or 0.8% if you mean less than one percent.',
    });
    for (const text of ['0.8%', '80', '1', '+0.5'])
      expect(checkPercentScale(text, csat).ok).toBe(true);
    expect(checkPercentScale('0.8', catalog.get('nps')!).ok).toBe(true);
  });

  it('checks a baseline against the unit and range', () => {
    expect(checkBaseline('4h', frt)).toEqual({ ok: true, value: 14400 });
    expect(checkBaseline('78', csat)).toEqual({ ok: true, value: 78 });
    expect(checkBaseline('150', nps)).toEqual({
      ok: false,
      message: '150 is outside the range of Net Promoter Score (-100 to 100).',
    });
  });

  it.each([
    [7200, 'duration', '2h'],
    [5400, 'duration', '1h30m'],
    [2730, 'duration', '45m30s'],
    [0, 'duration', '0m'],
    [85.80000000000001, 'percent', 85.8],
    [2.256, 'percent', 2.26],
  ] as const)('writes %s (%s) as %j', (value, unit, written) => {
    expect(formatYamlValue(value, unit)).toBe(written);
  });

  it.each([
    [84.99999999, 'percent', 1, 85],
    [84.96, 'percent', 1, 84.9],
    [2.04, 'percent', -1, 2.1],
    [7260.4, 'duration', -1, 7320],
    [412.2, 'duration', -1, 413],
    [130.6, 'count', -1, 131],
  ] as const)('rounds %s (%s, sign %s) to the safer %s', (value, unit, sign, rounded) => {
    expect(roundTarget(value, unit, sign)).toBe(rounded);
  });
});

describe('Achievable', () => {
  it('explains a pace by the rule of thumb', () => {
    const judgement = judgePace({
      baseline: 78,
      target: 100,
      start: '2026-11-16',
      deadline: '2026-12-16',
      history: [],
    })!;
    expect(
      explainPace(judgement, { metric: csat, baseline: 78, target: 100, deadline: '2026-12-16' }),
    ).toEqual([
      'From 78 % to 100 % by 2026-12-16 is a change of 28 % of the baseline, 29 % per month (no history to judge by, so the rule of thumb: at most 50 % in all and 15 % per month).',
      'That is more than the rule of thumb allows: unrealistic. About 89.5 % is a realistic step.',
    ]);
  });

  it('explains a pace against the history', () => {
    // Weekly CSAT rising 0.25 points a week: the fastest 4-week pace is +0.25 pp/week.
    const history = Array.from({ length: 10 }, (_, i) => ({
      date: `2026-${i < 5 ? '09' : '10'}-${String(i < 5 ? 1 + i * 7 : 6 + (i - 5) * 7).padStart(2, '0')}`,
      value: 78 + 0.25 * i,
    }));
    const judgement = judgePace({
      baseline: 80,
      target: 85,
      start: '2026-11-16',
      deadline: '2026-12-28',
      history,
    })!;
    expect(
      explainPace(judgement, { metric: csat, baseline: 80, target: 85, deadline: '2026-12-28' }),
    ).toEqual([
      'From 80 % to 85 % by 2026-12-28 needs +0.83 pp/week; the fastest 4-week pace in the history is +0.25 pp/week.',
      'That is more than twice the best pace the team has ever shown: unrealistic. About 83 % is reachable at twice that pace.',
    ]);
  });
});

describe('Achievable: the realistic step and a later deadline', () => {
  const frt = catalog.get('first_response_time')!;

  it('names the same realistic target it offers, rounded towards the baseline', () => {
    // 4 h → 2 h in 15 days (0.49 months): at most 15 % × 0.49 = 7.39 % of 4 h, so
    // 4 h × (1 − 0.0739) = 13,335.5 s = 3 h 42 m 15.5 s; towards 4 h that is 3 h 43 m.
    const judgement = judgePace({
      baseline: 14_400,
      target: 7_200,
      start: '2026-11-16',
      deadline: '2026-12-01',
      history: [],
    })!;
    expect(realisticStep(judgement, 'duration', -1)).toBe(13_380);
    expect(
      explainPace(judgement, {
        metric: frt,
        baseline: 14_400,
        target: 7_200,
        deadline: '2026-12-01',
      })[1],
    ).toBe(
      'That is more than the rule of thumb allows: unrealistic. About 3 h 43 m is a realistic step.',
    );
  });

  it('proposes the first quarter by which the target is realistic, if any', () => {
    const base = { history: [], after: '2026-12-31', asOf: '2026-11-16', fiscalYearStart: 1 };
    // 5 h → 3 h is 40 %: from 2027-01-01 to 2027-03-31 (2.96 months) 13.5 % a month, ≤ 15 %.
    expect(proposeRealisticDeadline({ ...base, baseline: 18_000, target: 10_800 })).toEqual({
      quarter: '2027-Q1',
      deadline: '2027-03-31',
    });
    // 5 h → 2 h is 60 %: more than 50 % in all, whatever the deadline.
    expect(proposeRealisticDeadline({ ...base, baseline: 18_000, target: 7_200 })).toBeUndefined();
  });
});

describe('Relevant', () => {
  it('reads --objective id and id=title', () => {
    expect(parseObjectiveFlag('quality')).toEqual({ ok: true, value: { id: 'quality' } });
    expect(parseObjectiveFlag('fast-help=Customers get help fast')).toEqual({
      ok: true,
      value: { id: 'fast-help', title: 'Customers get help fast' },
    });
    expect(parseObjectiveFlag('fast help').ok).toBe(false);
    expect(parseObjectiveFlag('fast-help=').ok).toBe(false);
  });

  it('proposes an objective id from its title', () => {
    expect(proposeObjectiveId('Customers get help fast', new Set())).toBe('customers-help-fast');
    expect(proposeObjectiveId('Problems are solved right the first time', new Set())).toBe(
      'problems-solved-right',
    );
    expect(proposeObjectiveId('Keep more of our customers', new Set(['more-customers']))).toBe(
      'more-customers-2',
    );
    expect(proposeObjectiveId('Ça va très bien', new Set())).toBe('ca-va-tres');
  });
});

describe('Time-bound', () => {
  const asOf = '2026-11-16';

  it('takes a quarter or a date after today', () => {
    expect(checkDeadline('2027-q1', { asOf, fiscalYearStart: 1 })).toEqual({
      ok: true,
      value: { written: '2027-Q1', date: '2027-03-31' },
    });
    expect(checkDeadline('2027-Q1', { asOf, fiscalYearStart: 4 })).toEqual({
      ok: true,
      value: { written: '2027-Q1', date: '2027-06-30' },
    });
    expect(checkDeadline('2026-11-16', { asOf, fiscalYearStart: 1 })).toEqual({
      ok: false,
      message: '2026-11-16 is not after today (2026-11-16): choose a later deadline.',
    });
    expect(checkDeadline('next month', { asOf, fiscalYearStart: 1 }).ok).toBe(false);
  });

  it('offers this quarter and the next three', () => {
    expect(proposeDeadlines(asOf, 1)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3']);
    expect(proposeDeadlines('2026-12-31', 1)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3']);
    expect(proposeDeadlines(asOf, 4)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
  });

  it('starts today within this quarter, else at the next quarter', () => {
    expect(proposeStart({ deadline: '2026-12-31', asOf, fiscalYearStart: 1 })).toBe(asOf);
    expect(proposeStart({ deadline: '2027-03-31', asOf, fiscalYearStart: 1 })).toBe('2027-01-01');
    expect(proposeStart({ deadline: '2027-06-30', asOf, fiscalYearStart: 1 })).toBe('2027-01-01');
  });

  it('checks the start against the deadline', () => {
    expect(checkStart('2027-Q1', { deadline: '2027-06-30', fiscalYearStart: 1 })).toEqual({
      ok: true,
      value: { written: '2027-Q1', date: '2027-01-01' },
    });
    expect(checkStart('2027-07-01', { deadline: '2027-06-30', fiscalYearStart: 1 })).toEqual({
      ok: false,
      message: 'The start 2027-07-01 must be before the deadline 2027-06-30.',
    });
  });

  it('proposes a milestone at each quarter end on the straight line, rounded towards the baseline', () => {
    expect(
      proposeMilestones({
        start: '2027-01-01',
        deadline: '2027-06-30',
        baseline: 68,
        target: 75,
        unit: 'percent',
        fiscalYearStart: 1,
      }),
    ).toEqual([{ date: '2027-03-31', target: 71.4 }]);
    expect(
      proposeMilestones({
        start: '2026-11-16',
        deadline: '2027-09-30',
        baseline: 4 * 3600,
        target: 2 * 3600,
        unit: 'duration',
        fiscalYearStart: 1,
      }),
    ).toEqual([
      // 4 h − 2 h × 45/318 days = 3 h 43 m 1 s, rounded up to the minute (towards the baseline).
      { date: '2026-12-31', target: 13440 },
      { date: '2027-03-31', target: 11400 },
      { date: '2027-06-30', target: 9300 },
    ]);
    expect(
      proposeMilestones({
        start: '2027-01-01',
        deadline: '2027-03-31',
        baseline: 68,
        target: 75,
        unit: 'percent',
        fiscalYearStart: 1,
      }),
    ).toEqual([]);
  });

  it('reads milestones typed on one line', () => {
    const ctx = { metric: csat, start: '2027-01-01', deadline: '2027-06-30', fiscalYearStart: 1 };
    expect(checkMilestones('2027-03-31=81, 2027-05-15=83', ctx)).toEqual({
      ok: true,
      value: [
        { date: '2027-03-31', target: 81 },
        { date: '2027-05-15', target: 83 },
      ],
    });
    expect(checkMilestones('', ctx)).toEqual({ ok: true, value: [] });
    expect(checkMilestones('2027-05-15=83, 2027-03-31=81', ctx)).toEqual({
      ok: false,
      message: 'List the milestones in date order, one per date.',
    });
    expect(checkMilestones('2027-07-15=83', ctx)).toEqual({
      ok: false,
      message:
        'The milestone 2027-07-15 must fall between the start 2027-01-01 and the deadline 2027-06-30.',
    });
  });
});

describe('the title and the id', () => {
  it.each([
    [
      {
        metric: csat,
        type: 'increase',
        segment: {},
        baseline: 78,
        target: 85,
        deadline: '2027-Q1',
      },
      'Raise CSAT from 78 % to 85 % by the end of Q1 2027',
    ],
    [
      {
        metric: frt,
        type: 'decrease',
        segment: { team: 'EMEA' },
        baseline: 14400,
        target: 7200,
        deadline: '2026-12-15',
      },
      'Cut first response time for team EMEA from 4 h to 2 h by 2026-12-15',
    ],
    [
      {
        metric: catalog.get('frt_within_sla')!,
        type: 'stay-above',
        segment: {},
        baseline: undefined,
        target: 90,
        deadline: '2027-Q1',
      },
      'Keep replies within SLA at or above 90 % through Q1 2027',
    ],
    [
      {
        metric: catalog.get('backlog')!,
        type: 'stay-below',
        segment: {},
        baseline: 150,
        target: 120,
        deadline: '2027-06-30',
      },
      'Keep open tickets at or below 120 until 2027-06-30',
    ],
    [
      {
        metric: catalog.get('training_completion')!,
        type: 'increase',
        segment: {},
        baseline: undefined,
        target: 90,
        deadline: '2027-Q1',
      },
      'Raise agents trained to 90 % by the end of Q1 2027',
    ],
  ] as const)('proposes a title with the numbers in it: %#', (context, title) => {
    expect(proposeTitle(context)).toBe(title);
    expect(checkTitle(title)).toEqual({ ok: true, value: title });
  });

  it('catches a vague title at once, in the words of specific/vague-title', () => {
    expect(
      checkTitle('improve service', 'Raise CSAT from 78 % to 85 % by the end of Q1 2027'),
    ).toEqual({
      ok: false,
      message:
        '"improve service" says "improve" but not by how much: say how much and by when, e.g. "Raise CSAT from 78 % to 85 % by the end of Q1 2027".',
    });
    expect(checkTitle('Happy customers')).toEqual({
      ok: false,
      message:
        '"Happy customers" has no number: say how much and by when, e.g. "Reach 85% CSAT by the end of Q4".',
    });
    expect(checkTitle('   ').ok).toBe(false);
  });

  it('proposes a unique id from metric, segment and quarter', () => {
    const base = {
      metric: frt,
      segment: { team: 'EMEA' },
      deadline: '2026-12-15',
      fiscalYearStart: 1,
    };
    expect(proposeGoalId({ ...base, existing: new Set() })).toBe(
      'first-response-time-emea-2026-q4',
    );
    expect(
      proposeGoalId({ ...base, existing: new Set(['first-response-time-emea-2026-q4']) }),
    ).toBe('first-response-time-emea-2026-q4-2');
    expect(checkGoalId('csat q4', new Set()).ok).toBe(false);
    expect(checkGoalId('csat-q4', new Set(['csat-q4']))).toEqual({
      ok: false,
      message: "There is already a goal 'csat-q4'.",
    });
  });
});

describe('buildGoalInput', () => {
  it('writes what was answered and leaves the defaults out', () => {
    const goal = buildGoalInput(
      {
        id: 'csat-2027-q1',
        title: 'Raise CSAT from 78 % to 85 % by the end of Q1 2027',
        owner: 'Maria',
        objective: 'quality',
        metric: csat,
        segment: {},
        type: 'increase',
        baseline: { value: 78, date: '2026-11-09' },
        target: { written: 85, spec: { kind: 'absolute', value: 85 }, value: 85 },
        deadline: '2027-Q1',
        start: '2027-01-01',
        milestones: [],
      },
      1,
    );
    expect(goal).toEqual({
      id: 'csat-2027-q1',
      title: 'Raise CSAT from 78 % to 85 % by the end of Q1 2027',
      owner: 'Maria',
      objective: 'quality',
      metric: 'csat',
      status: 'active',
      baseline: { value: 78, date: '2026-11-09' },
      target: 85,
      deadline: '2027-Q1',
    });
  });

  it('keeps a start, a type and milestones that differ from the defaults, and passes every SMART rule', () => {
    const goal = buildGoalInput(
      {
        id: 'frt-emea',
        title: 'Cut first response time for team EMEA from 4 h to 2 h by 2027-06-30',
        owner: 'Maria',
        objective: 'fast-help',
        metric: frt,
        segment: { team: 'EMEA' },
        type: 'stay-below',
        baseline: { value: 14400 },
        target: { written: '2h', spec: { kind: 'absolute', value: 7200 }, value: 7200 },
        deadline: '2027-06-30',
        start: '2026-11-16',
        milestones: [{ date: '2027-03-31', target: 9000 }],
      },
      1,
    );
    expect(goal).toEqual({
      id: 'frt-emea',
      title: 'Cut first response time for team EMEA from 4 h to 2 h by 2027-06-30',
      owner: 'Maria',
      objective: 'fast-help',
      metric: 'first_response_time',
      status: 'active',
      segment: { team: 'EMEA' },
      type: 'stay-below',
      baseline: '4h',
      target: '2h',
      start: '2026-11-16',
      deadline: '2027-06-30',
      milestones: [{ date: '2027-03-31', target: '2h30m' }],
    });
    const findings = checkSmart({
      goals: [goal],
      objectives: new Set(['fast-help']),
      catalog,
      fiscalYearStart: 1,
      levels: {},
      historyOf: () => undefined,
      hasSource: () => true,
    });
    expect(findings.map((f) => f.rule.id)).toEqual([]);
  });
});

describe('the answers the coach checks one by one', () => {
  it('takes an IANA time zone, or names the closest one', () => {
    expect(checkTimeZone(' Europe/Sofia ')).toEqual({ ok: true, value: 'Europe/Sofia' });
    expect(checkTimeZone('UTC')).toEqual({ ok: true, value: 'UTC' });
    expect(checkTimeZone('Europe/Berln')).toEqual({
      ok: false,
      message: '"Europe/Berln" is not an IANA time zone; did you mean Europe/Berlin?',
    });
    expect(checkTimeZone('  ')).toEqual({
      ok: false,
      message: '"" is not an IANA time zone; write e.g. Europe/Sofia or UTC.',
    });
  });

  it('says what each kind of goal means for the metric', () => {
    expect(describeGoalType('increase', csat)).toBe('raise CSAT to a target');
    expect(describeGoalType('decrease', frt)).toBe('bring first response time down to a target');
    expect(describeGoalType('stay-above', csat)).toBe(
      'keep CSAT at or above a level the whole time',
    );
    expect(describeGoalType('stay-below', churn)).toBe(
      'keep customer churn at or below a level the whole time',
    );
  });

  it('names a metric inside a sentence: short names, else the name without its capital', () => {
    expect(metricLabel(csat)).toBe('CSAT');
    expect(metricLabel(catalog.get('fcr')!)).toBe('first contact resolution');
    expect(metricLabel(frt)).toBe('first response time');
    // An acronym keeps its capitals; a custom metric's own name is used even with a known id.
    expect(metricLabel(nps)).toBe('NPS');
    expect(metricLabel({ ...nps, origin: 'custom', name: 'NPS of partners' })).toBe(
      'NPS of partners',
    );
    expect(metricLabel({ ...csat, origin: 'custom', name: 'Happy customers' })).toBe(
      'happy customers',
    );
  });

  it('writes a range as it is typed', () => {
    expect(formatRange([0, 100])).toBe('0..100');
    expect(formatRange([0, null])).toBe('0..');
    expect(formatRange([null, 7])).toBe('..7');
    expect(formatRange([null, null])).toBe('..');
  });

  it('writes a custom metric without the range its unit has anyway', () => {
    const answers = {
      id: 'trained',
      name: 'Agents trained',
      unit: 'percent' as const,
      direction: 'increase' as const,
    };
    expect(buildCustomMetric({ ...answers, range: [0, 100] })).toEqual({
      input: answers,
      definition: { ...answers, range: [0, 100], origin: 'custom' },
    });
    expect(buildCustomMetric({ ...answers, range: [0, 50] }).input).toEqual({
      ...answers,
      range: [0, 50],
    });
    expect(buildCustomMetric({ ...answers, range: [10, 100] }).input).toEqual({
      ...answers,
      range: [10, 100],
    });
  });

  it('refuses a target outside the range, or one the baseline already meets for a change', () => {
    expect(checkTargetValue(101, { metric: csat, type: 'increase', baseline: 80 })).toBe(
      '101 % is outside the range of Customer satisfaction (0 % to 100 %).',
    );
    expect(checkTargetValue(2.5, { metric: churn, type: 'decrease', baseline: 2 })).toBe(
      'Customer churn is already at 2 %, which meets 2.5 %: aim lower, or choose "stay-below" to hold the level.',
    );
    expect(checkTargetValue(80, { metric: csat, type: 'increase', baseline: 80 })).toBe(
      'Customer satisfaction is already at 80 %, which meets 80 %: aim higher, or choose "stay-above" to hold the level.',
    );
    // Holding a level the team is at is what a stay goal is for; without a baseline nothing is met.
    expect(
      checkTargetValue(80, { metric: csat, type: 'stay-above', baseline: 85 }),
    ).toBeUndefined();
    expect(checkTargetValue(80, { metric: csat, type: 'increase', baseline: undefined })).toBe(
      undefined,
    );
    expect(checkTargetValue(100, { metric: csat, type: 'increase', baseline: 80 })).toBe(undefined);
  });

  it('reads 0.8 typed for a percentage as the ratio it probably is', () => {
    expect(ratioReading('0.8', csat)).toBe(80);
    expect(ratioReading(' ,85 ', csat)).toBe(85);
    expect(ratioReading('0,125', csat)).toBe(12.5);
    // Not a ratio: a percent sign, 1 or more, 0, a duration or a count.
    expect(ratioReading('0.8%', csat)).toBeUndefined();
    expect(ratioReading('1.5', csat)).toBeUndefined();
    expect(ratioReading('0.0', csat)).toBeUndefined();
    expect(ratioReading('0.8', frt)).toBeUndefined();
  });

  it("takes a new objective's id when it is an id and new", () => {
    expect(checkNewObjectiveId(' fast-help ', new Set(['quality']))).toEqual({
      ok: true,
      value: 'fast-help',
    });
    expect(checkNewObjectiveId('quality', new Set(['quality']))).toEqual({
      ok: false,
      message: "There is already an objective 'quality'.",
    });
    expect(checkNewObjectiveId('fast help', new Set())).toEqual({
      ok: false,
      message:
        "It has a space: ids use only ASCII letters (a-z, A-Z), digits, '-' and '_'; e.g. fast-help.",
    });
    expect(checkNewObjectiveId('?', new Set())).toEqual({
      ok: false,
      message:
        "It has '?': ids use only ASCII letters (a-z, A-Z), digits, '-' and '_'; e.g. fast-help.",
    });
  });

  it('takes a name on one line', () => {
    expect(checkName(' Maria ', 'the owner')).toEqual({ ok: true, value: 'Maria' });
    expect(checkName('  ', 'the owner')).toEqual({ ok: false, message: 'Name the owner.' });
    expect(checkName('Maria\nIvan', 'the owner')).toEqual({
      ok: false,
      message: 'Keep it on one line.',
    });
  });

  it("starts a goal without a start on its deadline's quarter's first day, in the fiscal year", () => {
    expect(defaultStart('2026-12-15', 1)).toBe('2026-10-01');
    expect(defaultStart('2026-10-01', 1)).toBe('2026-10-01');
    // Fiscal years from February: quarters Feb–Apr, May–Jul, Aug–Oct, Nov–Jan.
    expect(defaultStart('2027-01-31', 2)).toBe('2026-11-01');
  });

  it('says when a deadline is, as a quarter or a date, and for stay goals how long', () => {
    expect(describeDeadline('2026-Q4', false)).toBe('by the end of Q4 2026');
    expect(describeDeadline('2026-Q4', true)).toBe('through Q4 2026');
    expect(describeDeadline('2026-12-15', false)).toBe('by 2026-12-15');
    expect(describeDeadline('2026-12-15', true)).toBe('until 2026-12-15');
    expect(describeDeadline('Christmas', false)).toBe('by Christmas');
  });
});

describe('one milestone as typed', () => {
  const context = { metric: csat, start: '2026-07-01', deadline: '2026-12-31', fiscalYearStart: 1 };

  it('takes date=target with the date strictly between the start and the deadline', () => {
    expect(checkMilestone(' 2026-09-30 = 81 ', context)).toEqual({
      ok: true,
      value: { date: '2026-09-30', target: 81 },
    });
    // A quarter means its last day.
    expect(checkMilestone('2026-Q3=81', context)).toEqual({
      ok: true,
      value: { date: '2026-09-30', target: 81 },
    });
    expect(checkMilestone('2026-07-02=80.5', context)).toEqual({
      ok: true,
      value: { date: '2026-07-02', target: 80.5 },
    });
    expect(checkMilestone('2026-12-30=84', context)).toEqual({
      ok: true,
      value: { date: '2026-12-30', target: 84 },
    });
  });

  it('refuses a milestone without =, without a date, outside the goal, or outside the range', () => {
    expect(checkMilestone(' 2026-09-30 81 ', context)).toEqual({
      ok: false,
      message: '"2026-09-30 81" is not date=target: write 2026-09-30=81.',
    });
    expect(checkMilestone(' autumn =81', context)).toEqual({
      ok: false,
      message: '"autumn" is not a date: write 2026-09-30=81.',
    });
    for (const date of ['2026-07-01', '2026-12-31', '2026-06-30', '2027-01-01']) {
      expect(checkMilestone(`${date}=81`, context)).toEqual({
        ok: false,
        message: `The milestone ${date} must fall between the start 2026-07-01 and the deadline 2026-12-31.`,
      });
    }
    expect(checkMilestone('2026-09-30=181', context)).toEqual({
      ok: false,
      message: '181 % is outside the range of Customer satisfaction (0 % to 100 %).',
    });
  });

  it('writes milestones back as they are typed', () => {
    expect(
      formatMilestones(
        [
          { date: '2026-09-30', target: 81 },
          { date: '2026-12-31', target: 83.5 },
        ],
        'percent',
      ),
    ).toBe('2026-09-30=81, 2026-12-31=83.5');
    expect(formatMilestones([{ date: '2026-09-30', target: 5400 }], 'duration')).toBe(
      '2026-09-30=1h30m',
    );
    expect(formatMilestones([], 'percent')).toBe('');
  });
});
