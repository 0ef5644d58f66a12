/**
 * The store across real processes: a killed import leaves it as it was, and
 * two imports at once both succeed. These spawn the built CLI (npm run build).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'goals.js');
const LONG = ['--layout', 'long', '--segment', 'team=team'];

/** A long export: `rows` snapshots of csat for 40 teams, one per team and day. */
function writeExport(path: string, rows: number, teamPrefix = 'T'): void {
  const lines = ['date,metric,team,value'];
  const start = Date.UTC(2000, 0, 1);
  for (let i = 0; i < rows; i++) {
    const date = new Date(start + Math.floor(i / 40) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${date},csat,${teamPrefix}${i % 40},${(50 + (i % 500) / 10).toFixed(1)}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function goals(args: string[], cwd: string): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd,
    // FORCE_COLOR in the caller's environment would win over NO_COLOR.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(
  child: ChildProcess,
): Promise<{ code: number | null; signal: string | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, out, err })),
  );
}

function inspectStore(path: string) {
  const db = new Database(path);
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      snapshots: db.prepare('SELECT count(*) FROM snapshots').pluck().get(),
      imports: db.prepare('SELECT count(*) FROM imports').pluck().get(),
    };
  } finally {
    db.close();
  }
}

async function withSmallHistory(): Promise<string> {
  const dir = tempDir({ 'goals.yaml': 'version: 1\n' });
  writeExport(join(dir, 'small.csv'), 10, 'S');
  const r = await finished(goals(['import', 'small.csv', ...LONG], dir));
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return dir;
}

describe.skipIf(!existsSync(join(import.meta.dirname, '..', '..', 'dist', 'main.js')))(
  'imports across processes',
  () => {
    it('a process killed in the middle of merging leaves the store as it was', async () => {
      const dir = await withSmallHistory();
      writeExport(join(dir, 'big.csv'), 400_000);
      const db = join(dir, '.goals', 'goals.db');
      const child = goals(['import', 'big.csv', ...LONG], dir);
      const done = finished(child);
      // The merge is the only phase that writes to the WAL: kill once it is well under way.
      let killedAt = 0;
      while (child.exitCode === null) {
        const wal = existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0;
        if (wal > 2_000_000) {
          killedAt = wal;
          child.kill('SIGKILL');
          break;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      const result = await done;
      expect(killedAt).toBeGreaterThan(2_000_000);
      expect(result.signal).toBe('SIGKILL');
      expect(inspectStore(db)).toEqual({ integrity: 'ok', snapshots: 10, imports: 1 });
    }, 60_000);

    it('a process killed while reading the file leaves the store as it was', async () => {
      const dir = await withSmallHistory();
      // Big enough that reading it takes seconds: the kill lands before the merge.
      writeExport(join(dir, 'big.csv'), 1_000_000);
      const child = goals(['import', 'big.csv', ...LONG], dir);
      const done = finished(child);
      await new Promise((r) => setTimeout(r, 700));
      expect(child.exitCode).toBeNull();
      child.kill('SIGKILL');
      expect((await done).signal).toBe('SIGKILL');
      expect(inspectStore(join(dir, '.goals', 'goals.db'))).toEqual({
        integrity: 'ok',
        snapshots: 10,
        imports: 1,
      });
    }, 60_000);

    it('SIGTERM cancels an import cleanly: exit 130, nothing written', async () => {
      const dir = await withSmallHistory();
      writeExport(join(dir, 'big.csv'), 1_000_000);
      const child = goals(['import', 'big.csv', ...LONG], dir);
      const done = finished(child);
      await new Promise((r) => setTimeout(r, 700));
      child.kill('SIGTERM');
      const result = await done;
      expect(result).toMatchObject({
        code: 130,
        out: '',
        err: 'Import cancelled; nothing was written.\n',
      });
      expect(inspectStore(join(dir, '.goals', 'goals.db'))).toMatchObject({
        snapshots: 10,
        imports: 1,
      });
    }, 60_000);

    it('two imports at once both succeed', async () => {
      const dir = await withSmallHistory();
      writeExport(join(dir, 'a.csv'), 150_000, 'A');
      writeExport(join(dir, 'b.csv'), 150_000, 'B');
      const [a, b] = await Promise.all([
        finished(goals(['import', 'a.csv', ...LONG], dir)),
        finished(goals(['import', 'b.csv', ...LONG], dir)),
      ]);
      expect([a.code, a.err, b.code, b.err]).toEqual([0, '', 0, '']);
      expect(a.out).toBe(
        'Imported a.csv: 150,000 rows, 150,000 snapshots: 150,000 new, 0 updated, 0 unchanged.\n',
      );
      expect(inspectStore(join(dir, '.goals', 'goals.db'))).toEqual({
        integrity: 'ok',
        snapshots: 300_010,
        imports: 3,
      });
    }, 60_000);
  },
);
