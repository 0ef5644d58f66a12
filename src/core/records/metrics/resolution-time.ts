/**
 * resolution_time: solved − created, over solved tickets; the mean, or a
 * `statistic:` of a derived metric. Period: solved (solved time, or created +
 * the export's resolution duration when only that is known). Calendar time:
 * solvedAt − created, else the export's duration. Business hours: the export's
 * business-hours duration, else the calendar's open time from created to solved.
 */
import { businessSeconds } from '../business-hours.js';
import { SOLVED, oneOf, solvedInstant } from '../record-metric.js';
import type { RowMetric } from '../record-metric.js';

export const resolutionTime: RowMetric = {
  kind: 'rows',
  id: 'resolution_time',
  summary: 'mean',
  derivable: 'business',
  needs: (_source, hours) =>
    hours === 'business'
      ? [SOLVED, oneOf('resolution_business', ['created', 'calendar'])]
      : [SOLVED, oneOf(['created', 'solved'], 'resolution')],
  reader: (source, hours) => {
    const calendar = source.calendar;
    if (hours === 'business') {
      return {
        periodOf: solvedInstant,
        valueOf: (row) => {
          if (row.resolutionBusinessSeconds !== undefined) return row.resolutionBusinessSeconds;
          const solved = solvedInstant(row);
          if (calendar === undefined || row.created === undefined || solved === undefined) {
            return undefined;
          }
          return businessSeconds(row.created, solved, calendar);
        },
      };
    }
    return {
      periodOf: solvedInstant,
      valueOf: (row) =>
        row.solvedAt !== undefined && row.created !== undefined
          ? (row.solvedAt - row.created) / 1000
          : row.resolutionSeconds,
    };
  },
};
