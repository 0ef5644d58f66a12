/**
 * `goals check --format github`: workflow-command annotations on each goal's
 * line in goals.yaml — errors for goals that fail the check, warnings for
 * goals at risk, stale or (with --since) slipped — then the summary line. GitHub shows 10 of each;
 * the job summary (Markdown) carries the whole picture.
 */
import type { Annotation } from '../github-annotations.js';
import { formatAnnotations } from '../github-annotations.js';
import { statusLabel } from '../../core/status.js';
import { sanitizeLine } from '../../core/text.js';
import {
  changeLines,
  describeGoal,
  failureReason,
  failingText,
  formatChance,
  staleReason,
  statusMove,
  statusReason,
  summaryText,
} from './goal-text.js';
import type { CheckResult, CheckedGoal } from './result.js';

function annotationOf(
  goal: CheckedGoal,
  config: string,
  failBelowChance?: number,
): Annotation | undefined {
  const e = goal.evaluation;
  const where = { file: config, line: goal.line, column: goal.column };
  const details = describeGoal(goal).slice(2).join('\n');
  if (goal.failures.length > 0) {
    return {
      level: 'error',
      title: `${e.id}: ${goal.failures.map((f) => (f === 'stale' || f === 'slipped' ? f : f === 'chance' ? `chance ${formatChance(e.chance)}` : statusLabel(e.status))).join(', ')}`,
      message: `${sanitizeLine(goal.title)}\n${failureReason(goal, failBelowChance)}\n${details}`,
      ...where,
    };
  }
  const isSlipped = goal.previous?.change === 'slipped';
  if (e.status === 'at-risk' || e.stale || isSlipped) {
    const reasons = [
      ...(isSlipped ? [`slipped: ${statusMove(goal)}`] : []),
      ...(e.status === 'at-risk' ? [`at risk: ${statusReason(e)}`] : []),
      ...(e.stale ? [`stale: ${staleReason(e)}`] : []),
    ];
    const flags = [
      isSlipped ? 'slipped' : undefined,
      e.status === 'at-risk' ? 'at risk' : undefined,
      e.stale ? 'stale' : undefined,
    ];
    return {
      level: 'warning',
      title: `${e.id}: ${flags.filter(Boolean).join(', ')}`,
      message: `${sanitizeLine(goal.title)}\n${reasons.join('\n')}\n${details}`,
      ...where,
    };
  }
  return undefined;
}

/** `file` is goals.yaml as the runner can attach it (from the repository root). */
export function formatCheckAnnotations(result: CheckResult, file = result.config): string {
  return formatAnnotations(
    result.goals
      .map((g) => annotationOf(g, file, result.failBelowChance))
      .filter((a) => a !== undefined),
  );
}

export function formatCheckGithub(result: CheckResult, file = result.config): string {
  let out = formatCheckAnnotations(result, file);
  out += `${result.config}: ${summaryText(result)}${result.stale > 0 ? `; ${result.stale} stale` : ''}\n`;
  for (const line of changeLines(result)) out += `${line}\n`;
  const failing = failingText(result);
  if (failing) out += `${failing}\n`;
  return out;
}
