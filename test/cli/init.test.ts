import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';
import { virtualTerminal } from '../helpers/virtual-terminal.js';

/** `goals validate --format json`: exit code, error count and the rules that fired. */
async function validate(dir: string) {
  const r = await runCli(['validate', '--format', 'json'], { cwd: dir });
  const json = JSON.parse(r.stdout) as {
    summary: { errors: number };
    findings: Array<{ rule: string }>;
  };
  return { code: r.code, errors: json.summary.errors, rules: json.findings.map((f) => f.rule) };
}

const read = (dir: string, name = 'goals.yaml') => readFileSync(join(dir, name), 'utf8');

describe('goals init --template customer-service', () => {
  it('writes a starter set for the quarters after today that validates with no errors', async () => {
    const dir = tempDir();
    // The clock says 2026-11-16: the goals are for 2027-Q1 and 2027-Q2.
    const r = await runCli(
      ['init', '--template', 'customer-service', '--timezone', 'Europe/Sofia'],
      {
        cwd: dir,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '✔ Created goals.yaml (5 starter goals for a support team: first response time, replies within SLA, CSAT, first contact resolution, churn) and goals.schema.json.\n' +
        '  The baselines are typical values: put in your own, then `goals validate`; `goals new` adds more.\n',
    );
    const text = read(dir);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '# yaml-language-server: $schema=./goals.schema.json',
      '#',
      '# Starter goals for a customer-support team, written by',
      '# `goals init --template customer-service` on 2026-11-16.',
    ]);
    expect(text).toContain(
      '\nversion: 1\n\nsettings:\n  timezone: Europe/Sofia\n  fiscal_year_start: 1\n',
    );
    expect([...text.matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1])).toEqual([
      'fast-help',
      'quality',
      'retention',
      'first-response-2027-q1',
      'sla-90-2027-q1',
      'csat-85-2027-q1',
      'fcr-75-2027-q2',
      'churn-2pct-2027-q2',
    ]);
    expect(text).toContain(
      '    start: 2027-Q1\n    deadline: 2027-Q2\n    milestones:\n      - { date: 2027-03-31, target: 71.5 }\n',
    );
    // Only "no data yet", which importing an export will fix.
    expect(await validate(dir)).toEqual({
      code: 0,
      errors: 0,
      rules: Array(5).fill('measurable/has-data'),
    });
    const schema = await runCli(['schema'], { cwd: dir });
    expect(read(dir, 'goals.schema.json')).toBe(schema.stdout);
  });

  it('counts quarters from the fiscal year start', async () => {
    const dir = tempDir();
    const r = await runCli(
      ['init', '--template', 'customer-service', '--timezone', 'UTC', '--fiscal-year-start', '4'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const text = read(dir);
    // 2026-11-16 is in fiscal 2026-Q3 (October–December): next come 2026-Q4 and 2027-Q1.
    expect(text).toContain('  - id: first-response-2026-q4\n');
    expect(text).toContain(
      '    title: Cut first response time from 6 h to 4 h by the end of Q4 2026\n',
    );
    expect(text).toContain('      - { date: 2027-03-31, target: 71.5 }\n');
    expect((await validate(dir)).errors).toBe(0);
  });

  it('says which templates there are', async () => {
    const dir = tempDir();
    const r = await runCli(['init', '--template', 'customer-servce'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error --template customer-servce: there is no such template; did you mean 'customer-service'?\n" +
        '  Templates: customer-service (a support team: first response time, replies within SLA, CSAT, first contact resolution, churn).\n',
    );
    expect(existsSync(join(dir, 'goals.yaml'))).toBe(false);
  });
});

describe('goals init', () => {
  it.each(['goals.yaml', 'goals.yml'])('never overwrites an existing %s', async (name) => {
    const dir = tempDir({ [name]: '# mine\nversion: 1\n' });
    const r = await runCli(['init', '--template', 'customer-service'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error ${name} already exists; \`goals init\` never overwrites it.\n` +
        '  Add goals to it with `goals new`, or run `goals init` in another folder.\n',
    );
    expect(read(dir, name)).toBe('# mine\nversion: 1\n');
    expect(existsSync(join(dir, 'goals.schema.json'))).toBe(false);
  });

  it('is scriptable by flags', async () => {
    const dir = tempDir();
    const r = await runCli(
      [
        'init',
        '--team',
        'Support EMEA',
        '--timezone',
        'Europe/Sofia',
        '--fiscal-year-start',
        '4',
        '--objective',
        'fast-help=Customers get help fast',
        '--objective',
        'quality=Problems are solved right the first time',
        '--no-input',
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(dir)).toBe(
      [
        '# yaml-language-server: $schema=./goals.schema.json',
        '#',
        '# Goals of Support EMEA. `goals new` adds a SMART goal, `goals validate` checks them,',
        '# `goals check` shows where each one stands (after `goals import`).',
        'version: 1',
        '',
        'settings:',
        '  timezone: Europe/Sofia',
        '  fiscal_year_start: 4',
        '',
        'objectives:',
        '  - id: fast-help',
        '    title: Customers get help fast',
        '  - id: quality',
        '    title: Problems are solved right the first time',
        '',
        'goals: []',
        '',
      ].join('\n'),
    );
    expect(await validate(dir)).toEqual({ code: 0, errors: 0, rules: [] });
  });

  it('writes where -c says, creating the folder', async () => {
    const dir = tempDir();
    const r = await runCli(['init', '-c', 'team/goals.yaml', '--timezone', 'UTC', '--no-input'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('✔ Created team/goals.yaml and team/goals.schema.json.');
    expect(existsSync(join(dir, 'team', 'goals.schema.json'))).toBe(true);
  });

  it.each([
    [
      ['--timezone', 'Europe/Sofa'],
      'error --timezone Europe/Sofa: "Europe/Sofa" is not an IANA time zone; did you mean Europe/Sofia?\n',
    ],
    [
      ['--fiscal-year-start', '13'],
      'error --fiscal-year-start 13: write the month the fiscal year starts in, 1-12 (4 = April).\n',
    ],
    [
      ['--objective', 'fast help=Help'],
      "error --objective fast help=Help: \"fast help\" is not an objective id: it has a space; ids use only ASCII letters (a-z, A-Z), digits, '-' and '_'.\n",
    ],
    [
      ['--objective', 'fast-help'],
      'error --objective fast-help: give it a title, id="What the team wants".\n',
    ],
  ])('refuses %j and writes nothing', async (flags, message) => {
    const dir = tempDir();
    const r = await runCli(['init', ...flags, '--no-input'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
    expect(existsSync(join(dir, 'goals.yaml'))).toBe(false);
  });
});

describe('goals init without a terminal', () => {
  it.each([
    ['piped', { stdin: 'Support EMEA\n' }, 'when not on a terminal'],
    ['in CI', { env: { CI: 'true' } }, 'in CI (CI is set)'],
  ])(
    '%s, names the missing flag instead of writing defaults, as goals new does',
    async (_, io, why) => {
      const dir = tempDir();
      const r = await runCli(['init'], { cwd: dir, ...io });
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr:
          `error --objective is required ${why}: goals init would write default settings and no objectives.\n` +
          '  Pass --objective id="What the team wants to achieve" (repeatable) with --team, --timezone and --fiscal-year-start as you need them; --no-input to take the defaults; --template customer-service for a starter set; or run it in a terminal to be asked.\n',
      });
      expect(existsSync(join(dir, 'goals.yaml'))).toBe(false);
      // goals new says it the same way.
      const n = await runCli(['new'], { cwd: tempDir({ 'goals.yaml': 'version: 1\n' }), ...io });
      expect(n.stderr.split('\n')[0]).toBe(`error --metric is required ${why}.`);
    },
  );

  it('with --objective, or --no-input, writes the file', async () => {
    const dir = tempDir();
    const r = await runCli(['init', '--timezone', 'UTC', '--objective', 'q=Quality first'], {
      cwd: dir,
      stdin: '',
    });
    expect(r.code).toBe(0);
    expect(read(dir)).toContain('objectives:\n  - id: q\n    title: Quality first\n');
  });
});

describe('goals init, asked in a terminal', () => {
  it('asks for the team, settings, objectives and a first goal, then writes both files', async () => {
    const dir = tempDir();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run(['init']);
    await term.answer('Team', 'Support EMEA');
    await term.waitFor('Time zone');
    term.press('ctrl-u');
    term.type('Europe/Sofa');
    term.press('enter');
    await term.waitFor('> "Europe/Sofa" is not an IANA time zone; did you mean Europe/Sofia?');
    term.press('ctrl-u');
    term.type('Europe/Sofia');
    term.press('enter');
    await term.waitFor('The fiscal year starts in');
    term.press('enter');
    await term.answer('Objective 1', 'Customers get help fast');
    await term.waitFor('Its id');
    term.press('enter');
    await term.waitFor('Add another objective?');
    term.press('enter');
    await term.waitFor('Data: a helpdesk');
    term.press('enter');
    await term.waitFor('Add a first goal now?');
    term.press('enter');
    await term.waitFor('Metric');
    term.type('first res');
    await term.waitFor('First response time (first_response_time)');
    term.press('enter');
    await term.waitFor('Segment');
    term.press('enter');
    await term.waitFor('Kind of goal');
    term.press('enter');
    await term.answer('Baseline', '4h');
    await term.answer('Target', '3h');
    await term.waitFor('Deadline');
    term.press('down');
    term.press('enter');
    await term.waitFor('Start');
    term.press('enter');
    await term.waitFor('Objective: what is this goal for?');
    term.press('enter');
    await term.answer('Owner', 'Maria Ivanova');
    await term.waitFor('Title');
    term.press('enter');
    await term.waitFor('Id');
    term.press('enter');
    await term.waitFor('Create goals.yaml with this goal?');
    term.press('enter');
    expect(await code).toBe(0);
    expect(read(dir)).toBe(
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
        '  - id: first-response-time-2027-q1',
        '    title: Cut first response time from 4 h to 3 h by the end of Q1 2027',
        '    owner: Maria Ivanova',
        '    objective: customers-help-fast',
        '    metric: first_response_time',
        '    baseline: 4h',
        '    target: 3h',
        '    deadline: 2027-Q1',
        '',
      ].join('\n'),
    );
    expect(term.stdout()).toContain(
      "✔ Created goals.yaml and goals.schema.json with goal 'first-response-time-2027-q1'.\n",
    );
    expect(existsSync(join(dir, 'goals.schema.json'))).toBe(true);
    expect(await validate(dir)).toEqual({ code: 0, errors: 0, rules: ['measurable/has-data'] });
  });

  it('Ctrl-C during the first goal creates no file and exits 130', async () => {
    const dir = tempDir();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run(['init', '--timezone', 'UTC', '--fiscal-year-start', '1']);
    await term.answer('Team', 'Support');
    await term.answer('Objective 1', 'Customers get help fast');
    await term.waitFor('Its id');
    term.press('enter');
    await term.waitFor('Add another objective?');
    term.press('enter');
    await term.waitFor('Data: a helpdesk');
    term.press('enter');
    await term.waitFor('Add a first goal now?');
    term.press('enter');
    await term.waitFor('Metric');
    term.press('ctrl-c');
    expect(await code).toBe(130);
    expect(existsSync(join(dir, 'goals.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'goals.schema.json'))).toBe(false);
  });

  it('refuses when goals.yaml appears while the questions are asked', async () => {
    const dir = tempDir();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run(['init', '--timezone', 'UTC', '--fiscal-year-start', '1']);
    await term.answer('Team', '');
    await term.answer('Objective 1', 'Customers get help fast');
    await term.waitFor('Its id');
    term.press('enter');
    await term.waitFor('Add another objective?');
    writeFileSync(join(dir, 'goals.yaml'), '# someone else’s\nversion: 1\n');
    term.press('enter');
    await term.waitFor('Data: a helpdesk');
    term.press('enter');
    await term.waitFor('Add a first goal now?');
    term.type('n');
    term.press('enter');
    expect(await code).toBe(2);
    expect(term.screen()).toContain('already exists; it was left as it was.');
    expect(read(dir)).toBe('# someone else’s\nversion: 1\n');
  });
});
