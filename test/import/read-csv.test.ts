import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateCells } from '../../src/import/locate-cells.js';
import { readCsv } from '../../src/import/read-csv.js';
import { scanFile } from '../../src/import/scan-file.js';
import type { Delimiter } from '../../src/import/sniff-dialect.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixture = (relative: string) =>
  join(import.meta.dirname, '..', 'fixtures', 'import', relative);

async function records(path: string, delimiter: Delimiter) {
  const scan = await scanFile(path, 'x.csv');
  const out: Array<{ fields: string[]; line: number }> = [];
  await readCsv(scan, 'x.csv', { delimiter }, (fields, line) => {
    out.push({ fields, line });
  });
  return out;
}

describe('readCsv', () => {
  it('gives the physical line each record starts on, across quoted CRLF and LF, blank lines and a BOM', async () => {
    expect(await records(fixture('excel-sep-line/kpis.csv'), ';')).toEqual([
      { fields: ['sep=', ''], line: 1 },
      { fields: ['Date', 'CSAT', 'Comment'], line: 2 },
      { fields: ['2026-10-05', '80,5', 'first line\r\nsecond line'], line: 3 },
      { fields: ['2026-10-12', '81', 'say "hi"\nthen leave'], line: 5 },
      { fields: ['2026-10-19', 'bad', 'ok'], line: 8 },
    ]);
  });

  it('counts lines the same way for LF files with line breaks inside quotes', async () => {
    const dir = tempDir({ 'a.csv': 'a,b\n1,"x\ny\nz"\n\n2,3\n"4\r\n5",6\n7,8' });
    expect((await records(join(dir, 'a.csv'), ',')).map((r) => r.line)).toEqual([1, 2, 6, 7, 9]);
  });

  it('decodes UTF-16 (both byte orders) and Windows-1252 to the same records', async () => {
    const expected = [
      ['Datum', 'Équipe', 'csat'],
      ['2026-10-05', 'Zürich', '80.5'],
      ['2026-10-12', 'Zürich', '81'],
    ];
    for (const name of ['utf16le-bom', 'utf16be-bom', 'windows-1252', 'utf8-bom']) {
      const got = await records(fixture(`${name}/kpis.csv`), ',');
      expect(
        got.map((r) => r.fields),
        name,
      ).toEqual(expected);
      expect(
        got.map((r) => r.line),
        name,
      ).toEqual([1, 2, 3]);
    }
  });

  it('reports a quote that is never closed with its line', async () => {
    const dir = tempDir({ 'a.csv': 'a,b\n1,2\n3,"open\n4,5\n' });
    await expect(records(join(dir, 'a.csv'), ',')).rejects.toMatchObject({
      code: 'CSV_REJECTED',
      message:
        'x.csv cannot be read as CSV: a quote in the record that starts on line 3 is never closed. Nothing was imported.',
    });
  });

  it('stops when the handler says so', async () => {
    const dir = tempDir({ 'a.csv': 'a,b\n1,2\n3,4\n' });
    const scan = await scanFile(join(dir, 'a.csv'), 'a.csv');
    const seen: string[][] = [];
    await readCsv(scan, 'a.csv', { delimiter: ',' }, (fields) => {
      seen.push(fields);
      return false;
    });
    expect(seen).toEqual([['a', 'b']]);
  });
});

describe('scanFile', () => {
  it('detects encodings from the BOM, strict UTF-8, or falls back to Windows-1252', async () => {
    const summary = async (name: string) => {
      const s = await scanFile(fixture(`${name}/kpis.csv`), 'kpis.csv');
      return [s.encoding, s.encodingSource, s.bomLength];
    };
    expect(await summary('utf16le-bom')).toEqual(['utf-16le', 'bom', 2]);
    expect(await summary('utf16be-bom')).toEqual(['utf-16be', 'bom', 2]);
    expect(await summary('utf8-bom')).toEqual(['utf-8', 'bom', 3]);
    expect(await summary('windows-1252')).toEqual(['windows-1252', 'fallback', 0]);
    expect(await summary('ambiguous-dates')).toEqual(['utf-8', 'valid utf-8', 0]);
  });

  it('hashes the bytes and decodes the head', async () => {
    const dir = tempDir({ 'a.csv': 'date,csat\n2026-10-05,80\n' });
    const scan = await scanFile(join(dir, 'a.csv'), 'a.csv');
    expect(scan.sha256).toBe('e0a17d5adbd8c4a7d40c5b6edb174e09119133d8f6c5ebce26ffad307dfff70e');
    expect(scan.head).toBe('date,csat\n2026-10-05,80\n');
    expect(scan.bytes).toBe(24);
  });

  it('refuses empty files, workbooks and missing files with what to do', async () => {
    const dir = tempDir({ 'empty.csv': '', 'book.csv': 'PK\u0003\u0004rest' });
    await expect(scanFile(join(dir, 'empty.csv'), 'empty.csv')).rejects.toMatchObject({
      code: 'CSV_UNREADABLE',
      message: 'empty.csv is empty.',
    });
    await expect(scanFile(join(dir, 'book.csv'), 'book.csv')).rejects.toMatchObject({
      code: 'CSV_UNREADABLE',
      message: 'book.csv is a spreadsheet workbook (.xlsx or another zip file), not CSV.',
      hint: 'Open it in your spreadsheet and save it as "CSV UTF-8", then import that file.',
    });
    await expect(scanFile(join(dir, 'nope.csv'), 'nope.csv')).rejects.toMatchObject({
      code: 'CSV_UNREADABLE',
      message: 'Cannot read nope.csv: it does not exist.',
    });
  });
});

describe('locateCells', () => {
  it('finds the line and column where a field starts, inside multi-line records too', async () => {
    const scan = await scanFile(fixture('excel-sep-line/kpis.csv'), 'kpis.csv');
    const positions = await locateCells(scan, ';', [
      { line: 2, field: 1 },
      { line: 3, field: 2 },
      { line: 5, field: 2 },
      { line: 8, field: 1 },
      { line: 8, field: 9 },
    ]);
    expect(Object.fromEntries(positions)).toEqual({
      '2:1': { line: 2, column: 6 },
      '3:2': { line: 3, column: 17 },
      '5:2': { line: 5, column: 15 },
      '8:1': { line: 8, column: 12 },
      '8:9': { line: 8, column: 1 },
    });
  });

  it('finds fields that start on a later line of a quoted record', async () => {
    const dir = tempDir({ 'a.csv': 'a,b,c\r\n"x\r\ny",2,3\r\n' });
    const scan = await scanFile(join(dir, 'a.csv'), 'a.csv');
    const positions = await locateCells(scan, ',', [{ line: 2, field: 2 }]);
    expect(positions.get('2:2')).toEqual({ line: 3, column: 6 });
  });
});
