import type { Finding } from '../../core/finding.js';
import type { SmartGrid } from '../../core/smart.js';

/** What `goals validate` found: the input of every validate reporter. */
export interface ValidateResult {
  /** goals.yaml as shown to the user. */
  config: string;
  findings: Finding[];
  goals: Array<{ id: string; title: string; line: number; smart: SmartGrid }>;
  summary: { goals: number; errors: number; warnings: number };
  /** Goals with `status: closed`: not checked, not in `goals`. */
  closed: number;
  /** File texts, to quote lines of syntax errors. */
  sources: ReadonlyMap<string, string>;
}
