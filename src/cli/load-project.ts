/**
 * What every command needs first: the goals file found and read, its metric
 * catalog, the evaluation date and where the store lives.
 */
import { dirname, resolve } from 'node:path';
import { findConfig } from '../config/find-config.js';
import { catalogOf } from '../config/metric-catalog.js';
import { loadGoalsCached } from '../config/goals-cache.js';
import type { LoadedGoals } from '../config/load-goals.js';
import type { GoalsFile } from '../config/schema.js';
import { parseIsoDate, todayIn } from '../core/dates.js';
import type { IsoDate } from '../core/dates.js';
import { GoalsError } from '../core/errors.js';
import type { MetricDefinition } from '../core/metrics.js';
import type { CommandContext } from './context.js';

export interface Project {
  loaded: LoadedGoals;
  config: GoalsFile;
  catalog: Map<string, MetricDefinition>;
  /** Folder of goals.yaml: relative paths in it are relative to this. */
  dir: string;
  asOf: IsoDate;
  /** Whether --as-of was given (else asOf is today in settings.timezone). */
  isAsOfGiven: boolean;
  dbPath: string;
}

/**
 * Loads goals.yaml. Unless `allowInvalid` (validate reports them itself), a
 * file with errors stops the command with exit 2 and every finding shown.
 */
export async function loadProject(
  ctx: CommandContext,
  options: { allowInvalid?: boolean } = {},
): Promise<Project> {
  const path = findConfig(ctx.io.cwd, ctx.global.config);
  const loaded = await loadGoalsCached(path, ctx.io.cwd);
  const errors = loaded.findings.filter((f) => f.severity === 'error');
  if (!options.allowInvalid && errors.length > 0) {
    throw new GoalsError(
      'GOALS_FILE_INVALID',
      `${loaded.displayPath} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; nothing was evaluated.`,
      {
        hint: 'Fix what is listed above (`goals validate` shows every finding).',
        findings: errors,
      },
    );
  }
  const config = loaded.config;
  const dir = dirname(path);
  const asOf = resolveAsOf(ctx, config.settings.timezone);
  const dbPath = ctx.global.db
    ? resolve(ctx.io.cwd, ctx.global.db)
    : ctx.io.env.GOALS_DB
      ? resolve(ctx.io.cwd, ctx.io.env.GOALS_DB)
      : resolve(dir, config.settings.database);
  return {
    loaded,
    config,
    catalog: catalogOf(config.metrics),
    dir,
    asOf,
    isAsOfGiven: ctx.global.asOf !== undefined,
    dbPath,
  };
}

export function resolveAsOf(ctx: CommandContext, timezone: string): IsoDate {
  if (ctx.global.asOf === undefined) return todayIn(timezone, ctx.io.now());
  const date = parseIsoDate(ctx.global.asOf);
  if (!date) {
    throw new GoalsError('USAGE', `--as-of ${ctx.global.asOf} is not a date.`, {
      hint: 'Write it as YYYY-MM-DD, a real day from 1900 to 2999, e.g. --as-of 2026-08-20.',
    });
  }
  return date;
}
