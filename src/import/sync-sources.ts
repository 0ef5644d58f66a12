/**
 * Before `goals check` and `goals validate` evaluate: every source of
 * goals.yaml whose bytes or mapping changed since its last import is
 * imported; unchanged ones cost one hash of the file.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { SourceInput } from '../config/schema.js';
import { GoalsError, isGoalsError } from '../core/errors.js';
import { sanitizeLine } from '../core/text.js';
import type { MetricDefinition } from '../core/metrics.js';
import type { SnapshotStore } from '../store/snapshot-store.js';
import { importFile } from './import-file.js';
import type { ImportResult } from './import-file.js';
import { specFromSource } from './import-spec.js';
import type { ImportSpec, SpecOrigin } from './import-spec.js';

/** What a sync needs to know of the project. */
export interface SyncProject {
  sources: readonly SourceInput[];
  /** Folder of goals.yaml: source paths are relative to it. */
  dir: string;
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
  return specFromSource(project.sources[index]!, origin);
}

/**
 * Imports every changed source. A source that cannot be read or has a bad
 * row stops the sync with a GoalsError (exit 2) that says which source and
 * how to go on; sources imported before it stay imported.
 */
export async function syncSources(
  project: SyncProject,
  store: SnapshotStore,
  options: { cwd: string; now: Date; signal?: AbortSignal | undefined },
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const [index, source] of project.sources.entries()) {
    const file = sourceFile(project, source.path, options.cwd);
    try {
      results.push(
        await importFile({
          ...file,
          spec: specOfSource(project, index),
          catalog: project.catalog,
          store,
          skipUnchanged: true,
          now: options.now,
          signal: options.signal,
        }),
      );
    } catch (error) {
      if (
        !isGoalsError(error) ||
        (error.code !== 'CSV_UNREADABLE' && error.code !== 'CSV_REJECTED')
      )
        throw error;
      const at = project.goalsFile.positionOf(['sources', index, 'path']);
      throw new GoalsError(
        error.code,
        `Source '${source.id}' (${project.goalsFile.displayPath}:${at.line}) could not be synced: ${lowerFirst(error.message)}`,
        {
          hint: `${error.hint ?? ''} To evaluate what is already in the store, add --no-sync.`.trim(),
          findings: error.findings,
          cause: error,
        },
      );
    }
  }
  return results;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
