/**
 * The last step of `goals init`, `new` and `plan`: the edits applied to the
 * text of goals.yaml, the result checked exactly as `goals validate` checks
 * it, shown, and written atomically — only after every question.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { applyEdits, stringifyGoal } from '../config/edit-goals.js';
import type { GoalsEdit } from '../config/edit-goals.js';
import { catalogOf } from '../config/metric-catalog.js';
import { parseGoals } from '../config/load-goals.js';
import { GoalsError } from '../core/errors.js';
import { LETTERS } from '../core/smart.js';
import type { Grade } from '../core/smart.js';
import { formatFindings } from '../report/findings.js';
import type { ValidateResult } from '../report/validate/result.js';
import { validateProject } from './commands/validate.js';
import type { CommandContext } from './context.js';
import type { Project } from './load-project.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Where goals.yaml is and how it is evaluated; the parts of a Project that do not depend on its text. */
export type ProjectPlace = Omit<Project, 'loaded' | 'config' | 'catalog'> & { path: string };

export interface CheckedText {
  text: string;
  result: ValidateResult;
}

/**
 * Applies the edits and validates the whole result as `goals validate`
 * would. Errors stop the command (exit 2, nothing written): the coach
 * checks every answer, so only a rule raised to `error` in settings.rules
 * can get here.
 */
export async function checkEditedText(
  ctx: CommandContext,
  place: ProjectPlace,
  text: string,
  edits: readonly GoalsEdit[],
): Promise<CheckedText> {
  const edited = applyEdits(text, edits);
  const displayPath = relative(ctx.io.cwd, place.path) || place.path;
  const loaded = parseGoals(edited, displayPath, place.path);
  const project: Project = {
    ...place,
    loaded,
    config: loaded.config,
    catalog: catalogOf(loaded.config.metrics),
  };
  const result = await validateProject(ctx, project, false);
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new GoalsError(
      'GOALS_FILE_INVALID',
      `With this change ${displayPath} would not validate; nothing was written.`,
      {
        hint: 'The rules above are set to error in settings.rules of goals.yaml; change the answers, or the rule levels.',
        findings: errors,
      },
    );
  }
  return { text: edited, result };
}

const MARK: Record<Grade, string> = { pass: '✔', warn: '▲', fail: '✖' };

/** A goal as YAML, its S/M/A/R/T grid and the warnings on it, as `goals validate` sees it. */
export function formatGoalPreview(
  goal: Record<string, unknown>,
  checked: CheckedText,
  chalk: ChalkInstance,
): string {
  const id = String(goal.id);
  const graded = checked.result.goals.find((g) => g.id === id);
  const paint = (g: Grade) =>
    g === 'pass' ? chalk.green(MARK[g]) : g === 'warn' ? chalk.yellow(MARK[g]) : chalk.red(MARK[g]);
  let out = `\n${stringifyGoal(goal)
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n')}`;
  if (graded)
    out += `\n  ${LETTERS.map((l) => `${chalk.bold(l)} ${paint(graded.smart[l])}`).join('  ')}\n`;
  const findings = checked.result.findings.filter((f) => f.goal === id);
  if (findings.length > 0) out += `\n${formatFindings(findings, { chalk })}`;
  return out;
}

/**
 * Writes the edits: the file is read again, so a change someone saved
 * while the questions were asked is kept, the edits applied to it,
 * checked, and the result renamed into place.
 */
export async function commitEdits(
  ctx: CommandContext,
  place: ProjectPlace,
  edits: readonly GoalsEdit[],
): Promise<CheckedText> {
  let text: string;
  try {
    text = readFileSync(place.path, 'utf8');
  } catch (error) {
    throw new GoalsError(
      'GOALS_FILE_UNREADABLE',
      `Cannot read ${place.path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const checked = await checkEditedText(ctx, place, text, edits);
  writeFileAtomic(place.path, checked.text);
  return checked;
}

/** The line a goal starts on in the checked text, for "added at goals.yaml:42". */
export function lineOfGoal(checked: CheckedText, id: string): number | undefined {
  return checked.result.goals.find((g) => g.id === id)?.line;
}
