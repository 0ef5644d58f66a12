/**
 * Reporting periods of a records source (DESIGN §11): a day, an ISO week
 * (Monday to Sunday), a calendar month, or a quarter of the fiscal year.
 * A period is named by its first day. Pure calendar arithmetic: days are
 * counted as UTC day numbers, so no time zone or DST change can shift them.
 */
import { fromDayNumber, toDayNumber } from '../dates.js';
import type { IsoDate } from '../dates.js';
import type { PeriodKind } from './record.js';

const MS_PER_DAY = 86_400_000;

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * The day number of the first day of the period that contains `day`.
 * `fiscalYearStart` (1–12) shifts quarters: with 4, Q1 is April–June.
 */
export function periodStartDay(day: number, kind: PeriodKind, fiscalYearStart = 1): number {
  switch (kind) {
    case 'day':
      return day;
    case 'week':
      return day - isoWeekday(day) + 1;
    case 'month':
    case 'quarter': {
      const d = new Date(day * MS_PER_DAY);
      const year = d.getUTCFullYear();
      let month = d.getUTCMonth(); // 0-11
      if (kind === 'quarter') month -= (((month - (fiscalYearStart - 1)) % 3) + 3) % 3;
      return Math.round(Date.UTC(year, month, 1) / MS_PER_DAY);
    }
  }
}

/** The day number of the first day of the period after the one starting on `startDay`. */
export function nextPeriodStartDay(startDay: number, kind: PeriodKind): number {
  switch (kind) {
    case 'day':
      return startDay + 1;
    case 'week':
      return startDay + 7;
    case 'month':
    case 'quarter': {
      const d = new Date(startDay * MS_PER_DAY);
      const months = kind === 'month' ? 1 : 3;
      return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / MS_PER_DAY);
    }
  }
}

/** The first day of the period (day, ISO week, month, fiscal quarter) that contains `date`. */
export function periodStart(date: IsoDate, kind: PeriodKind, fiscalYearStart = 1): IsoDate {
  return fromDayNumber(periodStartDay(toDayNumber(date), kind, fiscalYearStart));
}

/** The first day of the next period, given a period's first day. */
export function nextPeriodStart(start: IsoDate, kind: PeriodKind): IsoDate {
  return fromDayNumber(nextPeriodStartDay(toDayNumber(start), kind));
}

/** The last day of the period starting on `start` (a week's Sunday, a month's last day). */
export function periodEnd(start: IsoDate, kind: PeriodKind): IsoDate {
  return fromDayNumber(nextPeriodStartDay(toDayNumber(start), kind) - 1);
}
