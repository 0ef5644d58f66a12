/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`). A date is a day in the team's
 * time zone, never an instant; day arithmetic goes through UTC day numbers so
 * that no local time zone or DST change can shift it.
 */
import { suggest } from './suggest.js';

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/i;
const MS_PER_DAY = 86_400_000;

/** Whether year/month/day form a real calendar day (no 2026-02-30). */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days of a month (1-12) in the proleptic Gregorian calendar; by arithmetic, as an import asks it twice a row. */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Builds an ISO date, or undefined when the day does not exist. */
export function makeDate(year: number, month: number, day: number): IsoDate | undefined {
  if (!isValidDay(year, month, day) || year < 1 || year > 9999) return undefined;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The years a goal's dates and quarters may fall in (goals.yaml, --as-of,
 * the prompts): wide enough for any plan, and far enough from the calendar's
 * ends (0001, 9999) that a quarter's or a fiscal year's arithmetic stays on it
 * (9999-Q4 would end in year 10000).
 */
export const GOAL_YEARS = { first: 1900, last: 2999 } as const;

function isGoalYear(year: number): boolean {
  return year >= GOAL_YEARS.first && year <= GOAL_YEARS.last;
}

/** Parses `YYYY-MM-DD` (years of GOAL_YEARS); undefined when malformed or not a real day. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m || !isGoalYear(Number(m[1]))) return undefined;
  return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Days since 1970-01-01 for an ISO date. */
export function toDayNumber(date: IsoDate): number {
  // The common case by arithmetic (evaluation calls this for every point of
  // every goal): YYYY-MM-DD from year 100 on, where Date.UTC agrees.
  // The mutants of the two tests below that survive only send more dates to Date.UTC, which gives the same day.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,BlockStatement: see above
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digits(date, 0, 4);
    const m = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    // (m 0 or 13, d 0 or 32 run into the month before or after, as in Date.UTC)
    // Stryker disable next-line ConditionalExpression,EqualityOperator: see above
    if (y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= 31) return daysFromCivil(y, m, d);
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** The number written in text[from, to), or -1 when a character is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a digit more or none gives -1, NaN or 0, which send the date to Date.UTC
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    // Stryker disable next-line UnaryOperator: toDayNumber takes ISO dates, whose digits are digits
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Days since 1970-01-01 of a day of the proleptic Gregorian calendar (as
 * Date.UTC counts; a day past the month's end runs into the next month).
 * Howard Hinnant's days_from_civil.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Adds calendar months, clamping the day to the month's end (Jan 31 + 1 → Feb 28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return makeDate(year, month, Math.min(d, daysInMonth(year, month)))!;
}

/** English month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** Parses `YYYY-Qn` (years of GOAL_YEARS). */
export function parseQuarter(text: string): Quarter | undefined {
  const m = QUARTER.exec(text.trim());
  if (!m || !isGoalYear(Number(m[1]))) return undefined;
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter['quarter'] };
}

export function formatQuarter(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

/**
 * First and last day of a quarter. With a fiscal year starting in month
 * `fiscalYearStart`, fiscal year N begins on that month of calendar year N
 * (fiscal_year_start: 4 → 2026-Q1 is 2026-04-01 … 2026-06-30).
 */
export function quarterRange(q: Quarter, fiscalYearStart = 1): { start: IsoDate; end: IsoDate } {
  const start = addMonths(makeDate(q.year, fiscalYearStart, 1)!, (q.quarter - 1) * 3);
  const end = addDays(addMonths(start, 3), -1);
  return { start, end };
}

/** The (fiscal) quarter a date falls in. */
export function quarterOf(date: IsoDate, fiscalYearStart = 1): Quarter {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const offset = (m - fiscalYearStart + 12) % 12;
  const year = m >= fiscalYearStart ? y : y - 1;
  return { year, quarter: (Math.floor(offset / 3) + 1) as Quarter['quarter'] };
}

export function nextQuarter(q: Quarter, step = 1): Quarter {
  const index = q.year * 4 + (q.quarter - 1) + step;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter['quarter'] };
}

/** A date or quarter as written in goals.yaml, resolved to a day. */
export type DateRole = 'start' | 'end';

/**
 * Resolves `YYYY-MM-DD` or `YYYY-Qn`: a quarter means its first day when it
 * is a start and its last day when it is a deadline.
 */
export function resolveDateOrQuarter(
  text: string,
  role: DateRole,
  fiscalYearStart = 1,
): IsoDate | undefined {
  const date = parseIsoDate(text);
  if (date) return date;
  const q = parseQuarter(text);
  if (!q) return undefined;
  const range = quarterRange(q, fiscalYearStart);
  return role === 'start' ? range.start : range.end;
}

/** Today's calendar date in an IANA time zone. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The IANA zone a mistyped one was meant to be ("Europe/Berln" → "Europe/Berlin"), if one is close. */
export function suggestTimeZone(typed: string): string | undefined {
  const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  const trimmed = typed.trim();
  // "Berln" alone: compare with the city part of each zone too.
  const city = suggest(
    trimmed,
    zones.map((z) => z.slice(z.lastIndexOf('/') + 1)),
  );
  return suggest(trimmed, zones) ?? zones.find((z) => z.endsWith(`/${city}`));
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}
