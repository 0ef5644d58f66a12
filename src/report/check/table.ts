/**
 * `goals check` for people: one table, grouped by objective (each with its
 * worst status), one row per goal, then a summary line. It fits the terminal
 * by dropping the least important columns first (last data date, sparkline,
 * chance, forecast …) and truncating titles; widths are display cells, so
 * Cyrillic and CJK titles stay aligned. The chance column shows only when
 * some goal has a chance.
 */
import type { ChalkInstance } from 'chalk';
import { formatMetricValue } from '../../core/format-value.js';
import type { GoalStatus } from '../../core/status.js';
import { sanitizeLine } from '../../core/text.js';
import { plural } from '../findings.js';
import { displayWidth, padEnd, truncate } from '../text-width.js';
import {
  CHANGE_MARK,
  DASH,
  changeLines,
  failingText,
  formatProgressChange,
  formatStatusChange,
  formatValueChange,
  formatCurrentToTarget,
  formatChance,
  formatDaysLeft,
  formatProgressPair,
  groupByObjective,
  sampleLegend,
  sampleMarks,
  statusText,
  summaryText,
} from './goal-text.js';
import type { CheckResult, CheckedGoal } from './result.js';
import { formatSparkline } from './sparkline.js';

export interface CheckTableOptions {
  chalk: ChalkInstance;
  /** Terminal width in cells. */
  width: number;
  /** Only the failing goals (and the summary). */
  quiet?: boolean;
}

const GAP = 2;
/** Snapshots in a sparkline. */
const SPARK_POINTS = 8;
/** Titles are shown only with at least this many cells for them. */
const MIN_TITLE = 20;
/** Titles are dropped after the columns with a higher drop order than this. */
const TITLE_DROP_ORDER = 5.5;
/** Longer ids are truncated. */
const MAX_ID = 28;

type Paint = (text: string) => string;

interface Column {
  key: string;
  header: string;
  align: 'left' | 'right';
  /** When the table is too wide, the column with the highest number goes first; 0 stays. */
  dropOrder: number;
  text(goal: CheckedGoal): string;
  /** A narrower text to try before columns are dropped. */
  compact?(goal: CheckedGoal): string;
  paint?(goal: CheckedGoal): Paint | undefined;
}

export function statusPaint(chalk: ChalkInstance, status: GoalStatus): Paint {
  switch (status) {
    case 'achieved':
    case 'on-track':
      return chalk.green;
    case 'at-risk':
      return chalk.yellow;
    case 'off-track':
      return chalk.red;
    case 'missed':
      return chalk.red.bold;
    case 'no-data':
    case 'not-started':
      return chalk.gray;
  }
}

export function formatCheckTable(result: CheckResult, options: CheckTableOptions): string {
  const { chalk } = options;
  const rows = options.quiet ? result.goals.filter((g) => g.failures.length > 0) : result.goals;
  const since = result.since ? `, compared with ${result.since}` : '';
  let out = chalk.dim(`as of ${result.asOf}${since} · ${sanitizeLine(result.config)}`) + '\n';
  if (rows.length > 0) out += `\n${formatRows(result, rows, options)}`;
  out += `\n${formatSummary(result, chalk, options.width)}`;
  return out;
}

