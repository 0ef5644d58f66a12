/**
 * `goals validate` works without the data (issue 12.5): a source it cannot
 * read or that check would refuse is a finding on its entry in goals.yaml;
 * and `skip_invalid: true` on a source (issue 12.6).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';

const GOALS = `version: 1
objectives:
  - { id: o, title: Keep customers }
sources:
  - id: weekly
    path: exports/weekly.csv
    layout: long
    date: date
goals:
  - { id: g, title: Reach 85% CSAT by Q3, owner: M, objective: o, metric: csat, target: 85, baseline: 70, start: 2026-07-01, deadline: 2026-09-30 }
`;

const GRID = 'goal  S M A R T  title\ng     ✔ ✔ ✔ ✔ ✔  Reach 85% CSAT by Q3\n\n';

describe('goals validate without the data', () => {
  it('shows the grid and a warning on the source whose file is missing, exit 0, no store', async () => {
    const dir = tempDir({ 'goals.yaml': GOALS });
    const r = await runCli(['validate'], { cwd: dir });
    expect(r).toEqual({
      code: 0,
      stdout:
        GRID +
        "goals.yaml:6:5  warning  Source 'weekly': cannot read exports/weekly.csv: it does not exist.  source/unreadable\n" +
        '  → Check the path (it is relative to the working directory, or to goals.yaml for sources:).\n' +
        '\n▲ 1 goal, 1 fully SMART; 0 errors, 1 warning\n',
      stderr: '',
    });
    expect(existsSync(join(dir, '.goals'))).toBe(false);
  });

  it('makes a source with a bad row an error on its entry, with the row, and exits 1', async () => {
    const dir = tempDir({ 'goals.yaml': GOALS });
    mkdirSync(join(dir, 'exports'));
    writeFileSync(
      join(dir, 'exports', 'weekly.csv'),
      'date,metric,value\n2026-07-13,csat,80\n2026-07-20,csat,x\n',
    );
    const r = await runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toEqual({ goals: 1, errors: 2, warnings: 0 });
    expect(
      json.findings.map(
        (f: Record<string, unknown>) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`,
      ),
    ).toEqual([
      'exports/weekly.csv:3:17 import/bad-value "x" in column "value" is not a number.',
      "goals.yaml:6:5 source/rejected Source 'weekly': exports/weekly.csv was not imported: 1 bad row. Nothing was written.",
    ]);
    expect(existsSync(join(dir, '.goals'))).toBe(false);
  });

  it('reads the sources into memory, so history rules see them without a store', async () => {
    const dir = tempDir({ 'goals.yaml': GOALS.replace('baseline: 70, ', '') });
    const rules = async () =>
      JSON.parse(
        (await runCli(['validate', '--format', 'json'], { cwd: dir })).stdout,
      ).findings.map((f: Record<string, unknown>) => f.rule);
    expect(await rules()).toEqual(['source/unreadable', 'measurable/has-baseline']);
    mkdirSync(join(dir, 'exports'));
    writeFileSync(join(dir, 'exports', 'weekly.csv'), 'date,metric,value\n2026-07-06,csat,80\n');
    // The baseline is then taken from the snapshot of 2026-07-06.
    expect(await rules()).toEqual([]);
    expect(existsSync(join(dir, '.goals'))).toBe(false);
  });

  it('syncs an existing store it may write', async () => {
    const dir = tempDir({ 'goals.yaml': GOALS });
    mkdirSync(join(dir, 'exports'));
    writeFileSync(join(dir, 'exports', 'weekly.csv'), 'date,metric,value\n2026-07-06,csat,80\n');
    await runCli(['import'], { cwd: dir });
    writeFileSync(
      join(dir, 'exports', 'weekly.csv'),
      'date,metric,value\n2026-07-06,csat,80\n2026-07-13,csat,81\n',
    );
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.stderr).toBe(
      'Synced exports/weekly.csv (source weekly): 1 new, 0 updated, 1 unchanged.\n',
    );
    const store = openStore(join(dir, '.goals', 'goals.db'), { readonly: true });
    expect(store.countSnapshots()).toBe(2);
    store.close();
  });
});

describe('skip_invalid on a source', () => {
  it('syncs the good rows of a known-bad export and shows the skipped ones as warnings with their lines', async () => {
    const dir = tempDir({
      'goals.yaml': GOALS.replace('    date: date\n', '    date: date\n    skip_invalid: true\n'),
    });
    mkdirSync(join(dir, 'exports'));
    writeFileSync(
      join(dir, 'exports', 'weekly.csv'),
      'date,metric,value\n2026-07-06,csat,78\n2026-07-13,csat,n/a\n2026-07-20,csat,80\n',
    );
    const r = await runCli(['check', '--as-of', '2026-07-27', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe(
      'exports/weekly.csv:3:17  warning  Skipped: "n/a" in column "value" is not a number.  import/bad-value\n' +
        '  → Write a number (leave the cell empty when there is no value), or --skip-invalid to leave the row out.\n' +
        'Synced exports/weekly.csv (source weekly): 2 new, 0 updated, 0 unchanged.\n',
    );
    expect(JSON.parse(r.stdout).goals[0].current).toBe(80);
  });
});
