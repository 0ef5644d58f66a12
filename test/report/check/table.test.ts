/**
 * The check table: fits any width from 60 columns by dropping columns in
 * order, keeps columns aligned with Cyrillic and CJK titles, and colours
 * only the text it means to.
 */
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { formatCheckTable } from '../../../src/report/check/table.js';
import { displayWidth, stripAnsi } from '../../../src/report/text-width.js';
import { makeResult } from './make-result.js';

const base = {
  metric: 'csat',
  baseline: 78,
  target: 85,
  start: '2026-07-01',
  deadline: '2026-12-31',
  objective: 'quality',
};
const result = makeResult([
  {
    fields: {
      ...base,
      id: 'csat-sofia',
      title: 'Клиентите в София оценяват чата с 90% удовлетвореност',
    },
    values: [80, 81, 82],
  },
  {
    fields: {
      ...base,
      id: 'csat-tokyo',
      title: '東京のお客様満足度を八十五パーセントに上げる目標です',
    },
    values: [79, 79.5, 80],
  },
  {
    fields: { ...base, id: 'csat-all', title: 'Reach 85% CSAT by the end of 2026' },
    values: [78, 77, 76],
  },
  { fields: { ...base, id: 'csat-none', objective: undefined }, values: [] },
]);
const plain = new Chalk({ level: 0 });

