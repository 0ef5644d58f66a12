/**
 * Fuzzing the CSV import: the sample and fixture exports (and, in the long
 * run, the real exports of ../shared/data) with rows deleted, duplicated and
 * swapped, cells replaced by hostile values, bytes cut, inserted and flipped,
 * imported into a store that already holds data. Whatever the bytes: exit 0,
 * or exit 2 naming the file with nothing written (the store is the same, table
 * by table); a file that imported imports again without changing anything;
 * never the bug banner or a stack trace.
 */
import { copyFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';
import { IS_LONG_RUN, fuzzParameters, runFuzz } from './budget.js';
import { mutate, mutation } from './mutate.js';

const ROOT = join(import.meta.dirname, '..', '..');
const IMPORT_FIXTURES = join(ROOT, 'test', 'fixtures', 'import');
const SHARED_DATA = join(ROOT, '..', 'shared', 'data');

interface Seed {
  name: string;
  text: string;
  /** How the text maps to bytes: utf8, or latin1 for files that are not UTF-8 (byte for byte). */
  encoding: 'utf8' | 'latin1';
  args: string[];
}

function seed(path: string, args: string[], maxLines = Infinity): Seed {
  const bytes = readFileSync(path);
  const isUtf8 = (() => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return !(bytes[0] === 0xff || bytes[0] === 0xfe);
    } catch {
      return false;
    }
  })();
  const encoding = isUtf8 ? 'utf8' : 'latin1';
  const text = bytes.toString(encoding).split('\n').slice(0, maxLines).join('\n');
  return { name: path.split('/').slice(-2).join('/'), text, encoding, args };
}

const fixture = (name: string, file = 'kpis.csv') => join(IMPORT_FIXTURES, name, file);
const SEEDS: Seed[] = [
  seed(join(ROOT, 'examples', 'weekly-kpis.csv'), ['--source', 'weekly-kpis']),
  seed(join(ROOT, 'examples', 'team-metrics.csv'), ['--source', 'team-metrics']),
  seed(fixture('wide-european', 'weekly.csv'), [
    '--date-column',
    'Week',
    '--date-format',
    'DD.MM.YYYY',
    '--decimal',
    ',',
    '--metric',
    'CSAT %=csat',
    '--metric',
    'First reply (h)=first_response_time:h',
  ]),
  seed(fixture('long-teams', 'metrics.csv'), ['--layout', 'long', '--segment', 'team=team']),
  seed(fixture('pipe-delimited'), ['--date-format', 'DD.MM.YYYY', '--decimal', ',']),
  seed(fixture('excel-sep-line'), [
    '--date-column',
    'Date',
    '--metric',
    'CSAT=csat',
    '--decimal',
    ',',
  ]),
  seed(fixture('duplicate-conflict'), [
    '--date-column',
    'Month',
    '--metric',
    'Svc Level %=frt_within_sla',
  ]),
  seed(fixture('utf8-bom'), ['--date-column', 'Datum', '--segment', 'team=Équipe']),
  seed(fixture('utf16le-bom'), ['--date-column', 'Datum', '--segment', 'team=Équipe']),
  seed(fixture('windows-1252'), ['--date-column', 'Datum', '--segment', 'team=Équipe']),
  seed(fixture('ambiguous-dates'), []),
  seed(fixture('bad-rows'), []),
  seed(fixture('field-count'), []),
  seed(fixture('quoted-header'), []),
  seed(fixture('tab-delimited', 'kpis.tsv'), []),
];
// The long run also starts from the first rows of real exports, when they are there.
if (IS_LONG_RUN && existsSync(SHARED_DATA)) {
  for (const [file, args] of [
    ['sf311_call_metrics_by_month.csv', []],
    ['zendesk_export_plum_DA_Assignment.csv', []],
    ['pwc_call_center_dataset.csv', []],
    ['servicenow_incident_event_log_subset.csv', []],
    ['suraj520_customer_support_tickets__variant_excel_bom_mdy.csv', []],
    ['codecademy_subscriptions_churn.tsv', []],
  ] as const) {
    SEEDS.push(seed(join(SHARED_DATA, file), [...args], 60));
  }
}

