/**
 * The calibration benchmark (bench/confidence.bench.js) in its quick form,
 * with looser bounds than the 75–85 % the method aims at: backtested on
 * synthetic series (always) and the SF311 call-centre series (when
 * /work/shared/data is there), the 80 % interval holds the actual value 72–88 %
 * of the time and the chance beats the no-change forecast's Brier score.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const SF311 = '/work/shared/data/sf311_call_metrics_by_month.csv';
const bench = fileURLToPath(new URL('../../bench/confidence.bench.js', import.meta.url));

interface SeriesResult {
  series: string;
  cases: number;
  coverage: number;
  brier: number;
  brierNoChange: number;
  stay: { brier: number; brierNoChange: number };
}

function runBench(): { minPoints: number; results: SeriesResult[] } {
  const r = spawnSync(process.execPath, [bench, '--quick', '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { minPoints: number; results: SeriesResult[] };
}

const SYNTHETIC = [
  'synthetic monthly noise',
  'synthetic monthly trend changes',
  'synthetic monthly outliers',
  'synthetic weekly noise',
  'synthetic weekly drifting level',
  'synthetic weekly autocorrelated',
];

describe('confidence calibration (rolling-origin backtests)', () => {
  let results: SeriesResult[] = [];
  beforeAll(() => {
    results = runBench().results;
  }, 120_000);
  const result = (series: string) => results.find((r) => r.series === series)!;

  it.each(SYNTHETIC)('%s: the interval covers 72–88 %, the chance beats no change', (series) => {
    const r = result(series);
    expect(r.cases).toBeGreaterThan(1000);
    // The quick run's 2 series per kind land 74.7–83.4 % (the full bench: 77.4–82.8 %);
    // the method before this one gave 88 % on plain noise.
    expect(r.coverage).toBeGreaterThan(0.72);
    expect(r.coverage).toBeLessThan(0.88);
    expect(r.brier).toBeLessThan(r.brierNoChange);
    // The stay chance is cautious (docs/confidence.md) but far from a coin toss.
    expect(r.stay.brier).toBeLessThan(0.22);
  });

  it.skipIf(!existsSync(SF311))('SF311 service level and calls answered', () => {
    for (const series of ['sf311 service level %', 'sf311 calls answered']) {
      const r = result(series);
      expect(r.coverage).toBeGreaterThan(0.72);
      expect(r.coverage).toBeLessThan(0.88);
      expect(r.brier).toBeLessThan(r.brierNoChange);
    }
  });
});
