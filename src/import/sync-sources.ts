/**
 * Sources of goals.yaml into the store. Before `goals check` and `goals
 * validate` evaluate, every source whose file or mapping changed since its
 * latest import is imported; an unchanged one costs a stat of its file (or,
 * when the stat cannot tell, a hash). See docs/store.md.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Settings, SourceInput } from '../config/schema.js';
import { GoalsError, isGoalsError, isUnreadable } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { sanitizeLine } from '../core/text.js';
import type { MetricDefinition } from '../core/metrics.js';
import type { SnapshotStore } from '../store/snapshot-store.js';
import type { ImportCounts, NewImport, OwnerConflict } from '../store/staging.js';
import type { ImportResult, StagedFile } from './import-file.js';
import { fingerprintSpec, specFromSource } from './import-spec.js';
import type { ImportSpec, SpecOrigin } from './import-spec.js';
import type { ReadProgress } from './read-snapshots.js';
import type { RowSource } from './row-source.js';
import { queryDisplayPath } from '../warehouse/query-rows.js';
import { isRacy, scanFile, statFile, statKey } from './scan-file.js';
import type { FileScan } from './scan-file.js';
import type { WarehouseSource } from './warehouse-job.js';

/** What a sync needs to know of the project. */
export interface SyncProject {
  sources: readonly SourceInput[];
  /** Folder of goals.yaml: source paths are relative to it. */
  dir: string;
  /** The working directory: files are shown relative to it. */
  cwd: string;
  /** settings.timezone: the calendar day of a timestamp with an offset is taken there. */
  timeZone: string;
  /** goals.yaml's settings: records sources read their calendars and periods there. */
  settings?: Settings | undefined;
  /** The environment, where a warehouse source's `database: env:NAME` is looked up. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
  catalog: ReadonlyMap<string, MetricDefinition>;
  /** goals.yaml as shown, and positions in it. */
  goalsFile: {
    displayPath: string;
    positionOf(path: ReadonlyArray<string | number>): { line: number; column: number };
  };
}

/** A source's file: absolute, as shown (relative to cwd), as recorded (relative to goals.yaml). */
export function sourceFile(
  project: Pick<SyncProject, 'dir'>,
  path: string,
  cwd: string,
): { path: string; displayPath: string; recordPath: string } {
  const absolute = resolve(project.dir, path);
  return { path: absolute, ...showPaths(absolute, project.dir, cwd) };
}

/** How a file is shown (relative to cwd) and recorded (relative to the project when inside it). */
export function showPaths(
  absolute: string,
  dir: string,
  cwd: string,
): { displayPath: string; recordPath: string } {
  const fromProject = relative(dir, absolute);
  const isInside = fromProject !== '' && !fromProject.startsWith('..') && !isAbsolute(fromProject);
  return {
    // Shown in messages: a file name never reaches the terminal with escapes in it.
    displayPath: sanitizeLine(relative(cwd, absolute) || absolute),
    recordPath: isInside ? fromProject.split('\\').join('/') : absolute,
  };
}

/** The spec of source `index`, with positions in goals.yaml for its findings. */
export function specOfSource(project: SyncProject, index: number): ImportSpec {
  const origin: SpecOrigin = {
    file: project.goalsFile.displayPath,
    positionOf: (path) => project.goalsFile.positionOf(['sources', index, ...path]),
  };
  return specFromSource(project.sources[index]!, {
    origin,
    timeZone: project.timeZone,
    settings: project.settings,
  });
}

/** A source to import: its place in goals.yaml, its file, and how to read it. */
export interface SourceJob {
  /** Index in goals.yaml's `sources:`. */
  index: number;
  id: string;
  /** Absolute path, as shown, as recorded; a warehouse source: '', its query as shown, its database as written. */
  path: string;
  displayPath: string;
  recordPath: string;
  spec: ImportSpec;
  /** A warehouse source (DESIGN §13): the query it reads instead of a file. */
  warehouse?: WarehouseSource | undefined;
}

