/**
 * `goals import` of records sources, in-process, on small fixtures whose
 * values were computed by hand (test/fixtures/records/*).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../helpers/memory-io.js';
import { copyFixture, tempDir } from '../helpers/temp-dir.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'records');

const pointsIn = (dir: string, metric: string, segment = '', db = '.goals/goals.db') => {
  const store = openStore(join(dir, db), { readonly: true });
  try {
    return store.pointsOf(metric, segment).map((p) => [p.date, p.value]);
  } finally {
    store.close();
  }
};

const samplesIn = (dir: string, metric: string, segment = '') => {
  const store = openStore(join(dir, '.goals/goals.db'), { readonly: true });
  try {
    return store.pointsOf(metric, segment);
  } finally {
    store.close();
  }
};

describe('goals import of a records source', () => {
  it('computes each metric per week and team from a Zendesk export, then finds nothing changed', async () => {
    const dir = copyFixture('records/zendesk-weekly');
    const first = await runCli(['import'], { cwd: dir });
    expect(first).toEqual({
      code: 0,
      stdout:
        'Imported tickets.csv (source zendesk): 7 rows, 41 snapshots: 41 new, 0 updated, 0 unchanged.\n',
      stderr: '',
    });
    // By hand: week of 2 Nov, Good (ticket 1) and Bad (2); Offered (3) is no rating.
    // Week of 9 Nov: Good (5), Good (6); ticket 7 is not rated.
    expect(pointsIn(dir, 'csat')).toEqual([
      ['2026-11-02', 50],
      ['2026-11-09', 100],
    ]);
    expect(pointsIn(dir, 'csat', 'team=Support')).toEqual([
      ['2026-11-02', 50],
      ['2026-11-09', 100],
    ]);
    // Each snapshot keeps its rows (here: ratings) and whether the export covers
    // its week: tickets are created from Mon 2 Nov to Thu 12 Nov, so the week of
    // 9 Nov is partial.
    expect(samplesIn(dir, 'csat', 'team=Support')).toEqual([
      { date: '2026-11-02', value: 50, n: 2, partial: false },
      { date: '2026-11-09', value: 100, n: 1, partial: true },
    ]);
    // First reply (minutes): 30, 60, 10 → 2000 s; 120, 15, 45 → 3600 s.
    expect(pointsIn(dir, 'first_response_time')).toEqual([
      ['2026-11-02', 2000],
      ['2026-11-09', 3600],
    ]);
    // Solved − created of the solved tickets: 2 h, 24 h, 30 m → 31,800 s; 24 h, 1 h → 45,000 s.
    expect(pointsIn(dir, 'resolution_time')).toEqual([
      ['2026-11-02', 31800],
      ['2026-11-09', 45000],
    ]);
    // Reopens 0 and replies ≤ 1: tickets 1 and 3 of 1, 2, 3; ticket 6 of 5, 6.
    expect(pointsIn(dir, 'fcr')).toEqual([
      ['2026-11-02', (2 / 3) * 100],
      ['2026-11-09', 50],
    ]);
    // Open at the week's end: ticket 4; tickets 4 and 7.
    expect(pointsIn(dir, 'backlog')).toEqual([
      ['2026-11-02', 1],
      ['2026-11-09', 2],
    ]);
    const second = await runCli(['import'], { cwd: dir });
    expect(second.stdout).toBe(
      'Imported tickets.csv (source zendesk): 7 rows, 41 snapshots: 0 new, 0 updated, 41 unchanged. Nothing changed.\n',
    );
  });

  it('imports a Zendesk export as a one-off with --preset zendesk, without goals.yaml', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'zendesk-weekly', 'tickets.csv'), join(dir, 'tickets.csv'));
    const args = ['import', 'tickets.csv', '--db', 'g.db', '--preset', 'zendesk'];
    const r = await runCli([...args, '--segment', 'team=Group', '--period', 'month'], {
      cwd: dir,
    });
    expect(r).toEqual({
      code: 0,
      stdout: 'Imported tickets.csv: 7 rows, 21 snapshots: 21 new, 0 updated, 0 unchanged.\n',
      stderr: '',
    });
    // By hand, November 2026: ratings Good, Bad, Good, Good (Offered, Not Offered and
    // empty are none) → 3 of 4; Support Good, Bad, Good → 2 of 3; Billing Good → 1 of 1.
    expect(pointsIn(dir, 'csat', '', 'g.db')).toEqual([['2026-11-01', 75]]);
    expect(pointsIn(dir, 'csat', 'team=Support', 'g.db')).toEqual([['2026-11-01', (2 / 3) * 100]]);
    expect(pointsIn(dir, 'csat', 'team=Billing', 'g.db')).toEqual([['2026-11-01', 100]]);
    // First reply minutes 30, 60, 10, 120, 15, 45 → 280 / 6 min = 2,800 s.
    expect(pointsIn(dir, 'first_response_time', '', 'g.db')).toEqual([['2026-11-01', 2800]]);
    // Solved − created: 2 h, 24 h, 30 m, 24 h, 1 h → 51.5 h / 5 = 37,080 s.
    expect(pointsIn(dir, 'resolution_time', '', 'g.db')).toEqual([['2026-11-01', 37080]]);
    // Tickets 4 and 7 are open at the end of November.
    expect(pointsIn(dir, 'backlog', '', 'g.db')).toEqual([['2026-11-01', 2]]);
    expect(pointsIn(dir, 'ticket_volume', 'team=Support', 'g.db')).toEqual([['2026-11-01', 4]]);
    // Importing it again changes nothing.
    const again = await runCli([...args, '--segment', 'team=Group', '--period', 'month', '-q'], {
      cwd: dir,
    });
    expect(again).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('reads a call log with one-off flags: --layout records, --field, --period, --timezone, --missing', async () => {
    const dir = copyFixture('records/call-log');
    const args = [
      'import',
      'calls.csv',
      '--db',
      'g.db',
      '--layout',
      'records',
      '--field',
      'created=Date+Time:DD/MM/YYYY',
      '--field',
      'answered=Answered',
      '--field',
      'wait=Wait (s):s',
      '--field',
      'handle=Handle:HH:MM:SS',
      '--field',
      'resolved=Resolved',
      '--segment',
      'agent=Agent',
      '--period',
      'day',
      '--timezone',
      'America/New_York',
    ];
    // "n/a" is not a duration, nor yes or no, until --missing says it means no value.
    const refused = await runCli(args, { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(
      'calls.csv:3:27  error  "n/a" in column "Wait (s)" is not a duration.  import/bad-value\n' +
        '  → If "n/a" means "no value" in this export, pass --missing n/a. Otherwise correct the row, or --skip-invalid to leave it out.\n',
    );
    expect(refused.stderr).toContain(
      'error calls.csv was not imported: 3 bad rows. Nothing was written.\n',
    );
    const r = await runCli([...args, '--missing', 'n/a'], { cwd: dir });
    expect(r).toEqual({
      code: 0,
      stdout: 'Imported calls.csv: 6 rows, 37 snapshots: 37 new, 0 updated, 0 unchanged.\n',
      stderr: '',
    });
    // Expected values from Python (csv + zoneinfo): each call's New York time
    // as a UTC day (22:30 and 21:00 EST fall on the next day), then per day:
    // answered ÷ calls, mean wait and handle of answered calls, resolved ÷ answered.
    const points = (metric: string, segment = '') => pointsIn(dir, metric, segment, 'g.db');
    expect(points('ticket_volume')).toEqual([
      ['2026-03-02', 2],
      ['2026-03-03', 2],
      ['2026-03-04', 2],
    ]);
    expect(points('answer_rate')).toEqual([
      ['2026-03-02', 50],
      ['2026-03-03', 100],
      ['2026-03-04', 50],
    ]);
    expect(points('speed_of_answer')).toEqual([
      ['2026-03-02', 30],
      ['2026-03-03', 52.5],
    ]);
    expect(points('handle_time')).toEqual([
      ['2026-03-02', 300],
      ['2026-03-03', 405],
      ['2026-03-04', 420],
    ]);
    expect(points('fcr')).toEqual([
      ['2026-03-02', 100],
      ['2026-03-03', 50],
      ['2026-03-04', 100],
    ]);
    expect(points('answer_rate', 'agent=Ana')).toEqual([
      ['2026-03-02', 100],
      ['2026-03-03', 100],
      ['2026-03-04', 0],
    ]);
    expect(points('fcr', 'agent=Ana')).toEqual([
      ['2026-03-02', 100],
      ['2026-03-03', 0],
    ]);
  });

  it('recomputes the periods a newer export covers and keeps the replaced values as revisions', async () => {
    const dir = copyFixture('records/zendesk-weekly');
    await runCli(['import'], { cwd: dir });
    const path = join(dir, 'tickets.csv');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        '7,Support,Pending,Mail,2026-11-12 07:30:00,,,0,1,45,',
        '7,Support,Solved,Mail,2026-11-12 07:30:00,2026-11-13 07:30:00,Good,0,1,45,1440',
      ) + '8,Billing,New,Mail,2026-11-16 10:00:00,,,0,0,,\n',
    );
    const r = await runCli(['import'], { cwd: dir });
    expect(r.code).toBe(0);
    // Ticket 8 (16 Nov) extends the export past the week of 9 Nov, which is now
    // complete: each of its 21 snapshots (7 metrics × all, Billing, Support) is
    // updated, if only to gain rows or lose its partial mark; the 20 of the week
    // of 2 Nov (no Billing CSAT: nothing rated) are unchanged. By hand, the
    // first ten in key order: backlog = tickets open at the week's end (4, 7 →
    // 4), CSAT of ratings 5, 6 (+7), FCR of solved 5, 6 (+7: 0 reopens, 1 reply),
    // first reply of 5, 6, 7 (120, 15, 45 min → 1 h).
    expect(r.stdout).toBe(
      'Imported tickets.csv (source zendesk): 8 rows, 47 snapshots: 6 new, 21 updated, 20 unchanged.\n' +
        '  updated backlog (all) on 2026-11-09: 2 (2 rows, partial period) → 1 (1 row)\n' +
        '  updated backlog (team=Billing) on 2026-11-09: 1 (1 row, partial period) → 1 (1 row)\n' +
        '  updated backlog (team=Support) on 2026-11-09: 1 (1 row, partial period) → 0 (0 rows)\n' +
        '  updated csat (all) on 2026-11-09: 100 % (2 rows, partial period) → 100 % (3 rows)\n' +
        '  updated csat (team=Billing) on 2026-11-09: 100 % (1 row, partial period) → 100 % (1 row)\n' +
        '  updated csat (team=Support) on 2026-11-09: 100 % (1 row, partial period) → 100 % (2 rows)\n' +
        '  updated fcr (all) on 2026-11-09: 50 % (2 rows, partial period) → 66.7 % (3 rows)\n' +
        '  updated fcr (team=Billing) on 2026-11-09: 100 % (1 row, partial period) → 100 % (1 row)\n' +
        '  updated fcr (team=Support) on 2026-11-09: 0 % (1 row, partial period) → 50 % (2 rows)\n' +
        '  updated first_response_time (all) on 2026-11-09: 1 h (3 rows, partial period) → 1 h (3 rows)\n' +
        '  … and 11 more\n',
    );
    const store = openStore(join(dir, '.goals/goals.db'), { readonly: true });
    try {
      // The replaced value keeps its rows and partial mark too.
      expect(
        store.revisionsOf('backlog', '').map((v) => [v.date, v.value, v.n, v.partial]),
      ).toEqual([['2026-11-09', 2, 2, true]]);
      expect(store.revisionsOf('csat', '').map((v) => [v.date, v.value, v.n, v.partial])).toEqual([
        ['2026-11-09', 100, 2, true],
      ]);
      // Ticket 8 is not rated: the week of 16 Nov has no CSAT.
      expect(store.pointsOf('csat', '')).toEqual([
        { date: '2026-11-02', value: 50, n: 2, partial: false },
        { date: '2026-11-09', value: 100, n: 3, partial: false },
      ]);
    } finally {
      store.close();
    }
  });

  it('leads a forgotten 1900-01-01 sentinel to the missing: to write; nothing is written', async () => {
    const dir = copyFixture('records/forgotten-sentinel');
    const r = await runCli(['import'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'tickets.csv:3:25  error  "1900-01-01 00:00:00" in column "Closed" is in 1900: exports write such a date when there is no value (a ticket not solved yet).  import/bad-timestamp\n',
    );
    expect(r.stderr).toContain(
      '  2 of the bad rows hold "1900-01-01 00:00:00", which this export writes for "no value": add missing: ["1900-01-01 00:00:00"] to source \'helpdesk\' in goals.yaml.',
    );
    writeFileSync(
      join(dir, 'goals.yaml'),
      readFileSync(join(dir, 'goals.yaml'), 'utf8').replace(
        '    layout: records\n',
        '    layout: records\n    missing: ["1900-01-01 00:00:00"]\n',
      ),
    );
    const fixed = await runCli(['import'], { cwd: dir });
    expect(fixed.code).toBe(0);
    // Created Saturday 8 April 2023 (week of Monday 3 April), 10 and 11 April (week of the 10th).
    expect(pointsIn(dir, 'ticket_volume')).toEqual([
      ['2023-04-03', 1],
      ['2023-04-10', 2],
    ]);
  });

  it('a records source is synced by goals check, which then evaluates its goals', async () => {
    const dir = copyFixture('records/zendesk-weekly');
    const r = await runCli(['check', '--as-of', '2026-11-16'], { cwd: dir });
    expect(r.stderr).toBe('Synced tickets.csv (source zendesk): 41 new, 0 updated, 0 unchanged.\n');
    // CSAT of Support in the week of 9 November: Good (5); ticket 7 is not rated.
    // One rating meets the target, but a sample of 1 (fewer than min_sample 30)
    // is never the only evidence for achieved: on track, marked * and ~ (the
    // export ends on Thursday 12 November).
    expect(r.stdout).toBe(
      'as of 2026-11-16 · goals.yaml\n' +
        '\n' +
        'status      goal            now → target      progress  left  forecast  trend\n' +
        '─────────────────────────────────────────────────────────────────────────────\n' +
        'quality  Customers are happy with the help they get                ● on track\n' +
        '● on track  csat-support  100 %*~ → 90 %  200 % / 51 %  45 d         —  ▁█\n' +
        '\n' +
        '1 goal: 1 on track\n' +
        'progress: share of the way from baseline to target / expected by 2026-11-16\n' +
        '* small sample (fewer than min_sample 30 rows): csat-support (1 row)\n' +
        '~ partial period (the export covers only part of it): csat-support\n',
    );
    expect(r.code).toBe(0);
    // The export has not changed since: nothing to sync, no line on stderr.
    const again = await runCli(['check', '--as-of', '2026-11-16'], { cwd: dir });
    expect(again).toEqual({ code: 0, stdout: r.stdout, stderr: '' });
  });

  it('goals check refuses to evaluate when the export has a forgotten sentinel, naming the missing: to write', async () => {
    const dir = copyFixture('records/forgotten-sentinel');
    writeFileSync(
      join(dir, 'goals.yaml'),
      readFileSync(join(dir, 'goals.yaml'), 'utf8').replace(
        'goals: []\n',
        [
          'goals:',
          '  - id: volume',
          '    title: Keep weekly tickets at or under 100 in Q2 2023',
          '    owner: Lead',
          '    metric: ticket_volume',
          '    type: stay-below',
          '    target: 100',
          '    start: 2023-04-01',
          '    deadline: 2023-06-30',
          '',
        ].join('\n'),
      ),
    );
    const r = await runCli(['check', '--as-of', '2023-04-20'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(-3)).toEqual([
      "error Source 'helpdesk' (goals.yaml:4) could not be synced: tickets.csv was not imported: 2 bad rows. Nothing was written.",
      '  2 of the bad rows hold "1900-01-01 00:00:00", which this export writes for "no value": add missing: ["1900-01-01 00:00:00"] to source \'helpdesk\' in goals.yaml. Otherwise correct the rows, or leave them out with --skip-invalid (goals import --source helpdesk --skip-invalid), or on every sync with skip_invalid: true in the source. To evaluate what is already in the store, add --no-sync.',
      '',
    ]);
  });

  it('refuses a preset that fits another export, naming the one that fits', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'zendesk-weekly', 'tickets.csv'), join(dir, 'tickets.csv'));
    const r = await runCli(['import', 'tickets.csv', '--preset', 'freshdesk', '--db', 'g.db'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // Freshdesk's columns: of them, this Zendesk header has only Status.
    expect(r.stderr).toBe(
      'tickets.csv:1:1  error  tickets.csv does not look like a Freshdesk ticket export: preset freshdesk finds only "Status", and the header is a Zendesk ticket export\'s.  import/wrong-preset\n' +
        '  → Write preset: zendesk (or --preset zendesk); `goals import --inspect FILE` shows what each preset recognises.\n' +
        'error tickets.csv was not imported: the fields do not fit the file.\n' +
        '  Fix what is listed above; `goals import --inspect FILE` shows the header and how each column maps.\n',
    );
  });

  it('names each bad row by file:line:column with its value', async () => {
    const dir = copyFixture('records/bad-rows');
    const fields = ['created=Created', 'solved=Solved', 'rating=Rating:1-5', 'replies=Replies'];
    const args = [
      'import',
      'tickets.csv',
      '--db',
      'g.db',
      ...fields.flatMap((f) => ['--field', f]),
    ];
    const r = await runCli([...args, '--segment', 'agent=Agent'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'tickets.csv:3:25  error  solved ("Solved") is before created ("Created") by 10 m: a ticket cannot be solved before it is created.  import/contradiction\n' +
        '  → Correct the row in the export, or --skip-invalid to leave it out. If the export writes a placeholder for "no value" here, add it to missing:.\n' +
        'tickets.csv:4:42  error  7 in column "Rating" is outside the rating scale 1-5 (whole numbers 1 to 5).  import/bad-value\n' +
        '  → If 7 means "not rated", list it: --missing "rating=7"; if the scale is another, say which (1-5, 1-7, 0-10).\n' +
        'tickets.csv:4:44  error  "-3" in column "Replies" is not a count (a whole number, 0 or more).  import/bad-value\n' +
        '  → Correct the value in the export, or --skip-invalid to leave the row out.\n' +
        'tickets.csv:5:8  error  "03/02/2026 11:00" in column "Created" is not a timestamp in the format YYYY-MM-DD.  import/bad-timestamp\n' +
        '  → Write timestamps as YYYY-MM-DD HH:mm:ss, or declare the format the file uses: --field "created=Created:DD/MM/YYYY HH:mm".\n' +
        'error tickets.csv was not imported: 3 bad rows. Nothing was written.\n' +
        '  Correct the rows in the export and import it again, or leave them out with --skip-invalid (goals import FILE --skip-invalid).\n',
    );
    const skipped = await runCli([...args, '--skip-invalid'], { cwd: dir });
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toBe(
      'Imported tickets.csv: 4 rows (3 bad rows skipped), 6 snapshots: 6 new, 0 updated, 0 unchanged.\n',
    );
    expect(skipped.stderr.split('\n').filter((l) => !l.startsWith('  '))).toEqual([
      'tickets.csv:3:25  warning  Skipped: solved ("Solved") is before created ("Created") by 10 m: a ticket cannot be solved before it is created.  import/contradiction',
      'tickets.csv:4:42  warning  Skipped: 7 in column "Rating" is outside the rating scale 1-5 (whole numbers 1 to 5).  import/bad-value',
      'tickets.csv:4:44  warning  Skipped: "-3" in column "Replies" is not a count (a whole number, 0 or more).  import/bad-value',
      'tickets.csv:5:8  warning  Skipped: "03/02/2026 11:00" in column "Created" is not a timestamp in the format YYYY-MM-DD.  import/bad-timestamp',
      '',
    ]);
    // Only T1 is left (week of Monday 2 March): rating 5 of 1-5, solved 10 minutes after, 2 replies.
    const only = (metric: string) => pointsIn(dir, metric, '', 'g.db');
    expect(only('ticket_volume')).toEqual([['2026-03-02', 1]]);
    expect(only('csat')).toEqual([['2026-03-02', 100]]);
    expect(only('resolution_time')).toEqual([['2026-03-02', 600]]);
    expect(only('interactions_per_ticket')).toEqual([['2026-03-02', 2]]);
    expect(only('fcr')).toEqual([['2026-03-02', 0]]);
  });

  it('refuses a ticket export read as a KPI file before any mapping problem, even with --skip-invalid (issue 12.7)', async () => {
    const dir = copyFixture('records/zendesk-weekly');
    const r = await runCli(
      [
        'import',
        'tickets.csv',
        '--layout',
        'wide',
        '--segment',
        'team=Group',
        '--skip-invalid',
        '--dry-run',
      ],
      { cwd: dir },
    );
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error tickets.csv was not imported: it is a Zendesk ticket export (a row per ticket), not metric snapshots (a value per metric, segment and date). Nothing was written.\n' +
        '  Import it as records, and goals computes the metrics from its rows: goals import tickets.csv --preset zendesk --segment team=Group, or in goals.yaml a source with layout: records and preset: zendesk. `goals import --inspect tickets.csv --preset zendesk` shows what it computes.\n',
    });
  });
  it('--inspect shows how each column maps, what is computed and what each other metric lacks', async () => {
    const dir = copyFixture('records/zendesk-weekly');
    const r = await runCli(['import', '--inspect', 'tickets.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'File       tickets.csv (641 bytes)\n' +
        'Encoding   UTF-8 (no byte-order mark; every byte is valid UTF-8)\n' +
        'Delimiter  "," (sniffed from the header line)\n' +
        'Decimal    "." (default)\n' +
        'Layout     records, preset zendesk (Zendesk ticket export)\n' +
        'Time zone  UTC (settings.timezone) for timestamps without an offset\n' +
        'Periods    week, as days in UTC: 2026-11-02 \u2026 2026-11-09\n' +
        'No value   "1900-01-01 00:00:00"\n' +
        'Rows       7 (0 bad rows), 7 ids, 41 snapshots\n' +
        '\n' +
        'Columns (header on line 1)\n' +
        '    1  Id                               \u2192 id: text (preset)\n' +
        '    2  Group                            segment team\n' +
        '    3  Status                           \u2192 status: text (preset)\n' +
        '    4  Via                              not mapped\n' +
        '    5  Created at                       \u2192 created: timestamp, YYYY-MM-DD (detected) (preset)\n' +
        '    6  Solved at                        \u2192 solved: timestamp, YYYY-MM-DD (detected) (preset)\n' +
        '    7  Satisfaction Score               \u2192 rating: rating, scale good-bad (of 1-5 or good-bad, from its values) (preset)\n' +
        '    8  Reopens                          \u2192 reopens: whole number (preset)\n' +
        '    9  Replies                          \u2192 replies: whole number (preset)\n' +
        '   10  First reply time in minutes      \u2192 first_reply: duration in m (preset)\n' +
        '   11  Full resolution time in minutes  \u2192 resolution: duration in m (preset)\n' +
        '\n' +
        'Metrics (per week, per team and in total)\n' +
        '  \u2714 csat\n' +
        '  \u2714 first_response_time\n' +
        '  \u2714 resolution_time\n' +
        '  \u00b7 handle_time              needs handle\n' +
        '  \u2714 fcr\n' +
        '  \u00b7 churn_rate               needs started\n' +
        '  \u00b7 retention_rate           needs started\n' +
        '  \u2714 ticket_volume\n' +
        '  \u2714 backlog\n' +
        '  \u2714 interactions_per_ticket\n' +
        '  \u00b7 answer_rate              needs answered\n' +
        '  \u00b7 speed_of_answer          needs wait\n' +
        '\n' +
        'First snapshots as they would be stored\n' +
        '  date        metric   segment       n  period   value\n' +
        '  2026-11-02  backlog  all           1           1\n' +
        '  2026-11-09  backlog  all           2  partial  2\n' +
        '  2026-11-02  backlog  team=Billing  1           1\n' +
        '  2026-11-09  backlog  team=Billing  1  partial  1\n' +
        '  2026-11-02  backlog  team=Support  0           0\n' +
        '  2026-11-09  backlog  team=Support  1  partial  1\n' +
        '  2026-11-02  csat     all           2           50 %\n' +
        '  2026-11-09  csat     all           2  partial  100 %\n' +
        '  2026-11-09  csat     team=Billing  1  partial  100 %\n' +
        '  2026-11-02  csat     team=Support  2           50 %\n' +
        '\n' +
        'An import would succeed. Nothing was imported: this was --inspect.\n',
    );
  });
});
