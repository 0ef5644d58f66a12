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
import { LISTED_UPDATES } from '../store/staging.js';
import type {
  DuplicateConflict,
  ImportCounts,
  NewImport,
  OwnerConflict,
  PartOutcome,
  SnapshotRemoval,
  SnapshotUpdate,
  Staging,
} from '../store/staging.js';
import { MAX_LISTED_PROBLEMS } from './cell-problem.js';
import type { CellProblem } from './cell-problem.js';
import { fingerprintSpec } from './import-spec.js';
import type { ImportSpec } from './import-spec.js';
import { readSnapshots } from './read-snapshots.js';
import type { RowSource } from './row-source.js';
import type {
  ReadOutcome,
  ReadProgress,
  ReadSnapshotsOptions,
  SnapshotSink,
} from './read-snapshots.js';
import { readRecords } from './read-records.js';
import type { RecordsOutcome } from './read-records.js';
import type { ResolvedMapping } from './resolve-mapping.js';
import { scanFile } from './scan-file.js';
import type { FileScan } from './scan-file.js';

export interface StageFileOptions {
  /** Absolute path of the file. */
  path: string;
  /** The path as shown to the user. */
  displayPath: string;
  /** The path as recorded in the store (relative to goals.yaml when inside its folder). */
  recordPath: string;
  spec: ImportSpec;
  catalog: ReadonlyMap<string, MetricDefinition>;
  store: SnapshotStore;
  /** A scan made earlier (a sync hashes first to skip unchanged files). */
  scan?: FileScan | undefined;
  /** Rows from elsewhere than `path` (a warehouse query). */
  rows?: RowSource | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ReadProgress) => void) | undefined;
}

export interface ImportFileOptions extends StageFileOptions {
  /**
   * Sources whose snapshots this one-off file may not change (those of
   * goals.yaml): such a row is refused, naming the source.
   */
  protectedSources: readonly string[];
  /** How a source's file is shown in messages. */
  sourceFileOf?: ((id: string) => string | undefined) | undefined;
  dryRun?: boolean | undefined;
  /** The clock, for the imports record. */
  now: Date;
}

/** A file read into a staging area, its keys settled: ready to merge. */
export interface StagedFile {
  file: string;
  /** The file's scan; undefined for a query's rows. */
  scan: FileScan | undefined;
  outcome: ReadOutcome | RecordsOutcome;
  staging: Staging;
  warnings: Finding[];
  /** The problems of the skipped rows (the first MAX_LISTED_PROBLEMS). */
  skipped: Finding[];
  /** Rows left out with --skip-invalid. */
  skippedRows: number;
}

export interface ImportResult {
  file: string;
  /** The source the file was imported as (undefined for a one-off file). */
  sourceId: string | undefined;
  /** `unchanged-file`: skipped by a sync, the store reflects these very bytes. */
  status: 'imported' | 'dry-run' | 'unchanged-file';
  /** How a sync knew the file was unchanged: its stat, its sha256, or a query that changed nothing. */
  unchangedBy?: 'stat' | 'sha256' | 'query' | undefined;
  scan: FileScan | undefined;
  rows: number;
  /** Snapshots in the file (after skipping bad rows and repeated keys). */
  snapshots: number;
  counts: ImportCounts;
  /** The first values that replace (or would replace) different ones, in file order. */
  updates: SnapshotUpdate[];
  /** The first values of the file's source that its file no longer gives. */
  removals: SnapshotRemoval[];
  /** Rows left out with --skip-invalid. */
  skippedRows: number;
  /** A warehouse query read only the rows dated on or after this date (`$since`). */
  since?: string | undefined;
  /** The problems of the skipped rows (the first MAX_LISTED_PROBLEMS). */
  skipped: Finding[];
  warnings: Finding[];
  outcome: ReadOutcome | RecordsOutcome | undefined;
}

/**
 * Reads one file into a fresh staging area and settles its keys. Throws
 * CSV_REJECTED (with findings naming file, line, column and value) when a
 * row is bad and skipInvalid is off, CSV_UNREADABLE when the file cannot be
 * read; the staging is then discarded. The caller discards it otherwise.
 */
