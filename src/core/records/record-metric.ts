/**
 * The shape of a metric computed from records (DESIGN §11, STYLE "a metric
 * computed from records is one file"). Most metrics put each row in one
 * period and summarise one number per row (`RowMetric`); backlog and churn
 * follow every row across periods (`TimelineMetric`).
 */
import type { Instant } from '../zoned-time.js';
import type { DayCounts } from './day-counts.js';
import type { BusinessCalendarSpec, RatingScale, RecordField, RecordRow } from './record.js';

/** A field the source must map, or `calendar`: the source names a business-hours calendar. */
export type Need = RecordField | 'calendar';

/** One requirement: any of its alternatives, each a set of needs that must all be met. */
export type Choice = ReadonlyArray<readonly Need[]>;

/**
 * What a metric requires of a source: every choice met. `undefined` from a
 * metric's `needs` means the source's kind of rows never gives it (no CSAT
 * from 0-10 scores).
 */
export type Needs = readonly Choice[];

/** Each need a choice of its own: `required('created', 'wait')`. */
export function required(...needs: Need[]): Choice[] {
  return needs.map((need) => [[need]]);
}

/** One choice among alternatives: `oneOf('solved', ['created', 'resolution'])`. */
export function oneOf(...alternatives: Array<Need | readonly Need[]>): Choice {
  return alternatives.map((a) => (typeof a === 'string' ? [a] : a));
}

/** What a source offers: the fields it maps, its calendar, the scale of its rating or score. */
export interface SourceTraits {
  fields: ReadonlySet<RecordField>;
  calendar?: BusinessCalendarSpec | undefined;
  /** The `scale:` of the mapped rating or score; unknown = decided row by row. */
  ratingScale?: RatingScale | undefined;
}

/** Durations in calendar time, or inside the calendar's open hours. */
export type Hours = 'calendar' | 'business';

/** A period's value and the rows behind it. */
export interface Measure {
  value: number;
  n: number;
}

/** Reads one row for a metric. Both answers undefined mean: the row does not count. */
export interface RowReader {
  /** The instant that puts the row in a period. */
  periodOf(row: RecordRow): Instant | undefined;
  /** The row's number (a duration in seconds, 1/0 for yes/no, a score). */
  valueOf(row: RecordRow): number | undefined;
}

/**
 * How the numbers of a period's rows become its value: `count` how many rows
 * (the value is n), `mean` their mean, `share` their mean × 100 (rows count 1
 * or 0, or for NPS +1, 0, −1).
 */
export type Summary = 'count' | 'mean' | 'share';

export interface RowMetric {
  kind: 'rows';
  id: string;
  summary: Summary;
  needs(source: SourceTraits, hours: Hours): Needs | undefined;
  reader(source: SourceTraits, hours: Hours): RowReader;
  /**
   * Whether a derived metric may read its per-row values (`from:`): not at
   * all (a share, a count), in calendar time, or also in business hours.
   */
  derivable: 'no' | 'calendar' | 'business';
}

/** Days and periods as the aggregator sees them (day numbers in settings.timezone). */
export interface Timeline {
  /** An instant's day number. */
  dayOf(instant: Instant): number;
  /** The first day of the period of a day. */
  periodOf(day: number): number;
}

/**
 * A metric whose rows count in many periods (open tickets, active
 * subscriptions). Its state is a few series of counts per day (DayCounts),
 * one set per segment: a row changes some days' counts, and each period's
 * value is read from running sums of them.
 */
export interface TimelineMetric {
  kind: 'timeline';
  id: string;
  needs(source: SourceTraits): Needs | undefined;
  /** How many series of day counts the state has. */
  series: number;
  /**
   * Writes the row's changes into `out` as (series, day, delta) triples and
   * returns how many triples it wrote (at most 4).
   */
  changes(row: RecordRow, time: Timeline, out: Float64Array): number;
  /** The value of each period, given as [first day, last day] day numbers, in order. */
  results(
    series: readonly DayCounts[],
    periods: ReadonlyArray<readonly [number, number]>,
  ): Array<Measure | undefined>;
}

export type RecordMetric = RowMetric | TimelineMetric;

/** Writes change number `index` (series, day, delta) of a TimelineMetric; returns index + 1. */
export function writeChange(
  out: Float64Array,
  index: number,
  series: number,
  day: number,
  delta: number,
): number {
  out[3 * index] = series;
  out[3 * index + 1] = day;
  out[3 * index + 2] = delta;
  return index + 1;
}

/** Whether a need is met by a source. */
export function isMet(need: Need, source: SourceTraits): boolean {
  return need === 'calendar' ? source.calendar !== undefined : source.fields.has(need);
}

/**
 * What a source lacks to compute a metric, for people; undefined when it
 * lacks nothing. Each unmet choice names the missing needs of its closest
 * alternatives (`solved or resolution`), choices joined by `, and `
 * (`solved or resolution, and reopens or replies`). `calendar` reads
 * `a calendar:`.
 */
export function describeMissing(needs: Needs, source: SourceTraits): string | undefined {
  const texts: string[] = [];
  for (const choice of needs) {
    const missing = choice.map((alternative) => alternative.filter((need) => !isMet(need, source)));
    const fewest = Math.min(...missing.map((m) => m.length));
    if (fewest === 0) continue;
    const text = [
      ...new Set(
        missing
          .filter((m) => m.length === fewest)
          .map((m) => m.map((need) => (need === 'calendar' ? 'a calendar:' : need)).join(' and ')),
      ),
    ].join(' or ');
    if (!texts.includes(text)) texts.push(text);
  }
  return texts.length === 0 ? undefined : texts.join(', and ');
}

/** The instant a ticket was solved: its solved time, or created + its resolution duration. */
export function solvedInstant(row: RecordRow): Instant | undefined {
  if (row.solvedAt !== undefined) return row.solvedAt;
  if (row.created !== undefined && row.resolutionSeconds !== undefined) {
    return row.created + row.resolutionSeconds * 1000;
  }
  return undefined;
}

/** Whether a ticket's solution is known: a solved time, or created + a resolution duration. */
export const SOLVED: Choice = oneOf('solved', ['created', 'resolution']);
