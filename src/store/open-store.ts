/**
 * Opens the snapshot store (DESIGN §5): better-sqlite3 with a busy timeout,
 * WAL and synchronous=NORMAL, migrated to the current schema. Writers create
 * the folder and the file; readers (check --no-sync, dry runs) open it
 * read-only, and work in a folder or on a file they may not write.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { GoalsError } from '../core/errors.js';
import { assertNotTooNew, migrate, readUserVersion, SCHEMA_VERSION } from './migrations.js';
import { SnapshotStore } from './snapshot-store.js';
import { isPermissionError, translateStoreError } from './store-error.js';

/** How long a command waits for another process's write lock before DB_LOCKED. */
export const DEFAULT_BUSY_TIMEOUT_MS = 15_000;

export interface OpenStoreOptions {
  /** Open for reading only (check, validate, dry runs): nothing is created or written. */
  readonly?: boolean;
  /**
   * With readonly: read a copy into memory, which may be written but is
   * never saved (validate syncs sources into it where it may not write).
   */
  copy?: boolean;
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
 * empty in-memory store for `:memory:`. A reader that SQLite cannot open in
 * place (a WAL store in a folder it may not write, where SQLite cannot make
 * its shared-memory file) or that no writer may migrate reads a copy in
 * memory instead. Throws GoalsError DB_LOCKED, DB_CORRUPT, DB_TOO_NEW or
 * DB_UNREADABLE; a store it cannot use is never changed.
 */
export function openStore(path: string, options: OpenStoreOptions = {}): SnapshotStore {
  const timeoutMs = options.timeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const shown = options.displayPath ?? path;
  const isMemory = path === ':memory:';
  const info = { path: shown, timeoutMs, readonly: Boolean(options.readonly) };
  let db: Database.Database | undefined;
  try {
    if (options.readonly && options.copy && !isMemory) {
      return readCopy(path, { ...info, readonly: false });
    }
    if (options.readonly && !isMemory) {
      let version: number;
      try {
        db = new Database(path, { readonly: true, fileMustExist: true, timeout: timeoutMs });
        version = readUserVersion(db);
      } catch (error) {
        if (!isPermissionError(error) || !existsSync(path)) throw error;
        db?.close();
        db = undefined;
        return readCopy(path, info);
      }
      assertNotTooNew(version, shown);
      if (version < SCHEMA_VERSION) {
        // An older store is brought up to date once by a writer, then read;
        // one that may not be written is read as an up-to-date copy.
        db.close();
        db = undefined;
        try {
          openStore(path, { ...options, readonly: false }).close();
        } catch (error) {
          if (!isPermissionError(error)) throw error;
          return readCopy(path, info);
        }
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
    return new SnapshotStore(db, info);
  } catch (error) {
    db?.close();
    throw translateStoreError(error, shown, timeoutMs);
  }
}

/**
 * A writer when the store, or the folder it would be created in, may be
 * written; else the existing store read-only; undefined when there is none
 * and none may be created. Nothing is created in a folder goals may not write.
 */
export function openStoreIfWritable(
  path: string,
  options: Omit<OpenStoreOptions, 'readonly'> = {},
): SnapshotStore | undefined {
  try {
    return openStore(path, options);
  } catch (error) {
    if (!isPermissionError(error)) throw error;
    return storeExists(path) ? openStore(path, { ...options, readonly: true }) : undefined;
  }
}

/**
 * The store read into memory and migrated there: for a store that cannot be
 * opened in place read-only. A write-ahead log with changes the file does
 * not hold yet cannot be read this way.
 */
function readCopy(path: string, info: ConstructorParameters<typeof SnapshotStore>[1]) {
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new GoalsError(
      'DB_UNREADABLE',
      `Cannot read the store ${info.path}: its latest changes are still in ${info.path}-wal, which only a process that may write the folder can fold into the store.`,
      {
        hint: 'Run any goals command once where the store may be written, or copy the folder somewhere you may write.',
      },
    );
  }
  const bytes = readFileSync(path);
  // A WAL store's header says so (bytes 18-19 = 2); an in-memory copy has no log.
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
  let db: Database.Database | undefined;
  try {
    db = new Database(bytes);
    assertNotTooNew(readUserVersion(db), info.path);
    migrate(db, info.path);
    return new SnapshotStore(db, info);
  } catch (error) {
    db?.close();
    throw translateStoreError(error, info.path, info.timeoutMs);
  }
}
