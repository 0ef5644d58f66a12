/**
 * GitHub annotations from a subfolder: the runner attaches `file=` from the
 * repository root (GITHUB_WORKSPACE), so `goals check` and `goals validate`
 * name goals.yaml from there, not from the working directory. Each line is
 * read back with a port of the runner's command parser.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { copyFixture } from '../helpers/temp-dir.js';
import { annotatedFile, parseWorkflowCommand } from '../helpers/github-runner.js';
import { fixtureHistory } from './fixture-history.js';

vi.mock('../../src/cli/open-history.js', () => ({
  openHistory: async (_ctx: unknown, project: { dir: string }) => fixtureHistory(project.dir),
}));

const AS_OF = ['--as-of', '2026-11-16'];

/** The files the runner would attach each annotation of an output to. */
function attachedFiles(stdout: string, workspace: string): string[] {
  return stdout
    .split('\n')
    .map((line) => parseWorkflowCommand(line))
    .filter((c) => c !== undefined && (c.command === 'error' || c.command === 'warning'))
    .map((c) => annotatedFile(c!, workspace)!);
}

/** A repository whose goals.yaml sits at the root, and an empty subfolder `scripts/`. */
function repository(): string {
  const root = copyFixture('check/team');
  mkdirSync(join(root, 'scripts'));
  return root;
}

describe('annotation paths from a subfolder', () => {
  it('check (GitHub Actions, no --format): file=goals.yaml from GITHUB_WORKSPACE, not ../goals.yaml', async () => {
    const root = repository();
    const r = await runCli(['check', ...AS_OF], {
      cwd: join(root, 'scripts'),
      env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: root },
    });
    expect(r.stdout).toContain('../goals.yaml'); // the table names it from where the user is
    const files = attachedFiles(r.stdout, root);
    // The team fixture annotates 5 goals: 2 failing, 2 at risk, 1 stale.
    expect(files).toEqual(Array(5).fill('goals.yaml'));
    for (const file of files) expect(existsSync(join(root, file))).toBe(true);
  });

  it('check --format github with goals.yaml in a subfolder of the workspace', async () => {
    const root = repository();
    mkdirSync(join(root, 'support'));
    for (const name of ['goals.yaml', 'snapshots.csv']) {
      renameSync(join(root, name), join(root, 'support', name));
    }
    const r = await runCli(['check', ...AS_OF, '--format', 'github'], {
      cwd: join(root, 'support'),
      env: { GITHUB_WORKSPACE: root },
    });
    expect(attachedFiles(r.stdout, root)).toEqual(Array(5).fill('support/goals.yaml'));
    // The summary line still names the file as the user sees it.
    expect(r.stdout).toContain('\ngoals.yaml: 10 goals');
  });

  it('without GITHUB_WORKSPACE, from the git repository root', async () => {
    const root = repository();
    mkdirSync(join(root, '.git'));
    const r = await runCli(['check', ...AS_OF, '--format', 'github'], {
      cwd: join(root, 'scripts'),
    });
    expect(attachedFiles(r.stdout, root)).toEqual(Array(5).fill('goals.yaml'));
  });

  it('validate --format github from a subfolder', async () => {
    const root = repository();
    const r = await runCli(['validate', '--format', 'github', '--no-sync'], {
      cwd: join(root, 'scripts'),
      env: { GITHUB_WORKSPACE: root },
    });
    const files = attachedFiles(r.stdout, root);
    expect(files.length).toBeGreaterThan(0);
    expect(new Set(files)).toEqual(new Set(['goals.yaml']));
  });
});

describe('the runner’s command parser (port)', () => {
  it('reads properties and data back as the runner unescapes them', () => {
    expect(
      parseWorkflowCommand(
        '::error file=a%2Cb.yaml,line=3,col=5,title=x%3A y::50%25 done%0Anext line',
      ),
    ).toEqual({
      command: 'error',
      properties: { file: 'a,b.yaml', line: '3', col: '5', title: 'x: y' },
      data: '50% done\nnext line',
    });
    expect(
      annotatedFile(parseWorkflowCommand('::error file=/w/repo/goals.yaml::x')!, '/w/repo'),
    ).toBe('goals.yaml');
    expect(annotatedFile(parseWorkflowCommand('::error file=../goals.yaml::x')!, '/w/repo')).toBe(
      '../goals.yaml',
    );
  });
});
