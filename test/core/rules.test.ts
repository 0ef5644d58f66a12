/**
 * Every SMART rule with a table of goals it must flag and goals it must not,
 * including the examples of DESIGN §7. A rule without a table fails here.
 */
import { describe, expect, it } from 'vitest';
import { goalSchema } from '../../src/config/schema.js';
import { buildCatalog } from '../../src/core/metrics.js';
import { resolveGoal, withHistoryBaseline } from '../../src/core/resolve-goal.js';
import { RULES } from '../../src/core/rules/index.js';
import { rangeOf } from '../../src/core/rules/achievable-in-range.js';
import type { RuleContext, RuleReport } from '../../src/core/rules/rule.js';
import type { Point } from '../../src/core/snapshot.js';
import { addDays } from '../../src/core/dates.js';

/** A goal that passes every rule; each case changes a few fields. */
const GOOD = {
  id: 'csat-q4',
  title: 'Reach 85% CSAT by the end of Q4',
  owner: 'Maria',
  objective: 'quality',
  metric: 'csat',
  baseline: 80,
  target: 85,
  start: '2026-07-01',
  deadline: '2026-12-31',
};

interface Case {
  name: string;
  goal: Record<string, unknown>;
  history?: Point[];
  hasSource?: boolean;
  /** The objectives goals.yaml declares (default: quality, retention). */
  objectives?: string[];
  /** Expected reports: message, path and (where given) hint; [] for "must not flag". */
  expected: Array<Pick<RuleReport, 'message' | 'path'> & { hint?: string }>;
}

function context(c: Case): RuleContext {
  const input = goalSchema.parse({ ...GOOD, ...c.goal });
  for (const [k, v] of Object.entries(c.goal))
    if (v === undefined) delete (input as Record<string, unknown>)[k];
  const catalog = buildCatalog([{ id: 'trained', unit: 'percent', direction: 'increase' }]);
  return {
    // as checkSmart does: the baseline evaluation uses (goals.yaml's, else from the history)
    goal: withHistoryBaseline(resolveGoal(input, { catalog, fiscalYearStart: 1 }), c.history),
    objectives: new Set(c.objectives ?? ['quality', 'retention']),
    catalog,
    history: c.history,
    hasSource: c.hasSource ?? true,
  };
}

/** Weekly snapshots from 2026-05-04, one value per week. */
function weekly(values: number[]): Point[] {
  return values.map((value, i) => ({ date: addDays('2026-05-04', 7 * i), value }));
}

