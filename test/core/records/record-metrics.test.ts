import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/core/metrics.js';
import {
  BUSINESS_HOURS_METRICS,
  DERIVABLE_METRICS,
  checkDerivation,
  metricSupport,
} from '../../../src/core/records/record-metrics.js';
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
