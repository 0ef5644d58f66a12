/**
 * `goals check` through the real store: the team fixture's export imported
 * with `goals import`, then checked in-process and by the built CLI — the
 * same bytes as the reporters' expected files.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { copyFixture } from '../helpers/temp-dir.js';

const EXPECTED = join(import.meta.dirname, '..', 'fixtures', 'check', 'team', 'expected');
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'goals.js');

async function importedFixture(): Promise<string> {
  const dir = copyFixture('check/team');
  const r = await runCli(['import', 'exports.csv', '--layout', 'long', '--segment', 'team=team'], {
    cwd: dir,
  });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return dir;
}

describe('goals check on imported snapshots', () => {
  it('reports what the fixture history reports, as JSON', async () => {
    const dir = await importedFixture();
    const r = await runCli(['check', '--as-of', '2026-11-16', '--format', 'json', '--no-sync'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(readFileSync(join(EXPECTED, 'check.json'), 'utf8'));
  });

  it('--since reads both dates’ windows from the store: previous is check --as-of then', async () => {
    const dir = await importedFixture();
    const json = async (args: string[]) => {
      const r = await runCli(['check', ...args, '--format', 'json', '--no-sync'], { cwd: dir });
      return JSON.parse(r.stdout).goals as Array<Record<string, unknown>>;
    };
    // Far enough back that the earlier window starts before the later one's.
    const now = await json(['--as-of', '2026-11-16', '--since', '2026-08-01']);
    const then = await json(['--as-of', '2026-08-01']);
    expect(now.map((g) => g.previous)).toEqual(
      then.map((g) => ({
        asOf: '2026-08-01',
        status: g.status,
        current: g.current,
        progress: g.progress,
        change: expect.any(String),
      })),
    );
  });

  it('the built CLI prints the same table at COLUMNS=100 and exits 1', async () => {
    const dir = await importedFixture();
    // As a user's terminal would: no colour, 100 columns, not in GitHub Actions.
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '100' };
    delete env.FORCE_COLOR;
    delete env.GITHUB_ACTIONS;
    const r = spawnSync(process.execPath, [BIN, 'check', '--as-of', '2026-11-16'], {
      cwd: dir,
      encoding: 'utf8',
      env,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(readFileSync(join(EXPECTED, 'table-100.txt'), 'utf8'));
  });

  it('explain and history read the same store', async () => {
    const dir = await importedFixture();
    const r = await runCli(
      ['history', 'resolution-emea-24h', '--format', 'csv', '--as-of', '2026-11-16'],
      {
        cwd: dir,
      },
    );
    expect(r.stdout).toBe(readFileSync(join(EXPECTED, 'history-resolution-emea-24h.csv'), 'utf8'));
  });
});
