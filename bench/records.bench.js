// A records export (DESIGN §10, §11; issue 8): `goals import` of a generated
// 1,000,000-ticket Zendesk-style export (~75 MB) into daily snapshots per
// team and per channel, side by side in one run with DuckDB computing the
// same seven metrics in SQL over the same file. Targets: at most 3× DuckDB's
// time, and goals' peak memory under 300 MB. A benchmark, not a test: it
// prints both times, both peak RSS and the ratio, and checks that the two
// agree on every snapshot both give.
//
// The two run in turn (duckdb, goals, duckdb, goals …) and the ratio is the
// median of the per-pair ratios. DuckDB (@duckdb/node-api) is a
// devDependency, loaded only here, in a child process so that its memory is
// its own. Setup (once, kept in bench/.work/records/ until the parameters
// change): the export.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'goals.js');
const work = join(here, '.work', 'records');
const csv = join(work, 'tickets.csv');
const ROWS = 1_000_000;
const RUNS = Number(process.env.RECORDS_BENCH_RUNS ?? 3);
const DAYS = 365;
const TEAMS = [
  'Support',
  'Billing',
  'Claims',
  'Onboarding',
  'Retention',
  'Escalations',
  'Sales',
  'Tech',
];
const CHANNELS = ['Mail', 'Web', 'Chat', 'Phone'];
const params = JSON.stringify({ ROWS, DAYS, TEAMS, CHANNELS, v: 1 });

const HEADER =
  'Id,Group,Status,Via,Created at,Solved at,Satisfaction Score,Reopens,Replies,First reply time in minutes,Full resolution time in minutes';

/** `2023-04-08 20:52:00` of a minute number (UTC). */
const stamp = (minute) => new Date(minute * 60_000).toISOString().slice(0, 19).replace('T', ' ');

/** Tickets created in order over DAYS days; a fifth still open; ratings as Zendesk writes them. */
async function writeExport() {
  const out = createWriteStream(csv);
  out.write(`${HEADER}\n`);
  const start = Date.UTC(2023, 0, 1) / 60_000;
  const perTicket = (DAYS * 1440) / ROWS;
  let seed = 42;
  const next = (n) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    const created = start + Math.floor(i * perTicket);
    const isOpen = next(5) === 0;
    const resolution = 10 + next(7 * 1440);
    const solved = isOpen ? '' : stamp(created + resolution);
    const rating = next(10);
    const score = rating < 5 ? '' : rating < 7 ? 'Offered' : String(1 + next(5));
    const reply = next(10) === 0 ? '' : String(next(600));
    chunk += `${300_000 + i},${TEAMS[next(TEAMS.length)]},${isOpen ? 'Open' : 'Solved'},${CHANNELS[next(CHANNELS.length)]},${stamp(created)},${solved},${isOpen ? '' : score},${next(3)},${next(7)},${reply},${isOpen ? '' : resolution}\n`;
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
  console.log(`generating ${ROWS.toLocaleString('en-US')} tickets …`);
  await writeExport();
  writeFileSync(join(work, 'goals.yaml'), 'version: 1\nsettings:\n  timezone: UTC\n');
  writeFileSync(marker, params);
}

// Peak RSS of a child, written by a hook loaded before it.
const RSS_HOOK =
  'data:text/javascript,import{writeFileSync}from"node:fs";' +
  'process.on("exit",()=>writeFileSync(process.env.GOALS_BENCH_RSS,String(process.resourceUsage().maxRSS)))';

function timed(args) {
  const rssFile = join(work, 'rss.txt');
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, ...args], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: '1', GOALS_BENCH_RSS: rssFile },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`${args.join(' ')} exited ${r.status}`);
  }
  return { seconds, rssKb: Number(readFileSync(rssFile, 'utf8')), stdout: r.stdout };
}

function runGoals() {
  const db = join(work, 'goals.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  return timed([
    bin,
    '--db',
    db,
    'import',
    csv,
    '--preset',
    'zendesk',
    '--period',
    'day',
    '--segment',
    'team=Group',
    '--segment',
    'channel=Via',
  ]);
}

