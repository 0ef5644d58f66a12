/**
 * The CSV dialect of a file: its delimiter (declared, from Excel's `sep=`
 * first line, or sniffed from the header line) and its decimal separator.
 * csv-parse's own delimiter_auto is never used: it misreads quoted
 * delimiters and non-ASCII headers.
 */
import { GoalsError } from '../core/errors.js';

export type Delimiter = ',' | ';' | '\t' | '|';
export type DecimalSeparator = '.' | ',';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export interface Dialect {
  delimiter: Delimiter;
  delimiterSource: 'declared' | 'sep line' | 'sniffed' | 'default';
  /** Whether the first line is Excel's `sep=;`, which is not part of the data. */
  hasSepLine: boolean;
  decimal: DecimalSeparator;
  decimalSource: 'declared' | 'default' | 'default for ; files';
}

const SEP_LINE = /^sep=(.)[ \t]*(?:\r\n|\n|\r|$)/i;

/** How a delimiter is written in messages: `","`, `"tab"`. */
export function describeDelimiter(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `"${delimiter}"`;
}

/** Reads `--delimiter` / `delimiter:` values, accepting `tab` and `\t` for a tab. */
export function parseDelimiter(text: string): Delimiter | undefined {
  const t = text === '\\t' || text.toLowerCase() === 'tab' ? '\t' : text;
  return (DELIMITERS as readonly string[]).includes(t) ? (t as Delimiter) : undefined;
}

/** The first line of `text`, ending at the first line break outside quotes. */
export function firstRecordText(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return text;
}

/** Occurrences of each delimiter outside quotes. */
function countDelimiters(line: string): Map<Delimiter, number> {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(c as Delimiter))
      counts.set(c as Delimiter, counts.get(c as Delimiter)! + 1);
  }
  return counts;
}

/**
 * Decides the dialect from the decoded start of the file. A header line
 * in which two delimiters occur equally often is refused: guessing would
 * read every row wrong.
 */
export function sniffDialect(
  head: string,
  displayPath: string,
  declared: { delimiter?: Delimiter | undefined; decimal?: DecimalSeparator | undefined } = {},
): Dialect {
  const sep = SEP_LINE.exec(head);
  let delimiter: Delimiter | undefined = declared.delimiter;
  let delimiterSource: Dialect['delimiterSource'] = 'declared';
  if (sep && delimiter === undefined) {
    const fromLine = parseDelimiter(sep[1]!);
    if (!fromLine) {
      throw new GoalsError(
        'CSV_UNREADABLE',
        `${displayPath} starts with "sep=${sep[1]}", a delimiter goals does not read.`,
        { hint: 'Export with a comma, semicolon, tab or | as the delimiter.' },
      );
    }
    delimiter = fromLine;
    delimiterSource = 'sep line';
  }
  if (delimiter === undefined) {
    const header = firstRecordText(sep ? head.slice(sep[0].length) : head);
    const counts = [...countDelimiters(header)].sort((a, b) => b[1] - a[1]);
    const [best, second] = counts as [[Delimiter, number], [Delimiter, number]];
    if (best[1] === 0) {
      delimiter = ',';
      delimiterSource = 'default';
    } else if (best[1] === second[1]) {
      throw new GoalsError(
        'CSV_UNREADABLE',
        `Cannot tell the delimiter of ${displayPath}: its header line has as many ${describeDelimiter(best[0])} as ${describeDelimiter(second[0])}.`,
        {
          hint: `Say which: --delimiter "${best[0] === '\t' ? 'tab' : best[0]}" (or delimiter: in the source in goals.yaml).`,
        },
      );
    } else {
      delimiter = best[0];
      delimiterSource = 'sniffed';
    }
  }
  // Spreadsheets write ';' files exactly where ',' is the decimal separator.
  const decimal: DecimalSeparator = declared.decimal ?? (delimiter === ';' ? ',' : '.');
  const decimalSource: Dialect['decimalSource'] =
    declared.decimal !== undefined
      ? 'declared'
      : delimiter === ';'
        ? 'default for ; files'
        : 'default';
  return { delimiter, delimiterSource, hasSepLine: Boolean(sep), decimal, decimalSource };
}
