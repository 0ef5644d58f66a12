/**
 * `--since 7d|2w|YYYY-MM-DD` (DESIGN §12 "Comparison"): the earlier date a
 * check or report compares with, counted back from as of.
 */
import { addDays, parseIsoDate } from '../core/dates.js';
import type { IsoDate } from '../core/dates.js';
import { GoalsError } from '../core/errors.js';
import { sanitizeLine } from '../core/text.js';

const DAYS_PER = { d: 1, w: 7 } as const;

/** The comparison date of `--since`; exit 2 when it is not a date before as of. */
export function parseSince(text: string, asOf: IsoDate): IsoDate {
  const span = /^\s*(\d+)\s*([dw])\s*$/i.exec(text);
  const date = span
    ? addDays(asOf, -Number(span[1]) * DAYS_PER[span[2]!.toLowerCase() as 'd' | 'w'])
    : parseIsoDate(text);
  if (!date) {
    throw new GoalsError(
      'USAGE',
      `--since ${sanitizeLine(text)} is neither a date nor a number of days or weeks.`,
      { hint: 'Write --since 7d (a week before as of), --since 4w, or --since 2026-11-09.' },
    );
  }
  if (date >= asOf) {
    throw new GoalsError('USAGE', `--since ${sanitizeLine(text)} is not before as of ${asOf}.`, {
      hint: `Compare with an earlier date, e.g. --since 7d (${addDays(asOf, -7)}).`,
    });
  }
  return date;
}