export async function stageFile(options: StageFileOptions): Promise<StagedFile> {
  const { store, spec, displayPath } = options;
  const scan = options.rows
    ? undefined
    : (options.scan ?? (await scanFile(options.path, displayPath, spec.encoding)));
  if (spec.layout === 'records') return stageRecords(options, scan);
  const target = stagingSink(store);
  try {
    const outcome = await readSnapshots(readOptions(options, scan), target.sink);
    const staging = target.staging;
    const warnings = [
      ...encodingWarnings(scan, displayPath),
      ...(await outcome.source.locate(outcome.warnings)),
    ];
    // Keys repeated with different values are refused whatever the store holds.
    const conflicts = staging.settleDuplicates();
    const conflictProblems = conflicts.map((c) =>
      describeConflict(c, outcome.mapping, options.catalog),
    );
    const conflictLines = new Set(conflicts.flatMap((c) => [c.first.line, c.second.line]));
    const problems = [...outcome.problems, ...conflictProblems.slice(0, MAX_LISTED_PROBLEMS)].sort(
      (a, b) => a.line - b.line || a.field - b.field,
    );
    const badRows = outcome.badRows + conflictLines.size;
    const findings = await outcome.source.locate(problems);
    const perEvent = describeRowPerEvent(conflictLines.size, outcome.rows);
    const skipInvalid = spec.skipInvalid ?? false;
    // A list of tickets is not made a metric export by leaving its rows out.
    if (perEvent) {
      throw new GoalsError(
        'CSV_REJECTED',
        `${displayPath} was not imported: ${perEvent.reason}. Nothing was written.`,
        { hint: perEvent.hint, findings: [...warnings, ...findings.slice(0, 3)] },
      );
    }
    if (problems.length > 0 && !skipInvalid) {
      const listed = findings.length;
      const all = outcome.problems.length + conflictProblems.length;
      throw new GoalsError(
        'CSV_REJECTED',
        `${displayPath} was not imported: ${badRows === 1 ? '1 bad row' : `${badRows.toLocaleString('en-US')} bad rows`}${listed < all || outcome.badRows > outcome.problems.length ? ` (the first ${listed} problems are listed)` : ''}. Nothing was written.`,
        {
          hint: `Correct the rows in the export and import it again, or leave them out with --skip-invalid (${spec.sourceId ? `goals import --source ${spec.sourceId} --skip-invalid), or on every sync with skip_invalid: true in the source` : 'goals import FILE --skip-invalid)'}.`,
          findings: [...warnings, ...findings],
        },
      );
    }
    const skipped = findings.map((f): Finding => ({
      ...f,
      severity: 'warning',
      message: `Skipped: ${f.message}`,
    }));
    return {
      file: displayPath,
      scan,
      outcome,
      staging,
      warnings,
      skipped,
      skippedRows: badRows,
    };
  } catch (error) {
    target.staging.discard();
    throw error;
  }
}

/** A staging area that a reader fills, started afresh when the file is read again. */
function stagingSink(store: SnapshotStore): { sink: SnapshotSink; readonly staging: Staging } {
  let staging = store.stage();
  return {
    sink: {
      add: (batch) => staging.add(batch),
      reset: () => {
        staging.discard();
        staging = store.stage();
      },
    },
    get staging() {
      return staging;
    },
  };
}

function readOptions(options: StageFileOptions, scan: FileScan | undefined): ReadSnapshotsOptions {
  return {
    path: options.path,
    displayPath: options.displayPath,
    spec: options.spec,
    catalog: options.catalog,
    scan,
    rows: options.rows,
    signal: options.signal,
    onProgress: options.onProgress,
  };
}

/**
 * A records file staged: its rows aggregated into snapshots (DESIGN §11).
 * Bad rows refuse the file unless skipInvalid; a timestamp that looks like
 * an export's "no value" (1900-01-01) makes the hint the missing: to write.
 */
async function stageRecords(
  options: StageFileOptions,
  scan: FileScan | undefined,
): Promise<StagedFile> {
  const { store, spec, displayPath } = options;
  const target = stagingSink(store);
  try {
    const outcome = await readRecords(readOptions(options, scan), target.sink);
    const staging = target.staging;
    // An aggregator gives each key once; settling is what a merge expects.
    staging.settleDuplicates();
    const warnings = [
      ...encodingWarnings(scan, displayPath),
      ...(await outcome.source.locate(outcome.warnings)),
    ];
    const findings = await outcome.source.locate(outcome.problems);
    const { badRows } = outcome;
    if (badRows > 0 && !spec.skipInvalid) {
      const listed = findings.length;
      throw new GoalsError(
        'CSV_REJECTED',
        `${displayPath} was not imported: ${badRows === 1 ? '1 bad row' : `${badRows.toLocaleString('en-US')} bad rows`}${listed < badRows ? ` (the first ${listed} problems are listed)` : ''}. Nothing was written.`,
        {
          hint: badRowsHint(spec, outcome.suspects),
          findings: [...warnings, ...findings],
        },
      );
    }
    return {
      file: displayPath,
      scan,
      outcome,
      staging,
      warnings,
      skipped: findings.map((f): Finding => ({
        ...f,
        severity: 'warning',
        message: `Skipped: ${f.message}`,
      })),
      skippedRows: badRows,
    };
  } catch (error) {
    target.staging.discard();
    throw error;
  }
}