const CASES: Record<string, Case[]> = {
  'specific/has-metric': [
    { name: 'a goal with a metric', goal: {}, expected: [] },
    {
      name: '"Improve customer service" with no metric',
      goal: { title: 'Improve customer service', metric: undefined },
      expected: [
        { message: "Goal 'csat-q4' has no metric: nothing says what will be measured.", path: [] },
      ],
    },
  ],
  'specific/vague-title': [
    { name: 'a title with a number', goal: { title: 'Improve CSAT to 85%' }, expected: [] },
    {
      name: 'a specific title without vague verbs',
      goal: { title: 'Reach the CSAT target' },
      expected: [],
    },
    {
      name: 'Improve customer service',
      goal: { title: 'Improve customer service' },
      expected: [
        {
          message: `Goal 'csat-q4': the title "Improve customer service" says "Improve" but not by how much.`,
          path: ['title'],
        },
      ],
    },
    {
      name: 'increase CSAT',
      goal: { title: 'Increase CSAT this quarter' },
      expected: [
        {
          message: `Goal 'csat-q4': the title "Increase CSAT this quarter" says "Increase" but not by how much.`,
          path: ['title'],
        },
      ],
    },
    {
      name: 'a training goal',
      goal: { title: 'Train every agent in de-escalation by December' },
      expected: [],
    },
    {
      name: 'better support',
      goal: { title: 'Better and faster support' },
      expected: [
        {
          message: `Goal 'csat-q4': the title "Better and faster support" says "Better" but not by how much.`,
          path: ['title'],
        },
      ],
    },
  ],
  'specific/has-owner': [
    { name: 'with an owner', goal: {}, expected: [] },
    {
      name: 'no owner',
      goal: { owner: undefined },
      expected: [
        { message: "Goal 'csat-q4' has no owner: nobody is accountable for it.", path: [] },
      ],
    },
  ],
  'specific/ambiguous-change': [
    {
      name: 'NPS "+0%" on a negative baseline',
      goal: { metric: 'nps', baseline: -20, target: '+0%' },
      expected: [
        {
          message: `Goal 'csat-q4': target "+0%" on the negative baseline -20 is read as a change of its size: -20 + 0 % × 20 = -20.`,
          path: ['target'],
        },
      ],
    },
    {
      name: 'a change of +0%',
      goal: { baseline: 78, target: '+0%' },
      expected: [
        {
          message: `Goal 'csat-q4': target "+0%" on Customer satisfaction, a percent metric, can be read two ways: 78 × 1 = 78 (relative), or 78 +0 = 78 (points).`,
          path: ['target'],
        },
      ],
    },
    {
      name: 'NPS "-50%" on a negative baseline',
      goal: { metric: 'nps', baseline: -20, target: '-50%' },
      expected: [
        {
          message: `Goal 'csat-q4': target "-50%" on the negative baseline -20 is read as a change of its size: -20 − 50 % × 20 = -30.`,
          path: ['target'],
          hint: 'Write the target as a value (-30) to say it plainly.',
        },
      ],
    },
    { name: 'points on a percent metric', goal: { target: '+5pp' }, expected: [] },
    {
      name: 'a relative change on a duration',
      goal: { metric: 'first_response_time', baseline: '4h', target: '-15%' },
      expected: [],
    },
    {
      name: 'increase CSAT by 10%',
      goal: { baseline: 78, target: '+10%' },
      expected: [
        {
          message: `Goal 'csat-q4': target "+10%" on Customer satisfaction, a percent metric, can be read two ways: 78 × 1.1 = 85.8 (relative), or 78 +10 = 88 (points).`,
          path: ['target'],
          hint: 'Write "+10pp" for points, or the absolute target (e.g. 85.8).',
        },
      ],
    },
    {
      // issue 12.3: the readings come from the baseline evaluation uses (2.1, the first
      // snapshot since the start), not from the first snapshot ever (2.7): 2.1 × 0.9 = 1.89.
      name: 'NPS "+50%" on a positive baseline reads plainly',
      goal: { metric: 'nps', baseline: 20, target: '+50%' },
      expected: [],
    },
    {
      name: 'NPS "+50%" on a negative baseline: the reading, a change of its size',
      goal: { metric: 'nps', baseline: -20, target: '+50%' },
      expected: [
        {
          message: `Goal 'csat-q4': target "+50%" on the negative baseline -20 is read as a change of its size: -20 + 50 % × 20 = -10.`,
          path: ['target'],
          hint: 'Write the target as a value (-10) to say it plainly.',
        },
      ],
    },
    {
      name: 'a relative change of a baseline of 0',
      goal: { metric: 'backlog', baseline: 0, target: '-10%' },
      expected: [
        {
          message: `Goal 'csat-q4': target "-10%" of a baseline of 0 is 0: a relative change of nothing is nothing.`,
          path: ['target'],
          hint: 'Write the target as a value, or as a change in the metric\'s unit ("+5").',
        },
      ],
    },
    {
      name: 'a relative change of a duration baseline of 0',
      goal: { metric: 'first_response_time', baseline: '0m', target: '-10%' },
      expected: [
        {
          message: `Goal 'csat-q4': target "-10%" of a baseline of 0 s is 0 s: a relative change of nothing is nothing.`,
          path: ['target'],
          hint: 'Write the target as a value ("2h") or a change ("-30m").',
        },
      ],
    },
    {
      name: 'a relative change on a percent metric without any baseline',
      goal: { baseline: undefined, target: '+10%' },
      expected: [
        {
          message: `Goal 'csat-q4': target "+10%" on Customer satisfaction, a percent metric, can be read two ways: +10 % of the baseline, or +10 points.`,
          path: ['target'],
          hint: 'Write "+10pp" for points, or the absolute target (e.g. 85).',
        },
      ],
    },
    {
      name: 'churn "-10%" without a baseline: the first snapshot on or after the start',
      goal: { metric: 'churn_rate', baseline: undefined, target: '-10%' },
      history: [
        { date: '2026-05-01', value: 2.7 },
        { date: '2026-07-01', value: 2.1 },
        { date: '2026-08-01', value: 2.3 },
      ],
      expected: [
        {
          message: `Goal 'csat-q4': target "-10%" on Customer churn, a percent metric, can be read two ways: 2.1 × 0.9 = 1.89 (relative), or 2.1 -10 = -7.9 (points), from the baseline 2.1 (the first snapshot on or after the start, 2026-07-01).`,
          path: ['target'],
          hint: 'Write "-10pp" for points, or the absolute target (e.g. 1.89).',
        },
      ],
    },
  ],
  // (more cases of specific/ambiguous-change: non-percent metrics on a baseline ≤ 0, issue 15.5)
  'specific/has-type': [
    { name: 'a metric with a direction', goal: {}, expected: [] },
    {
      name: 'ticket volume with a type',
      goal: { metric: 'ticket_volume', baseline: 100, target: 90, type: 'decrease' },
      expected: [],
    },
    {
      name: 'ticket volume without a type',
      goal: { metric: 'ticket_volume', baseline: 100, target: 90 },
      expected: [
        {
          message:
            "Goal 'csat-q4': Ticket volume has no better direction, so the goal must say which way it should go.",
          path: [],
        },
      ],
    },
  ],
  'measurable/known-metric': [
    { name: 'a built-in metric', goal: {}, expected: [] },
    { name: 'a declared metric', goal: { metric: 'trained' }, expected: [] },
    {
      name: 'a typo',
      goal: { metric: 'cast' },
      expected: [
        {
          message: "Goal 'csat-q4': unknown metric 'cast' (did you mean 'csat'?).",
          path: ['metric'],
          hint: "Write `metric: csat`, or declare 'cast' under metrics:.",
        },
      ],
    },
    {
      name: 'nothing close',
      goal: { metric: 'happiness' },
      expected: [
        {
          message: "Goal 'csat-q4': unknown metric 'happiness'.",
          path: ['metric'],
          hint: "Use a metric from `goals metrics`, or declare 'happiness' under metrics: with its unit and direction.",
        },
      ],
    },
  ],
  'measurable/has-target': [
    {
      name: 'a target in the wrong unit is measurable/unit’s finding',
      goal: { target: '2h' },
      expected: [],
    },
    { name: 'a numeric target', goal: {}, expected: [] },
    {
      name: 'no target',
      goal: { target: undefined },
      expected: [
        { message: "Goal 'csat-q4' has no target: nothing says when it is reached.", path: [] },
      ],
    },
    {
      name: 'words',
      goal: { target: 'much better' },
      expected: [
        { message: `Goal 'csat-q4': target "much better" is not a value.`, path: ['target'] },
      ],
    },
  ],
  'measurable/unit': [
    {
      name: 'a milestone in hours for a percentage',
      goal: { milestones: [{ date: '2026-09-30', target: '2h' }] },
      expected: [
        {
          message: `Goal 'csat-q4': milestone "2h" is a duration, but this metric is a percent.`,
          path: ['milestones', 0, 'target'],
        },
      ],
    },
    {
      name: 'a baseline in hours for a percentage',
      goal: { baseline: '3h' },
      expected: [
        {
          message: `Goal 'csat-q4': baseline "3h" is a duration, but this metric is a percent.`,
          path: ['baseline'],
        },
      ],
    },
    {
      name: 'a target in words is has-target’s finding',
      goal: { target: 'much better' },
      expected: [],
    },
    {
      name: 'a baseline in words',
      goal: { baseline: 'much better' },
      expected: [
        { message: `Goal 'csat-q4': baseline "much better" is not a value.`, path: ['baseline'] },
      ],
    },
    {
      name: 'a duration with a unit',
      goal: { metric: 'first_response_time', baseline: '4h', target: '2h' },
      expected: [],
    },
    {
      name: 'a duration without a unit',
      goal: { metric: 'first_response_time', baseline: '4h', target: 2 },
      expected: [
        {
          message: "Goal 'csat-q4': target 2 has no unit, and this metric is a duration.",
          path: ['target'],
        },
      ],
    },
    {
      name: 'hours for a percentage',
      goal: { target: '2h' },
      expected: [
        {
          message: `Goal 'csat-q4': target "2h" is a duration, but this metric is a percent.`,
          path: ['target'],
        },
      ],
    },
    {
      name: 'a baseline in the wrong unit',
      goal: { baseline: { value: '3h', date: '2026-06-30' } },
      expected: [
        {
          message: `Goal 'csat-q4': baseline "3h" is a duration, but this metric is a percent.`,
          path: ['baseline', 'value'],
        },
      ],
    },
  ],
  'measurable/percent-scale': [
    {
      name: 'a score metric between 0 and 1',
      goal: { metric: 'ces', baseline: 0.5, target: 0.8 },
      expected: [],
    },
    { name: '0 and 1 are not ratios', goal: { baseline: 0, target: 1 }, expected: [] },
    {
      name: 'a ratio from a snapshot is the import’s problem',
      goal: { baseline: undefined },
      history: [{ date: '2026-07-06', value: 0.8 }],
      expected: [],
    },
    {
      name: 'a dated ratio baseline',
      goal: { baseline: { value: 0.8, date: '2026-06-30' } },
      expected: [
        {
          message:
            "Goal 'csat-q4': baseline 0.8 looks like a ratio, but Customer satisfaction is a percentage (0–100).",
          path: ['baseline', 'value'],
          hint: 'Write 80 for 80 %.',
        },
      ],
    },
    { name: '0–100', goal: {}, expected: [] },
    {
      name: 'a ratio',
      goal: { baseline: 0.8, target: 0.85 },
      expected: [
        {
          message:
            "Goal 'csat-q4': target 0.85 looks like a ratio, but Customer satisfaction is a percentage (0–100).",
          path: ['target'],
          hint: 'Write 85 for 85 %.',
        },
        {
          message:
            "Goal 'csat-q4': baseline 0.8 looks like a ratio, but Customer satisfaction is a percentage (0–100).",
          path: ['baseline'],
          hint: 'Write 80 for 80 %.',
        },
      ],
    },
  ],
  'measurable/has-baseline': [
    {
      name: 'no baseline, no snapshot, no dates',
      goal: { baseline: undefined, start: undefined, deadline: undefined },
      history: [],
      expected: [
        {
          message: "Goal 'csat-q4' has no baseline and no snapshot to take it from.",
          path: [],
        },
      ],
    },
    {
      name: 'a snapshot before the start and one after',
      goal: { baseline: undefined },
      history: [
        { date: '2026-06-29', value: 79 },
        { date: '2026-07-06', value: 80 },
      ],
      hasSource: false,
      expected: [],
    },
    {
      name: 'a snapshot on the start date',
      goal: { baseline: undefined },
      history: [{ date: '2026-07-01', value: 79 }],
      hasSource: false,
      expected: [],
    },
    { name: 'written baseline', goal: {}, hasSource: false, expected: [] },
    {
      name: 'a source will provide it',
      goal: { baseline: undefined },
      hasSource: true,
      expected: [],
    },
    {
      name: 'a snapshot after start',
      goal: { baseline: undefined },
      history: [{ date: '2026-07-06', value: 79 }],
      hasSource: false,
      expected: [],
    },
    {
      name: 'only snapshots before start',
      goal: { baseline: undefined },
      history: [{ date: '2026-06-29', value: 79 }],
      expected: [
        {
          message:
            "Goal 'csat-q4' has no baseline and no snapshot on or after 2026-07-01 to take it from.",
          path: [],
        },
      ],
    },
    {
      name: 'no source, no store',
      goal: { baseline: undefined },
      hasSource: false,
      expected: [
        {
          message:
            "Goal 'csat-q4' has no baseline and no snapshot on or after 2026-07-01 to take it from.",
          path: [],
        },
      ],
    },
  ],
  'measurable/has-data': [
    {
      name: 'nothing provides it, for the whole team',
      goal: {},
      hasSource: false,
      history: [],
      expected: [
        {
          message:
            "Goal 'csat-q4': no source or snapshot provides csat, so progress cannot be measured.",
          path: ['metric'],
        },
      ],
    },
    { name: 'a source provides it', goal: {}, expected: [] },
    {
      name: 'snapshots in the store',
      goal: {},
      hasSource: false,
      history: [{ date: '2026-07-06', value: 79 }],
      expected: [],
    },
    {
      name: 'nothing provides it',
      goal: { segment: { team: 'EMEA' } },
      hasSource: false,
      history: [],
      expected: [
        {
          message:
            "Goal 'csat-q4': no source or snapshot provides csat for team=EMEA, so progress cannot be measured.",
          path: ['metric'],
        },
      ],
    },
  ],
  'achievable/in-range': [
    { name: 'a target at the lower end', goal: { target: 0, type: 'stay-above' }, expected: [] },
    { name: 'a target at the upper end', goal: { target: 100, baseline: 96 }, expected: [] },
    {
      name: 'a baseline out of range from a snapshot is the import’s problem, not the goal’s',
      goal: { baseline: undefined },
      history: [{ date: '2026-07-06', value: 120 }],
      expected: [],
    },
    {
      name: 'a dated baseline above 100 %',
      goal: { baseline: { value: 120, date: '2026-06-30' } },
      expected: [
        {
          message:
            "Goal 'csat-q4': baseline 120 % is outside the range of Customer satisfaction (0 % to 100 %).",
          path: ['baseline', 'value'],
        },
      ],
    },
    { name: 'in range', goal: {}, expected: [] },
    {
      name: 'NPS may be negative',
      goal: { metric: 'nps', baseline: -20, target: -5 },
      expected: [],
    },
    {
      name: 'NPS 150',
      goal: { metric: 'nps', baseline: 20, target: 150 },
      expected: [
        {
          message:
            "Goal 'csat-q4': target 150 is outside the range of Net Promoter Score (-100 to 100).",
          path: ['target'],
          hint: 'Choose a target from -100 to 100.',
        },
      ],
    },
    {
      name: 'CSAT 120 %',
      goal: { target: '120%' },
      expected: [
        {
          message:
            "Goal 'csat-q4': target 120 % is outside the range of Customer satisfaction (0 % to 100 %).",
          path: ['target'],
        },
      ],
    },
    {
      name: 'a relative target that overshoots',
      goal: { baseline: 95, target: '+10%' },
      expected: [
        {
          message:
            "Goal 'csat-q4': target 104.5 % is outside the range of Customer satisfaction (0 % to 100 %).",
          path: ['target'],
        },
      ],
    },
    {
      name: 'a milestone above 100 %',
      goal: { milestones: [{ date: '2026-09-30', target: 105 }] },
      expected: [
        {
          message:
            "Goal 'csat-q4': milestone 105 % is outside the range of Customer satisfaction (0 % to 100 %).",
          path: ['milestones', 0, 'target'],
          hint: 'Choose a milestone from 0 % to 100 %.',
        },
      ],
    },
    {
      name: 'a negative count baseline',
      goal: { metric: 'backlog', baseline: -5, target: 10, type: 'stay-below' },
      expected: [
        {
          message: "Goal 'csat-q4': baseline -5 is outside the range of Open tickets (0 to ∞).",
          path: ['baseline'],
          hint: 'Choose a baseline from 0 to ∞.',
        },
      ],
    },
  ],
  'achievable/not-already-met': [
    { name: 'baseline below target', goal: {}, expected: [] },
    {
      name: 'a stay goal holds its level',
      goal: { type: 'stay-above', baseline: 90, target: 85 },
      expected: [],
    },
    {
      name: 'baseline above target',
      goal: { baseline: 88 },
      expected: [
        {
          message: "Goal 'csat-q4': the baseline 88 % already meets the target 85 %.",
          path: ['target'],
          hint: 'Set a target beyond the baseline, or use type: stay-above to hold the level.',
        },
      ],
    },
    {
      name: 'decrease goal already below',
      goal: { metric: 'first_response_time', baseline: '90m', target: '2h' },
      expected: [
        {
          message: "Goal 'csat-q4': the baseline 1 h 30 m already meets the target 2 h.",
          path: ['target'],
          hint: 'Set a target beyond the baseline, or use type: stay-below to hold the level.',
        },
      ],
    },
    {
      // issue 15.6: CSAT target 85, no baseline, first snapshots 88 and 87 — check says
      // `achieved` on day one, so validate says so first.
      name: 'no baseline, and the first snapshot since the start already meets the target',
      goal: { baseline: undefined },
      history: [
        { date: '2026-06-29', value: 80 },
        { date: '2026-07-06', value: 88 },
        { date: '2026-07-13', value: 87 },
      ],
      expected: [
        {
          message:
            "Goal 'csat-q4': the baseline 88 % (the first snapshot on or after the start, 2026-07-06) already meets the target 85 %.",
          path: ['target'],
        },
      ],
    },
    {
      name: 'no baseline, no snapshot since the start: the newest before it',
      goal: { baseline: undefined },
      history: [
        { date: '2026-06-22', value: 80 },
        { date: '2026-06-29', value: 86 },
      ],
      expected: [
        {
          message:
            "Goal 'csat-q4': the baseline 86 % (no snapshot since the start yet: the newest before it, 2026-06-29) already meets the target 85 %.",
          path: ['target'],
        },
      ],
    },
    {
      name: 'no baseline: a snapshot before the start that met the target does not count',
      goal: { baseline: undefined },
      history: [
        { date: '2026-06-29', value: 88 },
        { date: '2026-07-06', value: 80 },
      ],
      expected: [],
    },
    {
      name: 'a relative target resolves against the snapshot baseline',
      goal: { baseline: undefined, target: '+5pp' },
      history: [{ date: '2026-07-06', value: 80 }],
      expected: [],
    },
  ],
  'achievable/perfect-score': [
    {
      name: 'a metric without a direction and no type',
      goal: { metric: 'ticket_volume', baseline: 100, target: 0 },
      expected: [],
    },
    { name: 'a high but possible target', goal: { target: 95, baseline: 90 }, expected: [] },
    {
      name: 'CSAT 100 %',
      goal: { target: 100, baseline: 96 },
      expected: [
        {
          message:
            "Goal 'csat-q4': the target 100 % is the best Customer satisfaction can ever be; one bad week makes it unreachable.",
          path: ['target'],
        },
      ],
    },
    {
      name: 'churn 0',
      goal: { metric: 'churn_rate', baseline: 0.5, target: 0 },
      expected: [
        {
          message:
            "Goal 'csat-q4': the target 0 % is the best Customer churn can ever be; one bad week makes it unreachable.",
          path: ['target'],
        },
      ],
    },
    {
      name: 'FRT 0',
      goal: { metric: 'first_response_time', baseline: '1m', target: '0m' },
      expected: [
        {
          message:
            "Goal 'csat-q4': the target 0 s is the best First response time can ever be; one bad week makes it unreachable.",
          path: ['target'],
        },
      ],
    },
  ],
  'achievable/realistic-pace': [
    { name: 'a modest change, no history', goal: {}, expected: [] },
    {
      name: 'more than 50 % of the baseline, no history',
      goal: { metric: 'first_response_time', baseline: '4h', target: '1h', start: '2026-01-01' },
      expected: [
        {
          message:
            "Goal 'csat-q4': going from 4 h to 1 h by 2026-12-31 is a change of 75 % of the baseline (more than 50 %).",
          path: ['target'],
        },
      ],
    },
    {
      name: 'CSAT 60 → 80 in a month, no history',
      goal: { baseline: 60, target: 80, start: '2026-12-01' },
      expected: [
        {
          message:
            "Goal 'csat-q4': going from 60 % to 80 % by 2026-12-31 is 34 % of the baseline per month (more than 15 %).",
          // 60 + 60 × 15 % × 30 ÷ (365.25 ÷ 12) months = 68.87, rounded towards the baseline
          hint: "A target of about 68.8 % is a realistic step; import history (≥ 8 snapshots over 4 weeks) to judge by the team's real pace.",
          path: ['target'],
        },
      ],
    },
    {
      name: 'exactly 50 % of the baseline, but in a month, no history',
      goal: { baseline: 60, target: 90, start: '2026-12-01' },
      expected: [
        {
          // 30 ÷ 60 = 0.5 in all (not more than 50 %); 0.5 ÷ (30 ÷ 30.4375) = 50.7 % a month
          message:
            "Goal 'csat-q4': going from 60 % to 90 % by 2026-12-31 is 51 % of the baseline per month (more than 15 %).",
          path: ['target'],
        },
      ],
    },
    {
      name: 'a cut more than 2× the fastest 4-week pace seen',
      goal: {
        metric: 'first_response_time',
        baseline: '4h',
        target: '1h',
        start: '2026-10-01',
      },
      // 70 s faster each week; 13 weeks to the deadline: 10800 s ÷ 13 = 830.8 s a week needed, 140 s
      // allowed: 14400 − 140 × 13 = 12580 s, rounded up to the minute (towards the baseline): 3 h 30 m
      history: weekly([15000, 14930, 14860, 14790, 14720, 14650, 14580, 14510, 14440]),
      expected: [
        {
          message:
            "Goal 'csat-q4': reaching 1 h needs 13 m 51 s/week, more than 2× the fastest 4-week pace in its history (1 m 10 s/week).",
          hint: 'A target of about 3 h 30 m by 2026-12-31 matches twice the best pace seen; or give the goal more time.',
          path: ['target'],
        },
      ],
    },
    {
      name: 'within 2× the fastest 4-week pace seen',
      goal: { baseline: 80, target: 85 },
      // +2 points over 4 weeks at best → 0.5/week; needed 5 / 26.3 weeks = 0.19/week
      history: weekly([78, 78.5, 79, 79.5, 80, 80, 80, 80, 80]),
      expected: [],
    },
    {
      name: 'more than 2× the fastest 4-week pace seen',
      goal: { baseline: 80, target: 95, start: '2026-10-01' },
      history: weekly([80, 80.1, 80.2, 80.3, 80.4, 80.4, 80.5, 80.6, 80.6]),
      expected: [
        {
          message:
            "Goal 'csat-q4': reaching 95 % needs 1.15 pp/week, more than 2× the fastest 4-week pace in its history (0.1 pp/week).",
          path: ['target'],
        },
      ],
    },
  ],
  'relevant/has-objective': [
    {
      name: 'not linked, and no objectives declared',
      goal: { objective: undefined },
      objectives: [],
      expected: [
        {
          message: "Goal 'csat-q4' is linked to no objective: nothing says why it matters.",
          path: [],
          hint: 'Declare what the team wants under objectives: and link the goal with `objective:`.',
        },
      ],
    },
    { name: 'linked', goal: {}, expected: [] },
    {
      name: 'not linked',
      goal: { objective: undefined },
      expected: [
        {
          message: "Goal 'csat-q4' is linked to no objective: nothing says why it matters.",
          path: [],
          hint: 'Add `objective:` with one of: quality, retention.',
        },
      ],
    },
  ],
  'relevant/known-objective': [
    {
      name: 'no objectives declared',
      goal: { objective: 'growth' },
      objectives: [],
      expected: [
        {
          message: "Goal 'csat-q4': objective 'growth' does not exist.",
          path: ['objective'],
          hint: "Declare 'growth' under objectives:.",
        },
      ],
    },
    { name: 'known', goal: {}, expected: [] },
    {
      name: 'a typo',
      goal: { objective: 'retension' },
      expected: [
        {
          message:
            "Goal 'csat-q4': objective 'retension' does not exist (did you mean 'retention'?).",
          path: ['objective'],
          hint: "Write `objective: retention`, or declare 'retension' under objectives:.",
        },
      ],
    },
    {
      name: 'nothing close',
      goal: { objective: 'growth' },
      expected: [
        {
          message: "Goal 'csat-q4': objective 'growth' does not exist.",
          path: ['objective'],
          hint: "Declare 'growth' under objectives:, or use one of: quality, retention.",
        },
      ],
    },
  ],
  'time-bound/has-deadline': [
    { name: 'with a deadline', goal: {}, expected: [] },
    {
      name: 'no deadline',
      goal: { deadline: undefined },
      expected: [
        {
          message: "Goal 'csat-q4' has no deadline: it can never be late, and never done.",
          path: [],
        },
      ],
    },
  ],
  'time-bound/deadline-after-start': [
    { name: 'in order', goal: {}, expected: [] },
    {
      name: 'a quarter deadline, start defaulted',
      goal: { start: undefined, deadline: '2026-Q4' },
      expected: [],
    },
    {
      name: 'deadline before start',
      goal: { start: '2026-10-01', deadline: '2026-09-30' },
      expected: [
        {
          message: "Goal 'csat-q4': the deadline 2026-09-30 is not after the start 2026-10-01.",
          path: ['deadline'],
        },
      ],
    },
    {
      name: 'same day',
      goal: { start: '2026-10-01', deadline: '2026-10-01' },
      expected: [
        {
          message: "Goal 'csat-q4': the deadline 2026-10-01 is not after the start 2026-10-01.",
          path: ['deadline'],
        },
      ],
    },
  ],
  'time-bound/horizon': [
    { name: 'six months', goal: {}, expected: [] },
    {
      name: 'exactly 18 months',
      goal: { start: '2026-01-01', deadline: '2027-07-01' },
      expected: [],
    },
    {
      name: 'two years',
      goal: { start: '2026-01-01', deadline: '2027-12-31' },
      expected: [
        {
          message:
            "Goal 'csat-q4': the deadline 2027-12-31 is more than 18 months after the start 2026-01-01; too far away to steer by.",
          path: ['deadline'],
        },
      ],
    },
  ],
  'time-bound/has-checkpoints': [
    {
      name: 'exactly 92 days',
      goal: { start: '2026-10-01', deadline: '2027-01-01' },
      expected: [],
    },
    { name: 'a quarter', goal: { start: '2026-10-01', deadline: '2026-12-31' }, expected: [] },
    {
      name: 'half a year with a milestone',
      goal: { milestones: [{ date: '2026-09-30', target: 82 }] },
      expected: [],
    },
    {
      name: 'half a year without milestones',
      goal: {},
      expected: [
        {
          message: "Goal 'csat-q4' runs 183 days with no milestone to check progress against.",
          path: [],
        },
      ],
    },
  ],
  'time-bound/milestone-dates': [
    {
      name: 'a milestone before the start of a goal without a deadline',
      goal: { deadline: undefined, milestones: [{ date: '2026-06-30', target: 81 }] },
      expected: [
        {
          message:
            "Goal 'csat-q4': milestone 2026-06-30 is not between the start 2026-07-01 and the deadline ?.",
          path: ['milestones', 0, 'date'],
        },
      ],
    },
    {
      name: 'a milestone on the start date',
      goal: { milestones: [{ date: '2026-07-01', target: 82 }] },
      expected: [
        {
          message:
            "Goal 'csat-q4': milestone 2026-07-01 is not between the start 2026-07-01 and the deadline 2026-12-31.",
          path: ['milestones', 0, 'date'],
        },
      ],
    },
    {
      name: 'a milestone on the deadline',
      goal: { milestones: [{ date: '2026-12-31', target: 85 }] },
      expected: [],
    },
    {
      name: 'two milestones on one date',
      goal: {
        milestones: [
          { date: '2026-09-30', target: 82 },
          { date: '2026-09-30', target: 83 },
        ],
      },
      expected: [
        {
          message: "Goal 'csat-q4': milestone 2026-09-30 comes after a milestone dated 2026-09-30.",
          path: ['milestones', 1, 'date'],
        },
      ],
    },
    {
      name: 'inside, in order',
      goal: {
        milestones: [
          { date: '2026-08-31', target: 82 },
          { date: '2026-Q3', target: 83 },
        ],
      },
      expected: [],
    },
    {
      name: 'after the deadline',
      goal: { milestones: [{ date: '2027-01-31', target: 82 }] },
      expected: [
        {
          message:
            "Goal 'csat-q4': milestone 2027-01-31 is not between the start 2026-07-01 and the deadline 2026-12-31.",
          path: ['milestones', 0, 'date'],
        },
      ],
    },
    {
      name: 'out of order',
      goal: {
        milestones: [
          { date: '2026-10-31', target: 83 },
          { date: '2026-08-31', target: 82 },
        ],
      },
      expected: [
        {
          message: "Goal 'csat-q4': milestone 2026-08-31 comes after a milestone dated 2026-10-31.",
          path: ['milestones', 1, 'date'],
        },
      ],
    },
  ],
};

