/**
 * `goals init`: creates goals.yaml (starting with the schema modeline and
 * `version: 1`) and goals.schema.json beside it, so editors complete the
 * file. Asks for the team, its time zone and fiscal year, its objectives,
 * and offers a first goal (the `goals new` coach); `--template NAME` writes
 * a starter set instead of asking. Never overwrites an existing goals.yaml.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { GoalsEdit } from '../../config/edit-goals.js';
import { createGoalsText } from '../../config/edit-goals.js';
import { CONFIG_NAMES } from '../../config/find-config.js';
import { parseGoals } from '../../config/load-goals.js';
import { buildJsonSchema } from '../../config/json-schema.js';
import type { ObjectiveInput } from '../../config/schema.js';
import {
  checkName,
  checkNewObjectiveId,
  checkTimeZone,
  parseObjectiveFlag,
  proposeObjectiveId,
} from '../../core/build-goal.js';
import type { Checked } from '../../core/build-goal.js';
import { MONTH_NAMES, isValidTimeZone } from '../../core/dates.js';
import { GoalsError } from '../../core/errors.js';
import { BUILTIN_METRICS } from '../../core/metrics.js';
import { sourceProvides } from '../../core/source-coverage.js';
import { suggest } from '../../core/suggest.js';
import { TEMPLATES } from '../../core/templates.js';
import type { CommandContext, ExitCode } from '../context.js';
import { coachGoal } from '../goal-coach.js';
import { checkEditedText, formatGoalPreview } from '../goals-edit.js';
import { historyOfProposal, offerRecordsSource } from '../records-source.js';
import type { ExportFlags } from '../records-source.js';
import type { ProjectPlace } from '../goals-edit.js';
import { resolveAsOf } from '../load-project.js';
import { createPrompter, missingAnswer } from '../prompts.js';
import type { Prompter } from '../prompts.js';
import { assertWritable, makeFolderFor, writeFileAtomic } from '../write-file-atomic.js';

export interface InitOptions extends ExportFlags {
  template?: string;
  team?: string;
  timezone?: string;
  fiscalYearStart?: string;
  objective?: string[];
  /** false with --no-input. */
  input?: boolean;
}

export async function initCommand(ctx: CommandContext, options: InitOptions): Promise<ExitCode> {
  const path = ctx.global.config
    ? resolve(ctx.io.cwd, ctx.global.config)
    : join(ctx.io.cwd, 'goals.yaml');
  const displayPath = relative(ctx.io.cwd, path) || path;
  refuseExisting(ctx, path, displayPath);
  assertWritable(path);

  if (options.template !== undefined) return writeTemplate(ctx, options, path, displayPath);

  const prompter = createPrompter(ctx.io, { noInput: options.input === false });
  // Piped or in CI, as `goals new` does: name what is missing rather than
  // write a file of defaults nobody chose; --no-input chooses them.
  if (!prompter.isInteractive && options.input !== false && !options.objective?.length) {
    throw missingAnswer(ctx.io, '--objective', {
      why: 'goals init would write default settings and no objectives',
      hint: 'Pass --objective id="What the team wants to achieve" (repeatable) with --team, --timezone and --fiscal-year-start as you need them; --no-input to take the defaults; --template customer-service for a starter set; or run it in a terminal to be asked.',
    });
  }
  const settings = await askSettings(ctx, prompter, options);
  const objectives = await askObjectives(ctx, prompter, options.objective ?? []);
  const text = createGoalsText({ ...settings, objectives });
  const place = placeFor(ctx, path, settings.timezone);
  const catalog = new Map(BUILTIN_METRICS.map((m) => [m.id, m]));

  const edits: GoalsEdit[] = [];
  // A helpdesk export to compute the metrics from: its source, and its
  // snapshots for the coach's baseline.
  const offered = await offerRecordsSource(
    ctx,
    prompter,
    {
      dir: place.dir,
      settings: parseGoals(text, displayPath, path).config.settings,
      catalog,
      sources: [],
    },
    options,
  );
  if (offered) edits.push({ kind: 'add', list: 'sources', item: offered.source });
  let goal: Record<string, unknown> | undefined;
  if (
    prompter.isInteractive &&
    (await prompter.confirm({ message: 'Add a first goal now?', default: true }))
  ) {
    const coached = await coachGoal(
      {
        prompter,
        chalk: ctx.chalkErr,
        catalog,
        objectives,
        goals: [],
        fiscalYearStart: settings.fiscalYearStart,
        asOf: place.asOf,
        historyOf: offered ? historyOfProposal(offered) : () => undefined,
        hasSource: (metric, segment) =>
          offered !== undefined && sourceProvides(offered.source, metric, segment, catalog),
      },
      {},
    );
    if (coached.newMetric) edits.push({ kind: 'add', list: 'metrics', item: coached.newMetric });
    if (coached.newObjective)
      edits.push({ kind: 'add', list: 'objectives', item: coached.newObjective });
    edits.push({ kind: 'add', list: 'goals', item: coached.goal });
    goal = coached.goal;
  }
  const checked = await checkEditedText(ctx, place, text, edits);
  if (goal) {
    ctx.io.stdout.write(formatGoalPreview(goal, checked, ctx.chalk));
    const confirmed = await prompter.confirm({
      message: `Create ${displayPath} with this goal?`,
      default: true,
    });
    if (!confirmed) {
      ctx.io.stderr.write('Nothing was written.\n');
      return 0;
    }
  }
  writeFiles(path, checked.text);
  const added = [
    ...(offered ? [`source '${offered.source.id}'`] : []),
    ...(goal ? [`goal '${String(goal.id)}'`] : []),
  ];
  ctx.io.stdout.write(
    `${ctx.chalk.green('✔')} Created ${displayPath} and ${relative(ctx.io.cwd, schemaPathOf(path)) || 'goals.schema.json'}` +
      `${added.length > 0 ? ` with ${added.join(' and ')}` : ''}.\n`,
  );
  if (!ctx.global.quiet) {
    ctx.io.stdout.write(
      offered
        ? goal
          ? `  Next: \`goals check\` reads ${offered.source.path} and shows where the goal stands; \`goals new\` adds another.\n`
          : `  Next: \`goals new\` adds a goal on what ${offered.source.path} gives, \`goals check\` shows where each one stands.\n`
        : '  Next: `goals new` adds a goal (one question per SMART letter), `goals validate` checks them.\n',
    );
  }
  return 0;
}

