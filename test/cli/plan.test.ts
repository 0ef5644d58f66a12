import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';
import { virtualTerminal } from '../helpers/virtual-terminal.js';

/**
 * Weekly KPIs from 2026-06-01 to 2026-10-05 (19 Mondays): CSAT rising
 * 0.3 points a week from 78, churn falling 0.02 from 2.6, SLA 92/93/94.
 */
function kpis(): string {
  const rows = ['week,csat,churn,sla'];
  for (let i = 0; i < 19; i++) {
    rows.push(
      `${addDays('2026-06-01', 7 * i)},${(78 + 0.3 * i).toFixed(2)},${(2.6 - 0.02 * i).toFixed(3)},${92 + (i % 3)}`,
    );
  }
  return `${rows.join('\n')}\n`;
}

const GOALS = `# Support team goals
version: 1

settings:
  timezone: Europe/Sofia

objectives:
  - id: quality
    title: Problems are solved right the first time
  - id: retention
    title: Keep more of our customers

sources:
  - id: kpis
    path: kpis.csv
    date: week
    columns:
      csat: csat
      churn: churn_rate
      sla: frt_within_sla

goals:
  - id: csat-q3
    title: Raise CSAT from 78% to 82% by the end of Q3
    owner: Maria
    objective: quality
    metric: csat
    baseline: 78
    target: 82
    deadline: 2026-Q3

  - id: churn-q3 # the hard one
    title: Bring churn down from 2.6% to 2.0% by the end of Q3
    owner: Nikolay
    objective: retention
    metric: churn_rate
    baseline: 2.6
    target: 2.0
    deadline: 2026-Q3

  - id: sla-q3
    title: Keep 90% of first replies within SLA through Q3
    owner: Maria
    objective: quality
    metric: frt_within_sla
    type: stay-above
    target: 90
    deadline: 2026-Q3

  - id: frt-q3
    title: Cut first response time to 2h by the end of Q3
    owner: Elena
    objective: quality
    metric: first_response_time
    baseline: 3h
    target: 2h
    deadline: 2026-Q3

  - id: nps-q4
    title: Raise NPS from 20 to 25 by the end of Q4
    owner: Nikolay
    objective: retention
    metric: nps
    baseline: 20
    target: 25
    deadline: 2026-Q4
`;

function project() {
  const dir = tempDir({ 'goals.yaml': GOALS, 'kpis.csv': kpis() });
  return { dir, read: () => readFileSync(join(dir, 'goals.yaml'), 'utf8') };
}

const AS_OF = ['--as-of', '2026-10-05'];

