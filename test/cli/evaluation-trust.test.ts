/**
 * Issue 12.1–12.4 and 15.6 as a user meets them, through the real store: a
 * forecast stays inside the metric's range and does not decide a status when
 * it reaches far beyond its history; a passed deadline without data is
 * missed; validate judges the baseline check uses; impossible ranges and
 * non-finite numbers are refused as such.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** goals.example.yaml with its exports, and `edit` applied to its text. */
function example(edit: (text: string) => string): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  const text = readFileSync(join(ROOT, 'goals.example.yaml'), 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  writeFileSync(join(dir, 'goals.yaml'), edited);
  return dir;
}

const CSAT_85 = `    baseline: 78
    target: 85
    start: 2026-07-01
    deadline: 2026-12-31
    milestones:
      - { date: 2026-09-30, target: 81 }`;

describe('a forecast far beyond its history (issue 12.1)', () => {
  // The case: CSAT 80 → 99 by 2030-12-31, as of 2026-11-16 on the example's weekly data.
  const dir = () =>
    example((t) =>
      t.replace(
        CSAT_85,
        '    baseline: 80\n    target: 99\n    start: 2026-07-01\n    deadline: 2030-12-31',
      ),
    );

  it('stays at 100 % and lets progress against expected progress decide: at risk, not on track', async () => {
    const r = await runCli(['check', '--as-of', '2026-11-16', '--format', 'json'], { cwd: dir() });
    const csat = JSON.parse(r.stdout).goals.find((g: { id: string }) => g.id === 'csat-85');
    // The trend (+0.38 pp/week over 133 days) gives 162.5 % at 2030-12-31: CSAT stops at 100.
    expect(csat.forecast).toBe(100);
    // progress (81.3 − 80) ÷ 19 = 6.8 %; expected 139 ÷ 1645 days = 8.4 %; 6.8 ≥ 8.4 − 20.
    expect([csat.progress, csat.expectedProgress]).toEqual([0.068, 0.084]);
    expect(csat.status).toBe('at-risk');
  });

  it('explain says why the forecast does not decide', async () => {
    const r = await runCli(['explain', 'csat-85', '--as-of', '2026-11-16'], {
      cwd: dir(),
      columns: 200,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '5 on-track     no   the forecast reaches too far (the deadline is 1506 days beyond the newest snapshot, more than 2 × the 133 days the snapshots span): progress 6.8 % < expected 8.4 %',
    );
    expect(r.stdout).toContain(
      'the trend gives 162.5 %, outside the range of csat (0 % to 100 %): the forecast stops at 100 %; the forecast reaches too far',
    );
  });
});

describe('a passed deadline with no data (issue 12.2)', () => {
  const dir = () =>
    example((t) =>
      t.replace(
        CSAT_85,
        '    baseline: 78\n    target: 85\n    start: 2019-11-01\n    deadline: 2020-01-31',
      ),
    );

  it('is missed, and check fails on it', async () => {
    const r = await runCli(['check', '--as-of', '2026-11-16', '--format', 'json'], { cwd: dir() });
    expect(r.code).toBe(1);
    const csat = JSON.parse(r.stdout).goals.find((g: { id: string }) => g.id === 'csat-85');
    expect([csat.status, csat.current]).toEqual(['missed', null]);
  });

  it('explain gives the reason', async () => {
    const r = await runCli(['explain', 'csat-85', '--as-of', '2026-11-16'], {
      cwd: dir(),
      columns: 200,
    });
    expect(r.stdout).toContain(
      '4 missed       yes  no data by the deadline 2020-01-31: no snapshot on or before it',
    );
  });
});

describe('one baseline rule (issues 12.3, 15.6)', () => {
  const goals = (goal: string) => `version: 1
sources:
  - { id: kpis, path: kpis.csv, layout: long, date: date }
goals:
${goal}`;
  const csv = [
    'date,metric,value',
    '2026-05-04,churn_rate,2.7',
    '2026-07-06,churn_rate,2.1',
    '2026-07-13,churn_rate,2.2',
    '2026-07-06,csat,88',
    '2026-07-13,csat,87',
  ].join('\n');
  const validate = (goal: string) =>
    runCli(['validate'], {
      cwd: tempDir({ 'goals.yaml': goals(goal), 'kpis.csv': csv }),
      columns: 300,
    });

  it('ambiguous-change reads the baseline check uses, not the first snapshot ever', async () => {
    const r = await validate(`  - id: churn
    title: Cut churn by 10% by the end of Q3
    owner: Ana
    metric: churn_rate
    target: "-10%"
    start: 2026-07-01
    deadline: 2026-09-30
`);
    expect(r.stdout).toContain(
      `Goal 'churn': target "-10%" on Customer churn, a percent metric, can be read two ways: 2.1 × 0.9 = 1.89 (relative), or 2.1 -10 = -7.9 (points), from the baseline 2.1 (the first snapshot on or after the start, 2026-07-06).`,
    );
  });

  it('not-already-met sees the first snapshots that check would call achieved', async () => {
    const goal = `  - id: csat
    title: Reach 85% CSAT by the end of Q3
    owner: Ana
    metric: csat
    target: 85
    start: 2026-07-01
    deadline: 2026-09-30
`;
    const r = await validate(goal);
    expect(r.stdout).toContain(
      "Goal 'csat': the baseline 88 % (the first snapshot on or after the start, 2026-07-06) already meets the target 85 %.  achievable/not-already-met",
    );
    const dir = tempDir({ 'goals.yaml': goals(goal), 'kpis.csv': csv });
    const check = await runCli(['check', '--as-of', '2026-07-13', '--format', 'json'], {
      cwd: dir,
    });
    const csat = JSON.parse(check.stdout).goals[0];
    expect([csat.baseline, csat.status]).toEqual([88, 'achieved']);
  });
});

describe('impossible ranges and non-finite numbers (issue 12.4)', () => {
  it('a range whose minimum is above its maximum is an error at its line', async () => {
    const dir = tempDir({
      'goals.yaml': `version: 1
metrics:
  - id: training
    name: Agents trained
    unit: percent
    range: [100, 0]
`,
    });
    const r = await runCli(['validate'], { cwd: dir, columns: 200 });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "goals.yaml:6:5  error  Metric 'training': range: the minimum 100 is not below the maximum 0.",
    );
    expect(r.stdout).toContain(
      '  → Write the range as [min, max], such as [0, 100]; null for no bound.',
    );
  });

  it('.inf and 1e400 in goals.yaml are refused as infinite, 1e308 is shown as a number', async () => {
    const dir = tempDir({
      'goals.yaml': `version: 1
goals:
  - id: inf
    title: Reach NPS 40 by Q4
    metric: nps
    baseline: 1e400
    target: .inf
    deadline: 2026-Q4
  - id: big
    title: Reach CSAT 85 by Q4
    metric: csat
    baseline: 80
    target: 1e308
    deadline: 2026-Q4
`,
    });
    const r = await runCli(['validate'], { cwd: dir, columns: 200 });
    expect(r.stdout).toContain(
      "goals.yaml:6:5  error  Goal 'inf': baseline: the number is not finite (.inf, or beyond ±1.8e308 such as 1e400, reads as infinity).",
    );
    expect(r.stdout).toContain(
      "goals.yaml:7:5  error  Goal 'inf': target: the number is not finite (.inf, or beyond ±1.8e308 such as 1e400, reads as infinity).",
    );
    expect(r.stdout).toContain(
      "goals.yaml:13:5  error  Goal 'big': target 1e+308 % is outside the range of Customer satisfaction (0 % to 100 %).",
    );
  });

  it('a CSV cell 1e400 is not a finite number, not "outside the range"', async () => {
    const dir = tempDir({
      'goals.yaml': 'version: 1\n',
      'a.csv': 'date,metric,value\n2026-10-05,nps,1e400\n2026-10-12,nps,-1e400\n',
    });
    const r = await runCli(['import', 'a.csv', '--layout', 'long'], { cwd: dir, columns: 200 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'a.csv:2:16  error  1e400 in column "value" is not a finite number: beyond ±1.8e308, it reads as infinity.',
    );
    expect(r.stderr).toContain(
      'a.csv:3:16  error  -1e400 in column "value" is not a finite number: beyond ±1.8e308, it reads as infinity.',
    );
  });
});
