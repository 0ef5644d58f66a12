import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'validate', name);

describe('goals validate', () => {
  it('shows the grid, every classic mistake at its line with a hint, and exits 1', async () => {
    const r = await runCli(['validate'], { cwd: fixture('classic-mistakes'), columns: 100 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'goal            S M A R T  title',
        'frt-fast        ✔ ▲ ✔ ✔ ✖  Answer first replies within 2 hours',
        'service         ✖ ✖ ✔ ✔ ✔  Improve customer service',
        'csat-typo       ✔ ✖ ✔ ✔ ✔  Reach 85% CSAT by Q4',
        'nps-150         ✔ ▲ ✖ ✔ ✔  Reach NPS 150 by Q4',
        'csat-objective  ✔ ▲ ✔ ✖ ✔  Reach 85% CSAT by Q4',
        'csat-10         ▲ ✖ ✔ ✔ ✔  Increase CSAT by 10%',
        '',
        "goals.yaml:6:5  warning  Goal 'frt-fast' has no baseline and no snapshot to take it from.  measurable/has-baseline",
        '  → Add `baseline:` with the value today, or import data for the metric (`goals import`).',
        "goals.yaml:6:5  error  Goal 'frt-fast' has no deadline: it can never be late, and never done.  time-bound/has-deadline",
        '  → Add `deadline:` with a date (2026-09-30) or a quarter (2026-Q3).',
        "goals.yaml:10:5  warning  Goal 'frt-fast': no source or snapshot provides first_response_time, so progress cannot be measured.  measurable/has-data",
        '  → Map a column of an export to it under sources:, or import a file with `goals import`.',
        "goals.yaml:12:5  error  Goal 'service' has no target: nothing says when it is reached.  measurable/has-target",
        '  → Add `target:` with a value (85, "2h") or a change ("-15%", "+5pp").',
        "goals.yaml:12:5  error  Goal 'service' has no metric: nothing says what will be measured.  specific/has-metric",
        '  → Add `metric:` with a metric id, e.g. `metric: csat` (`goals metrics` lists them, or declare one under metrics:).',
        'goals.yaml:13:5  warning  Goal \'service\': the title "Improve customer service" says "Improve" but not by how much.  specific/vague-title',
        '  → Put the number and the date in the title, e.g. "Reach 85% CSAT by the end of Q3".',
        "goals.yaml:21:5  error  Goal 'csat-typo': unknown metric 'cast' (did you mean 'csat'?).  measurable/known-metric",
        "  → Write `metric: csat`, or declare 'cast' under metrics:.",
        "goals.yaml:28:5  warning  Goal 'nps-150': no source or snapshot provides nps, so progress cannot be measured.  measurable/has-data",
        '  → Map a column of an export to it under sources:, or import a file with `goals import`.',
        "goals.yaml:30:5  error  Goal 'nps-150': target 150 is outside the range of Net Promoter Score (-100 to 100).  achievable/in-range",
        '  → Choose a target from -100 to 100.',
        "goals.yaml:35:5  error  Goal 'csat-objective': objective 'retension' does not exist (did you mean 'retention'?).  relevant/known-objective",
        "  → Write `objective: retention`, or declare 'retension' under objectives:.",
        "goals.yaml:36:5  warning  Goal 'csat-objective': no source or snapshot provides csat, so progress cannot be measured.  measurable/has-data",
        '  → Map a column of an export to it under sources:, or import a file with `goals import`.',
        "goals.yaml:44:5  warning  Goal 'csat-10': no source or snapshot provides csat, so progress cannot be measured.  measurable/has-data",
        '  → Map a column of an export to it under sources:, or import a file with `goals import`.',
        'goals.yaml:46:5  warning  Goal \'csat-10\': target "+10%" on Customer satisfaction, a percent metric, can be read two ways: 78 × 1.1 = 85.8 (relative), or 78 +10 = 88 (points).  specific/ambiguous-change',
        '  → Write "+10pp" for points, or the absolute target (e.g. 85.8).',
        "goals.yaml:48:5  error  Goal 'csat-10': unknown key 'tagret' (did you mean 'target'?).  schema/unknown-key",
        "  → Rename 'tagret' to 'target'.",
        '',
        '✖ 6 goals, 0 fully SMART; 7 errors, 7 warnings',
        '',
      ].join('\n'),
    );
  });

  it('writes the JSON of DESIGN §7', async () => {
    const r = await runCli(['validate', '--format', 'json'], { cwd: fixture('classic-mistakes') });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['version', 'config', 'summary', 'findings', 'goals']);
    expect(json.summary).toEqual({ goals: 6, errors: 7, warnings: 7 });
    expect(json.findings[1]).toEqual({
      severity: 'error',
      rule: 'time-bound/has-deadline',
      goal: 'frt-fast',
      message: "Goal 'frt-fast' has no deadline: it can never be late, and never done.",
      hint: 'Add `deadline:` with a date (2026-09-30) or a quarter (2026-Q3).',
      file: 'goals.yaml',
      line: 6,
      column: 5,
    });
    expect(json.goals[0]).toEqual({
      id: 'frt-fast',
      smart: { S: 'pass', M: 'warn', A: 'pass', R: 'pass', T: 'fail' },
    });
  });

  it('writes GitHub annotations on the lines of goals.yaml', async () => {
    const r = await runCli(['validate', '--format', 'github'], {
      cwd: fixture('classic-mistakes'),
      env: { GITHUB_WORKSPACE: fixture('classic-mistakes') },
    });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[1]).toBe(
      "::error file=goals.yaml,line=6,col=5,title=time-bound/has-deadline::Goal 'frt-fast' has no deadline: it can never be late, and never done.%0AAdd `deadline:` with a date (2026-09-30) or a quarter (2026-Q3).",
    );
    expect(lines.at(-1)).toBe('goals.yaml: 6 goals, 7 errors, 7 warnings');
  });

  it('a bad quarter is one annotation, schema/bad-date (it was two: schema/custom and schema/invalid_format)', async () => {
    const dir = tempDir({
      'goals.yaml': [
        'version: 1',
        'goals:',
        '  - id: csat-85',
        '    title: Reach 85% CSAT by Q4',
        '    metric: csat',
        '    target: 85',
        '    deadline: 2026-Q5',
        '',
      ].join('\n'),
    });
    const r = await runCli(['validate', '--format', 'github', '--no-sync'], { cwd: dir });
    expect(r.stdout.split('\n').filter((l) => l.includes('line=7,'))).toEqual([
      "::error file=goals.yaml,line=7,col=5,title=schema/bad-date::Goal 'csat-85': deadline: expected a date YYYY-MM-DD or a quarter YYYY-Qn.%0AWrite a date as YYYY-MM-DD (2026-09-30) or a quarter as YYYY-Qn (2026-Q3).",
    ]);
  });

  it('passes a SMART file with exit 0', async () => {
    const dir = tempDir({
      'goals.yaml': [
        'version: 1',
        'objectives:',
        '  - { id: quality, title: Solve problems right the first time }',
        'goals:',
        '  - id: csat-q4',
        '    title: Reach 85% CSAT by the end of Q4',
        '    owner: Maria',
        '    objective: quality',
        '    metric: csat',
        '    baseline: 82',
        '    target: 85',
        '    deadline: 2026-Q4',
        'settings:',
        '  rules:',
        '    measurable/has-data: off',
        '',
      ].join('\n'),
    });
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.stdout).toBe(
      'goal     S M A R T  title\ncsat-q4  ✔ ✔ ✔ ✔ ✔  Reach 85% CSAT by the end of Q4\n\n✔ 1 goal, 1 fully SMART; 0 errors, 0 warnings\n',
    );
    expect(r.code).toBe(0);
  });

  it('lets settings.rules raise a warning to an error', async () => {
    const dir = tempDir({
      'goals.yaml':
        'version: 1\nsettings:\n  rules:\n    specific/has-owner: error\ngoals:\n  - id: a\n    title: Reach 85% CSAT\n',
    });
    const r = await runCli(['validate', '--format', 'json'], { cwd: dir });
    const json = JSON.parse(r.stdout);
    expect(
      json.findings.find((f: { rule: string }) => f.rule === 'specific/has-owner').severity,
    ).toBe('error');
    expect(r.code).toBe(1);
  });

  it('shows a YAML syntax error with the line and a caret, exit 1', async () => {
    const dir = tempDir({ 'goals.yaml': 'version: 1\ngoals:\n  - id: a\n    title: "unclosed\n' });
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'goals.yaml:4:12  error  The double quote opened on line 4 is never closed.  yaml/syntax\n  4 |     title: "unclosed\n                 ^\n  → Close it at the end of the value: title: "unclosed"\n',
    );
  });

  it('points at an unclosed quote on its own line, and names a tab as a tab', async () => {
    const text = [
      'version: 1',
      'goals:',
      '  - id: csat',
      '    title: "Reach 85% CSAT by Q4',
      '    metric: csat',
      '    target: 85',
      '\tdeadline: 2026-Q4',
      '',
    ].join('\n');
    const r = await runCli(['validate', '--no-color'], { cwd: tempDir({ 'goals.yaml': text }) });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'goals.yaml:4:12  error  The double quote opened on line 4 is never closed, so YAML reads lines 4–7 as one text.  yaml/syntax',
        '  4 |     title: "Reach 85% CSAT by Q4',
        '                 ^',
        '  → Close it at the end of the value: title: "Reach 85% CSAT by Q4"',
        'goals.yaml:7:1  error  Line 7 is indented with a tab.  yaml/syntax',
        '  7 |  deadline: 2026-Q4',
        '      ^',
        '  → YAML indents with spaces only: replace the tab on line 7 with spaces.',
        '',
        '✖ 0 goals, 0 fully SMART; 2 errors, 0 warnings',
        '',
      ].join('\n'),
    );
  });

  it('shows the first of a cascade of YAML errors, says how many followed, and blames the misindented line', async () => {
    // yaml reports 3 errors here (6:1, then one on each of lines 7 and 8);
    // the key on line 6 is indented 3 spaces where the keys above are at 4.
    const text = [
      'version: 1',
      'goals:',
      '  - id: sla-90',
      '    title: Keep 90% of first replies within SLA',
      '    metric: frt_within_sla',
      '   type: [',
      '    target: 90',
      '    deadline: 2026-Q4',
      '',
    ].join('\n');
    const r = await runCli(['validate', '--no-color'], { cwd: tempDir({ 'goals.yaml': text }) });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'goals.yaml:6:1  error  Sequence item without - indicator  yaml/syntax',
        '  6 |    type: [',
        '      ^',
        '  → Line 6 is indented 3 spaces, the line before it 4: keys of one mapping must line up. YAML reports 2 more errors after this one (lines 7–8); they follow from it, so fix this one and run again.',
        '',
        '✖ 0 goals, 0 fully SMART; 1 error, 0 warnings',
        '',
      ].join('\n'),
    );
  });

  it('finds goals.yaml in a parent folder', async () => {
    const dir = tempDir({ 'goals.yaml': 'version: 1\n' });
    const r = await runCli(['validate'], { cwd: join(dir, '.') });
    expect(r.stdout).toBe('✔ 0 goals, 0 fully SMART; 0 errors, 0 warnings\n');
  });

  it('says where it looked when there is no goals.yaml, exit 2', async () => {
    const dir = tempDir();
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error No goals.yaml in ${dir} or any folder above it.\n  Run \`goals init\` to create one, or pass -c path/to/goals.yaml.\n`,
    );
  });

  it('names a missing -c file, exit 2', async () => {
    const dir = tempDir();
    const r = await runCli(['validate', '-c', 'team/goals.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error Cannot find team/goals.yaml (looked at ${join(dir, 'team/goals.yaml')}).\n  Check the path given to -c/--config.\n`,
    );
  });
});

