/**
 * Which metrics and segments a source in goals.yaml provides, without
 * reading the file: wide sources by their column mapping, long sources by
 * their metric mapping (or any metric when they map none), records sources
 * by what records can give (the built-in record metrics and the catalog's
 * derived ones; which of them the file's columns allow shows on import).
 */
import type { SourceInput } from '../config/schema.js';
import type { MetricDefinition } from './metrics.js';
import { RECORD_METRICS } from './records/record-metrics.js';
import type { Segment } from './snapshot.js';

/** Whether some records source could give the metric: a built-in record metric, or a derived one. */
export function recordsCanGive(
  metric: string,
  catalog?: ReadonlyMap<string, MetricDefinition>,
): boolean {
  return RECORD_METRICS.some((m) => m.id === metric) || catalog?.get(metric)?.derived !== undefined;
}

export function sourceProvides(
  source: SourceInput,
  metric: string,
  segment: Segment,
  catalog?: ReadonlyMap<string, MetricDefinition>,
): boolean {
  const segmentKeys = Object.keys(source.segments ?? {});
  if (!Object.keys(segment).every((k) => segmentKeys.includes(k))) return false;
  if (source.layout === 'records') return recordsCanGive(metric, catalog);
  const mapping = source.layout === 'wide' ? source.columns : source.metrics;
  if (mapping === undefined) return source.layout === 'long';
  return Object.values(mapping).some((m) => (typeof m === 'string' ? m : m.metric) === metric);
}
