import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../../../src/core/dates.js';
import {
  isoWeekday,
  nextPeriodStart,
  periodEnd,
  periodStart,
} from '../../../src/core/records/periods.js';
import type { PeriodKind } from '../../../src/core/records/record.js';

describe('periodStart, periodEnd, nextPeriodStart', () => {
  // [date, kind, fiscal year start, first day, last day, next period's first day] — by calendar.
  const cases: Array<[string, PeriodKind, number, string, string, string]> = [
    ['2026-07-13', 'day', 1, '2026-07-13', '2026-07-13', '2026-07-14'],
    ['2024-12-31', 'day', 1, '2024-12-31', '2024-12-31', '2025-01-01'],
    // 2026-01-01 is a Thursday: its ISO week began on Monday 2025-12-29.
    ['2026-01-01', 'week', 1, '2025-12-29', '2026-01-04', '2026-01-05'],
    ['2025-12-29', 'week', 1, '2025-12-29', '2026-01-04', '2026-01-05'],
    // A Sunday is the last day of its week.
    ['2027-01-03', 'week', 1, '2026-12-28', '2027-01-03', '2027-01-04'],
    ['2024-02-29', 'month', 1, '2024-02-01', '2024-02-29', '2024-03-01'],
    ['2026-12-31', 'month', 1, '2026-12-01', '2026-12-31', '2027-01-01'],
    ['2026-05-15', 'quarter', 1, '2026-04-01', '2026-06-30', '2026-07-01'],
    ['2026-12-31', 'quarter', 1, '2026-10-01', '2026-12-31', '2027-01-01'],
    // fiscal_year_start 4: quarters Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar.
    ['2026-03-31', 'quarter', 4, '2026-01-01', '2026-03-31', '2026-04-01'],
    ['2026-04-01', 'quarter', 4, '2026-04-01', '2026-06-30', '2026-07-01'],
    ['2026-12-31', 'quarter', 4, '2026-10-01', '2026-12-31', '2027-01-01'],
    // fiscal_year_start 2: Nov–Jan spans a year end.
    ['2026-01-15', 'quarter', 2, '2025-11-01', '2026-01-31', '2026-02-01'],
    ['2025-11-01', 'quarter', 2, '2025-11-01', '2026-01-31', '2026-02-01'],
    ['2026-02-01', 'quarter', 2, '2026-02-01', '2026-04-30', '2026-05-01'],
  ];

  it.each(cases)('%s by %s (fiscal start %i) is %s … %s', (date, kind, fys, start, end, next) => {
    expect(periodStart(date, kind, fys)).toBe(start);
    expect(periodEnd(start, kind)).toBe(end);
    expect(nextPeriodStart(start, kind)).toBe(next);
  });

  it('puts every day in exactly one period, which follows the previous one', () => {
    const kinds: PeriodKind[] = ['day', 'week', 'month', 'quarter'];
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2060-12-31') }),
        fc.constantFrom(...kinds),
        fc.integer({ min: 1, max: 12 }),
        (day, kind, fys) => {
          const date = fromDayNumber(day);
          const start = periodStart(date, kind, fys);
          const end = periodEnd(start, kind);
          expect(start <= date && date <= end).toBe(true);
          expect(periodStart(start, kind, fys)).toBe(start);
          expect(periodStart(end, kind, fys)).toBe(start);
          expect(periodStart(fromDayNumber(toDayNumber(end) + 1), kind, fys)).toBe(
            nextPeriodStart(start, kind),
          );
          if (kind === 'week') expect(new Date(`${start}T00:00:00Z`).getUTCDay()).toBe(1);
          if (kind === 'quarter') expect((Number(start.slice(5, 7)) - fys + 12) % 3).toBe(0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('isoWeekday', () => {
  it('agrees with Date.getUTCDay on every day of several years', () => {
    for (let day = toDayNumber('1969-12-25'); day < toDayNumber('2031-01-01'); day++) {
      const js = new Date(day * 86_400_000).getUTCDay();
      expect(isoWeekday(day)).toBe(js === 0 ? 7 : js);
    }
  });
});
