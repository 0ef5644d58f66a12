/**
 * `goals check --format markdown`: a summary and one table, for a pull
 * request comment or a GitHub job summary. Text from goals.yaml is escaped,
 * so a title cannot break the table or inject markup.
 */
import type { GoalEvaluation } from '../../core/evaluate-goal.js';
import type { GoalStatus } from '../../core/status.js';
import { statusLabel } from '../../core/status.js';
import { sanitizeLine } from '../../core/text.js';
import { formatMetricValue } from '../../core/format-value.js';
import {
  DASH,
  changeLines,
  failingText,
  formatStatusChange,
  formatValueChange,
  formatChance,
  formatCurrentToTarget,
  formatDaysLeft,
  formatProgressPair,
  groupByObjective,
  sampleLegend,
  sampleMarks,
  summaryText,
} from './goal-text.js';
import type { CheckResult, CheckedGoal } from './result.js';

export const EMOJI: Readonly<Record<GoalStatus, string>> = {
  achieved: '✅',
  'on-track': '🟢',
  'at-risk': '🟡',
  'off-track': '🔴',
  missed: '❌',
  'no-data': '⚪',
  'not-started': '⏳',
};

/** Markdown-escaped, single-line text from a user's file. */
export function escapeMarkdown(text: string): string {
  return sanitizeLine(text).replace(/[\\`*_[\]<>|#~&]/g, (ch) => `\\${ch}`);
}

/** `▼ was on track · −0.2 pp`: how the status and the value moved since --since. */
export function formatChangeCell(goal: CheckedGoal): string {
  return [formatStatusChange(goal), formatValueChange(goal)].filter(Boolean).join(' · ');
}

export function formatCheckMarkdown(result: CheckResult): string {
  let out = `## Goals as of ${result.asOf}\n\n`;
  out += `**${summaryText(result)}**`;
  if (result.stale > 0) out += ` · ⚠️ ${result.stale} stale`;
  out += '\n\n';
  const hasChance = result.goals.some((g) => g.evaluation.chance !== null);
  if (result.goals.length > 0) {
    const since = result.since ? ` Since ${result.since} |` : '';
    // As in the table: a Chance column only when some goal has a chance.
    const chance = hasChance ? (e: GoalEvaluation) => `${formatChance(e.chance)} | ` : () => '';
    out += `| Status | Goal | Now → target | Progress / expected | Forecast |${hasChance ? ' Chance |' : ''} Days left |${since}\n`;
    out += `| :-- | :-- | --: | --: | --: |${hasChance ? ' --: |' : ''} --: |${since ? ' :-- |' : ''}\n`;
    for (const group of groupByObjective(result)) {
      const objective = group.objective
        ? `**${escapeMarkdown(group.objective.id)}**${group.objective.title ? ` ${escapeMarkdown(group.objective.title)}` : ''}`
        : '**(no objective)**';
      out += `| ${EMOJI[group.worst]} | ${objective} | | | |${hasChance ? ' |' : ''} |${since ? ' |' : ''}\n`;
      for (const g of group.goals) {
        const e = g.evaluation;
        const status = `${EMOJI[e.status]} ${statusLabel(e.status)}${e.stale ? ' ⚠️ stale' : ''}`;
        const goal = `\`${e.id}\` ${escapeMarkdown(g.title)}`;
        const forecast = e.forecast === null ? DASH : formatMetricValue(e.forecast, e.unit);
        const change = since ? ` ${formatChangeCell(g)} |` : '';
        out += `| ${status} | ${goal} | ${formatCurrentToTarget(e, escapeMarkdown(sampleMarks(e, result.minSample)))} | ${formatProgressPair(e)} | ${forecast} | ${chance(e)}${formatDaysLeft(e)} |${change}\n`;
      }
    }
    out += '\n';
  }
  const legend = sampleLegend(result);
  if (legend.length > 0) out += `${legend.map(escapeMarkdown).join('  \n')}\n\n`;
  const changes = changeLines(result);
  if (changes.length > 0) out += `${changes.map(escapeMarkdown).join('  \n')}\n\n`;
  const failing = failingText(result);
  if (failing) out += `❌ ${escapeMarkdown(failing)}\n\n`;
  out += `<sub>\`goals check\` · ${escapeMarkdown(result.config)} · progress is the share of the way from baseline to target, against the share expected by ${result.asOf}${hasChance ? '; chance, that the target is met' : ''}</sub>\n`;
  return out;
}
