/**
 * `goals explain ID`: one goal as of a date, every figure with its formula,
 * inputs and snapshots, and the status rules tried in order.
 */
import { formatExplainJson, formatExplainText } from '../../report/check/explain.js';
import type { ExplainInput } from '../../report/check/explain.js';
import type { CommandContext, ExitCode } from '../context.js';
import { evaluateProject, findGoalIndex } from '../evaluate-project.js';
import type { EvaluatedGoal } from '../evaluate-project.js';
import { terminalWidth } from '../io.js';
import { loadProject } from '../load-project.js';
import type { Project } from '../load-project.js';

interface ExplainOptions {
  format: 'table' | 'json';
  sync: boolean;
}

export async function explainCommand(
  ctx: CommandContext,
  goalId: string,
  options: ExplainOptions,
): Promise<ExitCode> {
  const project = await loadProject(ctx);
  const index = findGoalIndex(project, goalId);
  const { goals } = await evaluateProject(ctx, project, [index], { sync: options.sync });
  const input = explainInputOf(project, goals[0]!);
  ctx.io.stdout.write(
    options.format === 'json'
      ? formatExplainJson(input)
      : formatExplainText(input, { chalk: ctx.chalk, width: terminalWidth(ctx.io) }),
  );
  return 0;
}

export function explainInputOf(project: Project, evaluated: EvaluatedGoal): ExplainInput {
  const { input, goal, evaluation } = evaluated;
  const objective = input.objective
    ? {
        id: input.objective,
        title: project.config.objectives.find((o) => o.id === input.objective)?.title,
      }
    : undefined;
  return {
    config: project.loaded.displayPath,
    title: input.title,
    owner: input.owner,
    objective,
    metric: goal.metric!,
    segment: goal.segment,
    lifecycle: input.status,
    milestones: goal.milestones.flatMap((m) =>
      m.date && !('problem' in m.target) ? [{ date: m.date, value: m.target.value }] : [],
    ),
    evaluation,
  };
}
