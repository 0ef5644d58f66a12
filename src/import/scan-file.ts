/**
 * One streaming pass over a file's bytes before it is parsed: its sha256
 * (so unchanged exports are skipped), its encoding (a BOM, else strict
 * UTF-8, else Windows-1252 with a warning) and the decoded text of its
 * first bytes, from which the delimiter is sniffed.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { GoalsError } from '../core/errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface FileScan {
  /** Absolute path. */
  path: string;
  bytes: number;
  sha256: string;
  encoding: Encoding;
  /** Bytes of the byte-order mark at the start (0 when none). */
  bomLength: number;
  /** How the encoding was decided, for --inspect and warnings. */
  encodingSource: 'declared' | 'bom' | 'valid utf-8' | 'fallback' | 'utf-16 without bom';
  /** Decoded text of the first HEAD_BYTES bytes (BOM removed). */
  head: string;
  /** No quote character anywhere, in an encoding whose ASCII bytes are ASCII: the quick reader reads it. */
  isQuoteFree: boolean;
  /** A carriage return somewhere (CRLF lines, or stray ones). */
  hasCr: boolean;
}

const HEAD_BYTES = 64 * 1024;
/** Small chunks keep each batch of rows short-lived: they die young, in V8's cheapest GC. */
export const READ_CHUNK_BYTES = 128 * 1024;

/** The encoding a byte-order mark announces, with the mark's length. */
export function encodingFromBom(
  head: Uint8Array,
): { encoding: Encoding; length: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * UTF-16 written without a BOM: most of its ASCII characters have a zero
 * byte beside them, which text in any 8-bit encoding never has.
 */
function guessBomlessUtf16(head: Uint8Array): Encoding | undefined {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Reads the file once: sha256, size, encoding and the decoded head.
 * Throws CSV_UNREADABLE for a missing, unreadable, empty or binary file.
 */
export async function scanFile(
  path: string,
  displayPath: string,
  declared?: Encoding,
): Promise<FileScan> {
  const size = Number(statFile(path, displayPath).size);
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  // Strict UTF-8 validation runs over the whole file: one bad byte near the end
  // would otherwise be decoded as U+FFFD without anyone noticing.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let isValidUtf8 = true;
  let hasQuote = false;
  let hasCr = false;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      hasQuote ||= bytes.includes(0x22);
      hasCr ||= bytes.includes(0x0d);
      if (headLength < HEAD_BYTES) {
        headChunks.push(bytes.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(bytes.length, HEAD_BYTES - headLength);
      }
      if (isValidUtf8 && declared === undefined) {
        try {
          utf8.decode(bytes, { stream: true });
        } catch {
          isValidUtf8 = false;
        }
      }
    }
    if (isValidUtf8 && declared === undefined) {
      try {
        utf8.decode();
      } catch {
        isValidUtf8 = false;
      }
    }
  } catch (error) {
    throw unreadable(displayPath, error);
  }
  const head = Buffer.concat(headChunks);
  if (size === 0 || head.length === 0) {
    throw new GoalsError('CSV_UNREADABLE', `${displayPath} is empty.`, {
      hint: 'Export the data again: the file has no header and no rows.',
    });
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    throw new GoalsError(
      'CSV_UNREADABLE',
      `${displayPath} is a spreadsheet workbook (.xlsx or another zip file), not CSV.`,
      { hint: 'Open it in your spreadsheet and save it as "CSV UTF-8", then import that file.' },
    );
  }
  const bom = encodingFromBom(head);
  let encoding: Encoding;
  let encodingSource: FileScan['encodingSource'];
  if (declared !== undefined) {
    encoding = declared;
    encodingSource = 'declared';
  } else if (bom) {
    encoding = bom.encoding;
    encodingSource = 'bom';
  } else {
    const utf16 = guessBomlessUtf16(head);
    if (utf16) {
      encoding = utf16;
      encodingSource = 'utf-16 without bom';
    } else if (isValidUtf8) {
      encoding = 'utf-8';
      encodingSource = 'valid utf-8';
    } else {
      encoding = 'windows-1252';
      encodingSource = 'fallback';
    }
  }
  const bomLength = bom && bom.encoding === encoding ? bom.length : 0;
  if (encoding === 'utf-8' && head.subarray(bomLength).includes(0)) {
    throw new GoalsError(
      'CSV_UNREADABLE',
      `${displayPath} is not a text file (it contains zero bytes).`,
      {
        hint: 'Export the data as CSV; if it is UTF-16 text, pass --encoding utf-16le.',
      },
    );
  }
  const headText = new TextDecoder(encoding, { ignoreBOM: true }).decode(head.subarray(bomLength), {
    stream: true,
  });
  return {
    path,
    bytes: size,
    sha256: hash.digest('hex'),
    encoding,
    bomLength,
    encodingSource,
    head: headText,
    isQuoteFree: !hasQuote && (encoding === 'utf-8' || encoding === 'windows-1252'),
    hasCr,
  };
}

/** The file's stat; CSV_UNREADABLE for a missing or unreadable file or a folder. */
export function statFile(path: string, displayPath: string): BigIntStats {
  let stats: BigIntStats;
  try {
    stats = statSync(path, { bigint: true });
  } catch (error) {
    throw unreadable(displayPath, error);
  }
  if (stats.isDirectory()) {
    throw new GoalsError('CSV_UNREADABLE', `${displayPath} is a folder, not a CSV file.`, {
      hint: 'Give the path of the export itself.',
    });
  }
  return stats;
}

/**
 * How long after a file's last change its stat is trusted to show the next
 * change: timestamps are coarse (FAT keeps 2 s, others a clock tick), so a
 * file changed again within that window after being read can keep the very
 * same times. Git's index calls such entries "racily clean".
 */
export const RACY_WINDOW_MS = 3000;

/** 'size mtime_ns ctime_ns inode': what a sync compares instead of reading the file. */
export function statKey(stats: BigIntStats): string {
  return `${stats.size} ${stats.mtimeNs} ${stats.ctimeNs} ${stats.ino}`;
}

/**
 * Whether a file changed less than RACY_WINDOW_MS before `nowMs` (a read
 * starting then, by the wall clock the file system stamps times with): a
 * change made right after the read could keep the same stat, so the stat
 * recorded by this read may not be trusted and the next sync hashes the file.
 */
export function isRacy(stats: BigIntStats, nowMs: number): boolean {
  const changedNs = stats.mtimeNs > stats.ctimeNs ? stats.mtimeNs : stats.ctimeNs;
  return Number(changedNs / 1_000_000n) + RACY_WINDOW_MS >= nowMs;
}

function unreadable(displayPath: string, error: unknown): GoalsError {
  const code = (error as { code?: string }).code;
  const reason =
    code === 'ENOENT'
      ? 'it does not exist'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : (error as Error).message;
  return new GoalsError('CSV_UNREADABLE', `Cannot read ${displayPath}: ${reason}.`, {
    hint:
      code === 'ENOENT'
        ? 'Check the path (it is relative to the working directory, or to goals.yaml for sources:).'
        : 'Check that you may read the file.',
    cause: error,
  });
}
