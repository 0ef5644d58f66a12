import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/core/metrics.js';
import {
  BUSINESS_HOURS_METRICS,
  DERIVABLE_METRICS,
  checkDerivation,
  metricSupport,
} from '../../../src/core/records/record-metrics.js';
import { SOLVED, describeMissing, oneOf } from '../../../src/core/records/record-metric.js';
import type { RecordField } from '../../../src/core/records/record.js';

const calendar = { timeZone: 'UTC', hours: [[[540, 1020] as const]], holidays: [] };

describe('metricSupport', () => {
  it('says which metrics a Zendesk-like ticket export computes, and what the others lack', () => {
    const fields = new Set<RecordField>([
      'created',
      'solved',
      'rating',
      'reopens',
      'replies',
      'first_reply',
    ]);
    const catalog = buildCatalog([
      { id: 'frt_1bh', derived: { from: 'first_response_time', within: 3600, hours: 'business' } },
    ]);
    expect(metricSupport({ fields, ratingScale: '1-5' }, catalog)).toEqual([
      { metric: 'csat' },
      { metric: 'first_response_time' },
      { metric: 'resolution_time' },
      { metric: 'handle_time', missing: 'handle' },
      { metric: 'fcr' },
      { metric: 'churn_rate', missing: 'started' },
      { metric: 'retention_rate', missing: 'started' },
      { metric: 'ticket_volume' },
      { metric: 'backlog' },
      { metric: 'interactions_per_ticket' },
      { metric: 'answer_rate', missing: 'answered' },
      { metric: 'speed_of_answer', missing: 'wait' },
      { metric: 'frt_1bh', missing: 'first_reply_business or a calendar:' },
    ]);
    expect(
      metricSupport({ fields, ratingScale: '1-5', calendar }, catalog).find(
        (s) => s.metric === 'frt_1bh',
      ),
    ).toEqual({ metric: 'frt_1bh' });
  });

  it('names the closest alternatives', () => {
    const catalog = buildCatalog();
    const support = (fields: RecordField[]) =>
      Object.fromEntries(
        metricSupport({ fields: new Set(fields) }, catalog).map((s) => [s.metric, s.missing]),
      );
    expect(support(['created'])['resolution_time']).toBe('solved or resolution');
    expect(support(['created'])['fcr']).toBe('solved or resolution, and reopens or replies');
    expect(support(['solved'])['resolution_time']).toBe('created or resolution');
    expect(support([])['csat']).toBe('rating or score, and created or solved');
    expect(support(['solved'])['ticket_volume']).toBe('created');
    expect(support(['created', 'resolved'])['fcr']).toBeUndefined();
  });

  it('leaves out what the kind of rows can never give', () => {
    const survey = metricSupport(
      { fields: new Set(['created', 'score']), ratingScale: '0-10' },
      buildCatalog(),
    ).map((s) => s.metric);
    expect(survey).toContain('nps');
    expect(survey).not.toContain('csat');
    expect(survey).not.toContain('ces');
    expect(survey).not.toContain('ticket_volume');
    expect(survey).not.toContain('avg_response_time');
  });
});

