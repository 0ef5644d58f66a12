/**
 * Opens the snapshot store (DESIGN §5): better-sqlite3 with a busy timeout,
 * WAL and synchronous=NORMAL, migrated to the current schema. Writers create
 * the folder and the file; readers (check, validate) open it read-only.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { assertNotTooNew, migrate, readUserVersion, SCHEMA_VERSION } from './migrations.js';
import { SnapshotStore } from './snapshot-store.js';
import { translateStoreError } from './store-error.js';

/** How long a command waits for another process's write lock before DB_LOCKED. */
export const DEFAULT_BUSY_TIMEOUT_MS = 15_000;

export interface OpenStoreOptions {
  /** Open for reading only (check, validate, dry runs): nothing is created or written. */
  readonly?: boolean;
  /** Busy timeout in milliseconds. Default DEFAULT_BUSY_TIMEOUT_MS. */
  timeoutMs?: number;
  /** The path as messages show it; default the path itself. */
  displayPath?: string;
}

/** Whether a store exists at `path`, without loading SQLite. */
export function storeExists(path: string): boolean {
  return path === ':memory:' || existsSync(path);
}

/**
 * Opens (and, for writers, creates and migrates) the store at `path`, or an
 * empty in-memory store for `:memory:`. Throws GoalsError DB_LOCKED,
 * DB_CORRUPT, DB_TOO_NEW or DB_UNREADABLE; a store it cannot use is never
 * changed.
 */
export function openStore(path: string, options: OpenStoreOptions = {}): SnapshotStore {
  const timeoutMs = options.timeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const shown = options.displayPath ?? path;
  const isMemory = path === ':memory:';
  let db: Database.Database | undefined;
  try {
    if (options.readonly && !isMemory) {
      db = new Database(path, { readonly: true, fileMustExist: true, timeout: timeoutMs });
      const version = readUserVersion(db);
      assertNotTooNew(version, shown);
      if (version < SCHEMA_VERSION) {
        // An older store is brought up to date once by a writer, then read.
        db.close();
        db = undefined;
        openStore(path, { ...options, readonly: false }).close();
        return openStore(path, options);
      }
    } else {
      if (!isMemory) mkdirSync(dirname(path), { recursive: true });
      db = new Database(path, { timeout: timeoutMs });
      // The first statement reads the header: a file that is not a database fails
      // here, before anything is written to it.
      assertNotTooNew(readUserVersion(db), shown);
      if (!isMemory) db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db, shown);
    }
    // Staging tables live in the temp database: on disk, so a large import
    // keeps a small, fixed page cache instead of the whole file in memory.
    db.pragma('temp_store = FILE');
    return new SnapshotStore(db, { path: shown, timeoutMs, readonly: Boolean(options.readonly) });
  } catch (error) {
    db?.close();
    throw translateStoreError(error, shown, timeoutMs);
  }
}
