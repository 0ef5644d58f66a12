/**
 * One file into the store, all or nothing: read every row into a staging
 * table, settle keys repeated inside the file, then either reject the file
 * (any bad row, unless --skip-invalid), report what would change (--dry-run),
 * or merge it in one transaction and record the import.
 */
import { GoalsError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { formatMetricValue } from '../core/format-value.js';
import type { MetricDefinition } from '../core/metrics.js';
import { formatSegment, parseSegmentKey } from '../core/snapshot.js';
import type { SnapshotStore } from '../store/snapshot-store.js';
import type { DuplicateConflict, ImportCounts, SnapshotUpdate, Staging } from '../store/staging.js';
import { MAX_LISTED_PROBLEMS } from './cell-problem.js';
import type { CellProblem } from './cell-problem.js';
import { fingerprintSpec } from './import-spec.js';
import type { ImportSpec } from './import-spec.js';
import { locateProblems, readSnapshots } from './read-snapshots.js';
import type { ReadOutcome, ReadProgress } from './read-snapshots.js';
import type { ResolvedMapping } from './resolve-mapping.js';
import { scanFile } from './scan-file.js';
import type { FileScan } from './scan-file.js';

export interface ImportFileOptions {
  /** Absolute path of the file. */
  path: string;
  /** The path as shown to the user. */
  displayPath: string;
  /** The path as recorded in the store (relative to goals.yaml when inside its folder). */
  recordPath: string;
  spec: ImportSpec;
  catalog: ReadonlyMap<string, MetricDefinition>;
  store: SnapshotStore;
  dryRun?: boolean | undefined;
  skipInvalid?: boolean | undefined;
  /** Skip the file when the same source, bytes and mapping were imported before (sync). */
  skipUnchanged?: boolean | undefined;
  /** The clock, for the imports record. */
  now: Date;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ReadProgress) => void) | undefined;
}

export interface ImportResult {
  file: string;
  sourceId: string | undefined;
  /** `unchanged-file`: skipped by a sync, the same bytes were imported before. */
  status: 'imported' | 'dry-run' | 'unchanged-file';
  scan: FileScan;
  rows: number;
  /** Snapshots in the file (after skipping bad rows and repeated keys). */
  snapshots: number;
  counts: ImportCounts;
  /** The first values that replace (or would replace) different ones, in file order. */
  updates: SnapshotUpdate[];
  /** Rows left out with --skip-invalid. */
  skippedRows: number;
  /** The problems of the skipped rows (the first MAX_LISTED_PROBLEMS). */
  skipped: Finding[];
  warnings: Finding[];
  outcome: ReadOutcome | undefined;
}

/**
 * Imports one file. Throws CSV_REJECTED (with findings naming file, line,
 * column and value) when a row is bad and skipInvalid is off; the store is
 * then unchanged.
 */
export async function importFile(options: ImportFileOptions): Promise<ImportResult> {
  const { store, spec, displayPath } = options;
  const scan = await scanFile(options.path, displayPath, spec.encoding);
  const mapping = fingerprintSpec(spec, options.catalog);
  const source = spec.sourceId ?? null;
  if (options.skipUnchanged && store.findImport({ source, sha256: scan.sha256, mapping })) {
    return {
      file: displayPath,
      sourceId: spec.sourceId,
      status: 'unchanged-file',
      scan,
      rows: 0,
      snapshots: 0,
      counts: { inserted: 0, updated: 0, unchanged: 0 },
      updates: [],
      skippedRows: 0,
      skipped: [],
      warnings: [],
      outcome: undefined,
    };
  }

  let staging: Staging = store.stage();
  try {
    const outcome = await readSnapshots(
      {
        path: options.path,
        displayPath,
        spec,
        catalog: options.catalog,
        scan,
        signal: options.signal,
        onProgress: options.onProgress,
      },
      {
        add: (batch) => staging.add(batch),
        reset: () => {
          staging.discard();
          staging = store.stage();
        },
      },
    );
    const warnings = [
      ...encodingWarnings(scan, displayPath),
      ...(await locateProblems(scan, outcome.dialect, outcome.warnings, displayPath)),
    ];
    const base = {
      file: displayPath,
      sourceId: spec.sourceId,
      scan,
      rows: outcome.rows,
      warnings,
      outcome,
    };
    const rejectOrSkip = async (conflicts: DuplicateConflict[]) => {
      const conflictProblems = conflicts.map((c) =>
        describeConflict(c, outcome.mapping, options.catalog),
      );
      const conflictLines = new Set(conflicts.flatMap((c) => [c.first.line, c.second.line]));
      const problems = [
        ...outcome.problems,
        ...conflictProblems.slice(0, MAX_LISTED_PROBLEMS),
      ].sort((a, b) => a.line - b.line || a.field - b.field);
      const badRows = outcome.badRows + conflictLines.size;
      const findings = await locateProblems(scan, outcome.dialect, problems, displayPath);
      const perEvent = describeRowPerEvent(conflictLines.size, outcome.rows);
      if (perEvent && !options.skipInvalid) {
        throw new GoalsError(
          'CSV_REJECTED',
          `${displayPath} was not imported: ${perEvent.reason}. Nothing was written.`,
          { hint: perEvent.hint, findings: [...warnings, ...findings.slice(0, 3)] },
        );
      }
      if (problems.length > 0 && !options.skipInvalid) {
        const listed = findings.length;
        const all = outcome.problems.length + conflictProblems.length;
        throw new GoalsError(
          'CSV_REJECTED',
          `${displayPath} was not imported: ${badRows === 1 ? '1 bad row' : `${badRows.toLocaleString('en-US')} bad rows`}${listed < all || outcome.badRows > outcome.problems.length ? ` (the first ${listed} problems are listed)` : ''}. Nothing was written.`,
          {
            hint: `Correct the rows in the export and import it again, or leave them out with --skip-invalid (${spec.sourceId ? `goals import --source ${spec.sourceId} --skip-invalid` : 'goals import FILE --skip-invalid'}).`,
            findings: [...warnings, ...findings],
          },
        );
      }
      const skipped = findings.map((f): Finding => ({
        ...f,
        severity: 'warning',
        message: `Skipped: ${f.message}`,
      }));
      return { skipped, skippedRows: badRows };
    };

    // A file that will be rejected, or a dry run, needs every repeated key
    // found up front; a clean import learns of them only if the merge aborts.
    let settled: { skipped: Finding[]; skippedRows: number } | undefined;
    if (options.dryRun || (outcome.badRows > 0 && !options.skipInvalid)) {
      settled = await rejectOrSkip(staging.settleDuplicates());
    }
    if (options.dryRun) {
      return {
        ...base,
        ...settled!,
        status: 'dry-run',
        snapshots: staging.size,
        counts: staging.count(),
        updates: staging.previewUpdates(),
      };
    }
    const record = (skipped: number) => ({
      source,
      path: options.recordPath,
      sha256: scan.sha256,
      mapping,
      rows: outcome.rows,
      skipped,
      importedAt: options.now.toISOString(),
    });
    let committed = staging.commit(record(settled?.skippedRows ?? outcome.badRows));
    if (committed.kind === 'repeats') {
      settled = await rejectOrSkip(staging.settleDuplicates());
      committed = staging.commit(record(settled.skippedRows));
      if (committed.kind === 'repeats') throw new Error('keys still repeat after settling them');
    }
    settled ??= await rejectOrSkip([]);
    return {
      ...base,
      ...settled,
      status: 'imported',
      snapshots: staging.size,
      counts: committed.counts,
      updates: committed.updates,
    };
  } finally {
    staging.discard();
  }
}

