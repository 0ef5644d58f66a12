/**
 * answer_rate: answered calls ÷ calls × 100. Period: created (call start).
 * n: calls with an answered value.
 */
import { required } from '../record-metric.js';
import type { RowMetric } from '../record-metric.js';

export const answerRate: RowMetric = {
  kind: 'rows',
  id: 'answer_rate',
  summary: 'share',
  derivable: 'no',
  needs: () => required('created', 'answered'),
  reader: () => ({
    periodOf: (row) => row.created,
    valueOf: (row) => (row.answered === undefined ? undefined : row.answered ? 1 : 0),
  }),
};
