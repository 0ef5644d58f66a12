// Syncing a warehouse source of 1,000,000 rows from PostgreSQL against the
// manual path it replaces — `psql -c "\copy (query) to file csv header"`,
// then `goals import` of that file with the same mapping — side by side in
// one run (issue 11). Target: the sync takes no longer (ratio ≤ 1.0), and
// peak memory is flat in the row count (shown by syncing a quarter of the
// rows too). A benchmark, not a test: it prints times, ratios and peak RSS.
//
// The two paths run in pairs, each from an empty store, the order of a pair
// alternating (manual then goals, goals then manual …) so that a machine
// speeding up or slowing down favours neither; the ratio is the median of
// the per-pair ratios. The server is
// a throw-away cluster (scripts/postgres-server.mjs), filled by
// generate_series: a long KPI table, four metrics for fifty teams a day,
// keyed by (day, metric, team) as such a table is — the index a sync's
// `where day >= $since` reads through. (Without any index, the server sorts
// the whole result before either path gets its first row: both wait the
// same, and the ratio comes out near 1.0.)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPostgresBin, startPostgres } from '../scripts/postgres-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'goals.js');
const work = join(here, '.work', 'warehouse');
const ROWS = 1_000_000;
const SMALL = 250_000;
const RUNS = 5;

const query = (table) =>
  `select day, metric, team, value from bench.${table} where day >= $since order by day, metric, team`;

/** goals.yaml with one source: the query, or the file psql wrote. */
function goalsYaml(from) {
  return `version: 1
sources:
  - id: kpis
${from}
    layout: long
    date: { column: day }
    segments: { team: team }
goals: []
`;
}

function fresh(dir) {
  rmSync(join(dir, '.goals'), { recursive: true, force: true });
}

// Peak RSS of the goals process, written by a hook loaded before the CLI.
const RSS_HOOK =
  'data:text/javascript,import{writeFileSync}from"node:fs";' +
  'process.on("exit",()=>writeFileSync(process.env.GOALS_BENCH_RSS,String(process.resourceUsage().maxRSS)))';

function timed(command, args, options) {
  const started = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: 'utf8', ...options });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`${command} ${args.join(' ')} exited ${r.status}`);
  }
  return { seconds, stdout: r.stdout.trim() };
}

function goalsImport(dir, env) {
  const rssFile = join(dir, 'rss.txt');
  const r = timed(process.execPath, ['--import', RSS_HOOK, bin, 'import'], {
    cwd: dir,
    env: { ...process.env, ...env, NO_COLOR: '1', GOALS_BENCH_RSS: rssFile },
  });
  return { ...r, rssKb: Number(readFileSync(rssFile, 'utf8')) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

if (!findPostgresBin()) {
  console.log('no PostgreSQL here (/usr/lib/postgresql/*/bin): skipped');
  process.exit(0);
}
rmSync(work, { recursive: true, force: true });
const pg = await startPostgres();
try {
  console.log(`filling bench.kpi with ${ROWS.toLocaleString('en-US')} rows …`);
  const fill = (table, rows) => `
    create table bench.${table} as
      select date '2000-01-01' + (i / 200) as day,
             (array['csat', 'fcr', 'frt_within_sla', 'nps'])[i % 4 + 1] as metric,
             'T' || (i / 4) % 50 as team,
             round((40 + (i::bigint * 7919 % 6001) / 100.0)::numeric, 2) as value
      from generate_series(0, ${rows - 1}) i;
    alter table bench.${table} add primary key (day, metric, team);`;
  pg.sql(`create schema bench; ${fill('kpi', ROWS)} ${fill('kpi_small', SMALL)} analyze;`);

  const env = { BENCH_DATABASE_URL: pg.url };
  const project = (name, from) => {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'goals.yaml'), goalsYaml(from));
    return dir;
  };
  const synced = project(
    'sync',
    `    database: env:BENCH_DATABASE_URL\n    query: ${query('kpi')}`,
  );
  const small = project(
    'sync-small',
    `    database: env:BENCH_DATABASE_URL\n    query: ${query('kpi_small')}`,
  );
  const manual = project('manual', '    path: export.csv');
  const copy = `\\copy (${query('kpi').replace('where day >= $since ', '')}) to '${join(manual, 'export.csv')}' csv header`;

  const manualTimes = [];
  const goalsTimes = [];
  let rssBig = 0;
  let summary = '';
  const runManual = () => {
    fresh(manual);
    const exported = timed(pg.psql, [pg.url, '-v', 'ON_ERROR_STOP=1', '-qc', copy], {});
    const imported = goalsImport(manual, {});
    manualTimes.push(exported.seconds + imported.seconds);
  };
  const runSync = () => {
    fresh(synced);
    const g = goalsImport(synced, env);
    goalsTimes.push(g.seconds);
    rssBig = Math.max(rssBig, g.rssKb);
    summary = g.stdout;
  };
  for (let run = 0; run < RUNS; run++) {
    for (const path of run % 2 === 0 ? [runManual, runSync] : [runSync, runManual]) path();
  }
  fresh(small);
  const quarter = goalsImport(small, env);
  const ratios = goalsTimes.map((t, i) => t / manualTimes[i]);
  const ratio = median(ratios);
  console.log(`\n${ROWS.toLocaleString('en-US')} rows from PostgreSQL, medians of ${RUNS} runs`);
  console.log(`  goals: ${summary}`);
  console.log(`  psql \\copy + goals import  ${median(manualTimes).toFixed(2)} s`);
  console.log(
    `  goals import (the sync)    ${median(goalsTimes).toFixed(2)} s   ${ratio.toFixed(2)}× the manual path  ${ratio <= 1 ? '✔ no slower' : '✖ slower'}`,
  );
  console.log(
    `  pair ratios                ${[...ratios]
      .sort((a, b) => a - b)
      .map((r) => r.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `  goals peak RSS             ${mb(rssBig)} at ${ROWS.toLocaleString('en-US')} rows, ${mb(quarter.rssKb)} at ${SMALL.toLocaleString('en-US')} rows (${quarter.seconds.toFixed(2)} s)`,
  );
} finally {
  pg.stop();
}
