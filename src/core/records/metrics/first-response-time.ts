/**
 * first_response_time: first agent reply − created, over tickets with a first
 * reply; the mean, or a `statistic:` of a derived metric. Period: created.
 * Calendar time: firstReplyAt − created, else the export's duration. Business
 * hours: the export's business-hours duration, else the calendar's open time
 * between created and the first reply.
 */
import { businessSeconds } from '../business-hours.js';
import { oneOf, required } from '../record-metric.js';
import type { RowMetric } from '../record-metric.js';
import type { RecordRow } from '../record.js';

function firstReplyAt(row: RecordRow): number | undefined {
  if (row.firstReplyAt !== undefined) return row.firstReplyAt;
  if (row.created !== undefined && row.firstReplySeconds !== undefined) {
    return row.created + row.firstReplySeconds * 1000;
  }
  return undefined;
}

export const firstResponseTime: RowMetric = {
  kind: 'rows',
  id: 'first_response_time',
  summary: 'mean',
  derivable: 'business',
  needs: (_source, hours) =>
    hours === 'business'
      ? [...required('created'), oneOf('first_reply_business', ['first_reply', 'calendar'])]
      : required('created', 'first_reply'),
  reader: (source, hours) => {
    const calendar = source.calendar;
    if (hours === 'business') {
      return {
        periodOf: (row) => row.created,
        valueOf: (row) => {
          if (row.firstReplyBusinessSeconds !== undefined) return row.firstReplyBusinessSeconds;
          const reply = firstReplyAt(row);
          if (calendar === undefined || row.created === undefined || reply === undefined) {
            return undefined;
          }
          return businessSeconds(row.created, reply, calendar);
        },
      };
    }
    return {
      periodOf: (row) => row.created,
      valueOf: (row) =>
        row.firstReplyAt !== undefined && row.created !== undefined
          ? (row.firstReplyAt - row.created) / 1000
          : row.firstReplySeconds,
    };
  },
};
