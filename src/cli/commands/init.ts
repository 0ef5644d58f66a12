// Placeholder until this command lands (see its issue); replaced, never shipped.
import { GoalsError } from '../../core/errors.js';
import type { CommandContext, ExitCode } from '../context.js';

export async function initCommand(_ctx: CommandContext): Promise<ExitCode> {
  throw new GoalsError('USAGE', '`goals init` is not available yet.');
}
