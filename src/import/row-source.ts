/**
 * Where an import's rows come from: a CSV file, or a warehouse query (DESIGN
 * §13). Both give the header first, then each row as text cells with the
 * line it came from, so every layout, mapping and bad-row rule after them is
 * shared.
 */
import type { Finding } from '../core/finding.js';
import type { CellProblem } from './cell-problem.js';
import { cellKey, locateCells } from './locate-cells.js';
import { readCsv } from './read-csv.js';
import type { RecordHandler } from './read-csv.js';
import type { FileScan } from './scan-file.js';
import type { DecimalSeparator, Dialect } from './sniff-dialect.js';

/** Called as reading goes on: how far (bytes of a file, rows of a query) and whether it is done. */
export type ChunkHandler = (done: number, isLast: boolean) => void;

export interface RowSource {
  /** How messages name it: the file as shown, or queryDisplayPath. */
  readonly displayPath: string;
  readonly decimal: DecimalSeparator;
  /** What `done` counts up to, for progress; 0 when unknown in advance. */
  readonly total: number;
  /** A file's scan and dialect (encoding, delimiter, decimal separator, and how each was found). */
  readonly scan?: FileScan | undefined;
  readonly dialect?: Dialect | undefined;
  /** A query's database as shown (never with a password): where the rows come from. */
  readonly database?: string | undefined;
  /**
   * Calls `onRecord` with the header (an Excel `sep=` line left out), then
   * each row. `csvParse` asks a file to be parsed by csv-parse (see
   * ReadAgainWithCsvParse).
   */
  read(
    onRecord: RecordHandler,
    onChunk: ChunkHandler,
    options: { csvParse?: boolean; signal?: AbortSignal | undefined },
  ): Promise<void>;
  /** Findings for problems, each at the line and column of its cell. */
  locate(problems: readonly CellProblem[]): Promise<Finding[]>;
  /** sha256 of a file's bytes, for the import record ('' for a query). */
  sha256(): string;
}

/** The rows of a CSV file, as its scan and dialect say to read it. */
export function fileRows(scan: FileScan, dialect: Dialect, displayPath: string): RowSource {
  return {
    displayPath,
    decimal: dialect.decimal,
    total: scan.bytes,
    scan,
    dialect,
    async read(onRecord, onChunk, options) {
      let isFirst = dialect.hasSepLine;
      await readCsv(
        scan,
        displayPath,
        { delimiter: dialect.delimiter, signal: options.signal, csvParse: options.csvParse },
        (fields, line) => {
          if (isFirst) {
            isFirst = false;
            return true;
          }
          return onRecord(fields, line);
        },
        onChunk,
      );
    },
    locate: (problems) => locateProblems(scan, dialect, problems, displayPath),
    sha256: () => scan.sha256,
  };
}

/** Turns cell problems into findings with the exact line:column of each field. */
export async function locateProblems(
  scan: FileScan,
  dialect: Dialect,
  problems: readonly CellProblem[],
  displayPath: string,
): Promise<Finding[]> {
  const positions = await locateCells(scan, dialect.delimiter, problems);
  return problems.map((p) => {
    const at = positions.get(cellKey(p)) ?? { line: p.line, column: 1 };
    return findingAt(p, displayPath, at);
  });
}

export function findingAt(
  p: CellProblem,
  file: string,
  at: { line: number; column: number },
): Finding {
  return {
    severity: p.severity,
    rule: p.rule,
    message: p.message,
    hint: p.hint,
    file,
    line: at.line,
    column: at.column,
  };
}
