/**
 * goals.yaml, read once per change. Parsing the YAML and checking it against
 * the schema is most of what `goals check` costs on a file of hundreds of
 * goals (the yaml and zod modules alone take longer to load than the rest),
 * so the result — configuration, findings and the position of every key —
 * is kept in `.goals/goals-yaml.cache.json` beside goals.yaml, keyed by the
 * file's bytes, this build of goals and Node's time zone data (docs/store.md).
 * A run whose goals.yaml is unchanged reads that instead and never loads yaml
 * or zod. The cache is
 * only a copy: unreadable, stale or missing, the file is parsed again, and
 * it is written only where a `.goals` folder already exists and may be
 * written.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GoalsError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { LoadedGoals, Position, PositionTree, YamlPath } from './load-goals.js';

/** Larger goals files are refused: a real one is a few hundred KiB at most. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** Bumped when what is cached changes shape. */
const CACHE_FORMAT = 1;

/** The text of goals.yaml and how it is shown; GOALS_FILE_TOO_LARGE or GOALS_FILE_UNREADABLE. */
export function readGoalsFile(path: string, cwd: string): { text: string; displayPath: string } {
  const displayPath = relative(cwd, path) || path;
  try {
    const size = statSync(path).size;
    if (size > MAX_CONFIG_BYTES) {
      throw new GoalsError(
        'GOALS_FILE_TOO_LARGE',
        `${displayPath} is ${(size / 1024 / 1024).toFixed(1)} MiB; goals files over ${MAX_CONFIG_BYTES / 1024 / 1024} MiB are refused.`,
        { hint: 'Keep goals in goals.yaml and data in CSV exports (sources:).' },
      );
    }
    return { text: readFileSync(path, 'utf8'), displayPath };
  } catch (error) {
    if (error instanceof GoalsError) throw error;
    throw new GoalsError(
      'GOALS_FILE_UNREADABLE',
      `Cannot read ${displayPath}: ${(error as Error).message}`,
      {
        hint: 'Check that the file exists and that you may read it.',
        cause: error,
      },
    );
  }
}

/** Loads goals.yaml as loadGoals does, from the cache when its bytes are unchanged. */
export async function loadGoalsCached(path: string, cwd: string): Promise<LoadedGoals> {
  const { text, displayPath } = readGoalsFile(path, cwd);
  const file = cacheFileOf(path);
  const key = cacheKey(text);
  const cached = readCache(file, key);
  if (cached) return fromCache(cached, { path, displayPath, text });
  const { parseGoals } = await import('./load-goals.js');
  const loaded = parseGoals(text, displayPath, path);
  writeCache(file, key, loaded);
  return loaded;
}

/**
 * The offset of a path in the document, from the tree of key positions: a
 * path that does not exist (a missing key) gives its nearest existing parent's.
 */
export function offsetIn(tree: PositionTree, path: YamlPath): number | undefined {
  let node = tree;
  for (const key of path) {
    const child = node.k
      ? Object.hasOwn(node.k, String(key))
        ? node.k[String(key)]
        : undefined
      : node.i && typeof key === 'number'
        ? node.i[key]
        : undefined;
    if (!child) break;
    node = child;
  }
  return node.o;
}

/**
 * Line and column (1-based) of an offset, counted in the text itself: yaml's
 * LineCounter misses the line breaks inside a token it could not parse, and
 * then places later errors on the wrong line.
 */
export function positionsIn(source: string): (offset: number) => Position {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

interface CachedGoals {
  key: string;
  config: LoadedGoals['config'];
  goalIndexes: number[];
  rawGoals: LoadedGoals['rawGoals'];
  /** Findings, without their file (shown relative to the working directory). */
  findings: Array<Omit<Finding, 'file'>>;
  positions: PositionTree;
}

function cacheFileOf(path: string): string {
  return join(dirname(path), '.goals', 'goals-yaml.cache.json');
}

/** The bytes, under this build of goals and this Node's ICU (which decides which time zones exist). */
function cacheKey(text: string): string {
  const { node, icu, tz } = process.versions;
  return createHash('sha256')
    .update(`${CACHE_FORMAT} ${node} ${icu} ${tz}\n`)
    .update(buildStampOf(fileURLToPath(new URL('..', import.meta.url))))
    .update(text)
    .digest('hex');
}

/**
 * Every file of a build (`dist/`) by path, size, modification and change
 * time: a build rewrites them all, an install writes new ones, and a change
 * time cannot be set back, so a parse by other code is never taken for this
 * one's. Costs a stat per file, a few milliseconds.
 */
export function buildStampOf(root: string): string {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const { size, mtimeMs, ctimeMs } = statSync(path);
      return `${relative(root, path)} ${size} ${mtimeMs} ${ctimeMs}\n`;
    })
    .sort()
    .join('');
}

function readCache(file: string, key: string): CachedGoals | undefined {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CachedGoals;
    return cached.key === key ? cached : undefined;
  } catch {
    return undefined;
  }
}

function fromCache(
  cached: CachedGoals,
  file: { path: string; displayPath: string; text: string },
): LoadedGoals {
  const at = positionsIn(file.text.replace(/^\uFEFF/, ''));
  return {
    ...file,
    config: cached.config,
    goalIndexes: cached.goalIndexes,
    rawGoals: cached.rawGoals,
    findings: cached.findings.map((f) => ({ ...f, file: file.displayPath })),
    positions: cached.positions,
    positionOf: (path) => {
      const offset = offsetIn(cached.positions, path);
      return offset === undefined ? { line: 1, column: 1 } : at(offset);
    },
  };
}

/** Written beside the store only when its folder exists; never fails the command. */
function writeCache(file: string, key: string, loaded: LoadedGoals): void {
  if (!existsSync(dirname(file)) || !isJsonSafe(loaded.config)) return;
  const cached: CachedGoals = {
    key,
    config: loaded.config,
    goalIndexes: loaded.goalIndexes,
    rawGoals: loaded.rawGoals,
    findings: loaded.findings.map(({ file: _file, ...f }) => f),
    positions: loaded.positions,
  };
  const temp = `${file}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(cached));
    renameSync(temp, file);
  } catch {
    // A read-only folder, a full disk: the next run parses the file again.
    try {
      unlinkSync(temp);
    } catch {
      // Never written.
    }
  }
}

/** Whether a value comes back from JSON as it went in (no Date, Infinity, NaN …). */
function isJsonSafe(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (Array.isArray(value)) return value.every((v) => v !== undefined && isJsonSafe(v));
      if (
        Object.getPrototypeOf(value) !== Object.prototype &&
        Object.getPrototypeOf(value) !== null
      )
        return false;
      return Object.values(value).every(isJsonSafe);
    default:
      return false;
  }
}