/**
 * What to do about bad rows; when they hold timestamps such as 1900-01-01
 * (an export's "no value"), first the exact missing: to write.
 */
export function badRowsHint(spec: ImportSpec, suspects: ReadonlyMap<string, number>): string {
  const skip = `leave them out with --skip-invalid (${spec.sourceId ? `goals import --source ${spec.sourceId} --skip-invalid), or on every sync with skip_invalid: true in the source` : 'goals import FILE --skip-invalid)'}`;
  if (suspects.size === 0) return `Correct the rows in the export and import it again, or ${skip}.`;
  const values = [...suspects.keys()];
  const yaml = `missing: [${values.map((v) => JSON.stringify(v)).join(', ')}]`;
  const rows = [...suspects.values()].reduce((a, b) => a + b, 0);
  return `${rows.toLocaleString('en-US')} of the bad rows hold ${values.length === 1 ? `${JSON.stringify(values[0])}, which this export writes` : 'dates that this export writes'} for "no value": ${spec.sourceId ? `add ${yaml} to source '${spec.sourceId}' in goals.yaml` : `pass ${values.map((v) => `--missing "${v}"`).join(' ')}`}. Otherwise correct the rows, or ${skip}.`;
}

/** What the imports table records of a staged file. */
export function importRecordOf(
  staged: StagedFile,
  options: {
    source: string | null;
    recordPath: string;
    mapping: string;
    now: Date;
    stat?: string | undefined;
    exactFrom?: string | undefined;
  },
): NewImport {
  return {
    source: options.source,
    path: options.recordPath,
    sha256: staged.outcome.source.sha256(),
    mapping: options.mapping,
    rows: staged.outcome.rows,
    skipped: staged.skippedRows,
    importedAt: options.now.toISOString(),
    stat: options.stat,
    exactFrom: options.exactFrom,
  };
}

/** The result of a staged file, once merged (or previewed). */
export function resultOf(
  staged: StagedFile,
  status: 'imported' | 'dry-run',
  outcome: PartOutcome,
  source: string | undefined,
): ImportResult {
  return {
    file: staged.file,
    sourceId: source,
    status,
    scan: staged.scan,
    rows: staged.outcome.rows,
    snapshots: staged.staging.size,
    counts: outcome.counts,
    updates: outcome.updates,
    removals: outcome.removals,
    skippedRows: staged.skippedRows,
    skipped: staged.skipped,
    warnings: staged.warnings,
    outcome: staged.outcome,
  };
}

/**
 * Imports one file as a one-off: its rows are inserted or replace the
 * store's values, and the snapshots it writes belong to no source. Throws
 * CSV_REJECTED when a row is bad (unless skipInvalid) or would change a
 * snapshot of a protected source; the store is then unchanged.
 */
export async function importFile(options: ImportFileOptions): Promise<ImportResult> {
  const staged = await stageFile(options);
  try {
    const part = {
      staging: staged.staging,
      record: importRecordOf(staged, {
        source: null,
        recordPath: options.recordPath,
        mapping: fingerprintSpec(options.spec, options.catalog),
        now: options.now,
      }),
    };
    const merge = { protectedSources: options.protectedSources };
    const rejectIf = async (conflicts: OwnerConflict[]) => {
      if (conflicts.length === 0) return;
      throw await ownerConflictError([{ staged, source: null, conflicts }], {
        catalog: options.catalog,
        sourceFileOf: options.sourceFileOf ?? (() => undefined),
      });
    };
    if (options.dryRun) {
      const preview = options.store.preview([part], merge);
      await rejectIf(preview.conflicts);
      return resultOf(staged, 'dry-run', preview.parts[0]!, undefined);
    }
    const merged = options.store.merge([part], merge);
    if (merged.kind === 'conflicts') {
      await rejectIf(merged.conflicts);
      throw new Error('a merge reported conflicts without listing any');
    }
    return resultOf(staged, 'imported', merged.parts[0]!, undefined);
  } finally {
    staged.staging.discard();
  }
}

/**
 * The error for rows that give a snapshot another source owns: one finding
 * per row (at the row's value, in the file being imported) naming the other
 * source, its file and value; for a one-off file, what to do instead.
 */
