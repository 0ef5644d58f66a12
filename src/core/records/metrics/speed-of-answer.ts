/**
 * speed_of_answer: the mean wait of answered calls, in seconds. Period:
 * created (call start). n: answered calls with a wait. Without an `answered`
 * field, every call with a wait counts.
 */
import { required } from '../record-metric.js';
import type { RowMetric } from '../record-metric.js';

export const speedOfAnswer: RowMetric = {
  kind: 'rows',
  id: 'speed_of_answer',
  summary: 'mean',
  derivable: 'calendar',
  needs: () => required('created', 'wait'),
  reader: () => ({
    periodOf: (row) => row.created,
    valueOf: (row) => (row.answered === false ? undefined : row.waitSeconds),
  }),
};
