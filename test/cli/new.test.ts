import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';
import { virtualTerminal } from '../helpers/virtual-terminal.js';

const example = readFileSync(new URL('../../goals.example.yaml', import.meta.url), 'utf8');

const SMALL = `# Our goals
version: 1

objectives:
  - id: quality # what matters most
    title: Problems are solved right the first time
    owner: Head of Support

goals: []
`;

/** A folder with goals.yaml, and a way to read it back. */
function project(text = SMALL) {
  const dir = tempDir({ 'goals.yaml': text });
  return { dir, read: () => readFileSync(join(dir, 'goals.yaml'), 'utf8') };
}

/** `goals validate --format json` summary: the written file must have no errors. */
async function validate(dir: string) {
  const r = await runCli(['validate', '--format', 'json', '--no-sync'], { cwd: dir });
  const json = JSON.parse(r.stdout) as {
    summary: { errors: number };
    findings: Array<{ rule: string; goal?: string }>;
  };
  return { code: r.code, errors: json.summary.errors, rules: json.findings.map((f) => f.rule) };
}

const CSAT_FLAGS = [
  'new',
  '--metric',
  'csat',
  '--baseline',
  '78',
  '--target',
  '85',
  '--deadline',
  '2027-Q1',
  '--objective',
  'quality',
  '--owner',
  'Maria Ivanova',
];

