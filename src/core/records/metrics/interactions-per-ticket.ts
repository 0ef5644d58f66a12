/**
 * interactions_per_ticket: the mean of agent replies over solved tickets.
 * Period: solved. n: solved tickets with a replies value.
 */
import { SOLVED, required, solvedInstant } from '../record-metric.js';
import type { RowMetric } from '../record-metric.js';

export const interactionsPerTicket: RowMetric = {
  kind: 'rows',
  id: 'interactions_per_ticket',
  summary: 'mean',
  derivable: 'calendar',
  needs: () => [SOLVED, ...required('replies')],
  reader: () => ({
    periodOf: solvedInstant,
    valueOf: (row) => row.replies,
  }),
};
