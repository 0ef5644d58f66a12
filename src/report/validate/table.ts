/**
 * `goals validate` for people: a S/M/A/R/T grid per goal, the findings with
 * hints, and a summary line.
 */
import type { ChalkInstance } from 'chalk';
import { LETTERS } from '../../core/smart.js';
import type { Grade } from '../../core/smart.js';
import { sanitizeLine } from '../../core/text.js';
import { countText, formatFindings, plural } from '../findings.js';
import { padEnd, truncate, displayWidth } from '../text-width.js';
import type { ValidateResult } from './result.js';

export interface TableOptions {
  chalk: ChalkInstance;
  width: number;
  quiet?: boolean;
}

const MARK: Record<Grade, string> = { pass: '✔', warn: '▲', fail: '✖' };

export function formatValidateTable(result: ValidateResult, options: TableOptions): string {
  const { chalk } = options;
  const paint = (g: Grade) =>
    g === 'pass' ? chalk.green(MARK[g]) : g === 'warn' ? chalk.yellow(MARK[g]) : chalk.red(MARK[g]);
  let out = '';
  const rows = options.quiet
    ? result.goals.filter((g) => LETTERS.some((l) => g.smart[l] !== 'pass'))
    : result.goals;
  if (rows.length > 0) {
    const idWidth = Math.min(28, Math.max(4, ...rows.map((g) => displayWidth(g.id))));
    const gridWidth = LETTERS.length * 2;
    const titleWidth = Math.max(0, options.width - idWidth - gridWidth - 4);
    out += `${chalk.bold(padEnd('goal', idWidth))}  ${chalk.bold(LETTERS.join(' '))}${titleWidth > 10 ? `  ${chalk.bold('title')}` : ''}\n`;
    for (const g of rows) {
      const grid = LETTERS.map((l) => paint(g.smart[l])).join(' ');
      const title =
        titleWidth > 10 ? `  ${chalk.dim(truncate(sanitizeLine(g.title), titleWidth))}` : '';
      out += `${padEnd(truncate(sanitizeLine(g.id), idWidth), idWidth)}  ${grid}${title}\n`;
    }
    out += '\n';
  }
  if (result.findings.length > 0) {
    out += formatFindings(result.findings, { chalk, sources: result.sources });
    out += '\n';
  }
  const { goals, errors, warnings } = result.summary;
  const smart = result.goals.filter((g) => LETTERS.every((l) => g.smart[l] === 'pass')).length;
  const closed = result.closed > 0 ? ` (${result.closed} closed, not checked)` : '';
  const summary = `${plural(goals, 'goal')}${closed}, ${smart} fully SMART; ${countText(errors, warnings)}`;
  out +=
    errors > 0
      ? chalk.red(`✖ ${summary}\n`)
      : warnings > 0
        ? chalk.yellow(`▲ ${summary}\n`)
        : chalk.green(`✔ ${summary}\n`);
  return out;
}
