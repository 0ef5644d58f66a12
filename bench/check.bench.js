// `goals check` on 200 goals over 1,000,000 snapshots, as a user runs it —
// with the sync of its source (unchanged) first — and with --no-sync, against
// a bare `node -e 0` in the same run; and `goals --version` against it too.
// Targets (issue 14): check with sync ≤ 6× bare Node start-up, --version
// ≤ 1.3×. A benchmark, not a test: it prints times and ratios.
//
// The commands run in turn, round after round (node, version, check …, node,
// version, check …), and each ratio is the median of the per-round ratios,
// so a machine that slows down for a while slows both sides of a ratio.
//
// Setup (once, kept in bench/.work/check/ until the parameters change): a
// goals.yaml with 200 goals, each on its own series (metric × team), and a
// source: a long CSV of 5,000 daily snapshots per series, imported with
// `goals import` as that source.
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
const ROUNDS = 11;
const params = JSON.stringify({ GOALS, DAYS, AS_OF, METRICS, v: 2 });

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
  goals.push(
    'sources:',
    '  - id: kpis',
    '    path: snapshots.csv',
    '    layout: long',
    '    date: date',
    '    segments: { team: team }',
    'goals:',
  );
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
  const r = spawnSync(process.execPath, [bin, 'import'], { cwd: work, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error('setup: goals import failed');
  }
  console.log(
    `setup: ${GOALS} goals, ${(GOALS * DAYS).toLocaleString('en-US')} snapshots imported in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  writeFileSync(marker, params);
}

function run(args) {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - started;
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`${args.join(' ')} exited ${r.status}`);
  }
  if (args.includes('check') && !args.includes('--no-sync') && r.stderr !== '') {
    throw new Error(`the sync of an unchanged source printed: ${r.stderr}`);
  }
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

await setUp();
// --fail-on '' keeps a finished check at exit 0 whatever the statuses.
const check = ['check', '--as-of', AS_OF, '--fail-on', ''];
const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'goals --version', args: [bin, '--version'], target: 1.3 },
  { name: 'goals check --format json', args: [bin, ...check, '--format', 'json'], target: 6 },
  { name: 'goals check (table)', args: [bin, ...check], target: 6 },
  {
    name: 'goals check --no-sync --format json',
    args: [bin, ...check, '--no-sync', '--format', 'json'],
  },
];
// One round unmeasured: the first sync after the import hashes the file once
// (its stat was taken too soon after it was written) and records its stat.
for (const c of cases) run(c.args);
const times = cases.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  cases.forEach((c, i) => times[i].push(run(c.args)));
}
console.log(
  `${GOALS} goals over ${(GOALS * DAYS).toLocaleString('en-US')} snapshots, its source unchanged; medians of ${ROUNDS} rounds`,
);
cases.forEach((c, i) => {
  const ms = median(times[i]);
  const ratio = median(times[i].map((t, round) => t / times[0][round]));
  const verdict =
    c.target === undefined
      ? ''
      : ratio <= c.target
        ? `  ✔ within ${c.target}×`
        : `  ✖ over ${c.target}×`;
  console.log(
    `${c.name.padEnd(38)} ${ms.toFixed(0).padStart(6)} ms  ${ratio.toFixed(2).padStart(6)}× node${verdict}`,
  );
});