export async function ownerConflictError(
  files: ReadonlyArray<{
    staged: StagedFile;
    /** Null for a one-off file. */
    source: string | null;
    conflicts: readonly OwnerConflict[];
  }>,
  options: {
    catalog: ReadonlyMap<string, MetricDefinition>;
    sourceFileOf: (id: string) => string | undefined;
  },
): Promise<GoalsError> {
  const findings: Finding[] = [];
  const names: string[] = [];
  let total = 0;
  for (const { staged, source, conflicts } of files) {
    if (conflicts.length === 0) continue;
    total += conflicts.length;
    names.push(source ? `${staged.file} (source '${source}')` : staged.file);
    const problems = conflicts
      .slice(0, LISTED_UPDATES)
      .map((c) => describeOwnerConflict(c, staged, source === null, options));
    findings.push(...(await staged.outcome.source.locate(problems)));
  }
  const first = files.find((f) => f.conflicts.length > 0)!;
  const more = total > LISTED_UPDATES ? ` (the first ${LISTED_UPDATES} are listed)` : '';
  if (first.source === null) {
    const owner = first.conflicts[0]!.owner;
    return new GoalsError(
      'CSV_REJECTED',
      `${names.join(', ')} was not imported: it would change snapshots that source '${owner}' gives${more}. Nothing was written.`,
      {
        hint: `A source of goals.yaml is the truth for its snapshots: correct ${options.sourceFileOf(owner) ?? `the file of source '${owner}'`} instead (the next \`goals check\` or \`goals import\` reads it), or leave these rows out of this file.`,
        findings,
      },
    );
  }
  return new GoalsError(
    'CSV_REJECTED',
    `${names.join(' and ')} ${names.length === 1 ? 'was' : 'were'} not imported: ${names.length === 1 ? 'it gives snapshots that another source gives too' : 'two sources give the same snapshots'}${more}. Nothing was written.`,
    {
      hint: 'Each snapshot (metric, segment and date) comes from one source: delete the rows from one of the two files, or give each source its own segment (segments: in goals.yaml).',
      findings,
    },
  );
}

function describeOwnerConflict(
  c: OwnerConflict,
  staged: StagedFile,
  isOneOff: boolean,
  options: {
    catalog: ReadonlyMap<string, MetricDefinition>;
    sourceFileOf: (id: string) => string | undefined;
  },
): CellProblem {
  const metric = options.catalog.get(c.metric);
  const show = (v: number) => (metric ? formatMetricValue(v, metric.unit) : String(v));
  const segment = parseSegmentKey(c.segment);
  const what = `${c.metric}${Object.keys(segment).length > 0 ? ` for ${formatSegment(segment)}` : ''} on ${c.date}`;
  const ownerFile = options.sourceFileOf(c.owner);
  const where = [ownerFile, c.ownerLine !== undefined ? `line ${c.ownerLine}` : undefined]
    .filter((x) => x !== undefined)
    .join(', ');
  const owner = `source '${c.owner}'${where ? ` (${where})` : ''}`;
  const isRecords = staged.outcome.kind === 'records';
  return {
    severity: 'error',
    rule: isOneOff ? 'import/owned-by-source' : 'import/source-overlap',
    message: isRecords
      ? `The records give ${what} as ${show(c.value)}, and so does ${owner}: ${show(c.ownerValue)}.`
      : isOneOff
        ? `Line ${c.line} gives ${what} as ${show(c.value)}, but ${owner} gives ${show(c.ownerValue)}: a one-off import may not change a source's snapshot.`
        : `Line ${c.line} gives ${what} (${show(c.value)}), and so does ${owner}: ${show(c.ownerValue)}.`,
    hint: isOneOff
      ? `Correct the value in ${ownerFile ?? `the file of source '${c.owner}'`} instead, or remove the row from ${staged.file}.`
      : 'Keep the row in one of the two files.',
    line: c.line,
    field: 'mapping' in staged.outcome ? valueField(staged.outcome.mapping, c.metric) : 0,
  };
}

/** The field holding a metric's value in a row: its column (wide) or the value column (long). */
function valueField(mapping: ResolvedMapping, metric: string): number {
  const column =
    mapping.layout === 'wide'
      ? mapping.columns.find((col) => col.target.metric.id === metric)
      : mapping.valueColumn;
  return column?.index ?? 0;
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
    hint: RECORDS_WAY,
  };
}

/** How to import a row-per-ticket export, for the refusals that recognise one. */
export const RECORDS_WAY =
  'Import it as records, and goals computes the metrics from its rows: `goals import FILE --layout records --field created=COLUMN …` (or --preset zendesk, freshdesk, intercom, survey when it is such an export), or in goals.yaml a source with layout: records; `goals import --inspect FILE --layout records` shows its columns.';

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
    field: valueField(mapping, c.metric),
  };
}

function encodingWarnings(scan: FileScan | undefined, displayPath: string): Finding[] {
  if (!scan || scan.encodingSource !== 'fallback') return [];
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
