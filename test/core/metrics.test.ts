// The metric catalog (src/core/metrics.ts): what `goals metrics` prints and
// how goals.yaml's custom metrics extend it.
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_METRICS,
  bestPossibleValue,
  buildCatalog,
  defaultRange,
} from '../../src/core/metrics.js';
import type { MetricDefinition } from '../../src/core/metrics.js';

describe('the built-in metrics', () => {
  it('are the table of DESIGN §4', () => {
    // Copied from DESIGN §4's table (better: higher = increase, lower =
    // decrease; ≥0 = [0, null]); '' where the table has no formula.
    const table: Array<[string, string, string, string, [number | null, number | null], string]> = [
      [
        'csat',
        'Customer satisfaction',
        'percent',
        'increase',
        [0, 100],
        'satisfied ÷ rated × 100; 1–5 scale: 4–5 satisfied; Good/Bad: Good',
      ],
      [
        'nps',
        'Net Promoter Score',
        'score',
        'increase',
        [-100, 100],
        '% promoters (9–10) − % detractors (0–6)',
      ],
      [
        'ces',
        'Customer Effort Score',
        'score',
        'increase',
        [1, 7],
        'mean of 1–7 answers ("made it easy")',
      ],
      [
        'first_response_time',
        'First response time',
        'duration',
        'decrease',
        [0, null],
        'first agent reply − created; mean or median',
      ],
      [
        'avg_response_time',
        'Average response time',
        'duration',
        'decrease',
        [0, null],
        'total response time ÷ responses',
      ],
      [
        'resolution_time',
        'Resolution time',
        'duration',
        'decrease',
        [0, null],
        'solved − created, over solved tickets',
      ],
      ['handle_time', 'Average handle time', 'duration', 'decrease', [0, null], ''],
      [
        'fcr',
        'First contact resolution',
        'percent',
        'increase',
        [0, 100],
        'tickets solved with ≤1 agent reply ÷ solved × 100',
      ],
      [
        'frt_within_sla',
        'Replies within SLA',
        'percent',
        'increase',
        [0, 100],
        'tickets with first response ≤ SLA ÷ tickets × 100',
      ],
      [
        'churn_rate',
        'Customer churn',
        'percent',
        'decrease',
        [0, 100],
        'customers lost ÷ customers at period start × 100',
      ],
      ['retention_rate', 'Customer retention', 'percent', 'increase', [0, 100], ''],
      ['ticket_volume', 'Ticket volume', 'count', 'neutral', [0, null], 'tickets created'],
      ['backlog', 'Open tickets', 'count', 'decrease', [0, null], ''],
      [
        'interactions_per_ticket',
        'Interactions per ticket',
        'count',
        'decrease',
        [0, null],
        'replies ÷ solved tickets',
      ],
      [
        'answer_rate',
        'Calls answered',
        'percent',
        'increase',
        [0, 100],
        'answered calls ÷ calls × 100',
      ],
      [
        'speed_of_answer',
        'Average speed of answer',
        'duration',
        'decrease',
        [0, null],
        'mean wait of answered calls',
      ],
    ];
    expect(
      BUILTIN_METRICS.map((m) => [m.id, m.name, m.unit, m.direction, m.range, m.formula ?? '']),
    ).toEqual(table);
    expect(new Set(BUILTIN_METRICS.map((m) => m.origin))).toEqual(new Set(['builtin']));
  });

  it('each say what they measure (`goals metrics --format json`)', () => {
    expect(Object.fromEntries(BUILTIN_METRICS.map((m) => [m.id, m.description]))).toEqual({
      csat: 'Share of survey answers that are satisfied.',
      nps: 'How likely customers are to recommend us, from −100 to 100.',
      ces: 'How easy customers found it to get help, 1 to 7.',
      first_response_time: 'Time until a customer hears from an agent.',
      avg_response_time: 'Mean time to answer each customer message.',
      resolution_time: 'Time from a ticket being opened to being solved.',
      handle_time: 'Time agents spend working a contact, talk and after-call work included.',
      fcr: 'Share of issues solved in the first contact.',
      frt_within_sla: 'Share of tickets whose first reply met the SLA.',
      churn_rate: 'Share of customers lost in a period.',
      retention_rate: 'Share of customers kept over a period.',
      ticket_volume: 'Tickets created in a period.',
      backlog: 'Tickets open at the end of a period.',
      interactions_per_ticket: 'Agent replies needed per solved ticket.',
      answer_rate: 'Share of incoming calls that an agent answered.',
      speed_of_answer: 'How long callers wait before an agent answers.',
    });
  });
});

describe('defaultRange', () => {
  it('is 0–100 for a percent, from 0 for a count or a duration, unbounded for a score', () => {
    expect(defaultRange('percent')).toEqual([0, 100]);
    expect(defaultRange('count')).toEqual([0, null]);
    expect(defaultRange('duration')).toEqual([0, null]);
    expect(defaultRange('score')).toEqual([null, null]);
  });
});

