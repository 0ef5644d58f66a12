/**
 * The warehouse readers against a real PostgreSQL server (started here) and
 * a real SQLite file: exact types, $since, read-only, and errors that name
 * the source and never the password.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGoalsError } from '../../src/core/errors.js';
import { BATCH_ROWS } from '../../src/warehouse/query-rows.js';
import type { QuerySpec } from '../../src/warehouse/query-rows.js';
import { readPostgres } from '../../src/warehouse/read-postgres.js';
import { readSqlite } from '../../src/warehouse/read-sqlite.js';
import { findPostgresBin, freePort, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp-dir.js';

const hasPostgres = findPostgresBin() !== undefined;
if (!hasPostgres && process.env.CI) {
  throw new Error(
    'CI must have PostgreSQL (/usr/lib/postgresql/*/bin): the warehouse tests need a real server.',
  );
}

async function collect(read: Promise<number>, rows: string[][]) {
  const n = await read;
  return { n, rows };
}

function reader(spec: QuerySpec, read = readPostgres) {
  const rows: string[][] = [];
  return collect(
    read(spec, (fields) => {
      rows.push(fields);
      return true;
    }),
    rows,
  );
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!isGoalsError(error)) throw error;
    return { code: error.code, message: error.message, hint: error.hint ?? '' };
  }
  throw new Error('expected a failure');
}

describe.skipIf(!hasPostgres)('readPostgres on a real server', () => {
  let pg: TestPostgres;
  const spec = (query: string, extra: Partial<QuerySpec> = {}): QuerySpec => ({
    sourceId: 'warehouse',
    database: pg.url,
    query,
    since: '0001-01-01',
    timeZone: 'Asia/Kolkata',
    timeoutMs: 5000,
    ...extra,
  });

  beforeAll(async () => {
    pg = await startPostgres();
    pg.sql(`
      create table kpi_daily (day date, team text, csat_pct numeric(12,4), frt_minutes double precision,
                              tickets bigint, at timestamptz, done boolean);
      insert into kpi_daily values
        ('2026-07-13', 'EMEA', 81.2345, 95.5, 9007199254740993, '2026-07-13 09:00:00+00', true),
        ('2026-07-14', 'EMEA', 0.1000, 0.1, 3, '2026-07-14 23:30:00-07:00', false),
        ('2026-07-15', null, null, null, null, null, null);`);
  }, 60_000);
  afterAll(() => pg?.stop());

  it('gives the header, then every row as PostgreSQL writes it: exact, unshifted', async () => {
    const { n, rows } = await reader(spec('select * from kpi_daily order by day'));
    expect(n).toBe(3);
    expect(rows).toEqual([
      ['day', 'team', 'csat_pct', 'frt_minutes', 'tickets', 'at', 'done'],
      [
        '2026-07-13',
        'EMEA',
        '81.2345',
        '95.5',
        '9007199254740993',
        '2026-07-13T14:30:00+05:30',
        'true',
      ],
      ['2026-07-14', 'EMEA', '0.1000', '0.1', '3', '2026-07-15T12:00:00+05:30', 'false'],
      ['2026-07-15', '', '', '', '', '', ''],
    ]);
  });

  it('binds $since as a parameter: only rows on or after it are read', async () => {
    const { rows } = await reader(
      spec('select day, team from kpi_daily where day >= $since order by day', {
        since: '2026-07-14',
      }),
    );
    expect(rows).toEqual([
      ['day', 'team'],
      ['2026-07-14', 'EMEA'],
      ['2026-07-15', ''],
    ]);
  });

  it('streams through a cursor, in order, across batch boundaries; false stops it', async () => {
    // One FETCH, then rounds of ten in one message: 11 batches end exactly at a round's end.
    for (const total of [0, 1, 2 * BATCH_ROWS, 2 * BATCH_ROWS + 1, 11 * BATCH_ROWS]) {
      let seen = 0;
      let wrong = 0;
      const n = await readPostgres(
        spec(`select g, g * 2 from generate_series(1, ${total}) g`),
        (fields, row) => {
          if (row > 1) {
            seen++;
            if (fields[0] !== String(row - 1) || fields[1] !== String((row - 1) * 2)) wrong++;
          }
          return true;
        },
      );
      expect([n, seen, wrong]).toEqual([total, total, 0]);
    }
    const first = await readPostgres(
      spec(`select g from generate_series(1, ${BATCH_ROWS + 1}) g`),
      (_, row) => row < 2,
    );
    expect(first).toBe(1);
  });

  it('gives a text as it is: tabs, line breaks, backslashes, \\N; NULL is an empty cell', async () => {
    const { rows } = await reader(
      spec(
        "select E'a\\tb', E'two\\nlines\\r', E'back\\\\slash', E'\\\\N', null::text, '', 'Zürich €'",
      ),
    );
    expect(rows[1]).toEqual(['a\tb', 'two\nlines\r', 'back\\slash', '\\N', '', '', 'Zürich €']);
  });

  it('binds $since with the type the query gives it: timestamptz, text, twice', async () => {
    const q = (where: string) =>
      reader(
        spec(`select day from kpi_daily where ${where} order by day`, { since: '2026-07-14' }),
      );
    // 2026-07-14 in Asia/Kolkata starts at 2026-07-13 18:30 UTC: 09:00 UTC that day is before it,
    // 2026-07-14 23:30 -07:00 after
    expect((await q('at >= $since')).rows.slice(1)).toEqual([['2026-07-14']]);
    expect((await q("day::text >= $since and team >= ''")).rows.slice(1)).toEqual([['2026-07-14']]);
    expect((await q('day >= $since and day < $since::date + 1')).rows.slice(1)).toEqual([
      ['2026-07-14'],
    ]);
  });

  it('stops on an error of the reader, and throws it', async () => {
    const bug = new Error('reader failed');
    const f = readPostgres(spec('select g from generate_series(1, 10) g'), (_, row) => {
      if (row === 3) throw bug;
      return true;
    });
    await expect(f).rejects.toBe(bug);
  });

  it('runs read-only: a delete … returning fails and the table is intact', async () => {
    const f = await failure(reader(spec('delete from kpi_daily returning *')));
    expect(f.code).toBe('QUERY_FAILED');
    expect(f.message).toBe(
      "Source 'warehouse': the query is not a SELECT; goals only reads, in a read-only transaction. Nothing was imported; the store is unchanged.",
    );
    expect(pg.sql('select count(*) from kpi_daily').trim()).toBe('3');
    // A data-modifying WITH, or a function that writes, fails as well.
    const cte = await failure(
      reader(spec('with gone as (delete from kpi_daily returning *) select * from gone')),
    );
    expect(cte.message).toContain("Source 'warehouse': the query");
    expect(cte.message).toContain('goals only reads');
    pg.sql("create function wipe() returns int language sql as 'delete from kpi_daily; select 1'");
    const fn = await failure(reader(spec('select wipe()')));
    expect(fn.message).toBe(
      "Source 'warehouse': the query tried to change the database (cannot execute DELETE in a read-only transaction); goals only reads, in a read-only transaction. Nothing was imported; the store is unchanged.",
    );
    expect(pg.sql('select count(*) from kpi_daily').trim()).toBe('3');
  });

  it('names the query position of an SQL error as written (with $since)', async () => {
    const f = await failure(reader(spec('select day,\n  nope from kpi_daily where day >= $since')));
    expect(f.message).toBe(
      `Source 'warehouse': PostgreSQL rejected the query at line 2, column 3 of the query: column "nope" does not exist (SQLSTATE 42703). Nothing was imported; the store is unchanged.`,
    );
  });

  it('fails on an error the server meets midway, in a round of several FETCHes', async () => {
    // Row 60,000 divides by zero: past the first FETCH, inside the first round of ten.
    let seen = 0;
    const f = await failure(
      readPostgres(spec('select 1 / (60000 - g) from generate_series(1, 100000) g'), () => {
        seen++;
        return true;
      }),
    );
    expect(f.message).toBe(
      "Source 'warehouse': PostgreSQL rejected the query: division by zero (SQLSTATE 22012). Nothing was imported; the store is unchanged.",
    );
    // The header and the first FETCH's rows came before the error, nothing from row 60,000 on.
    expect(seen).toBeGreaterThanOrEqual(1 + BATCH_ROWS);
    expect(seen).toBeLessThan(60000);
  });

  it('stops a query that runs past the timeout', async () => {
    const f = await failure(reader(spec('select pg_sleep(10)', { timeoutMs: 300 })));
    expect(f.message).toBe(
      "Source 'warehouse': the query ran longer than the timeout of 0.3 s and was cancelled. Nothing was imported; the store is unchanged.",
    );
  });

  it('reports a wrong password without ever showing it', async () => {
    const url = pg.url.replace(pg.password, 'wrong-Pa55');
    const f = await failure(reader(spec('select 1', { database: url })));
    expect(f.message).toBe(
      `Source 'warehouse': the database server 127.0.0.1:${pg.port} refused the login (wrong password). Nothing was imported; the store is unchanged.`,
    );
    expect(JSON.stringify(f)).not.toContain('wrong-Pa55');
    expect(JSON.stringify(f)).not.toContain(pg.password);
  });

  it('reports a server that is not there, within the timeout', async () => {
    const port = await freePort();
    const url = `postgres://goals:${pg.password}@127.0.0.1:${port}/goals`;
    const started = Date.now();
    const f = await failure(reader(spec('select 1', { database: url, timeoutMs: 2000 })));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(f.message).toBe(
      `Source 'warehouse': cannot reach the database server 127.0.0.1:${port} (connection refused). Nothing was imported; the store is unchanged.`,
    );
    expect(JSON.stringify(f)).not.toContain(pg.password);
  });
});

