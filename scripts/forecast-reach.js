#!/usr/bin/env node
/**
 * How far may a forecast reach? Rolling-origin backtests of the Theil–Sen
 * forecast on real series (the SF311 monthly call metrics when
 * ../shared/data is there, and the example's weekly and monthly data), by
 * how far the deadline lies beyond the newest snapshot as a multiple of the
 * span of the snapshots fitted. Run after `npm run build`:
 *
 *   node scripts/forecast-reach.js [path/to/sf311_call_metrics_by_month.csv]
 *
 * For every series, cut-off t, fit length L and later date h, it fits the
 * trend on L snapshots up to t and compares, at h:
 * - the value: |forecast − actual| against |value at t − actual| ("no change");
 * - the verdict for goals starting at the first fitted snapshot with targets
 *   0.5–8 typical weekly/monthly moves away (both directions), not met at t:
 *   "the forecast meets the target" and "progress ≥ expected progress", each
 *   against whether the value at h met it (balanced accuracy: the mean of the
 *   hit rates on goals met and on goals not met).
 * docs/evaluation.md ("How far a forecast reaches") records its output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { daysBetween } from '../dist/core/dates.js';
import { fitTrend, median } from '../dist/core/theil-sen.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const sf311 = process.argv[2] ?? `${root}../shared/data/sf311_call_metrics_by_month.csv`;
const series = [];

if (existsSync(sf311)) {
  const rows = readFileSync(sf311, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const columns = [
    [1, 'SF311 calls answered', [0, null]],
    [2, 'SF311 service level %', [0, 100]],
    [3, 'SF311 speed of answer', [0, null]],
    [4, 'SF311 transferred %', [0, 100]],
  ];
  for (const [column, name, range] of columns) {
    const byDate = new Map();
    for (const row of rows) {
      const text = row[column]?.replace('%', '');
      if (!text) continue;
      const [m, d, y] = row[0].split(' ')[0].split('/');
      const date = `${y}-${m}-${d}`;
      byDate.set(date, [...(byDate.get(date) ?? []), Number(text)]);
    }
    const points = [...byDate].sort().map(([date, values]) => ({ date, value: median(values) }));
    series.push({ name, range, points });
  }
} else console.log(`(${sf311} not found: the example's data only)\n`);

const weekly = readFileSync(`${root}examples/weekly-kpis.csv`, 'utf8')
  .replace(/^\uFEFF/, '')
  .trim()
  .split('\n')
  .map((l) => l.split(';'));
for (let c = 1; c < weekly[0].length; c++) {
  const name = weekly[0][c];
  const points = weekly
    .slice(1)
    .filter((r) => r[c])
    .map((r) => {
      const [d, m, y] = r[0].split('.');
      return { date: `${y}-${m}-${d}`, value: Number(r[c].replace(',', '.')) };
    });
  const range = name.includes('%') ? [0, 100] : name === 'NPS' ? [-100, 100] : [0, null];
  series.push({ name: `example ${name}`, range, points });
}
const long = readFileSync(`${root}examples/team-metrics.csv`, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));
for (const [metric, team] of [
  ['churn_rate', ''],
  ['resolution_time', 'EMEA'],
  ['resolution_time', 'Americas'],
]) {
  const points = long
    .filter((r) => r[1] === metric && r[2] === team)
    .map((r) => ({ date: r[0], value: Number(r[3]) }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  series.push({ name: `example ${metric} ${team}`.trim(), range: [0, null], points });
}

const BINS = [0.5, 1, 1.5, 2, 2.5, 3, 4, 6, 8, Infinity];
const FITS = [3, 4, 5, 6, 8, 10, 13, 18, 26];
const DISTANCES = [0.5, 1, 2, 3, 5, 8];
const blank = () => ({
  n: 0,
  trendError: 0,
  flatError: 0,
  goals: 0,
  forecast: [0, 0, 0, 0],
  progress: [0, 0, 0, 0],
});
const all = BINS.map(blank);
const clamp = (v, [lo, hi]) => Math.min(hi ?? Infinity, Math.max(lo ?? -Infinity, v));

for (const { range, points: p } of series) {
  // errors in the series' own typical move between two snapshots
  const scale = median(p.slice(1).map((q, i) => Math.abs(q.value - p[i].value))) || 1;
  for (let t = 2; t < p.length - 1; t++) {
    for (const length of FITS) {
      if (t - length + 1 < 0) continue;
      const fit = p.slice(t - length + 1, t + 1);
      const trend = fitTrend(fit);
      if (!trend) continue;
      const span = daysBetween(fit[0].date, p[t].date);
      const base = fit[0].value;
      const now = p[t].value;
      for (let h = t + 1; h < p.length; h++) {
        const deadline = p[h].date;
        const bin = all[BINS.findIndex((x) => daysBetween(p[t].date, deadline) / span <= x)];
        const forecast = clamp(
          median(fit.map((q) => q.value + trend.slopePerDay * daysBetween(q.date, deadline))),
          range,
        );
        bin.n++;
        bin.trendError += Math.abs(forecast - p[h].value) / scale;
        bin.flatError += Math.abs(now - p[h].value) / scale;
        const expected =
          (daysBetween(fit[0].date, p[t].date) + 1) / (daysBetween(fit[0].date, deadline) + 1);
        for (const sign of [1, -1]) {
          for (const k of DISTANCES) {
            const target = base + sign * k * scale;
            if (clamp(target, range) !== target || sign * (now - target) >= 0) continue;
            const met = sign * (p[h].value - target) >= 0;
            const byForecast = sign * (forecast - target) >= 0;
            const byProgress = (now - base) / (target - base) >= expected;
            bin.goals++;
            bin.forecast[(met ? 2 : 0) + (byForecast === met ? 1 : 0)]++;
            bin.progress[(met ? 2 : 0) + (byProgress === met ? 1 : 0)]++;
          }
        }
      }
    }
  }
}

const balanced = ([missWrong, missRight, metWrong, metRight]) =>
  `${Math.round((50 * missRight) / (missWrong + missRight) + (50 * metRight) / (metWrong + metRight))} %`;
console.log(
  `${series.length} series: ${series.map((s) => `${s.name} (${s.points.length})`).join(', ')}\n`,
);
console.log(
  'beyond ÷ span | forecasts | error vs no change | goals  | right by forecast | by progress vs expected',
);
let from = 0;
BINS.forEach((to, i) => {
  const b = all[i];
  console.log(
    `${`${from}–${to === Infinity ? '…' : to}`.padEnd(13)} | ${String(b.n).padStart(9)} | ${`× ${(b.trendError / b.flatError).toFixed(2)}`.padStart(18)} | ${String(b.goals).padStart(6)} | ${balanced(b.forecast).padStart(17)} | ${balanced(b.progress).padStart(23)}`,
  );
  from = to;
});
