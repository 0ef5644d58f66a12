/**
 * The store's schema, one migration per version. `PRAGMA user_version` holds
 * the version; each migration runs in the same IMMEDIATE transaction as the
 * version bump, so a failed or interrupted migration leaves the file as it was.
 */
import type { Database } from 'better-sqlite3';
import { GoalsError } from '../core/errors.js';

/** Migration N (1-based) brings a store from version N-1 to N. Never edit a shipped one. */
export const MIGRATIONS: readonly string[] = [
  `
  -- Every run of \`goals import\` (or a sync) that wrote or would write snapshots.
  CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    source      TEXT,              -- source id in goals.yaml; NULL for a one-off file
    path        TEXT    NOT NULL,  -- the file, relative to goals.yaml when inside its folder
    sha256      TEXT    NOT NULL,  -- of the file's bytes
    mapping     TEXT    NOT NULL,  -- sha256 of the mapping used: a new mapping re-imports
    rows        INTEGER NOT NULL,  -- data rows read
    snapshots   INTEGER NOT NULL,  -- snapshots the rows held
    inserted    INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    skipped     INTEGER NOT NULL,  -- bad rows left out with --skip-invalid
    imported_at TEXT    NOT NULL   -- ISO 8601 instant
  ) STRICT;
  CREATE INDEX imports_by_source ON imports (source, sha256);

  -- One value of one metric for one segment on one date (DESIGN §5).
  CREATE TABLE snapshots (
    metric    TEXT    NOT NULL,
    segment   TEXT    NOT NULL,    -- canonical 'team=EMEA;channel=chat', '' = the whole team
    date      TEXT    NOT NULL,    -- YYYY-MM-DD
    value     REAL    NOT NULL,    -- in the metric's unit: seconds, 0-100 …
    import_id INTEGER NOT NULL,    -- the import that wrote this value
    PRIMARY KEY (metric, segment, date)
  ) STRICT, WITHOUT ROWID;

  -- Values a later import replaced: nothing is ever lost.
  CREATE TABLE revisions (
    id          INTEGER PRIMARY KEY,
    metric      TEXT    NOT NULL,
    segment     TEXT    NOT NULL,
    date        TEXT    NOT NULL,
    value       REAL    NOT NULL,  -- the value that was replaced
    import_id   INTEGER NOT NULL,  -- the import that had written it
    replaced_by INTEGER NOT NULL   -- the import that replaced it
  ) STRICT;
  CREATE INDEX revisions_by_key ON revisions (metric, segment, date);
  CREATE INDEX revisions_by_import ON revisions (replaced_by);

  -- In the database itself, so no code path can replace a value without a trace.
  CREATE TRIGGER keep_replaced_value AFTER UPDATE OF value ON snapshots
  WHEN old.value IS NOT new.value
  BEGIN
    INSERT INTO revisions (metric, segment, date, value, import_id, replaced_by)
    VALUES (old.metric, old.segment, old.date, old.value, old.import_id, new.import_id);
  END;
  `,
  `
  -- Who owns a snapshot: the source of goals.yaml whose file gives it (a sync
  -- makes a source's snapshots exactly what its file gives), or NULL for a
  -- one-off import. Until a source is synced again, its snapshots are owned
  -- by whichever import wrote them last.
  ALTER TABLE snapshots ADD COLUMN source TEXT;
  UPDATE snapshots SET source = (SELECT i.source FROM imports i WHERE i.id = snapshots.import_id);
  CREATE INDEX snapshots_by_source ON snapshots (source) WHERE source IS NOT NULL;

  -- exact = 1: after this import, its source's snapshots were exactly what the
  -- file gave. Imports recorded before this migration are not, so every source
  -- is read once more by the next sync.
  ALTER TABLE imports ADD COLUMN exact INTEGER NOT NULL DEFAULT 0;
  -- The file as the import found it, 'size mtime_ns ctime_ns inode' (decimal),
  -- so that a sync skips an unchanged file without reading it; NULL when the
  -- file had changed too recently for its times to be trusted.
  ALTER TABLE imports ADD COLUMN stat TEXT;

  -- A value its source's file no longer gives is deleted, and kept here too.
  ALTER TABLE revisions ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
  -- The deleting import is the newest: a merge records its import first,
  -- inside the same write transaction.
  CREATE TRIGGER keep_deleted_value AFTER DELETE ON snapshots
  BEGIN
    INSERT INTO revisions (metric, segment, date, value, import_id, replaced_by, deleted)
    VALUES (old.metric, old.segment, old.date, old.value, old.import_id,
            (SELECT max(id) FROM imports), 1);
  END;
  `,
  `
  -- A records source's snapshot (DESIGN §11) keeps the rows behind its value
  -- and whether the export covers its whole period; both NULL for a value
  -- read from a KPI file, which is not a sample.
  ALTER TABLE snapshots ADD COLUMN n INTEGER;
  ALTER TABLE snapshots ADD COLUMN partial INTEGER;  -- 1 partial, 0 whole, NULL not a sample
  ALTER TABLE revisions ADD COLUMN n INTEGER;        -- of the replaced or deleted value
  ALTER TABLE revisions ADD COLUMN partial INTEGER;

  -- A period that became complete, or gained rows, with the same value is an
  -- update too: the replaced n and partial are kept like a replaced value.
  DROP TRIGGER keep_replaced_value;
  CREATE TRIGGER keep_replaced_value AFTER UPDATE OF value, n, partial ON snapshots
  WHEN old.value IS NOT new.value OR old.n IS NOT new.n OR old.partial IS NOT new.partial
  BEGIN
    INSERT INTO revisions (metric, segment, date, value, import_id, replaced_by, n, partial)
    VALUES (old.metric, old.segment, old.date, old.value, old.import_id, new.import_id,
            old.n, old.partial);
  END;
  DROP TRIGGER keep_deleted_value;
  CREATE TRIGGER keep_deleted_value AFTER DELETE ON snapshots
  BEGIN
    INSERT INTO revisions (metric, segment, date, value, import_id, replaced_by, deleted, n, partial)
    VALUES (old.metric, old.segment, old.date, old.value, old.import_id,
            (SELECT max(id) FROM imports), 1, old.n, old.partial);
  END;

  -- Snapshots stored before this version have no n: every source is read
  -- once more by the next sync, which fills them in.
  UPDATE imports SET exact = 0;
  `,
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

export function readUserVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a store written by a newer goals: this build cannot know its schema. */
export function assertNotTooNew(version: number, path: string): void {
  if (version > SCHEMA_VERSION) {
    throw new GoalsError(
      'DB_TOO_NEW',
      `${path} was written by a newer version of goals (store version ${version}; this one understands up to ${SCHEMA_VERSION}). It was not changed.`,
      {
        hint: 'Upgrade goals (install a newer goals-as-code the way this one was installed), or point --db at another file.',
      },
    );
  }
}

/**
 * Brings the store up to SCHEMA_VERSION. The version is read again inside
 * the write transaction, so two processes opening a new store at once
 * migrate it once.
 */
export function migrate(db: Database, path: string): void {
  const initial = readUserVersion(db);
  assertNotTooNew(initial, path);
  if (initial === SCHEMA_VERSION) return;
  db.transaction(() => {
    const version = readUserVersion(db);
    assertNotTooNew(version, path);
    for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
