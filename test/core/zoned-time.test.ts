import { describe, expect, it } from 'vitest';
import {
  instantOf,
  localDateOf,
  localTimeOf,
  offsetAt,
  startOfDay,
} from '../../src/core/zoned-time.js';

const iso = (instant: number) => new Date(instant).toISOString();
const at = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
});

describe('instantOf', () => {
  it('reads a wall-clock time with the offset in force then', () => {
    expect(iso(instantOf(at(2026, 7, 13, 9, 30), 'Europe/Sofia'))).toBe('2026-07-13T06:30:00.000Z');
    expect(iso(instantOf(at(2026, 1, 13, 9, 30), 'Europe/Sofia'))).toBe('2026-01-13T07:30:00.000Z');
    expect(iso(instantOf(at(2023, 4, 8, 20, 52), 'Asia/Kolkata'))).toBe('2023-04-08T15:22:00.000Z');
    expect(iso(instantOf(at(2026, 3, 8, 12), 'UTC'))).toBe('2026-03-08T12:00:00.000Z');
  });

  it('puts a skipped time after the gap and a repeated time at its first occurrence', () => {
    // Berlin, 2026-03-29: 02:00 → 03:00. 02:30 does not exist.
    expect(iso(instantOf(at(2026, 3, 29, 2, 30), 'Europe/Berlin'))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // Berlin, 2026-10-25: 03:00 → 02:00. 02:30 happens twice: first in summer time.
    expect(iso(instantOf(at(2026, 10, 25, 2, 30), 'Europe/Berlin'))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(iso(instantOf(at(2026, 10, 25, 3, 30), 'Europe/Berlin'))).toBe(
      '2026-10-25T02:30:00.000Z',
    );
  });

  it('handles half- and quarter-hour zones and their DST (Lord Howe: 30 minutes)', () => {
    expect(iso(instantOf(at(2026, 6, 1, 12), 'Asia/Kathmandu'))).toBe('2026-06-01T06:15:00.000Z');
    expect(offsetAt(Date.UTC(2026, 0, 15), 'Australia/Lord_Howe')).toBe(660);
    expect(offsetAt(Date.UTC(2026, 6, 15), 'Australia/Lord_Howe')).toBe(630);
  });
});

describe('localTimeOf and localDateOf', () => {
  it('turn an instant into the wall clock and the calendar day of a zone', () => {
    const instant = Date.parse('2026-10-01T06:30:00Z'); // 2026-09-30T23:30-07:00
    expect(localDateOf(instant, 'Asia/Kolkata')).toBe('2026-10-01');
    expect(localDateOf(instant, 'America/Los_Angeles')).toBe('2026-09-30');
    expect(localTimeOf(instant, 'Asia/Kolkata')).toEqual({
      ...at(2026, 10, 1, 12, 0),
      millisecond: 0,
    });
  });

  it('round-trips every quarter hour of a year in a DST zone, skipped times aside', () => {
    const zone = 'America/New_York';
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 15 * 60_000) {
      const local = localTimeOf(t, zone);
      const back = instantOf(local, zone);
      // In the repeated autumn hour the earlier instant is chosen.
      expect(back === t || back === t - 3_600_000).toBe(true);
    }
  });

  it('gives the first instant of a day', () => {
    expect(iso(startOfDay('2026-03-29', 'Europe/Berlin'))).toBe('2026-03-28T23:00:00.000Z');
    // Santiago skips midnight on its spring-forward day: the day starts at 01:00.
    expect(iso(startOfDay('2026-09-06', 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
  });
});

describe('offsetAt', () => {
  /** The offset as Intl names it ("GMT+05:45"), read without goals' cache. */
  const formats = new Map<string, Intl.DateTimeFormat>();
  function intlOffset(instant: number, timeZone: string): number {
    let format = formats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
      formats.set(timeZone, format);
    }
    const name = format
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')!.value;
    const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  }

  it('agrees with Intl every 3 hours of a year, and every quarter hour around each change', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Asia/Kathmandu',
      'Pacific/Apia',
    ];
    for (const zone of zones) {
      for (const year of [2011, 2026]) {
        let previous = intlOffset(Date.UTC(year, 0, 1), zone);
        for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 3 * 3_600_000) {
          const offset = intlOffset(t, zone);
          expect(offsetAt(t, zone)).toBe(offset);
          if (offset !== previous) {
            for (let q = t - 4 * 3_600_000; q < t + 3_600_000; q += 15 * 60_000) {
              expect(offsetAt(q, zone)).toBe(intlOffset(q, zone));
            }
          }
          previous = offset;
        }
      }
    }
  });

  it('answers far from the cached years too (a 1900 sentinel, year 9999)', () => {
    expect(offsetAt(Date.UTC(1900, 0, 1, 12), 'Asia/Kolkata')).toBe(
      intlOffset(Date.UTC(1900, 0, 1, 12), 'Asia/Kolkata'),
    );
    expect(offsetAt(Date.UTC(9999, 6, 1), 'Europe/Berlin')).toBe(120);
    expect(offsetAt(Date.UTC(2026, 6, 1), 'Europe/Berlin')).toBe(120);
  });
});

