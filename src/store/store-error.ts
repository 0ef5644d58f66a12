/**
 * SQLite's error codes turned into the stable codes of GoalsError, each with
 * a message naming the store and a hint saying what to do. The store file is
 * never deleted or rewritten to "fix" it.
 */
import { GoalsError } from '../core/errors.js';

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

function sqliteCode(error: unknown): string {
  const code = (error as SqliteLikeError | null)?.code;
  return typeof code === 'string' ? code : '';
}

const PERMISSION_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Whether an error (raw, or a GoalsError caused by it) says the store or its
 * folder may not be written or created: a read-only file, folder or disk.
 */
export function isPermissionError(error: unknown): boolean {
  const raw = error instanceof GoalsError ? error.cause : error;
  const code = sqliteCode(raw);
  return (
    PERMISSION_CODES.has(code) ||
    code === 'SQLITE_READONLY' ||
    code.startsWith('SQLITE_READONLY_') ||
    code === 'SQLITE_CANTOPEN' ||
    code.startsWith('SQLITE_CANTOPEN_') ||
    code === 'SQLITE_PERM'
  );
}

/**
 * A GoalsError for what SQLite reported about the store at `path`; errors
 * that are not about the store file (bugs) are returned unchanged.
 */
export function translateStoreError(error: unknown, path: string, timeoutMs: number): unknown {
  if (error instanceof GoalsError) return error;
  const code = sqliteCode(error);
  const detail = String((error as SqliteLikeError | null)?.message ?? error);
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new GoalsError(
      'DB_LOCKED',
      `The store ${path} is busy: another process kept it locked for more than ${formatSeconds(timeoutMs)}. Nothing was changed.`,
      {
        hint: 'Wait for the other `goals import` (or sync) to finish and run the command again.',
        cause: error,
      },
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')) {
    return new GoalsError(
      'DB_CORRUPT',
      `The store ${path} is not a goals database or is damaged (${detail}). It was left untouched.`,
      {
        hint: `Move it aside (e.g. rename it to ${path}.broken) and run \`goals import\` to rebuild the history from your exports, or restore it from a backup; --db PATH uses another file.`,
        cause: error,
      },
    );
  }
  if (
    code === 'SQLITE_CANTOPEN' ||
    code.startsWith('SQLITE_CANTOPEN_') ||
    code === 'SQLITE_READONLY' ||
    code.startsWith('SQLITE_READONLY_') ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_AUTH' ||
    code === 'SQLITE_FULL' ||
    code === 'SQLITE_IOERR' ||
    code.startsWith('SQLITE_IOERR_') ||
    code === 'ENOENT' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'ENOTDIR' ||
    code === 'EROFS' ||
    /directory does not exist/i.test(detail)
  ) {
    return new GoalsError('DB_UNREADABLE', `Cannot use the store ${path}: ${detail}.`, {
      hint:
        code === 'SQLITE_FULL'
          ? 'The disk is full: free some space and run the command again. Nothing was changed.'
          : 'Check that the folder exists and that you may read and write it, or point --db (or GOALS_DB) at another file.',
      cause: error,
    });
  }
  return error;
}

function formatSeconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
