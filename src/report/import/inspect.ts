/**
 * `goals import --inspect FILE` for people: how the file is read (encoding,
 * delimiter, decimal separator, dates), what each column maps to, the first
 * snapshots as they would be stored, and which columns are left out.
 */
import type { ChalkInstance } from 'chalk';
import { formatMetricValue } from '../../core/format-value.js';
import { formatSegment, parseSegmentKey } from '../../core/snapshot.js';
import { sanitizeLine } from '../../core/text.js';
import type { InspectResult } from '../../import/inspect-file.js';
import type { ValueTarget } from '../../import/read-cell-value.js';
import type { RowSource } from '../../import/row-source.js';
import { describeDelimiter } from '../../import/sniff-dialect.js';
import { displayWidth, truncate } from '../text-width.js';
import { recognisedDate } from './summary.js';

/** "1 bad row", "8,108 snapshots". */
export const count = (n: number, word: string) =>
  `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function describeTarget(target: ValueTarget): string {
  const m = target.metric;
  if (m.unit === 'duration') {
    return target.unit
      ? `${m.id} (duration: values in ${target.unit}, stored in seconds)`
      : `${m.id} (duration: values need a unit such as 2h30m or 01:30:00, stored in seconds)`;
  }
  if (m.unit === 'percent')
    return `${m.id} (percent${target.isRatio ? ': values are ratios 0-1, stored × 100' : ' 0-100'})`;
  return `${m.id} (${m.unit})`;
}

/** A label and its value, as the first lines of --inspect show them. */
export function labelled(chalk: ChalkInstance, name: string, value: string): string {
  return `${chalk.bold(pad(name, 10))} ${value}`;
}

/** File, encoding, delimiter and decimal separator, and how each was decided; or a query's first rows. */
export function readingLines(
  result: {
    file: string;
    rows: RowSource;
    header: readonly string[];
    firstRows: readonly string[][];
  },
  chalk: ChalkInstance,
): string[] {
  const { scan, dialect } = result.rows;
  const lines: string[] = [];
  const field = (name: string, value: string) => lines.push(labelled(chalk, name, value));
  if (!scan || !dialect) {
    field('Query', `${sanitizeLine(result.file)}, on ${sanitizeLine(result.rows.database ?? '')}`);
    const shown = (cell: string) => truncate(sanitizeLine(cell), 24);
    lines.push('', chalk.bold(`First rows of the result (every row is read below)`));
    lines.push(
      ...(result.firstRows.length === 0
        ? [chalk.dim('  (none)')]
        : tableLines(
            result.header.map(shown),
            result.firstRows.map((r) => r.map(shown)),
            chalk,
          )),
      '',
    );
    return lines;
  }
  field('File', `${sanitizeLine(result.file)} (${scan.bytes.toLocaleString('en-US')} bytes)`);
  const encodingHow: Record<typeof scan.encodingSource, string> = {
    declared: 'declared',
    bom: 'byte-order mark',
    'valid utf-8': 'no byte-order mark; every byte is valid UTF-8',
    fallback: 'not valid UTF-8, so read as Windows-1252',
    'utf-16 without bom': 'no byte-order mark; detected from its zero bytes',
  };
  field('Encoding', `${ENCODING_NAMES[scan.encoding]} (${encodingHow[scan.encodingSource]})`);
  field(
    'Delimiter',
    `${describeDelimiter(dialect.delimiter)} (${dialect.delimiterSource === 'sniffed' ? 'sniffed from the header line' : dialect.delimiterSource === 'sep line' ? 'from the "sep=" first line' : dialect.delimiterSource === 'default' ? 'default: the header has one column' : 'declared'})`,
  );
  field(
    'Decimal',
    `"${dialect.decimal}" (${dialect.decimalSource === 'default for ; files' ? 'default for ";" files' : dialect.decimalSource})`,
  );
  return lines;
}

/** A small table of plain cells, its head dimmed, indented two spaces. */
export function tableLines(head: string[], rows: string[][], chalk: ChalkInstance): string[] {
  const widths = head.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!))
      .join('  ')
      .trimEnd();
  return [`  ${chalk.dim(line(head))}`, ...rows.map((r) => `  ${line(r)}`)];
}

/** Whether an import would succeed, and if not, why and what to do. */
export function verdictLines(
  refusal: string | undefined,
  hint: string | undefined,
  chalk: ChalkInstance,
): string[] {
  const lines = [
    '',
    refusal
      ? `${chalk.red('An import would be refused:')} ${sanitizeLine(refusal)}. The problems follow (on stderr).`
      : `${chalk.green('An import would succeed.')} Nothing was imported: this was --inspect.`,
  ];
  if (hint) lines.push(`  ${chalk.cyan('→')} ${sanitizeLine(hint)}`);
  return lines;
}

export function formatInspect(result: InspectResult, options: { chalk: ChalkInstance }): string {
  const { chalk } = options;
  const { mapping, outcome } = result;
  const lines: string[] = [];
  const field = (name: string, value: string) => lines.push(labelled(chalk, name, value));

  lines.push(...readingLines(result, chalk));
  field('Layout', result.spec.layout);
  if (mapping) {
    const format = outcome?.dateFormat;
    field(
      'Dates',
      `column "${sanitizeLine(mapping.date.name)}"${mapping.isDateRecognised ? ` ${recognisedDate()}` : ''}, ${format ? `${format} (${outcome?.dateFormatSource})` : mapping.dateFormat ? `${mapping.dateFormat} (declared)` : 'format not known'}`,
    );
  }
  if (outcome) {
    field(
      'Rows',
      `${outcome.rows.toLocaleString('en-US')} (${count(result.badRows, 'bad row')}), ${count(outcome.snapshots, 'snapshot')}`,
    );
  }

  const isQuery = result.rows.scan === undefined;
  lines.push(
    '',
    chalk.bold(isQuery ? 'Columns of the result' : `Columns (header on line ${result.headerLine})`),
  );
  const width = Math.min(
    32,
    Math.max(9, ...result.header.map((h) => displayWidth(sanitizeLine(h)))),
  );
  result.header.forEach((name, index) => {
    const shown = name === '' ? chalk.dim('(no name)') : truncate(sanitizeLine(name), width);
    let role = chalk.dim('not mapped');
    if (mapping) {
      const column = mapping.columns.find((c) => c.index === index);
      const segment = mapping.segments.find((s) => s.index === index);
      if (mapping.date.index === index) role = 'the date';
      else if (segment) role = `segment ${sanitizeLine(segment.key)}`;
      else if (column) role = `→ ${describeTarget(column.target)}`;
      else if (mapping.metricColumn?.index === index) {
        const names = [...mapping.names].map(
          ([n, t]) =>
            `${sanitizeLine(n)} → ${t.metric.id}${t.unit ? ` in ${sanitizeLine(t.unit)}` : ''}`,
        );
        role = `metric names${names.length > 0 ? ` (${names.join(', ')}; other names must be metric ids)` : ' (metric ids)'}`;
      } else if (mapping.valueColumn?.index === index) role = 'the values';
    }
    lines.push(`  ${String(index + 1).padStart(3)}  ${pad(shown, width)}  ${role}`);
  });

  if (mapping) {
    lines.push('', chalk.bold('First snapshots as they would be stored'));
    if (result.sample.length === 0) {
      lines.push(chalk.dim('  (none)'));
    } else {
      const rows = result.sample.map((s) => {
        const metric = mapping.catalog.get(s.metric);
        return [
          String(isQuery ? s.line - 1 : s.line),
          s.date,
          s.metric,
          sanitizeLine(formatSegment(parseSegmentKey(s.segment))),
          String(s.value),
          metric ? formatMetricValue(s.value, metric.unit) : '',
        ];
      });
      lines.push(
        ...tableLines(
          [isQuery ? 'row' : 'line', 'date', 'metric', 'segment', 'stored', 'shown'],
          rows,
          chalk,
        ),
      );
    }
    const unmapped = mapping.unmapped.map((u) =>
      u.name === '' ? `(no name, field ${u.index + 1})` : `"${sanitizeLine(u.name)}"`,
    );
    lines.push(
      '',
      `${chalk.bold('Not mapped')}  ${unmapped.length > 0 ? unmapped.join(', ') : chalk.dim('(every column is used)')}`,
    );
  }
  lines.push(...verdictLines(result.refusal, result.refusalHint, chalk));
  return `${lines.join('\n')}\n`;
}
