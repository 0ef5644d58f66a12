/**
 * An error that stops a command: a stable code, a message saying what
 * happened and where the tool looked, and a hint saying how to fix it. The CLI
 * prints it and exits 2. Anything else that is thrown is a bug.
 */
import type { Finding } from './finding.js';

export type ErrorCode =
  | 'GOALS_FILE_NOT_FOUND'
  | 'GOALS_FILE_UNREADABLE'
  | 'GOALS_FILE_INVALID'
  | 'GOALS_FILE_TOO_LARGE'
  | 'GOALS_FILE_EXISTS'
  | 'GOALS_FILE_NOT_WRITABLE'
  | 'GOAL_NOT_FOUND'
  | 'USAGE'
  | 'DB_LOCKED'
  | 'DB_CORRUPT'
  | 'DB_TOO_NEW'
  | 'DB_UNREADABLE'
  | 'CSV_REJECTED'
  | 'CSV_UNREADABLE'
  /** A warehouse source's query failed: rejected, not a SELECT, too slow. */
  | 'QUERY_FAILED'
  /** A warehouse source's database could not be reached or refused the login. */
  | 'WAREHOUSE_UNREACHABLE'
  | 'NO_INPUT'
  | 'CANCELLED';

export class GoalsError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  /** Problems in the user's files behind the error, shown before it. */
  readonly findings: readonly Finding[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { hint?: string; cause?: unknown; findings?: readonly Finding[] } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'GoalsError';
    this.code = code;
    this.hint = options.hint;
    this.findings = options.findings ?? [];
  }
}

export function isGoalsError(error: unknown): error is GoalsError {
  return error instanceof GoalsError;
}

/** A source that cannot be read at all (a missing file, an unreachable database), not a bad one. */
export function isUnreadable(error: GoalsError): boolean {
  return error.code === 'CSV_UNREADABLE' || error.code === 'WAREHOUSE_UNREACHABLE';
}