function refuseExisting(ctx: CommandContext, path: string, displayPath: string): void {
  const existing = ctx.global.config
    ? existsSync(path)
      ? path
      : undefined
    : CONFIG_NAMES.map((name) => join(dirname(path), name)).find((p) => existsSync(p));
  if (existing) {
    throw new GoalsError(
      'GOALS_FILE_EXISTS',
      `${relative(ctx.io.cwd, existing) || displayPath} already exists; \`goals init\` never overwrites it.`,
      { hint: 'Add goals to it with `goals new`, or run `goals init` in another folder.' },
    );
  }
}

async function writeTemplate(
  ctx: CommandContext,
  options: InitOptions,
  path: string,
  displayPath: string,
): Promise<ExitCode> {
  const name = options.template!;
  const template = TEMPLATES[name];
  if (!template) {
    const close = suggest(name, Object.keys(TEMPLATES));
    throw new GoalsError(
      'USAGE',
      `--template ${name}: there is no such template${close ? `; did you mean '${close}'?` : '.'}`,
      {
        hint: `Templates: ${Object.entries(TEMPLATES)
          .map(([id, t]) => `${id} (${t.description})`)
          .join('; ')}.`,
      },
    );
  }
  const timezone = flagValue('--timezone', options.timezone, checkTimeZone) ?? systemTimeZone();
  const fiscalYearStart =
    flagValue('--fiscal-year-start', options.fiscalYearStart, checkMonth) ?? 1;
  const place = placeFor(ctx, path, timezone);
  const text = template.build({ today: place.asOf, timezone, fiscalYearStart });
  const checked = await checkEditedText(ctx, place, text, []);
  writeFiles(path, checked.text);
  const goals = checked.result.goals;
  ctx.io.stdout.write(
    `${ctx.chalk.green('✔')} Created ${displayPath} (${goals.length} starter goals for ${template.description}) and goals.schema.json.\n`,
  );
  if (!ctx.global.quiet) {
    ctx.io.stdout.write(
      '  The baselines are typical values: put in your own, then `goals validate`; `goals new` adds more.\n',
    );
  }
  return 0;
}

/** goals.yaml first (refusing to replace one created meanwhile), then its schema beside it. */
function writeFiles(path: string, text: string): void {
  makeFolderFor(path);
  writeFileAtomic(path, text, { exclusive: true });
  writeFileAtomic(schemaPathOf(path), `${JSON.stringify(buildJsonSchema(), null, 2)}\n`);
}

function schemaPathOf(path: string): string {
  return join(dirname(path), 'goals.schema.json');
}

