/**
 * A PostgreSQL query as rows of text cells. The query runs in a READ ONLY
 * transaction with a statement timeout and is streamed through a server-side
 * cursor (DECLARE … CURSOR, then FETCH a batch at a time), so the result is
 * never held whole. After the first FETCH, they go FETCHES_PER_ROUND to a
 * message, so the server sends the next batch while this process stores the
 * last one instead of waiting for a round trip per batch; TCP's flow control
 * keeps it from running further ahead than the socket's buffers. Each FETCH
 * is its own statement with its own timeout (PostgreSQL 13 and later time
 * each statement of a message on its own): a protocol-level portal
 * (pg-cursor) would keep one timer running across every batch, and a long
 * stream into a busy import would be cancelled midway. Every value arrives as
 * PostgreSQL's own text: `numeric` and `int8` exact, `date` and `timestamp`
 * as written (no time-zone shift), `timestamptz` as an ISO instant with its
 * offset, in settings.timezone.
 *
 * Nothing here ever prints the connection string: every error is rebuilt from
 * its code, naming the source, and the driver's text is scrubbed of the
 * URL's parts before it is shown.
 */
import type { ClientConfig, QueryConfig } from 'pg';
import { GoalsError } from '../core/errors.js';
import type { ErrorCode } from '../core/errors.js';
import { bindSince } from './bind-since.js';
import { BATCH_ROWS } from './query-rows.js';
import type { OnRecord, QuerySpec } from './query-rows.js';

const BOOL = 16;
const TIMESTAMPTZ = 1184;

/** How a column's text is read: booleans as true/false, instants as ISO 8601 with offset, the rest as sent. */
function converterOf(typeId: number): ((text: string) => string) | undefined {
  if (typeId === BOOL) return (v) => (v === 't' ? 'true' : v === 'f' ? 'false' : v);
  if (typeId === TIMESTAMPTZ) return isoInstant;
  return undefined;
}

/** `2026-07-13 09:00:00.5+05:30` → `2026-07-13T09:00:00.5+05:30`; `+03` → `+03:00`. */
function isoInstant(text: string): string {
  const m =
    /^(\d{4,}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(
      text,
    );
  if (!m) return text; // infinity, BC dates: left for the cell reader to refuse
  if (m[5] !== undefined && m[5] !== '00') return text; // a seconds offset (LMT): no ISO form
  return `${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`;
}

interface Field {
  name: string;
  dataTypeID: number;
}

/** FETCH statements sent in one message. */
const FETCHES_PER_ROUND = 10;

/**
 * A round of FETCHes as a pg "submittable" (the driver's extension point for
 * cursors and streams): each DataRow's text cells go straight to `onRow`,
 * without the driver's per-row result object and event.
 */
class FetchRound {
  rows = 0;
  readonly done: Promise<number>;
  private settle!: { resolve: (rows: number) => void; reject: (error: unknown) => void };
  private converters: Array<((text: string) => string) | undefined> = [];

  constructor(
    private readonly text: string,
    private readonly onFields: (fields: readonly Field[]) => void,
    private readonly onRow: (cells: string[]) => void,
  ) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }

  /** Each FETCH of the round describes its columns (the same ones). */
  handleRowDescription(message: { fields: Field[] }): void {
    this.converters = message.fields.map((f) => converterOf(f.dataTypeID));
    this.onFields(message.fields);
  }

  handleDataRow(message: { fields: Array<string | null> }): void {
    const cells = message.fields;
    for (let i = 0; i < cells.length; i++) {
      const text = cells[i];
      if (text === null || text === undefined) cells[i] = '';
      else if (this.converters[i] !== undefined) cells[i] = this.converters[i]!(text);
    }
    this.rows++;
    this.onRow(cells as string[]);
  }

  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}

  handleError(error: unknown): void {
    this.settle.reject(error);
  }

  handleReadyForQuery(): void {
    this.settle.resolve(this.rows);
  }
}

