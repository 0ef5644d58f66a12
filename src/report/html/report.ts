/**
 * `goals report --format html` (DESIGN §12 "Report"): one self-contained
 * page — inline CSS and SVG, no script, font, image or request of any kind —
 * that opens from a file:// URL or an email attachment, prints a page per
 * objective, follows dark mode and fits a phone. The summary first (counts,
 * slips, stale data, an overview of every goal), then per objective its
 * goals, each with its chart, figures, periods and breakdowns. Everything
 * from the user's files is escaped.
 */
import { GOAL_TYPES } from '../../core/compare.js';
import { addDays, daysBetween } from '../../core/dates.js';
import { formatMetricValue } from '../../core/format-value.js';
import { formatSegment } from '../../core/snapshot.js';
import { STATUS_REPORT_ORDER, statusLabel } from '../../core/status.js';
import { plural } from '../findings.js';
import {
  changeLines,
  formatCurrentToTarget,
  formatProgressPair,
  formatStatusChange,
  formatInterval,
  formatTarget,
  groupByObjective,
  sampleLegend,
  sampleMarks,
} from '../check/goal-text.js';
import type { ObjectiveGroup } from '../check/goal-text.js';
import {
  breakdownCells,
  goalFigures,
  goalSubtitle,
  periodRows,
  shownRanking,
  statusNotes,
} from '../goals-report/report-text.js';
import type { ReportBreakdown, ReportGoal, ReportResult } from '../goals-report/result.js';
import { renderChart } from './chart.js';
import type { ChartInput } from './chart.js';
import { escapeHtml as esc } from './escape.js';
import { REPORT_CSS } from './style.js';

export interface HtmlOptions {
  /** `goals 0.1.0`, in the page's generator tag. */
  generator: string;
}

