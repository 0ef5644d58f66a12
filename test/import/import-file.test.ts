import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadOutcome } from '../../src/import/read-snapshots.js';
import { describe, expect, it } from 'vitest';
import { isGoalsError } from '../../src/core/errors.js';
import type { GoalsError } from '../../src/core/errors.js';
import { buildCatalog } from '../../src/core/metrics.js';
import { importFile } from '../../src/import/import-file.js';
import type { ImportFileOptions } from '../../src/import/import-file.js';
import { specFromFlags } from '../../src/import/import-spec.js';
import type { ImportFlags } from '../../src/import/import-spec.js';
import { openStore } from '../../src/store/open-store.js';
import type { SnapshotStore } from '../../src/store/snapshot-store.js';
import { copyFixture } from '../helpers/temp-dir.js';

const catalog = buildCatalog([]);
const NOW = new Date('2026-11-16T09:00:00Z');

function setup(fixture: string): { dir: string; store: SnapshotStore } {
  const dir = copyFixture(`import/${fixture}`);
  return { dir, store: openStore(join(dir, 'goals.db')) };
}

function importInto(
  store: SnapshotStore,
  dir: string,
  file: string,
  flags: ImportFlags,
  more: Partial<ImportFileOptions> & { skipInvalid?: boolean } = {},
) {
  const { skipInvalid, ...rest } = more;
  return importFile({
    path: join(dir, file),
    displayPath: file,
    recordPath: file,
    spec: specFromFlags({ metric: [], segment: [], skipInvalid, ...flags }),
    catalog,
    store,
    protectedSources: [],
    now: NOW,
    ...rest,
  });
}

async function rejection(promise: Promise<unknown>): Promise<GoalsError> {
  try {
    await promise;
  } catch (error) {
    if (isGoalsError(error)) return error;
    throw error;
  }
  throw new Error('expected the import to be rejected');
}

const where = (e: GoalsError) =>
  e.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);

const WEEKLY: ImportFlags = {
  dateColumn: 'Week',
  metric: ['CSAT %=csat', 'First reply (h)=first_response_time:h', 'NPS=nps'],
};

