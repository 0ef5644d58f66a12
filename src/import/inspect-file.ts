/**
 * `goals import --inspect`: how a file would be read, without a store.
 * Encoding, delimiter, header, what each column maps to, the first
 * snapshots as they would be stored, and every problem an import would
 * stop on.
 */
import { isGoalsError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { MetricDefinition } from '../core/metrics.js';
import type { SnapshotStore } from '../store/snapshot-store.js';
import type { StagedSnapshot } from '../store/snapshot-batch.js';
import type { Staging } from '../store/staging.js';
import { describeConflict } from './import-file.js';
import type { ImportSpec } from './import-spec.js';
import { readCsv } from './read-csv.js';
import { locateProblems, readSnapshots } from './read-snapshots.js';
import type { ReadOutcome } from './read-snapshots.js';
import { resolveMapping } from './resolve-mapping.js';
import type { ResolvedMapping } from './resolve-mapping.js';
import { scanFile } from './scan-file.js';
import type { FileScan } from './scan-file.js';
import { sniffDialect } from './sniff-dialect.js';
import type { Dialect } from './sniff-dialect.js';

/** How many snapshots --inspect shows. */
export const SAMPLE_SIZE = 10;

export interface InspectResult {
  file: string;
  spec: ImportSpec;
  scan: FileScan;
  dialect: Dialect;
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
  /** Why an import would be refused, if it would. */
  refusal: string | undefined;
}

/** Reads the whole file as an import would, keeping only a sample. */
export async function inspectFile(options: {
  path: string;
  displayPath: string;
  spec: ImportSpec;
  catalog: ReadonlyMap<string, MetricDefinition>;
  /** A scratch store (`:memory:`) to find keys repeated with different values. */
  scratch: SnapshotStore;
  signal?: AbortSignal | undefined;
}): Promise<InspectResult> {
  const { spec, displayPath, catalog } = options;
  const scan = await scanFile(options.path, displayPath, spec.encoding);
  const dialect = sniffDialect(scan.head, displayPath, {
    delimiter: spec.delimiter,
    decimal: spec.decimal,
  });
  let header: string[] = [];
  let headerLine = 1;
  let skipped = false;
  await readCsv(scan, displayPath, { delimiter: dialect.delimiter }, (fields, line) => {
    if (dialect.hasSepLine && !skipped) {
      skipped = true;
      return true;
    }
    header = fields;
    headerLine = line;
    return false;
  });
  const base = {
    file: displayPath,
    spec,
    scan,
    dialect,
    header: header.map((h) => h.trim()),
    headerLine,
  };
  const resolved = resolveMapping(header, headerLine, spec, catalog, displayPath);
  if (!resolved.ok) {
    return {
      ...base,
      mapping: undefined,
      outcome: undefined,
      sample: [],
      problems: [
        ...resolved.findings,
        ...(await locateProblems(scan, dialect, resolved.cellProblems, displayPath)),
      ],
      warnings: [],
      refusal: 'the mapping does not fit the file',
    };
  }
  const sample: StagedSnapshot[] = [];
  let outcome: ReadOutcome | undefined;
  let problems: Finding[] = [];
  let refusal: string | undefined;
  let staging: Staging = options.scratch.stage();
  try {
    outcome = await readSnapshots(
      { path: options.path, displayPath, spec, catalog, scan, signal: options.signal },
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
    const conflicts = staging.settleDuplicates().map((c) => describeConflict(c, mapping, catalog));
    const bad = outcome.badRows + conflicts.length;
    problems = await locateProblems(
      scan,
      dialect,
      [...outcome.problems, ...conflicts].sort((a, b) => a.line - b.line || a.field - b.field),
      displayPath,
    );
    if (bad > 0) {
      refusal = `${bad === 1 ? '1 row is' : `${bad} rows are`} bad (--skip-invalid would leave ${bad === 1 ? 'it' : 'them'} out)`;
    }
  } catch (error) {
    if (!isGoalsError(error) || error.code !== 'CSV_REJECTED') throw error;
    problems = [...error.findings];
    refusal = error.message.replace(/^.*? was not imported: /, '').replace(/\.$/, '');
  } finally {
    staging.discard();
  }
  const warnings = outcome
    ? await locateProblems(scan, dialect, [...resolved.warnings, ...outcome.warnings], displayPath)
    : [];
  return {
    ...base,
    mapping: resolved.mapping,
    outcome,
    sample,
    problems,
    warnings,
    refusal,
  };
}
