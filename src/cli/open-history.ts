/**
 * Snapshot history for commands that evaluate goals: sources synced first
 * (unless --no-sync), then the store opened for reading. Undefined when
 * there is no store yet and nothing to sync, so such runs never load SQLite.
 */
import type { Point, Segment } from '../core/snapshot.js';
import type { CommandContext } from './context.js';
import type { Project } from './load-project.js';

export interface History {
  /** Snapshots of one metric and segment, sorted by date. */
  pointsOf(metric: string, segment: Segment): Point[];
  close(): void;
}

export async function openHistory(
  _ctx: CommandContext,
  _project: Project,
  _options: { sync: boolean },
): Promise<History | undefined> {
  // The store arrives with `goals import` (issue 3).
  return undefined;
}
