/**
 * docs/ci.md stays true: every YAML job in it parses, and every `goals check`
 * command in it runs on the team fixture with the options it shows (exit 0
 * or 1, never a usage error).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseDocument } from 'yaml';
import { runCli } from '../helpers/memory-io.js';
import { copyFixture } from '../helpers/temp-dir.js';
import { fixtureHistory } from './fixture-history.js';

vi.mock('../../src/cli/open-history.js', () => ({
  openHistory: async (_ctx: unknown, project: { dir: string }) => fixtureHistory(project.dir),
}));

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'ci.md'), 'utf8');
const yamlBlocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
const commands = [...doc.matchAll(/npx goals (check[^\n'"]*(?:''[^\n]*)?)/g)].map((m) =>
  m[1]!.trim(),
);

/** Shell words of a simple command line: spaces split, '' is an empty word. */
function words(line: string): string[] {
  return line.split(/\s+/).map((w) => (w === "''" ? '' : w));
}

describe('docs/ci.md', () => {
  it('has a GitHub Actions workflow, a PR comment job and a GitLab job, all valid YAML', () => {
    expect(yamlBlocks).toHaveLength(3);
    for (const block of yamlBlocks) expect(parseDocument(block).errors).toEqual([]);
    const gitlab = parseDocument(yamlBlocks[2]!).toJS();
    expect(gitlab.goals.artifacts.reports.junit).toBe('goals-junit.xml');
  });

  it.each(commands)('runs: goals %s', async (command) => {
    const dir = copyFixture('check/team');
    const r = await runCli([...words(command), '--as-of', '2026-11-16'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
  });

  it('shows every format the command has', () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
    for (const format of ['junit', 'markdown']) expect(doc).toContain(`--format ${format}`);
  });
});
