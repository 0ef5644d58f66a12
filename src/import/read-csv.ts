/**
 * Streams a CSV file record by record, each with the physical line it
 * starts on, one chunk at a time, so memory stays flat whatever the file's
 * size. A file without a single quote character (most metric exports) is
 * split by a quick reader of lines and delimiters, several times faster;
 * any other file is decoded to UTF-8 (UTF-16 and Windows-1252 via
 * TextDecoder) and parsed by csv-parse. Both give the very same records and
 * lines (a property test compares them).
 */
import { createReadStream } from 'node:fs';
import { CsvError, Parser } from 'csv-parse';
import { GoalsError } from '../core/errors.js';
import type { FileScan } from './scan-file.js';
import { READ_CHUNK_BYTES } from './scan-file.js';
import type { Delimiter } from './sniff-dialect.js';

export interface ReadCsvOptions {
  delimiter: Delimiter;
  signal?: AbortSignal | undefined;
  /** Parse with csv-parse even when the quick reader could read the file. */
  csvParse?: boolean | undefined;
}

/**
 * Thrown by readCsv when the quick reader meets a line break that only
 * csv-parse reads right (a carriage return that does not end a CRLF line):
 * the caller forgets what it was given and reads again with csvParse.
 */
export class ReadAgainWithCsvParse extends Error {
  constructor() {
    super('the file is read again with csv-parse');
  }
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

/** Receives each record as it is parsed; returning false stops the reading. */
export type RecordHandler = (fields: string[], line: number) => boolean | void;

/**
 * Parses the file, calling `onRecord` for every record as csv-parse emits
 * it (so a record is garbage before the next one is parsed) and
 * `onChunk` after each chunk of bytes. Throws CSV_REJECTED with the line
 * when the CSV itself is malformed (a quote never closed), CANCELLED when
 * the signal aborts.
 */
export async function readCsv(
  scan: FileScan,
  displayPath: string,
  options: ReadCsvOptions,
  onRecord: RecordHandler,
  onChunk?: (bytes: number, isLast: boolean) => void,
): Promise<void> {
  if (!options.csvParse && scan.isQuoteFree) {
    return readQuick(scan, options, onRecord, onChunk);
  }
  const parser = new Parser({
    delimiter: options.delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    // A stray quote inside an unquoted cell (12" screen) is just a character.
    relax_quotes: true,
  });
  let isStopped = false;
  let failure: unknown;
  // csv-parse counts both characters of a quoted \r\n as line breaks, and
  // reports the line where a record ends: both are corrected here, so that
  // every line number points where an editor shows the record.
  let overcount = 0;
  /** Physical line where the last record ended: a broken record starts after it. */
  let lastEnd = 0;
  parser.push = (record: unknown): boolean => {
    if (record === null || isStopped) return true;
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
    const line = parser.info.lines - overcount - chars;
    overcount += pairs;
    lastEnd = line + chars - pairs;
    try {
      if (onRecord(fields, line) === false) isStopped = true;
    } catch (error) {
      // Thrown inside csv-parse's loop it would be taken for a CSV error.
      failure = error;
      isStopped = true;
    }
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
      if (failure !== undefined) throw failure;
      bytes += chunk.length;
      onChunk?.(bytes, false);
      if (isStopped) return;
    }
    await end();
    if (failure !== undefined) throw failure;
    onChunk?.(bytes, true);
  } catch (error) {
    if (error instanceof CsvError) throw malformed(error, displayPath, lastEnd + 1);
    throw error;
  } finally {
    parser.destroy();
  }
}

/**
 * The quick reader, for a file without quotes: a record is a line, its
 * fields what the delimiter separates, empty lines are skipped. Line
 * breaks are those csv-parse discovers from the first one: \n, or \r\n
 * when the first line ends so; a carriage return anywhere else (csv-parse
 * would keep it in a field, or break lines on it) makes it give up with
 * ReadAgainWithCsvParse.
 */
async function readQuick(
  scan: FileScan,
  options: ReadCsvOptions,
  onRecord: RecordHandler,
  onChunk?: (bytes: number, isLast: boolean) => void,
): Promise<void> {
  const decoder = new TextDecoder(scan.encoding, { ignoreBOM: true });
  const { delimiter } = options;
  /** Undefined until the first line break; then whether lines end with \r\n. */
  let isCrlf = scan.hasCr ? undefined : false;
  let rest = '';
  let line = 1;
  let bytes = scan.bomLength;
  // A line as csv-parse sees it: the carriage return of a CRLF line goes.
  const emit = (text: string, lineBreak: boolean): boolean => {
    let end = text.length;
    if (scan.hasCr) {
      const cr = text.indexOf('\r');
      // The first carriage return is the last character: the only one.
      const endsWithCr = cr !== -1 && cr === text.length - 1;
      if (lineBreak && isCrlf === undefined) isCrlf = endsWithCr;
      if (lineBreak && isCrlf) {
        if (!endsWithCr) throw new ReadAgainWithCsvParse();
        end--;
      } else if (cr !== -1) {
        throw new ReadAgainWithCsvParse();
      }
    }
    const record = end === text.length ? text : text.slice(0, end);
    if (record.length === 0) return true;
    return onRecord(record.split(delimiter), line) !== false;
  };
  const stream = createReadStream(scan.path, {
    highWaterMark: READ_CHUNK_BYTES,
    start: scan.bomLength,
  });
  try {
    for await (const chunk of stream) {
      if (options.signal?.aborted) throw cancelled();
      const text = rest + decoder.decode(chunk as Buffer, { stream: true });
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        if (!emit(text.slice(start, nl), true)) return;
        line++;
        start = nl + 1;
      }
      rest = text.slice(start);
      bytes += (chunk as Buffer).length;
      onChunk?.(bytes, false);
    }
    const last = rest + decoder.decode();
    if (last.length > 0 && !emit(last, false)) return;
    onChunk?.(bytes, true);
  } finally {
    stream.destroy();
  }
}

function malformed(error: CsvError, displayPath: string, line: number): GoalsError {
  const what =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `a quote in the record that starts on line ${line} is never closed`
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
