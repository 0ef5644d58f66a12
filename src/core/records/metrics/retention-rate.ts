/**
 * retention_rate: 100 − churn_rate, per period; n: the subscriptions active
 * at its start. The boundaries are churn's (churn-rate.ts).
 */
import type { Measure, TimelineMetric } from '../record-metric.js';
import { subscriptionChanges, subscriptionsByPeriod } from './churn-rate.js';

export const retentionRate: TimelineMetric = {
  kind: 'timeline',
  id: 'retention_rate',
  ...subscriptionChanges,
  results: (series, periods) =>
    subscriptionsByPeriod(series, periods).map(({ ended, active }): Measure | undefined =>
      active > 0 ? { value: 100 - (ended / active) * 100, n: active } : undefined,
    ),
};
