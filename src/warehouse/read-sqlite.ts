/**
 * A query on a SQLite file as rows of text cells: the file is opened
 * read-only (a writing statement fails, the file is never changed), `$since`
 * is bound by SQLite itself, and rows are iterated one at a time.
 */
import { GoalsError } from '../core/errors.js';
import type { OnRecord, QuerySpec } from './query-rows.js';

export async function readSqlite(spec: QuerySpec, onRecord: OnRecord): Promise<number> {
  const { default: Database } = await import('better-sqlite3');
  const where = `Source '${spec.sourceId}'`;
  const unchanged = 'Nothing was imported; the store is unchanged.';
  let db;
  try {
    db = new Database(spec.database, {
      readonly: true,
      fileMustExist: true,
      timeout: spec.timeoutMs,
    });
  } catch (error) {
    throw new GoalsError(
      'WAREHOUSE_UNREACHABLE',
      `${where}: cannot open the SQLite database ${spec.database} (${(error as Error).message}). ${unchanged}`,
      {
        hint: 'Check `database:` of the source: a SQLite file path relative to goals.yaml, or env:NAME.',
      },
    );
  }
  let rows = 0;
  try {
    const statement = db.prepare(spec.query);
    if (!statement.reader) {
      throw new GoalsError(
        'QUERY_FAILED',
        `${where}: the query returns no rows; a source query is a SELECT. ${unchanged}`,
        { hint: 'Write a SELECT that returns the columns the mapping names.' },
      );
    }
    statement.raw(true);
    const names = statement.columns().map((c) => c.name);
    if (!onRecord(names, 1)) return 0;
    // Made after the header: an iterator left open keeps the connection busy, and close fails.
    // Named parameters the query does not use are ignored; any other it uses is missing.
    const iterator = statement.iterate({ since: spec.since });
    for (const row of iterator as IterableIterator<unknown[]>) {
      rows++;
      if (spec.signal?.aborted)
        throw new GoalsError('CANCELLED', `${where}: cancelled. ${unchanged}`);
      if (
        !onRecord(
          row.map((v, i) => sqliteCell(v, i, names[i] ?? '', spec)),
          rows + 1,
        )
      )
        break;
    }
  } catch (error) {
    if (error instanceof GoalsError) throw error;
    const e = error as { code?: string; message?: string };
    const isWrite = e.code?.startsWith('SQLITE_READONLY') === true;
    throw new GoalsError(
      'QUERY_FAILED',
      isWrite
        ? `${where}: the query tried to change the database; goals opens it read-only. ${unchanged}`
        : `${where}: SQLite rejected the query: ${e.message ?? String(error)}. ${unchanged}`,
      {
        hint: isWrite
          ? 'A source query only reads: write a SELECT.'
          : 'Run the query in the sqlite3 shell to see the problem, then correct `query:` in goals.yaml.',
      },
    );
  } finally {
    db.close();
  }
  return rows;
}

function sqliteCell(value: unknown, index: number, name: string, spec: QuerySpec): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new GoalsError(
    'QUERY_FAILED',
    `Source '${spec.sourceId}': column ${index + 1} (${name}) of the query holds binary data (a BLOB), which no metric reads. Nothing was imported; the store is unchanged.`,
    { hint: 'Select text or numbers: cast the column in the query.' },
  );
}
