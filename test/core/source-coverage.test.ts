import { describe, expect, it } from 'vitest';
import type { SourceInput } from '../../src/config/schema.js';
import { BUILTIN_METRICS } from '../../src/core/metrics.js';
import type { MetricDefinition } from '../../src/core/metrics.js';
import { sourceProvides } from '../../src/core/source-coverage.js';

const records = {
  id: 'zendesk',
  path: 'tickets.csv',
  layout: 'records',
  preset: 'zendesk',
  segments: { team: 'Group' },
} as SourceInput;

describe('sourceProvides', () => {
  it('a records source gives what records give, for its segment keys', () => {
    expect(sourceProvides(records, 'csat', {})).toBe(true);
    expect(sourceProvides(records, 'csat', { team: 'Support' })).toBe(true);
    expect(sourceProvides(records, 'answer_rate', {})).toBe(true);
    // Not by a column it does not segment by.
    expect(sourceProvides(records, 'csat', { channel: 'Mail' })).toBe(false);
    // A metric of one's own is never computed from rows…
    expect(sourceProvides(records, 'training_completion', {})).toBe(false);
    // …unless it is derived from a record metric.
    const catalog = new Map<string, MetricDefinition>(BUILTIN_METRICS.map((m) => [m.id, m]));
    catalog.set('frt_p90', {
      id: 'frt_p90',
      name: 'First response time (90th percentile)',
      unit: 'duration',
      direction: 'decrease',
      range: [0, null],
      origin: 'custom',
      derived: { from: 'first_response_time', statistic: 'p90' },
    });
    expect(sourceProvides(records, 'frt_p90', {}, catalog)).toBe(true);
    expect(sourceProvides(records, 'frt_p90', {})).toBe(false);
  });

  it('a wide source gives the metrics its columns map', () => {
    const wide = {
      id: 'kpis',
      path: 'kpis.csv',
      layout: 'wide',
      date: 'Week',
      columns: { 'CSAT %': 'csat' },
    } as SourceInput;
    expect(sourceProvides(wide, 'csat', {})).toBe(true);
    expect(sourceProvides(wide, 'nps', {})).toBe(false);
  });
});
