/**
 * A project in a folder goals may not write (issue 12.8, 12.5): reading
 * works, writing says so by path with exit 2, and nothing is created or
 * changed. The built CLI runs as a user who may not write the folder: the
 * test user after `chmod a-w`, or — since root ignores permissions — the
 * `nobody` user when the tests run as root.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'goals.js');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function goals(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
    ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Whether the CLI can run as that user here (root's checkout may be closed to nobody). */
const canRunAsReader =
  process.platform !== 'win32' &&
  (!isRoot ||
    spawnSync(process.execPath, [bin, '--version'], { uid: NOBODY, gid: NOBODY }).status === 0);

const locked: string[] = [];
afterEach(() => {
  for (const dir of locked.splice(0)) chmodTree(dir, 0o755, 0o644);
});

function chmodTree(dir: string, dirMode: number, fileMode: number): void {
  chmodSync(dir, dirMode);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) chmodTree(path, dirMode, fileMode);
    else chmodSync(path, fileMode);
  }
}

/** Makes the folder and everything in it read-only (readable by all). */
function lock(dir: string): void {
  locked.push(dir);
  chmodTree(dir, 0o555, 0o444);
}

/** Every file in the folder with its size and modification time: what "nothing changed" means. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const s = statSync(join(dir, name));
      return `${name} ${s.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`;
    });
}

const GOALS = `version: 1
objectives:
  - { id: o, title: Keep customers }
sources:
  - { id: weekly, path: weekly.csv, layout: long, date: date }
goals:
  - { id: g, title: Reach 85% CSAT by Q3, owner: M, objective: o, metric: csat, target: 85, baseline: 70, start: 2026-07-01, deadline: 2026-09-30 }
`;
const CSV = 'date,metric,value\n2026-07-13,csat,80\n';

function project(): string {
  const dir = tempDir({ 'goals.yaml': GOALS, 'weekly.csv': CSV });
  // The store, written while the folder was still writable.
  expect(spawnSync(process.execPath, [bin, 'import'], { cwd: dir }).status).toBe(0);
  return dir;
}

const CHECK = ['check', '--as-of', '2026-07-20', '--format', 'json'];

describe.skipIf(!canRunAsReader)('a project in a folder goals may not write', () => {
  it('check --no-sync reads the store, and so does check when no source changed', () => {
    const dir = project();
    lock(dir);
    const before = listing(dir);
    for (const args of [[...CHECK, '--no-sync'], CHECK]) {
      const r = goals(args, dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).goals[0].current).toBe(80);
    }
    expect(listing(dir)).toEqual(before);
  });

  it('check --no-sync reads a read-only store file in a folder it may write', () => {
    const dir = project();
    chmodSync(dir, 0o777);
    locked.push(dir);
    chmodSync(join(dir, '.goals'), 0o777);
    chmodSync(join(dir, '.goals', 'goals.db'), 0o444);
    const r = goals([...CHECK, '--no-sync'], dir);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).goals[0].current).toBe(80);
  });

  it('check says why it cannot sync a changed source, exit 2, nothing changed', () => {
    const dir = project();
    writeFileSync(join(dir, 'weekly.csv'), `${CSV}2026-07-20,csat,81\n`);
    lock(dir);
    const before = listing(dir);
    const r = goals(CHECK, dir);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "error The store .goals/goals.db may not be written, and source 'weekly' changed since the last sync: goals cannot bring the store up to date. Nothing was changed.\n" +
        '  Run where the store may be written (or point --db at a file you may write), or add --no-sync to evaluate what the store holds.\n',
    });
    expect(listing(dir)).toEqual(before);
  });

  it('validate prints the grid and the findings of the sources, creating no store', () => {
    const dir = tempDir({ 'goals.yaml': GOALS, 'weekly.csv': `${CSV}2026-07-20,csat,x\n` });
    lock(dir);
    const r = goals(['validate'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'goal  S M A R T  title\ng     ✔ ✔ ✔ ✔ ✔  Reach 85% CSAT by Q3\n\n' +
        "goals.yaml:5:19  error  Source 'weekly': weekly.csv was not imported: 1 bad row. Nothing was written.  source/rejected\n" +
        '  → Correct the rows in the export and import it again, or leave them out with --skip-invalid (goals import --source weekly --skip-invalid), or on every sync with skip_invalid: true in the source.\n' +
        'weekly.csv:3:17  error  "x" in column "value" is not a number.  import/bad-value\n' +
        '  → Write a number (leave the cell empty when there is no value), or --skip-invalid to leave the row out.\n' +
        '\n✖ 1 goal, 1 fully SMART; 2 errors, 0 warnings\n',
    );
    expect(readdirSync(dir).sort()).toEqual(['goals.yaml', 'weekly.csv']);
  });

  it('init, new and plan name the path they may not write, exit 2, and change nothing', () => {
    const empty = tempDir();
    lock(empty);
    const init = goals(['init', '--template', 'support'], empty);
    expect(init).toEqual({
      code: 2,
      stdout: '',
      stderr: `error Cannot write ${join(empty, 'goals.yaml')}: goals may not write the folder ${empty}. Nothing was changed.\n  Run the command where you may write (or make the file or folder writable); -c PATH names another goals.yaml.\n`,
    });
    expect(readdirSync(empty)).toEqual([]);

    const dir = tempDir({ 'goals.yaml': GOALS, 'weekly.csv': CSV });
    mkdirSync(join(dir, 'sub'));
    lock(dir);
    const before = listing(dir);
    const added = goals(['new', '--no-input', '--metric', 'csat'], dir);
    expect(added.code).toBe(2);
    expect(added.stderr.split('\n')[0]).toBe(
      `error Cannot write ${join(dir, 'goals.yaml')}: the file is read-only. Nothing was changed.`,
    );
    const plan = goals(['plan', '--as-of', '2026-09-20'], dir);
    expect(plan.code).toBe(2);
    expect(plan.stderr.split('\n')[0]).toBe(
      'error Cannot create the store .goals/goals.db: goals may not write its folder, so the sources cannot be synced. Nothing was changed.',
    );
    expect(listing(dir)).toEqual(before);
  });
});
