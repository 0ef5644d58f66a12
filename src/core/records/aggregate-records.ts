/**
 * Rows in, snapshots out (DESIGN §11): every metric the source can compute,
 * for every period and segment, in memory flat in the number of rows.
 *
 * Each row's instants become calendar days in settings.timezone, then
 * periods. Segments: the row counts in the total (segment '') and in one
 * segment per segment key whose cell is not empty (`team=EMEA`,
 * `channel=chat`; keys are not crossed). Running state is kept per (segment,
 * period): a sum and a count per metric, and the values themselves only for
 * medians and percentiles. Backlog and churn keep counts per day instead.
 *
 * Coverage: the export covers the days from its first to its last row's
 * creation day (subscriptions: start or end day). A snapshot whose period is
 * not wholly inside that span is partial.
 */
import { fromDayNumber } from '../dates.js';
import { segmentKey } from '../snapshot.js';
import { offsetAt } from '../zoned-time.js';
import type { Instant } from '../zoned-time.js';
import { DayCounts } from './day-counts.js';
import { quantile } from './percentile.js';
import { nextPeriodStartDay, periodStartDay } from './periods.js';
import { planMetrics } from './record-metrics.js';
import type { RowPlan, TimelinePlan } from './record-metrics.js';
import type { Measure } from './record-metric.js';
import type { RecordAggregator, RecordRow, RecordSettings, RecordSnapshot } from './record.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** The running state of one segment in one period. */
interface Cell {
  /** Per row metric i: the sum of its values at 2i, their count at 2i + 1. */
  sums: Float64Array;
  /** Per row metric with a quantile: its values. */
  values: Array<Values | undefined>;
}

/** A growing list of numbers, 8 bytes each. */
class Values {
  data = new Float64Array(8);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const data = new Float64Array(this.length * 2);
      data.set(this.data);
      this.data = data;
    }
    this.data[this.length++] = value;
  }
}

/** One segment value (or the total) and its state. */
interface Bucket {
  key: string;
  /** By period number (see periodNumber): the cell, if a row fell in that period. */
  cells: Array<Cell | undefined>;
  /** Per timeline metric, its series of day counts. */
  timelines: DayCounts[][];
}

/**
 * An aggregator for one records source: `add` each row (any order), then
 * `finish` for the snapshots, sorted by metric, segment and date. `metrics`
 * lists what it computes, from the source's fields and the catalog.
 */
