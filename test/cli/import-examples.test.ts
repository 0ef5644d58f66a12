/**
 * The sample exports of goals.example.yaml: they import cleanly, and as of
 * 2026-11-16 the example goals show the mix of statuses the README shows.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';

const ROOT = join(import.meta.dirname, '..', '..');

function exampleProject(): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'goals.example.yaml'), join(dir, 'goals.example.yaml'));
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  return dir;
}

describe('the example project', () => {
  it('imports both sample exports', async () => {
    const dir = exampleProject();
    const r = await runCli(['import', '-c', 'goals.example.yaml'], { cwd: dir });
    expect(r).toEqual({
      code: 0,
      stdout:
        'Imported examples/weekly-kpis.csv (source weekly-kpis): 21 rows, 102 snapshots: 102 new, 0 updated, 0 unchanged.\n' +
        'Imported examples/team-metrics.csv (source team-metrics): 53 rows, 53 snapshots: 53 new, 0 updated, 0 unchanged.\n',
      stderr: '',
    });
  });

  it('validates without errors once synced', async () => {
    const dir = exampleProject();
    const r = await runCli(['validate', '-c', 'goals.example.yaml', '--format', 'json'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { summary: { errors: number } };
    expect(result.summary.errors).toBe(0);
  });

  it('shows every kind of status as of 2026-11-16', async () => {
    const dir = exampleProject();
    const r = await runCli(
      ['check', '-c', 'goals.example.yaml', '--as-of', '2026-11-16', '--format', 'json'],
      { cwd: dir },
    );
    const result = JSON.parse(r.stdout) as {
      goals: Array<{ id: string; status: string; stale: boolean }>;
    };
    expect(Object.fromEntries(result.goals.map((g) => [g.id, [g.status, g.stale]]))).toEqual({
      'first-reply-2h': ['on-track', false],
      'sla-90': ['at-risk', false],
      'csat-85': ['at-risk', false],
      'fcr-75': ['off-track', false],
      'resolution-emea-24h': ['on-track', false],
      'nps-30': ['achieved', true],
      // monthly churn, 15 days old: not stale under the cadence default (2 × 31 days)
      'churn-2pct': ['missed', false],
      'deescalation-training': ['no-data', false],
    });
  });

  it("prints at 80 columns exactly the table of the README's goals check example", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example =
      /```console\n\$ goals check -c goals\.example\.yaml --as-of 2026-11-16\n([\s\S]*?)```/.exec(
        readme,
      )?.[1];
    const dir = exampleProject();
    await runCli(['import', '-c', 'goals.example.yaml'], { cwd: dir });
    const r = await runCli(['check', '-c', 'goals.example.yaml', '--as-of', '2026-11-16'], {
      cwd: dir,
      columns: 80,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(example);
  });
});