/**
 * Many rows giving a metric on dates other rows give too: a list of tickets
 * or calls (a row each), not a metric export. Undefined when it is not.
 */
export function describeRowPerEvent(
  conflictRows: number,
  rows: number,
): { reason: string; hint: string } | undefined {
  if (conflictRows < 10 || conflictRows * 5 < rows) return undefined;
  return {
    reason: `${conflictRows.toLocaleString('en-US')} of its ${rows.toLocaleString('en-US')} rows give a metric on a date that other rows give too, so it looks like a list of tickets or calls (a row each), not metric snapshots (a value per metric, segment and date)`,
    hint: "Import a report instead: the metric per day or week from your helpdesk's reporting, or these rows summarised per date in a spreadsheet (a pivot table of averages or counts). If the rows are for different teams or channels, map that column as a segment (--segment team=COLUMN).",
  };
}

const SEGMENT_LIKE =
  /team|channel|agent|region|group|queue|country|brand|product|site|tier|segment|location|department/i;

/** A key repeated with different values, as a problem at the later line. */
export function describeConflict(
  c: DuplicateConflict,
  mapping: ResolvedMapping,
  catalog: ReadonlyMap<string, MetricDefinition>,
): CellProblem {
  const metric = catalog.get(c.metric);
  // Rounded for people, unless rounding makes the two values look the same.
  const rounded = (v: number) => (metric ? formatMetricValue(v, metric.unit) : String(v));
  const isAlike = rounded(c.first.value) === rounded(c.second.value);
  const show = (v: number) =>
    isAlike ? `${v}${metric?.unit === 'duration' ? ' s' : ''}` : rounded(v);
  const column =
    mapping.layout === 'wide'
      ? mapping.columns.find((col) => col.target.metric.id === c.metric)
      : mapping.valueColumn;
  const segment = parseSegmentKey(c.segment);
  const where = Object.keys(segment).length > 0 ? ` for ${formatSegment(segment)}` : '';
  // Only columns that look like a segment are worth suggesting ("Calls Answered" is not one).
  const unmapped = mapping.unmapped
    .filter((u) => SEGMENT_LIKE.test(u.name))
    .map((u) => (/^[A-Za-z0-9_-]+$/.test(u.name) ? u.name : `"${u.name}"`));
  return {
    severity: 'error',
    rule: 'import/duplicate-key',
    message: `Lines ${c.first.line} and ${c.second.line} both give ${c.metric}${where} on ${c.date}, with different values: ${show(c.first.value)} (line ${c.first.line}) and ${show(c.second.value)} (line ${c.second.line}).`,
    hint: `A file holds one value per metric, segment and date, and goals will not pick one. Delete the wrong row from the export${unmapped.length > 0 ? `; if the rows are for different teams or channels, map that column as a segment (segments: { team: ${unmapped[0]} }, or --segment team=${unmapped[0]})` : ''}; or --skip-invalid leaves both rows out.`,
    line: c.second.line,
    field: column?.index ?? 0,
  };
}

function encodingWarnings(scan: FileScan, displayPath: string): Finding[] {
  if (scan.encodingSource !== 'fallback') return [];
  return [
    {
      severity: 'warning',
      rule: 'import/encoding',
      message: `${displayPath} is not UTF-8; it was read as Windows-1252 (Excel's Western European encoding).`,
      hint: 'If names look wrong, export the file as "CSV UTF-8", or pass --encoding (encoding: in goals.yaml) to say which it is.',
      file: displayPath,
      line: 0,
      column: 0,
    },
  ];
}
