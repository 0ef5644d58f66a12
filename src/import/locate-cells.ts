/**
 * Exact positions of fields, for the problems that are shown: from the line
 * a record starts on and a field index to the line and column (1-based, in
 * characters) where that field starts. It reads the file again, which only
 * happens when something is reported, and only up to the last line asked.
 */
import type { FileScan } from './scan-file.js';
import { readUtf8Chunks } from './read-csv.js';
import type { Delimiter } from './sniff-dialect.js';

export interface CellRef {
  line: number;
  field: number;
}

export interface Position {
  line: number;
  column: number;
}

export const cellKey = (ref: CellRef): string => `${ref.line}:${ref.field}`;

/** Walks one record from its first line, noting where each field starts. */
class RecordWalker {
  private inQuotes = false;
  private pendingQuote = false;
  private field = 0;
  readonly starts: Position[];

  constructor(
    line: number,
    private readonly delimiter: string,
    private readonly lastField: number,
  ) {
    this.starts = [{ line, column: 1 }];
  }

  /** Feeds one physical line; false once the record (or the fields asked for) ended. */
  feed(text: string, line: number): boolean {
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (c === '"') continue; // "" inside quotes is one quote
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        if (c === '"') this.pendingQuote = true;
      } else if (c === '"') {
        this.inQuotes = true;
      } else if (c === this.delimiter) {
        this.field++;
        this.starts.push({ line, column: i + 2 });
        if (this.field >= this.lastField) return false;
      }
    }
    if (this.pendingQuote) {
      this.pendingQuote = false;
      this.inQuotes = false;
    }
    return this.inQuotes;
  }
}

/**
 * Finds where each requested field starts. Fields that cannot be found
 * (the record is shorter) fall back to the record's line and column 1.
 */
export async function locateCells(
  scan: FileScan,
  delimiter: Delimiter,
  refs: readonly CellRef[],
): Promise<Map<string, Position>> {
  const found = new Map<string, Position>();
  if (refs.length === 0) return found;
  const wanted = new Map<number, number>();
  for (const r of refs) wanted.set(r.line, Math.max(wanted.get(r.line) ?? 0, r.field));
  const lastLine = Math.max(...wanted.keys());
  let walkers: Array<{ line: number; walker: RecordWalker }> = [];

  const settle = (line: number, walker: RecordWalker) => {
    for (const r of refs) {
      if (r.line !== line) continue;
      found.set(cellKey(r), walker.starts[r.field] ?? { line, column: 1 });
    }
  };
  const onLine = (text: string, line: number): void => {
    if (walkers.length > 0) {
      walkers = walkers.filter(({ line: start, walker }) => {
        if (walker.feed(text, line)) return true;
        settle(start, walker);
        return false;
      });
    }
    const last = wanted.get(line);
    if (last !== undefined) {
      const walker = new RecordWalker(line, delimiter, last);
      if (last === 0 || !walker.feed(text, line)) settle(line, walker);
      else walkers.push({ line, walker });
    }
  };

  const decoder = new TextDecoder('utf-8');
  let line = 1;
  let carry = '';
  let endedWithCr = false;
  outer: for await (const chunk of readUtf8Chunks(scan)) {
    let text = carry + decoder.decode(chunk, { stream: true });
    // A \r\n split across chunks is one line break.
    if (endedWithCr && text.startsWith('\n')) text = text.slice(1);
    endedWithCr = false;
    let from = 0;
    for (;;) {
      const lf = text.indexOf('\n', from);
      const cr = text.indexOf('\r', from);
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) break;
      onLine(text.slice(from, end), line);
      line++;
      if (line > lastLine && walkers.length === 0) break outer;
      from = end + 1;
      if (text[end] === '\r' && text[from] === '\n') from++;
      endedWithCr = text[end] === '\r' && from >= text.length;
    }
    carry = text.slice(from);
  }
  if (carry.length > 0 || walkers.length > 0) onLine(carry, line);
  for (const { line: start, walker } of walkers) settle(start, walker);
  for (const r of refs)
    if (!found.has(cellKey(r))) found.set(cellKey(r), { line: r.line, column: 1 });
  return found;
}
