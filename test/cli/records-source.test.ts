/**
 * `goals init` and `goals new` pointed at a helpdesk export (--export): the
 * preset is recognised, the source written beside the goal, the baseline
 * proposed from the export's whole periods; and every flag that cannot be
 * honoured is refused with exit 2, nothing written. The interactive
 * questions are driven in a real terminal in test/e2e/tmux.test.ts.
 *
 * Fixture test/fixtures/records/zendesk-weekly/tickets.csv: 7 tickets created
 * Mon 2 Nov to Thu 12 Nov 2026; CSAT of team Support by hand: week of 2 Nov,
 * Good + Bad = 50 %; week of 9 Nov, one Good = 100 % but partial (the export
 * ends on the Thursday), so it never proposes the baseline.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'records');
const ZENDESK = join(FIXTURES, 'zendesk-weekly', 'tickets.csv');
const read = (dir: string) => readFileSync(join(dir, 'goals.yaml'), 'utf8');

const HEAD = [
  '# yaml-language-server: $schema=./goals.schema.json',
  '#',
  '# Our goals. `goals new` adds a SMART goal, `goals validate` checks them,',
  '# `goals check` shows where each one stands (after `goals import`).',
  'version: 1',
  '',
  'settings:',
  '  timezone: UTC',
  '  fiscal_year_start: 1',
  '',
  'objectives:',
  '  - id: quality',
  '    title: Customers are happy with our help',
  '',
];

const INIT = ['init', '--objective', 'quality=Customers are happy with our help'];
const UTC = ['--timezone', 'UTC', '--no-input'];

function project(): string {
  const dir = tempDir();
  copyFileSync(ZENDESK, join(dir, 'tickets.csv'));
  return dir;
}

describe('goals init --export', () => {
  it('recognises a Zendesk export and writes its source, saying what it gives', async () => {
    const dir = project();
    const r = await runCli([...INIT, '--export', 'tickets.csv', '--period', 'month', ...UTC], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "✔ Created goals.yaml and goals.schema.json with source 'zendesk'.\n" +
        '  Next: `goals new` adds a goal on what tickets.csv gives, `goals check` shows where each one stands.\n',
    );
    // Every ticket was created in November: one month. The segments are the
    // preset's usual columns this header has (Group, Via).
    expect(r.stderr).toBe(
      'Zendesk ticket export (preset: zendesk), 11 columns.\n' +
        'Read 7 rows, month snapshots from 2026-11-01 to 2026-11-01.\n' +
        'It gives: csat, first_response_time, resolution_time, fcr, ticket_volume, backlog, interactions_per_ticket.\n' +
        'Per team (column Group), channel (column Via), and for the whole team.\n',
    );
    expect(read(dir)).toBe(
      [
        ...HEAD,
        'sources:',
        '  - id: zendesk',
        '    path: tickets.csv',
        '    layout: records',
        '    preset: zendesk',
        '    period: month',
        '    segments: { team: Group, channel: Via }',
        '',
        'goals: []',
        '',
      ].join('\n'),
    );
    const validate = await runCli(['validate'], { cwd: dir });
    expect(validate.code).toBe(0);
  });

  it('adds the "no value" cell an export writes to missing:, and the sync then reads it', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'freshdesk-sentinel', 'tickets.csv'), join(dir, 'tickets.csv'));
    const r = await runCli(
      [...INIT, '--export', 'tickets.csv', '--export-segment', 'team=Group', ...UTC],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      '"1900-01-01 00:00:00" means "no value" in this export: it goes under missing:.\n',
    );
    expect(read(dir)).toContain(
      [
        'sources:',
        '  - id: freshdesk',
        '    path: tickets.csv',
        '    layout: records',
        '    preset: freshdesk',
        '    period: week',
        '    missing: [ "1900-01-01 00:00:00" ]',
        '    segments: { team: Group }',
        '',
      ].join('\n'),
    );
    // Ticket 2 is open: the 3 tickets of the week of 2 Nov give 3, with no bad row.
    const imported = await runCli(['import'], { cwd: dir });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Imported tickets\.csv \(source freshdesk\): 3 rows, /);
  });

  it('refuses what it cannot honour, naming the flag; nothing is written', async () => {
    const cases: Array<[string[], string]> = [
      [['--export', 'nope.csv'], 'error --export nope.csv: There is no file nope.csv.\n'],
      [
        ['--export', 'kpis.csv'],
        'error --export kpis.csv: kpis.csv is not a ticket, call or survey export goals knows (its columns: Week, CSAT %).\n',
      ],
      [
        ['--export', 'tickets.csv', '--period', 'yearly'],
        'error --period yearly: write day, week, month or quarter.\n',
      ],
      [
        ['--export', 'tickets.csv', '--export-timezone', 'Europe/Sofa'],
        'error --export-timezone Europe/Sofa: "Europe/Sofa" is not an IANA time zone; did you mean Europe/Sofia?\n',
      ],
      [
        ['--export', 'tickets.csv', '--export-segment', 'team=Grp'],
        'error --export-segment: team=Grp: the export has no column "Grp" (it has Id, Group, Status, Via, Created at, Solved at, Satisfaction Score, Reopens …).\n',
      ],
    ];
    for (const [flags, message] of cases) {
      const dir = project();
      writeFileSync(join(dir, 'kpis.csv'), 'Week,CSAT %\n2026-11-02,81\n');
      const r = await runCli([...INIT, ...flags, ...UTC], { cwd: dir });
      expect({ flags, code: r.code }).toEqual({ flags, code: 2 });
      expect(r.stderr.split('\n').find((l) => l.startsWith('error ')) + '\n').toBe(message);
      expect(existsSync(join(dir, 'goals.yaml'))).toBe(false);
    }
  });

  it('refuses an export with bad rows, listing them, and writes nothing', async () => {
    const dir = project();
    const path = join(dir, 'tickets.csv');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        '2026-11-04 12:00:00,2026-11-04 12:30:00',
        '2026-11-04 12:00:00,2026-11-03 12:30:00',
      ),
    );
    const r = await runCli([...INIT, '--export', 'tickets.csv', ...UTC], { cwd: dir });
    expect(r.code).toBe(2);
    // Ticket 3 (line 4) is solved a day before it was created.
    expect(r.stderr).toContain('tickets.csv:4:');
    expect(r.stderr).toContain(
      'error --export tickets.csv: tickets.csv cannot be read as it is: 1 row is bad (--skip-invalid would leave it out). Nothing was written.\n',
    );
    expect(existsSync(join(dir, 'goals.yaml'))).toBe(false);
  });
});

describe('goals new --export', () => {
  const NEW = [
    'new',
    '--metric',
    'csat',
    '--segment',
    'team=Support',
    '--target',
    '70',
    '--deadline',
    '2027-Q1',
    '--objective',
    'quality',
    '--owner',
    'Maria',
    '--as-of',
    '2026-11-16',
    '--no-input',
  ];

  it('adds the source with the goal, the baseline taken from the last whole week', async () => {
    const dir = project();
    await runCli([...INIT, ...UTC], { cwd: dir });
    const r = await runCli([...NEW, '--export', 'tickets.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "✔ Added goal 'csat-support-2027-q1' and source 'zendesk' to goals.yaml:24.\n" +
        '  Next: `goals check` reads tickets.csv and shows where it stands.\n',
    );
    expect(read(dir)).toBe(
      [
        ...HEAD,
        'sources:',
        '  - id: zendesk',
        '    path: tickets.csv',
        '    layout: records',
        '    preset: zendesk',
        '    period: week',
        '    segments: { team: Group, channel: Via }',
        '',
        'goals:',
        '  - id: csat-support-2027-q1',
        '    title: Raise CSAT for team Support from 50 % to 70 % by the end of Q1 2027',
        '    owner: Maria',
        '    objective: quality',
        '    metric: csat',
        '    segment: { team: Support }',
        '    baseline: { value: 50, date: 2026-11-02 }',
        '    target: 70',
        '    deadline: 2027-Q1',
        '',
      ].join('\n'),
    );
    const check = await runCli(['check', '--as-of', '2026-11-16'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(
      /^Synced tickets\.csv \(source zendesk\): \d+ new, 0 updated, 0 unchanged\.\n$/,
    );
    // Not started (Q1 2027); the current value is the week of 9 Nov, one rating.
    expect(check.stdout).toContain('○ not started  csat-support-2027-q1  100 %*~ → 70 %');
  });

  it('refuses an export that cannot give the metric', async () => {
    const dir = project();
    await runCli([...INIT, ...UTC], { cwd: dir });
    const before = read(dir);
    const r = await runCli(
      [...NEW.map((a) => (a === 'csat' ? 'nps' : a)), '--export', 'tickets.csv'],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'error --export tickets.csv: tickets.csv cannot give nps: a Zendesk ticket export does not hold what it is computed from (it gives csat, first_response_time, resolution_time, fcr, ticket_volume, backlog, interactions_per_ticket).\n',
    );
    expect(read(dir)).toBe(before);
  });
});
