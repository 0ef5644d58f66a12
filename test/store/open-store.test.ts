import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { SnapshotBatch } from '../../src/store/snapshot-batch.js';
import { tempDir } from '../helpers/temp-dir.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const RECORD = {
  source: null,
  path: 'a.csv',
  sha256: 'abc',
  mapping: 'm',
  rows: 1,
  skipped: 0,
  importedAt: '2026-11-16T09:00:00.000Z',
};

describe('openStore', () => {
  it('creates the folder and a migrated store in WAL mode', () => {
    const dir = tempDir();
    const path = join(dir, '.goals', 'goals.db');
    openStore(path).close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['imports', 'revisions', 'snapshots']);
    const strict = db
      .prepare(
        "SELECT name FROM pragma_table_list WHERE strict = 1 AND schema = 'main' ORDER BY name",
      )
      .pluck()
      .all();
    expect(strict).toEqual(['imports', 'revisions', 'snapshots']);
    db.close();
  });

  it('works on :memory:', () => {
    const store = openStore(':memory:');
    const staging = store.stage();
    staging.add(
      SnapshotBatch.of([{ metric: 'csat', segment: '', date: '2026-10-05', value: 80, line: 2 }]),
    );
    expect(staging.settleDuplicates()).toEqual([]);
    store.merge([{ staging, record: RECORD }], { protectedSources: [] });
    expect(store.pointsOf('csat', '')).toEqual([{ date: '2026-10-05', value: 80 }]);
    store.close();
  });

  it('migrates an empty file, then opens it read-only', () => {
    const dir = tempDir({ 'empty.db': '' });
    const path = join(dir, 'empty.db');
    const reader = openStore(path, { readonly: true });
    expect(reader.countSnapshots()).toBe(0);
    reader.close();
    expect(new Database(path).pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('migrates a version 1 store: each snapshot owned by the source that wrote it, each source read again', () => {
    const dir = tempDir();
    const path = join(dir, 'v1.db');
    const db = new Database(path);
    db.exec(MIGRATIONS[0]!);
    db.exec(`
      INSERT INTO imports VALUES (1, 'a', 'a.csv', 'sha-a', 'm', 1, 1, 1, 0, 0, 0, '2026-11-01T00:00:00Z');
      INSERT INTO imports VALUES (2, NULL, 'x.csv', 'sha-x', 'm', 1, 1, 1, 0, 0, 0, '2026-11-02T00:00:00Z');
      INSERT INTO snapshots VALUES ('csat', '', '2026-10-05', 80, 1);
      INSERT INTO snapshots VALUES ('csat', '', '2026-10-12', 81, 2);
    `);
    db.pragma('user_version = 1');
    db.close();
    const store = openStore(path);
    expect(store.listSnapshots().map((s) => [s.date, s.value, s.source])).toEqual([
      ['2026-10-05', 80, 'a'],
      ['2026-10-12', 81, null],
    ]);
    // Not exact: the next sync reads source a whatever its stat or hash.
    expect(store.latestImport('a')).toMatchObject({ id: 1, exact: false, stat: null });
    store.close();
  });

  it('migrates a version 2 store: values without rows, each source read again to fill them in', () => {
    const dir = tempDir();
    const path = join(dir, 'v2.db');
    const db = new Database(path);
    db.exec(MIGRATIONS[0]!);
    db.exec(MIGRATIONS[1]!);
    db.exec(`
      INSERT INTO imports (id, source, path, sha256, mapping, rows, snapshots, inserted, updated,
        unchanged, skipped, imported_at, exact, stat)
      VALUES (1, 'zendesk', 't.csv', 'sha-t', 'm', 9, 1, 1, 0, 0, 0, '2026-11-01T00:00:00Z', 1, '1 2 3 4');
      INSERT INTO snapshots (metric, segment, date, value, import_id, source)
      VALUES ('csat', '', '2026-10-01', 80, 1, 'zendesk');
    `);
    db.pragma('user_version = 2');
    db.close();
    const store = openStore(path);
    expect(store.pointsOf('csat', '')).toEqual([{ date: '2026-10-01', value: 80 }]);
    expect(store.latestImport('zendesk')).toMatchObject({ id: 1, exact: false });
    store.close();
  });

  it('refuses a store written by a newer version and leaves it untouched', () => {
    const dir = tempDir();
    const path = join(dir, 'new.db');
    const db = new Database(path);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = sha(path);
    for (const readonly of [false, true]) {
      expect(() => openStore(path, { readonly, displayPath: 'new.db' })).toThrow(
        expect.objectContaining({
          code: 'DB_TOO_NEW',
          message: `new.db was written by a newer version of goals (store version ${SCHEMA_VERSION + 1}; this one understands up to ${SCHEMA_VERSION}). It was not changed.`,
        }),
      );
    }
    expect(sha(path)).toBe(before);
  });

  it('reports a file that is not a database by its path and never overwrites it', () => {
    const dir = tempDir();
    const path = join(dir, 'goals.db');
    writeFileSync(path, 'these are notes, not a database\n'.repeat(200));
    const before = sha(path);
    for (const readonly of [false, true]) {
      let error: unknown;
      try {
        openStore(path, { readonly, displayPath: '.goals/goals.db' });
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({
        code: 'DB_CORRUPT',
        message:
          'The store .goals/goals.db is not a goals database or is damaged (file is not a database). It was left untouched.',
        hint: 'Move it aside (e.g. rename it to .goals/goals.db.broken) and run `goals import` to rebuild the history from your exports, or restore it from a backup; --db PATH uses another file.',
      });
    }
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('reports a store that cannot be opened read-only because it is missing', () => {
    const dir = tempDir();
    expect(() =>
      openStore(join(dir, 'none.db'), { readonly: true, displayPath: 'none.db' }),
    ).toThrow(expect.objectContaining({ code: 'DB_UNREADABLE' }));
  });

  it('waits for a writer up to the busy timeout, then says the store is locked and changes nothing', () => {
    const dir = tempDir();
    const path = join(dir, 'goals.db');
    openStore(path).close();
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const store = openStore(path, { timeoutMs: 150, displayPath: 'goals.db' });
    const staging = store.stage();
    staging.add(
      SnapshotBatch.of([{ metric: 'csat', segment: '', date: '2026-10-05', value: 80, line: 2 }]),
    );
    staging.settleDuplicates();
    const started = Date.now();
    expect(() => store.merge([{ staging, record: RECORD }], { protectedSources: [] })).toThrow(
      expect.objectContaining({
        code: 'DB_LOCKED',
        message:
          'The store goals.db is busy: another process kept it locked for more than 150 ms. Nothing was changed.',
      }),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    other.exec('ROLLBACK');
    other.close();
    expect(store.countSnapshots()).toBe(0);
    expect(store.listImports()).toEqual([]);
    store.close();
  });
});
