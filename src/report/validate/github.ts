import { formatAnnotations } from '../github-annotations.js';
import { countText } from '../findings.js';
import type { ValidateResult } from './result.js';

/**
 * Annotations on the goal's line in goals.yaml, then a summary line.
 * `fileOf` gives a finding's file as the runner can attach it (from the repository root).
 */
export function formatValidateGithub(
  result: ValidateResult,
  fileOf: (file: string) => string = (file) => file,
): string {
  const annotations = formatAnnotations(
    result.findings.map((f) => ({
      level: f.severity === 'error' ? 'error' : 'warning',
      title: f.rule,
      message: f.hint ? `${f.message}\n${f.hint}` : f.message,
      file: fileOf(f.file),
      ...(f.line > 0 ? { line: f.line, column: f.column } : {}),
    })),
  );
  const { goals, errors, warnings } = result.summary;
  return `${annotations}${result.config}: ${goals} goals, ${countText(errors, warnings)}\n`;
}
