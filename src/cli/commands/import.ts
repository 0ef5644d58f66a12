/**
 * `goals import [FILE…]`: CSV exports into the snapshot store, each file all
 * or nothing. Without files, every source of goals.yaml. `--inspect` shows
 * how a file would be read; `--dry-run` what would change.
 */
import { resolve } from 'node:path';
import { GoalsError, isGoalsError, isUnreadable } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import type { MetricDefinition } from '../../core/metrics.js';
import { buildCatalog } from '../../core/metrics.js';
import { suggest } from '../../core/suggest.js';
import { sanitizeLine } from '../../core/text.js';
import { importFile } from '../../import/import-file.js';
import type { ImportResult } from '../../import/import-file.js';
import { specFromFlags } from '../../import/import-spec.js';
import type { ImportFlags, ImportSpec } from '../../import/import-spec.js';
import { inspectFile } from '../../import/inspect-file.js';
import { openQuery } from '../../import/warehouse-job.js';
import { inspectRecords } from '../../import/inspect-records.js';
import {
  importSources,
  showPaths,
  sourceDisplayPath,
  sourceJob,
  specOfSource,
} from '../../import/sync-sources.js';
import type { SourceJob, SyncProject } from '../../import/sync-sources.js';
import type { ReadProgress } from '../../import/read-snapshots.js';
import { formatFindings } from '../../report/findings.js';
import { formatInspect } from '../../report/import/inspect.js';
import { formatInspectRecords } from '../../report/import/inspect-records.js';
import { formatImportSummary } from '../../report/import/summary.js';
import { openStore, storeExists } from '../../store/open-store.js';
import type { SnapshotStore } from '../../store/snapshot-store.js';
import type { CommandContext, ExitCode } from '../context.js';
import { loadProject } from '../load-project.js';
import { displayStorePath, syncProjectOf } from '../open-history.js';
import { printError } from '../print-error.js';

export interface ImportOptions extends ImportFlags {
  source?: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
  inspect?: boolean;
  /** Database sources: read every row, not only what is new. */
  full?: boolean;
}

/** A one-off file (or --inspect): read with flags, or with a source's mapping on loan. */
interface Job {
  path: string;
  displayPath: string;
  recordPath: string;
  spec: ImportSpec;
}

interface Setting {
  project: SyncProject | undefined;
  catalog: ReadonlyMap<string, MetricDefinition>;
  /** Undefined when there is no goals.yaml and no --db (only --inspect can run). */
  dbPath: string | undefined;
}

/**
 * Runs `goals import`: the sources of goals.yaml named (or all of them)
 * imported together, all or nothing, then each one-off file all or nothing;
 * a summary per file on stdout, problems on stderr. Exit 0 when every file
 * was imported, 2 when one was refused (the other one-off files still are).
 */
export async function importCommand(
  ctx: CommandContext,
  files: string[],
  options: ImportOptions,
): Promise<ExitCode> {
  const setting = await loadSetting(ctx, options);
  const { sources, oneOffs } = planJobs(ctx, setting, files, options);
  if (options.inspect) return inspectJobs(ctx, setting, [...sources, ...oneOffs]);

  if (!setting.dbPath) {
    throw new GoalsError(
      'GOALS_FILE_NOT_FOUND',
      `No goals.yaml in ${ctx.io.cwd} or any folder above it, so there is no store to import into.`,
      {
        hint: 'Run `goals init`, pass -c path/to/goals.yaml, or name the store with --db PATH.',
      },
    );
  }
  const shownDb = displayStorePath(ctx, setting.dbPath);
  // A dry run writes nothing, not even a new empty store.
  const store = options.dryRun
    ? storeExists(setting.dbPath)
      ? openStore(setting.dbPath, { readonly: true, displayPath: shownDb })
      : openStore(':memory:', { displayPath: shownDb })
    : openStore(setting.dbPath, { displayPath: shownDb });
  let failed = 0;
  try {
    if (sources.length > 0) failed += await importSourceJobs(ctx, store, setting, sources, options);
    for (const job of oneOffs) {
      const ok = await importJob(ctx, store, setting, job, options);
      if (!ok) failed++;
    }
  } finally {
    store.close();
  }
  return failed > 0 ? 2 : 0;
}