describe('goals plan --no-input', () => {
  it('prints how the quarter ended and the proposals as YAML, and writes nothing', async () => {
    const { dir, read } = project();
    const r = await runCli(['plan', '--quarter', '2026-Q4', ...AS_OF, '--no-input'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(read()).toBe(GOALS);
    expect(r.stderr).toBe(
      'Synced kpis.csv (source kpis): 57 new, 0 updated, 0 unchanged.\n' +
        'Nothing was written: run `goals plan` in a terminal to accept, edit or drop each proposal.\n',
    );
    expect(r.stdout).toBe(`# goals plan: how the goals of 2026-Q3 ended, and proposals for 2026-Q4.
# main: the recent trend one quarter on (or hold the level); stretch: the best 4-week pace kept up.
# Each \`goal\` is ready to paste under goals: in goals.yaml.

quarter: 2026-Q4
ended:
  - goal: csat-q3
    deadline: 2026-09-30
    status: achieved
    final: 83.1
    final_date: 2026-09-28
    target: 82
  - goal: churn-q3
    deadline: 2026-09-30
    status: missed
    final: 2.26
    final_date: 2026-09-28
    target: 2
  - goal: sla-q3
    deadline: 2026-09-30
    status: achieved
    final: 94
    final_date: 2026-09-28
    target: 90
  - goal: frt-q3
    deadline: 2026-09-30
    status: missed
    final: null
    final_date: null
    target: 2h
proposals:
  - follows: csat-q3
    metric: csat
    basis: trend
    now:
      value: 83.4
      date: 2026-10-05
    trend_per_week: 0.3
    fastest_per_week: 0.3
    main:
      target: 87.3
      needed_per_week: 0.3
      realistic: true
    stretch:
      target: 89.2
      needed_per_week: 0.446
      realistic: true
    goal:
      id: csat-2026-q4
      title: Raise CSAT from 83.4 % to 87.3 % by the end of Q4 2026
      owner: Maria
      objective: quality
      metric: csat
      baseline:
        value: 83.4
        date: 2026-10-05
      target: 87.3
      deadline: 2026-Q4
  - follows: churn-q3
    metric: churn_rate
    basis: trend
    now:
      value: 2.24
      date: 2026-10-05
    trend_per_week: -0.02
    fastest_per_week: -0.02
    main:
      target: 2
      needed_per_week: -0.018
      realistic: true
    stretch:
      target: 1.9
      needed_per_week: -0.026
      realistic: true
    goal:
      id: churn-rate-2026-q4
      title: Cut customer churn from 2.24 % to 2 % by the end of Q4 2026
      owner: Nikolay
      objective: retention
      metric: churn_rate
      baseline:
        value: 2.24
        date: 2026-10-05
      target: 2
      deadline: 2026-Q4
  - follows: sla-q3
    metric: frt_within_sla
    basis: previous
    now:
      value: 92
      date: 2026-10-05
    trend_per_week: 0
    fastest_per_week: 0.25
    main:
      target: 90
      needed_per_week: null
      realistic: true
    stretch:
      target: 92
      needed_per_week: null
      realistic: true
    goal:
      id: frt-within-sla-2026-q4
      title: Keep replies within SLA at or above 90 % through Q4 2026
      owner: Maria
      objective: quality
      metric: frt_within_sla
      type: stay-above
      baseline:
        value: 92
        date: 2026-10-05
      target: 90
      deadline: 2026-Q4
skipped:
  - goal: frt-q3
    reason: no snapshot of first_response_time on or before 2026-10-05, so no trend to propose from (import its data)
`);
  });

  it('plans the next quarter by default: goals still running are not "ended", and says why nothing is proposed', async () => {
    const { dir } = project();
    const r = await runCli(['plan', ...AS_OF, '--no-input'], { cwd: dir });
    expect(r.code).toBe(0);
    // Planning 2027-Q1 on 2026-10-05: 2026-Q4's only goal, nps-q4, runs to 2026-12-31 and has no data.
    expect(r.stdout)
      .toBe(`# goals plan: how the goals of 2026-Q4 ended (running: still open on 2026-10-05), and proposals for 2027-Q1.
# main: the recent trend one quarter on (or hold the level); stretch: the best 4-week pace kept up.
# Each \`goal\` is ready to paste under goals: in goals.yaml.

quarter: 2027-Q1
note: "No proposal for 2027-Q1: none of the goals of 2026-Q4 gives one (skipped says why)."
ended: []
running:
  - goal: nps-q4
    deadline: 2026-12-31
    status: no-data
    now: null
    now_date: null
    target: 25
proposals: []
skipped:
  - goal: nps-q4
    reason: no snapshot of nps on or before 2026-10-05, so no trend to propose from (import its data)
`);
  });

  it('says why there is nothing to review, and which quarter to plan instead', async () => {
    const { dir } = project();
    // 2027-Q2 is planned by default on 2027-01-05; no goal ends in 2027-Q1.
    const r = await runCli(['plan', '--as-of', '2027-01-05', '--no-input'], { cwd: dir });
    expect(r.stdout).toContain(
      'quarter: 2027-Q2\nnote: "No active goal has its deadline in 2027-Q1, the quarter before 2027-Q2: there is nothing to review, and no metric to propose a goal for. The goals end in 2026-Q3, 2026-Q4: `goals plan --quarter 2027-Q1` reviews 2026-Q4 and plans 2027-Q1."\nended: []\nproposals: []\nskipped: []\n',
    );
    const empty = tempDir({ 'goals.yaml': 'version: 1\n' });
    const none = await runCli(['plan', '--as-of', '2027-01-05', '--no-input'], { cwd: empty });
    expect(none.stdout).toContain(
      'note: "No active goal has its deadline in 2027-Q1, the quarter before 2027-Q2: there is nothing to review, and no metric to propose a goal for. goals.yaml has no active goals yet: `goals new` writes one."\n',
    );
  });

  it('holds the level when the trend moves less than its noise, and says so', async () => {
    // FCR wobbling ±0.5 around a slow rise of 0.04 a week, 13 Mondays to 2026-09-28.
    const wobble = [0.5, -0.4, 0.3, -0.5, 0.4, -0.3, 0.5, -0.4, 0.2, -0.5, 0.4, -0.2, 0.0];
    const rows = wobble.map(
      (w, i) => `${addDays('2026-07-06', 7 * i)},${(69.6 + 0.04 * i + w).toFixed(2)}`,
    );
    const dir = tempDir({
      'goals.yaml': `version: 1
sources:
  - id: kpis
    path: kpis.csv
    date: week
    columns: { fcr: fcr }
goals:
  - id: fcr-q3
    title: Solve 75% on first contact by the end of Q3
    metric: fcr
    baseline: 68
    target: 75
    deadline: 2026-Q3
`,
      'kpis.csv': `week,fcr\n${rows.join('\n')}\n`,
    });
    const r = await runCli(['plan', '--as-of', '2026-09-28', '--no-input'], { cwd: dir });
    expect(r.code).toBe(0);
    // Computed apart (Python, statistics.median): Theil–Sen slope 0.02875 pp a week;
    // one quarter (91 days) on, the trend gains 0.374 pp, less than the residuals'
    // 1.4826 × median |r| = 0.560 pp. The best "4 weeks" (21–35 days, nearest 28):
    // 69.46 → 70.08 in the last 3 weeks, +0.207 pp a week; × 13 weeks = 72.77, rounded
    // down 72.7. The hold is 70.08 rounded down: 70.
    expect(r.stdout).toContain(`    basis: hold
    now:
      value: 70.08
      date: 2026-09-28
    trend_per_week: 0.029
    fastest_per_week: 0.207
    main:
      target: 70
      needed_per_week: null
      realistic: true
    stretch:
      target: 72.7
      needed_per_week: 0.202
      realistic: true
    note: "the trend gives no step that matters: +0.37 pp in a quarter, less than the snapshots' week-to-week spread around it (±0.6 pp); so the proposal holds the level, and the stretch is the step to aim for — or choose a target"
`);
  });

  it('refuses a quarter it cannot read', async () => {
    const { dir } = project();
    const r = await runCli(['plan', '--quarter', 'Q4', '--no-input'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error --quarter Q4 is not a quarter: write it as YYYY-Qn, e.g. 2026-Q4.\n',
    );
  });

  it('prints YAML, not a prompt, when not on a terminal', async () => {
    const { dir, read } = project();
    const r = await runCli(['plan', '--quarter', '2026-Q4', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# goals plan: how the goals of 2026-Q3 ended')).toBe(true);
    expect(read()).toBe(GOALS);
  });
});

describe('goals plan, asked in a terminal', () => {
  it('mid-quarter, shows the goals still running apart, and offers to close none', async () => {
    const { dir, read } = project();
    const before = read();
    const term = virtualTerminal({ cwd: dir });
    // 2026-09-21: the goals of 2026-Q3 run to 2026-09-30; 2026-Q4 is planned.
    const code = term.run(['plan', '--as-of', '2026-09-21']);
    for (const id of ['csat-2026-q4', 'churn-rate-2026-q4', 'frt-within-sla-2026-q4']) {
      await term.waitFor(`${id}: which target for 2026-Q4?`);
      term.press('enter');
    }
    await term.waitFor('Write to goals.yaml: add 3 goals?');
    term.press('ctrl-c');
    expect(await code).toBe(130);
    expect(term.screen()).not.toContain('closed');
    expect(read()).toBe(before);
    const review = term.stdout().slice(0, term.stdout().indexOf('\nProposals'));
    expect(review.split('\n').map((l) => l.replace(/(\S) {2,}.*$/, '$1'))).toEqual([
      'Still running in 2026-Q3, as of 2026-09-21',
      '  ✔ csat-q3',
      '  · churn-q3',
      '  · sla-q3',
      '  · frt-q3',
      "  no proposal after 'frt-q3': no snapshot of first_response_time on or before 2026-09-21, so no trend to propose from (import its data)",
      '',
    ]);
    // 16 weeks after 2026-06-01: CSAT 78 + 0.3 × 16 = 82.8, past its 82.
    expect(review).toContain(
      '  ✔ csat-q3   achieved    82.8 % (2026-09-21), target ≥ 82 % — until 2026-09-30\n',
    );
  });

  it('accepts, takes the stretch, edits, closes the quarter and keeps the file’s comments', async () => {
    const { dir, read } = project();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run(['plan', '--quarter', '2026-Q4', ...AS_OF]);
    await term.waitFor('csat-2026-q4: which target for 2026-Q4?');
    term.press('enter');
    await term.waitFor('churn-rate-2026-q4: which target for 2026-Q4?');
    term.press('down');
    term.press('enter');
    await term.waitFor('frt-within-sla-2026-q4: which target for 2026-Q4?');
    term.press('down');
    term.press('down');
    term.press('enter');
    await term.answer('Target for frt_within_sla', '93');
    await term.waitFor('Mark the 4 goals that ended in 2026-Q3 closed');
    term.press('enter');
    await term.waitFor('Write to goals.yaml: add 3 goals and close 4 goals?');
    term.press('enter');
    expect(await code).toBe(0);
    const out = term.stdout();
    expect(out).toContain(
      [
        'How 2026-Q3 ended',
        '  ✔ csat-q3   achieved    83.1 % (2026-09-28), target ≥ 82 %',
        '  ✖ churn-q3  missed      2.3 % (2026-09-28), target ≤ 2 %',
        '  ✔ sla-q3    achieved    94 % (2026-09-28), target ≥ 90 %',
        // no snapshot by its deadline: missed (DESIGN §6 rule 2)
        '  ✖ frt-q3    missed      no snapshot, target ≤ 2 h',
        "  no proposal after 'frt-q3': no snapshot of first_response_time on or before 2026-10-05, so no trend to propose from (import its data)",
        '',
        'Proposals for 2026-Q4',
        '',
        "Customer satisfaction (csat) after 'csat-q3': now 83.4 % (2026-10-05); trend +0.3 pp/week; best 4 weeks +0.3 pp/week",
        '  trend    ≥ 87.3 %    by 2026-12-31  needs +0.3 pp/week  ✔ realistic',
        '  stretch  ≥ 89.2 %    by 2026-12-31  needs +0.45 pp/week  ✔ realistic',
      ].join('\n'),
    );
    expect(out).toContain('✔ goals.yaml: added 3 goals and closed 4 goals.\n');
    const text = read();
    // Every line of the old file is still there, in order; the ended goals are closed.
    expect(text.replace(/\n {4}status: closed\n/g, '\n').startsWith(GOALS)).toBe(true);
    expect(text).toContain('  - id: churn-q3 # the hard one\n');
    expect(text.match(/status: closed/g)).toHaveLength(4);
    expect(text.slice(GOALS.length + 4 * '    status: closed\n'.length)).toBe(
      [
        '',
        '  - id: csat-2026-q4',
        '    title: Raise CSAT from 83.4 % to 87.3 % by the end of Q4 2026',
        '    owner: Maria',
        '    objective: quality',
        '    metric: csat',
        '    baseline: { value: 83.4, date: 2026-10-05 }',
        '    target: 87.3',
        '    deadline: 2026-Q4',
        '',
        '  - id: churn-rate-2026-q4',
        '    title: Cut customer churn from 2.24 % to 1.9 % by the end of Q4 2026',
        '    owner: Nikolay',
        '    objective: retention',
        '    metric: churn_rate',
        '    baseline: { value: 2.24, date: 2026-10-05 }',
        '    target: 1.9',
        '    deadline: 2026-Q4',
        '',
        '  - id: frt-within-sla-2026-q4',
        '    title: Keep replies within SLA at or above 93 % through Q4 2026',
        '    owner: Maria',
        '    objective: quality',
        '    metric: frt_within_sla',
        '    type: stay-above',
        '    baseline: { value: 92, date: 2026-10-05 }',
        '    target: 93',
        '    deadline: 2026-Q4',
        '',
      ].join('\n'),
    );
    const v = await runCli(['validate', '--format', 'json', ...AS_OF], { cwd: dir });
    const json = JSON.parse(v.stdout) as { summary: { errors: number; warnings: number } };
    // Only nps-q4, which has no data, warns; the 4 closed goals are neither checked nor counted.
    expect(json.summary).toEqual({ goals: 4, errors: 0, warnings: 1 });
  });

  it('dropping every proposal and keeping the goals open writes nothing', async () => {
    const { dir, read } = project();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run(['plan', '--quarter', '2026-Q4', ...AS_OF]);
    for (const id of ['csat-2026-q4', 'churn-rate-2026-q4', 'frt-within-sla-2026-q4']) {
      await term.waitFor(`${id}: which target`);
      term.press('up');
      term.press('enter');
    }
    await term.waitFor('Mark the 4 goals');
    term.type('n');
    term.press('enter');
    expect(await code).toBe(0);
    expect(term.stdout()).toContain('Nothing to write.\n');
    expect(read()).toBe(GOALS);
  });

  it('Ctrl-C leaves goals.yaml untouched and exits 130', async () => {
    const { dir, read } = project();
    const term = virtualTerminal({ cwd: dir });
    const code = term.run(['plan', '--quarter', '2026-Q4', ...AS_OF]);
    await term.waitFor('csat-2026-q4: which target');
    term.press('enter');
    await term.waitFor('churn-rate-2026-q4: which target');
    term.press('ctrl-c');
    expect(await code).toBe(130);
    expect(read()).toBe(GOALS);
    expect(existsSync(join(dir, 'goals.yaml'))).toBe(true);
  });
});
