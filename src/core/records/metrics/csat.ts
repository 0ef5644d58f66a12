/**
 * csat: ratings in the satisfied band ÷ ratings × 100. The band: 4–5 on a
 * 1-5 scale, good on good-bad, 6–7 on a 1-7 ticket `rating` (a 1-7 survey
 * `score` is CES instead). A 0-10 answer is NPS, not CSAT. Period: the rated
 * ticket's solved time, else created (a survey response: when it was given).
 * n: ratings.
 */
import { oneOf, solvedInstant } from '../record-metric.js';
import type { RowMetric, SourceTraits } from '../record-metric.js';

/** A 1-7 answer is a CSAT rating when it comes from a ticket's `rating`, CES from a survey's `score`. */
export function isSevenPointCsat(source: SourceTraits): boolean {
  return source.fields.has('rating') && !source.fields.has('score');
}

export const csat: RowMetric = {
  kind: 'rows',
  id: 'csat',
  summary: 'share',
  derivable: 'no',
  needs: (source) => {
    const scale = source.ratingScale;
    if (scale === '0-10' || (scale === '1-7' && !isSevenPointCsat(source))) return undefined;
    return [oneOf('rating', 'score'), oneOf('created', 'solved')];
  },
  reader: (source) => {
    const sevenPoint = isSevenPointCsat(source);
    return {
      periodOf: (row) => solvedInstant(row) ?? row.created,
      valueOf: (row) => {
        const rating = row.rating;
        if (rating === undefined) return undefined;
        switch (rating.scale) {
          case '1-5':
            return rating.value >= 4 ? 1 : 0;
          case 'good-bad':
            return rating.value === 1 ? 1 : 0;
          case '1-7':
            return sevenPoint ? (rating.value >= 6 ? 1 : 0) : undefined;
          // Stryker disable next-line ConditionalExpression: the switch's end returns undefined too
          case '0-10':
            return undefined;
        }
      },
    };
  },
};