/** goals.yaml when there is one; without it, --inspect and --db still work. */
async function loadSetting(ctx: CommandContext, options: ImportOptions): Promise<Setting> {
  const explicitDb = ctx.global.db ?? ctx.io.env.GOALS_DB;
  try {
    const p = await loadProject(ctx);
    return { project: syncProjectOf(ctx, p), catalog: p.catalog, dbPath: p.dbPath };
  } catch (error) {
    const isMissing =
      isGoalsError(error) &&
      error.code === 'GOALS_FILE_NOT_FOUND' &&
      ctx.global.config === undefined;
    if (!isMissing || (!options.inspect && !explicitDb)) throw error;
    return {
      project: undefined,
      catalog: buildCatalog([]),
      dbPath: explicitDb ? resolve(ctx.io.cwd, explicitDb) : undefined,
    };
  }
}

/**
 * Which files to read, each with its spec. A source's own file (no files:
 * every source, or the one --source names) is imported as that source; any
 * other file is a one-off, read with the flags, or with the mapping of the
 * source --source names on loan (flags on top of it).
 */
function planJobs(
  ctx: CommandContext,
  setting: Setting,
  files: string[],
  options: ImportOptions,
): { sources: SourceJob[]; oneOffs: Job[] } {
  const { project } = setting;
  const ids = project?.sources.map((s) => s.id) ?? [];
  const sourceIndex = (id: string): number => {
    const index = ids.indexOf(id);
    if (index === -1) {
      const close = project ? suggest(id, ids) : undefined;
      throw new GoalsError('USAGE', `--source ${id}: goals.yaml declares no source '${id}'.`, {
        hint: project
          ? `${close ? `Did you mean ${close}? ` : ''}The sources are: ${ids.join(', ') || '(none)'}.`
          : 'Sources are declared under sources: in goals.yaml.',
      });
    }
    return index;
  };
  const chosen = options.source !== undefined ? sourceIndex(options.source) : undefined;
  const jobOf = (p: SyncProject, index: number): SourceJob => ({
    ...sourceJob(p, index, ctx.io.cwd),
    spec: specFromFlags(options, specOfSource(p, index), p.settings),
  });

  if (files.length === 0) {
    if (!project || project.sources.length === 0) {
      throw new GoalsError(
        'USAGE',
        'Nothing to import: no files given, and goals.yaml declares no sources.',
        {
          hint: 'Name the files (goals import export.csv …), or declare your exports under sources: in goals.yaml.',
        },
      );
    }
    const indexes = chosen !== undefined ? [chosen] : project.sources.map((_, i) => i);
    return { sources: indexes.map((i) => jobOf(project, i)), oneOffs: [] };
  }
  const sources: SourceJob[] = [];
  const oneOffs: Job[] = [];
  for (const file of files) {
    const path = resolve(ctx.io.cwd, file);
    const own = project
      ? project.sources.findIndex(
          (s) => s.path !== undefined && resolve(project.dir, s.path) === path,
        )
      : -1;
    if (project && own !== -1 && (chosen === undefined || chosen === own)) {
      sources.push(jobOf(project, own));
      continue;
    }
    const base = project && chosen !== undefined ? specOfSource(project, chosen) : undefined;
    oneOffs.push({
      path,
      ...showPaths(path, project?.dir ?? ctx.io.cwd, ctx.io.cwd),
      spec: { timeZone: project?.timeZone, ...specFromFlags(options, base, project?.settings) },
    });
  }
  return { sources, oneOffs };
}

/** The sources, imported together (see importSources); returns how many failed. */
async function importSourceJobs(
  ctx: CommandContext,
  store: SnapshotStore,
  setting: Setting,
  jobs: SourceJob[],
  options: ImportOptions,
): Promise<number> {
  let progress: ReturnType<typeof progressLine> | undefined;
  let current: SourceJob | undefined;
  const outcome = await importSources(setting.project!, store, jobs, {
    now: ctx.io.now(),
    signal: ctx.io.signal,
    force: true,
    full: options.full,
    dryRun: options.dryRun,
    onProgress: (job, p) => {
      if (job !== current) {
        progress?.clear();
        current = job;
        progress = progressLine(ctx, job.displayPath);
      }
      progress!.update(p);
    },
  }).finally(() => progress?.clear());
  for (const failure of outcome.failures) printFailure(ctx, failure.error);
  for (const result of outcome.results) printResult(ctx, setting, result);
  return outcome.failures.length;
}

