/**
 * Files are replaced, never half-written: the new text goes to a temporary
 * file beside the target, which is then renamed over it (or linked into
 * place when the target must not exist yet). A crash or Ctrl-C leaves
 * either the old file or the new one.
 */
import { randomUUID } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  linkSync,
  mkdirSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GoalsError } from '../core/errors.js';

export interface WriteOptions {
  /** Refuse to replace an existing file (GOALS_FILE_EXISTS), even one created meanwhile. */
  exclusive?: boolean;
}

/**
 * Stops a command before it asks anything when it could not write `path`
 * at the end: the file is read-only, or goals may not write the folder it is
 * (or would be) in. GOALS_FILE_NOT_WRITABLE names the path.
 */
export function assertWritable(path: string): void {
  const target = realTarget(path);
  let folder = dirname(target);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  for (const [place, isFolder] of [
    [target, false],
    [folder, true],
  ] as const) {
    if (!isFolder && !existsSync(place)) continue;
    try {
      accessSync(place, constants.W_OK);
    } catch (error) {
      throw notWritable(path, isFolder ? folder : undefined, error);
    }
  }
}

/** Creates the folder a file goes in, or says it may not. */
export function makeFolderFor(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw notWritable(path, dirname(path), error);
  }
}

export function writeFileAtomic(path: string, text: string, options: WriteOptions = {}): void {
  // Write through a symlink to the file it points at, keeping the link.
  const target = options.exclusive ? path : realTarget(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
  } catch (error) {
    throw notWritable(path, dirname(target), error);
  }
  try {
    if (options.exclusive) {
      try {
        linkSync(temp, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new GoalsError(
            'GOALS_FILE_EXISTS',
            `${target} already exists; it was left as it was.`,
            {
              hint: 'Edit it, or add goals with `goals new`.',
            },
          );
        }
        throw error;
      }
      return;
    }
    const mode = modeOf(target);
    if (mode !== undefined) chmodSync(temp, mode);
    try {
      renameSync(temp, target);
    } catch (error) {
      throw notWritable(path, dirname(target), error);
    }
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed into place.
    }
  }
}

/** GOALS_FILE_NOT_WRITABLE for a file (in a folder) that may not be written; other errors as they are. */
function notWritable(path: string, folder: string | undefined, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') return error;
  const where =
    code === 'EROFS'
      ? 'it is on a read-only file system'
      : folder === undefined
        ? 'the file is read-only'
        : `goals may not write the folder ${folder}`;
  return new GoalsError(
    'GOALS_FILE_NOT_WRITABLE',
    `Cannot write ${path}: ${where}. Nothing was changed.`,
    {
      hint: 'Run the command where you may write (or make the file or folder writable); -c PATH names another goals.yaml.',
      cause: error,
    },
  );
}

function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
}
