import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  parseIsoDate,
  parseQuarter,
  quarterOf,
  quarterRange,
  resolveDateOrQuarter,
  todayIn,
  toDayNumber,
  nextQuarter,
  makeDate,
  suggestTimeZone,
} from '../../src/core/dates.js';

describe('dates', () => {
  it.each([
    ['2026-09-30', '2026-09-30'],
    ['2024-02-29', '2024-02-29'],
    ['2026-02-29', undefined],
    ['2026-13-01', undefined],
    ['2026-9-30', undefined],
    ['30.09.2026', undefined],
    // as typed, spaces around it
    [' 2026-09-30 ', '2026-09-30'],
    // the years of GOAL_YEARS, both ends in
    ['1900-01-01', '1900-01-01'],
    ['1899-12-31', undefined],
    ['2999-12-31', '2999-12-31'],
    ['3000-01-01', undefined],
  ])('parseIsoDate(%j) = %s', (text, expected) => {
    expect(parseIsoDate(text)).toBe(expected);
  });

  it('counts days across DST and leap years', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('adds months clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 18)).toBe('2028-05-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('resolves calendar quarters', () => {
    expect(parseQuarter('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(parseQuarter('2026-Q5')).toBeUndefined();
    expect(quarterRange({ year: 2026, quarter: 3 })).toEqual({
      start: '2026-07-01',
      end: '2026-09-30',
    });
    expect(resolveDateOrQuarter('2026-Q4', 'end')).toBe('2026-12-31');
    expect(resolveDateOrQuarter('2026-Q4', 'start')).toBe('2026-10-01');
    expect(resolveDateOrQuarter('2026-10-15', 'end')).toBe('2026-10-15');
  });

  it('resolves fiscal quarters: fiscal year N starts in calendar year N', () => {
    expect(quarterRange({ year: 2026, quarter: 1 }, 4)).toEqual({
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(quarterRange({ year: 2026, quarter: 4 }, 4)).toEqual({
      start: '2027-01-01',
      end: '2027-03-31',
    });
    expect(quarterOf('2027-02-10', 4)).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf('2026-11-23')).toEqual({ year: 2026, quarter: 4 });
    expect(nextQuarter({ year: 2026, quarter: 4 })).toEqual({ year: 2027, quarter: 1 });
  });

  it('takes today in the team’s time zone', () => {
    const now = new Date('2026-11-22T23:30:00Z');
    expect(todayIn('UTC', now)).toBe('2026-11-22');
    expect(todayIn('Europe/Sofia', now)).toBe('2026-11-23');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-11-22');
  });

  it('makes a date only of a real day within years 1–9999', () => {
    expect(makeDate(2026, 9, 30)).toBe('2026-09-30');
    expect(makeDate(2026, 9, 0)).toBeUndefined();
    expect(makeDate(2026, 9, 31)).toBeUndefined();
    expect(makeDate(1, 1, 1)).toBe('0001-01-01');
    expect(makeDate(0, 12, 31)).toBeUndefined();
    expect(makeDate(9999, 12, 31)).toBe('9999-12-31');
    expect(makeDate(10000, 1, 1)).toBeUndefined();
  });

  it('reads a quarter as typed, spaces and a small q included', () => {
    expect(parseQuarter(' 2026-q3 ')).toEqual({ year: 2026, quarter: 3 });
  });

  it("puts the fiscal year's first month in its first quarter", () => {
    expect(quarterOf('2026-04-01', 4)).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-03-31', 4)).toEqual({ year: 2025, quarter: 4 });
  });

  it('suggests the time zone a mistyped one was meant to be', () => {
    expect(suggestTimeZone('Europe/Berln')).toBe('Europe/Berlin');
    // the city alone, typed with spaces around it
    expect(suggestTimeZone(' Berln ')).toBe('Europe/Berlin');
    // UTC is no zone of Intl's list, yet a zone people write
    expect(suggestTimeZone('UTX')).toBe('UTC');
    expect(suggestTimeZone('Atlantis')).toBeUndefined();
  });
});

describe('toDayNumber', () => {
  it('counts days as Date.UTC does, for real days and days past a month end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(toDayNumber(date)).toBe(Math.round(Date.UTC(y, m - 1, d) / 86_400_000));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('daysInMonth', () => {
  it("agrees with the JavaScript Date's calendar for every month of 1600-2400", () => {
    for (let year = 1600; year <= 2400; year++) {
      for (let month = 1; month <= 12; month++) {
        // Day 0 of the next month is this month's last day.
        expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
      }
    }
    expect([daysInMonth(2000, 2), daysInMonth(1900, 2), daysInMonth(2024, 2)]).toEqual([
      29, 28, 29,
    ]);
  });
});