/** Source `index` of goals.yaml as a job, its file as shown from `cwd`. */
export function sourceJob(project: SyncProject, index: number, cwd: string): SourceJob {
  const source = project.sources[index]!;
  const spec = specOfSource(project, index);
  if (source.path !== undefined) {
    return { index, id: source.id, ...sourceFile(project, source.path, cwd), spec };
  }
  return {
    index,
    id: source.id,
    path: '',
    displayPath: queryDisplayPath(source.id),
    recordPath: source.database!,
    spec,
    warehouse: {
      database: source.database!,
      query: source.query!,
      timeout: source.timeout ?? project.settings?.timeout ?? '30s',
    },
  };
}

/** Every source of goals.yaml, read as declared. */
export function sourceJobs(project: SyncProject, cwd: string): SourceJob[] {
  return project.sources.map((_, index) => sourceJob(project, index, cwd));
}

/** How a source is named in messages: its file as shown, or its query. */
export function sourceDisplayPath(project: SyncProject, source: SourceInput, cwd: string): string {
  return source.path !== undefined
    ? sourceFile(project, source.path, cwd).displayPath
    : queryDisplayPath(source.id);
}

export interface ImportSourcesOptions {
  now: Date;
  signal?: AbortSignal | undefined;
  /** Read every source, unchanged or not (goals import); a sync skips unchanged ones. */
  force?: boolean | undefined;
  /** Write nothing: say what would change (and what would be refused). */
  dryRun?: boolean | undefined;
  /** Called as each file is read. */
  onProgress?: ((job: SourceJob, progress: ReadProgress) => void) | undefined;
  /** Warehouse sources: read every row, not only those since the newest stored date. */
  full?: boolean | undefined;
  /** The wall clock that file times are compared with; default Date.now. */
  fileClock?: (() => number) | undefined;
}

/** A source that could not be imported, and a finding on its entry in goals.yaml. */
export interface SourceFailure {
  job: SourceJob;
  error: GoalsError;
  finding: Finding;
}

export interface SourcesOutcome {
  /** One per job, in order; empty when any source failed. */
  results: ImportResult[];
  /** Sources that could not be imported: then nothing was written. */
  failures: SourceFailure[];
}

/**
 * Imports sources of goals.yaml, all or nothing, in one transaction. A
 * source is the truth for its snapshots: afterwards the store holds exactly
 * what each source's file gives (new keys inserted, changed values updated,
 * keys the file no longer gives deleted; replaced and deleted values kept as
 * revisions). Unless `force`, a source is skipped when its file and mapping
 * are those of its latest import: the stat of the file when it can be
 * trusted, else its sha256, tells.
 *
 * A source that cannot be read, has a bad row (unless skip_invalid), or
 * gives a snapshot that another source gives too, is a failure; with any
 * failure nothing is written. Failures of the store itself are thrown.
 */
