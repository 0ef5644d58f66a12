import { describe, expect, it } from 'vitest';
import { cadenceOf, comparePeriods, periodLabel } from '../../src/core/compare-periods.js';
import { addDays } from '../../src/core/dates.js';

const weekly = (from: string, values: number[]) =>
  values.map((value, i) => ({ date: addDays(from, 7 * i), value }));

describe('cadenceOf: the median gap between snapshot dates', () => {
  it.each([
    [['2026-01-01'], undefined],
    [['2026-01-01', '2026-01-02', '2026-01-03'], 'week'],
    [['2026-01-05', '2026-01-12', '2026-01-19'], 'week'],
    [['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'], 'month'],
    // A gap of 10 days at the end does not change a monthly median of 31.
    [['2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-10'], 'month'],
    [['2025-01-01', '2025-04-01', '2025-07-01'], 'quarter'],
    // the bounds: a median gap of 10 days is weekly, of 50 monthly
    [['2026-01-01', '2026-01-11', '2026-01-21'], 'week'],
    [['2026-01-01', '2026-02-20', '2026-04-11'], 'month'],
    // in any order
    [['2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31'], 'month'],
  ])('%j → %s', (dates, cadence) => {
    expect(cadenceOf(dates.map((date) => ({ date, value: 1 })))).toBe(cadence);
  });
});

describe('comparePeriods', () => {
  it('weekly: the latest ISO week, the one before, and 52 weeks earlier (same weekday)', () => {
    // Mondays from 2025-11-03 (a Monday) for 60 weeks: values 0 … 59.
    const points = weekly(
      '2025-11-03',
      Array.from({ length: 60 }, (_, i) => i),
    );
    // 2026-12-21 is week 59 (2025-11-03 + 413 days); at a Thursday of that week.
    const c = comparePeriods(points, '2026-12-24')!;
    expect(c.cadence).toBe('week');
    expect(c.current).toEqual({
      start: '2026-12-21',
      end: '2026-12-27',
      label: 'week of 2026-12-21',
      value: 59,
      snapshots: 1,
    });
    expect(c.previous).toMatchObject({ start: '2026-12-14', value: 58 });
    // 364 days before 2026-12-21 is Monday 2025-12-22, week 7 of the series.
    expect(c.yearAgo).toMatchObject({ start: '2025-12-22', end: '2025-12-28', value: 7 });
    expect(c.firstDate).toBe('2025-11-03');
  });

  it('daily snapshots compare weeks by their mean, up to the date', () => {
    // 2026-11-09 … 2026-11-18 (Mon … Wed), values 1 … 10.
    const points = Array.from({ length: 10 }, (_, i) => ({
      date: addDays('2026-11-09', i),
      value: i + 1,
    }));
    const c = comparePeriods(points, '2026-11-17')!;
    // This week so far: 11-16 (8) and 11-17 (9): mean 8.5; the week before: 1 … 7, mean 4.
    expect(c.current).toMatchObject({ start: '2026-11-16', value: 8.5, snapshots: 2 });
    expect(c.previous).toMatchObject({ start: '2026-11-09', value: 4, snapshots: 7 });
    expect(c.yearAgo).toMatchObject({ value: null, snapshots: 0 });
  });

  it('monthly: the month before, and the same month a year earlier', () => {
    const points = [
      { date: '2025-09-30', value: 3.1 },
      { date: '2026-07-31', value: 2.5 },
      { date: '2026-08-31', value: 2.3 },
      { date: '2026-09-30', value: 2.2 },
      { date: '2026-10-31', value: 1.9 },
    ];
    const c = comparePeriods(points, '2026-09-30')!;
    expect(c.cadence).toBe('month');
    expect(c.current).toMatchObject({ label: 'September 2026', value: 2.2 });
    expect(c.previous).toMatchObject({ label: 'August 2026', end: '2026-08-31', value: 2.3 });
    expect(c.yearAgo).toMatchObject({ label: 'September 2025', value: 3.1 });
  });

  it('quarterly, in a fiscal year starting in April', () => {
    const points = [
      { date: '2025-01-15', value: 10 },
      { date: '2025-04-15', value: 11 },
      { date: '2025-07-15', value: 12 },
      { date: '2025-10-15', value: 13 },
      { date: '2026-01-15', value: 14 },
    ];
    const c = comparePeriods(points, '2026-01-15', 4)!;
    expect(c.cadence).toBe('quarter');
    // January–March 2026 is fiscal 2025-Q4; the quarter before, 2025-Q3; a year earlier, 2024-Q4.
    expect(c.current).toMatchObject({ start: '2026-01-01', label: '2025-Q4', value: 14 });
    expect(c.previous).toMatchObject({ start: '2025-10-01', label: '2025-Q3', value: 13 });
    expect(c.yearAgo).toMatchObject({ start: '2025-01-01', label: '2024-Q4', value: 10 });
  });

  it('ignores snapshots after the date, and needs two dates', () => {
    expect(comparePeriods([{ date: '2026-01-01', value: 1 }], '2026-01-01')).toBeUndefined();
    const c = comparePeriods(weekly('2026-11-02', [1, 2, 3]), '2026-11-10')!;
    expect(c.current).toMatchObject({ start: '2026-11-09', value: 2 });
  });

  it('labels', () => {
    expect(periodLabel('2026-02-01', 'month')).toBe('February 2026');
    expect(periodLabel('2026-10-01', 'quarter')).toBe('2026-Q4');
  });
});
