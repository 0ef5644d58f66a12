// Placeholder until this command lands (see its issue); replaced, never shipped.
import { GoalsError } from '../../core/errors.js';
import type { CommandContext, ExitCode } from '../context.js';

export async function explainCommand(_ctx: CommandContext): Promise<ExitCode> {
  throw new GoalsError('USAGE', '`goals explain` is not available yet.');
}
