/**
 * ces: the mean of 1-7 survey scores ("the company made it easy"). Period:
 * created (when the answer was given). n: scores. A 1-7 ticket `rating`
 * counts as CSAT instead (see csat.ts).
 */
import { required } from '../record-metric.js';
import type { RowMetric } from '../record-metric.js';
import { isSevenPointCsat } from './csat.js';

export const ces: RowMetric = {
  kind: 'rows',
  id: 'ces',
  summary: 'mean',
  derivable: 'calendar',
  needs: (source) =>
    source.ratingScale === undefined || source.ratingScale === '1-7'
      ? required('created', 'score')
      : undefined,
  reader: (source) => {
    const isCsat = isSevenPointCsat(source);
    return {
      periodOf: (row) => row.created,
      valueOf: (row) => (!isCsat && row.rating?.scale === '1-7' ? row.rating.value : undefined),
    };
  },
};
