/**
 * `goals check --since` on the team fixture: the earlier evaluation agrees,
 * goal by goal, with `goals check --as-of` at that date; the changes are the
 * ones worked out by hand from snapshots.csv; slips fail with
 * `--fail-on slipped`; bad `--since` values are usage errors.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { fixtureHistory } from './fixture-history.js';

vi.mock('../../src/cli/open-history.js', () => ({
  openHistory: async (_ctx: unknown, project: { dir: string }) => fixtureHistory(project.dir),
}));

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'check', 'team');
const EXPECTED = join(FIXTURE, 'expected');

const check = (args: string[], columns = 100) =>
  runCli(['check', ...args], { cwd: FIXTURE, columns });

interface JsonGoal {
  id: string;
  status: string;
  current: number | null;
  progress: number | null;
  previous?: { asOf: string; status: string; current: number | null; progress: number | null };
}

async function json(args: string[]): Promise<{ since?: string; goals: JsonGoal[] }> {
  const r = await check([...args, '--format', 'json', '--exit-zero']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('--since agrees with --as-of at the earlier date', () => {
  it.each([
    ['7d', '2026-11-09'],
    ['2w', '2026-11-02'],
    ['2026-10-01', '2026-10-01'],
    ['2026-09-15', '2026-09-15'],
  ])('--since %s (%s), goal by goal', async (since, date) => {
    const now = await json(['--as-of', '2026-11-16', '--since', since]);
    const then = await json(['--as-of', date]);
    expect(now.since).toBe(date);
    expect(now.goals.map((g) => g.id)).toEqual(then.goals.map((g) => g.id));
    for (const [i, goal] of now.goals.entries()) {
      const earlier = then.goals[i]!;
      expect({ id: goal.id, ...goal.previous }).toEqual({
        id: earlier.id,
        asOf: date,
        status: earlier.status,
        current: earlier.current,
        progress: earlier.progress,
        change: expect.any(String),
      });
    }
  });
});

describe('what changed, as worked out by hand from snapshots.csv', () => {
  it('since 2026-09-15: values, progress and how each status moved', async () => {
    const { goals } = await json(['--as-of', '2026-11-16', '--since', '2026-09-15']);
    const byId = Object.fromEntries(goals.map((g) => [g.id, g.previous]));
    // csat-85: the newest snapshot on or before 09-15 is 80.1 (09-14); (80.1 − 78) ÷ (85 − 78) = 0.3.
    expect(byId['csat-85']).toEqual({
      asOf: '2026-09-15',
      status: 'at-risk',
      current: 80.1,
      progress: 0.3,
      change: 'unchanged',
    });
    // fcr-75: 69.0 (09-14); (69 − 68) ÷ (75 − 68) = 0.142857 → 0.143.
    expect(byId['fcr-75']).toMatchObject({ current: 69, progress: 0.143, change: 'unchanged' });
    // nps-30: 27 (08-31) on track then, 31 ≥ 30 achieved now.
    expect(byId['nps-30']).toMatchObject({ status: 'on-track', current: 27, change: 'improved' });
    // churn-2pct: 2.3 (08-31) before its deadline 09-30, missed now: a slip.
    expect(byId['churn-2pct']).toMatchObject({
      status: 'off-track',
      current: 2.3,
      change: 'slipped',
    });
    // sofia-csat starts 2026-10-01: it had not started.
    expect(byId['sofia-csat']).toEqual({
      asOf: '2026-09-15',
      status: 'not-started',
      current: null,
      progress: null,
      change: 'new',
    });
    // backlog-2027 has not started at either date: nothing changed.
    expect(byId['backlog-2027']).toMatchObject({ status: 'not-started', change: 'unchanged' });
  });

  it('the table shows the moves, the changes of value and progress, and the slips', async () => {
    const r = await check(['--as-of', '2026-11-16', '--since', '2026-09-15'], 120);
    expect(r.code).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot(join(EXPECTED, 'since-120.txt'));
    const row = (id: string) => r.stdout.split('\n').find((l) => l.includes(` ${id} `))!;
    // first-reply-2h started 10-01. csat-85: 82.3 − 80.1 = +2.2 pp; progress 61 % − 30 % = +31 pp.
    expect(row('first-reply-2h')).toMatch(/45 d {2}had not started$/);
    expect(row('csat-85')).toMatch(/45 d\s+\+2\.2 pp\s+\+31 pp/);
    expect(row('nps-30')).toMatch(/▲ was on track\s+\+4\s+\+50 pp/);
    expect(row('churn-2pct')).toMatch(/▼ was off track\s+−0\.1 pp\s+\+17 pp$/);
    expect(r.stdout).toContain('▼ 1 slipped since 2026-09-15: churn-2pct (off track → missed)\n');
    expect(r.stdout).toContain('▲ 1 improved since 2026-09-15: nps-30 (on track → achieved)\n');
    expect(r.stdout).toContain(
      'had not started on 2026-09-15: first-reply-2h, sla-90, resolution-emea-24h, deescalation-training, sofia-csat\n',
    );
  });

  it('a week that changed no status says so, and the full words fit a wide terminal', async () => {
    const r = await check(['--as-of', '2026-11-16', '--since', '7d', '--goal', 'first-reply-2h']);
    // 11 100 s (11-09) → 10 500 s (11-16): −10 m; progress 3300/7200 = 46 % → 3900/7200 = 54 %: +8 pp.
    expect(r.stdout).toContain('as of 2026-11-16, compared with 2026-11-09 · goals.yaml\n');
    expect(r.stdout).toMatch(/first-reply-2h .* −10 m\s+\+8 pp/);
    expect(r.stdout).toContain('\nno status changed since 2026-11-09\n');
  });

  it('had not started / had no data when there is room for the words', async () => {
    const r = await check(
      ['--as-of', '2026-11-16', '--since', '2026-09-15', '--goal', 'sofia-csat'],
      120,
    );
    expect(r.stdout).toMatch(/sofia-csat .* had not started {2}/);
    expect(r.stdout).toContain('\nhad not started on 2026-09-15: sofia-csat\n');
  });
});

describe('the CI formats mention slips', () => {
  const args = ['--as-of', '2026-11-16', '--since', '2026-09-15'];

  it('markdown: a change column and the slips under the table', async () => {
    const r = await check([...args, '--format', 'markdown']);
    expect(r.stdout).toContain('| Days left | Since 2026-09-15 |\n');
    expect(r.stdout).toMatch(/\| `churn-2pct` .*\| ▼ was off track · −0\.1 pp \|\n/);
    expect(r.stdout).toContain('▼ 1 slipped since 2026-09-15: churn-2pct (off track → missed)');
  });

  it('junit: --fail-on slipped makes a slip a failure of type slipped', async () => {
    const r = await check([...args, '--format', 'junit', '--fail-on', 'slipped']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '<failure type="slipped" message="churn-2pct slipped: off track on 2026-09-15 → missed">',
    );
    expect(r.stdout).toContain('since 2026-09-15: off track → missed (slipped); now −0.1 pp');
  });

  it('github: a slip that does not fail the check is a warning, and the summary lists slips', async () => {
    const r = await check([...args, '--format', 'github', '--fail-on', 'off-track']);
    expect(r.stdout).toMatch(
      /::warning [^:]*title=churn-2pct%3A slipped::.*slipped: off track on 2026-09-15 → missed/,
    );
    expect(r.stdout).toContain('\n▼ 1 slipped since 2026-09-15: churn-2pct (off track → missed)\n');
  });
});

describe('--fail-on slipped', () => {
  it('exit 1 when a goal slipped, 0 when none did', async () => {
    const slipped = await check([
      '--as-of',
      '2026-11-16',
      '--since',
      '2026-09-15',
      '--fail-on',
      'slipped',
    ]);
    expect(slipped.code).toBe(1);
    expect(slipped.stdout).toContain('✖ 1 goal failing (--fail-on slipped): churn-2pct\n');
    const quiet = await check(['--as-of', '2026-11-16', '--since', '7d', '--fail-on', 'slipped']);
    expect(quiet.code).toBe(0);
  });

  it('without --since it is a usage error', async () => {
    const r = await check(['--as-of', '2026-11-16', '--fail-on', 'slipped']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--fail-on slipped needs --since: slipped since when?');
    expect(r.stderr).toContain('Add --since 7d');
  });
});

describe('bad --since values are usage errors (exit 2)', () => {
  it.each([
    ['yesterday', 'is neither a date nor a number of days or weeks'],
    ['7m', 'is neither a date nor a number of days or weeks'],
    ['2026-02-30', 'is neither a date nor a number of days or weeks'],
    ['0d', 'is not before as of 2026-11-16'],
    ['2026-11-16', 'is not before as of 2026-11-16'],
    ['2026-12-01', 'is not before as of 2026-11-16'],
  ])('--since %s', async (since, message) => {
    const r = await check(['--as-of', '2026-11-16', '--since', since]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--since ${since} ${message}.`);
  });
});
