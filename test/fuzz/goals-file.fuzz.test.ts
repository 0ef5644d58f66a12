/**
 * Fuzzing the reader of goals.yaml: real goals files with lines deleted,
 * duplicated, re-indented, tokens replaced by hostile values, bytes cut and
 * flipped, and goals files generated key by key. Whatever the input, the
 * loader never throws and places every finding on a line of the file;
 * `validate` exits 0 or 1 with its findings as JSON; `check` exits 0, 1 or 2,
 * and 2 says where in goals.yaml; neither ever prints the bug banner or a
 * stack trace. `npm test` runs a short seeded run, `npm run fuzz` a long one.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it, onTestFinished, vi } from 'vitest';
import { stringify } from 'yaml';
import { parseGoals } from '../../src/config/load-goals.js';
import { goalSchema } from '../../src/config/schema.js';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';
import { fixtureHistory } from '../cli/fixture-history.js';
import { IS_LONG_RUN, fuzzParameters, runFuzz } from './budget.js';
import { NASTY_VALUES, mutated } from './mutate.js';

vi.mock('../../src/cli/open-history.js', () => ({
  openHistory: async (_ctx: unknown, project: { dir: string }) => fixtureHistory(project.dir),
}));

const ROOT = join(import.meta.dirname, '..', '..');
const SHARED_GOALS = join(ROOT, '..', 'shared', 'data', 'goals');

function seedFiles(): string[] {
  const fixtures = join(ROOT, 'test', 'fixtures');
  const files = [join(ROOT, 'goals.example.yaml')];
  for (const theme of readdirSync(fixtures)) {
    for (const name of readdirSync(join(fixtures, theme))) {
      const file = join(fixtures, theme, name, 'goals.yaml');
      if (existsSync(file)) files.push(file);
    }
  }
  // The long run also starts from real goal, KPI and SLO files when they are there.
  if (IS_LONG_RUN && existsSync(SHARED_GOALS)) {
    for (const name of readdirSync(SHARED_GOALS)) {
      if (/\.ya?ml$/.test(name)) files.push(join(SHARED_GOALS, name));
    }
  }
  return files;
}

const seeds = seedFiles().map((file) => readFileSync(file, 'utf8'));

/** A goals file built key by key, with values of every kind. */
const value = fc.oneof(
  fc.constantFrom(...NASTY_VALUES, 'csat', 'nps', 'first_response_time', 'increase', 'stay-above'),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom('value', 'date', 'target', 'team'),
    fc.oneof(fc.integer(), fc.string()),
    {
      maxKeys: 2,
    },
  ),
);
// Every key of a goal, and a misspelt one.
const GOAL_KEYS = [...Object.keys(goalSchema.shape), 'tagret'];
const generated = fc
  .record({
    settings: fc.dictionary(
      fc.constantFrom(
        'timezone',
        'fiscal_year_start',
        'stale_after',
        'at_risk_margin',
        'rules',
        'database',
      ),
      value,
      { maxKeys: 3 },
    ),
    metrics: fc.array(
      fc.dictionary(fc.constantFrom('id', 'unit', 'direction', 'range', 'name'), value),
      {
        maxLength: 2,
      },
    ),
    goals: fc.array(fc.dictionary(fc.constantFrom(...GOAL_KEYS), value, { minKeys: 2 }), {
      minLength: 1,
      maxLength: 3,
    }),
  })
  .map((file) => stringify({ version: 1, ...file }));

const input = fc.oneof(
  { weight: 3, arbitrary: mutated(seeds) },
  { weight: 1, arbitrary: generated },
);

const BUG = /goals hit a bug/;
const STACK = /^\s+at .+[:(]\d+:\d+\)?$/m;
// Raw control characters (tab and newline aside) and bidi overrides never reach the terminal.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('fuzzing goals.yaml', () => {
  it('never crashes, hangs or loses the place of a problem', async () => {
    const dir = tempDir();
    // Snapshots of the team fixture, so check and validate also evaluate what they read.
    copyFileSync(
      join(ROOT, 'test', 'fixtures', 'check', 'team', 'snapshots.csv'),
      join(dir, 'snapshots.csv'),
    );
    const outcomes: Record<string, number> = {};
    const count = (key: string) => (outcomes[key] = (outcomes[key] ?? 0) + 1);
    let slowest: unknown;

    // A warning of Node or a library (yaml's "Keys with collection values …") would reach the user's terminal raw.
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    onTestFinished(() => void process.off('warning', onWarning));

    const property = fc.asyncProperty(input, async (text) => {
      const started = Date.now();
      warnings.length = 0;
      const lines = text.replace(/^\uFEFF/, '').split('\n');
      const loaded = parseGoals(text, 'goals.yaml');
      for (const rule of new Set(loaded.findings.map((f) => f.rule))) count(`finding ${rule}`);
      for (const f of loaded.findings) {
        if (!/^(yaml|schema)\/[a-z-]+$/.test(f.rule)) throw new Error(`rule ${f.rule}`);
        const line = lines[f.line - 1];
        if (line === undefined || f.column < 1 || f.column > line.length + 1) {
          throw new Error(`${f.rule} at ${f.line}:${f.column}, which is not in the file`);
        }
        if (RAW_CONTROL.test(f.message))
          throw new Error(`raw control character in ${JSON.stringify(f.message)}`);
      }

      writeFileSync(join(dir, 'goals.yaml'), text);
      const validate = await runCli(
        ['validate', '--format', 'json', '--no-sync', '--as-of', '2026-11-16'],
        {
          cwd: dir,
        },
      );
      count(`validate exit ${validate.code}`);
      if (BUG.test(validate.stderr) || STACK.test(validate.stderr))
        throw new Error(validate.stderr);
      if (validate.code !== 0 && validate.code !== 1) {
        throw new Error(`validate exit ${validate.code}: ${validate.stderr}`);
      }
      const findings = (
        JSON.parse(validate.stdout) as { findings: Array<{ file: string; line: number }> }
      ).findings;
      for (const f of findings) {
        if (f.file === 'goals.yaml' && f.line < 1)
          throw new Error(`finding without a line: ${JSON.stringify(f)}`);
      }

      const check = await runCli(
        ['check', '--format', 'json', '--no-sync', '--as-of', '2026-11-16'],
        {
          cwd: dir,
        },
      );
      count(`check exit ${check.code}`);
      if (BUG.test(check.stderr) || STACK.test(check.stderr)) throw new Error(check.stderr);
      if (check.code === 2 && !/goals\.yaml:\d+:\d+ /.test(check.stderr)) {
        throw new Error(`check exit 2 without a place in goals.yaml: ${check.stderr}`);
      }
      if (check.code !== 2) JSON.parse(check.stdout);
      // Process warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      if (warnings.length > 0) throw new Error(`process warning: ${warnings.join('; ')}`);
      if (RAW_CONTROL.test(check.stderr + validate.stderr))
        throw new Error('raw control character on stderr');
      const ms = Date.now() - started;
      if (ms > (outcomes['slowest input (ms)'] ?? 0)) {
        outcomes['slowest input (ms)'] = ms;
        slowest = text;
      }
    });

    await runFuzz('goals.yaml', property, fuzzParameters(120), outcomes, () => ({ slowest }));
  }, 90_000); // a fixed number of runs, not a speed test: a loaded CI machine may take longer than the default 20 s
});
