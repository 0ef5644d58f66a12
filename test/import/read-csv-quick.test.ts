/**
 * The quick reader of files without quotes gives exactly the records and
 * lines csv-parse gives, or steps aside (ReadAgainWithCsvParse) for line
 * breaks only csv-parse reads right.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadAgainWithCsvParse, readCsv } from '../../src/import/read-csv.js';
import { scanFile } from '../../src/import/scan-file.js';
import type { Delimiter } from '../../src/import/sniff-dialect.js';
import { tempDir } from '../helpers/temp-dir.js';

async function records(
  path: string,
  delimiter: Delimiter,
  csvParse: boolean,
): Promise<Array<[number, string[]]> | 'read again'> {
  const scan = await scanFile(path, 'f.csv');
  const out: Array<[number, string[]]> = [];
  try {
    await readCsv(scan, 'f.csv', { delimiter, csvParse }, (fields, line) => {
      out.push([line, fields]);
    });
  } catch (error) {
    if (error instanceof ReadAgainWithCsvParse) return 'read again';
    throw error;
  }
  return out;
}

const piece = fc.constantFrom(
  'a',
  'bc',
  'é',
  '€',
  '7',
  ' ',
  ',',
  ';',
  '\t',
  '|',
  '\n',
  '\n',
  '\r\n',
  '\r\n',
  '\r',
  "'",
);

describe('the quick CSV reader', () => {
  it('gives the records and lines csv-parse gives, on any file without quotes', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }),
        fc.constantFrom<Delimiter>(',', ';', '\t', '|'),
        fc.boolean(),
        async (pieces, delimiter, bom) => {
          const path = join(dir, `f${n++}.csv`);
          const text = pieces.join('');
          writeFileSync(path, `${bom ? '\ufeff' : ''}${text}`);
          if (text.trim() === '' && !text.includes(delimiter)) {
            // scanFile refuses a file with nothing in it; whitespace is something.
            if (text.length === 0) return;
          }
          const quick = await records(path, delimiter, false);
          const reference = await records(path, delimiter, true);
          if (quick === 'read again') {
            expect(text).toContain('\r');
            return;
          }
          expect(quick).toEqual(reference);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same across chunk boundaries: multi-byte characters and CRLF split between reads', async () => {
    const lines = Array.from(
      { length: 30_000 },
      (_, i) => `2026-07-${String((i % 28) + 1).padStart(2, '0')};${'é€'.repeat(i % 7)};${i}`,
    );
    const dir = tempDir({ 'lf.csv': lines.join('\n'), 'crlf.csv': `${lines.join('\r\n')}\r\n` });
    for (const name of ['lf.csv', 'crlf.csv']) {
      const quick = await records(join(dir, name), ';', false);
      expect(quick).toEqual(await records(join(dir, name), ';', true));
      expect((quick as unknown[]).length).toBe(30_000);
    }
  });

  it('reads LF and CRLF files itself, and steps aside for a stray carriage return', async () => {
    const dir = tempDir({
      'lf.csv': 'date,csat\n2026-07-06,79\n\n2026-07-13,80',
      'crlf.csv': 'date,csat\r\n2026-07-06,79\r\n\r\n2026-07-13,80\r\n',
      'mixed.csv': 'date,csat\r\n2026-07-06,79\n2026-07-13,80\r\n',
    });
    const expected = [
      [1, ['date', 'csat']],
      [2, ['2026-07-06', '79']],
      [4, ['2026-07-13', '80']],
    ];
    expect(await records(join(dir, 'lf.csv'), ',', false)).toEqual(expected);
    expect(await records(join(dir, 'crlf.csv'), ',', false)).toEqual(expected);
    // In a CRLF file a lone \n is no line break for csv-parse: the field holds it.
    expect(await records(join(dir, 'mixed.csv'), ',', false)).toBe('read again');
    expect(await records(join(dir, 'mixed.csv'), ',', true)).toEqual([
      [1, ['date', 'csat']],
      [2, ['2026-07-06', '79\n2026-07-13', '80']],
    ]);
  });
});
