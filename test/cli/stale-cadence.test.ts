/**
 * Issue 13.7: without `settings.stale_after`, a goal is stale when its newest
 * snapshot is older than twice the usual gap between its snapshots (at least
 * 14 days), so monthly data is not flagged stale half of every month.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';

const goals = (settings: string) => `version: 1
${settings}
sources:
  - { id: calls, path: calls.csv, layout: long, date: date }
goals:
  - id: service-level
    title: Answer 80% of calls within 60 seconds by the end of 2015
    metric: answer_rate
    baseline: 40
    target: 80
    start: 2015-01-01
    deadline: 2015-12-31
  - id: csat
    title: Reach 85% CSAT by the end of 2015
    metric: csat
    baseline: 80
    target: 85
    start: 2015-10-01
    deadline: 2015-12-31
`;

/** Monthly answer_rate on the 1st (as SF311 reports it), weekly CSAT that stopped on 2015-10-26. */
function csv(monthly: Array<[string, number]>): string {
  const weekly = ['2015-10-05', '2015-10-12', '2015-10-19', '2015-10-26'].map(
    (d, i) => `${d},csat,${81 + i}`,
  );
  return ['date,metric,value', ...monthly.map(([d, v]) => `${d},answer_rate,${v}`), ...weekly].join(
    '\n',
  );
}

const MONTHLY: Array<[string, number]> = Array.from({ length: 10 }, (_, i) => [
  `2015-${String(i + 1).padStart(2, '0')}-01`,
  45 + i,
]);

async function check(settings: string, rows: Array<[string, number]>, asOf: string) {
  const dir = tempDir({ 'goals.yaml': goals(settings), 'calls.csv': csv(rows) });
  const json = await runCli(['check', '--as-of', asOf, '--format', 'json'], { cwd: dir });
  const table = await runCli(['check', '--as-of', asOf], { cwd: dir, columns: 120 });
  const stale = Object.fromEntries(
    JSON.parse(json.stdout).goals.map((g: { id: string; stale: boolean }) => [g.id, g.stale]),
  );
  return { stale, table: table.stdout };
}

describe('the default stale_after follows the cadence', () => {
  it('monthly data 19 days old is not stale; weekly data 24 days old is', async () => {
    // answer_rate: gaps 28–31 days, median 31 → 62 days; csat: weekly → 14 days
    const r = await check('', MONTHLY, '2015-10-20');
    expect(r.stale).toEqual({ 'service-level': false, csat: false });
    const later = await check('', MONTHLY, '2015-11-19');
    expect(later.stale).toEqual({ 'service-level': false, csat: true });
    expect(later.table).toContain('⚠ stale (newest snapshot over 14 days old): csat');
  });

  it('both stale, each by its own limit, and the legend says which', async () => {
    const r = await check('', MONTHLY, '2015-12-03'); // answer_rate 63 days old, csat 38
    expect(r.stale).toEqual({ 'service-level': true, csat: true });
    expect(r.table).toContain(
      '⚠ stale (newest snapshot older than stale_after): service-level (over 62 days), csat (over 14 days)',
    );
  });

  it('a written stale_after applies to every goal, as before', async () => {
    const r = await check('settings:\n  stale_after: 14d', MONTHLY, '2015-10-20');
    expect(r.stale).toEqual({ 'service-level': true, csat: false });
  });
});

const SF311 = '/work/shared/data/sf311_call_metrics_by_month.csv';

describe.skipIf(!existsSync(SF311))('on the real SF311 monthly service level', () => {
  it('is never stale in the month after a snapshot, and stale two months on', async () => {
    // "Svc Level (% answered w/i 60 sec)" for 2015, from MM/DD/YYYY and "43.7%" cells
    const rows = readFileSync(SF311, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter((cells) => cells[0]!.includes('/2015 '))
      .map((cells): [string, number] => {
        const [m, d, y] = cells[0]!.split(' ')[0]!.split('/');
        return [`${y}-${m}-${d}`, Number(cells[2]!.replace('%', ''))];
      })
      .filter(([date], i, all) => all.findIndex(([other]) => other === date) === i)
      .filter(([date]) => date <= '2015-10-01');
    expect(rows).toHaveLength(10);
    for (const asOf of ['2015-10-02', '2015-10-15', '2015-10-31', '2015-11-15', '2015-12-02'])
      expect((await check('', rows, asOf)).stale['service-level'], asOf).toBe(false);
    expect((await check('', rows, '2015-12-03')).stale['service-level']).toBe(true);
  });
});
