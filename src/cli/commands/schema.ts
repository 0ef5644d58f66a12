/** `goals schema`: the JSON Schema of goals.yaml (draft-07, for yaml-language-server). */
import { buildJsonSchema } from '../../config/json-schema.js';
import type { CommandContext, ExitCode } from '../context.js';

export async function schemaCommand(ctx: CommandContext): Promise<ExitCode> {
  ctx.io.stdout.write(`${JSON.stringify(buildJsonSchema(), null, 2)}\n`);
  return 0;
}
