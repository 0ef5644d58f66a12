/**
 * The prompt wrapper: questions rendered by @inquirer/testing with the
 * configs the wrapper builds (so what the user sees and what is refused is
 * tested on the real prompts), Ctrl-C mapped to CANCELLED, and the policy
 * for when nobody can be asked.
 */
import { input, search } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { checkTarget, checkTitle } from '../../src/core/build-goal.js';
import { buildCatalog } from '../../src/core/metrics.js';
import { GoalsError } from '../../src/core/errors.js';
import { metricChoices } from '../../src/cli/goal-coach.js';
import {
  createPrompter,
  inputConfig,
  searchConfig,
  withCancel,
  wrapNote,
} from '../../src/cli/prompts.js';
import { memoryIo } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';

const catalog = buildCatalog();
const csat = catalog.get('csat')!;

const validateWith =
  <T>(check: (t: string) => { ok: true; value: T } | { ok: false; message: string }) =>
  (t: string) => {
    const r = check(t);
    return r.ok ? (true as const) : r.message;
  };

describe('questions on the real prompts', () => {
  it('refuses a vague title under the prompt and takes the next answer', async () => {
    const { answer, events, getScreen } = await render(
      input,
      inputConfig({
        flag: '--title',
        message: 'Title',
        validate: validateWith((t) =>
          checkTitle(t, 'Raise CSAT from 78 % to 85 % by the end of Q1 2027'),
        ),
      }),
    );
    events.type('improve service');
    events.keypress('enter');
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 10));
    // The prompt wraps at 80 columns. Whether the space before the break is
    // kept depends on whether the prompt colours the message (not under CI),
    // and nobody sees it, so line ends are compared without it.
    expect(getScreen().replace(/ +$/gm, '')).toBe(
      [
        '? Title improve service',
        '> "improve service" says "improve" but not by how much: say how much and by',
        'when, e.g. "Raise CSAT from 78 % to 85 % by the end of Q1 2027".',
      ].join('\n'),
    );
    for (let i = 0; i < 'improve service'.length; i++) events.keypress('backspace');
    events.type('CSAT 85% by Q1 2027');
    events.keypress('enter');
    await expect(answer).resolves.toBe('CSAT 85% by Q1 2027');
  });

  it('refuses CSAT 120 % at the target prompt', async () => {
    const { answer, events, getScreen } = await render(
      input,
      inputConfig({
        flag: '--target',
        message: 'Target',
        validate: validateWith((t) =>
          checkTarget(t, { metric: csat, type: 'increase', baseline: 78 }),
        ),
      }),
    );
    events.type('120');
    events.keypress('enter');
    await new Promise((r) => setTimeout(r, 10));
    expect(getScreen()).toContain(
      '> 120 % is outside the range of Customer satisfaction (0 % to 100 %).',
    );
    events.keypress('backspace');
    events.keypress('backspace');
    events.keypress('backspace');
    events.type('85');
    events.keypress('enter');
    await expect(answer).resolves.toBe('85');
  });

  it('puts an editable proposal on the line', async () => {
    const { answer, events, getScreen } = await render(
      input,
      inputConfig({ flag: '--title', message: 'Title', default: 'CSAT 85% by Q1', editable: true }),
    );
    expect(getScreen()).toBe('? Title CSAT 85% by Q1');
    events.type(' 2027');
    events.keypress('enter');
    await expect(answer).resolves.toBe('CSAT 85% by Q1 2027');
  });

  it('shows other proposals greyed: Enter takes them, typing replaces them', async () => {
    const first = await render(
      input,
      inputConfig({ flag: '--owner', message: 'Owner', prefill: 'Maria' }),
    );
    expect(first.getScreen()).toBe('? Owner (Maria)');
    first.events.keypress('enter');
    await expect(first.answer).resolves.toBe('Maria');
    const second = await render(
      input,
      inputConfig({ flag: '--owner', message: 'Owner', prefill: 'Maria' }),
    );
    second.events.type('Elena');
    second.events.keypress('enter');
    await expect(second.answer).resolves.toBe('Elena');
  });

  it('finds a metric by a word of its name and shows its definition, or by a typo', async () => {
    const { answer, events, getScreen } = await render(
      search<string | { define: string }>,
      searchConfig({
        flag: '--metric',
        message: 'Metric',
        source: (t) => metricChoices(t, catalog),
      }),
    );
    events.type('satis');
    await new Promise((r) => setTimeout(r, 20));
    expect(getScreen()).toContain('❯ Customer satisfaction (csat)\n  Define a new metric "satis"…');
    expect(getScreen().replace(/\s*\n/g, ' ')).toContain(
      'Share of survey answers that are satisfied. · percent, higher is better, 0 % to 100 % · = satisfied ÷ rated × 100; 1–5 scale: 4–5 satisfied; Good/Bad: Good',
    );
    for (let i = 0; i < 5; i++) events.keypress('backspace');
    events.type('chrun');
    await new Promise((r) => setTimeout(r, 20));
    expect(getScreen()).toContain('❯ Customer churn (churn_rate)');
    events.keypress('enter');
    await expect(answer).resolves.toBe('churn_rate');
  });

  it('turns Ctrl-C into CANCELLED (exit 130)', async () => {
    const { answer, events } = await render(
      input,
      inputConfig({ flag: '--owner', message: 'Owner' }),
    );
    events.keypress({ name: 'c', ctrl: true });
    const error = await withCancel(answer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoalsError);
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Cancelled: nothing was written.' });
  });

  it('passes other errors through', async () => {
    await expect(withCancel(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});

describe('createPrompter when nobody can answer', () => {
  const io = (options: { isTTY?: boolean; env?: Record<string, string> } = {}) =>
    memoryIo({ cwd: tempDir(), ...options }).io;

  it('takes proposals, answers confirmations with their default, and names the flag otherwise', async () => {
    const prompter = createPrompter(io(), { noInput: true });
    expect(prompter.isInteractive).toBe(false);
    await expect(prompter.text({ flag: '--id', message: 'Id', default: 'csat-q1' })).resolves.toBe(
      'csat-q1',
    );
    await expect(prompter.confirm({ message: 'Add it?', default: true })).resolves.toBe(true);
    await expect(
      prompter.select({
        flag: '--type',
        message: 'Type',
        choices: [{ value: 'a', name: 'A' }],
        default: 'a',
      }),
    ).resolves.toBe('a');
    const error = await prompter
      .text({ flag: '--deadline', message: 'Deadline' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'NO_INPUT',
      message: '--deadline is required with --no-input.',
      hint: 'Pass --deadline, or run the command in a terminal to be asked.',
    });
  });

  it('never takes a pre-filled answer or a highlighted choice without asking', async () => {
    const prompter = createPrompter(io(), {});
    await expect(
      prompter.text({ flag: '--owner', message: 'Owner', prefill: 'Maria' }),
    ).rejects.toMatchObject({
      code: 'NO_INPUT',
      message: '--owner is required when not on a terminal.',
    });
    await expect(
      prompter.select({
        flag: '--objective',
        message: 'Objective',
        choices: [{ value: 'q', name: 'Q' }],
        highlight: 'q',
      }),
    ).rejects.toMatchObject({ message: '--objective is required when not on a terminal.' });
    await expect(
      prompter.search({ flag: '--metric', message: 'Metric', source: () => [] }),
    ).rejects.toMatchObject({ message: '--metric is required when not on a terminal.' });
  });

  it('does not ask in CI even on a terminal', async () => {
    const prompter = createPrompter(io({ isTTY: true, env: { CI: '1' } }), {});
    expect(prompter.isInteractive).toBe(false);
    await expect(prompter.text({ flag: '--target', message: 'Target' })).rejects.toMatchObject({
      message: '--target is required in CI (CI is set).',
    });
  });

  it('does not ask in a terminal that cannot redraw (TERM=dumb)', async () => {
    const prompter = createPrompter(io({ isTTY: true, env: { TERM: 'dumb' } }), {});
    expect(prompter.isInteractive).toBe(false);
    await expect(prompter.text({ flag: '--target', message: 'Target' })).rejects.toMatchObject({
      message: '--target is required in a terminal that cannot redraw (TERM=dumb).',
    });
  });

  it('with --yes on a terminal, takes proposals without asking', async () => {
    const prompter = createPrompter(io({ isTTY: true }), { yes: true });
    expect(prompter.isInteractive).toBe(true);
    await expect(
      prompter.text({ flag: '--title', message: 'Title', default: 'CSAT 85% by Q1' }),
    ).resolves.toBe('CSAT 85% by Q1');
    await expect(prompter.confirm({ message: 'Write?', default: true })).resolves.toBe(true);
  });
});

describe('notes between questions', () => {
  const note =
    '▲ That is more than the rule of thumb allows: unrealistic. About 89.5 % is a realistic step, judge by it.';

  it('wrap between words to the terminal width, under the text after a mark', () => {
    expect(wrapNote(note, 60)).toBe(
      [
        '▲ That is more than the rule of thumb allows: unrealistic.',
        '  About 89.5 % is a realistic step, judge by it.',
      ].join('\n'),
    );
    for (const line of wrapNote(note, 40).split('\n')) expect(line.length).toBeLessThan(40);
    expect(wrapNote(note, 40)).not.toMatch(/jud\n/);
  });

  it('are left whole off a terminal', () => {
    expect(wrapNote(note, undefined)).toBe(note);
  });
});