export function formatReportHtml(result: ReportResult, options: HtmlOptions): string {
  const title = `Goals report, ${result.asOf}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="${esc(options.generator)}">
<title>${esc(`${title} · ${result.config}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="meta">${esc(result.config)} · as of ${prose(result.asOf)}, compared with ${prose(result.since)}</p>
</header>
<main>
${summary(result)}
${groupByObjective(result)
  .map((group) => objective(group, result.minSample))
  .join('\n')}
</main>
<footer><p><code>${esc(result.command)}</code> reproduces this report from the same snapshots. Progress is the share of the way from baseline to target; the expected path runs from the baseline at the start through the milestones to the target at the deadline.</p></footer>
</body>
</html>
`;
}

/** One value with its unit: `72 %`, `−0.2 pp`, `2 h 55 m`, `−11 m 15 s/week`. */
const ONE_VALUE = String.raw`[−+±]?\d[\d,.]*\s(?:%|pp|[hms])(?:\s\d[\d,.]*\s[hms])*(?:/week)?(?!\w)`;
/** A value or a range of two: `81.7 %–86.2 %`. */
const VALUE = new RegExp(`${ONE_VALUE}(?:–${ONE_VALUE})?`, 'g');

/**
 * Escaped text whose dates are <time> elements and whose values are kept
 * with their units, both on one line (the stylesheet): a narrow card breaks
 * `80 % interval 68.5 %–71.8 %` or `expected 51 % by 2026-11-16` between
 * words, never inside `68.5 %` or at a date's hyphens.
 */
function prose(text: string): string {
  return esc(text)
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<time>$&</time>')
    .replace(VALUE, '<span class="nb">$&</span>');
}

function anchor(goal: ReportGoal): string {
  return `goal-${esc(goal.evaluation.id)}`;
}

/** A status pill: its colour and its words (the terminal's glyphs would read as ▲ improved here). */
function badge(status: ReportGoal['evaluation']['status']): string {
  return `<span class="status ${status}">${esc(statusLabel(status))}</span>`;
}

function summary(result: ReportResult): string {
  const counts = STATUS_REPORT_ORDER.filter((s) => result.summary[s] > 0)
    .map((s) => `<li class="${s}"><strong>${result.summary[s]}</strong>${esc(statusLabel(s))}</li>`)
    .join('');
  const stale = result.goals.filter((g) => g.evaluation.stale);
  const notes = [
    ...changeLines(result).map((line) => {
      const cls = line.startsWith('▼')
        ? ' class="worse"'
        : line.startsWith('▲')
          ? ' class="better"'
          : '';
      return `<li${cls}>${prose(line)}</li>`;
    }),
    ...(stale.length > 0 ? [staleNote(stale)] : []),
    ...sampleLegend(result).map((line) => `<li>${prose(line)}</li>`),
  ];
  const rows = result.goals
    .map((g) => {
      const e = g.evaluation;
      const change = g.previous?.change;
      const cls =
        change === 'improved' ? ' class="better"' : change === 'slipped' ? ' class="worse"' : '';
      return `<tr><td>${badge(e.status)}</td><td><a href="#${anchor(g)}">${esc(g.title || e.id)}</a></td><td class="num" data-label="Now → target">${esc(formatCurrentToTarget(e, sampleMarks(e, result.minSample)))}</td><td class="num" data-label="Progress / expected">${esc(formatProgressPair(e))}</td><td${cls} data-label="Since ${result.since}">${esc(formatStatusChange(g))}</td></tr>`;
    })
    .join('\n');
  return `<section class="summary" aria-labelledby="summary">
<h2 id="summary">Summary: ${esc(plural(result.summary.total, 'goal'))}</h2>
<ul class="counts">${counts}</ul>
${notes.length > 0 ? `<ul class="changes">${notes.join('')}</ul>` : ''}
<div class="scroll"><table class="overview">
<caption>Every goal as of ${result.asOf}</caption>
<thead><tr><th scope="col">Status</th><th scope="col">Goal</th><th scope="col" class="num">Now → target</th><th scope="col" class="num">Progress / expected</th><th scope="col">Since ${result.since}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
</section>`;
}

/** The stale goals, linked; their limit said once when they share it (as the table's legend does). */
function staleNote(stale: ReportGoal[]): string {
  const limits = new Set(stale.map((g) => g.evaluation.staleAfterDays));
  const link = (g: ReportGoal) => `<a href="#${anchor(g)}">${esc(g.evaluation.id)}</a>`;
  return limits.size === 1
    ? `<li>⚠ stale — the newest snapshot is over ${plural(stale[0]!.evaluation.staleAfterDays, 'day')} old: ${stale.map(link).join(', ')}</li>`
    : `<li>⚠ stale — the newest snapshot is older than stale_after: ${stale.map((g) => `${link(g)} (over ${plural(g.evaluation.staleAfterDays, 'day')})`).join(', ')}</li>`;
}

function objective(group: ObjectiveGroup<ReportGoal>, minSample: number): string {
  const o = group.objective;
  const id = `objective-${esc(o?.id ?? 'none')}`;
  const heading = o ? esc(o.title || o.id) : 'Goals without an objective';
  const about = o
    ? `<p class="about"><code>${esc(o.id)}</code>${o.owner ? ` · owner ${esc(o.owner)}` : ''} · worst status: ${esc(statusLabel(group.worst))}</p>`
    : '';
  return `<section class="objective" aria-labelledby="${id}">
<h2 id="${id}">${heading} ${badge(group.worst)}</h2>
${about}
${group.goals.map((goal) => goalArticle(goal, minSample)).join('\n')}
</section>`;
}

function goalArticle(goal: ReportGoal, minSample: number): string {
  const e = goal.evaluation;
  const figures = goalFigures(goal, minSample)
    .map(
      (f) =>
        `<div><dt>${esc(f.label)}</dt><dd><strong>${prose(f.value)}</strong><span>${prose(f.note)}</span></dd></div>`,
    )
    .join('');
  const more = [periodTable(goal), ...goal.breakdowns.map((b) => breakdownTable(goal, b))].filter(
    Boolean,
  );
  return `<article class="goal" id="${anchor(goal)}" aria-labelledby="${anchor(goal)}-h">
<h3 id="${anchor(goal)}-h">${badge(e.status)} ${esc(goal.title || e.id)}</h3>
<p class="about"><code>${esc(e.id)}</code> · ${esc(goalSubtitle(goal))}</p>
${statusNotes(goal)
  .map((n) => `<p class="reason${n.startsWith('stale') ? ' stale' : ''}">${prose(n)}</p>`)
  .join('\n')}
<div class="goal-body">
${chartFigure(goal)}
<dl class="figures">${figures}</dl>
${more.length > 0 ? `<div class="tables">${more.join('\n')}</div>` : ''}
</div>
</article>`;
}

function chartFigure(goal: ReportGoal): string {
  const input = chartInput(goal);
  const keys = [
    ...(input.points.length > 0 ? ['<span class="key">snapshots</span>'] : []),
    ...(input.target !== null
      ? [`<span class="key k-target">target ${esc(input.targetLabel)}</span>`]
      : []),
    ...(input.expected.length > 1 ? ['<span class="key k-expected">expected path</span>'] : []),
    ...(input.forecast ? ['<span class="key k-forecast">forecast</span>'] : []),
    ...(input.interval ? ['<span class="key k-interval">80 % interval</span>'] : []),
    `<span class="key k-today">as of ${goal.evaluation.asOf}</span>`,
  ];
  return `<figure>
${renderChart(input)}
<figcaption>${keys.join('')}</figcaption>
</figure>`;
}

/** The chart's window: a goal's length of history before its start is context enough. */
function chartInput(goal: ReportGoal): ChartInput {
  const e = goal.evaluation;
  const from = addDays(e.start, -daysBetween(e.start, e.deadline));
  const points = goal.points.filter((p) => p.date >= from);
  const baseline = e.baseline;
  const expected =
    baseline && e.target !== null
      ? e.path.map((k) => ({
          date: k.date,
          value: baseline.value + k.progress * (e.target! - baseline.value),
          isMilestone: k.kind === 'milestone',
        }))
      : [];
  const forecast =
    e.forecast !== null && e.current && !e.isPastDeadline && e.current.date < e.deadline
      ? { from: e.current, date: e.deadline, value: e.forecast }
      : null;
  const fmt = (v: number) => formatMetricValue(v, e.unit);
  const shown = points.length;
  const description = [
    shown === 0
      ? 'No snapshots yet.'
      : `${plural(shown, 'snapshot')} from ${points[0]!.date} (${fmt(points[0]!.value)}) to ${points[shown - 1]!.date} (${fmt(points[shown - 1]!.value)}).`,
    expected.length > 1
      ? `Expected path from ${fmt(expected[0]!.value)} on ${e.start}${
          expected.length > 2
            ? ` through ${expected
                .slice(1, -1)
                .map((k) => `${fmt(k.value)} on ${k.date}`)
                .join(', ')}`
            : ''
        } to ${fmt(expected.at(-1)!.value)} on ${e.deadline}.`
      : '',
    e.target !== null
      ? `${GOAL_TYPES[e.type].isStay ? 'Threshold' : 'Target'} ${formatTarget(e)} by ${e.deadline}.`
      : '',
    forecast
      ? `Forecast ${fmt(forecast.value)} at the deadline${e.forecastInterval ? `, 80 % interval ${formatInterval(e)}` : ''}.`
      : '',
    `Status: ${statusLabel(e.status)}.`,
  ];
  return {
    id: `chart-${e.id}`,
    title: `${e.id}: ${goal.metricName} (${formatSegment(goal.segment)}) over time`,
    description: description.filter(Boolean).join(' '),
    unit: e.unit,
    range: goal.range,
    points,
    current: e.current?.date ?? null,
    expected,
    target: e.target,
    targetLabel: formatTarget(e),
    forecast,
    interval: forecast ? e.forecastInterval : null,
    start: e.start,
    deadline: e.deadline,
    asOf: e.asOf,
  };
}

function periodTable(goal: ReportGoal): string {
  if (!goal.periods) return '';
  const rows = periodRows(goal, goal.periods)
    .map((row) => {
      const cls = row.isBetter === null ? '' : row.isBetter ? ' class="better"' : ' class="worse"';
      return `<tr><th scope="row">${esc(row.label)}<small>${prose(row.period)}</small></th><td${row.isMissing ? ' class="missing"' : ''}>${prose(row.value)}</td><td${cls}>${esc(row.change)}</td></tr>`;
    })
    .join('\n');
  return `<div class="scroll"><table class="periods">
<caption>By ${goal.periods.cadence}</caption>
<thead><tr><th scope="col">Period</th><th scope="col">Value</th><th scope="col">Change</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`;
}

function breakdownTable(goal: ReportGoal, breakdown: ReportBreakdown): string {
  const since = goal.previous?.evaluation.asOf;
  const sign = GOAL_TYPES[goal.evaluation.type].sign;
  const judged = goal.evaluation.current?.date;
  const { top, omitted, bottom } = shownRanking(breakdown.rows);
  const line = ({ rank, row }: (typeof top)[number]) => {
    const cells = breakdownCells(goal, row);
    const change =
      row.change === null || row.change === 0
        ? ''
        : sign * row.change > 0
          ? ' class="better"'
          : ' class="worse"';
    const target =
      row.meetsTarget === null ? '' : row.meetsTarget ? ' class="better"' : ' class="worse"';
    // A value older than the goal's own says when it is from.
    const date = cells.date && cells.date !== judged ? `<small>${cells.date}</small>` : '';
    return `<tr${row.isGoal ? ' class="this-goal"' : ''}><td>${rank}</td><th scope="row">${esc(row.name)}${row.isGoal ? ' (this goal)' : ''}</th><td>${esc(cells.value)}${date}</td>${since ? `<td${change}>${esc(cells.change)}</td>` : ''}<td${target}>${esc(cells.target)}</td></tr>`;
  };
  const gap =
    omitted > 0 ? `<tr><td></td><td colspan="${since ? 4 : 3}">… ${omitted} more</td></tr>\n` : '';
  return `<div class="scroll"><table class="breakdown">
<caption>By ${esc(breakdown.key)}, best first</caption>
<thead><tr><th scope="col">#</th><th scope="col">${esc(breakdown.key)}</th><th scope="col">Now</th>${since ? `<th scope="col">Since ${since}</th>` : ''}<th scope="col">Target</th></tr></thead>
<tbody>
${top.map(line).join('\n')}
${gap}${bottom.map(line).join('\n')}
</tbody>
</table></div>`;
}
