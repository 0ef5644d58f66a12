/**
 * The one door to @inquirer/prompts (as changesets wraps its prompts in
 * `cli-utilities.ts`): every question of `goals init`, `new` and `plan`
 * goes through a `Prompter`, which
 * - asks only when someone can answer (`canPrompt`: TTYs on stdin and
 *   stderr, no `CI`, no `--no-input`, not TERM=dumb); otherwise a question
 *   with a proposal takes the proposal and one without fails with NO_INPUT
 *   naming the flag that answers it, never a prompt hanging on a pipe;
 * - renders on stderr, so stdout stays for results;
 * - turns Ctrl-C into GoalsError('CANCELLED') (exit 130); commands write
 *   files only after the last question, so nothing has been written then;
 * - loads the prompt library only when it first asks (~85 ms of start-up).
 */
import type * as Inquirer from '@inquirer/prompts';
import { GoalsError } from '../core/errors.js';
import { displayWidth, wrapText } from '../report/text-width.js';
import type { Io } from './io.js';
import { canPrompt } from './io.js';

export interface Choice<T> {
  value: T;
  name: string;
  /** Shown under the list while the choice is highlighted. */
  description?: string;
  /** Shown after the question once chosen (default: the name). */
  short?: string;
  disabled?: boolean | string;
}

interface Question {
  message: string;
  /** The flag that answers this question instead, named when it cannot be asked. */
  flag: string;
  /** Why it has no proposal, said when it cannot be asked ("no snapshot of CSAT to take it from"). */
  why?: string;
}

export interface TextQuestion extends Question {
  /** A proposal: pre-filled, taken as is with --yes or when nobody can be asked. */
  default?: string;
  /** Offered when asked, but never taken without asking (an owner's name). */
  prefill?: string;
  /**
   * Put the proposal on the line to be edited (a long title); otherwise it
   * is shown greyed: Enter takes it, typing replaces it, Tab edits it.
   */
  editable?: boolean;
  /** `true`, or why the answer is refused (shown under the prompt, which asks again). */
  validate?: (text: string) => true | string;
}

export interface SelectQuestion<T> extends Question {
  choices: ReadonlyArray<Choice<T>>;
  /** A proposal: highlighted first, taken as is with --yes or when nobody can be asked. */
  default?: T;
  /** Highlighted first when asked, but never taken without asking (the only objective). */
  highlight?: T;
}

export interface SearchQuestion<T> extends Question {
  /** The choices for what has been typed so far. */
  source: (term: string) => ReadonlyArray<Choice<T>>;
}

export interface ConfirmQuestion {
  message: string;
  /** Also the answer with --yes or when nobody can be asked. */
  default: boolean;
}

export interface Prompter {
  /** Whether questions are really asked (else proposals are taken or NO_INPUT thrown). */
  readonly isInteractive: boolean;
  text(question: TextQuestion): Promise<string>;
  select<T>(question: SelectQuestion<T>): Promise<T>;
  search<T>(question: SearchQuestion<T>): Promise<T>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  /** A line of explanation between questions, on stderr. */
  note(text: string): void;
}

export interface PrompterOptions {
  /** --no-input. */
  noInput?: boolean | undefined;
  /** --yes: take every proposal without asking. */
  yes?: boolean | undefined;
}

type Library = typeof Inquirer;
let library: Promise<Library> | undefined;
const loadLibrary = (): Promise<Library> => (library ??= import('@inquirer/prompts'));

/** A prompter for the command's terminal (or for nobody, when it cannot ask). */
export function createPrompter(io: Io, options: PrompterOptions = {}): Prompter {
  const isInteractive = canPrompt(io, options.noInput ?? false);
  const yes = options.yes ?? false;
  const context = {
    input: io.stdin as NodeJS.ReadableStream,
    output: io.stderr as unknown as NodeJS.WritableStream,
    ...(io.signal ? { signal: io.signal } : {}),
  };
  const missing = (flag: string, why?: string): GoalsError =>
    missingAnswer(io, flag, { why, noInput: options.noInput });

  return {
    isInteractive,
    async text(q) {
      if (q.default !== undefined && (yes || !isInteractive)) return q.default;
      if (!isInteractive) throw missing(q.flag, q.why);
      const { input } = await loadLibrary();
      return withCancel(input(inputConfig(q), context));
    },
    async select<T>(q: SelectQuestion<T>) {
      if (q.default !== undefined && (yes || !isInteractive)) return q.default;
      if (!isInteractive) throw missing(q.flag);
      const { select } = await loadLibrary();
      return withCancel(select<T>(selectConfig(q), context));
    },
    async search<T>(q: SearchQuestion<T>) {
      if (!isInteractive) throw missing(q.flag);
      const { search } = await loadLibrary();
      return withCancel(search<T>(searchConfig(q), context));
    },
    async confirm(q) {
      if (yes || !isInteractive) return q.default;
      const { confirm } = await loadLibrary();
      return withCancel(confirm({ message: q.message, default: q.default }, context));
    },
    note(text) {
      io.stderr.write(`${wrapNote(text, io.stderr.isTTY ? io.stderr.columns : undefined)}\n`);
    },
  };
}

