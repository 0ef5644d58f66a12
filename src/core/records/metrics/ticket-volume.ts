/**
 * ticket_volume: tickets created in the period (calls, for a call log).
 * Period: created. Value: the count; n the same. Survey responses are not
 * tickets: a source with a `score` field has no ticket volume.
 */
import { required } from '../record-metric.js';
import type { RowMetric } from '../record-metric.js';

export const ticketVolume: RowMetric = {
  kind: 'rows',
  id: 'ticket_volume',
  summary: 'count',
  derivable: 'no',
  needs: (source) => (source.fields.has('score') ? undefined : required('created')),
  reader: () => ({
    periodOf: (row) => row.created,
    valueOf: () => 1,
  }),
};
