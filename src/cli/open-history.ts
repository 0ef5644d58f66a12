/**
 * Snapshot history for commands that evaluate goals: sources synced first
 * (unless --no-sync), then the store read. Undefined when there is no store
 * yet and nothing to sync, so such runs never load SQLite.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Finding } from '../core/finding.js';
import type { Point, Segment } from '../core/snapshot.js';
import { parseSegmentKey, segmentKey } from '../core/snapshot.js';
import type { SyncProject } from '../import/sync-sources.js';
import type { ImportResult } from '../import/import-file.js';
import type { SnapshotStore } from '../store/snapshot-store.js';
import type { CommandContext } from './context.js';
import type { Project } from './load-project.js';

export interface History {
  /** Snapshots of one metric and segment, sorted by date. */
  pointsOf(metric: string, segment: Segment): Point[];
  /**
   * Only the snapshots dated from `window.from` to `window.to` and the
   * `window.before` newest before it, sorted by date (what evaluating a goal
   * needs; see core's pointWindowOf). Optional: without it, callers use pointsOf.
   */
  pointsNear?(
    metric: string,
    segment: Segment,
    window: { from: string; to: string; before: number },
  ): Point[];
  /** The segments with snapshots of a metric (every team, agent …), in a stable order. */
  segmentsOf(metric: string): Segment[];
  close(): void;
}

/**
 * Syncs the sources of goals.yaml when `sync` is set (a changed export is
 * imported; an unchanged one costs a stat), then serves the store. Throws
 * GoalsError (exit 2) for a source that cannot be read, has a bad row or
 * overlaps another, for a store that changed sources cannot be written to,
 * and for a locked, corrupt or too new store.
 */
export async function openHistory(
  ctx: CommandContext,
  project: Project,
  options: { sync: boolean },
): Promise<History | undefined> {
  const { config, dbPath } = project;
  const willSync = options.sync && config.sources.length > 0;
  if (!willSync && !existsSync(dbPath)) return undefined;

  const { openStore, openStoreIfWritable } = await import('../store/open-store.js');
  const displayPath = displayStorePath(ctx, dbPath);
  if (!willSync) return historyOf(openStore(dbPath, { readonly: true, displayPath }));

  const { GoalsError } = await import('../core/errors.js');
  const store = openStoreIfWritable(dbPath, { displayPath });
  if (!store) {
    throw new GoalsError(
      'DB_UNREADABLE',
      `Cannot create the store ${displayPath}: goals may not write its folder, so the sources cannot be synced. Nothing was changed.`,
      {
        hint: 'Run where the folder may be written, point --db (or GOALS_DB) at a file you may write, or add --no-sync.',
      },
    );
  }
  try {
    const { importSources, sourceJobs, syncError } = await import('../import/sync-sources.js');
    const project_ = syncProjectOf(ctx, project);
    const outcome = await importSources(project_, store, sourceJobs(project_, ctx.io.cwd), {
      now: ctx.io.now(),
      signal: ctx.io.signal,
      dryRun: store.readonly,
    });
    if (outcome.failures.length > 0) throw syncError(project_, outcome.failures);
    const changed = outcome.results.filter((r) => r.status !== 'unchanged-file');
    if (store.readonly && changed.length > 0) {
      throw new GoalsError(
        'DB_UNREADABLE',
        `The store ${displayPath} may not be written, and ${changed.length === 1 ? `source '${changed[0]!.sourceId}' changed` : `${changed.length} sources changed`} since the last sync: goals cannot bring the store up to date. Nothing was changed.`,
        {
          hint: 'Run where the store may be written (or point --db at a file you may write), or add --no-sync to evaluate what the store holds.',
        },
      );
    }
    await reportSync(ctx, changed);
  } catch (error) {
    store.close();
    throw error;
  }
  return historyOf(store);
}

/**
 * `goals validate`: the sources are read as a sync reads them, but a source
 * that cannot be synced is a finding on its entry in goals.yaml, not an
 * error. An existing store that may be written is synced; otherwise the
 * sources go into a copy in memory (of the store, or an empty one), so the
 * rules see the same history either way and validate never creates or
 * changes a store it may not write. Unreadable sources are warnings (the
 * goals file can be validated without its data); rejected ones are errors
 * (`goals check` would stop on them).
 */
export async function syncForValidate(
  ctx: CommandContext,
  project: Project,
  options: {
    /** Create the store when there is none and its folder may be written (goals new). */
    mayCreate?: boolean;
  } = {},
): Promise<{ history: History | undefined; findings: Finding[] }> {
  const { openStore, openStoreIfWritable } = await import('../store/open-store.js');
  const { importSources, sourceJobs } = await import('../import/sync-sources.js');
  const { isUnreadable } = await import('../core/errors.js');
  const { dbPath } = project;
  const displayPath = displayStorePath(ctx, dbPath);
  const exists = existsSync(dbPath);
  let store =
    exists || options.mayCreate ? openStoreIfWritable(dbPath, { displayPath }) : undefined;
  if (store?.readonly) {
    store.close();
    store = undefined;
  }
  const isScratch = store === undefined;
  store ??= existsSync(dbPath)
    ? openStore(dbPath, { readonly: true, copy: true, displayPath })
    : openStore(':memory:', { displayPath });
  try {
    const sync = syncProjectOf(ctx, project);
    const outcome = await importSources(sync, store, sourceJobs(sync, ctx.io.cwd), {
      now: ctx.io.now(),
      signal: ctx.io.signal,
    });
    const findings = outcome.failures.flatMap((f) =>
      isUnreadable(f.error)
        ? [{ ...f.finding, severity: 'warning' as const }]
        : [f.finding, ...f.error.findings],
    );
    if (!isScratch) {
      await reportSync(
        ctx,
        outcome.results.filter((r) => r.status !== 'unchanged-file'),
      );
    }
    return { history: historyOf(store), findings };
  } catch (error) {
    store.close();
    throw error;
  }
}

/** What a sync needs of the project. */
export function syncProjectOf(ctx: CommandContext, project: Project): SyncProject {
  return {
    sources: project.config.sources,
    dir: project.dir,
    cwd: ctx.io.cwd,
    timeZone: project.config.settings.timezone,
    settings: project.config.settings,
    env: ctx.io.env,
    catalog: project.catalog,
    goalsFile: project.loaded,
  };
}

/** A line on stderr per source a sync imported, with its warnings and skipped rows. */
async function reportSync(ctx: CommandContext, results: readonly ImportResult[]): Promise<void> {
  if (results.length === 0) return;
  const { formatSyncLine } = await import('../report/import/summary.js');
  const { formatFindings } = await import('../report/findings.js');
  for (const result of results) {
    const notes = [...result.warnings, ...result.skipped];
    if (notes.length > 0) ctx.io.stderr.write(formatFindings(notes, { chalk: ctx.chalkErr }));
    if (!ctx.global.quiet) ctx.io.stderr.write(formatSyncLine(result, ctx.chalkErr));
  }
}

function historyOf(store: SnapshotStore): History {
  return {
    pointsOf: (metric, segment) => store.pointsOf(metric, segmentKey(segment)),
    pointsNear: (metric, segment, window) => store.pointsNear(metric, segmentKey(segment), window),
    segmentsOf: (metric) => store.segmentsOf(metric).map(parseSegmentKey),
    close: () => store.close(),
  };
}

/** The store as messages show it: relative to the working directory when below it. */
export function displayStorePath(ctx: CommandContext, dbPath: string): string {
  const shown = relative(ctx.io.cwd, dbPath);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? dbPath : shown;
}
