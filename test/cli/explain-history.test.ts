/**
 * `goals explain` and `goals history` in-process on the `team` fixture:
 * whole outputs byte for byte, JSON shapes, CSV safety and the errors.
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
const run = (args: string[], columns = 80) =>
  runCli([...args, '--as-of', '2026-11-16'], { cwd: FIXTURE, columns });

describe('goals explain', () => {
  it.each(['csat-85', 'sla-90', 'churn-2pct', 'deescalation-training'])(
    'explains %s',
    async (id) => {
      const r = await run(['explain', id]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      await expect(r.stdout).toMatchFileSnapshot(join(EXPECTED, `explain-${id}.txt`));
      for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    },
  );

  it('--format json: the goal as check reports it, the rules, every figure', async () => {
    const r = await run(['explain', 'fcr-75', '--format', 'json']);
    const body = JSON.parse(r.stdout);
    expect(Object.keys(body)).toEqual([
      'version',
      'asOf',
      'config',
      'goal',
      'status',
      'figures',
      'snapshots',
    ]);
    const check = JSON.parse((await run(['check', '--format', 'json', '-g', 'fcr-75'])).stdout);
    expect(body.goal).toEqual(check.goals[0]);
    expect(body.status.status).toBe('off-track');
    expect(body.status.checks.at(-1)).toEqual({
      status: 'off-track',
      holds: true,
      reason: 'forecast progress 36.3 % is below 80 %',
    });
    const progress = body.figures.find((f: { name: string }) => f.name === 'progress');
    expect(progress).toEqual({
      name: 'progress',
      value: 0.271,
      kind: 'ratio',
      formula: '(current − baseline) ÷ (target − baseline)',
      inputs: [
        { name: 'current', value: 69.9, kind: 'value' },
        { name: 'baseline', value: 68, kind: 'value' },
        { name: 'target', value: 75, kind: 'value' },
      ],
      snapshots: ['2026-11-16'],
      note: null,
    });
    await expect(r.stdout).toMatchFileSnapshot(join(EXPECTED, 'explain-fcr-75.json'));
  });

  it('explains a closed goal too', async () => {
    const r = await run(['explain', 'csat-q2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lifecycle  closed: not checked by goals check');
  });

  it('an unknown goal is exit 2 with the closest id', async () => {
    const r = await run(['explain', 'fcr75']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error There is no goal "fcr75" in goals.yaml.\n  Did you mean "fcr-75"?\n',
    );
  });
});

describe('goals history', () => {
  it.each([
    ['csat-85', 80],
    ['sla-90', 80],
    ['churn-2pct', 120],
  ])('charts %s at %i columns', async (id, columns) => {
    const r = await run(['history', id], columns);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(join(EXPECTED, `history-${id}-${columns}.txt`));
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThan(columns);
  });

  it('--format json lists every snapshot up to as of with the expected value', async () => {
    const r = await run(['history', 'sofia-csat', '--format', 'json']);
    const body = JSON.parse(r.stdout);
    expect(body).toMatchObject({
      goal: 'sofia-csat',
      metric: 'csat',
      unit: 'percent',
      segment: { team: 'Sofia' },
      start: '2026-10-01',
      deadline: '2026-12-31',
      baseline: 84,
      target: 90,
    });
    expect(body.snapshots).toHaveLength(7);
    // 5 of 92 days by the end of 2026-10-05: 84 + 6 × 5/92
    expect(body.snapshots[0]).toEqual({
      date: '2026-10-05',
      value: 84,
      expected: 84.3261,
      n: null,
      partial: false,
    });
  });

  it('--format json has the forecast, its 80 % interval and the chance, as check reports them', async () => {
    const body = JSON.parse((await run(['history', 'csat-85', '--format', 'json'])).stdout);
    expect(Object.keys(body)).toEqual([
      'version',
      'asOf',
      'config',
      'goal',
      'metric',
      'unit',
      'segment',
      'type',
      'start',
      'deadline',
      'baseline',
      'target',
      'forecast',
      'forecastInterval',
      'chance',
      'snapshots',
    ]);
    const check = JSON.parse((await run(['check', '--format', 'json', '-g', 'csat-85'])).stdout);
    const { forecast, forecastInterval, chance } = check.goals[0];
    expect({ forecast, forecastInterval, chance }).toEqual({
      forecast: 84.03,
      forecastInterval: [83.68, 84.39],
      chance: 0.003,
    });
    expect(body).toMatchObject({ forecast, forecastInterval, chance });
  });

  it('--format csv, byte for byte', async () => {
    const r = await run(['history', 'resolution-emea-24h', '--format', 'csv']);
    await expect(r.stdout).toMatchFileSnapshot(join(EXPECTED, 'history-resolution-emea-24h.csv'));
  });

  it('shows nothing after --as-of', async () => {
    const r = await runCli(['history', 'nps-30', '--format', 'csv', '--as-of', '2026-08-31'], {
      cwd: FIXTURE,
    });
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(',')[0]),
    ).toEqual(['date', '2026-07-06', '2026-08-03', '2026-08-31']);
  });
});