describe('importFile', () => {
  it('imports a European wide export: semicolons, decimal commas, DD.MM.YYYY, hours, an empty cell', async () => {
    const { dir, store } = setup('wide-european');
    const result = await importInto(store, dir, 'weekly.csv', WEEKLY);
    expect(result.status).toBe('imported');
    expect([result.rows, result.snapshots, result.counts]).toEqual([
      3,
      8,
      { inserted: 8, updated: 0, unchanged: 0, removed: 0 },
    ]);
    expect(result.outcome?.source.dialect).toMatchObject({ delimiter: ';', decimal: ',' });
    expect(result.outcome?.dateFormat).toBe('DD.MM.YYYY');
    expect((result.outcome as ReadOutcome).mapping.unmapped.map((u) => u.name)).toEqual(['Notes']);
    expect(store.pointsOf('first_response_time', '')).toEqual([
      { date: '2026-10-05', value: 14400 },
      { date: '2026-10-12', value: 13860 },
      { date: '2026-10-19', value: 13320 },
    ]);
    // The empty NPS cell of 12.10.2026 is no snapshot, not a zero.
    expect(store.pointsOf('nps', '')).toEqual([
      { date: '2026-10-05', value: 28 },
      { date: '2026-10-19', value: 31 },
    ]);
    store.close();
  });

  it('is idempotent, and counts updates when an export changes a value', async () => {
    const { dir, store } = setup('wide-european');
    await importInto(store, dir, 'weekly.csv', WEEKLY);
    const again = await importInto(store, dir, 'weekly.csv', WEEKLY);
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 8, removed: 0 });
    expect(store.listImports()).toHaveLength(2);
    store.close();
  });

  it('imports a long export with a team segment; an empty team is the whole team', async () => {
    const { dir, store } = setup('long-teams');
    const result = await importInto(store, dir, 'metrics.csv', {
      layout: 'long',
      segment: ['team=team'],
      metric: ['resolution_time=resolution_time:h'],
    });
    expect(result.counts).toEqual({ inserted: 4, updated: 0, unchanged: 0, removed: 0 });
    expect(store.listSnapshots().map((s) => [s.metric, s.segment, s.date, s.value])).toEqual([
      ['churn_rate', '', '2026-10-01', 2.3],
      ['resolution_time', 'team=Americas', '2026-10-05', 99000],
      ['resolution_time', 'team=EMEA', '2026-10-05', 108000],
      ['resolution_time', 'team=EMEA', '2026-10-12', 105840],
    ]);
    store.close();
  });

  it('rejects a file with bad rows, naming file:line:column and value, and writes nothing', async () => {
    const { dir, store } = setup('bad-rows');
    const error = await rejection(importInto(store, dir, 'kpis.csv', {}));
    expect(error.code).toBe('CSV_REJECTED');
    expect(error.message).toBe('kpis.csv was not imported: 3 bad rows. Nothing was written.');
    expect(error.hint).toBe(
      'Correct the rows in the export and import it again, or leave them out with --skip-invalid (goals import FILE --skip-invalid).',
    );
    expect(where(error)).toEqual([
      'kpis.csv:3:12 error import/bad-value 140 in column "csat" is outside the range of csat (0 % to 100 %).',
      'kpis.csv:4:17 error import/bad-value "soon" in column "first_response_time" is not a duration.',
      'kpis.csv:5:1 error import/bad-date "2026-10-32" in column "date" is not a real day.',
    ]);
    expect(store.countSnapshots()).toBe(0);
    expect(store.listImports()).toEqual([]);
    store.close();
  });

  it('leaves an existing history exactly as it was when a later file is rejected', async () => {
    const { dir, store } = setup('wide-european');
    await importInto(store, dir, 'weekly.csv', WEEKLY);
    const snapshots = store.listSnapshots();
    const { dir: badDir } = setup('bad-rows');
    await rejection(importInto(store, badDir, 'kpis.csv', {}));
    expect(store.listSnapshots()).toEqual(snapshots);
    expect(store.listImports()).toHaveLength(1);
    store.close();
  });

  it('imports the good rows with --skip-invalid and lists the skipped ones', async () => {
    const { dir, store } = setup('bad-rows');
    const result = await importInto(store, dir, 'kpis.csv', {}, { skipInvalid: true });
    expect(result.counts).toEqual({ inserted: 4, updated: 0, unchanged: 0, removed: 0 });
    expect(result.skippedRows).toBe(3);
    expect(result.skipped.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      '3:12 warning Skipped: 140 in column "csat" is outside the range of csat (0 % to 100 %).',
      '4:17 warning Skipped: "soon" in column "first_response_time" is not a duration.',
      '5:1 warning Skipped: "2026-10-32" in column "date" is not a real day.',
    ]);
    expect(store.pointsOf('first_response_time', '')).toEqual([
      { date: '2026-10-05', value: 7200 },
      { date: '2026-11-02', value: 6300 },
    ]);
    expect(store.listImports()[0]).toMatchObject({ rows: 5, skipped: 3, snapshots: 4 });
    store.close();
  });

  it('says what a dry run would change and writes nothing', async () => {
    const { dir, store } = setup('wide-european');
    const result = await importInto(store, dir, 'weekly.csv', WEEKLY, { dryRun: true });
    expect(result.status).toBe('dry-run');
    expect(result.counts).toEqual({ inserted: 8, updated: 0, unchanged: 0, removed: 0 });
    expect(store.countSnapshots()).toBe(0);
    expect(store.listImports()).toEqual([]);
    store.close();
  });

  it('reports a key given twice with different values by both lines (the SF311 trap)', async () => {
    const { dir, store } = setup('duplicate-conflict');
    const flags = { dateColumn: 'Month', metric: ['Svc Level %=frt_within_sla'] };
    const error = await rejection(importInto(store, dir, 'kpis.csv', flags));
    expect(error.message).toBe('kpis.csv was not imported: 2 bad rows. Nothing was written.');
    expect(where(error)).toEqual([
      'kpis.csv:5:12 error import/duplicate-key Lines 3 and 5 both give frt_within_sla on 2026-02-01, with different values: 41 % (line 3) and 47.3 % (line 5).',
    ]);
    expect(error.findings[0]?.hint).toBe(
      'A file holds one value per metric, segment and date, and goals will not pick one. Delete the wrong row from the export; or --skip-invalid leaves both rows out.',
    );
    expect(store.countSnapshots()).toBe(0);

    // Skipping leaves out both conflicting rows; the repeated equal value is fine.
    const skipped = await importInto(store, dir, 'kpis.csv', flags, { skipInvalid: true });
    expect(skipped.counts.inserted).toBe(2);
    expect(store.pointsOf('frt_within_sla', '')).toEqual([
      { date: '2026-01-01', value: 56.2 },
      { date: '2026-03-01', value: 43.7 },
    ]);
    store.close();
  });

  it('refuses dates that read two ways, showing a value and the formats to choose from', async () => {
    const { dir, store } = setup('ambiguous-dates');
    const error = await rejection(importInto(store, dir, 'kpis.csv', {}));
    expect(error.message).toBe(
      'kpis.csv was not imported: its dates fit both MM/DD/YYYY and DD/MM/YYYY, and goals does not guess.',
    );
    expect(error.hint).toBe(
      'Declare the format: --date-format MM/DD/YYYY (or DD/MM/YYYY), or date: { column: date, format: MM/DD/YYYY } in the source in goals.yaml.',
    );
    expect(where(error)).toEqual([
      'kpis.csv:2:1 error import/ambiguous-date "01/02/2026" in column "date" can be read two ways: 2026-01-02 (MM/DD/YYYY) or 2026-02-01 (DD/MM/YYYY).',
    ]);
    const declared = await importInto(store, dir, 'kpis.csv', { dateFormat: 'DD/MM/YYYY' });
    expect(declared.counts.inserted).toBe(3);
    expect(store.pointsOf('csat', '').map((p) => p.date)).toEqual([
      '2026-02-01',
      '2026-04-03',
      '2026-06-05',
    ]);
    store.close();
  });

  it('reads the file again when a late date decides the format', async () => {
    const { dir, store } = setup('dates-decided-late');
    const result = await importInto(store, dir, 'kpis.csv', {});
    expect(result.outcome?.dateFormat).toBe('DD/MM/YYYY');
    expect(result.counts.inserted).toBe(3);
    expect(store.pointsOf('csat', '')).toEqual([
      { date: '2026-02-01', value: 80 },
      { date: '2026-04-03', value: 81 },
      { date: '2026-06-25', value: 82 },
    ]);
    store.close();
  });

  it("reads Excel's sep= line, BOM, CRLF and quoted line breaks, with exact lines in errors", async () => {
    const { dir, store } = setup('excel-sep-line');
    const error = await rejection(importInto(store, dir, 'kpis.csv', {}));
    expect(where(error)).toEqual([
      'kpis.csv:8:12 error import/bad-value "bad" in column "CSAT" is not a number.',
    ]);
    const result = await importInto(store, dir, 'kpis.csv', {}, { skipInvalid: true });
    expect(result.outcome?.source.dialect).toMatchObject({
      delimiter: ';',
      delimiterSource: 'sep line',
    });
    expect(store.pointsOf('csat', '')).toEqual([
      { date: '2026-10-05', value: 80.5 },
      { date: '2026-10-12', value: 81 },
    ]);
    store.close();
  });

  it.each(['utf16le-bom', 'utf16be-bom', 'utf8-bom', 'windows-1252'])(
    'reads %s exports',
    async (fixture) => {
      const { dir, store } = setup(fixture);
      const result = await importInto(store, dir, 'kpis.csv', {
        dateColumn: 'Datum',
        segment: ['team=Équipe'],
      });
      expect(store.listSnapshots().map((s) => [s.segment, s.date, s.value])).toEqual([
        ['team=Zürich', '2026-10-05', 80.5],
        ['team=Zürich', '2026-10-12', 81],
      ]);
      expect(result.warnings.map((w) => w.message)).toEqual(
        fixture === 'windows-1252'
          ? [
              "kpis.csv is not UTF-8; it was read as Windows-1252 (Excel's Western European encoding).",
            ]
          : [],
      );
      store.close();
    },
  );

  it('reads tabs, thousands separators, percent strings and H:MM:SS durations', async () => {
    const { dir, store } = setup('tab-delimited');
    await importInto(store, dir, 'kpis.tsv', {});
    expect(store.listSnapshots().map((s) => [s.metric, s.date, s.value])).toEqual([
      ['csat', '2026-10-05', 85],
      ['csat', '2026-10-12', 86.5],
      ['handle_time', '2026-10-05', 450],
      ['handle_time', '2026-10-12', 3900],
      ['ticket_volume', '2026-10-05', 1234],
      ['ticket_volume', '2026-10-12', 12345],
    ]);
    store.close();
  });

  it('reads pipes with space and no-break-space thousands separators and decimal commas', async () => {
    const { dir, store } = setup('pipe-delimited');
    await importInto(store, dir, 'kpis.csv', { decimal: ',' });
    expect(store.listSnapshots().map((s) => [s.metric, s.date, s.value])).toEqual([
      ['csat', '2026-10-05', 85.5],
      ['csat', '2026-10-12', 86],
      ['ticket_volume', '2026-10-05', 1234],
      ['ticket_volume', '2026-10-12', 1240],
    ]);
    store.close();
  });

  it('is not fooled by a delimiter inside a quoted header', async () => {
    const { dir, store } = setup('quoted-header');
    const result = await importInto(store, dir, 'kpis.csv', {});
    expect(result.outcome?.source.dialect?.delimiter).toBe(',');
    expect((result.outcome as ReadOutcome).mapping.unmapped.map((u) => u.name)).toEqual([
      'Notes; remarks',
    ]);
    store.close();
  });

  it('rejects a row with more fields than the header, suggesting a quoting problem', async () => {
    const { dir, store } = setup('field-count');
    const error = await rejection(importInto(store, dir, 'kpis.csv', {}));
    expect(where(error)).toEqual([
      'kpis.csv:3:15 error import/field-count This row has 4 fields, the header has 3.',
    ]);
    expect(error.findings[0]?.hint).toBe(
      'A value probably contains the delimiter: quote it ("1,5") or export with another delimiter; check --delimiter.',
    );
    store.close();
  });

  it('reads a CRLF file with a stray LF line as csv-parse does: the LF is inside a field', async () => {
    const { dir, store } = setup('field-count');
    writeFileSync(join(dir, 'mixed.csv'), 'date,csat\r\n2026-07-06,79\n2026-07-13,80\r\n');
    const error = await rejection(importInto(store, dir, 'mixed.csv', {}));
    expect(where(error)).toEqual([
      'mixed.csv:2:12 error import/field-count This row has 3 fields, the header has 2.',
    ]);
    store.close();
  });

  it('names a missing column and a misspelt metric with what to do', async () => {
    const { dir, store } = setup('wide-european');
    const error = await rejection(
      importInto(store, dir, 'weekly.csv', {
        dateColumn: 'Wek',
        metric: ['CSAT %=csatt', 'First reply=first_response_time:h'],
      }),
    );
    expect(error.message).toBe('weekly.csv was not imported: the mapping does not fit the file.');
    expect(error.findings.map((f) => [`${f.line}:${f.column}`, f.message, f.hint])).toEqual([
      [
        '1:1',
        'weekly.csv has no column "Wek" (the date).',
        'Did you mean "Week"? The columns are: "Week", "CSAT %", "First reply (h)", "NPS", "Notes". Rename the column in the export or pass the column\'s name to --date-column.',
      ],
      [
        '1:1',
        'Column "CSAT %" maps to "csatt", which is not a metric.',
        'Did you mean csat? `goals metrics` lists the metrics; declare a new one under metrics: in goals.yaml, or fix --metric "CSAT %=csatt".',
      ],
      [
        '1:1',
        'weekly.csv has no column "First reply" (mapped to first_response_time).',
        'Did you mean "First reply (h)"? The columns are: "Week", "CSAT %", "First reply (h)", "NPS", "Notes". Rename the column in the export or pass the column\'s name to --metric "First reply=first_response_time".',
      ],
    ]);
    store.close();
  });

  it('rejects an unknown metric name in a long export with a suggestion', async () => {
    const { dir, store } = setup('long-teams');
    const csv = 'date,metric,value\n2026-10-05,cstat,80\n2026-10-05,nps,31\n';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'names.csv'), csv);
    const error = await rejection(importInto(store, dir, 'names.csv', { layout: 'long' }));
    expect(where(error)).toEqual([
      'names.csv:2:12 error import/unknown-metric "cstat" in column "metric" is not a metric.',
    ]);
    expect(error.findings[0]?.hint).toBe(
      'Did you mean csat? Map the name to a metric id under metrics: in the source in goals.yaml (or --metric "cstat=metric_id"); `goals metrics` lists the ids.',
    );
    store.close();
  });

  it('warns when every value of a percent column is a ratio', async () => {
    const { dir, store } = setup('long-teams');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(dir, 'ratios.csv'),
      'date,fcr\n2026-10-05,0.68\n2026-10-12,0.7\n2026-10-19,0.71\n',
    );
    const result = await importInto(store, dir, 'ratios.csv', {});
    expect(result.warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([
      '2:12 Column "fcr": every value is between 0 and 1, but fcr is a percentage from 0 to 100.',
    ]);
    store.close();
  });

  it('recognises a list of tickets (a row each) and says to import it as records', async () => {
    const { dir, store } = setup('long-teams');
    const { writeFileSync } = await import('node:fs');
    const rows = ['Ticket,Created,First reply (min),Group'];
    for (let i = 0; i < 40; i++)
      rows.push(`${1000 + i},2026-10-0${1 + (i % 5)} 09:${10 + i}:00,${20 + i},Support`);
    writeFileSync(join(dir, 'tickets.csv'), `${rows.join('\n')}\n`);
    const error = await rejection(
      importInto(store, dir, 'tickets.csv', {
        dateColumn: 'Created',
        metric: ['First reply (min)=first_response_time:m'],
      }),
    );
    expect(error.message).toBe(
      'tickets.csv was not imported: 40 of its 40 rows give a metric on a date that other rows give too, so it looks like a list of tickets or calls (a row each), not metric snapshots (a value per metric, segment and date). Nothing was written.',
    );
    expect(error.hint).toBe(
      'Import it as records, and goals computes the metrics from its rows: `goals import FILE --layout records --field created=COLUMN …` (or --preset zendesk, freshdesk, intercom, survey when it is such an export), or in goals.yaml a source with layout: records; `goals import --inspect FILE --layout records` shows its columns.',
    );
    expect(error.findings).toHaveLength(3);
    expect(error.findings[0]?.hint).toContain(
      '(segments: { team: Group }, or --segment team=Group)',
    );
    store.close();
  });

  it('says a file whose first line is data has no header', async () => {
    const { dir, store } = setup('long-teams');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'nohead.tsv'), '1\t2017-03-18\t\n2\t2017-03-05\t2017-04-01\n');
    const error = await rejection(importInto(store, dir, 'nohead.tsv', {}));
    expect(error.findings.map((f) => f.hint)).toEqual([
      'The first line ("1", "2017-03-18", "") looks like data, not column names: the file has no header line. Add one naming each column (e.g. date, csat), then map them. Name the date column: --date-column NAME (or date: in the source in goals.yaml).',
    ]);
    store.close();
  });

  it('shows the exact values of a conflict when rounding would make them look alike', async () => {
    const { dir, store } = setup('long-teams');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(dir, 'twice.csv'),
      'date,handle_time\n2026-10-05,02:10:01\n2026-10-05,02:10:20\n',
    );
    const error = await rejection(importInto(store, dir, 'twice.csv', {}));
    expect(error.findings.map((f) => f.message)).toEqual([
      'Lines 2 and 3 both give handle_time on 2026-10-05, with different values: 7801 s (line 2) and 7820 s (line 3).',
    ]);
    store.close();
  });
});