export async function importSources(
  project: SyncProject,
  store: SnapshotStore,
  jobs: readonly SourceJob[],
  options: ImportSourcesOptions,
): Promise<SourcesOutcome> {
  const clock = options.fileClock ?? Date.now;
  const results = new Map<SourceJob, ImportResult>();
  const failures: SourceFailure[] = [];
  let staged: Array<{ job: SourceJob; file: StagedFile; record: NewImport }> = [];
  const stagings: Array<{ discard(): void }> = [];
  const fail = (job: SourceJob, error: unknown) => {
    if (
      !isGoalsError(error) ||
      !['CSV_UNREADABLE', 'CSV_REJECTED', 'QUERY_FAILED', 'WAREHOUSE_UNREACHABLE'].includes(
        error.code,
      )
    )
      throw error;
    failures.push({ job, error, finding: entryFinding(project, job, error) });
  };
  try {
    for (const job of jobs) {
      try {
        const mapping = fingerprintSpec(job.spec, project.catalog, job.warehouse);
        // What is read (a query's rows, or a file and its scan), and what the import record keeps of it.
        let input: { rows?: RowSource; scan?: FileScan | undefined };
        let extra: { exactFrom?: string | undefined; stat?: string | undefined };
        if (job.warehouse) {
          const { openQuery } = await import('./warehouse-job.js');
          const latest = store.latestImport(job.id);
          const query = await openQuery(project, store, job, {
            // A changed mapping or query re-reads everything: older snapshots would keep the old one.
            full: options.full || !latest?.exact || latest.mapping !== mapping,
            signal: options.signal,
          });
          input = { rows: query.rows };
          extra = { exactFrom: query.exactFrom };
        } else {
          const readAt = clock();
          const stats = statFile(job.path, job.displayPath);
          const stat = isRacy(stats, readAt) ? undefined : statKey(stats);
          let scan: FileScan | undefined;
          const latest = options.force ? undefined : store.latestImport(job.id);
          if (latest?.exact && latest.mapping === mapping && latest.path === job.recordPath) {
            if (latest.stat !== null && latest.stat === statKey(stats)) {
              results.set(job, unchangedResult(job, 'stat'));
              continue;
            }
            scan = await scanFile(job.path, job.displayPath, job.spec.encoding);
            if (scan.sha256 === latest.sha256) {
              // Next time the stat will do, unless the file is still too fresh to tell.
              if (stat && !options.dryRun && !store.readonly) store.refreshStat(latest.id, stat);
              results.set(job, unchangedResult(job, 'sha256'));
              continue;
            }
          }
          input = { scan };
          extra = { stat };
        }
        // Loaded only when a source changed: a sync of unchanged files reads no CSV.
        const { importRecordOf, stageFile } = await import('./import-file.js');
        const file = await stageFile({
          ...job,
          ...input,
          catalog: project.catalog,
          store,
          signal: options.signal,
          onProgress: options.onProgress && ((p) => options.onProgress!(job, p)),
        });
        const record = importRecordOf(file, {
          source: job.id,
          recordPath: job.recordPath,
          mapping,
          now: options.now,
          ...extra,
        });
        staged.push({ job, file, record });
        stagings.push(file.staging);
      } catch (error) {
        fail(job, error);
      }
    }
    if (failures.length > 0 || staged.length === 0) {
      return { results: failures.length > 0 ? [] : jobs.map((j) => results.get(j)!), failures };
    }
    const { ownerConflictError, resultOf } = await import('./import-file.js');
    const batchOf = (parts: typeof staged) => {
      const ids = new Set(parts.map((s) => s.job.id));
      return { protectedSources: project.sources.map((s) => s.id).filter((id) => !ids.has(id)) };
    };
    if (!options.force && !options.dryRun) {
      // A query is read on every sync; one that changes nothing leaves the store as it is.
      for (const s of staged.filter((s) => s.job.warehouse)) {
        const [part] = store.preview(
          [{ staging: s.file.staging, record: s.record }],
          batchOf([s]),
        ).parts;
        if (part && isNoop(part.counts)) results.set(s.job, unchangedResult(s.job, 'query'));
      }
      staged = staged.filter((s) => !results.has(s.job));
      if (staged.length === 0) return { results: jobs.map((j) => results.get(j)!), failures };
    }
    const parts = staged.map((s) => ({ staging: s.file.staging, record: s.record }));
    // Unchanged sources keep their snapshots: the store reflects their files.
    const merge = batchOf(staged);
    let conflicts: OwnerConflict[];
    if (options.dryRun) {
      const preview = store.preview(parts, merge);
      conflicts = preview.conflicts;
      staged.forEach((s, i) =>
        results.set(s.job, {
          ...resultOf(s.file, 'dry-run', preview.parts[i]!, s.job.id),
          since: s.record.exactFrom,
        }),
      );
    } else {
      const merged = store.merge(parts, merge);
      conflicts = merged.kind === 'conflicts' ? merged.conflicts : [];
      if (merged.kind === 'committed') {
        staged.forEach((s, i) =>
          results.set(s.job, {
            ...resultOf(s.file, 'imported', merged.parts[i]!, s.job.id),
            since: s.record.exactFrom,
          }),
        );
      }
    }
    if (conflicts.length > 0) {
      const sourceFileOf = (id: string) => {
        const source = project.sources.find((s) => s.id === id);
        return source && sourceDisplayPath(project, source, project.cwd);
      };
      for (const [i, s] of staged.entries()) {
        const own = conflicts.filter((c) => c.part === i);
        if (own.length === 0) continue;
        fail(
          s.job,
          await ownerConflictError([{ staged: s.file, source: s.job.id, conflicts: own }], {
            catalog: project.catalog,
            sourceFileOf,
          }),
        );
      }
      return { results: [], failures };
    }
    return { results: jobs.map((j) => results.get(j)!), failures };
  } finally {
    for (const staging of stagings) staging.discard();
  }
}

