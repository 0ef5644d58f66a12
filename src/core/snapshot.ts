import type { IsoDate } from './dates.js';

/** Segment of the data (team, channel, agent …); `{}` is the whole team. */
export type Segment = Readonly<Record<string, string>>;

/** One value of one metric for one segment on one date. */
export interface Snapshot {
  metric: string;
  segment: Segment;
  date: IsoDate;
  /** In the metric's unit (durations in seconds, percents 0–100). */
  value: number;
}

/** A dated value of one series (one metric, one segment). */
export interface Point {
  date: IsoDate;
  value: number;
  /** Records sources (DESIGN §11): the rows behind the value. Absent for KPI files. */
  n?: number | undefined;
  /** Records sources: the export does not cover the whole period. */
  partial?: boolean | undefined;
}

/** Canonical text of a segment: `team=EMEA;channel=chat` sorted by key, `''` for none. */
export function segmentKey(segment: Segment): string {
  return Object.keys(segment)
    .sort()
    .map((k) => `${k}=${segment[k]}`)
    .join(';');
}

export function parseSegmentKey(key: string): Segment {
  if (key === '') return {};
  const segment: Record<string, string> = {};
  for (const part of key.split(';')) {
    const eq = part.indexOf('=');
    segment[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return segment;
}

/** `team=EMEA, channel=chat`, or `all` for the whole team. */
export function formatSegment(segment: Segment): string {
  const keys = Object.keys(segment);
  return keys.length === 0 ? 'all' : keys.map((k) => `${k}=${segment[k]}`).join(', ');
}

/** Points sorted by date (stable, so the input order never matters). */
export function sortPoints<T extends Point>(points: readonly T[]): T[] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort acts only on a result below 0: 0 and 1 are the same to it
  return [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
