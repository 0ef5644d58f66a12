/**
 * Everything the program touches of the outside world, passed in so the
 * whole CLI runs in-process in tests (`run(argv, memoryIo())`).
 */
import type { Readable } from 'node:stream';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
  hasColors?(): boolean;
}

export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: Readable & { isTTY?: boolean };
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The clock; core never reads it, commands pass `asOf` down. */
  now(): Date;
  /** Aborted on Ctrl-C / SIGTERM, so long work can stop cleanly. */
  signal?: AbortSignal;
}

/** Terminal width for layout: the stream's, else `COLUMNS`, else 80. */
export function terminalWidth(io: Io): number {
  const fromEnv = Number(io.env.COLUMNS);
  return io.stdout.columns ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80);
}

/**
 * Whether the user can answer prompts: TTYs on both ends, not in CI or
 * --no-input, and a terminal that can redraw (a prompt under TERM=dumb
 * cannot move the cursor, and Node's readline ignores backspace there).
 */
export function canPrompt(io: Io, noInput = false): boolean {
  return (
    !noInput &&
    !io.env.CI &&
    io.env.TERM !== 'dumb' &&
    Boolean(io.stdin.isTTY) &&
    Boolean(io.stderr.isTTY)
  );
}
