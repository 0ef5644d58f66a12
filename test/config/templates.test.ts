// `goals init --template customer-service` (src/core/templates.ts): the text
// it writes is read back with the goals.yaml loader. Expected quarters and
// dates worked out by hand from the calendar.
import { describe, expect, it } from 'vitest';
import { parseGoals } from '../../src/config/load-goals.js';
import { TEMPLATES } from '../../src/core/templates.js';

const template = TEMPLATES['customer-service']!;

describe('the customer-service template', () => {
  it('says what it holds', () => {
    expect(Object.keys(TEMPLATES)).toEqual(['customer-service']);
    expect(template.description).toBe(
      'a support team: first response time, replies within SLA, CSAT, first contact resolution, churn',
    );
  });

  it('is a goals.yaml for the two quarters after today that loads with no finding', () => {
    // 2026-11-16 is in 2026-Q4: the goals are for 2027-Q1 (ends 2027-03-31) and 2027-Q2.
    const text = template.build({
      today: '2026-11-16',
      timezone: 'Europe/Sofia',
      fiscalYearStart: 1,
    });
    expect(text.split('\n').slice(0, 4)).toEqual([
      '# yaml-language-server: $schema=./goals.schema.json',
      '#',
      '# Starter goals for a customer-support team, written by',
      '# `goals init --template customer-service` on 2026-11-16.',
    ]);
    const loaded = parseGoals(text, 'goals.yaml');
    expect(loaded.findings).toEqual([]);
    expect(loaded.config.settings.timezone).toBe('Europe/Sofia');
    expect(loaded.config.settings.fiscal_year_start).toBe(1);
    expect(loaded.config.objectives?.map((o) => [o.id, o.title, o.owner])).toEqual([
      ['fast-help', 'Customers get help fast, on every channel', 'Head of Support'],
      ['quality', 'Problems are solved right the first time', 'Head of Support'],
      ['retention', 'Keep more of our customers', 'VP Customer Success'],
    ]);
    expect(
      loaded.config.goals.map((g) => [g.id, g.title, g.metric, g.baseline, g.target, g.deadline]),
    ).toEqual([
      [
        'first-response-2027-q1',
        'Cut first response time from 6 h to 4 h by the end of Q1 2027',
        'first_response_time',
        '6h',
        '4h',
        '2027-Q1',
      ],
      [
        'sla-90-2027-q1',
        'Keep at least 90% of first replies within SLA through Q1 2027',
        'frt_within_sla',
        92,
        90,
        '2027-Q1',
      ],
      [
        'csat-85-2027-q1',
        'Raise CSAT in post-service surveys from 80% to 85% by the end of Q1 2027',
        'csat',
        80,
        85,
        '2027-Q1',
      ],
      [
        'fcr-75-2027-q2',
        'Solve 75% of tickets on first contact by the end of Q2 2027',
        'fcr',
        68,
        75,
        '2027-Q2',
      ],
      [
        'churn-2pct-2027-q2',
        'Bring monthly churn down from 2.5% to 2.0% by the end of Q2 2027',
        'churn_rate',
        2.5,
        2,
        '2027-Q2',
      ],
    ]);
    expect(loaded.config.goals.map((g) => [g.start, g.milestones])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
      ['2027-Q1', [{ date: '2027-03-31', target: 71.5 }]],
      ['2027-Q1', [{ date: '2027-03-31', target: 2.25 }]],
    ]);
  });

  it('counts quarters from the fiscal year start', () => {
    // Fiscal years from April: 2026-11-16 is in fiscal 2026-Q3 (October to
    // December), then 2026-Q4 (January to March 2027, ends 2027-03-31) and 2027-Q1.
    const text = template.build({ today: '2026-11-16', timezone: 'UTC', fiscalYearStart: 4 });
    const loaded = parseGoals(text, 'goals.yaml');
    expect(loaded.findings).toEqual([]);
    expect(loaded.config.goals.map((g) => `${g.id} ${g.deadline}`)).toEqual([
      'first-response-2026-q4 2026-Q4',
      'sla-90-2026-q4 2026-Q4',
      'csat-85-2026-q4 2026-Q4',
      'fcr-75-2027-q1 2027-Q1',
      'churn-2pct-2027-q1 2027-Q1',
    ]);
    expect(loaded.config.goals[3]!.milestones).toEqual([{ date: '2027-03-31', target: 71.5 }]);
  });
});
