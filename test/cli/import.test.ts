import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../helpers/memory-io.js';
import { copyFixture, tempDir } from '../helpers/temp-dir.js';

const SF311 = '/work/shared/data/sf311_call_metrics_by_month.csv';
const hasSf311 = existsSync(SF311);

const countIn = (dir: string, db = '.goals/goals.db') => {
  const store = openStore(join(dir, db), { readonly: true });
  try {
    return store.countSnapshots();
  } finally {
    store.close();
  }
};

describe('goals import', () => {
  it('imports every source of goals.yaml, then says nothing changed', async () => {
    const dir = copyFixture('import/wide-european');
    const first = await runCli(['import'], { cwd: dir });
    expect(first).toEqual({
      code: 0,
      stdout:
        'Imported weekly.csv (source weekly): 3 rows, 8 snapshots: 8 new, 0 updated, 0 unchanged.\n',
      stderr: '',
    });
    expect(countIn(dir)).toBe(8);
    const second = await runCli(['import'], { cwd: dir });
    expect(second.stdout).toBe(
      'Imported weekly.csv (source weekly): 3 rows, 8 snapshots: 0 new, 0 updated, 8 unchanged. Nothing changed.\n',
    );
  });

  it('counts and lists values that a new export changes', async () => {
    const dir = copyFixture('import/wide-european');
    await runCli(['import'], { cwd: dir });
    const path = join(dir, 'weekly.csv');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('81,2;3,7;31', '81,4;3,7;31') +
        '26.10.2026;81,6;3,5;;\r\n',
    );
    const r = await runCli(['import', 'weekly.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Imported weekly.csv (source weekly): 4 rows, 10 snapshots: 2 new, 1 updated, 7 unchanged.\n' +
        '  updated csat (all) on 2026-10-19: 81.2 % → 81.4 %  line 4\n',
    );
  });

  it('rejects a file with bad rows: exit 2, every problem on stderr, nothing written', async () => {
    const dir = copyFixture('import/bad-rows');
    writeFileSync(join(dir, 'goals.yaml'), 'version: 1\n');
    const r = await runCli(['import', 'kpis.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'kpis.csv:3:12  error  140 in column "csat" is outside the range of csat (0 % to 100 %).  import/bad-value',
        '  → Correct the value in the export, or map the column to the right metric; --skip-invalid leaves the row out.',
        'kpis.csv:4:17  error  "soon" in column "first_response_time" is not a duration.  import/bad-value',
        "  → Write a number in the column's unit, or a duration such as 2h30m, 90m or 01:30:00; leave the cell empty when there is no value.",
        'kpis.csv:5:1  error  "2026-10-32" in column "date" is not a real day.  import/bad-date',
        '  → Correct the date in the export (YYYY-MM-DD), or --skip-invalid to leave the row out.',
        'error kpis.csv was not imported: 3 bad rows. Nothing was written.',
        '  Correct the rows in the export and import it again, or leave them out with --skip-invalid (goals import FILE --skip-invalid).',
        '',
      ].join('\n'),
    );
    expect(countIn(dir)).toBe(0);
  });

  it('imports the rest with --skip-invalid and lists what it skipped on stderr', async () => {
    const dir = copyFixture('import/bad-rows');
    writeFileSync(join(dir, 'goals.yaml'), 'version: 1\n');
    const r = await runCli(['import', 'kpis.csv', '--skip-invalid'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Imported kpis.csv: 5 rows (3 bad rows skipped), 4 snapshots: 4 new, 0 updated, 0 unchanged.\n',
    );
    expect(r.stderr.split('\n').filter((l) => !l.startsWith('  '))).toEqual([
      'kpis.csv:3:12  warning  Skipped: 140 in column "csat" is outside the range of csat (0 % to 100 %).  import/bad-value',
      'kpis.csv:4:17  warning  Skipped: "soon" in column "first_response_time" is not a duration.  import/bad-value',
      'kpis.csv:5:1  warning  Skipped: "2026-10-32" in column "date" is not a real day.  import/bad-date',
      '',
    ]);
  });

  it('--dry-run says what would change and creates no store', async () => {
    const dir = copyFixture('import/wide-european');
    const r = await runCli(['import', '--dry-run'], { cwd: dir });
    expect(r).toEqual({
      code: 0,
      stdout:
        'Dry run of weekly.csv (source weekly): 3 rows, 8 snapshots: would be 8 new, 0 updated, 0 unchanged. Nothing was written.\n',
      stderr: '',
    });
    expect(existsSync(join(dir, '.goals'))).toBe(false);
  });

  it('--inspect shows how the file is read and mapped', async () => {
    const dir = copyFixture('import/wide-european');
    const r = await runCli(['import', '--inspect', 'weekly.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`File       weekly.csv (126 bytes)
Encoding   UTF-8 (no byte-order mark; every byte is valid UTF-8)
Delimiter  ";" (declared)
Decimal    "," (declared)
Layout     wide
Dates      column "Week", DD.MM.YYYY (declared)
Rows       3 (0 bad rows), 8 snapshots

Columns (header on line 1)
    1  Week             the date
    2  CSAT %           → csat (percent 0-100)
    3  First reply (h)  → first_response_time (duration: values in h, stored in seconds)
    4  NPS              → nps (score)
    5  Notes            not mapped

First snapshots as they would be stored
  line  date        metric               segment  stored  shown
  2     2026-10-05  csat                 all      80.5    80.5 %
  2     2026-10-05  first_response_time  all      14400   4 h
  2     2026-10-05  nps                  all      28      28
  3     2026-10-12  csat                 all      80.9    80.9 %
  3     2026-10-12  first_response_time  all      13860   3 h 51 m
  4     2026-10-19  csat                 all      81.2    81.2 %
  4     2026-10-19  first_response_time  all      13320   3 h 42 m
  4     2026-10-19  nps                  all      31      31

Not mapped  "Notes"

An import would succeed. Nothing was imported: this was --inspect.
`);
    expect(existsSync(join(dir, '.goals'))).toBe(false);
  });

  it('--inspect of an unmapped file shows its header and what to map, without goals.yaml', async () => {
    const dir = tempDir({ 'export.csv': 'When,Satisfaction,Agent\n2026-10-05,80,Ana\n' });
    const r = await runCli(['import', '--inspect', 'export.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      '    1  When          not mapped\n    2  Satisfaction  not mapped\n',
    );
    // The problems come after the report (stderr is written last), and the text says so.
    expect(r.stdout).toContain(
      'An import would be refused: the mapping does not fit the file. The problems follow (on stderr).\n' +
        '  → Fix what is listed below; the columns above show what each one maps to.\n',
    );
    expect(r.stderr).toBe(
      "export.csv:1:1  error  No date column given for export.csv, and no column has a date's usual name (date, day, week, month, quarter, period …).  import/missing-column\n" +
        '  → The columns are: "When", "Satisfaction", "Agent". Name the date column: --date-column NAME (or date: in the source in goals.yaml).\n',
    );
  });

  it("takes the one column with a date's usual name as the date, and says so", async () => {
    const dir = tempDir({
      'goals.yaml': 'version: 1\n',
      'monthly.csv': 'Month,csat,fcr\n2026-01-01,80,70\n2026-02-01,81,71\n',
      'tickets.csv': 'Created_At,csat\n2026-01-05,80\n',
    });
    const r = await runCli(['import', 'monthly.csv', 'tickets.csv'], { cwd: dir });
    expect(r).toEqual({
      code: 0,
      stdout:
        'Imported monthly.csv: 2 rows, 4 snapshots: 4 new, 0 updated, 0 unchanged.\n' +
        '  dates from column "Month" (recognised by its name; --date-column NAME takes another)\n' +
        'Imported tickets.csv: 1 row, 1 snapshot: 1 new, 0 updated, 0 unchanged.\n' +
        '  dates from column "Created_At" (recognised by its name; --date-column NAME takes another)\n',
      stderr: '',
    });
    const inspect = await runCli(['import', '--inspect', 'monthly.csv'], { cwd: dir });
    expect(inspect.stdout).toContain(
      'Dates      column "Month" (recognised by its name; --date-column NAME takes another), YYYY-MM-DD (detected)\n',
    );
    expect(inspect.stdout).toContain('    1  Month      the date\n');
  });

  it.each([
    ['Week,Period,csat\n', '"Week", "Period"'],
    ['Date,Created at,csat\n', null],
  ])(
    'with several usual date names in %j, takes only one called "date"',
    async (header, listed) => {
      const dir = tempDir({
        'goals.yaml': 'version: 1\n',
        'k.csv': `${header}2026-01-05,2026-01-05,80\n`,
      });
      const r = await runCli(['import', 'k.csv'], { cwd: dir });
      if (listed === null) {
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(
          'Imported k.csv: 1 row, 1 snapshot: 1 new, 0 updated, 0 unchanged.\n',
        );
        return;
      }
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `k.csv:1:1  error  No date column given for k.csv, and 2 columns could be it: ${listed}.  import/missing-column\n` +
          '  → Name the date column: --date-column "Week" (or date: in the source in goals.yaml).\n' +
          'error k.csv was not imported: the mapping does not fit the file.\n' +
          '  Fix what is listed above; `goals import --inspect FILE` shows the header and how each column maps.\n',
      );
    },
  );

  it('-q says nothing about a file that changed nothing, one line about one that did', async () => {
    const dir = copyFixture('import/wide-european');
    const first = await runCli(['-q', 'import'], { cwd: dir });
    expect(first).toEqual({
      code: 0,
      stdout:
        'Imported weekly.csv (source weekly): 3 rows, 8 snapshots: 8 new, 0 updated, 0 unchanged.\n',
      stderr: '',
    });
    const again = await runCli(['import', '--quiet'], { cwd: dir });
    expect(again).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('imports a one-off file without goals.yaml into --db', async () => {
    const dir = tempDir({
      'm.csv': 'date,metric,team,value\n2026-10-05,csat,EMEA,80\n2026-10-05,csat,,79\n',
    });
    const r = await runCli(
      ['--db', 'store.db', 'import', 'm.csv', '--layout', 'long', '--segment', 'team=team'],
      {
        cwd: dir,
      },
    );
    expect(r.stdout).toBe('Imported m.csv: 2 rows, 2 snapshots: 2 new, 0 updated, 0 unchanged.\n');
    const store = openStore(join(dir, 'store.db'), { readonly: true });
    expect(store.listSnapshots().map((s) => [s.segment, s.value])).toEqual([
      ['', 79],
      ['team=EMEA', 80],
    ]);
    store.close();
  });

  it('without goals.yaml or --db, says where it looked and what to do', async () => {
    const dir = tempDir({ 'm.csv': 'date,csat\n2026-10-05,80\n' });
    const r = await runCli(['import', 'm.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error No goals.yaml in ${dir} or any folder above it.\n  Run \`goals init\` to create one, or pass -c path/to/goals.yaml.\n`,
    );
  });

  it('names a source that does not exist, with the closest one', async () => {
    const dir = copyFixture('import/wide-european');
    const r = await runCli(['import', '--source', 'weekley'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error --source weekley: goals.yaml declares no source 'weekley'.\n  Did you mean weekly? The sources are: weekly.\n",
    );
  });

  it('points mapping problems of a source at goals.yaml', async () => {
    const dir = copyFixture('import/wide-european');
    const yaml = readFileSync(join(dir, 'goals.yaml'), 'utf8').replace(
      '"CSAT %": csat',
      '"CSAT%": csat',
    );
    writeFileSync(join(dir, 'goals.yaml'), yaml);
    const r = await runCli(['import'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'goals.yaml:10:7  error  weekly.csv has no column "CSAT%" (mapped to csat).  import/missing-column',
        '  → Did you mean "CSAT %"? The columns are: "Week", "CSAT %", "First reply (h)", "NPS", "Notes". Rename the column in the export or fix columns: "CSAT%" in source \'weekly\' in goals.yaml.',
        "error weekly.csv was not imported: the mapping of source 'weekly' does not fit the file.",
        '  Fix what is listed above; `goals import --inspect --source weekly` shows the header and how each column maps.',
        '',
      ].join('\n'),
    );
  });

  it('says there is nothing to import without files or sources', async () => {
    const dir = tempDir({ 'goals.yaml': 'version: 1\n' });
    const r = await runCli(['import'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error Nothing to import: no files given, and goals.yaml declares no sources.\n' +
        '  Name the files (goals import export.csv …), or declare your exports under sources: in goals.yaml.\n',
    );
  });

  it.skipIf(!hasSf311)(
    'reports the month SF311 gives twice with different values, and what to do about it',
    async () => {
      const dir = tempDir({ 'goals.yaml': 'version: 1\n' });
      writeFileSync(join(dir, 'sf311.csv'), readFileSync(SF311));
      const mapping = [
        'import',
        'sf311.csv',
        '--date-column',
        'Month',
        '--metric',
        'Svc Level (% answered w/i 60 sec)=frt_within_sla',
        '--metric',
        'Calls Answered=ticket_volume',
      ];
      const ambiguous = await runCli(mapping, { cwd: dir });
      expect(ambiguous.code).toBe(2);
      expect(ambiguous.stderr).toContain(
        'sf311.csv:2:1  error  "12/01/2015 12:00:00 AM" in column "Month" can be read two ways: 2015-12-01 (MM/DD/YYYY) or 2015-01-12 (DD/MM/YYYY).',
      );

      const r = await runCli([...mapping, '--date-format', 'MM/DD/YYYY'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        [
          'sf311.csv:104:24  error  Lines 9 and 104 both give ticket_volume on 2015-05-01, with different values: 80,836 (line 9) and 75,324 (line 104).  import/duplicate-key',
          '  → A file holds one value per metric, segment and date, and goals will not pick one. Delete the wrong row from the export; or --skip-invalid leaves both rows out.',
          'sf311.csv:104:30  error  Lines 9 and 104 both give frt_within_sla on 2015-05-01, with different values: 32.6 % (line 9) and 56.9 % (line 104).  import/duplicate-key',
          '  → A file holds one value per metric, segment and date, and goals will not pick one. Delete the wrong row from the export; or --skip-invalid leaves both rows out.',
          'error sf311.csv was not imported: 2 bad rows. Nothing was written.',
          '  Correct the rows in the export and import it again, or leave them out with --skip-invalid (goals import FILE --skip-invalid).',
          '',
        ].join('\n'),
      );
      expect(existsSync(join(dir, '.goals', 'goals.db')) ? countIn(dir) : 0).toBe(0);

      const skipped = await runCli([...mapping, '--date-format', 'MM/DD/YYYY', '--skip-invalid'], {
        cwd: dir,
      });
      expect(skipped.code).toBe(0);
      expect(skipped.stdout).toBe(
        'Imported sf311.csv: 129 rows (2 bad rows skipped), 254 snapshots: 254 new, 0 updated, 0 unchanged.\n',
      );
      const store = openStore(join(dir, '.goals', 'goals.db'), { readonly: true });
      const sla = store.pointsOf('frt_within_sla', '');
      expect(sla.find((p) => p.date === '2015-05-01')).toBeUndefined();
      expect(sla.find((p) => p.date === '2015-12-01')).toEqual({ date: '2015-12-01', value: 43.7 });
      // Rows out of order in the file come out in date order.
      expect(sla.map((p) => p.date)).toEqual([...sla.map((p) => p.date)].sort());
      store.close();
    },
  );
});

describe('goals import on a terminal', () => {
  it('draws a progress line on stderr and clears it, and prints the summary on stdout', async () => {
    const dir = copyFixture('import/wide-european');
    const r = await runCli(['import'], { cwd: dir, isTTY: true });
    expect(r.code).toBe(0);
    // One redraw per chunk read (at most 5 a second), the last one always.
    expect(r.stderr).toBe(
      '\r\x1b[2KImporting weekly.csv: 100 % (3 rows)' +
        '\r\x1b[2KImporting weekly.csv: 100 % (3 rows)' +
        '\r\x1b[2K',
    );
    expect(r.stdout).toBe(
      'Imported weekly.csv (source weekly): 3 rows, 8 snapshots: 8 new, 0 updated, 0 unchanged.\n',
    );
  });

  it('draws no progress line with --quiet', async () => {
    const dir = copyFixture('import/wide-european');
    const r = await runCli(['-q', 'import'], { cwd: dir, isTTY: true });
    expect(r.stderr).toBe('');
  });
});
