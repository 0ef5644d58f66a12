/**
 * The contract between reading a records export (src/import: columns,
 * presets, cells) and computing metrics from it (src/core/records: periods,
 * business hours, one reducer per metric). DESIGN §11.
 *
 * A row arrives here with its fields already parsed: timestamps as instants,
 * durations in seconds, yes/no as booleans, ratings with their scale. A field
 * that the source does not map, or whose cell is missing, is absent.
 */
import type { IsoDate } from '../dates.js';
import type { MetricDefinition } from '../metrics.js';
import type { Instant } from '../zoned-time.js';

/** 1-5 and good-bad → CSAT; 0-10 → NPS; 1-7 → CES. */
export type RatingScale = '1-5' | '1-7' | '0-10' | 'good-bad';

export interface Rating {
  scale: RatingScale;
  /** On the scale; good-bad: 1 good, 0 bad. */
  value: number;
}

/** One ticket, call, survey response or subscription. */
export interface RecordRow {
  /** Physical line in the file (or row number of a query), for messages. */
  line: number;
  /** Ticket id: an event log (several rows per id) keeps only the last row of each. */
  id?: string;
  /** The value of each segment key, in the order of `RecordSettings.segmentKeys`; '' = empty cell. */
  segments: readonly string[];
  /** Ticket created, call started, survey answered. */
  created?: Instant;
  /** First agent reply, as a timestamp. */
  firstReplyAt?: Instant;
  /** First reply − created, in seconds of calendar time, as the export states it. */
  firstReplySeconds?: number;
  /** First reply − created, in seconds of business hours, as the export states it. */
  firstReplyBusinessSeconds?: number;
  solvedAt?: Instant;
  /** Solved − created, calendar seconds, as the export states it. */
  resolutionSeconds?: number;
  /** Solved − created, business-hours seconds, as the export states it. */
  resolutionBusinessSeconds?: number;
  status?: string;
  /** A ticket's or call's rating, or a survey response's score. */
  rating?: Rating;
  reopens?: number;
  /** Agent replies. */
  replies?: number;
  /** Calls: whether the call was answered. */
  answered?: boolean;
  /** Calls: seconds waited before an answer (speed of answer). */
  waitSeconds?: number;
  /** Calls: handle time in seconds. */
  handleSeconds?: number;
  /** Calls: whether the issue was resolved on the call. */
  resolved?: boolean;
  /** Subscriptions. */
  started?: Instant;
  /** Subscriptions: absent = still active. */
  ended?: Instant;
}

/** A field a source can map (`fields:` in goals.yaml). */
export type RecordField =
  | 'id'
  | 'created'
  | 'first_reply'
  | 'first_reply_business'
  | 'solved'
  | 'resolution'
  | 'resolution_business'
  | 'status'
  | 'rating'
  | 'score'
  | 'reopens'
  | 'replies'
  | 'answered'
  | 'wait'
  | 'handle'
  | 'resolved'
  | 'started'
  | 'ended';

/** day | ISO week (Monday) | month | quarter (of the fiscal year). */
export type PeriodKind = 'day' | 'week' | 'month' | 'quarter';

/** Weekly open hours and holidays, in the calendar's own zone (settings.calendars). */
export interface BusinessCalendarSpec {
  timeZone: string;
  /**
   * Open intervals per ISO weekday, `hours[0]` Monday … `hours[6]` Sunday: [start, end) in
   * minutes since midnight (end up to 1440), sorted, not overlapping.
   */
  hours: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  holidays: readonly IsoDate[];
}

export interface RecordSettings {
  /** settings.timezone: a period is a calendar period there. */
  timeZone: string;
  period: PeriodKind;
  /** settings.fiscal_year_start, for quarters. */
  fiscalYearStart: number;
  /** The source's segment keys, in the order of RecordRow.segments. */
  segmentKeys: readonly string[];
  /** The fields the source maps: they decide which metrics can be computed. */
  fields: ReadonlySet<RecordField>;
  /** The catalog, for derived metrics (`from:`, `statistic:`, `within:`, `hours:`). */
  catalog: ReadonlyMap<string, MetricDefinition>;
  /** The source's calendar, for `hours: business` metrics. */
  calendar?: BusinessCalendarSpec | undefined;
  /**
   * The `scale:` of the mapped rating or score, when known: it decides which of
   * csat, nps and ces the source computes. Unknown: each row's scale decides.
   */
  ratingScale?: RatingScale | undefined;
}

/** A value of one metric for one segment and period, with the rows behind it. */
export interface RecordSnapshot {
  metric: string;
  /** Canonical segment key (`team=EMEA`), '' for the total. */
  segment: string;
  /** The period's first day (a week's Monday), in settings.timezone. */
  date: IsoDate;
  value: number;
  /** Rows behind the value (tickets solved, ratings given, calls answered …). */
  n: number;
  /** The export does not cover the whole period (its first and last ones). */
  partial: boolean;
}

/** Turns rows into snapshots, one row at a time, in memory flat in the number of rows. */
export interface RecordAggregator {
  /** The metric ids this source computes, given its fields and the catalog. */
  readonly metrics: readonly string[];
  add(row: RecordRow): void;
  /** Every snapshot, sorted by metric, segment, date. */
  finish(): RecordSnapshot[];
}