describe('checkDerivation', () => {
  it('accepts a statistic or a threshold of a metric with a value per row', () => {
    expect(checkDerivation({ from: 'first_response_time', statistic: 'p90' })).toBeUndefined();
    expect(
      checkDerivation({ from: 'resolution_time', within: 86400, hours: 'business' }),
    ).toBeUndefined();
    expect(checkDerivation({ from: 'ces', statistic: 'median' })).toBeUndefined();
  });

  it('explains what cannot work', () => {
    expect(checkDerivation({ from: 'csat', statistic: 'mean' })).toBe(
      'from: csat has no value per row to derive from; use one of first_response_time, resolution_time, interactions_per_ticket, ces, speed_of_answer, handle_time',
    );
    expect(checkDerivation({ from: 'handle_time', within: 600, hours: 'business' })).toBe(
      'hours: business applies to first_response_time and resolution_time, not to handle_time',
    );
    expect(checkDerivation({ from: 'first_response_time', statistic: 'p90', within: 60 })).toBe(
      'give either statistic: or within:, not both',
    );
    expect(checkDerivation({ from: 'first_response_time' })).toBe(
      'a derived metric needs statistic: (mean, median, p90 …) or within: (a threshold)',
    );
    expect(checkDerivation({ from: 'first_response_time', statistic: 'p900' })).toBe(
      'statistic: p900 is not a statistic; use mean, median or pNN (p0 … p100, e.g. p90)',
    );
  });

  it('lists what may be derived from, and in business hours', () => {
    expect(BUSINESS_HOURS_METRICS).toEqual(['first_response_time', 'resolution_time']);
    expect(DERIVABLE_METRICS).toEqual([
      'first_response_time',
      'resolution_time',
      'interactions_per_ticket',
      'ces',
      'speed_of_answer',
      'handle_time',
    ]);
  });
});

describe('metricSupport: what each metric needs', () => {
  const support = (
    fields: RecordField[],
    options: { ratingScale?: '1-7'; catalog?: Parameters<typeof metricSupport>[1] } = {},
  ) =>
    Object.fromEntries(
      metricSupport(
        { fields: new Set(fields), ratingScale: options.ratingScale },
        options.catalog ?? buildCatalog(),
      ).map((s) => [s.metric, s.missing ?? 'nothing']),
    );

  it('interactions per ticket needs replies', () => {
    expect(support(['created', 'solved'])['interactions_per_ticket']).toBe('replies');
  });

  it('a 1-7 survey score gives CES, never CSAT', () => {
    const survey = support(['created', 'score'], { ratingScale: '1-7' });
    expect(survey['ces']).toBe('nothing');
    expect(survey['csat']).toBeUndefined();
  });

  it('resolution time in business hours needs the export’s figure or a calendar', () => {
    const catalog = buildCatalog([
      { id: 'rt_1bd', derived: { from: 'resolution_time', within: 28800, hours: 'business' } },
    ]);
    expect(support(['created', 'solved'], { catalog })['rt_1bd']).toBe(
      'resolution_business or a calendar:',
    );
    expect(support(['created'], { catalog })['rt_1bd']).toBe(
      'solved or resolution, and resolution_business or a calendar:',
    );
    expect(support(['solved', 'resolution_business'], { catalog })['rt_1bd']).toBe('nothing');
  });
});

describe('describeMissing', () => {
  it('names only the alternatives that lack the fewest needs, their needs joined by and', () => {
    const none = { fields: new Set<RecordField>() };
    // [first_reply, calendar] lacks 2, [created, answered, wait] lacks 3: only the first
    expect(
      describeMissing([oneOf(['first_reply', 'calendar'], ['created', 'answered', 'wait'])], none),
    ).toBe('first_reply and a calendar:');
    // solved (1) rather than created and resolution (2); then resolution (1) rather than
    // created and solved (2)
    expect(describeMissing([SOLVED, oneOf(['created', 'solved'], 'resolution')], none)).toBe(
      'solved, and resolution',
    );
  });
});

describe('metricSupport: derived metrics that cannot work, and the shape of each entry', () => {
  it('leaves out a derivation config refuses, and gives missing only when something is', () => {
    const catalog = buildCatalog([
      { id: 'frt_p900', derived: { from: 'first_response_time', statistic: 'p900' } },
      { id: 'frt_p90', derived: { from: 'first_response_time', statistic: 'p90' } },
    ]);
    const support = metricSupport({ fields: new Set(['created', 'first_reply']) }, catalog);
    expect(support.map((s) => s.metric)).not.toContain('frt_p900');
    // no `missing: undefined` key on what the source computes
    expect(support.find((s) => s.metric === 'frt_p90')).toStrictEqual({ metric: 'frt_p90' });
    expect(support.find((s) => s.metric === 'csat')).toStrictEqual({
      metric: 'csat',
      missing: 'rating or score',
    });
  });
});
