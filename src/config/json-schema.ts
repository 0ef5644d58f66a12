import { z } from 'zod';
import { goalsFileSchema } from './schema.js';
import { RULES } from '../core/rules/index.js';

/**
 * The JSON Schema of goals.yaml: draft-07 (what yaml-language-server reads),
 * as written by users (`io: 'input'`: defaults are optional). Rule levels
 * get one property per rule so editors complete and describe each.
 */
export function buildJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(goalsFileSchema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  }) as unknown as { properties: { settings: { properties: { rules: Record<string, unknown> } } } };
  const rules = schema.properties.settings.properties.rules;
  delete rules.propertyNames;
  rules.properties = Object.fromEntries(
    RULES.map((r) => [
      r.meta.id,
      {
        enum: ['error', 'warn', 'off'],
        description: `${r.meta.description} Default: ${r.meta.defaultLevel}.`,
      },
    ]),
  );
  rules.additionalProperties = false;
  return { ...schema, $id: 'goals.schema.json' };
}
