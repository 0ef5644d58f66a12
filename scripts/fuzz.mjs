#!/usr/bin/env node
/**
 * The long fuzz run: `npm run fuzz [-- --seconds N --seed S [goals-file|csv-import]]`. Runs the fuzz
 * tests of test/fuzz (goals.yaml, CSV import) for N seconds each (default
 * 300) from seed S (default: the clock), starting also from the real exports
 * in ../shared/data when they are there, and prints how many inputs each tried
 * and what it found. A failure prints fast-check's shrunk input and the seed
 * to replay it with.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { seconds: { type: 'string', default: '300' }, seed: { type: 'string' } },
  allowPositionals: true,
});
const seconds = Number(values.seconds);
const seed = values.seed ?? String(Date.now() % 2 ** 31);
const dir = mkdtempSync(join(tmpdir(), 'goals-fuzz-'));
const report = join(dir, 'report.jsonl');

console.log(`fuzzing for ${seconds} s per reader, seed ${seed}`);
const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    ...(positionals.length > 0 ? positionals.map((p) => `test/fuzz/${p}`) : ['test/fuzz']),
    `--testTimeout=${(seconds + 120) * 1000}`,
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      GOALS_FUZZ_SECONDS: String(seconds),
      GOALS_FUZZ_SEED: seed,
      GOALS_FUZZ_REPORT: report,
    },
  },
);

if (existsSync(report)) {
  for (const line of readFileSync(report, 'utf8').trim().split('\n')) {
    const r = JSON.parse(line);
    console.log(
      `\n${r.name}: ${r.inputs} inputs in ${r.seconds} s (seed ${r.seed}), ${r.failed ? 'FAILED' : 'no failure'}`,
    );
    for (const [outcome, n] of Object.entries(r.outcomes)) console.log(`  ${outcome}: ${n}`);
    if (r.slowest !== undefined) {
      console.log(`  slowest input: ${JSON.stringify(r.slowest).slice(0, 600)}`);
    }
    if (r.report) console.log(r.report);
  }
}
rmSync(dir, { recursive: true, force: true });
process.exitCode = run.status ?? 1;