describe('rangeOf', () => {
  it('writes a range with its unit, and a missing end as an infinity', () => {
    const catalog = buildCatalog([{ id: 'effort', unit: 'score', range: [null, 7] }]);
    expect(rangeOf(catalog.get('csat')!)).toBe('0 % to 100 %');
    expect(rangeOf(catalog.get('first_response_time')!)).toBe('0 s to ∞');
    expect(rangeOf(catalog.get('effort')!)).toBe('−∞ to 7');
  });
});

describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  const cases = CASES[id];
  it('has a table of cases that it must and must not flag', () => {
    expect(cases?.some((c) => c.expected.length === 0)).toBe(true);
    expect(cases?.some((c) => c.expected.length > 0)).toBe(true);
  });
  it.each((cases ?? []).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const reports = rule.check(context(c));
    expect(
      reports.map((r, i) => ({
        message: r.message,
        path: r.path,
        ...(c.expected[i]?.hint === undefined ? {} : { hint: r.hint }),
      })),
    ).toEqual(c.expected);
    for (const r of reports) expect(r.hint.length).toBeGreaterThan(10);
  });
});

it('every rule id is letter/name and its letter matches', () => {
  const letters = {
    specific: 'S',
    measurable: 'M',
    achievable: 'A',
    relevant: 'R',
    'time-bound': 'T',
  };
  for (const rule of RULES) {
    const [word] = rule.meta.id.split('/');
    expect(letters[word as keyof typeof letters]).toBe(rule.meta.letter);
  }
});
