/**
 * Runs the CLI in-process on a pretend terminal, so interactive commands
 * can be answered key by key through the real @inquirer/prompts: stdin and
 * stderr say they are TTYs, keys are written as a terminal sends them
 * (`\r`, `\x1b[B`, `\x03`), and `waitFor` waits for a prompt to appear on
 * stderr before the next key is sent (keys typed between prompts are lost,
 * as in a real terminal).
 */
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { run } from '../../src/cli/run.js';
import type { Io } from '../../src/cli/io.js';

const KEYS = {
  enter: '\r',
  up: '\x1b[A',
  down: '\x1b[B',
  'ctrl-c': '\x03',
  'ctrl-u': '\x15',
  backspace: '\x7f',
} as const;

export type Key = keyof typeof KEYS;

export interface VirtualTerminal {
  /** Starts the command; await the promise for its exit code. */
  run(argv: string[]): Promise<number>;
  /** Waits until `text` appears on the screen after everything already waited for. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  type(text: string): void;
  press(key: Key): void;
  /** waitFor(prompt), then type the answer and press enter. */
  answer(prompt: string | RegExp, text: string): Promise<void>;
  /** Everything written to stderr (prompts included), without escape sequences. */
  screen(): string;
  stdout(): string;
}

export function virtualTerminal(options: {
  cwd: string;
  now?: Date;
  env?: Record<string, string | undefined>;
  /** Default 120. */
  columns?: number;
}): VirtualTerminal {
  let screen = '';
  let out = '';
  let seen = 0;
  const stdin = new PassThrough() as PassThrough & {
    isTTY: boolean;
    setRawMode: (mode: boolean) => unknown;
  };
  stdin.isTTY = true;
  stdin.setRawMode = () => stdin;
  // Inquirer ends its output stream after each prompt; a terminal never ends.
  class Screen extends Writable {
    isTTY = true;
    columns = options.columns ?? 120;
    rows = 40;
    override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
      screen += chunk.toString();
      callback();
    }
    override end(): this {
      return this;
    }
  }
  const stderr = new Screen();
  const io: Io = {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: stderr as unknown as Io['stderr'],
    stdin: stdin as unknown as Io['stdin'],
    cwd: options.cwd,
    env: { NO_COLOR: '1', ...options.env },
    now: () => options.now ?? new Date('2026-11-16T09:00:00Z'),
  };
  const plain = () => stripVTControlCharacters(screen);
  const term: VirtualTerminal = {
    run: (argv) => run(argv, io),
    async waitFor(text, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const rest = plain().slice(seen);
        const index =
          typeof text === 'string' ? rest.indexOf(text) : (text.exec(rest)?.index ?? -1);
        if (index >= 0) {
          seen += index + (typeof text === 'string' ? text.length : 1);
          // Let the prompt finish rendering and start listening for keys.
          await new Promise((resolve) => setTimeout(resolve, 5));
          return;
        }
        if (Date.now() > deadline) {
          throw new Error(`Timed out waiting for ${String(text)}. Screen:\n${plain().slice(seen)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    type(text) {
      stdin.write(text);
    },
    press(key) {
      stdin.write(KEYS[key]);
    },
    async answer(prompt, text) {
      await term.waitFor(prompt);
      term.type(text);
      term.press('enter');
    },
    screen: plain,
    stdout: () => out,
  };
  return term;
}