describe('offsetAt: the cache of a zone', () => {
  // Expected offsets by hand from the tz database: Chicago CST −6 h, CDT −5 h
  // (1980: summer time from April 27 to October 26); Tokyo +9 h all year.
  it('grows below and above the year it first held, and keeps what it held', () => {
    const zone = 'America/Chicago'; // not asked for elsewhere in this file: a fresh cache
    expect(offsetAt(Date.UTC(2026, 0, 15), zone)).toBe(-360);
    expect(offsetAt(Date.UTC(1980, 6, 1), zone)).toBe(-300); // far below: grows down
    expect(offsetAt(Date.UTC(1980, 0, 15), zone)).toBe(-360);
    expect(offsetAt(Date.UTC(2026, 6, 1), zone)).toBe(-300);
    expect(offsetAt(Date.UTC(2027, 0, 15, 23, 59), zone)).toBe(-360); // just above: grows up
    expect(offsetAt(Date.UTC(2100, 6, 1), zone)).toBe(-300); // far above
    expect(offsetAt(Date.UTC(2026, 0, 15), zone)).toBe(-360);
    expect(offsetAt(Date.UTC(1980, 6, 1), zone)).toBe(-300);
  });

  it('grows down by whole days, a day below the range at a time too', () => {
    const zone = 'Asia/Tokyo';
    expect(offsetAt(Date.UTC(2026, 5, 1), zone)).toBe(540);
    // the range starts a leap year of days before 2026-06-01's day: 2025-05-31
    expect(offsetAt(Date.UTC(2025, 4, 30, 23, 45), zone)).toBe(540);
    expect(offsetAt(Date.UTC(2025, 4, 30, 0, 0), zone)).toBe(540);
  });

  it('reads years before Christ (Intl writes them as an era and a year from 1)', () => {
    // Local mean time before any standard zone: Kolkata +5:53:28 (353 minutes,
    // rounded), UTC 0.
    expect(offsetAt(Date.UTC(-100, 0, 1), 'UTC')).toBe(0);
    expect(offsetAt(Date.UTC(-100, 0, 1), 'Asia/Kolkata')).toBe(353);
  });
});

describe('localTimeOf', () => {
  it('keeps the milliseconds and reads the wall clock across a DST change', () => {
    // Berlin 2026-10-25 00:59:59.250Z is 02:59:59.250 summer time, and an hour later 02:59:59.250 again.
    expect(localTimeOf(Date.parse('2026-10-25T00:59:59.250Z'), 'Europe/Berlin')).toEqual({
      ...at(2026, 10, 25, 2, 59, 59),
      millisecond: 250,
    });
    expect(localTimeOf(Date.parse('2026-10-25T01:59:59.250Z'), 'Europe/Berlin')).toEqual({
      ...at(2026, 10, 25, 2, 59, 59),
      millisecond: 250,
    });
  });
});
