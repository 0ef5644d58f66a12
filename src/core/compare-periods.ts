/**
 * Historical comparison of a goal's metric (DESIGN §12 "Report"): this
 * period against the previous one and the same period a year earlier, where
 * the data reaches. The period is the series' own cadence — weekly KPI sheets
 * compare weeks, monthly exports months, quarterly ones quarters.
 */
import { MONTH_NAMES, addDays, addMonths, daysBetween, formatQuarter, quarterOf } from './dates.js';
import type { IsoDate } from './dates.js';
import { periodEnd, periodStart } from './records/periods.js';
import type { Point } from './snapshot.js';
import { median } from './theil-sen.js';

export type Cadence = 'week' | 'month' | 'quarter';

/**
 * Median gaps up to this many days are weekly (daily snapshots compare weeks
 * too), up to MONTHLY_MAX_DAYS monthly, longer ones quarterly.
 */
const WEEKLY_MAX_DAYS = 10;
const MONTHLY_MAX_DAYS = 50;

/** The cadence of a series from the median gap between its snapshot dates; undefined under 2 dates. */
export function cadenceOf(points: readonly Point[]): Cadence | undefined {
  const dates = [...new Set(points.map((p) => p.date))].sort();
  if (dates.length < 2) return undefined;
  const gap = median(dates.slice(1).map((d, i) => daysBetween(dates[i]!, d)));
  return gap <= WEEKLY_MAX_DAYS ? 'week' : gap <= MONTHLY_MAX_DAYS ? 'month' : 'quarter';
}

export interface PeriodValue {
  start: IsoDate;
  end: IsoDate;
  /** `week of 2026-11-16`, `November 2026`, `2026-Q4`. */
  label: string;
  /** The mean of the period's snapshots (usually one); null when it has none. */
  value: number | null;
  /** How many snapshots the period has. */
  snapshots: number;
}

export interface PeriodComparison {
  cadence: Cadence;
  current: PeriodValue;
  previous: PeriodValue;
  yearAgo: PeriodValue;
  /** The first snapshot's date: where the data reaches back to. */
  firstDate: IsoDate;
}

/**
 * This period — the one holding the snapshot `at` (a goal's current one) —
 * against the period before it and the same period a year earlier, from
 * the snapshots on or before `at`. Quarters follow the fiscal year.
 * Undefined when the series has no cadence (fewer than 2 dates) or nothing
 * on or before `at`.
 */
export function comparePeriods(
  points: readonly Point[],
  at: IsoDate,
  fiscalYearStart = 1,
): PeriodComparison | undefined {
  const known = points.filter((p) => p.date <= at && Number.isFinite(p.value));
  const cadence = cadenceOf(known);
  // no cadence below 2 dates, so none with nothing on or before `at`
  if (!cadence) return undefined;
  const period = (start: IsoDate): PeriodValue => {
    const end = periodEnd(start, cadence);
    const inside = known.filter((p) => p.date >= start && p.date <= end);
    return {
      start,
      end,
      label: periodLabel(start, cadence, fiscalYearStart),
      value: inside.length === 0 ? null : inside.reduce((s, p) => s + p.value, 0) / inside.length,
      snapshots: inside.length,
    };
  };
  const start = periodStart(at, cadence, fiscalYearStart);
  const before = periodStart(addDays(start, -1), cadence, fiscalYearStart);
  // A year back: 52 weeks keep the weekday; months and quarters keep their place in the year.
  const yearAgo =
    cadence === 'week'
      ? addDays(start, -364)
      : periodStart(addMonths(start, -12), cadence, fiscalYearStart);
  return {
    cadence,
    current: period(start),
    previous: period(before),
    yearAgo: period(yearAgo),
    firstDate: known[0]!.date,
  };
}

/** `week of 2026-11-16`, `November 2026`, `2026-Q4` (fiscal). */
export function periodLabel(start: IsoDate, cadence: Cadence, fiscalYearStart = 1): string {
  switch (cadence) {
    case 'week':
      return `week of ${start}`;
    case 'month':
      return `${MONTH_NAMES[Number(start.slice(5, 7)) - 1]} ${start.slice(0, 4)}`;
    case 'quarter':
      return formatQuarter(quarterOf(start, fiscalYearStart));
  }
}