describe('readSqlite', () => {
  const make = () => {
    const path = join(tempDir(), 'kpi.db');
    const db = new Database(path);
    db.exec(`create table kpi (day text, csat real, n integer);
             insert into kpi values ('2026-07-13', 81.25, 10), ('2026-07-14', 0.1, null);`);
    db.close();
    return path;
  };
  const spec = (database: string, query: string, since = '0001-01-01'): QuerySpec => ({
    sourceId: 'local',
    database,
    query,
    since,
    timeZone: 'UTC',
    timeoutMs: 5000,
  });

  it('reads a query on the file, binding $since', async () => {
    const path = make();
    const { rows } = await reader(
      spec(path, 'select * from kpi where day >= $since order by day', '2026-07-14'),
      readSqlite,
    );
    expect(rows).toEqual([
      ['day', 'csat', 'n'],
      ['2026-07-14', '0.1', ''],
    ]);
  });

  it('stops where the reader says, after the header or a row', async () => {
    const path = make();
    const query = 'select * from kpi order by day';
    expect(await readSqlite(spec(path, query), () => false)).toBe(0);
    expect(await readSqlite(spec(path, query), (_, row) => row < 2)).toBe(1);
  });

  it('opens the file read-only: a writing query fails and the file is unchanged', async () => {
    const path = make();
    const before = createHash('sha256').update(readFileSync(path)).digest('hex');
    const f = await failure(reader(spec(path, 'delete from kpi returning *'), readSqlite));
    expect(f.message).toBe(
      "Source 'local': the query tried to change the database; goals opens it read-only. Nothing was imported; the store is unchanged.",
    );
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before);
  });
});
