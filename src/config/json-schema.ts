import { z } from 'zod';
import { goalsFileSchema, KPI_ONLY_KEYS, RECORDS_ONLY_KEYS } from './schema.js';
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
  }) as unknown as {
    properties: {
      settings: { properties: { rules: Record<string, unknown> } };
      sources: { items: Record<string, unknown> };
    };
  };
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
  // What each layout needs, which zod's refinement cannot say in JSON Schema.
  const forbid = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, false]));
  schema.properties.sources.items.allOf = [
    {
      if: { properties: { layout: { const: 'records' } }, required: ['layout'] },
      then: {
        anyOf: [
          { properties: { preset: true }, required: ['preset'] },
          { properties: { fields: true }, required: ['fields'] },
        ],
        properties: forbid(KPI_ONLY_KEYS),
      },
      else: { properties: { date: true, ...forbid(RECORDS_ONLY_KEYS) }, required: ['date'] },
    },
  ];
  return { ...withoutUnionTypes(schema), $id: 'goals.schema.json' };
}

/**
 * zod writes `z.union([z.number(), z.string()])` as `type: [number, string]`,
 * which Ajv's strict mode refuses (strictTypes); `anyOf` of one-type schemas
 * means the same and every validator accepts it. `[number, null]` stays: strict
 * mode allows a type with null.
 */
function withoutUnionTypes<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutUnionTypes) as T;
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const types = key === 'type' && Array.isArray(value) ? (value as string[]) : undefined;
    if (types && types.filter((t) => t !== 'null').length > 1) {
      out.anyOf = types.map((type) => ({ type }));
    } else {
      out[key] = key === 'examples' || key === 'default' ? value : withoutUnionTypes(value);
    }
  }
  return out as T;
}
