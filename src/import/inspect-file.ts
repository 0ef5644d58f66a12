/**
 * `goals import --inspect`: how a file would be read, without a store.
 * Encoding, delimiter, header, what each column maps to, the first
 * snapshots as they would be stored, and every problem an import would
 * stop on.
 */
import { isGoalsError } from '../core/errors.js';
import type { GoalsError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { MetricDefinition } from '../core/metrics.js';
import type { SnapshotStore } from '../store/snapshot-store.js';
import type { StagedSnapshot } from '../store/snapshot-batch.js';
import type { Staging } from '../store/staging.js';
import { describeConflict, describeRowPerEvent } from './import-file.js';
import { MAX_LISTED_PROBLEMS } from './cell-problem.js';
import type { ImportSpec } from './import-spec.js';
import { recogniseRecordsExport } from './presets/index.js';
import { readSnapshots, ticketListError } from './read-snapshots.js';
import { fileRows } from './row-source.js';
import type { RowSource } from './row-source.js';
import type { ReadOutcome } from './read-snapshots.js';
import { resolveMapping } from './resolve-mapping.js';
import type { ResolvedMapping } from './resolve-mapping.js';
import { scanFile } from './scan-file.js';
import { sniffDialect } from './sniff-dialect.js';

/** How many snapshots --inspect shows. */
export const SAMPLE_SIZE = 10;
/** How many rows of a query's result --inspect shows. */
export const FIRST_ROWS = 5;

export interface InspectResult {
  kind: 'kpis';
  file: string;
  spec: ImportSpec;
  /** Where the rows come from (a file's scan and dialect, or a query). */
  rows: RowSource;
  /** A query's first rows, as it gives them. */
  firstRows: readonly string[][];
  header: readonly string[];
  headerLine: number;
  /** Undefined when the mapping does not fit the header. */
  mapping: ResolvedMapping | undefined;
  outcome: ReadOutcome | undefined;
  /** The first snapshots as they would be stored. */
  sample: StagedSnapshot[];
  /** What would stop an import (mapping, bad rows, ambiguous dates). */
  problems: Finding[];
  warnings: Finding[];
  /** Bad rows, keys given two values included. */
  badRows: number;
  /** Why an import would be refused, if it would, and what to do. */
  refusal: string | undefined;
  refusalHint: string | undefined;
}

/** The first `n` records (header first, an Excel `sep=` line left out), each with its line. */
export async function firstRecords(
  rows: RowSource,
  n: number,
  signal?: AbortSignal | undefined,
): Promise<Array<{ fields: string[]; line: number }>> {
  const records: Array<{ fields: string[]; line: number }> = [];
  // csv-parse reads a few lines as well as the quick reader would.
  await rows.read(
    (fields, line) => {
      records.push({ fields, line });
      return records.length < n;
    },
    () => {},
    { csvParse: true, signal },
  );
  return records;
}

/** The rows of a file (or the query given), and their header. */
export async function openRows(options: {
  path: string;
  displayPath: string;
  spec: ImportSpec;
  rows?: RowSource | undefined;
  signal?: AbortSignal | undefined;
}): Promise<{ rows: RowSource; header: string[]; headerLine: number; firstRows: string[][] }> {
  const { spec, displayPath } = options;
  let rows = options.rows;
  if (!rows) {
    const scan = await scanFile(options.path, displayPath, spec.encoding);
    const dialect = sniffDialect(scan.head, displayPath, {
      delimiter: spec.delimiter,
      decimal: spec.decimal,
    });
    rows = fileRows(scan, dialect, displayPath);
  }
  // A query's first rows are shown: the file is there to open, the result is not.
  const records = await firstRecords(rows, options.rows ? 1 + FIRST_ROWS : 1, options.signal);
  const [head, ...rest] = records;
  return {
    rows,
    header: head?.fields ?? [],
    headerLine: head?.line ?? 1,
    firstRows: rest.map((r) => r.fields),
  };
}

/** An import's refusal as --inspect says it: "it is a … export". */
export function refusalOf(error: GoalsError): string {
  return error.message
    .replace(/^.*? was not imported: /, '')
    .replace(/ Nothing was written\.$/, '')
    .replace(/\.$/, '');
}

/** Reads the whole file as an import would, keeping only a sample. */
export async function inspectFile(options: {
  path: string;
  displayPath: string;
  spec: ImportSpec;
  catalog: ReadonlyMap<string, MetricDefinition>;
  /** A scratch store (`:memory:`) to find keys repeated with different values. */
  scratch: SnapshotStore;
  /** A warehouse query's rows, instead of the file at `path`. */
  rows?: RowSource | undefined;
  signal?: AbortSignal | undefined;
}): Promise<InspectResult> {
  const { spec, displayPath, catalog } = options;
  const { rows, header, headerLine, firstRows } = await openRows(options);
  const base = {
    kind: 'kpis' as const,
    file: displayPath,
    spec,
    rows,
    firstRows,
    header: header.map((h) => h.trim()),
    headerLine,
  };
  // A ticket export is named as such before any mapping problem.
  const records = recogniseRecordsExport(base.header);
  if (records) {
    const error = ticketListError(records, displayPath);
    return {
      ...base,
      mapping: undefined,
      outcome: undefined,
      sample: [],
      problems: [],
      warnings: [],
      badRows: 0,
      refusal: refusalOf(error),
      refusalHint: error.hint,
    };
  }
  const resolved = resolveMapping(header, headerLine, spec, catalog, displayPath);
  if (!resolved.ok) {
    return {
      ...base,
      mapping: undefined,
      outcome: undefined,
      sample: [],
      problems: [...resolved.findings, ...(await rows.locate(resolved.cellProblems))],
      warnings: [],
      badRows: 0,
      refusal: 'the mapping does not fit the file',
      refusalHint: 'Fix what is listed below; the columns above show what each one maps to.',
    };
  }
  const sample: StagedSnapshot[] = [];
  let outcome: ReadOutcome | undefined;
  let problems: Finding[] = [];
  let refusal: string | undefined;
  let refusalHint: string | undefined;
  let badRows = 0;
  let staging: Staging = options.scratch.stage();
  try {
    outcome = await readSnapshots(
      { path: options.path, displayPath, spec, catalog, rows, signal: options.signal },
      {
        add: (batch) => {
          staging.add(batch);
          for (let i = 0; i < batch.length && sample.length < SAMPLE_SIZE; i++) {
            sample.push(batch.at(i));
          }
        },
        reset: () => {
          sample.length = 0;
          staging.discard();
          staging = options.scratch.stage();
        },
      },
    );
    const mapping = outcome.mapping;
    const repeats = staging.settleDuplicates();
    const conflicts = repeats.map((c) => describeConflict(c, mapping, catalog));
    const conflictRows = new Set(repeats.flatMap((c) => [c.first.line, c.second.line])).size;
    badRows = outcome.badRows + conflictRows;
    const perEvent = describeRowPerEvent(conflictRows, outcome.rows);
    const listed = [...outcome.problems, ...conflicts.slice(0, MAX_LISTED_PROBLEMS)].sort(
      (a, b) => a.line - b.line || a.field - b.field,
    );
    problems = await rows.locate(perEvent ? listed.slice(0, 3) : listed);
    if (perEvent) {
      refusal = perEvent.reason;
      refusalHint = perEvent.hint;
    } else if (badRows > 0) {
      const n = badRows.toLocaleString('en-US');
      refusal = `${badRows === 1 ? '1 row is' : `${n} rows are`} bad (--skip-invalid would leave ${badRows === 1 ? 'it' : 'them'} out)`;
    }
  } catch (error) {
    if (!isGoalsError(error) || error.code !== 'CSV_REJECTED') throw error;
    problems = [...error.findings];
    refusal = refusalOf(error);
    refusalHint = error.hint;
  } finally {
    staging.discard();
  }
  const warnings = outcome ? await rows.locate([...resolved.warnings, ...outcome.warnings]) : [];
  return {
    ...base,
    mapping: resolved.mapping,
    outcome,
    sample,
    problems,
    warnings,
    badRows,
    refusal,
    refusalHint,
  };
}
