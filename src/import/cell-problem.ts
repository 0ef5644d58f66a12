/**
 * A problem in a CSV file, first known by record line and field index; the
 * exact line:column of the field is found afterwards (locate-cells.ts), only
 * for the problems that are shown.
 */
import type { Finding } from '../core/finding.js';

export interface CellProblem {
  severity: Finding['severity'];
  /** `import/<code>`. */
  rule: string;
  message: string;
  hint: string;
  /** Physical line where the record starts (1-based). */
  line: number;
  /** 0-based index of the field in the record. */
  field: number;
}

/** How many problems of one file are listed in full; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 20;
