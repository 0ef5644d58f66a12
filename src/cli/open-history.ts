/**
 * Snapshot history for commands that evaluate goals: sources synced first
 * (unless --no-sync), then the store opened for reading. Undefined when
 * there is no store yet and nothing to sync, so such runs never load SQLite.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Point, Segment } from '../core/snapshot.js';
import { segmentKey } from '../core/snapshot.js';
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
  close(): void;
}

/**
 * Syncs the sources of goals.yaml when `sync` is set (a changed export is
 * imported, an unchanged one costs a hash), then opens the store read-only.
 * Throws GoalsError (exit 2) for a source that cannot be read or has a bad
 * row, and for a locked, corrupt or too new store.
 */
export async function openHistory(
  ctx: CommandContext,
  project: Project,
  options: { sync: boolean },
): Promise<History | undefined> {
  const { config, dbPath } = project;
  const willSync = options.sync && config.sources.length > 0;
  if (!willSync && !existsSync(dbPath)) return undefined;

  const { openStore } = await import('../store/open-store.js');
  const displayPath = displayStorePath(ctx, dbPath);
  if (willSync) {
    const { syncSources } = await import('../import/sync-sources.js');
    const { formatSyncLine } = await import('../report/import/summary.js');
    const { formatFindings } = await import('../report/findings.js');
    const store = openStore(dbPath, { displayPath });
    try {
      const results = await syncSources(
        {
          sources: config.sources,
          dir: project.dir,
          catalog: project.catalog,
          goalsFile: project.loaded,
        },
        store,
        { cwd: ctx.io.cwd, now: ctx.io.now(), signal: ctx.io.signal },
      );
      for (const result of results) {
        if (result.status === 'unchanged-file') continue;
        const notes = [...result.warnings, ...result.skipped];
        if (notes.length > 0) ctx.io.stderr.write(formatFindings(notes, { chalk: ctx.chalkErr }));
        if (!ctx.global.quiet) ctx.io.stderr.write(formatSyncLine(result, ctx.chalkErr));
      }
    } finally {
      store.close();
    }
  }
  const store = openStore(dbPath, { readonly: true, displayPath });
  return {
    pointsOf: (metric, segment) => store.pointsOf(metric, segmentKey(segment)),
    pointsNear: (metric, segment, window) => store.pointsNear(metric, segmentKey(segment), window),
    close: () => store.close(),
  };
}

/** The store as messages show it: relative to the working directory when below it. */
export function displayStorePath(ctx: CommandContext, dbPath: string): string {
  const shown = relative(ctx.io.cwd, dbPath);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? dbPath : shown;
}
