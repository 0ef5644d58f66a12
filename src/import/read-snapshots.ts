/**
 * A CSV export to snapshots: scan (hash, encoding), dialect, header and
 * mapping, then every row, streamed in batches to a sink. Problems are
 * collected, never thrown row by row, so one run lists them all. When the
 * date format is learned from the data and the rows read so far used a
 * format the file later rules out, the sink is reset and the file is read
 * again with the right one.
 */
import { GoalsError } from '../core/errors.js';
import type { MetricDefinition } from '../core/metrics.js';
import { SnapshotBatch } from '../store/snapshot-batch.js';
import { MAX_LISTED_PROBLEMS } from './cell-problem.js';
import type { CellProblem } from './cell-problem.js';
import type { ImportSpec } from './import-spec.js';
import { DateDetector } from './parse-date.js';
import type { DateFormat } from './parse-date.js';
import { recogniseRecordsExport } from './presets/index.js';
import type { PresetMatch } from './presets/preset.js';
import { ReadAgainWithCsvParse } from './read-csv.js';
import { fileRows } from './row-source.js';
import type { RowSource } from './row-source.js';
import { RowReader } from './read-row.js';
import { resolveMapping } from './resolve-mapping.js';
import type { ResolvedMapping } from './resolve-mapping.js';
import { scanFile } from './scan-file.js';
import type { FileScan } from './scan-file.js';
import { sniffDialect } from './sniff-dialect.js';

/** How far the reading got; `isLast` once every row was read. */
export interface ReadProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
  isLast: boolean;
}

export interface SnapshotSink {
  /** Called with a reused batch: copy what you keep. */
  add(batch: SnapshotBatch): void;
  /** Forget every snapshot added so far: the file is read again. */
  reset(): void;
}

export interface ReadSnapshotsOptions {
  path: string;
  displayPath: string;
  spec: ImportSpec;
  catalog: ReadonlyMap<string, MetricDefinition>;
  /** A scan made earlier (sync hashes first to skip unchanged files). */
  scan?: FileScan | undefined;
  /** Rows from elsewhere than `path` (a warehouse query); then `path` and `scan` are not read. */
  rows?: RowSource | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ReadProgress) => void) | undefined;
}

export interface ReadOutcome {
  kind: 'kpis';
  /** Where the rows came from: it locates their problems. */
  source: RowSource;
  mapping: ResolvedMapping;
  /** Undefined when the file has no dated row. */
  dateFormat: DateFormat | undefined;
  dateFormatSource: 'declared' | 'detected';
  /** Data rows, blank ones not counted. */
  rows: number;
  badRows: number;
  /** Snapshots sent to the sink (from good rows). */
  snapshots: number;
  /** Errors, the first MAX_LISTED_PROBLEMS of them, in file order. */
  problems: CellProblem[];
  warnings: CellProblem[];
}

/**
 * Reads a file into `sink`. Throws CSV_UNREADABLE or CSV_REJECTED when the
 * file as a whole cannot be read (no header, a mapping that does not fit, a
 * malformed quote, ambiguous dates); bad rows are returned as problems.
 */
export async function readSnapshots(
  options: ReadSnapshotsOptions,
  sink: SnapshotSink,
): Promise<ReadOutcome> {
  const source = await rowSourceOf(options);
  let csvParse = false;
  const pass = async (format: DateFormat | undefined) => {
    try {
      return await readPass(options, source, sink, format, csvParse);
    } catch (error) {
      if (!(error instanceof ReadAgainWithCsvParse)) throw error;
      sink.reset();
      csvParse = true;
      return readPass(options, source, sink, format, csvParse);
    }
  };
  const first = await pass(undefined);
  if (first.kind === 'done') return first.result;
  sink.reset();
  const second = await pass(first.format);
  if (second.kind === 'done') return second.result;
  throw new Error(
    `the date format ${first.format} was learned, yet the second pass learned ${second.format}`,
  );
}

/** The rows to read: those given, or the file's (scanned now unless a scan came with it). */
export async function rowSourceOf(options: ReadSnapshotsOptions): Promise<RowSource> {
  if (options.rows) return options.rows;
  const { spec, displayPath } = options;
  const scan = options.scan ?? (await scanFile(options.path, displayPath, spec.encoding));
  const dialect = sniffDialect(scan.head, displayPath, {
    delimiter: spec.delimiter,
    decimal: spec.decimal,
  });
  return fileRows(scan, dialect, displayPath);
}