export async function readPostgres(spec: QuerySpec, onRecord: OnRecord): Promise<number> {
  const bound = bindSince(spec.query);
  if (!bound.ok) {
    throw new GoalsError('QUERY_FAILED', `Source '${spec.sourceId}': ${bound.message}.`, {
      hint: 'Write `$since` where the query should read only what is new (`where day >= $since`); other values belong in the SQL itself.',
    });
  }
  const { default: pg } = await import('pg');
  const config: ClientConfig = {
    connectionString: spec.database,
    connectionTimeoutMillis: spec.timeoutMs,
    application_name: 'goals',
  };
  const client = new pg.Client(config);
  // A dropped connection is reported by the query that fails; the event must not crash the process.
  client.on('error', () => undefined);
  const secrets = secretsOf(spec.database);
  const fail = (error: unknown): never => {
    throw describePostgresError(error, spec, secrets, bound.originalPosition);
  };
  const onAbort = () => void client.end().catch(() => undefined);
  spec.signal?.addEventListener('abort', onAbort, { once: true });
  let rows = 0;
  try {
    await client.connect().catch(fail);
    await client
      .query(
        `BEGIN READ ONLY; SET LOCAL statement_timeout = ${Math.max(1, Math.round(spec.timeoutMs))}; ` +
          `SET LOCAL TimeZone = ${quoteLiteral(spec.timeZone)}; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; ` +
          // Every row is read: plan for the whole result, as for a plain query, not for the first rows.
          'SET LOCAL cursor_tuple_fraction = 1.0',
      )
      .catch(fail);
    const declare = 'DECLARE goals_rows NO SCROLL CURSOR FOR ';
    await client
      .query(declare + bound.text, bound.usesSince ? [spec.since] : [])
      .catch((error: unknown) => fail(shiftPosition(error, declare.length)));
    // Each row is handed on as it arrives and none is kept: memory holds a
    // row, not a batch, whatever BATCH_ROWS is.
    let isFirst = true;
    let stop = false;
    let thrown: unknown;
    const handOn = (fields: string[], row: number) => {
      try {
        if (!onRecord(fields, row)) stop = true;
      } catch (error) {
        // Not into the driver's socket handler: the read stops, and it is thrown below.
        thrown ??= error;
        stop = true;
      }
    };
    const header = (fields: readonly Field[]) => {
      if (!isFirst) return;
      isFirst = false;
      handOn(
        fields.map((f) => f.name),
        1,
      );
    };
    const fetch = (fetches: number) => {
      const round = new FetchRound(
        Array(fetches).fill(`FETCH FORWARD ${BATCH_ROWS} FROM goals_rows`).join('; '),
        header,
        (cells) => {
          if (stop) return;
          rows++;
          handOn(cells, rows + 1);
        },
      );
      // A submittable is the driver's own extension point; its Client type only knows QueryConfig.
      void client.query(round as unknown as QueryConfig);
      return round.done.catch(fail);
    };
    // One FETCH first: a reader that wants the first rows (--inspect) stops within it.
    for (let fetches = 1; ; fetches = FETCHES_PER_ROUND) {
      const n = await fetch(fetches);
      if (stop || n < BATCH_ROWS * fetches) break;
    }
    if (thrown !== undefined) throw thrown;
    await client.query('ROLLBACK').catch(fail);
  } finally {
    spec.signal?.removeEventListener('abort', onAbort);
    await client.end().catch(() => undefined);
  }
  return rows;
}

/** A server position in `DECLARE … FOR query` is a position in the query. */
function shiftPosition(error: unknown, by: number): unknown {
  const e = error as PgLikeError | null;
  if (e && typeof e.position === 'string' && Number(e.position) > by) {
    e.position = String(Number(e.position) - by);
  }
  return error;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The parts of a connection URL that must never be shown. */
export function secretsOf(url: string): string[] {
  const secrets = [url];
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      secrets.push(parsed.password, decodeURIComponent(parsed.password));
    }
  } catch {
    // not a URL: the whole text is the secret
  }
  return secrets.filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('***');
  return out;
}

interface PgLikeError {
  code?: string;
  message?: string;
  position?: string;
  hint?: string;
  column?: string;
}

