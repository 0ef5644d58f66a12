/**
 * A second, independent opinion on business hours: the `opening_hours`
 * library (OpenStreetMap's opening_hours syntax), which works in the
 * process's local time zone, so each run sets TZ to the calendar's zone.
 * It is compared away from 01:00–04:00, where the two libraries' readings of a
 * skipped or repeated opening time may differ; whole-day intervals still run
 * across the DST nights.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import OpeningHours from 'opening_hours';
import { businessSeconds } from '../../../src/core/records/business-hours.js';
import type { BusinessCalendarSpec } from '../../../src/core/records/record.js';

const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The calendar in opening_hours syntax: `Mo 09:00-18:00; …; 2026 Apr 03 off`. */
function toOsm(spec: BusinessCalendarSpec): string {
  const rules = spec.hours.flatMap((intervals, d) =>
    intervals.length === 0
      ? []
      : [`${OSM_DAYS[d]} ${intervals.map(([a, b]) => `${hhmm(a)}-${hhmm(b)}`).join(',')}`],
  );
  for (const holiday of spec.holidays) {
    const [y, m, d] = holiday.split('-').map(Number) as [number, number, number];
    rules.push(`${y} ${MONTHS[m - 1]} ${String(d).padStart(2, '0')} off`);
  }
  return rules.join('; ');
}

const savedTz = process.env.TZ;
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('businessSeconds against opening_hours', () => {
  it('agrees on random calendars and spans in three zones', () => {
    // Boundaries on the half hour from 05:00, plus midnight and 24:00.
    const boundary = fc.oneof(
      fc.constantFrom(0, 1440),
      fc.integer({ min: 10, max: 47 }).map((h) => h * 30),
    );
    const interval = fc.tuple(boundary, boundary).filter(([a, b]) => a < b);
    const day = fc.array(interval, { maxLength: 2 }).map((list) => {
      const sorted = [...list].sort((x, y) => x[0] - y[0]);
      const merged: Array<[number, number]> = [];
      for (const [a, b] of sorted) {
        const last = merged[merged.length - 1];
        if (last && a <= last[1]) last[1] = Math.max(last[1], b);
        else merged.push([a, b]);
      }
      return merged;
    });
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata'),
        fc.array(day, { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 365 * 24 * 4 }),
        fc.integer({ min: 0, max: 21 * 24 * 4 }),
        fc.boolean(),
        (timeZone, hours, startQuarter, quarters, holiday) => {
          if (hours.every((d) => d.length === 0)) return;
          const from = Date.UTC(2026, 0, 1) + startQuarter * 900_000;
          const to = from + quarters * 900_000;
          const holidays = holiday
            ? [new Date(from + 2 * 86_400_000).toISOString().slice(0, 10)]
            : [];
          const spec: BusinessCalendarSpec = { timeZone, hours, holidays };
          process.env.TZ = timeZone;
          const [openMs] = new OpeningHours(toOsm(spec)).getOpenDuration(
            new Date(from),
            new Date(to),
          );
          expect(businessSeconds(from, to, spec)).toBe(openMs / 1000);
        },
      ),
      { numRuns: 200 },
    );
  });
});
