/**
 * `goals check` in-process on the `team` fixture (one goal per status as of
 * 2026-11-16): every format byte for byte, filters, --fail-on and exit codes,
 * -o, GitHub Actions, and hostile text in goals.yaml.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { runCli } from '../helpers/memory-io.js';
import { copyFixture, tempDir } from '../helpers/temp-dir.js';
import { fixtureHistory } from './fixture-history.js';

vi.mock('../../src/cli/open-history.js', () => ({
  openHistory: async (_ctx: unknown, project: { dir: string }) => fixtureHistory(project.dir),
}));

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'check', 'team');
const EXPECTED = join(FIXTURE, 'expected');
const AS_OF = ['--as-of', '2026-11-16'];

const check = (args: string[], options: { columns?: number; env?: Record<string, string> } = {}) =>
  runCli(['check', ...AS_OF, ...args], { cwd: FIXTURE, columns: 100, ...options });

describe('goals check on the team fixture, byte for byte', () => {
  it.each([80, 100, 120, 160])('table at %i columns', async (columns) => {
    const r = await check([], { columns });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot(join(EXPECTED, `table-${columns}.txt`));
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
  });

  it.each([
    ['json', 'check.json'],
    ['markdown', 'check.md'],
    ['junit', 'check.xml'],
    ['github', 'github.txt'],
  ])('--format %s', async (format, file) => {
    // Annotations name goals.yaml from the workspace root (here the fixture).
    const r = await check(['--format', format], { env: { GITHUB_WORKSPACE: FIXTURE } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot(join(EXPECTED, file));
  });
});

describe('--format json', () => {
  it('has the shape and key order of DESIGN §8, and only JSON on stdout', async () => {
    const r = await check(['--format', 'json']);
    const body = JSON.parse(r.stdout);
    expect(Object.keys(body)).toEqual(['version', 'asOf', 'config', 'summary', 'goals']);
    expect(body.summary).toEqual({
      total: 10,
      achieved: 1,
      'on-track': 3,
      'at-risk': 2,
      'off-track': 1,
      missed: 1,
      'no-data': 1,
      'not-started': 1,
    });
    const csat = body.goals.find((g: { id: string }) => g.id === 'csat-85');
    expect(Object.keys(csat)).toEqual([
      'id',
      'title',
      'metric',
      'unit',
      'type',
      'segment',
      'status',
      'stale',
      'baseline',
      'target',
      'current',
      'currentDate',
      'progress',
      'expectedProgress',
      'forecast',
      'forecastProgress',
      'forecastInterval',
      'chance',
      'start',
      'deadline',
      'daysLeft',
      'pace',
      'sampleSize',
      'partial',
    ]);
    expect(csat).toMatchObject({
      status: 'at-risk',
      baseline: 78,
      target: 85,
      current: 82.3,
      currentDate: '2026-11-16',
      start: '2026-07-01',
      deadline: '2026-12-31',
      daysLeft: 45,
    });
    const statuses = Object.fromEntries(
      body.goals.map((g: { id: string; status: string; stale: boolean }) => [
        g.id,
        g.stale ? `${g.status}+stale` : g.status,
      ]),
    );
    expect(statuses).toEqual({
      'first-reply-2h': 'on-track',
      'sla-90': 'at-risk',
      'csat-85': 'at-risk',
      'fcr-75': 'off-track',
      'resolution-emea-24h': 'on-track',
      'nps-30': 'achieved+stale',
      'churn-2pct': 'missed',
      'deescalation-training': 'no-data',
      'sofia-csat': 'on-track',
      'backlog-2027': 'not-started',
    });
  });

  it('takes the baseline of a goal without one from its segment’s first snapshot', async () => {
    const body = JSON.parse((await check(['--format', 'json', '-g', 'sofia-csat'])).stdout);
    expect(body.goals[0]).toMatchObject({
      segment: { team: 'Sofia' },
      baseline: 84,
      target: 90,
      current: 88,
    });
  });
});

describe('--format junit', () => {
  it('is well-formed XML with a test case per goal', async () => {
    const r = await check(['--format', 'junit']);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout);
    const suites = xml.testsuites.testsuite as Array<{
      name: string;
      skipped: string;
      testcase: unknown;
    }>;
    expect(xml.testsuites).toMatchObject({ tests: '10', failures: '2', errors: '0' });
    // Skipped goals are counted per suite: the schemas have no testsuites@skipped.
    expect(suites.map((s) => s.skipped)).toEqual(['0', '1', '0', '0', '1']);
    expect(suites.map((s) => s.name)).toEqual([
      'fast-help',
      'quality',
      'retention',
      'sofia',
      'no-objective',
    ]);
    const cases = suites.flatMap((s) => [s.testcase].flat()) as Array<Record<string, unknown>>;
    expect(cases).toHaveLength(10);
    const fcr = cases.find((c) => c.name === 'fcr-75')!;
    expect(fcr.failure).toMatchObject({ type: 'off-track' });
    const noData = cases.find((c) => c.name === 'deescalation-training')!;
    // GitLab and Jenkins show the text of <skipped> as the reason.
    expect(noData.skipped).toBe('no data: no snapshot on or before 2026-11-16');
  });
});

describe('filters', () => {
  it('--goal (repeatable) keeps file order', async () => {
    const r = await check(['--format', 'json', '-g', 'nps-30', '-g', 'sla-90']);
    expect(JSON.parse(r.stdout).goals.map((g: { id: string }) => g.id)).toEqual([
      'sla-90',
      'nps-30',
    ]);
    expect(r.code).toBe(0);
  });

  it('--objective', async () => {
    const r = await check(['--format', 'json', '--objective', 'retention']);
    expect(JSON.parse(r.stdout).goals.map((g: { id: string }) => g.id)).toEqual([
      'nps-30',
      'churn-2pct',
    ]);
    expect(r.code).toBe(1);
  });

  it('--status, and --fail-on applies to what is shown', async () => {
    const r = await check(['--format', 'json', '--status', 'at-risk,on-track']);
    const body = JSON.parse(r.stdout);
    expect(body.goals.map((g: { id: string }) => g.id)).toEqual([
      'first-reply-2h',
      'sla-90',
      'csat-85',
      'resolution-emea-24h',
      'sofia-csat',
    ]);
    expect(body.summary.total).toBe(5);
    expect(r.code).toBe(0);
  });

  it('an unknown goal is exit 2 with the closest id', async () => {
    const r = await check(['-g', 'nps30']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error There is no goal "nps30" in goals.yaml.\n  Did you mean "nps-30"?\n',
    );
  });

  it('an unknown objective is exit 2 with the closest id', async () => {
    const r = await check(['--objective', 'qualty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error There is no objective "qualty" in goals.yaml.\n  Did you mean "quality"?\n',
    );
  });

  it('a closed goal is not checked, and asking for it says so', async () => {
    const all = JSON.parse((await check(['--format', 'json'])).stdout);
    expect(all.goals.map((g: { id: string }) => g.id)).not.toContain('csat-q2');
    const r = await check(['--format', 'json', '-g', 'csat-q2']);
    expect(JSON.parse(r.stdout).goals).toEqual([]);
    expect(r.stderr).toBe(
      'note csat-q2 is closed (status: closed), so it is not checked; `goals explain csat-q2` still shows it.\n',
    );
    expect(r.code).toBe(0);
  });
});

describe('--fail-on and exit codes', () => {
  it('default off-track,missed: exit 1', async () => {
    expect((await check(['--format', 'json'])).code).toBe(1);
  });

  it('statuses nobody has: exit 0', async () => {
    expect((await check(['--format', 'json', '--fail-on', 'achieved'])).code).toBe(1);
    expect((await check(['--format', 'json', '--fail-on', 'on-track', '-g', 'sla-90'])).code).toBe(
      0,
    );
  });

  it('stale fails only goals that are stale', async () => {
    expect((await check(['--format', 'json', '--fail-on', 'stale', '-g', 'csat-85'])).code).toBe(0);
    const r = await check(['--format', 'junit', '--fail-on', 'stale', '-g', 'nps-30']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '<failure type="stale" message="nps-30 stale: the newest snapshot (2026-10-26) is 21 days old">',
    );
  });

  it('--exit-zero: exit 0, and every report still shows the failing goals', async () => {
    const junit = await check(['--format', 'junit', '--exit-zero']);
    expect(junit.code).toBe(0);
    expect(junit.stderr).toBe('');
    expect(junit.stdout).toBe(readFileSync(join(EXPECTED, 'check.xml'), 'utf8'));
    const table = await check(['--exit-zero']);
    expect(table.code).toBe(0);
    expect(table.stdout).toBe(readFileSync(join(EXPECTED, 'table-100.txt'), 'utf8'));
    const github = await check(['--format', 'github', '--exit-zero'], {
      env: { GITHUB_WORKSPACE: FIXTURE },
    });
    expect(github.stdout).toBe(readFileSync(join(EXPECTED, 'github.txt'), 'utf8'));
    // Could not run is still 2.
    expect((await check(['--exit-zero', '-g', 'nope'])).code).toBe(2);
  });

  it("--fail-on '': nothing fails, not even in the reports, and stderr names what that hides", async () => {
    const r = await check(['--format', 'junit', '--fail-on', '']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tests="10" failures="0" errors="0">');
    expect(r.stderr).toBe(
      "note --fail-on '' marks no goal as failing, in the reports too: fcr-75 (off track), churn-2pct (missed) show as passing. To report them as failing and still exit 0, use --exit-zero instead.\n",
    );
    expect((await check(['--format', 'junit', '--fail-on', '', '-q'])).stderr).toBe('');
  });

  it('an unknown status is exit 2 naming the valid ones', async () => {
    const r = await check(['--fail-on', 'off-track,late']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error --fail-on: "late" is not a status.\n  Valid: not-started, no-data, achieved, missed, on-track, at-risk, off-track, stale, slipped.\n',
    );
    const s = await check(['--status', 'stale']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain(
      'Valid: not-started, no-data, achieved, missed, on-track, at-risk, off-track.',
    );
  });
});

describe('--fail-below-chance', () => {
  // In the fixture only sla-90 (a stay goal a snapshot broke: 0 %) and csat-85
  // have a chance. csat-85's is under 1 %: its forecast 84.03 is 4.4 scales of
  // 0.22 below 85, a t tail (18 degrees of freedom) of about 0.0002.
  it('fails the goals whose chance is below it, in every report', async () => {
    const junit = await check(['--format', 'junit', '--fail-on', '', '--fail-below-chance', '0.5']);
    expect(junit.code).toBe(1);
    expect(junit.stderr).toBe('');
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      junit.stdout,
    );
    expect(xml.testsuites).toMatchObject({ failures: '2' });
    expect(junit.stdout).toContain(
      '<failure type="chance" message="sla-90 chance 0 % that every snapshot stays ≥ 90 % until 2026-12-31 is below 50 % (a snapshot since the start already broke it)">',
    );
    expect(junit.stdout).toContain(
      '<failure type="chance" message="csat-85 chance &lt;1 % of meeting ≥ 85 % by 2026-12-31 is below 50 % (forecast 84 %, 80 % interval 83.7 %–84.4 %)">',
    );
    const github = await check(
      ['--format', 'github', '--fail-on', '', '--fail-below-chance', '50%'],
      {
        env: { GITHUB_WORKSPACE: FIXTURE },
      },
    );
    expect(github.stdout).toContain(
      '::error file=goals.yaml,line=46,col=5,title=csat-85%3A chance <1 %25::',
    );
    expect(github.stdout).toContain(
      '\n2 goals failing (--fail-below-chance 0.5): sla-90, csat-85\n',
    );
    const markdown = await check(['--format', 'markdown', '--fail-below-chance', '0.5']);
    expect(markdown.stdout).toContain(
      '❌ 4 goals failing (--fail-on off-track,missed; --fail-below-chance 0.5): sla-90, csat-85, fcr-75, churn-2pct',
    );
  });

  it('goals without a chance never fail on it, and a chance equal to it passes', async () => {
    // fcr-75 has none (its snapshots lie exactly on a line): even 1 does not fail it.
    expect((await check(['-g', 'fcr-75', '--fail-on', '', '--fail-below-chance', '1'])).code).toBe(
      0,
    );
    const zero = await check(['--fail-on', '', '--fail-below-chance', '0']);
    expect(zero.code).toBe(0);
    // --fail-on '' is how to fail on the chance alone: no note that it hides failures.
    expect(zero.stderr).toBe('');
  });

  it('takes a share or a percentage; anything else is exit 2 with how to write it', async () => {
    const fifty = await check(['--fail-below-chance', '50']);
    expect(fifty.code).toBe(2);
    expect(fifty.stderr).toBe(
      'error --fail-below-chance: "50" is not a chance from 0 to 1.\n  For 50 %, write --fail-below-chance 0.5 (or 50%).\n',
    );
    expect((await check(['--fail-below-chance', 'half'])).stderr).toBe(
      'error --fail-below-chance: "half" is not a chance from 0 to 1.\n  Write a share such as 0.5, or a percentage such as 50%.\n',
    );
    expect((await check(['--fail-below-chance', '1.5'])).code).toBe(2);
    expect(
      (await check(['--fail-below-chance', '.5', '--fail-on', '', '-g', 'csat-85'])).code,
    ).toBe(1);
  });
});

describe('-o FILE', () => {
  it('writes the format to the file and the table to the terminal', async () => {
    const dir = copyFixture('check/team');
    const r = await runCli(['check', ...AS_OF, '--format', 'junit', '-o', 'goals.xml'], {
      cwd: dir,
      columns: 100,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(readFileSync(join(EXPECTED, 'table-100.txt'), 'utf8'));
    expect(readFileSync(join(dir, 'goals.xml'), 'utf8')).toBe(
      readFileSync(join(EXPECTED, 'check.xml'), 'utf8'),
    );
  });

  it('a folder that does not exist is exit 2', async () => {
    const r = await check(['--format', 'json', '-o', 'no/such/dir/out.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error Cannot write the report to no\/such\/dir\/out.json: ENOENT/);
  });
});

describe('GitHub Actions', () => {
  it('without --format: the table, then annotations, and the job summary appended', async () => {
    const dir = copyFixture('check/team');
    writeFileSync(join(dir, 'summary.md'), '# before\n');
    const r = await runCli(['check', ...AS_OF], {
      cwd: dir,
      columns: 100,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(dir, 'summary.md') },
    });
    expect(r.code).toBe(1);
    const table = readFileSync(join(EXPECTED, 'table-100.txt'), 'utf8');
    const annotations = readFileSync(join(EXPECTED, 'github.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('::'))
      .join('\n');
    expect(r.stdout).toBe(`${table}${annotations}\n`);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe(
      `# before\n${readFileSync(join(EXPECTED, 'check.md'), 'utf8')}\n`,
    );
  });

  it('an explicit --format is respected: JSON only, no summary', async () => {
    const dir = copyFixture('check/team');
    const r = await runCli(['check', ...AS_OF, '--format', 'json'], {
      cwd: dir,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(dir, 'summary.md') },
    });
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(existsSync(join(dir, 'summary.md'))).toBe(false);
  });

  it('--format github writes the summary too', async () => {
    const dir = copyFixture('check/team');
    await runCli(['check', ...AS_OF, '--format', 'github'], {
      cwd: dir,
      env: { GITHUB_STEP_SUMMARY: 'summary.md' },
    });
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe(
      `${readFileSync(join(EXPECTED, 'check.md'), 'utf8')}\n`,
    );
  });
});

describe('quiet and empty', () => {
  it('-q shows only the failing goals and the summary', async () => {
    const r = await check(['-q'], { columns: 80 });
    await expect(r.stdout).toMatchFileSnapshot(join(EXPECTED, 'table-quiet.txt'));
    expect(r.stdout).toContain('fcr-75');
    expect(r.stdout).not.toContain('sla-90 ');
  });
});

describe('hostile text in goals.yaml', () => {
  it('control characters never reach the terminal raw; XML stays valid', async () => {
    const dir = copyFixture('check/team');
    const path = join(dir, 'goals.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        'title: Raise NPS from 22 to 30 by the end of 2026',
        'title: "Raise NPS \\e[31mred\\e[0m \\x07 to 30 | <b>&</b>"',
      ),
    );
    const table = await runCli(['check', ...AS_OF, '-g', 'nps-30'], { cwd: dir, columns: 160 });
    expect(table.stdout).not.toContain('\u001b');
    expect(table.stdout).toContain('Raise NPS \\x1b[31mred\\x1b[0m \\x07 to 30');
    const junit = await runCli(['check', ...AS_OF, '-g', 'nps-30', '--format', 'junit'], {
      cwd: dir,
    });
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    expect(junit.stdout).toContain(
      'Raise NPS \\x1b[31mred\\x1b[0m \\x07 to 30 | &lt;b&gt;&amp;&lt;/b&gt;',
    );
    const md = await runCli(['check', ...AS_OF, '-g', 'nps-30', '--format', 'markdown'], {
      cwd: dir,
    });
    expect(md.stdout).toContain(
      'Raise NPS \\\\x1b\\[31mred\\\\x1b\\[0m \\\\x07 to 30 \\| \\<b\\>\\&\\</b\\>',
    );
  });
});

describe('goals that cannot be evaluated, and no store', () => {
  const GOALS = `version: 1
goals:
  - id: no-target
    title: Reach 85% CSAT by the end of Q4
    metric: csat
    deadline: 2026-Q4
  - id: fine
    title: Reach 85% CSAT by the end of Q4
    metric: csat
    target: 85
    deadline: 2026-Q4
  - id: volume
    title: Handle 500 tickets a week
    metric: ticket_volume
    target: 500
    deadline: 2026-Q4
`;

  it('stops with exit 2 and a finding for each goal that cannot be evaluated', async () => {
    const dir = tempDir({ 'goals.yaml': GOALS });
    const r = await runCli(['check', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'goals.yaml:3:5  error  no-target cannot be evaluated: it has no target.  check/cannot-evaluate',
        'goals.yaml:12:5  error  volume cannot be evaluated: its metric ticket_volume has no better direction, and it has no type.  check/cannot-evaluate',
        'error 2 goals in goals.yaml cannot be evaluated; nothing was checked.',
        '  Fix what is listed above (`goals validate` explains each), or mark a finished goal `status: closed`.',
        '',
      ].join('\n'),
    );
  });

  it('without a store every goal has no data, and stderr says how to get some', async () => {
    const dir = tempDir({ 'goals.yaml': GOALS });
    const r = await runCli(['check', ...AS_OF, '-g', 'fine', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).goals[0].status).toBe('no-data');
    expect(r.stderr).toBe(
      'note the store has no snapshots yet, so no goal can be measured: import exports with `goals import`, or list them under sources: in goals.yaml.\n',
    );
  });
});