describe('goals new, by flags', () => {
  it('appends a SMART goal with proposed title and id, keeping the file as it was', async () => {
    const { dir, read } = project();
    const r = await runCli([...CSAT_FLAGS, '--no-input'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(read()).toBe(
      [
        '# Our goals',
        'version: 1',
        '',
        'objectives:',
        '  - id: quality # what matters most',
        '    title: Problems are solved right the first time',
        '    owner: Head of Support',
        '',
        'goals:',
        '  - id: csat-2027-q1',
        '    title: Raise CSAT from 78 % to 85 % by the end of Q1 2027',
        '    owner: Maria Ivanova',
        '    objective: quality',
        '    metric: csat',
        '    baseline: 78',
        '    target: 85',
        '    deadline: 2027-Q1',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toContain('  S ✔  M ▲  A ✔  R ✔  T ✔\n');
    expect(r.stdout).toContain("✔ Added goal 'csat-2027-q1' to goals.yaml:10.\n");
    expect(r.stderr).toBe(
      'From 78 % to 85 % by 2027-03-31 is a change of 9 % of the baseline, 3 % per month (no history to judge by, so the rule of thumb: at most 50 % in all and 15 % per month).\n' +
        '✔ That is within the rule of thumb: achievable.\n',
    );
    expect(await validate(dir)).toEqual({ code: 0, errors: 0, rules: ['measurable/has-data'] });
  });

  it('adds to goals.example.yaml without touching a byte of it', async () => {
    const { dir, read } = project(example);
    const r = await runCli(
      [
        'new',
        '--metric',
        'first_response_time',
        '--segment',
        'team=EMEA',
        '--baseline',
        '5h',
        '--target',
        '-1h',
        '--deadline',
        '2027-06-30',
        '--start',
        '2027-Q1',
        '--milestone',
        '2027-03-31=4h30m',
        '--objective',
        'fast-help',
        '--owner',
        'Elena Dimitrova',
        '--title',
        'Answer EMEA within 4 h by June 2027',
        '--id',
        'frt-emea-4h',
        '--no-input',
      ],
      { cwd: dir },
    );
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const text = read();
    expect(text.startsWith(example)).toBe(true);
    expect(text.slice(example.length)).toBe(
      [
        '',
        '  - id: frt-emea-4h',
        '    title: Answer EMEA within 4 h by June 2027',
        '    owner: Elena Dimitrova',
        '    objective: fast-help',
        '    metric: first_response_time',
        '    segment: { team: EMEA }',
        '    baseline: 5h',
        '    target: -1h',
        '    start: 2027-Q1',
        '    deadline: 2027-06-30',
        '    milestones:',
        '      - { date: 2027-03-31, target: 4h30m }',
        '',
      ].join('\n'),
    );
    expect((await validate(dir)).errors).toBe(0);
  });

  it('defines a custom metric with --metric-unit and creates an objective with id=title', async () => {
    const { dir, read } = project();
    const r = await runCli(
      [
        'new',
        '--metric',
        'training_completion',
        '--metric-unit',
        'percent',
        '--metric-name',
        'Agents trained in de-escalation',
        '--baseline',
        '40',
        '--target',
        '55',
        '--deadline',
        '2027-Q1',
        '--objective',
        'people=Agents grow in their job',
        '--owner',
        'Elena',
        '--no-input',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    // The new objective joins its list; metrics: goes where the format documents it.
    expect(read()).toBe(
      [
        '# Our goals',
        'version: 1',
        '',
        'objectives:',
        '  - id: quality # what matters most',
        '    title: Problems are solved right the first time',
        '    owner: Head of Support',
        '  - id: people',
        '    title: Agents grow in their job',
        '',
        'metrics:',
        '  - id: training_completion',
        '    name: Agents trained in de-escalation',
        '    unit: percent',
        '    direction: increase',
        '',
        'goals:',
        '  - id: training-completion-2027-q1',
        '    title: Raise agents trained in de-escalation from 40 % to 55 % by the end of Q1 2027',
        '    owner: Elena',
        '    objective: people',
        '    metric: training_completion',
        '    baseline: 40',
        '    target: 55',
        '    deadline: 2027-Q1',
        '',
      ].join('\n'),
    );
    expect(await validate(dir)).toEqual({ code: 0, errors: 0, rules: ['measurable/has-data'] });
  });

  it.each([
    [['--deadline'], '--deadline is required with --no-input.'],
    [['--owner'], '--owner is required with --no-input.'],
    [['--objective'], '--objective is required with --no-input.'],
    [['--metric'], '--metric is required with --no-input.'],
  ])('names the missing flag %j and writes nothing', async ([flag], message) => {
    const { dir, read } = project();
    const i = CSAT_FLAGS.indexOf(flag!);
    const argv = [...CSAT_FLAGS.slice(0, i), ...CSAT_FLAGS.slice(i + 2), '--no-input'];
    const r = await runCli(argv, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error ${message}\n`);
    expect(r.stderr).toContain(`Pass ${flag}, or run the command in a terminal to be asked.`);
    expect(read()).toBe(SMALL);
  });

  it('never prompts off a terminal or in CI, and says why', async () => {
    const { dir } = project();
    const off = await runCli(['new'], { cwd: dir });
    expect(off.code).toBe(2);
    expect(off.stderr).toContain('error --metric is required when not on a terminal.\n');
    const ci = await runCli(['new'], { cwd: dir, isTTY: true, env: { CI: 'true' } });
    expect(ci.code).toBe(2);
    expect(ci.stderr).toContain('error --metric is required in CI (CI is set).\n');
  });

  it.each([
    [
      ['--metric', 'csta'],
      "error --metric csta: There is no metric 'csta'; did you mean 'csat'? `goals metrics` lists them all.",
    ],
    [
      ['--target', '+10%'],
      'error --target +10%: on Customer satisfaction, a percent metric, that can mean 85.8 % (+10 % of 78 %) or 88 % (+10 points).\n  Write --target 85.8 or --target +10pp.',
    ],
    [
      ['--target', '120'],
      'error --target 120: 120 % is outside the range of Customer satisfaction (0 % to 100 %).',
    ],
    [
      ['--title', 'improve service'],
      'error --title "improve service": "improve service" says "improve" but not by how much: say how much and by when, e.g. "Raise CSAT from 78 % to 85 % by the end of Q1 2027".',
    ],
    [
      ['--deadline', '2026-11-01'],
      'error --deadline 2026-11-01: 2026-11-01 is not after today (2026-11-16): choose a later deadline.',
    ],
    [
      ['--objective', 'qualty'],
      "error --objective qualty: there is no objective 'qualty'; did you mean 'quality'?\n  To create it, give it a title: --objective qualty=\"What the team wants to achieve\".",
    ],
  ])('refuses a bad answer %j, naming the flag', async (override, message) => {
    const { dir, read } = project();
    const argv = [...CSAT_FLAGS];
    if (argv.includes(override[0]!)) argv[argv.indexOf(override[0]!) + 1] = override[1]!;
    else argv.push(...override);
    const r = await runCli([...argv, '--no-input'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(read()).toBe(SMALL);
  });

  it('warns about a perfect score or an unrealistic pace given by flags, as validate would', async () => {
    const { dir } = project();
    const argv = [...CSAT_FLAGS];
    argv[argv.indexOf('--target') + 1] = '100';
    argv[argv.indexOf('--deadline') + 1] = '2026-12-16';
    const r = await runCli([...argv, '--no-input'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [
        '▲ 100 % is the best Customer satisfaction can ever be: one bad week makes it unreachable. Aim for a level the team can hold.',
        'From 78 % to 100 % by 2026-12-16 is a change of 28 % of the baseline, 29 % per month (no history to judge by, so the rule of thumb: at most 50 % in all and 15 % per month).',
        '▲ That is more than the rule of thumb allows: unrealistic. About 89.5 % is a realistic step.',
        '',
      ].join('\n'),
    );
    const v = await validate(dir);
    expect(v.errors).toBe(0);
    expect(v.rules).toEqual([
      'measurable/has-data',
      'achievable/perfect-score',
      'achievable/realistic-pace',
    ]);
  });

  it('writes nothing when a rule raised to error in settings.rules would fail', async () => {
    const text = SMALL.replace(
      'version: 1\n',
      'version: 1\nsettings:\n  rules:\n    achievable/realistic-pace: error\n',
    );
    const { dir, read } = project(text);
    const argv = [...CSAT_FLAGS];
    argv[argv.indexOf('--target') + 1] = '99';
    const r = await runCli([...argv, '--deadline', '2026-12-16', '--no-input'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('achievable/realistic-pace');
    expect(r.stderr).toContain(
      'error With this change goals.yaml would not validate; nothing was written.',
    );
    expect(read()).toBe(text);
  });

  it('keeps an edit saved to goals.yaml while the questions were asked', async () => {
    const { dir, read } = project();
    const term = virtualTerminal({ cwd: dir });
    // -y takes the proposals (segment, type, start, title, id) and the final yes.
    const code = term.run([...CSAT_FLAGS.slice(0, -2), '-y']);
    await term.waitFor('Owner');
    writeFileSync(join(dir, 'goals.yaml'), SMALL.replace('# Our goals', '# Our goals, edited'));
    term.type('Maria');
    term.press('enter');
    expect(await code).toBe(0);
    expect(read()).toMatch(/^# Our goals, edited\n[\s\S]*- id: csat-2027-q1\n/);
  });
});

describe('goals new, with history in the store', () => {
  /** Weekly CSAT from 2026-06-01 to 2026-10-05, rising 0.3 points a week from 78. */
  const kpis = () =>
    [
      'week,csat',
      ...Array.from(
        { length: 19 },
        (_, i) => `${addDays('2026-06-01', 7 * i)},${(78 + 0.3 * i).toFixed(2)}`,
      ),
    ].join('\n') + '\n';
  /** CSAT to `target` by 2026-12-31, as of 2026-10-05, all by flags. */
  const csatBy2026 = (target: string) => [
    ...['new', '--metric', 'csat', '--target', target, '--deadline', '2026-12-31'],
    ...['--objective', 'quality', '--owner', 'Maria', '--as-of', '2026-10-05', '--no-input'],
  ];
  const withSource = SMALL.replace(
    'goals: []',
    'sources:\n  - id: kpis\n    path: kpis.csv\n    date: week\n    columns: { csat: csat }\n\ngoals: []',
  );

  it('syncs the sources first, as validate and check do, then proposes the baseline', async () => {
    // Nothing imported yet: the export is only listed under sources:.
    const dir = tempDir({ 'goals.yaml': withSource, 'kpis.csv': kpis() });
    const r = await runCli(csatBy2026('85'), { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(
      'Synced kpis.csv (source kpis): 19 new, 0 updated, 0 unchanged.',
    );
    // The newest of the 19 weeks: 78 + 0.3 × 18 = 83.4 on 2026-10-05.
    expect(readFileSync(join(dir, 'goals.yaml'), 'utf8')).toContain(
      '    baseline: { value: 83.4, date: 2026-10-05 }\n    target: 85\n',
    );
    // --no-sync reads the store as it is (none yet): the baseline is left to the first snapshot.
    const fresh = tempDir({ 'goals.yaml': withSource, 'kpis.csv': kpis() });
    const unsynced = await runCli(
      [
        'new',
        ...['--metric', 'csat', '--target', '85', '--deadline', '2026-12-31'],
        ...['--objective', 'quality', '--owner', 'Maria', '--no-sync', '--as-of', '2026-10-05'],
      ],
      { cwd: fresh },
    );
    expect(unsynced.code).toBe(0);
    expect(unsynced.stderr).toBe('');
    expect(readFileSync(join(fresh, 'goals.yaml'), 'utf8')).toContain(
      '    metric: csat\n    target: 85\n',
    );
  });

  it('without data, says why --baseline is needed', async () => {
    const r = await runCli(['new', '--metric', 'csat', '--target', '85', '--no-input'], {
      cwd: project().dir,
    });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error --baseline is required with --no-input: there is no snapshot of CSAT to take it from (e.g. --baseline 78).\n' +
        '  Pass --baseline, or run the command in a terminal to be asked.\n',
    });
  });

  it('proposes the baseline from the newest snapshot and judges the pace by the history', async () => {
    const dir = tempDir({ 'goals.yaml': withSource, 'kpis.csv': kpis() });
    expect((await runCli(['import'], { cwd: dir })).code).toBe(0);
    const r = await runCli(csatBy2026('92'), { cwd: dir });
    expect(r.code).toBe(0);
    // 8.6 points in 87 days is 0.69 a week; the best four weeks gained 0.3 a week.
    expect(r.stderr).toBe(
      'From 83.4 % to 92 % by 2026-12-31 needs +0.69 pp/week; the fastest 4-week pace in the history is +0.3 pp/week.\n' +
        '▲ That is more than twice the best pace the team has ever shown: unrealistic. About 90.8 % is reachable at twice that pace.\n',
    );
    expect(readFileSync(join(dir, 'goals.yaml'), 'utf8')).toContain(
      [
        '  - id: csat-2026-q4',
        '    title: Raise CSAT from 83.4 % to 92 % by 2026-12-31',
        '    owner: Maria',
        '    objective: quality',
        '    metric: csat',
        '    baseline: { value: 83.4, date: 2026-10-05 }',
        '    target: 92',
        '    start: 2026-10-05',
        '    deadline: 2026-12-31',
        '',
      ].join('\n'),
    );
    const v = await runCli(['validate', '--format', 'json', '--as-of', '2026-10-05'], { cwd: dir });
    expect(JSON.parse(v.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual([
      'achievable/realistic-pace',
    ]);
  });

  it('offers the realistic target at the prompt', async () => {
    const dir = tempDir({ 'goals.yaml': withSource, 'kpis.csv': kpis() });
    expect((await runCli(['import'], { cwd: dir })).code).toBe(0);
    const term = virtualTerminal({ cwd: dir, now: new Date('2026-10-05T09:00:00Z') });
    const code = term.run([
      'new',
      '--metric',
      'csat',
      '--deadline',
      '2026-12-31',
      '--objective',
      'quality',
      '--owner',
      'Maria',
    ]);
    for (const question of [
      'Segment',
      'Kind of goal',
      'Baseline: CSAT now (latest snapshot, 2026-10-05: 83.4 %)',
    ]) {
      await term.waitFor(question);
      term.press('enter');
    }
    await term.answer('Target', '92');
    await term.waitFor('Start');
    term.press('enter');
    // Twice the best pace for 12.4 weeks: 83.4 + 0.6 × 87 / 7 = 90.86, rounded down,
    // and said as the same number that is offered.
    await term.waitFor('About 90.8 % is reachable at twice that');
    await term.waitFor('❯ Aim for 90.8 % instead (realistic)');
    term.press('enter');
    for (const question of ['Title', 'Id', 'Add this goal']) {
      await term.waitFor(question);
      term.press('enter');
    }
    expect(await code).toBe(0);
    expect(readFileSync(join(dir, 'goals.yaml'), 'utf8')).toContain(
      '    baseline: { value: 83.4, date: 2026-10-05 }\n    target: 90.8\n',
    );
  });
});

describe('goals new, asked in a terminal', () => {
  it('walks S, M, A, R, T in order and writes a goal that validates', async () => {
    const { dir, read } = project();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run(['new']);
    await term.waitFor('Metric');
    term.type('first res');
    await term.waitFor('Time until a customer hears from an agent.');
    term.press('enter');
    await term.waitFor('Data: no source in goals.yaml gives');
    term.press('enter');
    await term.answer('Segment', 'team=EMEA');
    await term.waitFor('Kind of goal');
    term.press('enter');
    await term.answer('Baseline', '5h');
    await term.answer('Target', '4h');
    await term.waitFor('Deadline');
    term.press('down');
    term.press('down');
    term.press('enter');
    await term.waitFor('Start');
    term.press('enter');
    await term.waitFor('within the rule of thumb: achievable');
    await term.waitFor('Objective');
    term.press('enter');
    await term.waitFor('Owner');
    // The objective's owner is offered; accept it.
    term.press('enter');
    // 5 h − 1 h × 89/180 days = 4 h 30 m 22 s, rounded towards the baseline.
    await term.waitFor('Add milestones (2027-03-31=4h31m)?');
    term.press('enter');
    await term.waitFor('Milestones');
    term.press('enter');
    await term.waitFor('Title');
    term.press('enter');
    await term.waitFor('Id');
    term.press('enter');
    await term.waitFor('Add this goal to goals.yaml?');
    term.press('enter');
    expect(await code).toBe(0);
    // The letters come in their own order; the title is proposed last, from all of them.
    expect(
      term
        .screen()
        .split('\n')
        .filter((l) => /^([SMART] [A-Z][a-z-]+:|The goal in words)/.test(l)),
    ).toEqual([
      'S Specific: what exactly will change, and for whom?',
      'M Measurable: where is it now, and where should it be?',
      'A Achievable: by when, and can the team get there at that pace?',
      'R Relevant: what is it for, and who is accountable?',
      'T Time-bound: checkpoints on the way to the deadline',
      'The goal in words',
    ]);
    // First response time is better lower: raising it is not offered.
    expect(term.screen()).toContain(
      '❯ bring first response time down to a target\n  keep first response time at or below a level the whole time\n',
    );
    expect(term.screen()).not.toContain('raise first response time');
    expect(read().slice(SMALL.length - 'goals: []\n'.length)).toBe(
      [
        'goals:',
        '  - id: first-response-time-emea-2027-q2',
        '    title: Cut first response time for team EMEA from 5 h to 4 h by the end of Q2 2027',
        '    owner: Head of Support',
        '    objective: quality',
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
    expect((await validate(dir)).errors).toBe(0);
  });

  it('catches vague answers at the prompt: a typo, "improve service", CSAT 100 % next month', async () => {
    const { dir, read } = project();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run(['new']);
    await term.waitFor('Metric');
    term.type('csta');
    // The typo still finds CSAT.
    await term.waitFor('Customer satisfaction (csat)');
    term.press('enter');
    await term.waitFor('Data: no source in goals.yaml gives');
    term.press('enter');
    await term.waitFor('Segment');
    term.press('enter');
    await term.waitFor('Kind of goal');
    term.press('enter');
    await term.answer('Baseline', '78');
    await term.answer('Target', '100');
    await term.waitFor(
      '▲ 100 % is the best Customer satisfaction can ever be: one bad week makes it unreachable.',
    );
    await term.waitFor('Keep 100 % anyway? (y/N)');
    term.press('enter');
    await term.answer('Target', '99');
    await term.waitFor('Deadline');
    term.press('up');
    term.press('enter');
    await term.answer('Deadline: a quarter', 'next month');
    await term.waitFor('"next month" is neither a quarter nor a date');
    term.press('ctrl-u');
    term.type('2026-12-16');
    term.press('enter');
    await term.waitFor('Start');
    term.press('enter');
    await term.waitFor(
      'From 78 % to 99 % by 2026-12-16 is a change of 27 % of the baseline, 27 % per month',
    );
    await term.waitFor('unrealistic. About 89.5 % is a realistic step.');
    await term.waitFor('Aim for 89.5 % instead (realistic)');
    term.press('enter');
    await term.waitFor('Objective');
    term.press('enter');
    // The objective's owner is pre-filled: replace it.
    await term.waitFor('Owner');
    term.press('ctrl-u');
    term.type('Maria');
    term.press('enter');
    await term.waitFor('Title');
    term.press('ctrl-u');
    term.type('improve service');
    term.press('enter');
    await term.waitFor('"improve service" says "improve" but not by how much');
    term.press('ctrl-u');
    term.type('CSAT at 89.5% for the holidays (2026-12-16)');
    term.press('enter');
    await term.waitFor('Id');
    term.press('enter');
    await term.waitFor('Add this goal');
    term.press('enter');
    expect(await code).toBe(0);
    expect(read()).toContain(
      [
        '  - id: csat-2026-q4',
        '    title: CSAT at 89.5% for the holidays (2026-12-16)',
        '    owner: Maria',
        '    objective: quality',
        '    metric: csat',
        '    baseline: 78',
        '    target: 89.5',
        '    start: 2026-11-16',
        '    deadline: 2026-12-16',
      ].join('\n'),
    );
    expect(await validate(dir)).toEqual({ code: 0, errors: 0, rules: ['measurable/has-data'] });
  });

  it('refuses a CSAT baseline of 0.8 at the prompt as a probable ratio, and takes 0.8%', async () => {
    const { dir, read } = project();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run([
      'new',
      '--metric',
      'csat',
      '--deadline',
      '2027-Q1',
      '--objective',
      'quality',
      '--owner',
      'Maria',
      '--yes',
    ]);
    await term.answer('Baseline', '0.8');
    await term.waitFor(
      '> 0.8 looks like a ratio, but Customer satisfaction is a percentage (0–100): type 80 for 80 %, or 0.8% if you mean less',
    );
    term.press('backspace');
    term.press('backspace');
    term.press('backspace');
    term.type('80');
    term.press('enter');
    await term.answer('Target', '0.85');
    await term.waitFor('> 0.85 looks like a ratio, but Customer satisfaction is a percentage');
    for (let i = 0; i < 4; i++) term.press('backspace');
    term.type('85');
    term.press('enter');
    expect(await code).toBe(0);
    expect(read()).toContain('    baseline: 80\n    target: 85\n');
  });

  it('"Choose a later deadline" proposes the first quarter by which the target is realistic', async () => {
    const { dir, read } = project();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run(['new', '--metric', 'first_response_time', '--owner', 'Maria']);
    await term.waitFor('Data: no source in goals.yaml gives');
    term.press('enter');
    await term.waitFor('Segment');
    term.press('enter');
    await term.waitFor('Kind of goal');
    term.press('enter');
    await term.answer('Baseline', '5h');
    await term.answer('Target', '3h');
    await term.waitFor('Deadline');
    term.press('enter'); // 2026-Q4
    await term.waitFor('Start');
    term.press('enter'); // today
    // 2 h of 5 h is 40 %: by 2026-12-31 (1.5 months) 27 % a month; from 2027-01-01 to
    // 2027-03-31 (2.96 months) 13.5 % a month, within the 15 % of the rule of thumb.
    await term.waitFor('40 % of the baseline, 27 % per month');
    await term.waitFor(
      '  Choose a later deadline (3 h is realistic by 2027-Q1, ending 2027-03-31)',
    );
    term.press('down');
    term.press('down');
    term.press('enter');
    await term.waitFor('❯ 2027-Q1 (ends 2027-03-31) — realistic');
    term.press('enter');
    await term.waitFor('Start: when the work starts (the next quarter)');
    term.press('enter');
    await term.waitFor('14 % per month');
    await term.waitFor('That is within the rule of thumb: achievable.');
    for (const question of ['Objective', 'Title', 'Id', 'Add this goal']) {
      await term.waitFor(question);
      term.press('enter');
    }
    expect(await code).toBe(0);
    expect(read()).toContain('    baseline: 5h\n    target: 3h\n    deadline: 2027-Q1\n');
  });

  it('wraps its notes between words to the terminal width', async () => {
    const { dir } = project();
    const term = virtualTerminal({ cwd: dir, columns: 100 });
    const code = term.run([
      'new',
      '--metric',
      'csat',
      '--baseline',
      '78',
      '--target',
      '99',
      '--deadline',
      '2026-12-16',
      '--objective',
      'quality',
      '--owner',
      'Maria',
      '--yes',
      '--title',
      'CSAT at 99% by 2026-12-16',
    ]);
    expect(await code).toBe(0);
    expect(term.screen()).toContain(
      [
        // 98 cells: the next word would pass the 99th; no word is cut in two.
        'From 78 % to 99 % by 2026-12-16 is a change of 27 % of the baseline, 27 % per month (no history to',
        'judge by, so the rule of thumb: at most 50 % in all and 15 % per month).',
        '▲ That is more than the rule of thumb allows: unrealistic. About 89.5 % is a realistic step.',
      ].join('\n'),
    );
  });

  it('asks which reading of "+10%" on a percent metric was meant', async () => {
    const { dir, read } = project();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run([...CSAT_FLAGS.filter((a) => a !== '85' && a !== '--target'), '-y']);
    await term.answer('Target', '+10%');
    await term.waitFor('"+10%" on a percent metric can be read two ways');
    await term.waitFor('+10 points: 78 % → 88 %');
    await term.waitFor('+10 % of the baseline: 78 % → 85.8 %');
    term.press('enter');
    expect(await code).toBe(0);
    expect(read()).toContain('    target: +10pp\n');
    expect((await validate(dir)).rules).toEqual(['measurable/has-data']);
  });

  it('defines a new metric at the prompt and creates an objective', async () => {
    const { dir, read } = project();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run(['new', '--baseline', '40', '--target', '55', '--deadline', '2027-Q1']);
    await term.waitFor('Metric');
    term.type('deescalation');
    await term.waitFor('Define a new metric "deescalation"…');
    term.press('enter');
    // The id is proposed from what was searched; typing replaces it.
    await term.answer('e.g. training_completion (deescalation)', 'training_completion');
    await term.answer('Name', '');
    await term.waitFor('Unit');
    term.press('enter');
    await term.waitFor('Which way is better?');
    term.press('enter');
    await term.waitFor('Valid range');
    term.press('enter');
    await term.waitFor('Segment');
    term.press('enter');
    await term.waitFor('Kind of goal');
    term.press('enter');
    await term.waitFor('Start');
    term.press('enter');
    await term.waitFor('Objective');
    term.press('down');
    term.press('enter');
    await term.answer('what does the team want to achieve?', 'Agents grow in their job');
    await term.waitFor('Objective id');
    term.press('enter');
    await term.answer('Owner', 'Elena');
    await term.waitFor('Title');
    term.press('enter');
    await term.waitFor('Id');
    term.press('enter');
    await term.waitFor('Add this goal');
    term.press('enter');
    expect(await code).toBe(0);
    const text = read();
    expect(text).toContain(
      '  - id: agents-grow-job\n    title: Agents grow in their job\n\nmetrics:\n  - id: training_completion\n',
    );
    expect(text).toContain(
      'metrics:\n  - id: training_completion\n    name: Deescalation\n    unit: percent\n    direction: increase\n\n',
    );
    expect(text).toContain('    objective: agents-grow-job\n    metric: training_completion\n');
    expect((await validate(dir)).errors).toBe(0);
  });

  it('Ctrl-C at a question writes nothing and exits 130', async () => {
    const { dir, read } = project();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run(['new']);
    await term.waitFor('Metric');
    term.type('csat');
    await term.waitFor('Customer satisfaction (csat)');
    term.press('enter');
    await term.waitFor('Data: no source in goals.yaml gives');
    term.press('enter');
    await term.waitFor('Segment');
    term.press('ctrl-c');
    expect(await code).toBe(130);
    expect(term.screen()).toContain('Cancelled: nothing was written.\n');
    expect(read()).toBe(SMALL);
  });

  it('answering no to the last question writes nothing', async () => {
    const { dir, read } = project();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run([...CSAT_FLAGS, '--title', 'CSAT 85% by Q1 2027', '--id', 'csat-85']);
    for (const question of [
      'Data: no source in goals.yaml gives',
      'Segment',
      'Kind of goal',
      'Start',
    ]) {
      await term.waitFor(question);
      term.press('enter');
    }
    await term.waitFor('Add this goal to goals.yaml?');
    term.type('n');
    term.press('enter');
    expect(await code).toBe(0);
    expect(term.screen()).toContain('Nothing was written.\n');
    expect(read()).toBe(SMALL);
  });
});

describe("the README's planning example", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /In a new folder:\n\n\s*```sh\n([\s\S]*?)```/.exec(readme)![1]!;
  const commands = block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('goals '));

  /** Shell words: spaces split, double quotes group (and are dropped). */
  const words = (line: string) =>
    [...line.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map((m) => m[0].replace(/"/g, ''));

  it('works in a fresh folder, without a terminal, and the goal validates', async () => {
    expect(commands.map((c) => c.split(' ').slice(0, 2).join(' '))).toEqual([
      'goals init',
      'goals new',
    ]);
    const dir = tempDir();
    const run = (command: string) =>
      runCli([...words(command).slice(1), '--as-of', '2026-11-16'], { cwd: dir });
    expect(await run(commands[0]!)).toMatchObject({ code: 0, stderr: '' });
    // 7 points of 78 is 9 %; 45 days to 2026-12-31 are 1.48 months: 6 % a month.
    expect(await run(commands[1]!)).toMatchObject({
      code: 0,
      stderr:
        'From 78 % to 85 % by 2026-12-31 is a change of 9 % of the baseline, 6 % per month (no history to judge by, so the rule of thumb: at most 50 % in all and 15 % per month).\n' +
        '✔ That is within the rule of thumb: achievable.\n',
    });
    expect(readFileSync(join(dir, 'goals.yaml'), 'utf8')).toContain(
      [
        '  - id: csat-2026-q4',
        '    title: Raise CSAT from 78 % to 85 % by the end of Q4 2026',
        '    owner: Maria',
        '    objective: quality',
        '    metric: csat',
        '    baseline: 78',
        '    target: 85',
        '    start: 2026-11-16',
        '    deadline: 2026-Q4',
      ].join('\n'),
    );
    expect((await validate(dir)).errors).toBe(0);
  });
});
