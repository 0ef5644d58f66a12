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

describe('parseDate with a UTC offset: the calendar day of the instant in settings.timezone', () => {
  // Worked by hand: subtract the offset to get UTC, then add the zone's offset.
  it.each([
    // 23:30 at -07:00 = 06:30Z next day = 12:00 in Kolkata (+05:30)
    ['2026-09-30T23:30:00-07:00', 'YYYY-MM-DD', 'Asia/Kolkata', '2026-10-01'],
    ['2026-09-30T23:30:00-07:00', 'YYYY-MM-DD', 'America/Los_Angeles', '2026-09-30'],
    // 01:30 at +05:30 = 20:00Z the day before
    ['2026-10-05T01:30:00+05:30', 'YYYY-MM-DD', 'UTC', '2026-10-04'],
    ['2026-10-05T01:30:00+0530', 'YYYY-MM-DD', 'UTC', '2026-10-04'],
    // 22:30Z = 01:30 next day in Sofia (summer, +03:00)
    ['2026-07-13T22:30:00Z', 'YYYY-MM-DD', 'Europe/Sofia', '2026-07-14'],
    ['2026-07-13 22:30 UTC', 'YYYY-MM-DD', 'Europe/Sofia', '2026-07-14'],
    // 11:30 PM at -07:00 = 06:30Z on Oct 2
    ['10/01/2026 11:30 PM -07:00', 'MM/DD/YYYY', 'UTC', '2026-10-02'],
    // 12:15 AM is 00:15: at +02:00 = 22:15Z the day before
    ['01.10.2026 12:15 AM +02:00', 'DD.MM.YYYY', 'UTC', '2026-09-30'],
    // Without an offset the day written stays, whatever the zone.
    ['2026-09-30T23:30:00', 'YYYY-MM-DD', 'Asia/Kolkata', '2026-09-30'],
  ] as const)('%s as %s in %s is %s', (text, format, zone, expected) => {
    expect(parseDate(text, format, zone)).toBe(expected);
  });

  it('refuses an offset no zone has', () => {
    expect(parseDate('2026-09-30T12:00:00+19:00', 'YYYY-MM-DD', 'UTC')).toBeUndefined();
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
