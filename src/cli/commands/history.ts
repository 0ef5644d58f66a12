/**
 * `goals history ID`: the snapshots of a goal's metric and segment as a
 * terminal chart with the target and the expected path, or as JSON or CSV.
 */
import {
  formatHistoryChart,
  formatHistoryCsv,
  formatHistoryJson,
} from '../../report/check/history.js';
import type { HistoryInput } from '../../report/check/history.js';
import type { CommandContext, ExitCode } from '../context.js';
import { evaluateProject, findGoalIndex } from '../evaluate-project.js';
import { terminalWidth } from '../io.js';
import { loadProject } from '../load-project.js';

interface HistoryOptions {
  format: 'table' | 'json' | 'csv';
  sync: boolean;
}

export async function historyCommand(
  ctx: CommandContext,
  goalId: string,
  options: HistoryOptions,
): Promise<ExitCode> {
  const project = await loadProject(ctx);
  const index = findGoalIndex(project, goalId);
  const { goals } = await evaluateProject(ctx, project, [index], {
    sync: options.sync,
    wholeSeries: true,
    forecastBand: true,
  });
  const evaluated = goals[0]!;
  const input: HistoryInput = {
    config: project.loaded.displayPath,
    title: evaluated.input.title,
    segment: evaluated.goal.segment,
    evaluation: evaluated.evaluation,
    points: evaluated.points,
  };
  ctx.io.stdout.write(
    options.format === 'json'
      ? formatHistoryJson(input)
      : options.format === 'csv'
        ? formatHistoryCsv(input)
        : formatHistoryChart(input, { chalk: ctx.chalk, width: terminalWidth(ctx.io) }),
  );
  return 0;
}
