/**
 * Files are replaced, never half-written: the new text goes to a temporary
 * file beside the target, which is then renamed over it (or linked into
 * place when the target must not exist yet). A crash or Ctrl-C leaves
 * either the old file or the new one.
 */
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  linkSync,
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

export function writeFileAtomic(path: string, text: string, options: WriteOptions = {}): void {
  // Write through a symlink to the file it points at, keeping the link.
  const target = options.exclusive ? path : realTarget(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
  writeFileSync(temp, text, { flag: 'wx' });
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
    renameSync(temp, target);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed into place.
    }
  }
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