function formatRows(result: CheckResult, rows: CheckedGoal[], options: CheckTableOptions): string {
  const { chalk, width } = options;
  const anyStale = rows.some((g) => g.evaluation.stale);
  const columns: Column[] = [
    {
      key: 'status',
      header: 'status',
      align: 'left',
      dropOrder: 0,
      text: (g) => statusText(g.evaluation.status),
      paint: (g) => statusPaint(chalk, g.evaluation.status),
    },
    { key: 'goal', header: 'goal', align: 'left', dropOrder: 0, text: (g) => g.evaluation.id },
    {
      key: 'value',
      header: 'now → target',
      align: 'right',
      dropOrder: 1,
      text: (g) => formatCurrentToTarget(g.evaluation, sampleMarks(g.evaluation, result.minSample)),
    },
    {
      key: 'progress',
      header: 'progress',
      align: 'right',
      dropOrder: 2,
      text: (g) => formatProgressPair(g.evaluation),
    },
    {
      key: 'left',
      header: 'left',
      align: 'right',
      dropOrder: 3,
      text: (g) => formatDaysLeft(g.evaluation),
    },
    ...(result.since ? changeColumns(chalk) : []),
    {
      key: 'forecast',
      header: 'forecast',
      align: 'right',
      dropOrder: 4,
      text: (g) =>
        g.evaluation.forecast === null
          ? DASH
          : formatMetricValue(g.evaluation.forecast, g.evaluation.unit),
    },
    // Only when some goal has a chance: a column of dashes would say nothing.
    ...(rows.some((g) => g.evaluation.chance !== null)
      ? [
          {
            key: 'chance',
            header: 'chance',
            align: 'right',
            dropOrder: 4.5,
            text: (g: CheckedGoal) => formatChance(g.evaluation.chance),
          } satisfies Column,
        ]
      : []),
    {
      key: 'trend',
      header: 'trend',
      align: 'left',
      dropOrder: 5,
      text: (g) => formatSparkline(g.evaluation.recent.slice(-SPARK_POINTS).map((p) => p.value)),
      paint: () => chalk.cyan,
    },
    {
      key: 'updated',
      header: 'updated',
      align: 'right',
      dropOrder: 6,
      text: (g) => g.evaluation.latest?.date ?? DASH,
    },
    ...(anyStale
      ? [
          {
            key: 'stale',
            header: '',
            align: 'left',
            dropOrder: 0,
            text: (g: CheckedGoal) => (g.evaluation.stale ? '⚠ stale' : ''),
            compact: (g: CheckedGoal) => (g.evaluation.stale ? '⚠' : ''),
            paint: () => chalk.yellow,
          } satisfies Column,
        ]
      : []),
  ];

  const texts = new Map(columns.map((c) => [c.key, rows.map((g) => sanitizeLine(c.text(g)))]));
  const natural = new Map<string, number>();
  const measure = (c: Column) =>
    natural.set(
      c.key,
      Math.max(displayWidth(c.header), ...texts.get(c.key)!.map((t) => displayWidth(t))),
    );
  columns.forEach(measure);
  const titles = rows.map((g) => sanitizeLine(g.title));
  const idWidth = natural.get('goal')!;
  // Titles line up after the longest id.
  const goalNatural = Math.max(
    idWidth,
    ...rows.map((_, i) => Math.min(idWidth, MAX_ID) + GAP + displayWidth(titles[i]!)),
  );
  const goalMin = Math.min(idWidth, MAX_ID);
  // Titles compete for room like a column: kept before the last-data date,
  // dropped before the sparkline, and shown only with room to say something.
  const hasTitles = titles.some((t) => t !== '');
  let isTitleShown = hasTitles;
  const titleRoom = () => (isTitleShown ? GAP + MIN_TITLE : 0);

  let shown = columns;
  const fixedWidth = (cols: Column[]) =>
    cols.reduce((sum, c) => sum + (c.key === 'goal' ? 0 : natural.get(c.key)!), 0) +
    GAP * (cols.length - 1);
  const isTooWide = () => fixedWidth(shown) + goalMin + titleRoom() > width;
  const setTexts = (c: Column, text: (goal: CheckedGoal) => string) => {
    texts.set(
      c.key,
      rows.map((g) => sanitizeLine(text(g))),
    );
    measure(c);
  };
  const compacted = columns.filter(
    (c) => c.compact && isTooWide() && (setTexts(c, c.compact), true),
  );
  while (isTooWide()) {
    const droppable = shown.filter((c) => c.dropOrder > 0);
    const drop = droppable.reduce<Column | undefined>(
      (a, b) => (a === undefined || b.dropOrder > a.dropOrder ? b : a),
      undefined,
    );
    if (isTitleShown && (!drop || drop.dropOrder < TITLE_DROP_ORDER)) isTitleShown = false;
    else if (drop) shown = shown.filter((c) => c !== drop);
    else break;
  }
  // Dropping may have made room for the full words of a compacted column.
  for (const c of compacted.filter((c) => shown.includes(c))) {
    setTexts(c, c.text);
    if (isTooWide()) setTexts(c, c.compact!);
  }
  // A wide terminal shows whole titles: before one is cut, the stale flag
  // loses its word (the summary says what ⚠ means) and the date of the
  // newest snapshot goes.
  const isTitleCut = () => isTitleShown && fixedWidth(shown) + goalNatural > width;
  for (const c of shown) if (c.compact && isTitleCut()) setTexts(c, c.compact);
  while (isTitleCut()) {
    const drop = shown.find((c) => c.dropOrder > TITLE_DROP_ORDER);
    if (!drop) break;
    shown = shown.filter((c) => c !== drop);
  }
  const goalWidth = isTitleShown
    ? Math.max(goalMin, Math.min(goalNatural, width - fixedWidth(shown)))
    : goalMin;
  const widthOf = (c: Column) => (c.key === 'goal' ? goalWidth : natural.get(c.key)!);
  const tableWidth = shown.reduce((sum, c) => sum + widthOf(c), 0) + GAP * (shown.length - 1);

  const line = (cells: string[]) => cells.join(' '.repeat(GAP)).trimEnd() + '\n';
  const align = (c: Column, text: string, paint?: Paint) => {
    const padding = ' '.repeat(Math.max(0, widthOf(c) - displayWidth(text)));
    // Paint the text, not the padding, so colour codes never shift a column.
    const shown = paint && text ? paint(text) : text;
    return c.align === 'right' ? padding + shown : shown + padding;
  };

  let out = line(shown.map((c) => align(c, c.header, chalk.bold)));
  out += chalk.dim('─'.repeat(tableWidth)) + '\n';
  const indexOf = new Map(rows.map((g, i) => [g, i]));
  groupByObjective({ ...result, goals: rows }).forEach((group, n) => {
    if (n > 0) out += '\n';
    out += formatGroupHeading(group.objective, group.worst, tableWidth, chalk);
    for (const goal of group.goals) {
      const i = indexOf.get(goal)!;
      out += line(
        shown.map((c) => {
          if (c.key === 'goal')
            return formatGoalCell(
              goal.evaluation.id,
              isTitleShown ? titles[i]! : '',
              { width: goalWidth, idWidth: goalMin },
              chalk,
            );
          return align(c, truncate(texts.get(c.key)![i]!, widthOf(c)), c.paint?.(goal));
        }),
      );
    }
  });
  return out;
}

