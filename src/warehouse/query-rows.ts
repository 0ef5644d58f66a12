/**
 * What a warehouse source's query gives the import: its column names, then
 * its rows as text cells — exactly what a CSV reader gives, so the layouts,
 * mappings and bad-row rules of files apply unchanged (DESIGN §13).
 */

export interface QuerySpec {
  /** The source id in goals.yaml: every message names it. */
  sourceId: string;
  /** A postgres:// URL or a SQLite file path (absolute). Never shown to the user. */
  database: string;
  query: string;
  /** Bound to `$since`: the newest snapshot date the store holds for this source. */
  since: string;
  /** settings.timezone: dates and times come out as wall clocks there. */
  timeZone: string;
  /** Statement (and connection) timeout. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/**
 * Receives the header (row number 1) and then each row (2, 3, …) as text
 * cells; NULL is an empty cell. Returns false to stop reading.
 */
export type OnRecord = (fields: string[], row: number) => boolean;

/**
 * Rows per FETCH: each FETCH is one statement under the statement timeout
 * (several go in one round trip: read-postgres.ts). Rows are read one by one
 * as they arrive, so memory does not grow with it.
 */
export const BATCH_ROWS = 50_000;

/** The placeholder a query may use for the newest stored date. */
export const SINCE = '$since';

/** How messages name the rows of a warehouse source. */
export function queryDisplayPath(id: string): string {
  return `The query of source '${id}'`;
}

/** Whether the source is a PostgreSQL URL (else a SQLite file). */
export function isPostgresUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//i.test(database);
}

/** A source's `database:` as shown: `env:NAME` as written, a URL without its password, or the file. */
export function describeDatabase(written: string, resolved: string): string {
  if (!isPostgresUrl(resolved)) return `SQLite file ${written}`;
  if (!isPostgresUrl(written)) return `PostgreSQL at ${written}`;
  try {
    const url = new URL(written);
    if (url.password) url.password = '***';
    return `PostgreSQL at ${url.toString()}`;
  } catch {
    return 'PostgreSQL (a URL that is not valid)';
  }
}
