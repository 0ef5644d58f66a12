/**
 * `goals init` and `goals new` in a real terminal: the built CLI runs in a
 * tmux pane (a real pseudo-terminal, raw mode, escape sequences), keys are
 * sent with `send-keys`, the screen is read with `capture-pane`. Skipped
 * when tmux is not installed. `npm test` builds dist/ first; run alone,
 * `npm run build` before. With GOALS_TMUX_TRANSCRIPT=FILE the whole pane is
 * saved there (scripts/tmux-e2e.sh prints it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'goals.js');
const SESSION = `goals-e2e-${process.pid}`;
const AS_OF = '--as-of 2026-11-16';

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

/** The whole pane, scrollback included, wrapped lines joined. */
function capture(): string {
  return tmux('capture-pane', '-p', '-J', '-t', SESSION, '-S', '-', '-E', '-');
}

/**
 * How many times each awaited text has been seen: prompts are redrawn in
 * place (a list collapses to one line once answered), so positions move,
 * but each new prompt adds one more occurrence of its text.
 */
const seen = new Map<string, number>();
const occurrences = (screen: string, text: string) => screen.split(text).length - 1;

/** Waits for one more occurrence of `text` on the pane than was waited for before. */
async function waitFor(text: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const wanted = (seen.get(text) ?? 0) + 1;
  for (;;) {
    const screen = capture();
    if (occurrences(screen, text) >= wanted) {
      seen.set(text, wanted);
      // Let the prompt finish drawing and start reading keys.
      await new Promise((r) => setTimeout(r, 150));
      return;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${JSON.stringify(text)}. Pane:\n${screen}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function keys(...k: string[]): void {
  tmux('send-keys', '-t', SESSION, ...k);
}
function type(text: string): void {
  tmux('send-keys', '-t', SESSION, '-l', text);
}
async function answer(prompt: string, text: string): Promise<void> {
  await waitFor(prompt);
  type(text);
  keys('Enter');
}
async function enter(prompt: string): Promise<void> {
  await waitFor(prompt);
  keys('Enter');
}
/**
 * Picks a list entry: a list collapses to one line once answered, so an
 * entry on the pane is always the live one (seen counts do not apply).
 */
async function choose(entry: string): Promise<void> {
  seen.delete(entry);
  await enter(entry);
}
/** Runs a shell command in the pane and waits for its exit code. */
async function shell(command: string): Promise<void> {
  type(command);
  keys('Enter');
}

describe.skipIf(!hasTmux)('goals init and goals new in a real terminal (tmux)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'goals-tmux-'));
    tmux(
      'new-session',
      '-d',
      '-s',
      SESSION,
      '-x',
      '100',
      '-y',
      '50',
      '-c',
      dir,
      'env',
      '-i',
      `PATH=${process.env.PATH ?? '/usr/bin:/bin'}`,
      `HOME=${dir}`,
      'TERM=xterm-256color',
      'NO_COLOR=1',
      'TZ=Europe/Sofia',
      'bash',
      '--norc',
      '--noprofile',
    );
    tmux('set-option', '-t', SESSION, 'history-limit', '10000');
    // No history file: bash would write it into the folder when the session is killed, racing its removal.
    type(`PS1='$ '; unset HISTFILE; goals() { node ${BIN} "$@"; }; clear`);
    keys('Enter');
  });

  afterAll(() => {
    const transcript = process.env.GOALS_TMUX_TRANSCRIPT;
    if (transcript) writeFileSync(transcript, capture());
    spawnSync('tmux', ['kill-session', '-t', SESSION]);
    // The shell in the pane may still be exiting: retry a folder it keeps busy.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  it('goals init asks, catches vague answers, writes a goals.yaml that validates', async () => {
    await shell(`goals init ${AS_OF}`);
    await answer('Team: whose goals are these?', 'Support EMEA');
    // A typo in the time zone gets a did-you-mean.
    await waitFor('Time zone');
    keys('C-u');
    type('Europe/Sofa');
    keys('Enter');
    await waitFor('"Europe/Sofa" is not an IANA time zone; did you mean Europe/Sofia?');
    keys('C-u');
    type('Europe/Sofia');
    keys('Enter');
    await enter('The fiscal year starts in');
    await answer('Objective 1: what does the team want to achieve?', 'Customers get help fast');
    await enter('Its id');
    await enter('Add another objective?');
    // No helpdesk export yet: Enter skips it.
    await enter('Data: a helpdesk, call or survey export');
    await enter('Add a first goal now?');
    await waitFor('Metric: type to search');
    type('satis');
    await enter('❯ Customer satisfaction (csat)');
    await enter('Segment');
    await enter('Kind of goal');
    // 0.78 for CSAT is a ratio, not 0.78 %: refused where it is typed.
    await answer('Baseline: where is CSAT now?', '0.78');
    await waitFor('0.78 looks like a ratio, but Customer satisfaction is a percentage (0–100)');
    keys('C-u');
    type('78');
    keys('Enter');
    // CSAT 100 %: caught at once.
    await answer('Target:', '100');
    await waitFor('100 % is the best Customer satisfaction can ever be');
    await enter('Keep 100 % anyway? (y/N)');
    await answer('Target:', '95');
    // …next month: the pace is caught too.
    await waitFor('❯ 2026-Q4 (ends 2026-12-31)');
    keys('Up');
    await enter('❯ Another quarter or a date…');
    await answer('Deadline: a quarter', '2026-12-16');
    await enter('Start: when the work starts (today)');
    await waitFor(
      'That is more than the rule of thumb allows: unrealistic. About 89.5 % is a realistic step.',
    );
    await enter('❯ Aim for 89.5 % instead (realistic)');
    await enter('Objective: what is this goal for?');
    await answer('Owner: who is accountable for this goal?', 'Maria Ivanova');
    // A vague title: caught at the prompt.
    await waitFor('Title (edit it if you like');
    keys('C-u');
    type('improve service');
    keys('Enter');
    await waitFor('"improve service" says "improve" but not by how much');
    keys('C-u');
    type('Reach 89.5% CSAT before the holidays (2026-12-16)');
    keys('Enter');
    await enter('Id (short');
    await enter('Create goals.yaml with this goal?');
    await waitFor("✔ Created goals.yaml and goals.schema.json with goal 'csat-2026-q4'.");
    await shell('echo "exit=$?"');
    await waitFor('exit=0');

    const text = readFileSync(join(dir, 'goals.yaml'), 'utf8');
    expect(text).toBe(
      [
        '# yaml-language-server: $schema=./goals.schema.json',
        '#',
        '# Goals of Support EMEA. `goals new` adds a SMART goal, `goals validate` checks them,',
        '# `goals check` shows where each one stands (after `goals import`).',
        'version: 1',
        '',
        'settings:',
        '  timezone: Europe/Sofia',
        '  fiscal_year_start: 1',
        '',
        'objectives:',
        '  - id: customers-help-fast',
        '    title: Customers get help fast',
        '',
        'goals:',
        '  - id: csat-2026-q4',
        '    title: Reach 89.5% CSAT before the holidays (2026-12-16)',
        '    owner: Maria Ivanova',
        '    objective: customers-help-fast',
        '    metric: csat',
        '    baseline: 78',
        '    target: 89.5',
        '    start: 2026-11-16',
        '    deadline: 2026-12-16',
        '',
      ].join('\n'),
    );
  });

  it('Ctrl-C in goals new leaves goals.yaml as it was and exits 130', async () => {
    const before = readFileSync(join(dir, 'goals.yaml'), 'utf8');
    await shell(`goals new ${AS_OF}`);
    await waitFor('Metric: type to search');
    type('fcr');
    await enter('❯ First contact resolution (fcr)');
    await enter('Data: no source in goals.yaml gives First contact resolution');
    await waitFor('Segment');
    keys('C-c');
    await waitFor('Cancelled: nothing was written.');
    await shell('echo "exit=$?"');
    await waitFor('exit=130');
    expect(readFileSync(join(dir, 'goals.yaml'), 'utf8')).toBe(before);
  });

  it('goals new adds a goal with a new objective; goals validate passes', async () => {
    await shell(`goals new ${AS_OF}`);
    await waitFor('Metric: type to search');
    type('first res');
    await enter('❯ First response time (first_response_time)');
    await enter('Data: no source in goals.yaml gives First response time');
    await answer('Segment', 'team=EMEA');
    await enter('Kind of goal');
    await answer('Baseline: where is first response time now?', '5h');
    await answer('Target:', '4h');
    await waitFor('❯ 2026-Q4');
    keys('Down', 'Down');
    await enter('❯ 2027-Q2 (ends 2027-06-30)');
    await enter('Start: when the work starts (the next quarter)');
    await waitFor('That is within the rule of thumb: achievable.');
    await waitFor('Objective: what is this goal for?');
    keys('Down');
    await enter('❯ A new objective…');
    await answer(
      'Objective: what does the team want to achieve?',
      'Answer every customer within a working day',
    );
    await enter('Objective id');
    // The last goal's owner is offered; typing replaces it.
    await answer('Owner: who is accountable for this goal?', 'Elena Dimitrova');
    await enter('Add milestones (2027-03-31=4h31m)?');
    await enter('Milestones, date=target');
    await enter('Title (edit it if you like');
    await enter('Id (short');
    await enter('Add this goal to goals.yaml?');
    await waitFor("✔ Added goal 'first-response-time-emea-2027-q2' to goals.yaml:28.");
    await shell(`goals validate ${AS_OF}; echo "exit=$?"`);
    await waitFor('2 goals, 0 fully SMART; 0 errors, 2 warnings');
    await waitFor('exit=0');
    const text = readFileSync(join(dir, 'goals.yaml'), 'utf8');
    expect(text).toContain(
      [
        'objectives:',
        '  - id: customers-help-fast',
        '    title: Customers get help fast',
        '  - id: answer-customer-within',
        '    title: Answer every customer within a working day',
      ].join('\n'),
    );
    expect(text.slice(text.indexOf('  - id: first-response-time-emea-2027-q2'))).toBe(
      [
        '  - id: first-response-time-emea-2027-q2',
        '    title: Cut first response time for team EMEA from 5 h to 4 h by the end of Q2 2027',
        '    owner: Elena Dimitrova',
        '    objective: answer-customer-within',
        '    metric: first_response_time',
        '    segment: { team: EMEA }',
        '    baseline: 5h',
        '    target: 4h',
        '    start: 2027-01-01',
        '    deadline: 2027-Q2',
        '    milestones:',
        '      - { date: 2027-03-31, target: 4h31m }',
        '',
      ].join('\n'),
    );
  });
  it('goals new asks S, M, A, R in order, offers a realistic later deadline, wraps at 100 columns', async () => {
    await shell(`goals new ${AS_OF}`);
    await waitFor('Metric: type to search');
    type('first res');
    await choose('❯ First response time (first_response_time)');
    await enter('Data: no source in goals.yaml gives First response time');
    await enter('Segment');
    // Lower is better: raising first response time is not offered.
    seen.delete('❯ bring first response time down to a target');
    await waitFor('❯ bring first response time down to a target');
    await waitFor('  keep first response time at or below a level the whole time');
    expect(capture()).not.toContain('raise first response time');
    keys('Enter');
    await answer('Baseline: where is first response time now?', '5h');
    await answer('Target:', '3h');
    await choose('❯ 2026-Q4 (ends 2026-12-31)');
    await enter('Start: when the work starts (today)');
    // The note is wrapped between words at the pane's 100 columns.
    await waitFor(
      'From 5 h to 3 h by 2026-12-31 is a change of 40 % of the baseline, 27 % per month (no history to\njudge by, so the rule of thumb: at most 50 % in all and 15 % per month).',
    );
    await waitFor('About 3 h 54 m is a realistic step.');
    seen.delete('❯ Aim for 3 h 54 m instead (realistic)');
    await waitFor('❯ Aim for 3 h 54 m instead (realistic)');
    keys('Down', 'Down');
    await choose('❯ Choose a later deadline (3 h is realistic by 2027-Q1, ending 2027-03-31)');
    await choose('❯ 2027-Q1 (ends 2027-03-31) — realistic');
    await enter('Start: when the work starts (the next quarter)');
    await waitFor('That is within the rule of thumb: achievable.');
    await enter('Objective: what is this goal for?');
    await enter('Owner: who is accountable for this goal?');
    await enter('Title (edit it if you like');
    await enter('Id (short');
    await enter('Add this goal to goals.yaml?');
    await waitFor("✔ Added goal 'first-response-time-2027-q1' to goals.yaml");
    const screen = capture();
    const headings = screen
      .split('\n')
      .filter((l) => /^([SMART] [A-Z][a-z-]+:|The goal in words)/.test(l));
    expect(headings.slice(-5)).toEqual([
      'S Specific: what exactly will change, and for whom?',
      'M Measurable: where is it now, and where should it be?',
      'A Achievable: by when, and can the team get there at that pace?',
      'R Relevant: what is it for, and who is accountable?',
      'The goal in words',
    ]);
    // No question or note is broken by the terminal: each line of them fits the 100 columns.
    const asked = screen.slice(
      screen.lastIndexOf('$ goals new'),
      screen.lastIndexOf('  id: first-response-time-2027-q1'),
    );
    expect(asked).toContain('The goal in words');
    for (const line of asked.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    const text = readFileSync(join(dir, 'goals.yaml'), 'utf8');
    expect(text.slice(text.indexOf('  - id: first-response-time-2027-q1'))).toBe(
      [
        '  - id: first-response-time-2027-q1',
        '    title: Cut first response time from 5 h to 3 h by the end of Q1 2027',
        // The last goal's owner is proposed.
        '    owner: Elena Dimitrova',
        '    objective: customers-help-fast',
        '    metric: first_response_time',
        '    baseline: 5h',
        '    target: 3h',
        '    deadline: 2027-Q1',
        '',
      ].join('\n'),
    );
  });

  it('goals init reads a Zendesk export: preset recognised, source written, baseline from it', async () => {
    // Tickets created 2-12 Nov 2026; CSAT of team Support by hand: week of
    // 2 Nov, Good + Bad = 50 %; week of 9 Nov partial (never the baseline).
    const project = join(dir, 'helpdesk');
    mkdirSync(join(project, 'exports'), { recursive: true });
    copyFileSync(
      join(import.meta.dirname, '..', 'fixtures', 'records', 'zendesk-weekly', 'tickets.csv'),
      join(project, 'exports', 'tickets.csv'),
    );
    await shell(`cd helpdesk && goals init ${AS_OF}`);
    await answer('Team: whose goals are these?', 'Support');
    await enter('Time zone');
    await enter('The fiscal year starts in');
    await answer('Objective 1: what does the team want to achieve?', 'Customers are happy');
    await enter('Its id');
    await enter('Add another objective?');
    // A path that is not there is refused where it is typed.
    await answer('Data: a helpdesk, call or survey export', 'exports/ticket.csv');
    await waitFor('There is no file exports/ticket.csv.');
    keys('C-u');
    type('exports/tickets.csv');
    keys('Enter');
    await waitFor('Zendesk ticket export (preset: zendesk), 11 columns.');
    await choose('❯ week');
    await answer('Time zone of its timestamps', '');
    // A column the export does not have: refused with the columns it has.
    await waitFor('Segments: key=Column');
    keys('C-u');
    type('team=Grp');
    keys('Enter');
    await waitFor('team=Grp: the export has no column "Grp"');
    keys('C-u');
    type('team=Group');
    keys('Enter');
    await waitFor('Read 7 rows, week snapshots from 2026-11-02 to 2026-11-09.');
    await waitFor('Per team (column Group), and for the whole team.');
    await enter('Add a first goal now?');
    await waitFor('Metric: type to search');
    type('satis');
    await choose('❯ Customer satisfaction (csat)');
    await answer('Segment', 'team=Support');
    await enter('Kind of goal');
    await enter('Baseline: CSAT now (latest snapshot, 2026-11-02: 50 %)');
    await answer('Target:', '70');
    seen.delete('❯ 2026-Q4 (ends 2026-12-31)');
    await waitFor('❯ 2026-Q4 (ends 2026-12-31)');
    keys('Down');
    await choose('❯ 2027-Q1 (ends 2027-03-31)');
    await enter('Start: when the work starts');
    await enter('Objective: what is this goal for?');
    await answer('Owner: who is accountable for this goal?', 'Maria');
    await enter('Title (edit it if you like');
    await enter('Id (short');
    await enter('Create goals.yaml with this goal?');
    await waitFor("✔ Created goals.yaml and goals.schema.json with source 'zendesk' and goal");
    await shell('echo "exit=$?"; cd ..');
    await waitFor('exit=0');
    const text = readFileSync(join(project, 'goals.yaml'), 'utf8');
    expect(text.slice(text.indexOf('sources:'))).toBe(
      [
        'sources:',
        '  - id: zendesk',
        '    path: exports/tickets.csv',
        '    layout: records',
        '    preset: zendesk',
        '    period: week',
        '    segments: { team: Group }',
        '',
        'goals:',
        '  - id: csat-support-2027-q1',
        '    title: Raise CSAT for team Support from 50 % to 70 % by the end of Q1 2027',
        '    owner: Maria',
        '    objective: customers-happy',
        '    metric: csat',
        '    segment: { team: Support }',
        '    baseline: { value: 50, date: 2026-11-02 }',
        '    target: 70',
        '    deadline: 2027-Q1',
        '',
      ].join('\n'),
    );
  }, 60_000);
});
