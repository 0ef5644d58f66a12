/**
 * handle_time: the mean handle time of answered calls, in seconds. Period:
 * created (call start). n: answered calls with a handle time. Without an
 * `answered` field, every call with a handle time counts.
 */
import { required } from '../record-metric.js';
import type { RowMetric } from '../record-metric.js';

export const handleTime: RowMetric = {
  kind: 'rows',
  id: 'handle_time',
  summary: 'mean',
  derivable: 'calendar',
  needs: () => required('created', 'handle'),
  reader: () => ({
    periodOf: (row) => row.created,
    valueOf: (row) => (row.answered === false ? undefined : row.handleSeconds),
  }),
};
