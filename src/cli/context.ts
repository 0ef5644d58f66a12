import type { ChalkInstance } from 'chalk';
import type { Io } from './io.js';
import type { ColourLevel } from './colour.js';

/** Options every command accepts (DESIGN §8). */
export interface GlobalOptions {
  config?: string;
  asOf?: string;
  db?: string;
  color?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

export interface CommandContext {
  io: Io;
  global: GlobalOptions;
  version: string;
  /** Colour for stdout and for stderr, decided once. */
  colour: ColourLevel;
  colourErr: ColourLevel;
  chalk: ChalkInstance;
  chalkErr: ChalkInstance;
}

/** What a command returns: the exit code (0, 1, 2 or 130). */
export type ExitCode = number;
