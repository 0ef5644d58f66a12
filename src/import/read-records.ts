/**
 * A records export (one row per ticket, call, survey response or
 * subscription; DESIGN §11) to snapshots: scan, dialect, header and fields
 * (preset, declared), then every row parsed into a RecordRow and added to
 * the core's aggregator, whose snapshots go to the sink.
 *
 * Memory stays flat in the number of rows: rows are aggregated as they are
 * read. Only when the rows have ids are the ids kept (one map entry each),
 * to tell an event log (several rows per id, as ServiceNow writes): then the
 * file is read a second time and only each id's last row is aggregated. A
 * timestamp format learned late (a day above 12 that rules out MM/DD) also
 * makes a second reading, with the format known from the start.
 */
import { GoalsError } from '../core/errors.js';
import { shellWord } from '../core/text.js';
import type { MetricDefinition } from '../core/metrics.js';
import { createRecordAggregator } from '../core/records/aggregate-records.js';
import { parseOpenHours } from '../core/records/business-hours.js';
import type {
  RatingScale,
  RecordAggregator,
  RecordSettings,
  RecordSnapshot,
} from '../core/records/record.js';
import { metricSupport } from '../core/records/record-metrics.js';
import type { MetricSupport } from '../core/records/record-metrics.js';
import { SnapshotBatch } from '../store/snapshot-batch.js';
import { MAX_LISTED_PROBLEMS } from './cell-problem.js';
import type { CellProblem } from './cell-problem.js';
import type { ImportSpec } from './import-spec.js';
import { DateDetector } from './parse-date.js';
import type { DateFormat } from './parse-date.js';
import { ReadAgainWithCsvParse } from './read-csv.js';
import { RecordReader } from './read-record.js';
import type { RowSource } from './row-source.js';
import { rowSourceOf } from './read-snapshots.js';
import type { ReadSnapshotsOptions, SnapshotSink } from './read-snapshots.js';
import { resolveFields } from './resolve-fields.js';
import type { ResolvedRecords } from './resolve-fields.js';

/** A records file is read with what a KPI file is read with. */
export type ReadRecordsOptions = ReadSnapshotsOptions;

export interface RecordsOutcome {
  kind: 'records';
  /** Where the rows came from: it locates their problems. */
  source: RowSource;
  records: ResolvedRecords;
  /** The format of timestamps without a declared one, once known. */
  dateFormat: DateFormat | undefined;
  /** Data rows, blank ones not counted. */
  rows: number;
  badRows: number;
  /** Errors, the first MAX_LISTED_PROBLEMS of them, in file order. */
  problems: CellProblem[];
  warnings: CellProblem[];
  /** Timestamps that look like an export's "no value" (1900-01-01), with how many rows had them. */
  suspects: ReadonlyMap<string, number>;
  /** Distinct ids, when the source maps id. */
  ids: number | undefined;
  /** Rows left out because a later row has the same id (an event log). */
  supersededRows: number;
  /** The scale of the rating or score: declared, or decided by the first rating read. */
  ratingScale: RatingScale | undefined;
  /** What the source computes, and what each other metric lacks. */
  support: MetricSupport[];
  /** Snapshots sent to the sink. */
  snapshots: number;
  /** The first snapshots, for --inspect. */
  sample: RecordSnapshot[];
  /** The first and last period dated in the snapshots. */
  periods: { first: string; last: string } | undefined;
}

/** How many snapshots --inspect shows. */
const SAMPLE = 10;

/**
 * Reads a records file into `sink`. Throws CSV_UNREADABLE or CSV_REJECTED
 * when the file as a whole cannot be read (no header, fields that do not
 * fit, ambiguous timestamps, a calendar that does not parse); bad rows are
 * returned as problems, and their rows are left out of the snapshots.
 */
export async function readRecords(
  options: ReadRecordsOptions,
  sink: SnapshotSink,
): Promise<RecordsOutcome> {
  const source = await rowSourceOf(options);
  let csvParse = false;
  const pass = async (
    format: DateFormat | undefined,
    lastLines: Map<string | number, number> | undefined,
  ) => {
    try {
      return await readPass(options, source, sink, format, lastLines, csvParse);
    } catch (error) {
      // The quick reader met a line break only csv-parse reads right.
      if (!(error instanceof ReadAgainWithCsvParse)) throw error;
      sink.reset();
      csvParse = true;
      return readPass(options, source, sink, format, lastLines, csvParse);
    }
  };
  const first = await pass(undefined, undefined);
  if (first.kind === 'done') return first.outcome;
  sink.reset();
  const second = await pass(first.format, first.lastLines);
  if (second.kind === 'done') return second.outcome;
  throw new Error('a second reading of a records file asked for a third');
}

