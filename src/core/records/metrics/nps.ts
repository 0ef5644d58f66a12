/**
 * nps: % of 0-10 scores that are 9–10 (promoters) − % that are 0–6
 * (detractors), over all 0-10 scores; not rounded. Each score counts +1, 0
 * or −1 and the value is their mean × 100. Period: created (when the answer
 * was given). n: scores.
 */
import { oneOf, required } from '../record-metric.js';
import type { RowMetric } from '../record-metric.js';

export const nps: RowMetric = {
  kind: 'rows',
  id: 'nps',
  summary: 'share',
  derivable: 'no',
  needs: (source) =>
    source.ratingScale === undefined || source.ratingScale === '0-10'
      ? [...required('created'), oneOf('score', 'rating')]
      : undefined,
  reader: () => ({
    periodOf: (row) => row.created,
    valueOf: (row) => {
      const rating = row.rating;
      if (rating === undefined || rating.scale !== '0-10') return undefined;
      return rating.value >= 9 ? 1 : rating.value <= 6 ? -1 : 0;
    },
  }),
};
