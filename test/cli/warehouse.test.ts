/**
 * Warehouse sources (DESIGN §13) through the CLI, against a real PostgreSQL
 * server started here: the same KPI table read from PostgreSQL, from its CSV
 * and from a SQLite file gives the same `goals check`; later rows are read
 * alone; a writing query, a wrong port or password stop with exit 2, the
 * table and the store unchanged and the password never shown.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { findPostgresBin, freePort, startPostgres } from '../helpers/postgres.js';
import type { TestPostgres } from '../helpers/postgres.js';
import { copyFixture, tempDir } from '../helpers/temp-dir.js';

const hasPostgres = findPostgresBin() !== undefined;
if (!hasPostgres && process.env.CI) {
  throw new Error(
    'CI must have PostgreSQL (/usr/lib/postgresql/*/bin): the warehouse tests need a real server.',
  );
}

const QUERY =
  'select day, team, csat_pct, frt_minutes from support.kpi_daily where day >= $since order by day, team';

/** goals.yaml reading the KPI table from `from` (a `path:`, or `database:` and `query:`). */
function goalsYaml(from: string, extra = ''): string {
  return `version: 1
settings: { timezone: Europe/Sofia }
sources:
  - id: warehouse
${from}
    layout: wide
    date: { column: day }
    columns: { csat_pct: csat, frt_minutes: { metric: first_response_time, unit: m } }
    segments: { team: team }
${extra}
goals:
  - id: csat-emea
    title: Reach 85% CSAT in EMEA by the end of 2026
    owner: Georgi Petrov
    metric: csat
    segment: { team: EMEA }
    baseline: 78
    target: 85
    start: 2026-07-01
    deadline: 2026-12-31
  - id: frt-americas
    title: Cut first response time in the Americas from 4 h to 2 h by the end of 2026
    owner: Maria Ivanova
    metric: first_response_time
    segment: { team: Americas }
    baseline: 4h
    target: 2h
    start: 2026-07-01
    deadline: 2026-12-31
`;
}

const fromPostgres = (options = '') =>
  `    database: env:SUPPORT_DATABASE_URL\n    query: ${QUERY}${options}`;

function project(yaml: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'goals.yaml'), yaml);
  return dir;
}