/**
 * Syncs every source of goals.yaml before an evaluation (see importSources).
 * A source that cannot be synced stops the sync with a GoalsError (exit 2)
 * that says which source and how to go on; nothing is written then.
 */
export async function syncSources(
  project: SyncProject,
  store: SnapshotStore,
  options: Omit<ImportSourcesOptions, 'force'>,
): Promise<ImportResult[]> {
  const outcome = await importSources(project, store, sourceJobs(project, project.cwd), options);
  if (outcome.failures.length > 0) throw syncError(project, outcome.failures);
  return outcome.results;
}

/** The error that stops a command whose sync failed. */
export function syncError(project: SyncProject, failures: readonly SourceFailure[]): GoalsError {
  const noSync = 'To evaluate what is already in the store, add --no-sync.';
  if (failures.length === 1) {
    const { job, error } = failures[0]!;
    const at = project.goalsFile.positionOf(['sources', job.index, entryKey(job, error)]);
    return new GoalsError(
      error.code,
      `Source '${job.id}' (${project.goalsFile.displayPath}:${at.line}) could not be synced: ${ownMessage(job, error)}`,
      { hint: `${error.hint ?? ''} ${noSync}`.trim(), findings: error.findings, cause: error },
    );
  }
  return new GoalsError(
    failures.find((f) => isUnreadable(f.error))?.error.code ??
      failures.find((f) => f.error.code === 'QUERY_FAILED')?.error.code ??
      'CSV_REJECTED',
    `${failures.length} sources could not be synced (${failures.map((f) => `'${f.job.id}'`).join(', ')}); nothing was written.`,
    {
      hint: `Fix what is listed above. ${noSync}`,
      findings: failures.flatMap((f) => [f.finding, ...f.error.findings]),
    },
  );
}

/** A failure as a finding on the source's path in goals.yaml. */
function entryFinding(project: SyncProject, job: SourceJob, error: GoalsError): Finding {
  const path = ['sources', job.index, entryKey(job, error)];
  return {
    severity: 'error',
    rule: isUnreadable(error) ? 'source/unreadable' : 'source/rejected',
    message: `Source '${job.id}': ${ownMessage(job, error)}`,
    ...(error.hint ? { hint: error.hint } : {}),
    file: project.goalsFile.displayPath,
    ...project.goalsFile.positionOf(path),
    path,
  };
}

function isNoop(counts: ImportCounts): boolean {
  return counts.inserted === 0 && counts.updated === 0 && counts.removed === 0;
}

function unchangedResult(job: SourceJob, by: 'stat' | 'sha256' | 'query'): ImportResult {
  return {
    file: job.displayPath,
    sourceId: job.id,
    status: 'unchanged-file',
    unchangedBy: by,
    scan: undefined,
    rows: 0,
    snapshots: 0,
    counts: { inserted: 0, updated: 0, unchanged: 0, removed: 0 },
    updates: [],
    removals: [],
    skippedRows: 0,
    skipped: [],
    warnings: [],
    outcome: undefined,
  };
}

/** The key of a source's entry a failure is about: its file, its database, or its query. */
function entryKey(job: SourceJob, error: GoalsError): 'path' | 'database' | 'query' {
  if (!job.warehouse) return 'path';
  return error.code === 'WAREHOUSE_UNREACHABLE' ? 'database' : 'query';
}

/** An error's message after "Source 'id': ", which a query's errors already start with. */
function ownMessage(job: SourceJob, error: GoalsError): string {
  const prefix = `Source '${job.id}': `;
  const text = error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
  return lowerFirst(text);
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