async function importJob(
  ctx: CommandContext,
  store: SnapshotStore,
  setting: Setting,
  job: Job,
  options: ImportOptions,
): Promise<boolean> {
  const progress = progressLine(ctx, job.displayPath);
  const { project } = setting;
  try {
    const result = await importFile({
      ...job,
      catalog: setting.catalog,
      store,
      // Without goals.yaml, every source the store has seen keeps its snapshots.
      protectedSources: project ? project.sources.map((s) => s.id) : store.sourcesOfImports(),
      sourceFileOf: (id) => {
        const source = project?.sources.find((s) => s.id === id);
        return source && sourceDisplayPath(project!, source, ctx.io.cwd);
      },
      dryRun: options.dryRun,
      now: ctx.io.now(),
      signal: ctx.io.signal,
      onProgress: progress.update,
    });
    progress.clear();
    printResult(ctx, setting, result);
    return true;
  } catch (error) {
    progress.clear();
    // A file that cannot be imported does not stop the others; the store is shared, so its errors do.
    if (isGoalsError(error) && (error.code === 'CSV_REJECTED' || error.code === 'CSV_UNREADABLE')) {
      printFailure(ctx, error);
      return false;
    }
    throw error;
  }
}

function printResult(ctx: CommandContext, setting: Setting, result: ImportResult): void {
  const notes: Finding[] = [...result.warnings, ...result.skipped];
  if (notes.length > 0) ctx.io.stderr.write(formatFindings(notes, { chalk: ctx.chalkErr }));
  if (result.skippedRows > result.skipped.length && result.skipped.length > 0) {
    ctx.io.stderr.write(
      `${ctx.chalkErr.dim(`… ${result.skippedRows - result.skipped.length} more skipped rows not listed.`)}\n`,
    );
  }
  ctx.io.stdout.write(
    formatImportSummary(result, {
      chalk: ctx.chalk,
      catalog: setting.catalog,
      quiet: ctx.global.quiet ?? false,
    }),
  );
}

function printFailure(ctx: CommandContext, error: GoalsError): void {
  printError(error, {
    io: ctx.io,
    chalk: ctx.chalkErr,
    version: ctx.version,
    debug: ctx.global.debug ?? false,
  });
}

async function inspectJobs(ctx: CommandContext, setting: Setting, jobs: Job[]): Promise<ExitCode> {
  const scratch = openStore(':memory:');
  let refused = 0;
  try {
    for (const [i, job] of jobs.entries()) {
      try {
        const isRecords = job.spec.layout === 'records';
        const rows =
          'warehouse' in job && job.warehouse
            ? (
                await openQuery(setting.project!, undefined, job as SourceJob, {
                  full: true,
                  signal: ctx.io.signal,
                })
              ).rows
            : undefined;
        const read = { ...job, rows, catalog: setting.catalog, signal: ctx.io.signal };
        const result = isRecords
          ? await inspectRecords(read)
          : await inspectFile({ ...read, scratch });
        if (i > 0) ctx.io.stdout.write('\n');
        ctx.io.stdout.write(
          result.kind === 'records'
            ? formatInspectRecords(result, { chalk: ctx.chalk, catalog: setting.catalog })
            : formatInspect(result, { chalk: ctx.chalk }),
        );
        const notes = [...result.warnings, ...result.problems];
        if (notes.length > 0) ctx.io.stderr.write(formatFindings(notes, { chalk: ctx.chalkErr }));
        if (result.refusal) refused++;
      } catch (error) {
        if (!isGoalsError(error) || (!isUnreadable(error) && error.code !== 'QUERY_FAILED'))
          throw error;
        printError(error, {
          io: ctx.io,
          chalk: ctx.chalkErr,
          version: ctx.version,
          debug: ctx.global.debug ?? false,
        });
        refused++;
      }
    }
  } finally {
    scratch.close();
  }
  return refused > 0 ? 2 : 0;
}

/** A progress line on stderr, only on a terminal, redrawn at most 5 times a second. */
function progressLine(
  ctx: CommandContext,
  file: string,
): { update: (p: ReadProgress) => void; clear: () => void } {
  if (!ctx.io.stderr.isTTY || ctx.global.quiet) return { update: () => {}, clear: () => {} };
  let last = 0;
  let shown = false;
  return {
    update: ({ bytes, totalBytes, rows, isLast }) => {
      const now = Date.now();
      if (now - last < 200 && !isLast) return;
      last = now;
      shown = true;
      const percent = totalBytes > 0 ? Math.floor((bytes / totalBytes) * 100) : 100;
      ctx.io.stderr.write(
        `\r\x1b[2KImporting ${sanitizeLine(file)}: ${percent} % (${rows.toLocaleString('en-US')} rows)`,
      );
    },
    clear: () => {
      if (shown) ctx.io.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}