type PassResult =
  | { kind: 'done'; outcome: RecordsOutcome }
  | {
      kind: 'reread';
      format: DateFormat | undefined;
      lastLines: Map<string | number, number> | undefined;
    };

/** A compact key for an id: whole numbers without leading zeros are kept as numbers. */
function idKey(id: string): string | number {
  return id.length < 16 && /^[1-9]\d*$/.test(id) ? Number(id) : id;
}

async function readPass(
  options: ReadRecordsOptions,
  source: RowSource,
  sink: SnapshotSink,
  learnedFormat: DateFormat | undefined,
  lastLines: Map<string | number, number> | undefined,
  csvParse: boolean,
): Promise<PassResult> {
  const { spec, displayPath } = options;
  const recordsSpec = spec.records!;
  const declaredHeader = recordsSpec.header;
  const detector = new DateDetector(recordsSpec.context.timeZone);
  const problems: CellProblem[] = [];
  let warnings: CellProblem[] = [];
  let records: ResolvedRecords | undefined;
  let reader: RecordReader | undefined;
  let aggregator: RecordAggregator | undefined;
  let fieldProblems: { cellProblems: CellProblem[]; findings: GoalsError['findings'] } | undefined;
  let rows = 0;
  let badRows = 0;
  let supersededRows = 0;
  /** First pass: each id's last good line; undefined when ids are not mapped. */
  let ids: Map<string | number, number> | undefined;
  let isEventLog = false;

  const start = (header: readonly string[], headerLine: number): boolean => {
    const resolved = resolveFields(header, headerLine, spec, displayPath);
    if (!resolved.ok) {
      fieldProblems = resolved;
      return false;
    }
    records = resolved.records;
    warnings = resolved.warnings;
    reader = new RecordReader(records, {
      decimal: source.decimal,
      dateFormat: learnedFormat,
      detector,
      missingHint: (text) => missingHint(text, spec),
      isDeclaredInFile: spec.origin !== undefined,
    });
    aggregator = createRecordAggregator(recordSettings(records, spec, options.catalog));
    if (!lastLines && records.fields.some((f) => f.field === 'id')) ids = new Map();
    return true;
  };
  if (declaredHeader) start(declaredHeader, 0);

  const onRecord = (fields: string[], line: number): boolean => {
    if (fieldProblems) return false;
    if (!reader) return start(fields, line);
    const row = reader.read(fields, line);
    if (Array.isArray(row)) {
      if (row.length === 0) return true;
      rows++;
      badRows++;
      for (const p of row) if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
      return true;
    }
    rows++;
    if (row.id !== undefined) {
      const key = idKey(row.id);
      if (lastLines) {
        // Second pass of an event log: only each id's last row counts.
        if (lastLines.get(key) !== line) {
          supersededRows++;
          return true;
        }
      } else if (ids) {
        if (ids.has(key)) isEventLog = true;
        ids.set(key, line);
      }
    }
    if (!isEventLog) aggregator!.add(row);
    return true;
  };

  await source.read(
    onRecord,
    (bytes, isLast) => options.onProgress?.({ bytes, totalBytes: source.total, rows, isLast }),
    { signal: options.signal, csvParse },
  );

  if (fieldProblems) {
    const findings = [
      ...(fieldProblems.findings ?? []),
      ...(await source.locate(fieldProblems.cellProblems)),
    ];
    throw new GoalsError(
      'CSV_REJECTED',
      `${displayPath} was not imported: ${spec.sourceId ? `the fields of source '${spec.sourceId}' do` : 'the fields do'} not fit the ${source.scan ? 'file' : 'result'}.`,
      {
        hint: `Fix what is listed above; \`goals import --inspect ${spec.sourceId ? `--source ${spec.sourceId}` : 'FILE'}\` shows the header and how each column maps.`,
        findings,
      },
    );
  }
  if (!records || !reader || !aggregator) {
    throw new GoalsError('CSV_REJECTED', `${displayPath} has no header line.`, {
      hint: 'The first line of an export names its columns; export the file again with headers, or name them with header: in the source in goals.yaml.',
    });
  }

  let dateFormat = learnedFormat;
  if (!dateFormat) {
    const detected = detector.result();
    if (detected.kind === 'ambiguous') throw await ambiguous(detected, records, source, options);
    if (detected.kind === 'format') dateFormat = detected.format;
    if (detected.kind === 'format' && detector.needsRereading) {
      return { kind: 'reread', format: dateFormat, lastLines: isEventLog ? ids : undefined };
    }
  }
  if (isEventLog) return { kind: 'reread', format: dateFormat, lastLines: ids };

  const snapshots = aggregator.finish();
  const batch = new SnapshotBatch();
  for (const s of snapshots) {
    // A snapshot comes from many rows: it is located at the header.
    batch.push(s.metric, s.segment, s.date, s.value, records.headerLine, s);
    if (batch.length === 4096) {
      sink.add(batch);
      batch.clear();
    }
  }
  if (batch.length > 0) sink.add(batch);
  const dates = snapshots.map((s) => s.date).sort();
  return {
    kind: 'done',
    outcome: {
      kind: 'records',
      source,
      records,
      dateFormat,
      rows,
      badRows,
      problems,
      warnings,
      suspects: reader.suspects,
      ids: lastLines ? lastLines.size : ids?.size,
      supersededRows,
      ratingScale: reader.ratingScale,
      support: metricSupport(
        {
          ...traitsOf(recordSettings(records, spec, options.catalog)),
          ratingScale: reader.ratingScale,
        },
        options.catalog,
      ),
      snapshots: snapshots.length,
      sample: snapshots.slice(0, SAMPLE),
      periods: dates.length > 0 ? { first: dates[0]!, last: dates.at(-1)! } : undefined,
    },
  };
}

