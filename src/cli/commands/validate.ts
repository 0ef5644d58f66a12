/**
 * `goals validate`: schema findings and SMART rules for every goal, a grid
 * per goal; exit 1 when any finding is an error.
 */
import type { Finding } from '../../core/finding.js';
import { compareFindings, countFindings } from '../../core/finding.js';
import { checkSmart, gradeGoal } from '../../core/smart.js';
import type { SmartLetter } from '../../core/rules/rule.js';
import { sourceProvides } from '../../core/source-coverage.js';
import { suggest } from '../../core/suggest.js';
import { formatValidateTable } from '../../report/validate/table.js';
import { formatValidateJson } from '../../report/validate/json.js';
import { formatValidateGithub } from '../../report/validate/github.js';
import type { ValidateResult } from '../../report/validate/result.js';
import type { CommandContext, ExitCode } from '../context.js';
import { annotationPathOf } from '../annotation-path.js';
import { terminalWidth } from '../io.js';
import { loadProject } from '../load-project.js';
import type { Project } from '../load-project.js';
import { openHistory, syncForValidate } from '../open-history.js';
import type { History } from '../open-history.js';

interface ValidateOptions {
  format: 'table' | 'json' | 'github';
  sync: boolean;
}

export async function validateCommand(
  ctx: CommandContext,
  options: ValidateOptions,
): Promise<ExitCode> {
  const project = await loadProject(ctx, { allowInvalid: true });
  const result = await validateProject(ctx, project, options.sync);
  const out =
    options.format === 'json'
      ? formatValidateJson(result)
      : options.format === 'github'
        ? formatValidateGithub(result, annotationPathOf(ctx.io))
        : formatValidateTable(result, {
            chalk: ctx.chalk,
            width: terminalWidth(ctx.io),
            quiet: ctx.global.quiet ?? false,
          });
  ctx.io.stdout.write(out);
  return result.summary.errors > 0 ? 1 : 0;
}

/** Letters of schema findings: by the key they are about. */
const KEY_LETTER: Record<string, SmartLetter> = {
  title: 'S',
  owner: 'S',
  metric: 'S',
  segment: 'S',
  type: 'S',
  target: 'M',
  baseline: 'M',
  objective: 'R',
  start: 'T',
  deadline: 'T',
  milestones: 'T',
};

export async function validateProject(
  ctx: CommandContext,
  project: Project,
  sync: boolean,
): Promise<ValidateResult> {
  const { loaded, config, catalog } = project;
  let history: History | undefined;
  let sourceFindings: Finding[] = [];
  if (sync && config.sources.length > 0) {
    ({ history, findings: sourceFindings } = await syncForValidate(ctx, project));
  } else if (config.goals.length > 0) {
    history = await openHistory(ctx, project, { sync: false });
  }
  try {
    const smart = checkSmart({
      goals: config.goals,
      objectives: new Set(config.objectives.map((o) => o.id)),
      catalog,
      fiscalYearStart: config.settings.fiscal_year_start,
      levels: config.settings.rules,
      historyOf: (goal) =>
        history && goal.metric ? history.pointsOf(goal.metric.id, goal.segment) : undefined,
      hasSource: (goal) =>
        goal.metric !== undefined &&
        config.sources.some((s) => sourceProvides(s, goal.metric!.id, goal.segment, catalog)),
    });
    const findings: Finding[] = [...loaded.findings, ...sourceFindings];
    const perGoal = new Map<
      number,
      Array<{ letter: SmartLetter; severity: 'error' | 'warning' }>
    >();
    const note = (fileIndex: number, letter: SmartLetter, severity: 'error' | 'warning') => {
      const list = perGoal.get(fileIndex) ?? [];
      list.push({ letter, severity });
      perGoal.set(fileIndex, list);
    };
    const invalidKeys = new Set(
      loaded.findings
        .filter((f) => f.path?.[0] === 'goals')
        .map((f) => `${f.path![1]}/${f.path![2]}`),
    );
    for (const f of smart) {
      const fileIndex = loaded.goalIndexes[f.goalIndex]!;
      if (f.rule.absentKey && invalidKeys.has(`${fileIndex}/${f.rule.absentKey}`)) continue;
      findings.push({
        severity: f.severity,
        rule: f.rule.id,
        goal: f.goalId,
        message: f.message,
        hint: f.hint,
        file: loaded.displayPath,
        ...loaded.positionOf(['goals', fileIndex, ...f.path]),
        path: ['goals', fileIndex, ...f.path],
      });
      note(fileIndex, f.rule.letter, f.severity);
    }
    // Schema findings inside a goal count against the letter of their key.
    for (const f of loaded.findings) {
      if (f.path?.[0] !== 'goals' || typeof f.path[1] !== 'number' || f.severity !== 'error')
        continue;
      const key = f.path[2];
      const close =
        typeof key === 'string'
          ? (KEY_LETTER[key] ?? KEY_LETTER[suggest(key, Object.keys(KEY_LETTER)) ?? ''])
          : undefined;
      note(f.path[1], close ?? 'S', 'error');
    }
    const rawGoals = loaded.rawGoals;
    findings.sort(compareFindings);
    const goals = rawGoals.flatMap((g, index) =>
      g.closed
        ? []
        : [{ id: g.id, title: g.title, line: g.line, smart: gradeGoal(perGoal.get(index) ?? []) }],
    );
    const counts = countFindings(findings);
    return {
      config: loaded.displayPath,
      findings,
      goals,
      summary: { goals: goals.length, errors: counts.errors, warnings: counts.warnings },
      closed: rawGoals.length - goals.length,
      sources: new Map([[loaded.displayPath, loaded.text]]),
    };
  } finally {
    history?.close();
  }
}
