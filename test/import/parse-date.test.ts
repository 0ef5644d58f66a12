import { describe, expect, it } from 'vitest';
import { DateDetector, parseDate, parseDateFormat } from '../../src/import/parse-date.js';

describe('parseDate', () => {
  it.each([
    ['2026-10-05', 'YYYY-MM-DD', '2026-10-05'],
    ['2026-10-05T09:30:00Z', 'YYYY-MM-DD', '2026-10-05'],
    ['2026-10-05 23:59', 'YYYY-MM-DD', '2026-10-05'],
    ['05.10.2026', 'DD.MM.YYYY', '2026-10-05'],
    ['5.10.2026', 'DD.MM.YYYY', '2026-10-05'],
    ['10/05/2026', 'MM/DD/YYYY', '2026-10-05'],
    ['12/01/2015 12:00:00 AM', 'MM/DD/YYYY', '2015-12-01'],
    ['6/29/2026 3:45 PM', 'MM/DD/YYYY', '2026-06-29'],
    ['05/10/2026', 'DD/MM/YYYY', '2026-10-05'],
    ['29-02-2016 13:05', 'DD-MM-YYYY', '2016-02-29'],
    ['10-05-2026', 'MM-DD-YYYY', '2026-10-05'],
    ['2026/10/05', 'YYYY/MM/DD', '2026-10-05'],
  ] as const)('%s as %s is %s', (text, format, expected) => {
    expect(parseDate(text, format)).toBe(expected);
  });

  it.each([
    ['2026-02-29', 'YYYY-MM-DD'],
    ['31.04.2026', 'DD.MM.YYYY'],
    ['13/01/2026', 'MM/DD/YYYY'],
    ['05.10.2026', 'YYYY-MM-DD'],
    ['05/10/2026 13:00 PM', 'DD/MM/YYYY'],
    ['05/10/2026 24:00', 'DD/MM/YYYY'],
    ['2026-10-05 10:61', 'YYYY-MM-DD'],
    ['next monday', 'YYYY-MM-DD'],
  ] as const)('%s is no date as %s', (text, format) => {
    expect(parseDate(text, format)).toBeUndefined();
  });
});

describe('parseDateFormat', () => {
  it('accepts the formats, their unpadded spellings and a time part', () => {
    expect(parseDateFormat('DD.MM.YYYY')).toBe('DD.MM.YYYY');
    expect(parseDateFormat('dd.mm.yyyy')).toBe('DD.MM.YYYY');
    expect(parseDateFormat('M/D/YYYY')).toBe('MM/DD/YYYY');
    expect(parseDateFormat('MM/DD/YYYY hh:mm:ss A')).toBe('MM/DD/YYYY');
    expect(parseDateFormat('DD-MM-YYYY HH:mm')).toBe('DD-MM-YYYY');
    expect(parseDateFormat('YYYY.MM.DD')).toBeUndefined();
  });
});

describe('DateDetector', () => {
  const feed = (values: string[]) => {
    const detector = new DateDetector();
    const dates = values.map((v, i) => detector.observe(v, i + 2, 0));
    return { detector, dates, result: detector.result() };
  };

  it('settles on the only format that reads ISO dates', () => {
    const { dates, result, detector } = feed(['2026-10-05', '2026-10-12']);
    expect(dates).toEqual(['2026-10-05', '2026-10-12']);
    expect(result).toEqual({ kind: 'format', format: 'YYYY-MM-DD' });
    expect(detector.needsRereading).toBe(false);
  });

  it('reports a value that reads two ways, with both readings', () => {
    const { result } = feed(['12/01/2015 12:00:00 AM', '11/01/2015 12:00:00 AM']);
    expect(result).toEqual({
      kind: 'ambiguous',
      formats: ['MM/DD/YYYY', 'DD/MM/YYYY'],
      example: {
        text: '12/01/2015 12:00:00 AM',
        line: 2,
        field: 0,
        readings: [
          { format: 'MM/DD/YYYY', date: '2015-12-01' },
          { format: 'DD/MM/YYYY', date: '2015-01-12' },
        ],
      },
    });
  });

  it('is not ambiguous when every reading is the same day', () => {
    expect(feed(['01/01/2026', '02/02/2026']).result).toEqual({
      kind: 'format',
      format: 'MM/DD/YYYY',
    });
  });

  it('asks for a second reading when a late value rules out the format used so far', () => {
    const { detector, result, dates } = feed(['01/02/2026', '25/06/2026']);
    expect(dates).toEqual(['2026-01-02', '2026-06-25']);
    expect(result).toEqual({ kind: 'format', format: 'DD/MM/YYYY' });
    expect(detector.needsRereading).toBe(true);
  });

  it('leaves the formats alone for a value no format reads', () => {
    const { detector, dates } = feed(['2026-10-05', 'n/a', '05.10.2026']);
    expect(dates).toEqual(['2026-10-05', undefined, undefined]);
    expect(detector.remaining).toEqual(['YYYY-MM-DD']);
  });
});
