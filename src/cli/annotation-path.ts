/**
 * GitHub attaches an annotation to a file by its path from the repository
 * root: the runner leaves a relative `file=` as it is, and makes an absolute
 * one relative to GITHUB_WORKSPACE. A path relative to the working directory
 * (`../goals.yaml` from a subfolder) attaches nowhere, so annotations name
 * files from GITHUB_WORKSPACE when it is set, else from the git repository
 * root, else from the working directory.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Io } from './io.js';

/** A function from a path as shown (relative to the working directory) to the path to annotate. */
export function annotationPathOf(io: Io): (file: string) => string {
  const root = io.env.GITHUB_WORKSPACE || gitRoot(io.cwd) || io.cwd;
  return (file) => {
    const absolute = resolve(io.cwd, file);
    const fromRoot = relative(resolve(io.cwd, root), absolute);
    // A file outside the repository cannot be attached; its absolute path at least says which it is.
    if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return absolute;
    return fromRoot.split(sep).join('/');
  };
}

/** The nearest folder upward that holds `.git` (a folder, or a file in a worktree). */
function gitRoot(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
