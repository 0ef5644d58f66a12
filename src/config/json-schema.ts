import { z } from 'zod';
import { goalsFileSchema } from './schema.js';

/**
 * The JSON Schema of goals.yaml: draft-07 (what yaml-language-server reads),
 * as written by users (`io: 'input'`: defaults are optional).
 */
export function buildJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(goalsFileSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }),
    $id: 'goals.schema.json',
  };
}
