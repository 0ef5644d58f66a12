/**
 * `goals import [FILE…]`: CSV exports into the snapshot store, each file all
 * or nothing. Without files, every source of goals.yaml. `--inspect` shows
 * how a file would be read; `--dry-run` what would change.
 */
import { resolve } from 'node:path';
import { GoalsError, isGoalsError } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import type { MetricDefinition } from '../../core/metrics.js';
import { buildCatalog } from '../../core/metrics.js';
import { suggest } from '../../core/suggest.js';
import { sanitizeLine } from '../../core/text.js';
import { importFile } from '../../import/import-file.js';
import { specFromFlags } from '../../import/import-spec.js';
import type { ImportFlags, ImportSpec } from '../../import/import-spec.js';
import { inspectFile } from '../../import/inspect-file.js';
import { showPaths, sourceFile, specOfSource } from '../../import/sync-sources.js';
import type { SyncProject } from '../../import/sync-sources.js';
import type { ReadProgress } from '../../import/read-snapshots.js';
import { formatFindings } from '../../report/findings.js';
import { formatInspect } from '../../report/import/inspect.js';
import { formatImportSummary } from '../../report/import/summary.js';
import { openStore, storeExists } from '../../store/open-store.js';
import type { SnapshotStore } from '../../store/snapshot-store.js';
import type { CommandContext, ExitCode } from '../context.js';
import { loadProject } from '../load-project.js';
import { displayStorePath } from '../open-history.js';
import { printError } from '../print-error.js';

export interface ImportOptions extends ImportFlags {
  source?: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
  inspect?: boolean;
}

interface Job {
  path: string;
  displayPath: string;
  recordPath: string;
  spec: ImportSpec;
}

interface Setting {
  project: (SyncProject & { sourceIds: string[] }) | undefined;
  catalog: ReadonlyMap<string, MetricDefinition>;
  /** Undefined when there is no goals.yaml and no --db (only --inspect can run). */
  dbPath: string | undefined;
}

/**
 * Runs `goals import`: each file (or each source of goals.yaml) imported all
 * or nothing, a summary per file on stdout, problems on stderr. Exit 0 when
 * every file was imported, 2 when one was refused (the others still are).
 */
export async function importCommand(
  ctx: CommandContext,
  files: string[],
  options: ImportOptions,
): Promise<ExitCode> {
  const setting = loadSetting(ctx, options);
  const jobs = planJobs(ctx, setting, files, options);
  if (options.inspect) return inspectJobs(ctx, setting, jobs);

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
    for (const job of jobs) {
      const ok = await importJob(ctx, store, setting, job, options);
      if (!ok) failed++;
    }
  } finally {
    store.close();
  }
  return failed > 0 ? 2 : 0;
}

/** goals.yaml when there is one; without it, --inspect and --db still work. */
function loadSetting(ctx: CommandContext, options: ImportOptions): Setting {
  const explicitDb = ctx.global.db ?? ctx.io.env.GOALS_DB;
  try {
    const p = loadProject(ctx);
    return {
      project: {
        sources: p.config.sources,
        sourceIds: p.config.sources.map((s) => s.id),
        dir: p.dir,
        catalog: p.catalog,
        goalsFile: p.loaded,
      },
      catalog: p.catalog,
      dbPath: p.dbPath,
    };
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

/** Which files to read, each with its spec: a source's, flags', or a source's with flags on top. */
function planJobs(
  ctx: CommandContext,
  setting: Setting,
  files: string[],
  options: ImportOptions,
): Job[] {
  const { project } = setting;
  const sourceIndex = (id: string): number => {
    const index = project?.sourceIds.indexOf(id) ?? -1;
    if (index === -1) {
      const close = project ? suggest(id, project.sourceIds) : undefined;
      throw new GoalsError('USAGE', `--source ${id}: goals.yaml declares no source '${id}'.`, {
        hint: project
          ? `${close ? `Did you mean ${close}? ` : ''}The sources are: ${project.sourceIds.join(', ') || '(none)'}.`
          : 'Sources are declared under sources: in goals.yaml.',
      });
    }
    return index;
  };
  const chosen = options.source !== undefined ? sourceIndex(options.source) : undefined;

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
    return indexes.map((i) => ({
      ...sourceFile(project, project.sources[i]!.path, ctx.io.cwd),
      spec: specFromFlags(options, specOfSource(project, i)),
    }));
  }
  return files.map((file) => {
    const path = resolve(ctx.io.cwd, file);
    // A file that is a source's own path is read with that source's mapping.
    const index =
      chosen ??
      (project ? project.sources.findIndex((s) => resolve(project.dir, s.path) === path) : -1);
    const base = project && index !== -1 ? specOfSource(project, index) : undefined;
    return {
      path,
      ...showPaths(path, project?.dir ?? ctx.io.cwd, ctx.io.cwd),
      spec: specFromFlags(options, base),
    };
  });
}

async function importJob(
  ctx: CommandContext,
  store: SnapshotStore,
  setting: Setting,
  job: Job,
  options: ImportOptions,
): Promise<boolean> {
  const progress = progressLine(ctx, job.displayPath);
  try {
    const result = await importFile({
      ...job,
      catalog: setting.catalog,
      store,
      dryRun: options.dryRun,
      skipInvalid: options.skipInvalid,
      now: ctx.io.now(),
      signal: ctx.io.signal,
      onProgress: progress.update,
    });
    progress.clear();
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
    return true;
  } catch (error) {
    progress.clear();
    // A file that cannot be imported does not stop the others; the store is shared, so its errors do.
    if (isGoalsError(error) && (error.code === 'CSV_REJECTED' || error.code === 'CSV_UNREADABLE')) {
      printError(error, {
        io: ctx.io,
        chalk: ctx.chalkErr,
        version: ctx.version,
        debug: ctx.global.debug ?? false,
      });
      return false;
    }
    throw error;
  }
}

async function inspectJobs(ctx: CommandContext, setting: Setting, jobs: Job[]): Promise<ExitCode> {
  const scratch = openStore(':memory:');
  let refused = 0;
  try {
    for (const [i, job] of jobs.entries()) {
      try {
        const result = await inspectFile({
          ...job,
          catalog: setting.catalog,
          scratch,
          signal: ctx.io.signal,
        });
        if (i > 0) ctx.io.stdout.write('\n');
        ctx.io.stdout.write(formatInspect(result, { chalk: ctx.chalk }));
        const notes = [...result.warnings, ...result.problems];
        if (notes.length > 0) ctx.io.stderr.write(formatFindings(notes, { chalk: ctx.chalkErr }));
        if (result.refusal) refused++;
      } catch (error) {
        if (!isGoalsError(error) || error.code !== 'CSV_UNREADABLE') throw error;
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