export function createRecordAggregator(settings: RecordSettings): RecordAggregator {
  const source = {
    fields: settings.fields,
    calendar: settings.calendar,
    ratingScale: settings.ratingScale,
  };
  const plans = planMetrics(source, settings.catalog);
  const rowPlans = plans.filter((p): p is RowPlan => p.kind === 'rows');
  const timelinePlans = plans.filter((p): p is TimelinePlan => p.kind === 'timeline');
  const rowCount = rowPlans.length;
  const readers = rowPlans.map((p) => p.reader);
  // Stryker disable next-line ConditionalExpression: memory only: values kept and not read
  const keepsValues = rowPlans.map((p) => p.summary === 'quantile');
  const anyValues = keepsValues.some(Boolean);

  const zone = settings.timeZone;
  const kind = settings.period;
  const fiscalYearStart = settings.fiscalYearStart;

  let lastInstant = NaN;
  let lastDay = 0;
  /** An instant's day number in settings.timezone. */
  const dayOf = (instant: Instant): number => {
    // Stryker disable next-line ConditionalExpression: a cache of the last instant's day
    if (instant !== lastInstant) {
      lastInstant = instant;
      lastDay = Math.floor((instant + offsetAt(instant, zone) * MS_PER_MINUTE) / MS_PER_DAY);
    }
    return lastDay;
  };
  const periodStarts = new Map<number, number>();
  /** The first day of the period of a day number (months and quarters cached). */
  const periodOfDay = (day: number): number => {
    // Stryker disable next-line ConditionalExpression: shortcuts: periodStartDay below gives the same
    if (kind === 'day') return day;
    // Stryker disable next-line ConditionalExpression: shortcuts: periodStartDay below gives the same
    if (kind === 'week') return periodStartDay(day, 'week');
    let start = periodStarts.get(day);
    // Stryker disable next-line ConditionalExpression: a cache of period starts
    if (start === undefined) {
      start = periodStartDay(day, kind, fiscalYearStart);
      periodStarts.set(day, start);
    }
    return start;
  };

  // Periods are numbered 0, 1, 2 … as rows bring them, so that each
  // segment's cells sit in a dense array.
  const periodFirstDays: number[] = [];
  const numberOfPeriod = new Map<number, number>();
  const numberOfDay = new Map<number, number>();
  let lastNumberedDay = NaN;
  let lastNumber = 0;
  const periodNumber = (day: number): number => {
    // Stryker disable next-line ConditionalExpression: a cache of the last day's number
    if (day === lastNumberedDay) return lastNumber;
    let number = numberOfDay.get(day);
    // Stryker disable next-line ConditionalExpression: a cache of each day's number
    if (number === undefined) {
      const first = periodOfDay(day);
      number = numberOfPeriod.get(first);
      if (number === undefined) {
        number = periodFirstDays.length;
        periodFirstDays.push(first);
        numberOfPeriod.set(first, number);
      }
      numberOfDay.set(day, number);
    }
    lastNumberedDay = day;
    lastNumber = number;
    return number;
  };

  const timeline = { dayOf, periodOf: periodOfDay };
  const scratch = new Float64Array(12);

  const newBucket = (key: string): Bucket => ({
    key,
    cells: [],
    timelines: timelinePlans.map((p) =>
      Array.from({ length: p.metric.series }, () => new DayCounts()),
    ),
  });
  const total = newBucket('');
  const buckets: Bucket[] = [total];
  const segmentBuckets = settings.segmentKeys.map(() => new Map<string, Bucket>());
  const stride = settings.segmentKeys.length + 1;
  // Stryker disable next-line ArrayDeclaration: capacity only
  const rowBuckets: Bucket[] = new Array<Bucket>(stride);
  const rowPeriods = new Float64Array(rowCount);
  // Stryker disable next-line ArrayDeclaration: capacity only
  const rowCells: Cell[] = new Array<Cell>(rowCount * stride);

  const cellOf = (bucket: Bucket, period: number): Cell => {
    const cells = bucket.cells;
    let cell = cells[period];
    if (!cell) {
      cell = {
        sums: new Float64Array(2 * rowCount),
        values: anyValues ? keepsValues.map((keeps) => (keeps ? new Values() : undefined)) : [],
      };
      while (cells.length < period) cells.push(undefined);
      cells[period] = cell;
    }
    return cell;
  };

  let firstDay = Infinity;
  let lastCovered = -Infinity;
  const cover = (instant: Instant | undefined) => {
    if (instant === undefined) return;
    const day = dayOf(instant);
    if (day < firstDay) firstDay = day;
    if (day > lastCovered) lastCovered = day;
  };

  function add(row: RecordRow): void {
    cover(row.created);
    cover(row.started);
    cover(row.ended);

    let count = 0;
    rowBuckets[count++] = total;
    const segments = row.segments;
    for (let k = 0; k < segmentBuckets.length; k++) {
      const value = segments[k];
      if (value === undefined || value === '') continue;
      const map = segmentBuckets[k]!;
      let bucket = map.get(value);
      if (!bucket) {
        bucket = newBucket(segmentKey({ [settings.segmentKeys[k]!]: value }));
        map.set(value, bucket);
        buckets.push(bucket);
      }
      rowBuckets[count++] = bucket;
    }

    // Rows of most metrics fall in the period of the same instant: look the
    // cells of each distinct period up once per row.
    let periodsSeen = 0;
    for (let i = 0; i < rowCount; i++) {
      const reader = readers[i]!;
      const instant = reader.periodOf(row);
      if (instant === undefined) continue;
      const value = reader.valueOf(row);
      if (value === undefined) continue;
      const period = periodNumber(dayOf(instant));
      let slot = 0;
      while (slot < periodsSeen && rowPeriods[slot] !== period) slot++;
      // Stryker disable next-line ConditionalExpression: a cache: cellOf gives the same cells again
      if (slot === periodsSeen) {
        rowPeriods[periodsSeen++] = period;
        for (let b = 0; b < count; b++)
          rowCells[slot * stride + b] = cellOf(rowBuckets[b]!, period);
      }
      const keeps = keepsValues[i];
      for (let b = slot * stride, end = b + count; b < end; b++) {
        const cell = rowCells[b]!;
        cell.sums[2 * i]! += value;
        cell.sums[2 * i + 1]! += 1;
        if (keeps) cell.values[i]!.push(value);
      }
    }

    for (let t = 0; t < timelinePlans.length; t++) {
      const changes = timelinePlans[t]!.metric.changes(row, timeline, scratch);
      for (let c = 0; c < changes; c++) {
        const series = scratch[3 * c]!;
        const day = scratch[3 * c + 1]!;
        const delta = scratch[3 * c + 2]!;
        for (let b = 0; b < count; b++) rowBuckets[b]!.timelines[t]![series]!.add(day, delta);
      }
    }
  }

  function finish(): RecordSnapshot[] {
    const covered = firstDay <= lastCovered;
    const periods: Array<readonly [number, number]> = [];
    if (covered) {
      for (let p = periodOfDay(firstDay); p <= lastCovered; p = nextPeriodStartDay(p, kind)) {
        periods.push([p, nextPeriodStartDay(p, kind) - 1]);
      }
    }
    const isPartial = (first: number): boolean =>
      !covered || first < firstDay || nextPeriodStartDay(first, kind) - 1 > lastCovered;

    const snapshots: RecordSnapshot[] = [];
    const push = (metric: string, segment: string, first: number, measure: Measure) =>
      snapshots.push({
        metric,
        segment,
        date: fromDayNumber(first),
        value: measure.value,
        n: measure.n,
        partial: isPartial(first),
      });

    for (const bucket of buckets) {
      rowPlans.forEach((plan, i) => {
        bucket.cells.forEach((cell, period) => {
          const n = cell ? cell.sums[2 * i + 1]! : 0;
          if (n > 0) {
            push(plan.id, bucket.key, periodFirstDays[period]!, summarise(plan, cell!, i, n));
          }
        });
        if (plan.summary === 'count') {
          // A period of the export without rows had none: 0, not unknown.
          for (const [first] of periods) {
            const cell = bucket.cells[numberOfPeriod.get(first) ?? -1];
            if (!(cell && cell.sums[2 * i + 1]! > 0)) {
              push(plan.id, bucket.key, first, { value: 0, n: 0 });
            }
          }
        }
      });
      timelinePlans.forEach((plan, t) => {
        plan.metric.results(bucket.timelines[t]!, periods).forEach((measure, p) => {
          if (measure) push(plan.id, bucket.key, periods[p]![0], measure);
        });
      });
    }
    return snapshots.sort(
      (a, b) =>
        compare(a.metric, b.metric) || compare(a.segment, b.segment) || compare(a.date, b.date),
    );
  }

  return { metrics: plans.map((p) => p.id), add, finish };
}

function summarise(plan: RowPlan, cell: Cell, i: number, n: number): Measure {
  const sum = cell.sums[2 * i]!;
  switch (plan.summary) {
    case 'count':
      return { value: n, n };
    case 'mean':
      return { value: sum / n, n };
    case 'share':
      return { value: (sum / n) * 100, n };
    case 'quantile':
      return { value: quantile(cell.values[i]!.data.subarray(0, n), plan.q)!, n };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
