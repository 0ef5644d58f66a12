/**
 * `goals new`: the SMART coach (goal-coach.ts) adds one goal to goals.yaml —
 * asked one letter at a time, or given entirely by flags. The goal is shown
 * as YAML with its S/M/A/R/T grid, then appended keeping the file's comments
 * and layout. Ctrl-C at any question writes nothing (exit 130).
 */
import type { GoalsEdit } from '../../config/edit-goals.js';
import type { GoalInput, GoalType, SourceInput } from '../../config/schema.js';
import type { Segment } from '../../core/snapshot.js';
import { recordsCanGive, sourceProvides } from '../../core/source-coverage.js';
import type { CommandContext, ExitCode } from '../context.js';
import { coachGoal } from '../goal-coach.js';
import type { GoalFlags } from '../goal-coach.js';
import { checkEditedText, commitEdits, formatGoalPreview, lineOfGoal } from '../goals-edit.js';
import type { ProjectPlace } from '../goals-edit.js';
import { assertWritable } from '../write-file-atomic.js';
import { loadProject } from '../load-project.js';
import type { Project } from '../load-project.js';
import { openHistory, syncForValidate } from '../open-history.js';
import type { History } from '../open-history.js';
import { createPrompter } from '../prompts.js';
import { historyOfProposal, offerRecordsSource, wholePeriods } from '../records-source.js';
import type { ExportFlags, OfferedSource } from '../records-source.js';

export interface NewOptions extends GoalFlags, ExportFlags {
  yes?: boolean;
  /** false with --no-sync. */
  sync?: boolean;
  /** false with --no-input. */
  input?: boolean;
  type?: GoalType;
}

export async function newCommand(ctx: CommandContext, options: NewOptions): Promise<ExitCode> {
  const project = await loadProject(ctx);
  // Before any question: an answer that cannot be saved is a waste of time.
  assertWritable(project.loaded.path);
  const prompter = createPrompter(ctx.io, { noInput: options.input === false, yes: options.yes });
  const history = await historyFor(ctx, project, options.sync !== false);
  try {
    const { config, catalog } = project;
    const provides = (sources: readonly SourceInput[], metric: string, segment: Segment) =>
      sources.some((s) => sourceProvides(s, metric, segment, catalog));
    /** A helpdesk export added along the way, for a metric no source gives. */
    let offered: OfferedSource | undefined;
    const coached = await coachGoal(
      {
        prompter,
        chalk: ctx.chalkErr,
        catalog,
        objectives: config.objectives,
        goals: config.goals,
        fiscalYearStart: config.settings.fiscal_year_start,
        asOf: project.asOf,
        historyOf: (metric, segment) =>
          offered
            ? historyOfProposal(offered)(metric, segment)
            : history && wholePeriods(history.pointsOf(metric, segment)),
        hasSource: (metric, segment) =>
          provides(config.sources, metric, segment) ||
          (offered !== undefined && provides([offered.source], metric, segment)),
        offerSource: async (metric) => {
          // Asked only for a metric records can give that no source gives yet.
          const isOffered =
            options.export !== undefined ||
            (recordsCanGive(metric.id, catalog) && !provides(config.sources, metric.id, {}));
          if (!isOffered) return;
          offered = await offerRecordsSource(
            ctx,
            prompter,
            { dir: project.dir, settings: config.settings, catalog, sources: config.sources },
            options,
            { metric },
          );
        },
      },
      options,
    );
    const edits: GoalsEdit[] = [];
    if (offered) edits.push({ kind: 'add', list: 'sources', item: offered.source });
    if (coached.newMetric) edits.push({ kind: 'add', list: 'metrics', item: coached.newMetric });
    if (coached.newObjective)
      edits.push({ kind: 'add', list: 'objectives', item: coached.newObjective });
    edits.push({ kind: 'add', list: 'goals', item: coached.goal });

    const place = placeOf(project);
    const checked = await checkEditedText(ctx, place, project.loaded.text, edits);
    ctx.io.stdout.write(formatGoalPreview(coached.goal, checked, ctx.chalk));
    const confirmed = await prompter.confirm({
      message: `Add this goal to ${project.loaded.displayPath}?`,
      default: true,
    });
    if (!confirmed) {
      ctx.io.stderr.write('Nothing was written.\n');
      return 0;
    }
    const written = await commitEdits(ctx, place, edits);
    const line = lineOfGoal(written, coached.goal.id);
    ctx.io.stdout.write(
      `${ctx.chalk.green('✔')} Added goal '${coached.goal.id}'${offered ? ` and source '${offered.source.id}'` : ''} to ${project.loaded.displayPath}${line ? `:${line}` : ''}.\n`,
    );
    if (!ctx.global.quiet) {
      ctx.io.stdout.write(
        offered
          ? `  Next: \`goals check\` reads ${offered.source.path} and shows where it stands.\n`
          : nextSteps(project, coached.goal),
      );
    }
    return 0;
  } finally {
    history?.close();
  }
}

/**
 * The store, with the sources synced first as validate and check do, so the
 * baseline proposed is today's export (the store is a cache of the sources:
 * syncing it changes none of the user's files). A source that cannot be
 * read is a warning here, not a stop: the goal can be written without it.
 */
async function historyFor(
  ctx: CommandContext,
  project: Project,
  sync: boolean,
): Promise<History | undefined> {
  if (!sync || project.config.sources.length === 0)
    return openHistory(ctx, project, { sync: false });
  const { history, findings } = await syncForValidate(ctx, project, { mayCreate: true });
  if (findings.length > 0) {
    const { formatFindings } = await import('../../report/findings.js');
    ctx.io.stderr.write(
      formatFindings(
        findings.map((f) => ({ ...f, severity: 'warning' as const })),
        { chalk: ctx.chalkErr },
      ),
    );
  }
  return history;
}

/** Where goals.yaml is, for checking and writing the edited text. */
export function placeOf(project: Project): ProjectPlace {
  return {
    path: project.loaded.path,
    dir: project.dir,
    asOf: project.asOf,
    isAsOfGiven: project.isAsOfGiven,
    dbPath: project.dbPath,
  };
}

function nextSteps(project: Project, goal: GoalInput): string {
  const metric = goal.metric ?? '';
  const segment = Object.fromEntries(
    Object.entries(goal.segment ?? {}).map(([k, v]) => [k, String(v)]),
  );
  const hasData = project.config.sources.some((s) =>
    sourceProvides(s, metric, segment, project.catalog),
  );
  return hasData
    ? '  Next: `goals check` shows where it stands.\n'
    : `  Next: import data for ${metric} (\`goals import FILE\`, or map an export under sources:), then \`goals check\`.\n`;
}
