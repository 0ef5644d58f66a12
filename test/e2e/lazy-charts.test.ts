/**
 * The chart library (d3) is loaded only to draw charts: `goals check` and the
 * Markdown report never load it; the HTML report does. The built CLI runs
 * with a module-load trace (`npm test` builds dist/ first).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'goals.js');
const trace = ['--import', join(root, 'test', 'helpers', 'load-trace.mjs')];

function goals(args: string[], cwd: string, traceFile: string) {
  const r = spawnSync(
    process.execPath,
    [...trace, bin, '-c', 'goals.example.yaml', '--as-of', '2026-11-16', ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NO_COLOR: '1', GOALS_LOAD_TRACE: traceFile },
    },
  );
  return { code: r.status, stderr: r.stderr, loaded: readFileSync(traceFile, 'utf8') };
}

describe('d3 is loaded only for the HTML report', () => {
  it('check and the Markdown report never load it; the HTML report does', () => {
    const dir = tempDir();
    cpSync(join(root, 'goals.example.yaml'), join(dir, 'goals.example.yaml'));
    cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });

    const check = goals(['check', '-q'], dir, join(dir, 't1'));
    expect(check.code).toBe(1);
    expect(check.loaded).not.toMatch(/\/d3-|\/report\/html\//);

    const markdown = goals(['report', '-o', 'r.md', '-q'], dir, join(dir, 't2'));
    expect(markdown.stderr).toBe('');
    expect(markdown.code).toBe(0);
    expect(markdown.loaded).toContain('/dist/report/goals-report/markdown.js');
    expect(markdown.loaded).not.toMatch(/\/d3-|\/report\/html\//);

    const html = goals(['report', '-o', 'r.html', '-q'], dir, join(dir, 't3'));
    expect(html.code).toBe(0);
    expect(html.loaded).toContain('/dist/report/html/chart.js');
    expect(html.loaded).toMatch(/\/node_modules\/d3-scale\//);
  });
});
