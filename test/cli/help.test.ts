/**
 * Every command's --help: the global options that apply to it, and examples
 * that work. Each example shown in any --help is run, as written, in a copy
 * of this repository's example project (goals.example.yaml as goals.yaml,
 * with examples/; `goals init` in an empty folder), on 2026-11-16, and must
 * exit as listed here — a new example without an entry fails the test.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');

async function help(command?: string): Promise<string> {
  const r = await runCli(command ? [command, '--help'] : ['--help'], { cwd: tempDir() });
  expect(r.code).toBe(0);
  return r.stdout;
}

/** The `$ goals …` lines of a help text, continuation lines joined, descriptions cut. */
function examplesOf(text: string): string[] {
  const joined = text.replace(/\\\n\s+/g, '');
  return [...joined.matchAll(/^ {2}\$ (goals\b.*)$/gm)].map((m) =>
    // A description follows the command after two or more spaces (outside quotes).
    m[1]!.replace(/^((?:[^"\s]|"[^"]*"|\s(?!\s))+)\s{2,}.*$/, '$1').trim(),
  );
}

/** Shell words: spaces split, double quotes group; `> FILE` is returned apart. */
function words(line: string): { argv: string[]; redirect?: string } {
  const all = [...line.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map((m) => m[0].replace(/"/g, ''));
  const at = all.indexOf('>');
  return at < 0 ? { argv: all.slice(1) } : { argv: all.slice(1, at), redirect: all[at + 1]! };
}

/** A copy of the example project: goals.yaml is goals.example.yaml. */
function exampleProject(): string {
  const dir = tempDir();
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  const text = readFileSync(join(root, 'goals.example.yaml'), 'utf8');
  writeFileSync(join(dir, 'goals.yaml'), text);
  writeFileSync(join(dir, 'goals.example.yaml'), text);
  return dir;
}

/**
 * The exit each example gives on the example project on 2026-11-16, and why
 * when it is not 0. `stdout` is a line it prints (its first line, or one
 * that shows it did its job).
 */
const EXPECTED: Record<string, { code: number; shows: string }> = {
  'goals validate': { code: 0, shows: '0 errors, 2 warnings' },
  // fcr-75 is off track and churn-2pct missed: the default --fail-on.
  'goals check': {
    code: 1,
    shows: '✖ 2 goals failing (--fail-on off-track,missed): fcr-75, churn-2pct',
  },
  'goals import': { code: 0, shows: 'Imported examples/weekly-kpis.csv (source weekly-kpis)' },
  'goals new': { code: 2, shows: 'error --metric is required when not on a terminal.' },
  'goals validate -c goals.example.yaml --format json': { code: 0, shows: '"errors": 0' },
  'goals validate --format github': { code: 0, shows: '::warning' },
  'goals check --since 7d': { code: 1, shows: 'since 2026-11-09' },
  'goals check --since 7d --fail-on off-track,missed,slipped': {
    code: 1,
    shows: 'since 2026-11-09',
  },
  'goals check --as-of 2026-10-19 --goal csat-85 --goal fcr-75': { code: 1, shows: 'fcr-75' },
  // sla-90 (a snapshot broke ≥ 90 %: 0 %) and csat-85 (26 %) fail on their chance too.
  'goals check --fail-below-chance 0.5': {
    code: 1,
    shows: '✖ 4 goals failing (--fail-on off-track,missed; --fail-below-chance 0.5): sla-90,',
  },
  'goals check --format junit -o goals.xml --fail-on off-track,missed,stale': {
    code: 1,
    shows: '',
  },
  'goals check --format junit -o goals.xml --exit-zero': { code: 0, shows: '' },
  'goals check --format github': { code: 1, shows: '::error file=goals.yaml' },
  'goals import examples/weekly-kpis.csv --source weekly-kpis': {
    code: 0,
    shows: 'Imported examples/weekly-kpis.csv (source weekly-kpis)',
  },
  'goals import --dry-run examples/weekly-kpis.csv --date-column Week --date-format DD.MM.YYYY --metric "CSAT %=csat" --metric "First reply (h)=first_response_time:h"':
    { code: 0, shows: 'Dry run of examples/weekly-kpis.csv' },
  'goals import examples/team-metrics.csv --layout long --segment team=team': {
    code: 0,
    shows: 'Imported examples/team-metrics.csv',
  },
  'goals import --inspect examples/weekly-kpis.csv': { code: 0, shows: 'An import would succeed.' },
  'goals explain fcr-75': { code: 0, shows: 'fcr-75' },
  'goals explain csat-85 --as-of 2026-10-19 --format json': { code: 0, shows: '"id": "csat-85"' },
  'goals history csat-85': { code: 0, shows: 'csat-85' },
  'goals history csat-85 --format csv > csat.csv': { code: 0, shows: '' },
  'goals metrics': { code: 0, shows: 'training_completion' },
  'goals metrics --format json': { code: 0, shows: '"id": "csat"' },
  'goals schema > goals.schema.json': { code: 0, shows: '' },
  'goals init': { code: 2, shows: 'error --objective is required when not on a terminal' },
  'goals init --template customer-service': { code: 0, shows: '✔ Created goals.yaml' },
  'goals init --team "Support EMEA" --timezone Europe/Sofia --objective fast-help="Customers get help fast" --no-input':
    { code: 0, shows: '✔ Created goals.yaml and goals.schema.json.' },
  'goals new --metric csat --target 85 --deadline 2027-Q1 --objective quality --owner "Maria" --title "Reach 85% CSAT by the end of Q1 2027" --no-input':
    { code: 0, shows: "✔ Added goal 'csat-2027-q1' to goals.yaml" },
  'goals report -o goals.html': { code: 0, shows: 'Wrote goals.html (HTML, 8 goals' },
  'goals report -o goals.md': { code: 0, shows: 'Wrote goals.md (Markdown, 8 goals' },
  'goals report --as-of 2026-11-16 --since 4w --objective quality': {
    code: 0,
    shows: 'as of 2026-11-16, compared with 2026-10-19',
  },
  // Without a terminal, the review is printed as YAML.
  'goals plan --quarter 2027-Q1': { code: 0, shows: 'quarter: 2027-Q1' },
  'goals plan --quarter 2027-Q1 --no-input > proposals.yaml': { code: 0, shows: '' },
};

/**
 * Examples that name an export the example project does not have, and why;
 * each must still name a missing file (else it belongs in EXPECTED).
 */
const NOT_ON_THE_EXAMPLE: Record<string, string> = {
  'goals import tickets.csv --preset zendesk --segment team=Group --period month':
    'a records export (one row per ticket): examples/ has none yet',
  'goals import calls.csv --layout records --field "created=Date:DD/MM/YYYY" --field "answered=Answered (Y/N)" --field "wait=Speed of answer in seconds:s"':
    'a records export (one row per call): examples/ has none yet',
  'goals init --objective quality="Customers are happy with our help" --export exports/tickets.csv --period month --no-input':
    'a helpdesk export (one row per ticket): examples/ has none yet',
};

describe('--help', () => {
  it('lists the commands, and shows the global options that apply to each', async () => {
    const commands = [...(await help()).matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['validate', 'check', 'import', 'new']));
    const globals = async (command: string) =>
      [
        ...(await help(command))
          .split('Global Options:\n')[1]!
          .matchAll(/^ {2}(-\w, --[\w-]+|--[\w-]+)/gm),
      ].map((m) => m[1]!);
    expect(await globals('check')).toEqual([
      '-c, --config',
      '--as-of',
      '--db',
      '--no-color',
      '-q, --quiet',
      '--debug',
    ]);
    expect(await globals('import')).toEqual([
      '-c, --config',
      '--db',
      '--no-color',
      '-q, --quiet',
      '--debug',
    ]);
    expect(await globals('schema')).toEqual(['--debug']);
    for (const command of commands.filter((c) => c !== 'help')) {
      const text = await help(command);
      expect(text, command).toContain('Global Options:\n');
      expect(text, command).toContain('--debug');
      expect(text, command).not.toMatch(/^ {2}-V, --version/m);
      expect(examplesOf(text).length, command).toBeGreaterThan(0);
    }
  });

  it('shows only examples that run on the example project, each exiting as listed', async () => {
    const commands = [...(await help()).matchAll(/^ {2}([a-z]+)\b/gm)]
      .map((m) => m[1]!)
      .filter((c) => c !== 'help');
    const examples = [
      ...examplesOf(await help()),
      ...(await Promise.all(commands.map(async (c) => examplesOf(await help(c))))).flat(),
    ];
    const unique = [...new Set(examples)];
    expect(unique.sort()).toEqual(
      [...Object.keys(EXPECTED), ...Object.keys(NOT_ON_THE_EXAMPLE)].sort(),
    );
    for (const example of unique) {
      const { argv, redirect } = words(example);
      const dir = argv[0] === 'init' ? tempDir() : exampleProject();
      if (example in NOT_ON_THE_EXAMPLE) {
        expect(existsSync(join(dir, argv[1]!)), example).toBe(false);
        continue;
      }
      const r = await runCli(argv, { cwd: dir });
      const expected = EXPECTED[example]!;
      expect({ example, code: r.code }).toEqual({ example, code: expected.code });
      expect(`${r.stdout}${r.stderr}`, example).toContain(expected.shows);
      if (redirect) {
        expect(r.stdout.length, example).toBeGreaterThan(0);
        expect(r.stderr, example).not.toMatch(/^error/m);
      }
      for (const file of argv.filter((_, i) => argv[i - 1] === '-o'))
        expect(existsSync(join(dir, file)), example).toBe(true);
    }
  });
});
