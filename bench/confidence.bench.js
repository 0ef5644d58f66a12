// Calibration of the confidence figures (issue 10, docs/confidence.md):
// rolling-origin backtests. At every cut-off date of a series, a goal's
// snapshots are the last L ones (L = 6 … 52), and the prediction for the
// deadline 1–6 months later is compared with the snapshot that came on or
// before it. Printed per series:
//   - coverage: the share of actual values inside the 80 % interval (target 75–85 %);
//   - Brier score of the chance that the value meets targets at several
//     distances from the current value (±0.5, 1, 2, 4 × the median step of
//     the window), against the naive "no change" forecast (chance 1 when the
//     current value already meets the target, else 0) and against a random
//     walk (the current value with the spread of past steps, growing with √steps);
//   - for stay goals, the Brier score of the chance that no snapshot breaks a
//     threshold before the deadline.
// Then the limits (minimum history, reach) by window size and horizon, and
// the cost per goal.
//
// Real series: the SF311 call-centre KPIs in /work/shared/data, when present
// (a fresh clone has none; the synthetic series always run). Synthetic series
// are seeded: every run prints the same numbers.
//
// `--json` prints the summary as JSON (test/core/confidence-calibration.test.ts
// reads it); `--quick` uses fewer synthetic series and cut-offs, and skips
// the limits and the timing.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist', 'core');
const { estimateConfidence, fitSpread, predictAt, chanceToMeet, MIN_CONFIDENCE_POINTS } =
  await import(join(dist, 'confidence.js'));
const { addDays, addMonths, daysBetween } = await import(join(dist, 'dates.js'));
const { SeededRandom } = await import(join(dist, 'seeded-random.js'));

const SF311 = '/work/shared/data/sf311_call_metrics_by_month.csv';
const args = new Set(process.argv.slice(2));
const asJson = args.has('--json');
const quick = args.has('--quick');
const REPLICATES = quick ? 2 : 8;
/** Every cut-off, or every fourth in a quick run. */
const STRIDE = quick ? 4 : 1;
const HORIZON_MONTHS = [1, 2, 3, 4, 5, 6];
const DISTANCES = [-4, -2, -1, -0.5, 0.5, 1, 2, 4];
const STAY_DISTANCES = [0.25, 0.5, 1, 2];
const Z80 = 1.2815515655446004;
const UNBOUNDED = [null, null];

/**
 * SF311 "311 Call Metrics by Month", read as `goals import` would: dates
 * `MM/DD/YYYY 12:00:00 AM`, percentages as `43.7%`, rows out of order. May
 * 2015 appears twice; one row repeats May 2016's figures exactly (75,324
 * calls, 56.9 %, 188 s), a copy error: the other is kept.
 */