describe('formatCheckTable', () => {
  it.each([60, 70, 80, 90, 100, 110, 120, 140, 160, 200])('fits %i columns', (width) => {
    const out = formatCheckTable(result, { chalk: plain, width });
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  });

  it('drops the least important columns first', () => {
    const header = (width: number) =>
      formatCheckTable(result, { chalk: plain, width })
        .split('\n')[2]!
        .trim()
        .split(/\s{2,}/);
    expect(header(60)).toEqual(['status', 'goal', 'now → target', 'progress', 'left']);
    expect(header(80)).toEqual([
      'status',
      'goal',
      'now → target',
      'progress',
      'left',
      'forecast',
      'trend',
    ]);
    expect(header(200)).toEqual([
      'status',
      'goal',
      'now → target',
      'progress',
      'left',
      'forecast',
      'trend',
      'updated',
    ]);
  });

  it('shows the chance between forecast and trend when a goal has one, a dash for the others', () => {
    // Eight weekly snapshots (49 days) reach the deadline 45 days ahead: a chance.
    const withChance = makeResult([
      { fields: { ...base, id: 'csat-a' }, values: [78, 79.2, 78.9, 80.1, 80.4, 81.6, 81.2, 82.3] },
      { fields: { ...base, id: 'csat-b' }, values: [80, 81, 82] },
    ]);
    const lines = (width: number) =>
      formatCheckTable(withChance, { chalk: plain, width }).split('\n');
    const header = (width: number) =>
      lines(width)[2]!
        .trim()
        .split(/\s{2,}/);
    expect(header(130)).toEqual([
      'status',
      'goal',
      'now → target',
      'progress',
      'left',
      'forecast',
      'chance',
      'trend',
      'updated',
    ]);
    // The sparkline goes before the chance (70 columns), the chance before the forecast (66).
    expect(header(70)).toEqual([
      'status',
      'goal',
      'now → target',
      'progress',
      'left',
      'forecast',
      'chance',
    ]);
    expect(header(66)).toEqual(['status', 'goal', 'now → target', 'progress', 'left', 'forecast']);
    const chance = withChance.goals[0]!.evaluation.chance!;
    expect(chance).toBeGreaterThan(0);
    expect(lines(80)[5]).toContain(`  ${Math.round(chance * 100)} %  `);
    expect(lines(80)[6]).toMatch(/ {2}— {2}▁/);
    // Without any chance the column would be dashes only: it is not shown.
    expect(formatCheckTable(result, { chalk: plain, width: 200 }).split('\n')[2]).not.toContain(
      'chance',
    );
  });

  it('aligns the columns after Cyrillic and CJK titles', () => {
    const out = formatCheckTable(result, { chalk: plain, width: 160 });
    const rows = out.split('\n').filter((l) => /^\S (on track|at risk|off track|no data)/.test(l));
    expect(rows).toHaveLength(4);
    // titles start after the longest id; the value column ends at one display column
    const titleAt = (line: string) =>
      displayWidth(line.slice(0, line.search(/Клиентите|東京|Reach|Goal 3/)));
    expect(new Set(rows.map(titleAt))).toEqual(new Set([25]));
    const valueEnd = (line: string) => displayWidth(line.slice(0, line.indexOf('85 %') + 4));
    expect(new Set(rows.map(valueEnd)).size).toBe(1);
    expect(new Set(rows.map((l) => displayWidth(l.trimEnd()))).size).toBe(1);
    expect(out).toContain('Клиентите в София оценяват чата с 90% удовлетвореност');
    expect(out).toContain('東京のお客様満足度を八十五パーセントに上げる目標です');
  });

  it('uses a wide terminal for whole titles before the date of the newest snapshot', () => {
    // a deadline 28 days ahead: within twice the 14 days of snapshots, so the forecast decides
    const near = { ...base, deadline: '2026-12-14' };
    const long = makeResult([
      {
        fields: {
          ...near,
          id: 'sla-90',
          title: 'Keep at least 90% of first replies within SLA all through Q4',
        },
        values: [80, 81, 82],
      },
      {
        fields: { ...near, id: 'csat-85', title: 'Reach 85% CSAT in post-service surveys by 2026' },
        values: [80, 81, 82],
      },
    ]);
    const table = (width: number) => formatCheckTable(long, { chalk: plain, width });
    const header = (width: number) =>
      table(width)
        .split('\n')[2]!
        .trim()
        .split(/\s{2,}/);
    // All of it takes 143 columns; at 131 the titles stay whole and 'updated' goes …
    expect(header(143)).toEqual([
      'status',
      'goal',
      'now → target',
      'progress',
      'left',
      'forecast',
      'trend',
      'updated',
    ]);
    expect(header(131)).toEqual([
      'status',
      'goal',
      'now → target',
      'progress',
      'left',
      'forecast',
      'trend',
    ]);
    expect(table(131)).toContain(
      '● on track  sla-90   Keep at least 90% of first replies within SLA all through Q4   82 % →',
    );
    // … and with less room than a whole title needs, titles are cut, as before.
    expect(table(100)).toContain(
      '● on track  sla-90   Keep at least 90% of first r…   82 % → 85 %',
    );
  });

  it('truncates wide titles by display cells', () => {
    const out = formatCheckTable(result, { chalk: plain, width: 100 });
    expect(out).toContain('東京のお客様満足度を八…');
    expect(out).toContain('Клиентите в София оценя…');
  });

  it('groups by objective with its worst status, goals without one last', () => {
    const out = formatCheckTable(result, { chalk: plain, width: 120 });
    const headings = out.split('\n').filter((l) => /^(quality|\(no objective\))/.test(l));
    expect(headings.map((l) => l.replace(/\s{2,}/g, ' | '))).toEqual([
      'quality | Качество на обслужването | ▼ off track',
      '(no objective) | ? no data',
    ]);
  });

  it('colour codes change nothing but colour', () => {
    const coloured = formatCheckTable(result, { chalk: new Chalk({ level: 1 }), width: 120 });
    expect(coloured).toContain('\u001b[');
    expect(stripAnsi(coloured)).toBe(formatCheckTable(result, { chalk: plain, width: 120 }));
  });

  it('summarises, and names the goals that fail', () => {
    const out = formatCheckTable(result, { chalk: plain, width: 120 });
    expect(out.split('\n').slice(-5)).toEqual([
      '',
      '4 goals: 1 at risk, 2 off track, 1 no data',
      'progress: share of the way from baseline to target / expected by 2026-11-16',
      '✖ 2 goals failing (--fail-on off-track,missed): csat-tokyo, csat-all',
      '',
    ]);
  });

  it('-q keeps only the failing goals', () => {
    const out = formatCheckTable(result, { chalk: plain, width: 120, quiet: true });
    expect(out).toContain('csat-tokyo');
    expect(out).not.toContain('csat-sofia');
    expect(out).not.toContain('csat-none');
  });
});
