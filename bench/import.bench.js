// `goals import` of two 1,000,000-row long CSV files against the sqlite3
// shell's `.import` of the same file into a table keyed by metric, segments
// and date, side by side in one run:
// - unit-less: date, metric, team, value (percent and score metrics);
// - user path: date, metric, team, channel, value, whose three duration
//   metrics are named as the helpdesk names them and mapped with unit: h
//   (`--metric "First reply (h)=first_response_time:h"` …), two segments.
// Targets (issue 14): within 1.5× of the shell's time for both, and peak
// memory flat in the file's size (shown by importing a quarter of the rows
// too). A benchmark, not a test: it prints times, ratios and peak RSS.
//
// The two importers run in turn (sqlite3, goals, sqlite3, goals …) and the
// ratio is the median of the per-pair ratios, so a machine that slows down
// for a while slows both sides of it. Each run starts from an empty store.
// Setup (once, kept in bench/.work/import/ until the parameters change): the
// CSV files.
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
const TEAMS = 50;
const params = JSON.stringify({ ROWS, SMALL, TEAMS, v: 2 });

const FILES = {
  unitless: {
    title: 'unit-less (date, metric, team, value)',
    columns: ['date', 'metric', 'team', 'value'],
    metrics: ['csat', 'fcr', 'frt_within_sla', 'nps'],
    channels: [''],
    value: (metric, seed) =>
      metric === 'nps' ? (seed % 2001) / 10 - 100 : 40 + (seed % 6001) / 100,
    flags: ['--layout', 'long', '--segment', 'team=team'],
  },
  durations: {
    title: 'durations in hours, two segments (date, metric, team, channel, value)',
    columns: ['date', 'metric', 'team', 'channel', 'value'],
    metrics: ['First reply (h)', 'Resolution (h)', 'Handle time (h)'],
    channels: ['email', 'chat', 'phone'],
    value: (metric, seed) =>
      metric === 'Resolution (h)' ? 4 + (seed % 4000) / 100 : (seed % 600) / 100,
    flags: [
      '--layout',
      'long',
      '--segment',
      'team=team',
      '--segment',
      'channel=channel',
      '--metric',
      'First reply (h)=first_response_time:h',
      '--metric',
      'Resolution (h)=resolution_time:h',
      '--metric',
      'Handle time (h)=handle_time:h',
    ],
  },
};

/** A long export: every metric for every team (and channel), day after day, values with noise. */
async function writeExport(path, file, rows) {
  const out = createWriteStream(path);
  out.write(`${file.columns.join(',')}\n`);
  const first = Math.round(Date.UTC(2000, 0, 1) / 86_400_000);
  const perDay = file.metrics.length * TEAMS * file.channels.length;
  let chunk = '';
  let seed = 7;
  for (let i = 0; i < rows; i++) {
    const day = first + Math.floor(i / perDay);
    const metric = file.metrics[i % file.metrics.length];
    const series = Math.floor(i / file.metrics.length);
    const team = `T${series % TEAMS}`;
    const channel = file.channels[Math.floor(series / TEAMS) % file.channels.length];
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const value = file.value(metric, seed).toFixed(2);
    const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    chunk += `${[date, metric, team, ...(channel ? [channel] : []), value].join(',')}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

const big = (name) => join(work, `${name}-1m.csv`);
const small = (name) => join(work, `${name}-250k.csv`);

async function setUp() {
  const marker = join(work, 'params.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === params) return;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  console.log(
    `generating ${ROWS.toLocaleString('en-US')} and ${SMALL.toLocaleString('en-US')} rows …`,
  );
  for (const [name, file] of Object.entries(FILES)) {
    await writeExport(big(name), file, ROWS);
    await writeExport(small(name), file, SMALL);
  }
  writeFileSync(marker, params);
}

function fresh(db) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
}

// Peak RSS of the goals process, written by a hook loaded before the CLI.
const RSS_HOOK =
  'data:text/javascript,import{writeFileSync}from"node:fs";' +
  'process.on("exit",()=>writeFileSync(process.env.GOALS_BENCH_RSS,String(process.resourceUsage().maxRSS)))';

function runGoals(path, file) {
  const db = join(work, 'goals.db');
  const rssFile = join(work, 'rss.txt');
  fresh(db);
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['--import', RSS_HOOK, bin, '--db', db, 'import', path, ...file.flags],
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

/** The shell's import of the same file into a table keyed like the store's snapshots. */
function runSqlite(path, file) {
  const db = join(work, 'sqlite.db');
  fresh(db);
  const key = ['metric', ...file.columns.filter((c) => c === 'team' || c === 'channel'), 'date'];
  const columns = file.columns.map((c) => `${c} ${c === 'value' ? 'REAL' : 'TEXT'}`).join(', ');
  const started = process.hrtime.bigint();
  const r = spawnSync(
    'sqlite3',
    [
      db,
      `CREATE TABLE t (${columns}, PRIMARY KEY (${key.join(', ')}))`,
      '.mode csv',
      `.import --skip 1 ${path} t`,
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
const sqlite = hasSqlite();
if (!sqlite) console.log('no sqlite3 shell here: goals is timed alone (apt-get install sqlite3)');
for (const [name, file] of Object.entries(FILES)) {
  const goalsTimes = [];
  const sqliteTimes = [];
  let rssBig = 0;
  let summary = '';
  for (let run = 0; run < RUNS; run++) {
    if (sqlite) sqliteTimes.push(runSqlite(big(name), file).seconds);
    const g = runGoals(big(name), file);
    goalsTimes.push(g.seconds);
    rssBig = Math.max(rssBig, g.rssKb);
    summary = g.summary;
  }
  const quarter = runGoals(small(name), file);
  const size = (statSync(big(name)).size / 1024 / 1024).toFixed(1);
  console.log(
    `\n${file.title}: ${ROWS.toLocaleString('en-US')} rows (${size} MiB), medians of ${RUNS} runs`,
  );
  console.log(`  goals: ${summary}`);
  const goalsTime = median(goalsTimes);
  if (sqlite) {
    const ratio = median(goalsTimes.map((t, i) => t / sqliteTimes[i]));
    const verdict = ratio <= 1.5 ? '✔ within 1.5×' : '✖ over 1.5×';
    console.log(`  sqlite3 .import          ${median(sqliteTimes).toFixed(2)} s`);
    console.log(
      `  goals import             ${goalsTime.toFixed(2)} s   ${ratio.toFixed(2)}× sqlite3  ${verdict}`,
    );
  } else {
    console.log(`  goals import             ${goalsTime.toFixed(2)} s`);
  }
  console.log(
    `  goals peak RSS           ${mb(rssBig)} at ${ROWS.toLocaleString('en-US')} rows, ${mb(quarter.rssKb)} at ${SMALL.toLocaleString('en-US')} rows (${quarter.seconds.toFixed(2)} s)`,
  );
}