function readSf311() {
  const [header, ...lines] = readFileSync(SF311, 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const month = cols.indexOf('Month');
  const calls = cols.indexOf('Calls Answered');
  const level = cols.indexOf('Svc Level (% answered w/i 60 sec)');
  const rows = new Map();
  for (const line of lines) {
    const cells = line.split(',');
    const [mm, dd, yyyy] = cells[month].split(' ')[0].split('/');
    const date = `${yyyy}-${mm}-${dd}`;
    const row = { calls: Number(cells[calls]), level: Number(cells[level].replace('%', '')) };
    const seen = rows.get(date);
    if (seen && row.calls === 75324 && row.level === 56.9) continue;
    if (seen && !(seen.calls === 75324 && seen.level === 56.9)) {
      throw new Error(`${SF311}: ${date} twice with other values than expected`);
    }
    rows.set(date, row);
  }
  const dates = [...rows.keys()].sort();
  return [
    {
      name: 'sf311 service level %',
      series: [dates.map((date) => ({ date, value: rows.get(date).level }))],
      windows: [6, 8, 10, 12, 15, 18, 24],
    },
    {
      name: 'sf311 calls answered',
      series: [dates.map((date) => ({ date, value: rows.get(date).calls }))],
      windows: [6, 8, 10, 12, 15, 18, 24],
    },
  ];
}

/** Synthetic series with known structure, seeded. */
function synthetic(kind, seed) {
  const random = new SeededRandom(seed * 7919 + kind.length);
  const normal = (sd) => random.normal() * sd;
  const weekly = kind.startsWith('weekly');
  const count = weekly ? 156 : 120;
  const stepDays = weekly ? 7 : 30.4375;
  const base = 70 + normal(5);
  let slope = normal(0.15) * (stepDays / 30.4375);
  const values = [];
  let level = base;
  let walk = 0;
  let ar = 0;
  for (let t = 0; t < count; t++) {
    let v;
    switch (kind) {
      case 'monthly noise':
      case 'weekly noise':
        v = base + slope * t + normal(weekly ? 1.5 : 2);
        break;
      case 'monthly trend changes':
        if (random.uniform() < 1 / 18) slope = normal(0.3);
        level += slope;
        v = level + normal(2);
        break;
      case 'monthly outliers':
        v = base + slope * t + normal(2);
        if (random.uniform() < 0.06)
          v += (random.uniform() < 0.5 ? -1 : 1) * (8 + 7 * random.uniform());
        break;
      case 'weekly drifting level':
        walk += normal(0.4);
        v = base + walk + normal(1.5);
        break;
      case 'weekly autocorrelated':
        ar = 0.6 * ar + normal(1.2);
        v = base + slope * t + ar;
        break;
      default:
        throw new Error(kind);
    }
    values.push(v);
  }
  const start = weekly ? '2020-01-06' : '2015-01-01';
  return values.map((value, t) => ({
    date: weekly ? addDays(start, 7 * t) : addMonths(start, t),
    value,
  }));
}

const SYNTHETIC = [
  'monthly noise',
  'monthly trend changes',
  'monthly outliers',
  'weekly noise',
  'weekly drifting level',
  'weekly autocorrelated',
].map((kind) => ({
  name: `synthetic ${kind}`,
  series: Array.from({ length: REPLICATES }, (_, i) => synthetic(kind, i + 1)),
  windows: kind.startsWith('weekly') ? [6, 8, 10, 13, 17, 26, 39, 52] : [6, 8, 10, 12, 15, 18, 24],
}));

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function normalCdf(z) {
  // Abramowitz–Stegun 7.1.26 is plenty for a benchmark's naive forecast.
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The no-change forecast with the spread of a random walk: last ± sd(steps) × √steps. */
function randomWalk(window, deadline) {
  const steps = window.slice(1).map((p, i) => p.value - window[i].value);
  const mean = steps.reduce((a, b) => a + b, 0) / steps.length;
  const sd = Math.sqrt(steps.reduce((a, s) => a + (s - mean) ** 2, 0) / (steps.length - 1));
  const gaps = window.slice(1).map((p, i) => daysBetween(window[i].date, p.date));
  const ahead = Math.max(1, daysBetween(window.at(-1).date, deadline) / median(gaps));
  return { center: window.at(-1).value, scale: sd * Math.sqrt(ahead) };
}

/** One backtest case per (series, window, cut-off, horizon): the goal as of the cut-off. */
function* cases(entry) {
  for (const series of entry.series) {
    for (const size of entry.windows) {
      for (let cut = size - 1; cut < series.length - 1; cut += STRIDE) {
        const window = series.slice(cut - size + 1, cut + 1);
        const stepScale = median(
          window.slice(1).map((p, i) => Math.abs(p.value - window[i].value)),
        );
        for (const months of HORIZON_MONTHS) {
          const deadline = addMonths(window.at(-1).date, months);
          if (series.at(-1).date < deadline) continue;
          const later = series.slice(cut + 1).filter((p) => p.date <= deadline);
          if (later.length === 0) continue;
          yield { window, deadline, months, later, actual: later.at(-1).value, stepScale };
        }
      }
    }
  }
}

const brier = (p, outcome) => (p - (outcome ? 1 : 0)) ** 2;
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

function calibrate(entry) {
  const inside = [];
  const insideWalk = [];
  const byMonths = new Map(HORIZON_MONTHS.map((m) => [m, []]));
  const model = [];
  const noChange = [];
  const walk = [];
  const stayModel = [];
  const stayNoChange = [];
  const stayChances = [];
  const stayOutcomes = [];
  const errorTrend = [];
  const errorNoChange = [];
  let windows = 0;
  let unavailable = 0;
  for (const c of cases(entry)) {
    windows++;
    const confidence = estimateConfidence({
      points: c.window,
      deadline: c.deadline,
      type: 'increase',
      target: null,
      range: UNBOUNDED,
    });
    if (!confidence.available) {
      unavailable++;
      continue;
    }
    const { prediction } = confidence;
    errorTrend.push(Math.abs(c.actual - prediction.center));
    errorNoChange.push(Math.abs(c.actual - c.window.at(-1).value));
    const hit = prediction.low <= c.actual && c.actual <= prediction.high;
    inside.push(hit);
    byMonths.get(c.months).push(hit);
    const rw = randomWalk(c.window, c.deadline);
    insideWalk.push(Math.abs(c.actual - rw.center) <= Z80 * rw.scale);
    const scale = c.stepScale || 1;
    const current = c.window.at(-1).value;
    for (const k of DISTANCES) {
      const target = current + k * scale;
      const met = c.actual >= target;
      model.push(brier(chanceToMeet(prediction, 'increase', target, UNBOUNDED), met));
      noChange.push(brier(current >= target ? 1 : 0, met));
      const pWalk =
        rw.scale > 0 ? 1 - normalCdf((target - rw.center) / rw.scale) : +(rw.center >= target);
      walk.push(brier(pWalk, met));
    }
    // Stay goals whose snapshots have all held so far: a threshold below the
    // window's lowest value (stay-above) and one above its highest
    // (stay-below), in every third case (the simulation costs more), at
    // distances taken in turn.
    if (inside.length % 3 !== 0) continue;
    const low = Math.min(...c.window.map((p) => p.value));
    const high = Math.max(...c.window.map((p) => p.value));
    for (const [type, edge, sign] of [
      ['stay-above', low, -1],
      ['stay-below', high, 1],
    ]) {
      {
        const k = STAY_DISTANCES[(inside.length / 3) % STAY_DISTANCES.length];
        const threshold = edge + sign * k * scale;
        const held = c.later.every((p) => (sign < 0 ? p.value >= threshold : p.value <= threshold));
        const stay = estimateConfidence({
          points: c.window,
          deadline: c.deadline,
          type,
          target: threshold,
          range: UNBOUNDED,
        });
        stayModel.push(brier(stay.chance, held));
        stayNoChange.push(brier(1, held));
        stayChances.push(stay.chance);
        stayOutcomes.push(held ? 1 : 0);
      }
    }
  }
  return {
    series: entry.name,
    cases: inside.length,
    withoutChance: unavailable / windows,
    coverage: mean(inside),
    coverageByMonths: Object.fromEntries([...byMonths].map(([m, v]) => [m, mean(v)])),
    brier: mean(model),
    brierNoChange: mean(noChange),
    brierRandomWalk: mean(walk),
    coverageRandomWalk: mean(insideWalk),
    /** Mean absolute error of the forecast (the trend) ÷ that of no change. */
    errorRatio: mean(errorTrend) / mean(errorNoChange),
    stay: {
      brier: mean(stayModel),
      brierNoChange: mean(stayNoChange),
      meanChance: mean(stayChances),
      heldShare: mean(stayOutcomes),
    },
  };
}

/**
 * Why the limits: coverage and Brier skill against no change (negative =
 * better) by snapshots in the window and by how far the deadline lies past
 * the last snapshot, as a share of the window's span.
 */
function limits(entries) {
  const sizes = [4, 5, 6, 8, 12, 18];
  const reach = [0.5, 1, 1.5, 2, Infinity];
  const cells = new Map();
  for (const entry of entries) {
    const wider = { ...entry, windows: sizes };
    for (const c of cases(wider)) {
      const spread = fitSpread(c.window, 4);
      const ratio = daysBetween(spread.last, c.deadline) / spread.spanDays;
      const col = reach.findIndex((r) => ratio <= r);
      const key = `${c.window.length}:${col}`;
      const cell = cells.get(key) ?? { inside: [], skill: [] };
      const p = predictAt(spread, c.deadline, UNBOUNDED);
      cell.inside.push(p.low <= c.actual && c.actual <= p.high);
      const scale = c.stepScale || 1;
      const current = c.window.at(-1).value;
      for (const k of DISTANCES) {
        const target = current + k * scale;
        const met = c.actual >= target;
        cell.skill.push(
          brier(chanceToMeet(p, 'increase', target, UNBOUNDED), met) -
            brier(current >= target ? 1 : 0, met),
        );
      }
      cells.set(key, cell);
    }
  }
  return { sizes, reach, cells };
}

function costPerGoal() {
  const random = new SeededRandom(99);
  const rows = [];
  for (const n of [13, 47, 92, 365]) {
    const points = Array.from({ length: n }, (_, i) => ({
      date: addDays('2026-01-01', i),
      value: 80 + 0.02 * i + random.normal() * 2,
    }));
    const deadline = addDays('2026-01-01', n - 1 + Math.round(n / 2));
    // CPU time, not wall time: on a shared machine other processes' load
    // would otherwise be counted as ours.
    const time = (type, target) => {
      const runs = [];
      for (let r = 0; r < 7; r++) {
        const reps = n > 100 ? 20 : 200;
        const started = process.cpuUsage();
        for (let i = 0; i < reps; i++) {
          estimateConfidence({ points, deadline, type, target, range: [0, 100] });
        }
        const used = process.cpuUsage(started);
        runs.push((used.user + used.system) / reps);
      }
      return median(runs);
    };
    rows.push({ snapshots: n, increase: time('increase', 85), stay: time('stay-above', 70) });
  }
  return rows;
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;
const entries = [...(existsSync(SF311) ? readSf311() : []), ...SYNTHETIC];
const results = entries.map(calibrate);

if (asJson) {
  console.log(JSON.stringify({ minPoints: MIN_CONFIDENCE_POINTS, results }, null, 2));
} else {
  if (!existsSync(SF311)) console.log(`(${SF311} not found: synthetic series only)`);
  console.log(
    'rolling-origin backtests, horizons 1–6 months; coverage of the 80 % interval (target 75–85 %),\n' +
      'Brier score of the chance (lower is better) against no change and a random walk (and the\n' +
      "random walk's coverage), mean absolute error of the forecast ÷ no change's\n",
  );
  const head = [
    'series'.padEnd(34),
    'cases'.padStart(6),
    'coverage'.padStart(9),
    'Brier'.padStart(7),
    'no chg'.padStart(7),
    'r.walk'.padStart(7),
    'rw cov'.padStart(7),
    'MAE÷'.padStart(5),
    ' coverage by months ahead 1…6',
  ].join(' ');
  console.log(head);
  for (const r of results) {
    console.log(
      [
        r.series.padEnd(34),
        String(r.cases).padStart(6),
        pct(r.coverage).padStart(9),
        r.brier.toFixed(3).padStart(7),
        r.brierNoChange.toFixed(3).padStart(7),
        r.brierRandomWalk.toFixed(3).padStart(7),
        pct(r.coverageRandomWalk).padStart(7),
        r.errorRatio.toFixed(2).padStart(5),
        ' ' +
          Object.values(r.coverageByMonths)
            .map((v) => (100 * v).toFixed(0))
            .join(' '),
      ].join(' '),
    );
  }
  console.log(
    '\nstay goals (thresholds 0.25–2 median steps beyond the window): Brier, no change, mean chance vs share held',
  );
  for (const r of results) {
    console.log(
      `${r.series.padEnd(34)} ${r.stay.brier.toFixed(3).padStart(7)} ${r.stay.brierNoChange.toFixed(3).padStart(7)}   ${pct(r.stay.meanChance).padStart(7)} vs ${pct(r.stay.heldShare)}`,
    );
  }
  for (const [label, group] of quick
    ? []
    : [
        ['real', entries.filter((e) => e.name.startsWith('sf311'))],
        ['synthetic', entries.filter((e) => e.name.startsWith('synthetic'))],
      ]) {
    if (group.length === 0) continue;
    const { sizes, reach, cells } = limits(group);
    console.log(
      `\nlimits, ${label} series: coverage / Brier minus no change's (negative = better), by snapshots\n` +
        `and by days from the last snapshot to the deadline ÷ days the snapshots span`,
    );
    console.log(
      'snapshots'.padEnd(10) +
        reach.map((r, i) => (i === 0 ? `≤ ${r}` : `${reach[i - 1]}–${r}`).padStart(17)).join(''),
    );
    for (const size of sizes) {
      const row = reach.map((_, col) => {
        const cell = cells.get(`${size}:${col}`);
        return (
          cell && cell.inside.length >= 20
            ? `${(100 * mean(cell.inside)).toFixed(0)} % / ${mean(cell.skill) >= 0 ? '+' : ''}${mean(cell.skill).toFixed(3)}`
            : ''
        ).padStart(17);
      });
      console.log(String(size).padEnd(10) + row.join(''));
    }
  }
  if (!quick) {
    console.log(
      '\ncost per goal (estimateConfidence, CPU time, daily snapshots, deadline half the span ahead):',
    );
    for (const row of costPerGoal()) {
      console.log(
        `${String(row.snapshots).padStart(4)} snapshots: increase ${row.increase.toFixed(0).padStart(6)} µs, stay-above ${row.stay.toFixed(0).padStart(6)} µs`,
      );
    }
  }
}