/** A GoalsError for what the driver or the server said, naming the source, never the URL. */
export function describePostgresError(
  error: unknown,
  spec: QuerySpec,
  secrets: readonly string[],
  originalPosition: (position: number) => number = (p) => p,
): GoalsError {
  if (error instanceof GoalsError) return error;
  const e = (error ?? {}) as PgLikeError;
  const code = typeof e.code === 'string' ? e.code : '';
  const detail = scrub(String(e.message ?? error), secrets);
  const where = `Source '${spec.sourceId}'`;
  const server = serverOf(spec.database);
  const seconds = `${Math.round(spec.timeoutMs / 100) / 10} s`;
  const unchanged = 'Nothing was imported; the store is unchanged.';
  const make = (message: string, hint: string, code: ErrorCode = 'QUERY_FAILED') =>
    new GoalsError(code, `${message} ${unchanged}`, { hint });
  const unreachable = (message: string, hint: string) =>
    make(message, hint, 'WAREHOUSE_UNREACHABLE');
  if (spec.signal?.aborted) {
    return new GoalsError('CANCELLED', `${where}: the query was cancelled. ${unchanged}`);
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)) {
    return unreachable(
      `${where}: cannot reach the database server ${server} (${code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'unknown host' : 'unreachable'}).`,
      'Check the host and port in the URL the source names (database: env:NAME), and that the server is running and accepts connections from here.',
    );
  }
  if (
    /timeout expired|Connection terminated due to connection timeout|ETIMEDOUT/i.test(detail) ||
    code === 'ETIMEDOUT'
  ) {
    return unreachable(
      `${where}: the database server ${server} did not answer within ${seconds}.`,
      'Check the host, port and network; a slow server can be given more time with `timeout:` on the source (or settings.timeout).',
    );
  }
  if (code === '28P01' || code === '28000') {
    return unreachable(
      `${where}: the database server ${server} refused the login (${code === '28P01' ? 'wrong password' : 'not allowed'}).`,
      'Check the user and password in the URL the source names; the password stays in the environment variable, never in goals.yaml.',
    );
  }
  if (code === '3D000') {
    return unreachable(
      `${where}: the database named in the URL does not exist on ${server}.`,
      'Check the database name at the end of the URL.',
    );
  }
  if (code === '57014') {
    return make(
      `${where}: the query ran longer than the timeout of ${seconds} and was cancelled.`,
      'Make the query cheaper (an index on the date column, `where day >= $since`), or give it more time with `timeout:` on the source.',
    );
  }
  if (code === '25006') {
    return make(
      `${where}: the query tried to change the database (${detail}); goals only reads, in a read-only transaction.`,
      'A source query only reads: write a SELECT.',
    );
  }
  // DECLARE … CURSOR FOR takes only SELECT and VALUES (and no data-modifying WITH).
  const isNotSelect =
    (code === '42601' && Number(e.position) === 1) ||
    (code === '0A000' && /data-modifying/.test(detail));
  if (isNotSelect) {
    return make(
      `${where}: the query is not a SELECT; goals only reads, in a read-only transaction.`,
      'A source query only reads: write a SELECT (or VALUES) that returns the columns the mapping names.',
    );
  }
  if (code.length === 5) {
    const position = Number(e.position);
    const at =
      Number.isInteger(position) && position > 0
        ? positionIn(spec.query, originalPosition(position))
        : '';
    return make(
      `${where}: PostgreSQL rejected the query${at}: ${detail} (SQLSTATE ${code}).`,
      e.hint
        ? scrub(e.hint, secrets)
        : 'Run the query in psql to see the problem, then correct `query:` in goals.yaml.',
    );
  }
  return make(
    `${where}: the database server ${server} failed: ${detail}.`,
    'Check the URL the source names and the server.',
  );
}

/** `host:port` of a URL, which identifies the server without any secret. */
function serverOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}`;
  } catch {
    return '(the URL could not be read)';
  }
}

/** ` at line 2, column 14` for a 1-based character position in the query. */
function positionIn(text: string, position: number): string {
  const before = [...text].slice(0, position - 1).join('');
  const lines = before.split('\n');
  return ` at line ${lines.length}, column ${lines[lines.length - 1]!.length + 1} of the query`;
}