/**
 * With --since (the date is in the title line): how the status moved — in a
 * narrow terminal only which way — and the change of the value and of progress.
 */
function changeColumns(chalk: ChalkInstance): Column[] {
  return [
    {
      key: 'change',
      header: 'change',
      align: 'left',
      dropOrder: 2.5,
      text: formatStatusChange,
      compact: (g) => {
        const change = g.previous?.change;
        return change === 'slipped' || change === 'improved'
          ? `${CHANGE_MARK[change]} ${change}`
          : change === 'new'
            ? 'new'
            : '';
      },
      paint: (g) =>
        g.previous?.change === 'slipped'
          ? chalk.red
          : g.previous?.change === 'improved'
            ? chalk.green
            : chalk.dim,
    },
    {
      key: 'valueChange',
      header: 'Δ now',
      align: 'right',
      dropOrder: 3.2,
      text: formatValueChange,
    },
    {
      key: 'progressChange',
      header: 'Δ progress',
      align: 'right',
      dropOrder: 3.4,
      text: formatProgressChange,
    },
  ];
}

/** `id  title` in `width` cells, titles starting after `idWidth`: the title is cut first, then the id. */
function formatGoalCell(
  id: string,
  title: string,
  size: { width: number; idWidth: number },
  chalk: ChalkInstance,
): string {
  const { width } = size;
  const safeId = truncate(sanitizeLine(id), Math.min(size.idWidth, width));
  const room = width - size.idWidth - GAP;
  if (room < 2 || title === '') return padEnd(safeId, width);
  const shownTitle = truncate(title, room);
  return `${padEnd(safeId, size.idWidth)}${' '.repeat(GAP)}${chalk.dim(shownTitle)}${' '.repeat(room - displayWidth(shownTitle))}`;
}

