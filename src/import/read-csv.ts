/**
 * Streams a CSV file as batches of records, each with the physical line it
 * starts on. Bytes are decoded to UTF-8 first (UTF-16 and Windows-1252 via
 * TextDecoder), then parsed by csv-parse, one chunk at a time, so memory
 * stays flat whatever the file's size.
 */
import { createReadStream } from 'node:fs';
import { CsvError, Parser } from 'csv-parse';
import { GoalsError } from '../core/errors.js';
import type { FileScan } from './scan-file.js';
import { READ_CHUNK_BYTES } from './scan-file.js';
import type { Delimiter } from './sniff-dialect.js';

export interface CsvRecord {
  fields: string[];
  /** Physical line (1-based) where the record starts; quoted line breaks count. */
  line: number;
}

export interface ReadCsvOptions {
  delimiter: Delimiter;
  signal?: AbortSignal | undefined;
  /** Called after each chunk with the bytes read so far. */
  onBytes?: ((bytes: number) => void) | undefined;
}

/** The file's bytes as UTF-8 chunks, BOM removed. */
export async function* readUtf8Chunks(scan: FileScan): AsyncGenerator<Buffer> {
  const stream = createReadStream(scan.path, {
    highWaterMark: READ_CHUNK_BYTES,
    start: scan.bomLength,
  });
  if (scan.encoding === 'utf-8') {
    for await (const chunk of stream) yield chunk as Buffer;
    return;
  }
  const decoder = new TextDecoder(scan.encoding, { ignoreBOM: true });
  for await (const chunk of stream) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text.length > 0) yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield Buffer.from(rest, 'utf8');
}

/** Counts \r and \n characters, and \r\n pairs, in one field. */
function countBreaks(field: string): { chars: number; pairs: number } {
  let chars = 0;
  let pairs = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    if (c === 13) {
      chars++;
      if (field.charCodeAt(i + 1) === 10) pairs++;
    } else if (c === 10) chars++;
  }
  return { chars, pairs };
}

const BREAK = /[\r\n]/;

/**
 * Yields the file's records in batches (one per chunk read). Throws
 * CSV_REJECTED with the line when the CSV itself is malformed (a quote
 * never closed), CANCELLED when the signal aborts.
 */
export async function* readCsvRecords(
  scan: FileScan,
  displayPath: string,
  options: ReadCsvOptions,
): AsyncGenerator<CsvRecord[]> {
  const parser = new Parser({
    delimiter: options.delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    // A stray quote inside an unquoted cell (12" screen) is just a character.
    relax_quotes: true,
  });
  let batch: CsvRecord[] = [];
  // csv-parse counts both characters of a quoted \r\n as line breaks, and
  // reports the line where a record ends: both are corrected here, so that
  // every line number points where an editor shows the record.
  let overcount = 0;
  parser.push = (record: unknown): boolean => {
    if (record === null) return true;
    const fields = record as string[];
    let chars = 0;
    let pairs = 0;
    for (const f of fields) {
      if (f.length > 0 && BREAK.test(f)) {
        const b = countBreaks(f);
        chars += b.chars;
        pairs += b.pairs;
      }
    }
    const reportedEnd = parser.info.lines;
    batch.push({ fields, line: reportedEnd - overcount - chars });
    overcount += pairs;
    return true;
  };
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => {
      parser.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  const end = () =>
    new Promise<void>((resolve, reject) => {
      parser.once('error', reject);
      parser.end(() => resolve());
    });
  let bytes = 0;
  try {
    for await (const chunk of readUtf8Chunks(scan)) {
      if (options.signal?.aborted) throw cancelled();
      await write(chunk);
      bytes += chunk.length;
      options.onBytes?.(bytes);
      if (batch.length > 0) {
        const full = batch;
        batch = [];
        yield full;
      }
    }
    await end();
    if (batch.length > 0) yield batch;
  } catch (error) {
    if (error instanceof CsvError) throw malformed(error, displayPath, overcount);
    throw error;
  } finally {
    parser.destroy();
  }
}

function malformed(error: CsvError, displayPath: string, overcount: number): GoalsError {
  const line = Math.max(1, ((error as unknown as { lines?: number }).lines ?? 1) - overcount);
  const what =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `a quoted field that starts on or before line ${line} is never closed`
      : error.message;
  return new GoalsError(
    'CSV_REJECTED',
    `${displayPath} cannot be read as CSV: ${what}. Nothing was imported.`,
    {
      hint: 'Check the quotes around that line (a field that contains a quote writes it twice: ""), or export the file again.',
      findings: [
        {
          severity: 'error',
          rule: 'import/malformed-csv',
          message: `The CSV is malformed here: ${what}.`,
          hint: 'Every opening quote needs a closing one; a quote inside a quoted field is written twice ("").',
          file: displayPath,
          line,
          column: 1,
        },
      ],
      cause: error,
    },
  );
}

export function cancelled(): GoalsError {
  return new GoalsError('CANCELLED', 'Import cancelled; nothing was written.');
}
