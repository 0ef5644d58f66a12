import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GoalsError } from '../core/errors.js';

export const CONFIG_NAMES = ['goals.yaml', 'goals.yml'] as const;

/**
 * The goals file: `-c PATH` when given, else the nearest goals.yaml (or
 * goals.yml) in the working directory or one of its parents.
 */
export function findConfig(cwd: string, explicit?: string): string {
  if (explicit) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) {
      throw new GoalsError(
        'GOALS_FILE_NOT_FOUND',
        file === explicit ? `Cannot find ${file}.` : `Cannot find ${explicit} (looked at ${file}).`,
        {
          hint: 'Check the path given to -c/--config.',
        },
      );
    }
    if (statSync(file).isDirectory()) {
      for (const name of CONFIG_NAMES) {
        if (existsSync(join(file, name))) return join(file, name);
      }
      throw new GoalsError(
        'GOALS_FILE_NOT_FOUND',
        `${explicit} is a folder with no goals.yaml in it.`,
        {
          hint: 'Pass the file itself: -c path/to/goals.yaml.',
        },
      );
    }
    return file;
  }
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return file;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new GoalsError(
    'GOALS_FILE_NOT_FOUND',
    `No goals.yaml in ${resolve(cwd)} or any folder above it.`,
    { hint: 'Run `goals init` to create one, or pass -c path/to/goals.yaml.' },
  );
}