async function readPass(
  options: ReadSnapshotsOptions,
  source: RowSource,
  sink: SnapshotSink,
  learnedFormat: DateFormat | undefined,
  csvParse: boolean,
): Promise<{ kind: 'done'; result: ReadOutcome } | { kind: 'reread'; format: DateFormat }> {
  const { spec, displayPath } = options;
  let mapping: ResolvedMapping | undefined;
  let reader: RowReader | undefined;
  const timeZone = spec.timeZone ?? 'UTC';
  const detector = new DateDetector(timeZone);
  const problems: CellProblem[] = [];
  const warnings: CellProblem[] = [];
  let rows = 0;
  let badRows = 0;
  let snapshots = 0;
  const out = new SnapshotBatch();

  let headerProblems: Extract<ReturnType<typeof resolveMapping>, { ok: false }> | undefined;
  const onRecord = (fields: string[], line: number): void => {
    if (!reader) {
      // A ticket export is refused as such before any mapping problem: no
      // mapping (nor --skip-invalid) makes its rows metric snapshots.
      const records = recogniseRecordsExport(fields);
      if (records) throw ticketListError(records, displayPath);
      const resolved = resolveMapping(fields, line, spec, options.catalog, displayPath);
      if (!resolved.ok) {
        headerProblems = resolved;
        return;
      }
      mapping = resolved.mapping;
      warnings.push(...resolved.warnings);
      reader = new RowReader(
        mapping,
        source.decimal,
        mapping.dateFormat ?? learnedFormat,
        detector,
        timeZone,
      );
      return;
    }
    const rowProblems = reader.read(fields, line, out);
    if (rowProblems === undefined) {
      rows++;
    } else if (rowProblems.length > 0) {
      rows++;
      badRows++;
      for (const p of rowProblems) if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
    }
  };
  await source.read(
    (fields, line) => {
      onRecord(fields, line);
      return headerProblems === undefined;
    },
    (bytes, isLast) => {
      // Good rows are staged even after a bad one, so that keys repeated with
      // different values are found and listed in the same run.
      if (out.length > 0) {
        sink.add(out);
        snapshots += out.length;
        out.clear();
      }
      options.onProgress?.({ bytes, totalBytes: source.total, rows, isLast });
    },
    { signal: options.signal, csvParse },
  );
  if (headerProblems) {
    const findings = [
      ...headerProblems.findings,
      ...(await source.locate(headerProblems.cellProblems)),
    ];
    throw new GoalsError(
      'CSV_REJECTED',
      `${displayPath} was not imported: ${spec.sourceId ? `the mapping of source '${spec.sourceId}'` : 'the mapping'} does not fit the ${source.scan ? 'file' : 'result'}.`,
      {
        hint: `Fix what is listed above; \`goals import --inspect ${spec.sourceId ? `--source ${spec.sourceId}` : 'FILE'}\` shows the header and how each column maps.`,
        findings,
      },
    );
  }
  if (!mapping || !reader) {
    throw new GoalsError('CSV_REJECTED', `${displayPath} has no header line.`, {
      hint: 'The first line of an export names its columns; export the file again with headers.',
    });
  }
  warnings.push(...reader.ratioWarnings());
  let dateFormat = mapping.dateFormat ?? learnedFormat;
  const dateFormatSource = mapping.dateFormat ? 'declared' : 'detected';
  if (!dateFormat) {
    const detected = detector.result();
    if (detected.kind === 'ambiguous') {
      const { example, formats } = detected;
      const [position] = await source.locate([
        {
          severity: 'error',
          rule: 'import/ambiguous-date',
          message: `"${example.text}" in column "${mapping.date.name}" can be read two ways: ${example.readings.map((r) => `${r.date} (${r.format})`).join(' or ')}.`,
          hint: `Say which format the file uses: --date-format ${formats[0]} or --date-format ${formats[1]}, or in goals.yaml date: { column: ${yamlString(mapping.date.name)}, format: ${formats[0]} }.`,
          line: example.line,
          field: example.field,
        },
      ]);
      throw new GoalsError(
        'CSV_REJECTED',
        `${displayPath} was not imported: its dates fit both ${formats.join(' and ')}, and goals does not guess.`,
        {
          hint: `Declare the format: --date-format ${formats[0]} (or ${formats[1]}), or date: { column: ${yamlString(mapping.date.name)}, format: ${formats[0]} } in the source in goals.yaml.`,
          findings: position ? [position] : [],
        },
      );
    }
    if (detected.kind === 'format') {
      dateFormat = detected.format;
      if (detector.needsRereading) {
        return { kind: 'reread', format: detected.format };
      }
    }
  }
  return {
    kind: 'done',
    result: {
      kind: 'kpis',
      source,
      mapping,
      dateFormat,
      dateFormatSource,
      rows,
      badRows,
      snapshots,
      problems,
      warnings,
    },
  };
}

/** The refusal of a row-per-ticket export read as a KPI file, naming the preset that reads it. */
export function ticketListError(match: PresetMatch, displayPath: string): GoalsError {
  const { preset, segments } = match;
  const segmentFlags = Object.entries(segments)
    .slice(0, 1)
    .map(
      ([key, column]) =>
        ` --segment ${key}=${/^[\w-]+$/.test(column) ? column : JSON.stringify(column)}`,
    )
    .join('');
  return new GoalsError(
    'CSV_REJECTED',
    `${displayPath} was not imported: it is a ${preset.name} (a row per ${preset.id === 'survey' ? 'response' : 'ticket'}), not metric snapshots (a value per metric, segment and date). Nothing was written.`,
    {
      hint: `Import it as records, and goals computes the metrics from its rows: goals import ${displayPath} --preset ${preset.id}${segmentFlags}, or in goals.yaml a source with layout: records and preset: ${preset.id}. \`goals import --inspect ${displayPath} --preset ${preset.id}\` shows what it computes.`,
    },
  );
}

/** A column name as a YAML scalar in a hint. */
function yamlString(name: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_ -]*$/.test(name) && !name.endsWith(' ')
    ? name
    : JSON.stringify(name);
}