function placeFor(ctx: CommandContext, path: string, timezone: string): ProjectPlace {
  const dir = dirname(path);
  return {
    path,
    dir,
    asOf: resolveAsOf(ctx, timezone),
    isAsOfGiven: ctx.global.asOf !== undefined,
    dbPath: join(dir, '.goals/goals.db'),
  };
}

/** The system's time zone (Intl reads TZ and the OS settings). */
function systemTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

function checkMonth(text: string): Checked<number> {
  const month = Number(text.trim());
  return Number.isInteger(month) && month >= 1 && month <= 12
    ? { ok: true, value: month }
    : { ok: false, message: 'write the month the fiscal year starts in, 1-12 (4 = April).' };
}

function flagValue<T>(
  flag: string,
  given: string | undefined,
  check: (text: string) => Checked<T>,
): T | undefined {
  if (given === undefined) return undefined;
  const result = check(given);
  if (result.ok) return result.value;
  throw new GoalsError('USAGE', `${flag} ${given}: ${result.message}`);
}

async function askSettings(
  ctx: CommandContext,
  prompter: Prompter,
  options: InitOptions,
): Promise<{ team: string | undefined; timezone: string; fiscalYearStart: number }> {
  if (prompter.isInteractive) {
    prompter.note(
      ctx.chalkErr.dim(
        'A goals.yaml for your team: a few settings, what the team works towards, and a first goal.\nCtrl-C cancels; nothing is written until the end.',
      ),
    );
  }
  const team =
    options.team !== undefined
      ? flagValue('--team', options.team, (t) => checkName(t, 'the team'))
      : await ask(prompter, {
          flag: '--team',
          message: 'Team: whose goals are these? (optional, e.g. Customer Support EMEA)',
          default: '',
          check: (t) => (t.trim() === '' ? { ok: true, value: '' } : checkName(t, 'the team')),
        });
  const timezone =
    flagValue('--timezone', options.timezone, checkTimeZone) ??
    (await ask(prompter, {
      flag: '--timezone',
      message: 'Time zone: a date in goals.yaml means that day there',
      default: systemTimeZone(),
      check: checkTimeZone,
    }));
  const fiscalYearStart =
    flagValue('--fiscal-year-start', options.fiscalYearStart, checkMonth) ??
    (await prompter.select<number>({
      flag: '--fiscal-year-start',
      message: 'The fiscal year starts in (quarters count from it)',
      choices: MONTH_NAMES.map((name, i) => ({ value: i + 1, name })),
      default: 1,
    }));
  return { team: team || undefined, timezone, fiscalYearStart };
}

async function askObjectives(
  ctx: CommandContext,
  prompter: Prompter,
  flags: readonly string[],
): Promise<ObjectiveInput[]> {
  const objectives: ObjectiveInput[] = [];
  const ids = () => new Set(objectives.map((o) => o.id));
  for (const flag of flags) {
    const parsed = flagValue('--objective', flag, parseObjectiveFlag)!;
    if (parsed.title === undefined)
      throw new GoalsError(
        'USAGE',
        `--objective ${flag}: give it a title, id="What the team wants".`,
      );
    const id = flagValue('--objective', parsed.id, (t) => checkNewObjectiveId(t, ids()))!;
    objectives.push({ id, title: parsed.title });
  }
  if (flags.length > 0 || !prompter.isInteractive) return objectives;
  prompter.note(
    ctx.chalkErr.dim(
      'Objectives: what the team works towards this year; every goal serves one (Relevant).',
    ),
  );
  for (;;) {
    const title = await ask(prompter, {
      flag: '--objective',
      message: `Objective ${objectives.length + 1}: what does the team want to achieve? (e.g. Customers get help fast)`,
      check: (t) => checkName(t, 'the objective'),
    });
    const id = await ask(prompter, {
      flag: '--objective',
      message: 'Its id (short, used by goals)',
      default: proposeObjectiveId(title, ids()),
      check: (t) => checkNewObjectiveId(t, ids()),
    });
    objectives.push({ id, title });
    if (!(await prompter.confirm({ message: 'Add another objective?', default: false })))
      return objectives;
  }
}

async function ask<T>(
  prompter: Prompter,
  q: { flag: string; message: string; default?: string; check: (text: string) => Checked<T> },
): Promise<T> {
  const text = await prompter.text({
    flag: q.flag,
    message: q.message,
    ...(q.default !== undefined ? { default: q.default } : {}),
    validate: (t) => {
      const r = q.check(t);
      return r.ok ? true : r.message;
    },
  });
  return flagValue(q.flag, text, q.check)!;
}
