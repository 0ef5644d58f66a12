/**
 * The built package as a user runs it: `node bin/goals.js …` in a temp
 * folder, NO_COLOR set. `npm test` builds dist/ first.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'goals.js');

function goals(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
) {
  const r = spawnSync(process.execPath, [...nodeArgs, bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the built CLI', () => {
  it('validates goals.example.yaml with no errors', () => {
    const dir = tempDir();
    copyFileSync(join(root, 'goals.example.yaml'), join(dir, 'goals.example.yaml'));
    const r = goals(['validate', '-c', 'goals.example.yaml', '--no-sync'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^goal +S M A R T/);
    expect(r.stdout).toMatch(/\n[✔▲] 8 goals, \d fully SMART; 0 errors, \d+ warnings?\n$/);
    expect(r.code).toBe(0);
  });

  it('prints help, version, schema and metrics from any folder', () => {
    const dir = tempDir();
    const help = goals(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: goals [options] [command]');
    expect(goals(['validate', '--help'], dir).stdout).toContain('Usage: goals validate [options]');
    expect(goals(['--version'], dir).stdout).toBe(
      `${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`,
    );
    expect(JSON.parse(goals(['schema'], dir).stdout).$id).toBe('goals.schema.json');
    expect(goals(['metrics'], dir).stdout).toContain('first_response_time');
  });

  it('stops quietly when the reader has closed the pipe (goals … | head -1)', async () => {
    const dir = tempDir();
    for (const args of [['check', '--help'], ['metrics'], ['schema']]) {
      const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { NO_COLOR: '1' } });
      child.stdout.destroy(); // the reader is gone before the first write
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect({ args, stderr, code }).toEqual({ args, stderr: '', code: 0 });
    }
  });

  it('exits 2 with a clear message on a missing goals.yaml', () => {
    const dir = tempDir();
    const r = goals(['validate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No goals.yaml in');
  });

  it('starts lean: --version and validate load neither SQLite nor the prompt library', () => {
    const dir = tempDir({
      'goals.yaml':
        'version: 1\ngoals:\n  - { id: a, title: Reach 85% CSAT, metric: csat, target: 85, deadline: 2026-Q4 }\n',
    });
    const trace = join(dir, 'trace.txt');
    const importHook = ['--import', join(root, 'test', 'helpers', 'load-trace.mjs')];
    for (const args of [['--version'], ['validate']]) {
      goals(args, dir, { GOALS_LOAD_TRACE: trace }, importHook);
      const loaded = readFileSync(trace, 'utf8');
      expect(loaded).toContain('/dist/main.js');
      expect(loaded).not.toMatch(/better-sqlite3|@inquirer|csv-parse/);
    }
    goals(['--version'], dir, { GOALS_LOAD_TRACE: `${trace}.v` }, importHook);
    // --version needs commander and nothing else: no schema, no YAML, no colours.
    expect(readFileSync(`${trace}.v`, 'utf8')).not.toMatch(/\/zod\/|\/yaml\/|\/chalk\//);
  });
});
