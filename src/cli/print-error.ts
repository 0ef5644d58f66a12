import type { ChalkInstance } from 'chalk';
import { isGoalsError } from '../core/errors.js';
import { sanitizeText } from '../core/text.js';
import { formatFindings } from '../report/findings.js';
import type { Io } from './io.js';

/** Prints an error that stopped a command and returns its exit code (2, or 130 when cancelled). */
export function printError(
  error: unknown,
  options: { io: Io; chalk: ChalkInstance; version: string; debug: boolean },
): number {
  const { io, chalk } = options;
  if (isGoalsError(error)) {
    if (error.code === 'CANCELLED') {
      io.stderr.write(`${sanitizeText(error.message)}\n`);
      return 130;
    }
    if (error.findings.length > 0) io.stderr.write(formatFindings(error.findings, { chalk }));
    // Messages quote file names, cells and values from the user's files.
    io.stderr.write(`${chalk.red('error')} ${sanitizeText(error.message)}\n`);
    if (error.hint) io.stderr.write(`  ${chalk.dim(sanitizeText(error.hint))}\n`);
    if (options.debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
  const message = sanitizeText(error instanceof Error ? error.message : String(error));
  io.stderr.write(
    `${chalk.red('goals hit a bug')} (version ${options.version}): ${message}\n` +
      `  Please report it with the command you ran${options.debug ? '' : ' and its output with --debug'}.\n`,
  );
  if (options.debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 2;
}
