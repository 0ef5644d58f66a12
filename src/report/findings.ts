/**
 * Findings for people: `goals.yaml:12:5  error  message  rule-id`, the hint
 * under it, and for YAML syntax errors the line with a caret.
 */
import type { ChalkInstance } from 'chalk';
import type { Finding } from '../core/finding.js';
import { sanitizeLine } from '../core/text.js';

export interface FindingsOptions {
  chalk: ChalkInstance;
  /** Text of the files, to show the offending line of syntax errors. */
  sources?: ReadonlyMap<string, string>;
}

export function formatFinding(f: Finding, options: FindingsOptions): string {
  const { chalk } = options;
  const where = f.line > 0 ? `${f.file}:${f.line}:${f.column}` : f.file;
  const level = f.severity === 'error' ? chalk.red('error') : chalk.yellow('warning');
  let out = `${chalk.bold(sanitizeLine(where))}  ${level}  ${sanitizeLine(f.message)}  ${chalk.dim(f.rule)}\n`;
  const source = f.rule.startsWith('yaml/') ? options.sources?.get(f.file) : undefined;
  if (source !== undefined && f.line > 0) {
    const text = source.split(/\r?\n/)[f.line - 1];
    if (text !== undefined) {
      const gutter = `${f.line} | `;
      out += `  ${chalk.dim(gutter)}${sanitizeLine(text)}\n`;
      out += `  ${' '.repeat(gutter.length + Math.max(0, f.column - 1))}${chalk.red('^')}\n`;
    }
  }
  if (f.hint) out += `  ${chalk.cyan('→')} ${sanitizeLine(f.hint)}\n`;
  return out;
}

export function formatFindings(findings: readonly Finding[], options: FindingsOptions): string {
  return findings.map((f) => formatFinding(f, options)).join('');
}

/** "3 errors, 1 warning". */
export function countText(errors: number, warnings: number): string {
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