/** What the core needs to know of a source to aggregate its rows. */
export function recordSettings(
  records: ResolvedRecords,
  spec: ImportSpec,
  catalog: ReadonlyMap<string, MetricDefinition>,
): RecordSettings {
  const { context } = spec.records!;
  const rating = records.fields.find((f) => f.field === 'rating' || f.field === 'score');
  const calendar = context.calendar;
  return {
    timeZone: context.timeZone,
    period: records.period,
    fiscalYearStart: context.fiscalYearStart,
    segmentKeys: records.segments.map((s) => s.key),
    fields: new Set(records.fields.map((f) => f.field)),
    catalog,
    calendar: calendar && {
      timeZone: calendar.timezone ?? context.timeZone,
      hours: parseOpenHours(calendar.hours).hours,
      holidays: calendar.holidays ?? [],
    },
    ratingScale: rating?.scales.length === 1 ? rating.scales[0] : undefined,
  };
}

function traitsOf(settings: RecordSettings) {
  return {
    fields: settings.fields,
    calendar: settings.calendar,
    ratingScale: settings.ratingScale,
  };
}

/** How to declare a cell as "no value": for a hint, in goals.yaml or with a flag. */
export function missingHint(text: string, spec: ImportSpec): string {
  const yaml = JSON.stringify(text);
  return spec.sourceId
    ? `If ${yaml} means "no value" in this export, add it to the source's missing values: missing: [${yaml}] in source '${spec.sourceId}' in goals.yaml. Otherwise correct the row, or --skip-invalid to leave it out.`
    : `If ${yaml} means "no value" in this export, pass --missing ${shellWord(text)}. Otherwise correct the row, or --skip-invalid to leave it out.`;
}

async function ambiguous(
  detected: Extract<ReturnType<DateDetector['result']>, { kind: 'ambiguous' }>,
  records: ResolvedRecords,
  source: RowSource,
  options: ReadRecordsOptions,
): Promise<GoalsError> {
  const { example, formats } = detected;
  const field = records.fields.find((f) => f.index === example.field);
  const name = field?.name ?? '';
  const key = field?.field ?? 'created';
  const fix = options.spec.sourceId
    ? `${key}: { column: ${JSON.stringify(name)}, format: ${formats[0]} } under fields: in source '${options.spec.sourceId}' in goals.yaml`
    : `--field "${key}=${name}:${formats[0]}"`;
  const [position] = await source.locate([
    {
      severity: 'error',
      rule: 'import/ambiguous-date',
      message: `"${example.text}" in column "${name}" can be read two ways: ${example.readings.map((r) => `${r.date} (${r.format})`).join(' or ')}.`,
      hint: `Say which format the file uses: ${fix} (or ${formats[1]}).`,
      line: example.line,
      field: example.field,
    },
  ]);
  return new GoalsError(
    'CSV_REJECTED',
    `${options.displayPath} was not imported: its timestamps fit both ${formats.join(' and ')}, and goals does not guess.`,
    { hint: `Declare the format: ${fix}.`, findings: position ? [position] : [] },
  );
}