describe.skipIf(!hasPostgres)('warehouse sources, on a real PostgreSQL server', () => {
  let pg: TestPostgres;
  let env: Record<string, string>;
  const count = () => pg.sql('select count(*) from support.kpi_daily').trim();

  beforeAll(async () => {
    pg = await startPostgres();
    // 19 Mondays × 2 teams; the newest EMEA CSAT has all four decimals of numeric(12,4).
    pg.sql(`
      create schema support;
      create table support.kpi_daily (day date, team text, csat_pct numeric(12,4), frt_minutes double precision);
      insert into support.kpi_daily
        select d::date, t, round((78 + w * 0.3 + (t = 'EMEA')::int * 0.5)::numeric, 4), 240 - w * 5.5 - (t = 'EMEA')::int * 10
        from generate_series(0, 18) w, lateral (select date '2026-07-06' + w * 7 as d) dd, unnest(array['EMEA', 'Americas']) t;
      update support.kpi_daily set csat_pct = 83.1234 where day = '2026-11-09' and team = 'EMEA';`);
    env = { SUPPORT_DATABASE_URL: pg.url };
  }, 60_000);
  afterAll(() => pg?.stop());

  it('gives the same check as the table exported to CSV, and as a SQLite file', async () => {
    const check = async (dir: string) => {
      const r = await runCli(['check', '--format', 'json'], { cwd: dir, env });
      expect(r.code).toBe(0);
      return r.stdout;
    };
    const warehouse = project(goalsYaml(fromPostgres()));
    const csv = project(goalsYaml('    path: kpi.csv'));
    // The manual path: psql's \copy of the same query.
    writeFileSync(
      join(csv, 'kpi.csv'),
      pg.sql(
        `copy (${QUERY.replace('where day >= $since ', '')}) to stdout with (format csv, header)`,
      ),
    );
    const sqlite = project(goalsYaml(`    database: kpi.db\n    query: ${QUERY}`));
    const db = new Database(join(sqlite, 'kpi.db'));
    db.exec('create table support_kpi (day text, team text, csat_pct real, frt_minutes real)');
    const insert = db.prepare('insert into support_kpi values (?, ?, ?, ?)');
    for (const line of pg
      .sql(`copy (${QUERY.replace('where day >= $since ', '')}) to stdout with (format csv)`)
      .trim()
      .split('\n')) {
      const [day, team, csat, frt] = line.split(',');
      insert.run(day, team, Number(csat), Number(frt));
    }
    db.close();
    writeFileSync(
      join(sqlite, 'goals.yaml'),
      goalsYaml(
        `    database: kpi.db\n    query: ${QUERY.replace('support.kpi_daily', 'support_kpi')}`,
      ),
    );

    const fromWarehouse = await check(warehouse);
    expect(fromWarehouse).toBe(await check(csv));
    expect(fromWarehouse).toBe(await check(sqlite));
    const goals = (JSON.parse(fromWarehouse) as { goals: Array<{ id: string; current: number }> })
      .goals;
    // 240 - 18 × 5.5 minutes = 141 min = 8,460 s; JSON shows two decimals (history: every one).
    expect(goals.map((g) => [g.id, g.current])).toEqual([
      ['csat-emea', 83.12],
      ['frt-americas', 8460],
    ]);
  });

  it('reads only the rows from the newest stored date on; --full reads them all', async () => {
    const dir = project(goalsYaml(fromPostgres()));
    const first = await runCli(['import'], { cwd: dir, env });
    expect(first.stdout).toBe(
      'Imported the query of source warehouse: 38 rows, 76 snapshots: 76 new, 0 updated, 0 unchanged.\n',
    );
    pg.sql(`insert into support.kpi_daily values ('2026-11-16', 'EMEA', 84.5, 100)`);
    try {
      const check = await runCli(['check', '--format', 'json'], { cwd: dir, env });
      expect(check.stderr).toBe(
        'Synced the query of source warehouse: 2 new, 0 updated, 4 unchanged.\n',
      );
      const csat = (JSON.parse(check.stdout) as { goals: Array<{ current: number }> }).goals[0]!;
      expect(csat.current).toBe(84.5);
      // Nothing new: a sync says nothing, and an import shows the one row it read.
      expect(await runCli(['check', '--format', 'json'], { cwd: dir, env })).toMatchObject({
        stderr: '',
      });
      expect((await runCli(['import', '--source', 'warehouse'], { cwd: dir, env })).stdout).toBe(
        'Imported the query of source warehouse: 1 row dated 2026-11-16 or later, 2 snapshots: 0 new, 0 updated, 2 unchanged. Nothing changed.\n',
      );
      // A value revised on the newest date is updated; a row gone from it is removed.
      pg.sql(`update support.kpi_daily set csat_pct = 84.25 where day = '2026-11-16'`);
      expect((await runCli(['import'], { cwd: dir, env })).stdout).toBe(
        'Imported the query of source warehouse: 1 row dated 2026-11-16 or later, 2 snapshots: 0 new, 1 updated, 1 unchanged.\n' +
          '  updated csat (team=EMEA) on 2026-11-16: 84.5 % → 84.3 %  row 1\n',
      );
      expect(
        (await runCli(['import', '--source', 'warehouse', '--full'], { cwd: dir, env })).stdout,
      ).toBe(
        'Imported the query of source warehouse: 39 rows, 78 snapshots: 0 new, 0 updated, 78 unchanged. Nothing changed.\n',
      );
    } finally {
      pg.sql(`delete from support.kpi_daily where day = '2026-11-16'`);
    }
  });

  it('a query that writes is refused: exit 2, the table and the store unchanged', async () => {
    const dir = project(goalsYaml(fromPostgres()));
    expect((await runCli(['import'], { cwd: dir, env })).code).toBe(0);
    const before = await runCli(['check', '--no-sync', '--format', 'json'], { cwd: dir, env });
    writeFileSync(
      join(dir, 'goals.yaml'),
      goalsYaml(
        '    database: env:SUPPORT_DATABASE_URL\n    query: delete from support.kpi_daily returning day, team, csat_pct, frt_minutes',
      ),
    );
    const r = await runCli(['check'], { cwd: dir, env });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "error Source 'warehouse' (goals.yaml:6) could not be synced: the query is not a SELECT; goals only reads, in a read-only transaction. Nothing was imported; the store is unchanged.\n" +
        '  A source query only reads: write a SELECT (or VALUES) that returns the columns the mapping names. To evaluate what is already in the store, add --no-sync.\n',
    });
    expect(count()).toBe('38');
    expect(await runCli(['check', '--no-sync', '--format', 'json'], { cwd: dir, env })).toEqual(
      before,
    );
  });

  it('a wrong port or password: exit 2 naming the source, the password never shown', async () => {
    const dir = project(goalsYaml(fromPostgres('\n    timeout: 5s')));
    const port = await freePort();
    const closed = pg.url.replace(`:${pg.port}/`, `:${port}/`);
    const refused = await runCli(['check'], { cwd: dir, env: { SUPPORT_DATABASE_URL: closed } });
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `error Source 'warehouse' (goals.yaml:5) could not be synced: cannot reach the database server 127.0.0.1:${port} (connection refused). Nothing was imported; the store is unchanged.\n` +
        '  Check the host and port in the URL the source names (database: env:NAME), and that the server is running and accepts connections from here. To evaluate what is already in the store, add --no-sync.\n',
    });
    const wrong = 'n0t-the-Passw0rd';
    const url = pg.url.replace(`:${pg.password}@`, `:${wrong}@`);
    for (const argv of [['check'], ['check', '--debug'], ['import']]) {
      const r = await runCli(argv, { cwd: dir, env: { SUPPORT_DATABASE_URL: url } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("Source 'warehouse'");
      expect(r.stderr).toContain(
        `the database server 127.0.0.1:${pg.port} refused the login (wrong password)`,
      );
      for (const secret of [wrong, pg.password, url, pg.url]) {
        expect(r.stdout + r.stderr).not.toContain(secret);
      }
    }
    // Without a sync, what the store holds is evaluated and the database is not asked.
    expect(
      (await runCli(['check', '--no-sync'], { cwd: dir, env: { SUPPORT_DATABASE_URL: url } })).code,
    ).toBe(0);
  });

  it('says which variable to set when env:NAME is not set', async () => {
    const dir = project(goalsYaml(fromPostgres()));
    expect(await runCli(['check'], { cwd: dir, env: {} })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "error Source 'warehouse' (goals.yaml:5) could not be synced: the environment variable SUPPORT_DATABASE_URL is not set, so there is no database to read. Nothing was imported; the store is unchanged.\n" +
        "  Set SUPPORT_DATABASE_URL to the database's URL (export SUPPORT_DATABASE_URL=postgres://user:password@host:5432/db), or in CI pass it from a secret; --no-sync evaluates what is already stored. To evaluate what is already in the store, add --no-sync.\n",
    });
  });

  it('names the SQL error where PostgreSQL puts it, and a column the mapping misses', async () => {
    const typo = project(
      goalsYaml(
        '    database: env:SUPPORT_DATABASE_URL\n    query: select day, tam as team, csat_pct, frt_minutes from support.kpi_daily',
      ),
    );
    const r = await runCli(['import'], { cwd: typo, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'error Source \'warehouse\': PostgreSQL rejected the query at line 1, column 13 of the query: column "tam" does not exist (SQLSTATE 42703). Nothing was imported; the store is unchanged.\n' +
        '  Perhaps you meant to reference the column "kpi_daily.team".\n',
    );
    const missing = project(
      goalsYaml(
        '    database: env:SUPPORT_DATABASE_URL\n    query: select day, team, csat_pct from support.kpi_daily',
      ),
    );
    const m = await runCli(['import'], { cwd: missing, env });
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/goals\.yaml:\d+:\d+ +error .*"frt_minutes"/);
  });

  it('converts timestamptz to the day of settings.timezone, and numeric exactly', async () => {
    const dir = project(
      goalsYaml(
        `    database: env:SUPPORT_DATABASE_URL\n    query: select timestamptz '2026-07-13 23:30:00-07:00' as day, 'EMEA' as team, 81.2345::numeric(12,4) as csat_pct, 0.1::numeric(12,4) as frt_minutes`,
      ),
    );
    expect((await runCli(['import'], { cwd: dir, env })).code).toBe(0);
    const r = await runCli(['history', 'csat-emea', '--format', 'csv', '--no-sync'], {
      cwd: dir,
      env,
    });
    // 23:30 at -07:00 is 09:30 the next morning in Sofia.
    expect(r.stdout).toBe(
      'date,goal,metric,segment,value,expected,target,n,partial\n' +
        '2026-07-14,csat-emea,csat,team=EMEA,81.2345,78.5326,85,,\n',
    );
  });

  it('a records source: ticket rows in PostgreSQL give the check their CSV export gives', async () => {
    const csv = copyFixture('records/zendesk-weekly');
    const [header, ...lines] = readFileSync(join(csv, 'tickets.csv'), 'utf8').trim().split('\n');
    const names = header!.split(',');
    const types = (name: string) =>
      /at$/.test(name)
        ? 'timestamp'
        : /^(Id|Reopens|Replies|.* in minutes)$/.test(name)
          ? 'integer'
          : 'text';
    const literal = (cell: string) => (cell === '' ? 'null' : `'${cell.replace(/'/g, "''")}'`);
    pg.sql(`
      create table support.tickets (${names.map((n) => `"${n}" ${types(n)}`).join(', ')});
      insert into support.tickets values ${lines.map((l) => `(${l.split(',').map(literal).join(', ')})`).join(', ')};`);
    const warehouse = copyFixture('records/zendesk-weekly');
    writeFileSync(
      join(warehouse, 'goals.yaml'),
      readFileSync(join(warehouse, 'goals.yaml'), 'utf8').replace(
        '    path: tickets.csv\n',
        '    database: env:SUPPORT_DATABASE_URL\n    query: select * from support.tickets order by "Id"\n',
      ),
    );
    const check = async (dir: string) =>
      (await runCli(['check', '--as-of', '2026-11-16', '--format', 'json'], { cwd: dir, env }))
        .stdout;
    const fromWarehouse = await check(warehouse);
    expect(fromWarehouse).toBe(await check(csv));
    // The week of 9 November: ticket 5 rated Good, ticket 7 not rated.
    expect(JSON.parse(fromWarehouse).goals[0].current).toBe(100);
  });

  it('--inspect shows the first rows of the result and what each column maps to', async () => {
    const dir = project(goalsYaml(fromPostgres()));
    const r = await runCli(['import', '--inspect', '--source', 'warehouse'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 13)).toEqual([
      "Query      The query of source 'warehouse', on PostgreSQL at env:SUPPORT_DATABASE_URL",
      '',
      'First rows of the result (every row is read below)',
      '  day         team      csat_pct  frt_minutes',
      '  2026-07-06  Americas  78.0000   240',
      '  2026-07-06  EMEA      78.5000   230',
      '  2026-07-13  Americas  78.3000   234.5',
      '  2026-07-13  EMEA      78.8000   224.5',
      '  2026-07-20  Americas  78.6000   229',
      '',
      'Layout     wide',
      'Dates      column "day", YYYY-MM-DD (detected)',
      'Rows       38 (0 bad rows), 76 snapshots',
    ]);
    expect(r.stdout).toContain('    3  csat_pct     → csat (percent 0-100)');
  });

  it('validate warns of a password written in goals.yaml, without showing it', async () => {
    const dir = project(goalsYaml(`    database: ${pg.url}\n    query: ${QUERY}`));
    const r = await runCli(['validate'], { cwd: dir, env: {} });
    expect(r.stdout).toContain(
      "goals.yaml:5:5  warning  Source 'warehouse': database: holds a password, and goals.yaml is committed with the code.  source/password-in-file\n" +
        '  → Keep the URL in the environment: write `database: env:WAREHOUSE_DATABASE_URL`, set WAREHOUSE_DATABASE_URL where goals runs (in CI, from a repository secret), and change the password.\n',
    );
    expect(r.stdout + r.stderr).not.toContain(pg.password);
  });
});
