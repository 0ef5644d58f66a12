/**
 * Runs the CLI in-process: `await runCli(['validate'], { cwd })` →
 * `{ code, stdout, stderr }`. No colour, 80 columns, a fixed clock.
 */
import { Readable } from 'node:stream';
import { run } from '../../src/cli/run.js';
import type { Io, OutputStream } from '../../src/cli/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface MemoryIoOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Default 2026-11-16T09:00:00Z (a Monday). */
  now?: Date;
  columns?: number;
  stdin?: string;
  isTTY?: boolean;
}

export function memoryIo(options: MemoryIoOptions): {
  io: Io;
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  const stdout: OutputStream = {
    write: (s: string) => (out += s),
    isTTY: options.isTTY ?? false,
    ...(options.columns !== undefined ? { columns: options.columns } : {}),
  };
  const stderr: OutputStream = { write: (s: string) => (err += s), isTTY: options.isTTY ?? false };
  const stdin = Readable.from(options.stdin === undefined ? [] : [options.stdin]) as Io['stdin'];
  stdin.isTTY = options.isTTY ?? false;
  const io: Io = {
    stdout,
    stderr,
    stdin,
    cwd: options.cwd,
    env: { NO_COLOR: '1', ...options.env },
    now: () => options.now ?? new Date('2026-11-16T09:00:00Z'),
  };
  return { io, out: () => out, err: () => err };
}

export async function runCli(argv: string[], options: MemoryIoOptions): Promise<CliResult> {
  const { io, out, err } = memoryIo(options);
  const code = await run(argv, io);
  return { code, stdout: out(), stderr: err() };
}