const input = fc.record({
  seed: fc.constantFrom(...SEEDS),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
  skipInvalid: fc.boolean(),
});

/** Every row of the store's tables (or of `only` these), in a stable order. */
function dumpStore(path: string, only?: string[]): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all() as string[]
    ).filter((t) => !only || only.includes(t));
    return tables
      .map((t) => {
        const rows = db
          .prepare(`SELECT * FROM "${t}"`)
          .all()
          .map((r) => JSON.stringify(r));
        return `${t}\n${rows.sort().join('\n')}`;
      })
      .join('\n');
  } finally {
    db.close();
  }
}

/** What a rejection was about: its rule ids, else the words of its message (quoted text and numbers left out). */
function rejection(stderr: string): string {
  const rules = [...new Set(stderr.match(/(?<= )import\/[a-z-]+$/gm) ?? [])];
  if (rules.length > 0) return rules.sort().join(', ');
  const line = stderr.split('\n').find((l) => l.startsWith('error ')) ?? stderr.split('\n')[0]!;
  return line
    .replace(/"[^"]*"|'[^']*'|\S*input\.(csv|tsv)\S*/g, '…')
    .replace(/\d+/g, 'N')
    .split(' ')
    .slice(0, 8)
    .join(' ');
}

const BUG = /goals hit a bug/;
const STACK = /^\s+at .+[:(]\d+:\d+\)?$/m;

describe('fuzzing the CSV import', () => {
  it('exit 0, or exit 2 naming the file with nothing written; never a crash', async () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'goals.example.yaml'), join(dir, 'goals.yaml'));
    cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    const first = await runCli(['import'], { cwd: dir });
    if (first.code !== 0) throw new Error(first.stderr);
    const store = join(dir, '.goals', 'goals.db');
    const outcomes: Record<string, number> = {};
    const count = (key: string) => (outcomes[key] = (outcomes[key] ?? 0) + 1);
    let slowest: unknown;

    const property = fc.asyncProperty(input, async ({ seed, mutations, skipInvalid }) => {
      const started = Date.now();
      const name = seed.name.endsWith('.tsv') ? 'input.tsv' : 'input.csv';
      writeFileSync(join(dir, name), Buffer.from(mutate(seed.text, mutations), seed.encoding));
      const argv = ['import', name, ...seed.args, ...(skipInvalid ? ['--skip-invalid'] : [])];
      const before = dumpStore(store);
      const r = await runCli(argv, { cwd: dir });
      count(`exit ${r.code}`);
      if (BUG.test(r.stderr) || STACK.test(r.stderr)) throw new Error(r.stderr);
      if (r.code === 2) {
        const about = rejection(r.stderr);
        count(`rejected: ${about}`);
        // A finding has a place: the file's line (and column), or the mapping's line in goals.yaml.
        if (
          about.startsWith('import/') &&
          !new RegExp(`^(${name}|goals\\.yaml):\\d+`, 'm').test(r.stderr)
        ) {
          throw new Error(`a rejected row without its line: ${r.stderr}`);
        }
        if (!r.stderr.includes(name))
          throw new Error(`exit 2 without naming the file: ${r.stderr}`);
        if (dumpStore(store) !== before)
          throw new Error(`a rejected file changed the store: ${r.stderr}`);
      } else if (r.code === 0) {
        const data = ['snapshots', 'revisions'];
        const after = dumpStore(store, data);
        const again = await runCli(argv, { cwd: dir });
        if (again.code !== 0) throw new Error(`the same file imported, then not: ${again.stderr}`);
        if (dumpStore(store, data) !== after)
          throw new Error('importing the same file twice changed the store');
      } else {
        throw new Error(`exit ${r.code}: ${r.stderr}`);
      }
      const ms = Date.now() - started;
      if (ms > (outcomes['slowest input (ms)'] ?? 0)) {
        outcomes['slowest input (ms)'] = ms;
        slowest = { seed: seed.name, mutations, skipInvalid };
      }
    });

    await runFuzz('CSV import', property as never, fuzzParameters(80), outcomes, () => ({
      slowest,
    }));
  }, 90_000); // a fixed number of runs, not a speed test: a loaded CI machine may take longer than the default 20 s
});
