/**
 * The CI jobs of the README's "In CI" section and of docs/ci.md stay true:
 * every YAML job parses, and every `goals check` and `goals report` command in them runs on the
 * team fixture with the options it shows (exit 0 or 1, never a usage error).
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

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const inCi = readme.slice(readme.indexOf('\n## In CI\n'), readme.indexOf('\n## The goals file\n'));
const doc = inCi + readFileSync(join(root, 'docs', 'ci.md'), 'utf8');
const yamlBlocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
const commands = [...doc.matchAll(/npx goals ((?:check|report)[^\n'"`]*(?:''[^\n`]*)?)/g)].map(
  (m) => m[1]!.trim(),
);

/** Shell words of a simple command line: spaces split, '' is an empty word. */
function words(line: string): string[] {
  return line.split(/\s+/).map((w) => (w === "''" ? '' : w));
}

/** Names of the test cases that hold a <failure>. */
function failingCases(junit: string): string[] {
  return [...junit.matchAll(/<testcase [^>]*name="([^"]+)">\n\s*<failure /g)].map((m) => m[1]!);
}

describe('the CI jobs of the README and docs/ci.md', () => {
  it('are a GitHub Actions workflow, a GitLab job and a PR comment job, all valid YAML', () => {
    expect(yamlBlocks).toHaveLength(3);
    for (const block of yamlBlocks) expect(parseDocument(block).errors).toEqual([]);
    const [github, gitlab, comment] = yamlBlocks.map((block) => parseDocument(block).toJS());
    expect(github.jobs.check.steps.at(-1).with.path).toBe('goals-junit.xml\ngoals-report.html\n');
    expect(gitlab.goals.artifacts.reports.junit).toBe('goals-junit.xml');
    expect(comment.comment.permissions['pull-requests']).toBe('write');
  });

  it.each(commands)('runs: goals %s', async (command) => {
    const dir = copyFixture('check/team');
    const r = await runCli([...words(command), '--as-of', '2026-11-16'], { cwd: dir });
    // Nothing on stderr but the report's note of what it wrote.
    expect(r.stderr).toMatch(/^(Wrote goals-report\.html \(HTML, 10 goals, \d+ KB\)\.\n)?$/);
    expect([0, 1]).toContain(r.code);
  });

  it('the GitHub Actions job as written: the check fails the job, the JUnit step does not, and its report shows the failing goals', async () => {
    const job = parseDocument(yamlBlocks[0]!).toJS().jobs.check as {
      steps: Array<{ name?: string; run?: string; with?: { path?: string } }>;
    };
    const dir = copyFixture('check/team');
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: dir,
      GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md'),
    };
    const codes: Array<[string | undefined, number]> = [];
    for (const step of job.steps) {
      if (!step.run?.startsWith('npx goals ')) continue;
      const argv = words(step.run.slice('npx goals '.length));
      const r = await runCli([...argv, '--as-of', '2026-11-16'], { cwd: dir, env });
      expect(r.stderr).toMatch(/^(Wrote goals-report\.html \(HTML, 10 goals, \d+ KB\)\.\n)?$/);
      codes.push([step.name, r.code]);
    }
    expect(codes).toEqual([
      ['Where every goal stands', 1],
      ['JUnit report', 0],
      ['Report', 0],
    ]);
    const [junit, report] = job.steps.at(-1)!.with!.path!.trim().split('\n') as [string, string];
    expect(readFileSync(join(dir, report), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const artifact = readFileSync(join(dir, junit), 'utf8');
    expect(artifact).toContain(
      '<testsuites name="goals check as of 2026-11-16" tests="10" failures="2" errors="0">',
    );
    // The fixture's off-track and missed goals, as written in its goals.yaml.
    expect(failingCases(artifact)).toEqual(['fcr-75', 'churn-2pct']);
  });

  it('the GitLab job as written: fails the job, and the JUnit report GitLab reads shows the failing goals', async () => {
    const job = parseDocument(yamlBlocks[1]!).toJS().goals as {
      script: string[];
      artifacts: { reports: { junit: string } };
    };
    const dir = copyFixture('check/team');
    const line = job.script.find((l) => l.startsWith('npx goals '))!;
    const r = await runCli([...words(line.slice('npx goals '.length)), '--as-of', '2026-11-16'], {
      cwd: dir,
      env: { GITLAB_CI: 'true' },
    });
    expect(r.code).toBe(1);
    const report = readFileSync(join(dir, job.artifacts.reports.junit), 'utf8');
    expect(failingCases(report)).toEqual(['fcr-75', 'churn-2pct']);
  });

  it('shows every format the command has', () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
    for (const format of ['junit', 'markdown']) expect(doc).toContain(`--format ${format}`);
  });
});
