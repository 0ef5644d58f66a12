/**
 * `goals report --format markdown`: the report for a pull request or a chat
 * message — the summary, then per objective its goals with their figures, a
 * sparkline, the comparison with earlier periods and the ranked breakdowns.
 * Everything from the user's files is escaped.
 */
import { statusLabel } from '../../core/status.js';
import { sanitizeLine } from '../../core/text.js';
import { formatSparkline } from '../check/sparkline.js';
import { changeLines, groupByObjective, sampleLegend, summaryText } from '../check/goal-text.js';
import { EMOJI, escapeMarkdown } from '../check/markdown.js';
import {
  breakdownCells,
  goalFigures,
  goalSubtitle,
  periodRows,
  shownRanking,
  statusNotes,
} from './report-text.js';
import type { ReportGoal, ReportResult } from './result.js';

/** Snapshots in a sparkline. */
const SPARK_POINTS = 12;

export function formatReportMarkdown(result: ReportResult): string {
  let out = `# Goals report, ${result.asOf}\n\n`;
  out += `${escapeMarkdown(result.config)} · as of ${result.asOf}, compared with ${result.since}\n\n`;
  out += `**${summaryText(result)}**`;
  if (result.stale > 0) {
    const stale = result.goals.filter((g) => g.evaluation.stale).map((g) => g.evaluation.id);
    out += ` · ⚠️ ${result.stale} stale: ${stale.map(escapeMarkdown).join(', ')}`;
  }
  out += '\n\n';
  const legend = [...changeLines(result), ...sampleLegend(result)];
  if (legend.length > 0) out += `${legend.map(escapeMarkdown).join('  \n')}\n\n`;
  for (const group of groupByObjective(result)) {
    const o = group.objective;
    out += o
      ? `## ${EMOJI[group.worst]} ${escapeMarkdown(o.title || o.id)}\n\n`
      : `## ${EMOJI[group.worst]} Goals without an objective\n\n`;
    if (o) {
      const about = [
        `\`${escapeMarkdown(o.id)}\``,
        o.owner ? `owner ${escapeMarkdown(o.owner)}` : '',
      ];
      out += `${about.filter(Boolean).join(' · ')} · worst status: ${statusLabel(group.worst)}\n\n`;
    }
    for (const goal of group.goals) out += formatGoal(goal, result.minSample);
  }
  // A path with a backtick in it needs a longer fence around the code span.
  const command = sanitizeLine(result.command);
  const fence = command.includes('`') ? ['`` ', ' ``'] : ['`', '`'];
  out += `<sub>${fence[0]}${command}${fence[1]} reproduces this report</sub>\n`;
  return out;
}

function formatGoal(goal: ReportGoal, minSample: number): string {
  const e = goal.evaluation;
  let out = `### ${EMOJI[e.status]} ${escapeMarkdown(goal.title || e.id)}\n\n`;
  out += `\`${escapeMarkdown(e.id)}\` · ${escapeMarkdown(goalSubtitle(goal))}\n\n`;
  out += `${statusNotes(goal)
    .map((n) => `*${escapeMarkdown(n)}*`)
    .join('  \n')}\n\n`;
  const figures = goalFigures(goal, minSample);
  out += '| | | |\n| :-- | --: | :-- |\n';
  for (const f of figures) {
    out += `| ${escapeMarkdown(f.label)} | **${escapeMarkdown(f.value)}** | ${escapeMarkdown(f.note)} |\n`;
  }
  out += '\n';
  const recent = e.recent.slice(-SPARK_POINTS);
  if (recent.length >= 2) {
    out += `Trend \`${formatSparkline(recent.map((p) => p.value))}\` ${recent.length} snapshots, ${recent[0]!.date} to ${recent.at(-1)!.date}\n\n`;
  }
  if (goal.periods) {
    out += `| | Period | Value | Latest ${goal.periods.cadence} vs. it |\n| :-- | :-- | --: | --: |\n`;
    for (const row of periodRows(goal, goal.periods)) {
      out += `| ${row.label} | ${row.period} | ${escapeMarkdown(row.value)} | ${row.change} |\n`;
    }
    out += '\n';
  }
  for (const breakdown of goal.breakdowns) out += formatBreakdown(goal, breakdown);
  return out;
}

function formatBreakdown(goal: ReportGoal, breakdown: ReportGoal['breakdowns'][number]): string {
  const key = escapeMarkdown(breakdown.key);
  const since = goal.previous ? ` Since ${goal.previous.evaluation.asOf} |` : '';
  let out = `**By ${key}**, best first\n\n`;
  out += `| # | ${key} | Now | Date |${since} Target |\n| --: | :-- | --: | :-- |${since ? ' --: |' : ''} :-- |\n`;
  const { top, omitted, bottom } = shownRanking(breakdown.rows);
  const line = ({ rank, row }: (typeof top)[number]) => {
    const cells = breakdownCells(goal, row);
    const name = escapeMarkdown(row.name) + (row.isGoal ? ' (this goal)' : '');
    return `| ${rank} | ${row.isGoal ? `**${name}**` : name} | ${cells.value} | ${cells.date} |${since ? ` ${cells.change} |` : ''} ${cells.target} |\n`;
  };
  out += top.map(line).join('');
  if (omitted > 0) out += `| | … ${omitted} more | | |${since ? ' |' : ''} |\n`;
  out += bottom.map(line).join('');
  return `${out}\n`;
}
