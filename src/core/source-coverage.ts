/**
 * Which metrics and segments a source in goals.yaml provides, without
 * reading the file: wide sources by their column mapping, long sources by
 * their metric mapping (or any metric when they map none).
 */
import type { SourceInput } from '../config/schema.js';
import type { Segment } from './snapshot.js';

export function sourceProvides(source: SourceInput, metric: string, segment: Segment): boolean {
  const segmentKeys = Object.keys(source.segments ?? {});
  if (!Object.keys(segment).every((k) => segmentKeys.includes(k))) return false;
  const mapping = source.layout === 'wide' ? source.columns : source.metrics;
  if (mapping === undefined) return source.layout === 'long';
  return Object.values(mapping).some((m) => (typeof m === 'string' ? m : m.metric) === metric);
}
