/**
 * A problem in the user's files, from any layer (config, import, SMART
 * rules), shown by the same reporters. Sorted by file, line, column.
 */
export interface Finding {
  severity: 'error' | 'warning';
  /** `letter/name` for SMART rules, `schema/<problem>` (unknown-key, bad-date …), `yaml/syntax`, `import/<code>` … */
  rule: string;
  message: string;
  hint?: string;
  file: string;
  /** 1-based; 0 when the problem has no position (a missing file). */
  line: number;
  column: number;
  goal?: string;
  /** Where in goals.yaml the finding is, as a path of keys and indexes. */
  path?: Array<string | number>;
}

/** A rule's configured level: `off` drops its findings. */
export type RuleLevel = 'error' | 'warn' | 'off';

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule)
  );
}

export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}
