// `goals import` of a 1,000,000-row long CSV (date, metric, team, value)
// against the sqlite3 shell's `.import` of the same file into a table keyed
// (metric, team, date), side by side in one run. Targets (issue 3): within
// 2× of the shell's time, and peak memory flat in the file's size (shown by
// importing a quarter of the rows too). A benchmark, not a test: it prints
// times, the ratio and peak RSS.
//
// Setup (once, kept in bench/.work/import/ until the parameters change): the
// two CSV files. Each measured run starts from an empty store.
import { spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'goals.js');
const work = join(here, '.work', 'import');
const ROWS = 1_000_000;
const SMALL = 250_000;
const RUNS = 3;
const METRICS = ['csat', 'fcr', 'frt_within_sla', 'nps'];
const TEAMS = 50;
const params = JSON.stringify({ ROWS, SMALL, METRICS, TEAMS, v: 1 });

/** A long export: every metric for every team, day after day, values with noise. */
async function writeExport(path, rows) {
  const out = createWriteStream(path);
  out.write('date,metric,team,value\n');
  const first = Math.round(Date.UTC(2000, 0, 1) / 86_400_000);
  let chunk = '';
  let seed = 7;
  for (let i = 0; i < rows; i++) {
    const day = first + Math.floor(i / (METRICS.length * TEAMS));
    const metric = METRICS[i % METRICS.length];
    const team = `T${Math.floor(i / METRICS.length) % TEAMS}`;
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const value = metric === 'nps' ? (seed % 2001) / 10 - 100 : 40 + (seed % 6001) / 100;
    chunk += `${new Date(day * 86_400_000).toISOString().slice(0, 10)},${metric},${team},${value.toFixed(2)}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

async function setUp() {
  const marker = join(work, 'params.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === params) return;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  console.log(
    `generating ${ROWS.toLocaleString('en-US')} and ${SMALL.toLocaleString('en-US')} rows …`,
  );
  await writeExport(join(work, 'long-1m.csv'), ROWS);
  await writeExport(join(work, 'long-250k.csv'), SMALL);
  writeFileSync(marker, params);
}

function fresh(db) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
}

// Peak RSS of the goals process, written by a hook loaded before the CLI.
const RSS_HOOK =
  'data:text/javascript,import{writeFileSync}from"node:fs";' +
  'process.on("exit",()=>writeFileSync(process.env.GOALS_BENCH_RSS,String(process.resourceUsage().maxRSS)))';

function runGoals(file) {
  const db = join(work, 'goals.db');
  const rssFile = join(work, 'rss.txt');
  fresh(db);
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      RSS_HOOK,
      bin,
      '--db',
      db,
      'import',
      file,
      '--layout',
      'long',
      '--segment',
      'team=team',
    ],
    {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', GOALS_BENCH_RSS: rssFile },
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`goals import exited ${r.status}`);
  }
  return { seconds, rssKb: Number(readFileSync(rssFile, 'utf8')), summary: r.stdout.trim() };
}

function hasSqlite() {
  return spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;
}

function runSqlite(file) {
  const db = join(work, 'sqlite.db');
  fresh(db);
  const started = process.hrtime.bigint();
  const r = spawnSync(
    'sqlite3',
    [
      db,
      'CREATE TABLE t (date TEXT, metric TEXT, team TEXT, value REAL, PRIMARY KEY (metric, team, date))',
      '.mode csv',
      `.import --skip 1 ${file} t`,
    ],
    { encoding: 'utf8' },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`sqlite3 exited ${r.status}: ${r.stderr}`);
  return { seconds };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

await setUp();
const big = join(work, 'long-1m.csv');
const small = join(work, 'long-250k.csv');
const sqlite = hasSqlite();
const goalsTimes = [];
const sqliteTimes = [];
let rssBig = 0;
let summary = '';
for (let run = 0; run < RUNS; run++) {
  if (sqlite) sqliteTimes.push(runSqlite(big).seconds);
  const g = runGoals(big);
  goalsTimes.push(g.seconds);
  rssBig = Math.max(rssBig, g.rssKb);
  summary = g.summary;
}
const g250 = runGoals(small);

const size = (statSync(big).size / 1024 / 1024).toFixed(1);
const goalsTime = median(goalsTimes);
console.log(`import of ${ROWS.toLocaleString('en-US')} rows (${size} MiB), median of ${RUNS} runs`);
console.log(`  goals: ${summary}`);
if (sqlite) {
  const sqliteTime = median(sqliteTimes);
  const ratio = goalsTime / sqliteTime;
  console.log(`  sqlite3 .import          ${sqliteTime.toFixed(2)} s`);
  console.log(
    `  goals import             ${goalsTime.toFixed(2)} s   ${ratio.toFixed(2)}× sqlite3 (target ≤ 2×)`,
  );
} else {
  console.log(
    `  goals import             ${goalsTime.toFixed(2)} s   (no sqlite3 shell here to compare with)`,
  );
}
console.log(
  `  goals peak RSS           ${mb(rssBig)} at ${ROWS.toLocaleString('en-US')} rows, ${mb(g250.rssKb)} at ${SMALL.toLocaleString('en-US')} rows (${g250.seconds.toFixed(2)} s)`,
);
