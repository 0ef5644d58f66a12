/**
 * init, new and plan load @inquirer/prompts only when they really ask: run
 * by flags, from a script, they start as fast as any other command. The
 * built CLI runs with a module-load trace (`npm test` builds dist/ first).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'goals.js');
const trace = ['--import', join(root, 'test', 'helpers', 'load-trace.mjs')];

function goals(args: string[], cwd: string, traceFile: string) {
  const r = spawnSync(process.execPath, [...trace, bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1', GOALS_LOAD_TRACE: traceFile },
  });
  return { code: r.status, stderr: r.stderr, loaded: readFileSync(traceFile, 'utf8') };
}

describe('prompts are loaded only to ask', () => {
  it('init --template, new by flags and plan --no-input never load @inquirer', () => {
    const dir = tempDir();
    const init = goals(
      ['init', '--template', 'customer-service', '--timezone', 'UTC'],
      dir,
      join(dir, 't1'),
    );
    expect(init.code).toBe(0);
    expect(init.loaded).toContain('/dist/cli/commands/init.js');
    expect(init.loaded).not.toMatch(/@inquirer/);

    const added = goals(
      [
        'new',
        '--metric',
        'nps',
        '--baseline',
        '20',
        '--target',
        '24',
        '--deadline',
        '2027-Q2',
        '--objective',
        'retention',
        '--owner',
        'Nikolay',
        '--as-of',
        '2026-11-16',
        '--no-input',
      ],
      dir,
      join(dir, 't2'),
    );
    expect(added.stderr).not.toContain('error');
    expect(added.code).toBe(0);
    expect(added.loaded).toContain('/dist/cli/prompts.js');
    expect(added.loaded).not.toMatch(/@inquirer/);

    const plan = goals(['plan', '--no-input'], dir, join(dir, 't3'));
    expect(plan.code).toBe(0);
    expect(plan.loaded).not.toMatch(/@inquirer/);
  });
});