// The same metrics in SQL (docs/records.md): a row's day is the UTC day of
// the timestamp that decides its period; each per day for the whole team
// (segment ''), per team and per channel.
const SQL = `
CREATE TEMP TABLE t AS SELECT * FROM read_csv('${csv}', header = true, columns = {
  'id': 'BIGINT', 'grp': 'VARCHAR', 'status': 'VARCHAR', 'via': 'VARCHAR',
  'created': 'TIMESTAMP', 'solved': 'TIMESTAMP', 'score': 'VARCHAR', 'reopens': 'INTEGER',
  'replies': 'INTEGER', 'frt': 'DOUBLE', 'res': 'DOUBLE'});
CREATE TEMP TABLE rows AS
  SELECT created::DATE AS cday, solved::DATE AS sday, grp, via, frt, reopens, replies,
         epoch(solved) - epoch(created) AS resolution,
         TRY_CAST(score AS INTEGER) AS rating
  FROM t;
WITH seg AS (
  SELECT '' AS segment, * FROM rows
  UNION ALL SELECT 'team=' || grp, * FROM rows
  UNION ALL SELECT 'channel=' || via, * FROM rows
), per AS (
  SELECT 'ticket_volume' AS metric, segment, cday AS day, count(*)::DOUBLE AS value FROM seg GROUP BY ALL
  UNION ALL SELECT 'first_response_time', segment, cday, avg(frt * 60) FROM seg WHERE frt IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'resolution_time', segment, sday, avg(resolution) FROM seg WHERE sday IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'fcr', segment, sday, 100 * avg(CASE WHEN reopens = 0 AND replies <= 1 THEN 1 ELSE 0 END) FROM seg WHERE sday IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'interactions_per_ticket', segment, sday, avg(replies) FROM seg WHERE sday IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'csat', segment, coalesce(sday, cday), 100 * avg(CASE WHEN rating >= 4 THEN 1 ELSE 0 END) FROM seg WHERE rating BETWEEN 1 AND 5 GROUP BY ALL
), flows AS (
  SELECT segment, cday AS day, count(*) AS opened, 0 AS closed FROM seg GROUP BY ALL
  UNION ALL SELECT segment, sday, 0, count(*) FROM seg WHERE sday IS NOT NULL GROUP BY ALL
), daily AS (
  SELECT segment, day, sum(opened) AS opened, sum(closed) AS closed FROM flows GROUP BY ALL
), backlog AS (
  SELECT 'backlog' AS metric, segment, day,
         (sum(opened - closed) OVER (PARTITION BY segment ORDER BY day))::DOUBLE AS value
  FROM daily
)
SELECT metric, segment, strftime(day, '%Y-%m-%d') AS date, value FROM per
UNION ALL SELECT * FROM backlog
ORDER BY metric, segment, date;
`;

const DUCKDB_CHILD = `
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const statements = ${JSON.stringify(SQL)}.split(';').map((s) => s.trim()).filter(Boolean);
let rows = [];
for (const [i, sql] of statements.entries()) {
  const reader = await connection.runAndReadAll(sql);
  if (i === statements.length - 1) rows = reader.getRowsJS();
}
writeFileSync(${JSON.stringify(join(work, 'duckdb.json'))}, JSON.stringify(rows));
console.log(rows.length);
`;

function hasDuckDb() {
  try {
    return (
      spawnSync(process.execPath, ['-e', "import('@duckdb/node-api')"], { cwd: here }).status === 0
    );
  } catch {
    return false;
  }
}

function runDuckDb() {
  const script = join(here, '.work', 'records-duckdb.mjs');
  writeFileSync(script, DUCKDB_CHILD);
  return timed([script]);
}

/** goals' snapshots against DuckDB's: keys on each side, and the largest relative difference. */
async function compare() {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(work, 'goals.db'), { readonly: true });
  const ours = new Map(
    db
      .prepare('SELECT metric, segment, date, value FROM snapshots')
      .raw(true)
      .all()
      .map(([m, s, d, v]) => [`${m}|${s}|${d}`, v]),
  );
  db.close();
  const theirs = JSON.parse(readFileSync(join(work, 'duckdb.json'), 'utf8'));
  let both = 0;
  let worst = 0;
  for (const [metric, segment, date, value] of theirs) {
    const v = ours.get(`${metric}|${segment}|${date}`);
    if (v === undefined) continue;
    both++;
    worst = Math.max(worst, Math.abs(v - value) / Math.max(1, Math.abs(value)));
  }
  return { ours: ours.size, theirs: theirs.length, both, worst };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

await setUp();
const duck = hasDuckDb();
if (!duck)
  console.log('@duckdb/node-api is not installed here (npm install): goals is timed alone');
const goalsRuns = [];
const duckRuns = [];
for (let run = 0; run < RUNS; run++) {
  if (duck) duckRuns.push(runDuckDb());
  goalsRuns.push(runGoals());
}
const size = (statSync(csv).size / 1024 / 1024).toFixed(1);
console.log(
  `\nZendesk-style export: ${ROWS.toLocaleString('en-US')} tickets (${size} MiB), daily snapshots per team and per channel, medians of ${RUNS} runs`,
);
console.log(`  goals: ${goalsRuns.at(-1).stdout.trim()}`);
const goalsTime = median(goalsRuns.map((r) => r.seconds));
const goalsRss = Math.max(...goalsRuns.map((r) => r.rssKb));
const rssVerdict = goalsRss / 1024 < 300 ? '✔ under 300 MB' : '✖ over 300 MB';
if (duck) {
  const ratio = median(goalsRuns.map((r, i) => r.seconds / duckRuns[i].seconds));
  const verdict = ratio <= 3 ? '✔ within 3×' : '✖ over 3×';
  console.log(
    `  duckdb (SQL)             ${median(duckRuns.map((r) => r.seconds)).toFixed(2)} s   peak RSS ${mb(Math.max(...duckRuns.map((r) => r.rssKb)))}`,
  );
  console.log(
    `  goals import             ${goalsTime.toFixed(2)} s   peak RSS ${mb(goalsRss)} ${rssVerdict}   ${ratio.toFixed(2)}× duckdb  ${verdict}`,
  );
  const c = await compare();
  console.log(
    `  agreement                ${c.both.toLocaleString('en-US')} snapshots in both (goals ${c.ours.toLocaleString('en-US')}, duckdb ${c.theirs.toLocaleString('en-US')}); largest relative difference ${c.worst.toExponential(1)}`,
  );
} else {
  console.log(
    `  goals import             ${goalsTime.toFixed(2)} s   peak RSS ${mb(goalsRss)} ${rssVerdict}`,
  );
}
