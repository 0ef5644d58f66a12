/**
 * A warehouse source of goals.yaml (DESIGN §13) made ready to read: its
 * database found (an environment variable, or a SQLite file beside
 * goals.yaml), `$since` chosen from what the store already holds for it, and
 * its query wrapped as the rows of an import.
 */
import { resolve } from 'node:path';
import { parseDuration } from '../core/duration.js';
import { GoalsError } from '../core/errors.js';
import type { SnapshotStore } from '../store/snapshot-store.js';
import { queryUsesSince } from '../warehouse/bind-since.js';
import { describeDatabase, isPostgresUrl } from '../warehouse/query-rows.js';
import { queryRows } from '../warehouse/query-source.js';
import type { RowSource } from './row-source.js';
import type { SourceJob, SyncProject } from './sync-sources.js';

/** A source's `database:`, `query:` and timeout, as written in goals.yaml. */
export interface WarehouseSource {
  database: string;
  query: string;
  /** A duration (`30s`). */
  timeout: string;
}

/** `$since` when nothing is stored yet: before any date a warehouse holds. */
export const FAR_PAST = '0001-01-01';

/**
 * The rows of a warehouse source. `$since` is the newest date the store holds
 * for the source, so a sync reads only rows on or after it; the source's
 * snapshots from that date on are then exactly what the query gives
 * (`exactFrom`), and older ones stay. `full`, a query without `$since`, and
 * records sources (backlog and churn need every row) read everything.
 */
export async function openQuery(
  project: SyncProject,
  /** Undefined (--inspect): every row is read. */
  store: SnapshotStore | undefined,
  job: SourceJob,
  options: { full: boolean; signal?: AbortSignal | undefined },
): Promise<{ rows: RowSource; since: string; exactFrom: string | undefined }> {
  const source = job.warehouse!;
  const database = resolveDatabase(project, job.id, source.database);
  const incremental =
    !options.full && job.spec.layout !== 'records' && queryUsesSince(source.query);
  const newest = incremental ? store?.newestDateOf(job.id) : undefined;
  const since = newest ?? FAR_PAST;
  const rows = queryRows(
    {
      sourceId: job.id,
      database,
      query: source.query,
      since,
      timeZone: project.timeZone,
      timeoutMs: (parseDuration(source.timeout) ?? 30) * 1000,
      signal: options.signal,
    },
    {
      displayPath: job.displayPath,
      database: describeDatabase(source.database, database),
      file: project.goalsFile.displayPath,
      ...project.goalsFile.positionOf(['sources', job.index, 'query']),
    },
  );
  return { rows, since, exactFrom: newest };
}

/** The URL or SQLite file a source names: `env:NAME` is looked up, a file is relative to goals.yaml. */
function resolveDatabase(project: SyncProject, id: string, written: string): string {
  const env = /^env:(.+)$/.exec(written);
  if (env) {
    const name = env[1]!.trim();
    const value = project.env?.[name]?.trim();
    if (!value) {
      throw new GoalsError(
        'WAREHOUSE_UNREACHABLE',
        `Source '${id}': the environment variable ${name} is not set, so there is no database to read. Nothing was imported; the store is unchanged.`,
        {
          hint: `Set ${name} to the database's URL (export ${name}=postgres://user:password@host:5432/db), or in CI pass it from a secret; --no-sync evaluates what is already stored.`,
        },
      );
    }
    return isPostgresUrl(value) ? value : resolve(project.dir, value);
  }
  return isPostgresUrl(written) ? written : resolve(project.dir, written);
}
