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

describe('sourceProvides: long sources and mappings with units', () => {
  it('a long source without metrics: gives any metric, with metrics: only those it maps', () => {
    const any = { id: 'kpis', path: 'kpis.csv', layout: 'long', date: 'Week' } as SourceInput;
    expect(sourceProvides(any, 'training_completion', {})).toBe(true);
    const mapped = {
      ...any,
      metrics: { 'First reply (h)': { metric: 'first_response_time', unit: 'h' }, CSAT: 'csat' },
    } as SourceInput;
    expect(sourceProvides(mapped, 'first_response_time', {})).toBe(true);
    expect(sourceProvides(mapped, 'csat', {})).toBe(true);
    expect(sourceProvides(mapped, 'nps', {})).toBe(false);
  });

  it('a wide source without columns: gives nothing; a column with a unit gives its metric', () => {
    const bare = { id: 'kpis', path: 'kpis.csv', layout: 'wide', date: 'Week' } as SourceInput;
    expect(sourceProvides(bare, 'csat', {})).toBe(false);
    const withUnit = {
      ...bare,
      columns: { 'Handle (m)': { metric: 'handle_time', unit: 'm' } },
      segments: { team: 'Team', channel: 'Channel' },
    } as SourceInput;
    expect(sourceProvides(withUnit, 'handle_time', { team: 'EMEA', channel: 'chat' })).toBe(true);
    expect(sourceProvides(withUnit, 'handle_time', { team: 'EMEA', region: 'EU' })).toBe(false);
  });
});
