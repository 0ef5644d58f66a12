/**
 * `goals import --inspect` of a records source (DESIGN §11): how each
 * column maps (declared, or recognised by the preset), which metrics the
 * source computes and, for the others, which field they lack; the first
 * snapshots; and what would stop an import.
 */
import { isGoalsError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { MetricDefinition } from '../core/metrics.js';
import type { ImportSpec } from './import-spec.js';
import { openRows, refusalOf } from './inspect-file.js';
import { badRowsHint } from './import-file.js';
import { readRecords } from './read-records.js';
import type { RecordsOutcome } from './read-records.js';
import type { RowSource } from './row-source.js';
import type { SnapshotSink } from './read-snapshots.js';
import { resolveFields } from './resolve-fields.js';
import type { ResolvedRecords } from './resolve-fields.js';
import { recogniseRecordsExport } from './presets/index.js';
import type { PresetMatch } from './presets/preset.js';

export interface RecordsInspectResult {
  kind: 'records';
  file: string;
  spec: ImportSpec;
  /** Where the rows come from (a file's scan and dialect, or a query). */
  rows: RowSource;
  /** A query's first rows, as it gives them. */
  firstRows: readonly string[][];
  header: readonly string[];
  headerLine: number;
  /** Undefined when the fields do not fit the header. */
  records: ResolvedRecords | undefined;
  /** A preset the header looks like, when none is declared. */
  recognised: PresetMatch | undefined;
  outcome: RecordsOutcome | undefined;
  problems: Finding[];
  warnings: Finding[];
  refusal: string | undefined;
  refusalHint: string | undefined;
}

export async function inspectRecords(options: {
  path: string;
  displayPath: string;
  spec: ImportSpec;
  catalog: ReadonlyMap<string, MetricDefinition>;
  /** A warehouse query's rows, instead of the file at `path`. */
  rows?: RowSource | undefined;
  signal?: AbortSignal | undefined;
  /** Where the snapshots go; by default nowhere (--inspect shows the first ones). */
  sink?: SnapshotSink | undefined;
}): Promise<RecordsInspectResult> {
  const { spec, displayPath } = options;
  const opened = await openRows(options);
  const { rows } = opened;
  const declared = spec.records?.header;
  const { header, headerLine } = declared ? { header: declared, headerLine: 0 } : opened;
  const names = header.map((h) => h.trim());
  const base = {
    kind: 'records' as const,
    file: displayPath,
    spec,
    rows,
    firstRows: opened.firstRows,
    header: names,
    headerLine,
    recognised: spec.records?.preset === undefined ? recogniseRecordsExport(names) : undefined,
  };
  const resolved = resolveFields(header, headerLine, spec, displayPath);
  if (!resolved.ok) {
    return {
      ...base,
      records: undefined,
      outcome: undefined,
      problems: [...resolved.findings, ...(await rows.locate(resolved.cellProblems))],
      warnings: [],
      refusal: 'the fields do not fit the file',
      refusalHint: 'Fix what is listed below; the columns above show what each one maps to.',
    };
  }
  let outcome: RecordsOutcome | undefined;
  let problems: Finding[] = [];
  let refusal: string | undefined;
  let refusalHint: string | undefined;
  try {
    outcome = await readRecords(
      {
        path: options.path,
        displayPath,
        spec,
        catalog: options.catalog,
        rows,
        signal: options.signal,
      },
      options.sink ?? { add: () => {}, reset: () => {} },
    );
    problems = await rows.locate(outcome.problems);
    if (outcome.badRows > 0 && !spec.skipInvalid) {
      const n = outcome.badRows;
      refusal = `${n === 1 ? '1 row is' : `${n.toLocaleString('en-US')} rows are`} bad (--skip-invalid would leave ${n === 1 ? 'it' : 'them'} out)`;
      refusalHint = badRowsHint(spec, outcome.suspects);
    }
  } catch (error) {
    if (!isGoalsError(error) || error.code !== 'CSV_REJECTED') throw error;
    problems = [...error.findings];
    refusal = refusalOf(error);
    refusalHint = error.hint;
  }
  const warnings = await rows.locate([...resolved.warnings, ...(outcome?.warnings ?? [])]);
  return {
    ...base,
    records: resolved.records,
    outcome,
    problems,
    warnings,
    refusal,
    refusalHint,
  };
}
