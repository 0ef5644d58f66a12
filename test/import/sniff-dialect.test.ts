import { describe, expect, it } from 'vitest';
import { GoalsError } from '../../src/core/errors.js';
import { parseDelimiter, sniffDialect } from '../../src/import/sniff-dialect.js';

describe('sniffDialect', () => {
  it.each([
    ['date,csat,nps\n1,2,3', ','],
    ['Week;CSAT %;NPS\r\n05.10.2026;80,5;3', ';'],
    ['date\tcsat\n', '\t'],
    ['date|csat|nps\n', '|'],
    ['"date","csat","Notes; remarks, more"\n', ','],
    ['Datum;Wert, in %;x\n', ';'],
  ])('finds the delimiter of %j', (head, delimiter) => {
    expect(sniffDialect(head, 'x.csv').delimiter).toBe(delimiter);
  });

  it("honours Excel's sep= first line and says the line is not data", () => {
    expect(sniffDialect('sep=;\r\nDate,CSAT;x\r\n', 'x.csv')).toEqual({
      delimiter: ';',
      delimiterSource: 'sep line',
      hasSepLine: true,
      decimal: ',',
      decimalSource: 'default for ; files',
    });
  });

  it('uses the declared delimiter and decimal separator', () => {
    expect(sniffDialect('a;b,c,d\n', 'x.csv', { delimiter: ';', decimal: '.' })).toEqual({
      delimiter: ';',
      delimiterSource: 'declared',
      hasSepLine: false,
      decimal: '.',
      decimalSource: 'declared',
    });
  });

  it('defaults to a comma for a one-column header', () => {
    expect(sniffDialect('date\n2026-10-05\n', 'x.csv')).toMatchObject({
      delimiter: ',',
      delimiterSource: 'default',
      decimal: '.',
    });
  });

  it('refuses to guess between two delimiters that occur equally often', () => {
    let error: unknown;
    try {
      sniffDialect('a;b,c\n', 'x.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GoalsError);
    expect(error).toMatchObject({
      code: 'CSV_UNREADABLE',
      message: 'Cannot tell the delimiter of x.csv: its header line has as many "," as ";".',
      hint: 'Say which: --delimiter "," (or delimiter: in the source in goals.yaml).',
    });
  });
});

describe('parseDelimiter', () => {
  it('accepts tab spelled out', () => {
    expect(parseDelimiter('tab')).toBe('\t');
    expect(parseDelimiter('\\t')).toBe('\t');
    expect(parseDelimiter(':')).toBeUndefined();
  });
});
