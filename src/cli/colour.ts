/**
 * Colour is decided once, here, and passed to reporters: the flag, then
 * FORCE_COLOR, then NO_COLOR, then TERM=dumb, then whether the stream is a
 * colour TTY. (chalk 5 alone ignores NO_COLOR.) chalk itself is loaded only
 * when a command runs or an error is printed, not for `--version` or help.
 */
import type { ChalkInstance } from 'chalk';
import type { OutputStream } from './io.js';

export type ColourLevel = 0 | 1 | 2 | 3;

export function decideColour(
  /** false for --no-color; commander's default (true) means "decide". */
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  stream: OutputStream,
): ColourLevel {
  if (flag === false) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '' || force === 'true' || force === '1') return 1;
    const n = Number(force);
    return n >= 3 ? 3 : n >= 2 ? 2 : 1;
  }
  if (env.NO_COLOR) return 0;
  if (env.TERM === 'dumb') return 0;
  if (!stream.isTTY) return 0;
  return stream.hasColors?.() === false ? 0 : env.COLORTERM === 'truecolor' ? 3 : 1;
}

export async function makeChalk(level: ColourLevel): Promise<ChalkInstance> {
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}