describe('buildCatalog', () => {
  it('is the built-ins when goals.yaml declares no metric', () => {
    const catalog = buildCatalog();
    expect([...catalog.keys()]).toEqual(BUILTIN_METRICS.map((m) => m.id));
    expect(catalog.get('csat')).toBe(BUILTIN_METRICS[0]);
  });

  it('makes a new metric a score, higher is better, unbounded, named by its id', () => {
    // strict: no formula or description key at all, not one set to undefined
    expect(buildCatalog([{ id: 'kudos' }]).get('kudos')).toStrictEqual({
      id: 'kudos',
      name: 'kudos',
      unit: 'score',
      direction: 'increase',
      range: [null, null],
      origin: 'custom',
    });
    expect(
      buildCatalog([
        {
          id: 'refunds',
          name: 'Refunds issued',
          unit: 'count',
          direction: 'decrease',
          formula: 'refunds ÷ orders',
          description: 'Refunds per period.',
        },
      ]).get('refunds'),
    ).toEqual({
      id: 'refunds',
      name: 'Refunds issued',
      unit: 'count',
      direction: 'decrease',
      range: [0, null],
      formula: 'refunds ÷ orders',
      description: 'Refunds per period.',
      origin: 'custom',
    });
  });

  it('overrides a built-in field by field, keeping its range while the unit stays', () => {
    expect(buildCatalog([{ id: 'csat', name: 'CSAT (surveys)' }]).get('csat')).toEqual({
      id: 'csat',
      name: 'CSAT (surveys)',
      unit: 'percent',
      direction: 'increase',
      range: [0, 100],
      formula: 'satisfied ÷ rated × 100; 1–5 scale: 4–5 satisfied; Good/Bad: Good',
      description: 'Share of survey answers that are satisfied.',
      origin: 'custom',
    });
    // CES on a 1–5 scale: a declared range wins over the built-in's 1–7.
    expect(buildCatalog([{ id: 'ces', range: [1, 5] }]).get('ces')!.range).toEqual([1, 5]);
    // NPS as a percent of promoters: the unit changed, so the percent's range.
    expect(buildCatalog([{ id: 'nps', unit: 'percent' }]).get('nps')!.range).toEqual([0, 100]);
    // A later metric of the same id overrides the earlier one.
    const twice = buildCatalog([
      { id: 'kudos', unit: 'count', description: 'first' },
      { id: 'kudos', name: 'Kudos' },
    ]).get('kudos');
    expect(twice).toEqual({
      id: 'kudos',
      name: 'Kudos',
      unit: 'count',
      direction: 'increase',
      range: [0, null],
      description: 'first',
      origin: 'custom',
    });
  });

  it('makes a share within a threshold a percent, higher is better, 0–100', () => {
    const derived = { from: 'first_response_time', within: 3600 };
    expect(buildCatalog([{ id: 'frt_1h', derived }]).get('frt_1h')).toEqual({
      id: 'frt_1h',
      name: 'frt_1h',
      unit: 'percent',
      direction: 'increase',
      range: [0, 100],
      origin: 'custom',
      derived,
    });
    // what goals.yaml declares still wins
    const declared = buildCatalog([
      { id: 'frt_1h', derived, unit: 'score', direction: 'decrease', range: [0, 1] },
    ]).get('frt_1h')!;
    expect([declared.unit, declared.direction, declared.range]).toEqual([
      'score',
      'decrease',
      [0, 1],
    ]);
  });

  it('gives a statistic the unit, direction and range of the metric it reads', () => {
    const derived = { from: 'first_response_time', statistic: 'p90' as const };
    const p90 = buildCatalog([{ id: 'frt_p90', derived }]).get('frt_p90')!;
    expect([p90.unit, p90.direction, p90.range]).toEqual(['duration', 'decrease', [0, null]]);
    const declared = buildCatalog([
      { id: 'frt_p90', derived, unit: 'count', direction: 'neutral', range: [0, 10] },
    ]).get('frt_p90')!;
    expect([declared.unit, declared.direction, declared.range]).toEqual([
      'count',
      'neutral',
      [0, 10],
    ]);
    // from a metric the catalog does not have: the new metric's defaults
    const unknown = buildCatalog([
      { id: 'x_p90', derived: { from: 'nowhere', statistic: 'p90' } },
    ]).get('x_p90')!;
    expect([unknown.unit, unknown.direction, unknown.range]).toEqual([
      'score',
      'increase',
      [null, null],
    ]);
  });
});

describe('bestPossibleValue', () => {
  const metric = (direction: MetricDefinition['direction'], range: MetricDefinition['range']) =>
    ({ ...BUILTIN_METRICS[0]!, direction, range }) as MetricDefinition;

  it('is the top of the range when higher is better, the bottom when lower is', () => {
    expect(bestPossibleValue(metric('increase', [0, 100]))).toBe(100);
    expect(bestPossibleValue(metric('decrease', [0, 100]))).toBe(0);
    expect(bestPossibleValue(metric('increase', [0, null]))).toBeUndefined();
    expect(bestPossibleValue(metric('decrease', [null, 7]))).toBeUndefined();
    expect(bestPossibleValue(metric('neutral', [0, 100]))).toBeUndefined();
  });
});
