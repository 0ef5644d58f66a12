/**
 * How a records source's snapshots show in check (table, JSON, Markdown) and
 * history: the rows behind the current value (n) and whether its period is
 * partial (DESIGN §11, §12). Fixture: test/fixtures/records/zendesk-weekly,
 * tickets created Mon 2 Nov to Thu 12 Nov 2026.
 *
 * By hand, CSAT of team Support (Good/Bad, Offered = no rating):
 * - week of 2 Nov: tickets 1 Good, 2 Bad → 50 %, n = 2, whole week covered;
 * - week of 9 Nov: ticket 5 Good (7 not rated) → 100 %, n = 1, partial (the
 *   export ends on Thursday 12 Nov).
 * Goal csat-support: baseline 80, target 90, 2026-10-01 → 2026-12-31. As of
 * 2026-11-13: progress (100 − 80) ÷ (90 − 80) = 200 %; expected 44 of 92 days
 * = 48 %; 48 days left. 100 % meets the target from 1 row (the week before
 * does not meet it), fewer than min_sample 30: not achieved; with 2 snapshots
 * there is no forecast, and progress ≥ expected: on track.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { copyFixture } from '../helpers/temp-dir.js';

const AS_OF = ['--as-of', '2026-11-13'];

describe('records snapshots in check and history', () => {
  it('check marks a small sample and a partial period, with a legend naming the goals', async () => {
    const dir = copyFixture('records/zendesk-weekly');
    const r = await runCli(['check', ...AS_OF], { cwd: dir, columns: 80 });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'as of 2026-11-13 · goals.yaml',
        '',
        'status      goal            now → target      progress  left  forecast  trend',
        '─'.repeat(77),
        'quality  Customers are happy with the help they get                ● on track',
        '● on track  csat-support  100 %*~ → 90 %  200 % / 48 %  48 d         —  ▁█',
        '',
        '1 goal: 1 on track',
        'progress: share of the way from baseline to target / expected by 2026-11-13',
        '* small sample (fewer than min_sample 30 rows): csat-support (1 row)',
        '~ partial period (the export covers only part of it): csat-support',
        '',
      ].join('\n'),
    );
  });

  it('check --format json gives sampleSize and partial', async () => {
    const dir = copyFixture('records/zendesk-weekly');
    const r = await runCli(['check', ...AS_OF, '--format', 'json'], { cwd: dir });
    const goal = JSON.parse(r.stdout).goals[0];
    expect(goal).toMatchObject({
      status: 'on-track',
      current: 100,
      currentDate: '2026-11-09',
      sampleSize: 1,
      partial: true,
    });
    // The week of 2 Nov is whole: as of 2026-11-08 it is the current value.
    const before = await runCli(['check', '--as-of', '2026-11-08', '--format', 'json'], {
      cwd: dir,
    });
    expect(JSON.parse(before.stdout).goals[0]).toMatchObject({
      current: 50,
      currentDate: '2026-11-02',
      sampleSize: 2,
      partial: false,
    });
  });

  it('check --format markdown escapes the marks and keeps the legend', async () => {
    const dir = copyFixture('records/zendesk-weekly');
    const r = await runCli(['check', ...AS_OF, '--format', 'markdown'], { cwd: dir });
    expect(r.stdout).toContain(
      '| 🟢 on track | `csat-support` Reach 90% CSAT in Support by the end of 2026 | 100 %\\*\\~ → 90 % | 200 % / 48 % | — | 48 d |\n',
    );
    expect(r.stdout).toContain(
      '\\* small sample (fewer than min\\_sample 30 rows): csat-support (1 row)  \n\\~ partial period (the export covers only part of it): csat-support\n',
    );
  });

  it('settings.min_sample moves the small-sample mark', async () => {
    const dir = copyFixture('records/zendesk-weekly');
    const path = join(dir, 'goals.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('  timezone: UTC\n', '  timezone: UTC\n  min_sample: 1\n'),
    );
    const r = await runCli(['check', ...AS_OF], { cwd: dir, columns: 100 });
    expect(r.stdout).toContain('  100 %~ → 90 %  ');
    expect(r.stdout).not.toContain('small sample');
  });

  it('history gives n and partial in CSV and JSON, and draws a partial period hollow', async () => {
    const dir = copyFixture('records/zendesk-weekly');
    const csv = await runCli(['history', 'csat-support', ...AS_OF, '--format', 'csv'], {
      cwd: dir,
    });
    // expected = 80 + 10 × (days since 2026-10-01, inclusive) ÷ 92: 33 and 40 days.
    expect(csv.stdout).toBe(
      'date,goal,metric,segment,value,expected,target,n,partial\n' +
        '2026-11-02,csat-support,csat,team=Support,50,83.587,90,2,false\n' +
        '2026-11-09,csat-support,csat,team=Support,100,84.3478,90,1,true\n',
    );
    const json = await runCli(['history', 'csat-support', ...AS_OF, '--format', 'json'], {
      cwd: dir,
    });
    expect(JSON.parse(json.stdout).snapshots).toEqual([
      { date: '2026-11-02', value: 50, expected: 83.587, n: 2, partial: false },
      { date: '2026-11-09', value: 100, expected: 84.3478, n: 1, partial: true },
    ]);
    const chart = await runCli(['history', 'csat-support', ...AS_OF], { cwd: dir, columns: 100 });
    const lines = chart.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('100 % ┤'))).toMatch(/^100 % ┤ +○$/);
    expect(lines.find((l) => l.startsWith(' 50 % ┤'))).toMatch(/^ 50 % ┤ +●$/);
    expect(chart.stdout).toContain('● snapshot   ○ partial period   ─ target 90 %');
    expect(chart.stdout).toContain('now 100 % on 2026-11-09 (n = 1, partial period) · target 90 %');
  });
});