/** NO_INPUT: the question the flag answers cannot be asked here, and why. */
export function missingAnswer(
  io: Io,
  flag: string,
  options: { why?: string | undefined; noInput?: boolean | undefined; hint?: string },
): GoalsError {
  return new GoalsError(
    'NO_INPUT',
    `${flag} is required ${whyNoInput(io, options.noInput)}${options.why ? `: ${options.why}` : ''}.`,
    { hint: options.hint ?? `Pass ${flag}, or run the command in a terminal to be asked.` },
  );
}

/**
 * A note wrapped between words to the terminal's width (a terminal breaks
 * a long line mid-word), continued under its text after a leading mark
 * such as "▲ ". Off a terminal, lines are left whole.
 */
export function wrapNote(text: string, columns: number | undefined): string {
  if (!columns) return text;
  return text
    .split('\n')
    .map((line) => {
      // eslint-disable-next-line no-control-regex
      const lead = /^(?:\u001b\[[0-9;]*m)*\s*(?:[▲✔✖→•] )?/.exec(line)![0];
      const indent = displayWidth(lead);
      return lead + wrapText(line.slice(lead.length), columns - 1 - indent, indent);
    })
    .join('\n');
}

function whyNoInput(io: Io, noInput: boolean | undefined): string {
  if (noInput) return 'with --no-input';
  if (io.env.CI) return 'in CI (CI is set)';
  if (!io.stdin.isTTY || !io.stderr.isTTY) return 'when not on a terminal';
  return 'in a terminal that cannot redraw (TERM=dumb)';
}

/** The @inquirer/prompts `input` config for a question (exported for @inquirer/testing). */
export function inputConfig(q: TextQuestion) {
  const validate = q.validate;
  const shown = q.default ?? q.prefill;
  return {
    message: q.message,
    ...(shown
      ? { default: shown, prefill: q.editable ? ('editable' as const) : ('tab' as const) }
      : {}),
    ...(validate ? { validate: (text: string) => validate(text) } : {}),
  };
}

/** The @inquirer/prompts `select` config for a question. */
export function selectConfig<T>(q: SelectQuestion<T>) {
  return {
    message: q.message,
    choices: q.choices.map(toInquirerChoice),
    ...(q.default !== undefined || q.highlight !== undefined
      ? { default: q.default ?? q.highlight }
      : {}),
    pageSize: 10,
  };
}

/** The @inquirer/prompts `search` config for a question. */
export function searchConfig<T>(q: SearchQuestion<T>) {
  return {
    message: q.message,
    source: (term: string | undefined) => q.source(term ?? '').map(toInquirerChoice),
    pageSize: 10,
  };
}

function toInquirerChoice<T>(choice: Choice<T>) {
  return {
    value: choice.value,
    name: choice.name,
    ...(choice.description !== undefined ? { description: choice.description } : {}),
    ...(choice.short !== undefined ? { short: choice.short } : {}),
    ...(choice.disabled !== undefined ? { disabled: choice.disabled } : {}),
  };
}

/**
 * Ctrl-C (ExitPromptError) and an aborted signal (AbortPromptError, on
 * SIGTERM) become GoalsError('CANCELLED'): exit 130, nothing written.
 */
export async function withCancel<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof Error && CANCELLING.has(error.name)) {
      throw new GoalsError('CANCELLED', 'Cancelled: nothing was written.', { cause: error });
    }
    throw error;
  }
}

const CANCELLING = new Set(['ExitPromptError', 'AbortPromptError', 'CancelPromptError']);
