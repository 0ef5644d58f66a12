/**
 * churn_rate: subscriptions that ended in the period ÷ subscriptions active
 * at its start × 100; n: the active ones.
 *
 * Boundaries, as the Codecademy churn project draws them (its published
 * figures for 2017-01..03, 35/276, 63/506 and 158/667, are reproduced): a
 * subscription is active at a period's start when it started before the
 * period's first day and ends after that day, both strictly; it ended in the
 * period when it started before the period and its end falls on any day of
 * it. So one ending on the first day counts as ended in the period but not
 * as active at its start; one that starts and ends within the period counts
 * in neither.
 */
import type { DayCounts } from '../day-counts.js';
import { required, writeChange } from '../record-metric.js';
import type { Measure, TimelineMetric } from '../record-metric.js';

const ACTIVE = 0;
const ENDED = 1;

/** Per period: subscriptions ended in it, and active at its start. */
export function subscriptionsByPeriod(
  [active, ended]: readonly DayCounts[],
  periods: ReadonlyArray<readonly [number, number]>,
): Array<{ ended: number; active: number }> {
  const activeBy = active!.cumulative();
  const endedBy = ended!.cumulative();
  return periods.map(([first, last]) => ({
    ended: endedBy(last) - endedBy(first - 1),
    active: activeBy(first),
  }));
}

/**
 * Series ACTIVE: +1 on the first day a subscription is active at a period
 * start (the day after it started), −1 on its end day. Series ENDED: +1 on
 * the end day of a subscription that started in an earlier period.
 */
export const subscriptionChanges: Pick<TimelineMetric, 'needs' | 'series' | 'changes'> = {
  needs: () => required('started'),
  series: 2,
  changes: (row, time, out) => {
    if (row.started === undefined) return 0;
    const start = time.dayOf(row.started);
    if (row.ended === undefined) return writeChange(out, 0, ACTIVE, start + 1, 1);
    const end = time.dayOf(row.ended);
    let count = 0;
    if (time.periodOf(end) !== time.periodOf(start)) count = writeChange(out, count, ENDED, end, 1);
    // Active at the start of days start + 1 … end − 1.
    // Stryker disable next-line EqualityOperator: at end = start + 1 the +1 and the −1 fall on the same day
    if (end > start + 1) {
      count = writeChange(out, count, ACTIVE, start + 1, 1);
      count = writeChange(out, count, ACTIVE, end, -1);
    }
    return count;
  },
};

export const churnRate: TimelineMetric = {
  kind: 'timeline',
  id: 'churn_rate',
  ...subscriptionChanges,
  results: (series, periods) =>
    subscriptionsByPeriod(series, periods).map(({ ended, active }): Measure | undefined =>
      active > 0 ? { value: (ended / active) * 100, n: active } : undefined,
    ),
};