function formatGroupHeading(
  objective: { id: string; title: string } | undefined,
  worst: GoalStatus,
  width: number,
  chalk: ChalkInstance,
): string {
  const right = statusText(worst);
  const name = objective ? sanitizeLine(objective.id) : '(no objective)';
  const title = objective?.title ? sanitizeLine(objective.title) : '';
  const room = Math.max(0, width - displayWidth(name) - displayWidth(right) - 2 * GAP);
  const shownTitle = room >= MIN_TITLE ? truncate(title, room) : '';
  const left = shownTitle ? `${chalk.bold(name)}${' '.repeat(GAP)}${shownTitle}` : chalk.bold(name);
  const pad = Math.max(GAP, width - displayWidth(left) - displayWidth(right));
  return `${left}${' '.repeat(pad)}${statusPaint(chalk, worst)(right)}\n`;
}

function formatSummary(result: CheckResult, chalk: ChalkInstance, width: number): string {
  const isFailing = result.goals.some((g) => g.failures.length > 0);
  const summary = summaryText(result) + (result.stale > 0 ? `; ${result.stale} stale` : '');
  let out = (isFailing ? chalk.red : chalk.bold)(wrapList(summary, width)) + '\n';
  if (result.goals.some((g) => g.evaluation.status !== 'not-started' && !g.evaluation.held)) {
    out +=
      chalk.dim(
        wrapWords(
          `progress: share of the way from baseline to target / expected by ${result.asOf}`,
          width,
        ),
      ) + '\n';
  }
  if (result.stale > 0) {
    const staleGoals = result.goals.filter((g) => g.evaluation.stale).map((g) => g.evaluation);
    const limits = new Set(staleGoals.map((e) => e.staleAfterDays));
    // One limit (stale_after, or one cadence for all): said once; else each goal's own.
    const text =
      limits.size === 1
        ? `⚠ stale (newest snapshot over ${plural(staleGoals[0]!.staleAfterDays, 'day')} old): ${staleGoals.map((e) => e.id).join(', ')}`
        : `⚠ stale (newest snapshot older than stale_after): ${staleGoals.map((e) => `${e.id} (over ${plural(e.staleAfterDays, 'day')})`).join(', ')}`;
    out += chalk.yellow(wrapList(text, width)) + '\n';
  }
  for (const line of sampleLegend(result)) out += chalk.dim(wrapList(line, width)) + '\n';
  for (const line of changeLines(result)) {
    const paint = line.startsWith(CHANGE_MARK.slipped)
      ? chalk.red
      : line.startsWith(CHANGE_MARK.improved)
        ? chalk.green
        : chalk.dim;
    out += paint(wrapList(line, width)) + '\n';
  }
  const failing = failingText(result);
  if (failing) out += chalk.red(wrapList(`✖ ${failing}`, width)) + '\n';
  return out;
}

/** Wraps words at `width`, continuing lines with an indent. */
function wrapWords(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && displayWidth(`${line} ${word}`) > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n');
}

/** Wraps a comma-separated list at `width`, continuing lines with an indent. */
function wrapList(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const parts = text.split(/(?<=, )/);
  const lines: string[] = [];
  let current = '';
  for (const part of parts) {
    if (current && displayWidth(current + part) > width) {
      lines.push(current.trimEnd());
      current = `  ${part}`;
    } else current += part;
  }
  if (current) lines.push(current.trimEnd());
  return lines.join('\n');
}
