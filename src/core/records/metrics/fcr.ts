/**
 * fcr (first contact resolution), for tickets or for calls.
 *
 * Calls (the source maps `resolved`): answered calls resolved ÷ answered
 * calls × 100; period: created (call start); n: answered calls with a
 * resolved value. Without an `answered` field every call counts as answered.
 *
 * Tickets: solved tickets with reopens = 0 and replies ≤ 1 ÷ solved tickets ×
 * 100, each condition only where its field is mapped (at least one must be);
 * period: solved; n: solved tickets. A solved ticket whose mapped reopens or
 * replies cell is empty is left out.
 */
import { SOLVED, oneOf, required, solvedInstant } from '../record-metric.js';
import type { RowMetric } from '../record-metric.js';

export const fcr: RowMetric = {
  kind: 'rows',
  id: 'fcr',
  summary: 'share',
  derivable: 'no',
  needs: (source) =>
    source.fields.has('resolved')
      ? required('created', 'resolved')
      : [SOLVED, oneOf('reopens', 'replies')],
  reader: (source) => {
    if (source.fields.has('resolved')) {
      return {
        periodOf: (row) => row.created,
        valueOf: (row) =>
          row.answered === false || row.resolved === undefined ? undefined : row.resolved ? 1 : 0,
      };
    }
    const hasReopens = source.fields.has('reopens');
    const hasReplies = source.fields.has('replies');
    return {
      periodOf: solvedInstant,
      valueOf: (row) => {
        if (hasReopens && row.reopens === undefined) return undefined;
        if (hasReplies && row.replies === undefined) return undefined;
        const firstContact =
          (!hasReopens || row.reopens === 0) && (!hasReplies || row.replies! <= 1);
        return firstContact ? 1 : 0;
      },
    };
  },
};