describe('the command line', () => {
  it('suggests a command for a typo, exit 2', async () => {
    const r = await runCli(['valdate'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown command 'valdate'\n(Did you mean validate?)\n");
  });

  it('suggests a flag for a typo, exit 2', async () => {
    const r = await runCli(['validate', '--fromat', 'json'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown option '--fromat'\n(Did you mean --format?)\n");
  });

  it('refuses an unknown format, exit 2', async () => {
    const r = await runCli(['validate', '--format', 'xml'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are table, json, github.\n",
    );
  });

  it('prints help with examples and exit codes, exit 0', async () => {
    const r = await runCli(['validate', '--help'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: goals validate [options]');
    expect(r.stdout).toContain('$ goals validate --format github');
    expect(r.stdout).toContain('Exit codes:');
  });

  it('prints the version', async () => {
    const r = await runCli(['--version'], { cwd: tempDir() });
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(r.code).toBe(0);
  });

  it('leaves closed goals out of the grid and the rules, and says how many', async () => {
    const dir = tempDir({
      'goals.yaml': [
        'version: 1',
        'objectives: [{ id: q, title: Quality }]',
        'goals:',
        '  - { id: old, title: Improve service, status: closed }',
        '  - id: csat-85',
        '    title: Reach 85% CSAT by the end of Q4',
        '    owner: Maria',
        '    objective: q',
        '    metric: csat',
        '    baseline: 80',
        '    target: 85',
        '    deadline: 2026-Q4',
        '',
      ].join('\n'),
    });
    const r = await runCli(['validate', '--as-of', '2026-10-01'], { cwd: dir });
    expect(r.stdout).toBe(
      [
        'goal     S M A R T  title',
        'csat-85  ✔ ▲ ✔ ✔ ✔  Reach 85% CSAT by the end of Q4',
        '',
        "goals.yaml:9:5  warning  Goal 'csat-85': no source or snapshot provides csat, so progress cannot be measured.  measurable/has-data",
        '  → Map a column of an export to it under sources:, or import a file with `goals import`.',
        '',
        '▲ 1 goal (1 closed, not checked), 0 fully SMART; 0 errors, 1 warning',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
  });

  it('shows escape characters in an error message as visible escapes, exit 2', async () => {
    const dir = tempDir();
    const r = await runCli(['validate', '-c', 'ev\u001b[2Jil.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error Cannot find ev\\x1b[2Jil.yaml (looked at ${join(dir, 'ev\\x1b[2Jil.yaml')}).\n` +
        '  Check the path given to -c/--config.\n',
    );
  });

  it('refuses a bad --as-of, exit 2', async () => {
    const dir = tempDir({ 'goals.yaml': 'version: 1\n' });
    const r = await runCli(['validate', '--as-of', '2026-13-01'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error --as-of 2026-13-01 is not a date.\n  Write it as YYYY-MM-DD, a real day from 1900 to 2999, e.g. --as-of 2026-08-20.\n',
    );
  });
});
