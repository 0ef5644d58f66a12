/**
 * Rows and settings for records tests: `t('2026-03-02 09:30')` is that UTC
 * time as an instant; `aggregate(rows, options)` runs the aggregator with the
 * fields the rows use (unless given) and daily UTC periods by default.
 */
import { createRecordAggregator } from '../../src/core/records/aggregate-records.js';
import type {
  RecordField,
  RecordRow,
  RecordSettings,
  RecordSnapshot,
} from '../../src/core/records/record.js';
import { buildCatalog } from '../../src/core/metrics.js';

/** A UTC wall-clock time (`2026-03-02 09:30`) as an instant. */
export function t(text: string): number {
  const instant = Date.parse(`${text.replace(' ', 'T')}Z`);
  if (Number.isNaN(instant)) throw new Error(`bad time ${text}`);
  return instant;
}

const FIELD_OF: Partial<Record<keyof RecordRow, RecordField>> = {
  id: 'id',
  created: 'created',
  firstReplyAt: 'first_reply',
  firstReplySeconds: 'first_reply',
  firstReplyBusinessSeconds: 'first_reply_business',
  solvedAt: 'solved',
  resolutionSeconds: 'resolution',
  resolutionBusinessSeconds: 'resolution_business',
  status: 'status',
  rating: 'rating',
  reopens: 'reopens',
  replies: 'replies',
  answered: 'answered',
  waitSeconds: 'wait',
  handleSeconds: 'handle',
  resolved: 'resolved',
  started: 'started',
  ended: 'ended',
};

export type TestRow = Partial<RecordRow>;

/** The fields a set of rows uses. */
export function fieldsOf(rows: readonly TestRow[]): Set<RecordField> {
  const fields = new Set<RecordField>();
  for (const row of rows) {
    for (const key of Object.keys(row) as Array<keyof RecordRow>) {
      const field = FIELD_OF[key];
      if (field) fields.add(field);
    }
  }
  return fields;
}

export interface AggregateOptions extends Partial<Omit<RecordSettings, 'fields'>> {
  fields?: readonly RecordField[];
}

/** Runs rows through a fresh aggregator: daily periods in UTC, no segments, the built-in catalog. */
export function aggregate(
  rows: readonly TestRow[],
  options: AggregateOptions = {},
): RecordSnapshot[] {
  const aggregator = createRecordAggregator({
    timeZone: 'UTC',
    period: 'day',
    fiscalYearStart: 1,
    segmentKeys: [],
    catalog: buildCatalog(),
    ...options,
    fields: new Set(options.fields ?? fieldsOf(rows)),
  });
  rows.forEach((row, i) => aggregator.add({ line: i + 2, segments: [], ...row }));
  return aggregator.finish();
}

/** The snapshots of one metric for the total, as [date, value, n]. */
export function series(
  snapshots: readonly RecordSnapshot[],
  metric: string,
  segment = '',
): Array<[string, number, number]> {
  return snapshots
    .filter((s) => s.metric === metric && s.segment === segment)
    .map((s) => [s.date, s.value, s.n]);
}
