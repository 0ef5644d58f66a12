// `goals check` on 200 goals over 1,000,000 snapshots, against a bare
// `node -e 0` in the same run; and `goals --version` against it too.
// Targets (issue 4): check within 10× of bare Node start-up, --version
// within 1.5×. A benchmark, not a test: it prints times and ratios.
//
// Setup (once, kept in bench/.work/check/ until the parameters change): a
// goals.yaml with 200 goals, each on its own series (metric × team), and a
// long CSV of 5,000 daily snapshots per series imported with `goals import`.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  createWriteStream,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'goals.js');
const work = join(here, '.work', 'check');
const GOALS = 200;
const DAYS = 5000;
const AS_OF = '2026-11-16';
const METRICS = ['csat', 'fcr', 'frt_within_sla', 'nps'];
const params = JSON.stringify({ GOALS, DAYS, AS_OF, METRICS, v: 1 });

function isoDay(day) {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A small deterministic PRNG (mulberry32), so every run measures the same data. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function setUp() {
  const marker = join(work, 'params.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === params) return;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const goals = ['version: 1', 'settings:', '  timezone: UTC', 'objectives:'];
  for (let o = 0; o < 10; o++) goals.push(`  - id: obj-${o}`, `    title: Objective ${o}`);
  goals.push('goals:');
  for (let g = 0; g < GOALS; g++) {
    const metric = METRICS[g % METRICS.length];
    const [baseline, target] = metric === 'nps' ? [20, 30] : [80, 88];
    goals.push(
      `  - id: goal-${g}`,
      `    title: Goal ${g} on ${metric} for team T${g}`,
      `    owner: Owner ${g % 7}`,
      `    objective: obj-${g % 10}`,
      `    metric: ${metric}`,
      `    segment: { team: T${g} }`,
      `    baseline: ${baseline}`,
      `    target: ${target}`,
      `    start: 2026-10-01`,
      `    deadline: 2026-12-31`,
    );
  }
  writeFileSync(join(work, 'goals.yaml'), `${goals.join('\n')}\n`);

  const csv = createWriteStream(join(work, 'snapshots.csv'));
  csv.write('date,metric,team,value\n');
  const last = Math.round(Date.UTC(2026, 10, 16) / 86_400_000);
  const rnd = random(42);
  for (let g = 0; g < GOALS; g++) {
    const metric = METRICS[g % METRICS.length];
    let value = metric === 'nps' ? 20 : 80;
    let chunk = '';
    for (let d = last - DAYS + 1; d <= last; d++) {
      value = Math.min(99, Math.max(metric === 'nps' ? -50 : 40, value + (rnd() - 0.48) * 0.6));
      chunk += `${isoDay(d)},${metric},T${g},${value.toFixed(2)}\n`;
    }
    if (!csv.write(chunk)) await once(csv, 'drain');
  }
  csv.end();
  await once(csv, 'finish');

  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [bin, 'import', 'snapshots.csv', '--layout', 'long', '--segment', 'team=team'],
    { cwd: work, encoding: 'utf8' },
  );
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error('setup: goals import failed');
  }
  console.log(
    `setup: ${GOALS} goals, ${(GOALS * DAYS).toLocaleString('en-US')} snapshots imported in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  writeFileSync(marker, params);
}

/** Median wall time of `runs` runs of a command, in ms (after one warm-up run). */
function time(args, runs, cwd, expectStatus = 0) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const r = spawnSync(process.execPath, args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const ms = performance.now() - started;
    if (r.status !== expectStatus) {
      console.error(r.stdout, r.stderr);
      throw new Error(`${args.join(' ')} exited ${r.status}`);
    }
    if (i > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

await setUp();
const node = time(['-e', '0'], 15, work);
const version = time([bin, '--version'], 15, work);
// Exit 0 or 1 (goals off track) are both a finished check; --fail-on '' keeps it 0.
const check = time(
  [bin, 'check', '--no-sync', '--as-of', AS_OF, '--format', 'json', '--fail-on', ''],
  7,
  work,
);
const checkTable = time([bin, 'check', '--no-sync', '--as-of', AS_OF, '--fail-on', ''], 7, work);

const row = (name, ms, target) => {
  const ratio = ms / node;
  const verdict =
    target === undefined ? '' : ratio <= target ? `  ✔ within ${target}×` : `  ✖ over ${target}×`;
  console.log(
    `${name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${ratio.toFixed(2).padStart(6)}× node${verdict}`,
  );
};
console.log(
  `median of repeated runs, ${GOALS} goals over ${(GOALS * DAYS).toLocaleString('en-US')} snapshots`,
);
row('node -e 0', node);
row('goals --version', version, 1.5);
row('goals check --no-sync --format json', check, 10);
row('goals check --no-sync (table)', checkTable, 10);
