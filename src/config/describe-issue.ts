/**
 * Turns a zod issue into a message that names the thing it is about
 * (goal 'csat-q3', settings …), and a hint that says how to fix it.
 */
import type { z } from 'zod';
import { goalsFileSchema } from './schema.js';
import { suggest } from '../core/suggest.js';
import { sanitizeLine } from '../core/text.js';
import type { YamlPath } from './load-goals.js';

export function describeIssue(
  issue: z.core.$ZodIssue,
  path: YamlPath,
  data: unknown,
): { message: string; hint: string } {
  const where = describePath(path, data);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = sanitizeLine(issue.keys[0] ?? '');
      const valid = keysAt(path);
      const close = suggest(key, valid);
      return {
        message: `${where}: unknown key '${key}'${close ? ` (did you mean '${close}'?)` : ''}.`,
        hint: close ? `Rename '${key}' to '${close}'.` : `Valid keys here: ${valid.join(', ')}.`,
      };
    }
    case 'invalid_type': {
      const received = valueAt(data, path);
      if (received === undefined) {
        const key = path[path.length - 1];
        return {
          message: `${describePath(path.slice(0, -1), data)}: '${String(key)}' is required.`,
          hint: `Add '${String(key)}:' here.`,
        };
      }
      return {
        message: `${where}: expected ${expectedText(issue)}, got ${typeName(received)}.`,
        hint: typeHint(issue),
      };
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      return {
        message: `${where}: ${sanitizeLine(JSON.stringify(valueAt(data, path)) ?? 'the value')} is not allowed.`,
        hint: values.length === 1 ? `Use ${values[0]}.` : `Use one of ${values.join(', ')}.`,
      };
    }
    case 'invalid_union':
      return {
        message: `${where}: ${sanitizeLine(JSON.stringify(valueAt(data, path)) ?? 'the value')} is not a valid value here.`,
        hint: unionHint(path),
      };
    case 'too_small':
    case 'too_big': {
      const value = valueAt(data, path);
      const isSmall = issue.code === 'too_small';
      if (typeof value === 'number') {
        const limit = Number(isSmall ? issue.minimum : issue.maximum);
        return {
          message: `${where}: ${value} is ${isSmall ? 'less than the minimum' : 'more than the maximum'}, ${limit}.`,
          hint: `Use a value ${isSmall ? 'of at least' : 'of at most'} ${limit}.`,
        };
      }
      return {
        message: `${where}: ${isSmall ? 'must not be empty' : lowerFirst(issue.message)}.`,
        hint: isSmall ? 'Write a value here.' : 'Shorten the value.',
      };
    }
    case 'invalid_format':
    case 'custom':
      return { message: `${where}: ${issue.message}.`, hint: formatHint(path) };
    default:
      return {
        message: `${where}: ${lowerFirst(issue.message)}.`,
        hint: 'See `goals schema` for the format.',
      };
  }
}

/** "goal 'csat-q3' → target", "settings → timezone", "sources[2] → date". */
export function describePath(path: YamlPath, data: unknown): string {
  if (path.length === 0) return 'The file';
  const [list, index, ...rest] = path;
  let head: string;
  let tail = rest;
  if (
    typeof index === 'number' &&
    typeof list === 'string' &&
    ['goals', 'objectives', 'metrics', 'sources'].includes(list)
  ) {
    const id = idAt(data, [list, index]);
    const noun = `${list.charAt(0).toUpperCase()}${list.slice(1, -1)}`;
    head = id ? `${noun} '${sanitizeLine(id)}'` : `${noun} #${index + 1}`;
  } else {
    head = String(list).charAt(0).toUpperCase() + String(list).slice(1);
    tail = index === undefined ? [] : [index, ...rest];
  }
  if (tail.length === 0) return head;
  return `${head}: ${tail.map((p) => (typeof p === 'number' ? `#${p + 1}` : sanitizeLine(p))).join(' → ')}`;
}

function idAt(data: unknown, path: YamlPath): string | undefined {
  const item = valueAt(data, path);
  return typeof item === 'object' &&
    item !== null &&
    typeof (item as { id?: unknown }).id === 'string'
    ? (item as { id: string }).id
    : undefined;
}

export function valueAt(data: unknown, path: YamlPath): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

type AnySchema = z.core.$ZodType;

/** The keys a strict object at `path` accepts, found by walking the schema. */
export function keysAt(path: YamlPath): string[] {
  const schema = schemaAt(goalsFileSchema, path);
  const shape = schema ? objectShape(schema) : undefined;
  return shape ? Object.keys(shape) : [];
}

function schemaAt(schema: AnySchema, path: YamlPath): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const key of path) {
    if (!current) return undefined;
    current = childSchema(current, key);
  }
  return current && unwrap(current);
}

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: AnySchema; options?: AnySchema[] };
    if (
      (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') &&
      def.innerType
    ) {
      s = def.innerType;
    } else if (def.type === 'union' && def.options) {
      // The object member of a union (baseline, column mappings) is the one with keys.
      s = def.options.map(unwrap).find((o) => objectShape(o)) ?? s;
      if (!objectShape(s)) return s;
    } else {
      return s;
    }
  }
}

function objectShape(schema: AnySchema): Record<string, AnySchema> | undefined {
  const def = schema._zod.def as { type: string; shape?: Record<string, AnySchema> };
  if (def.type === 'record') {
    const keyType = (def as unknown as { keyType: AnySchema }).keyType._zod.def as {
      type: string;
      entries?: Record<string, string>;
    };
    if (keyType.type === 'enum' && keyType.entries) {
      return Object.fromEntries(Object.keys(keyType.entries).map((k) => [k, schema]));
    }
  }
  return def.type === 'object' ? def.shape : undefined;
}

function childSchema(schema: AnySchema, key: string | number): AnySchema | undefined {
  const s = unwrap(schema);
  const def = s._zod.def as {
    type: string;
    element?: AnySchema;
    valueType?: AnySchema;
    shape?: Record<string, AnySchema>;
    items?: AnySchema[];
  };
  if (def.type === 'array') return def.element;
  if (def.type === 'record') return def.valueType;
  if (def.type === 'tuple' && typeof key === 'number') return def.items?.[key];
  if (def.type === 'object') return def.shape?.[String(key)];
  return undefined;
}

function expectedText(issue: z.core.$ZodIssueInvalidType): string {
  const e = issue.expected as string;
  return (
    {
      number: 'a number',
      string: 'text',
      array: 'a list (- item)',
      object: 'a mapping (key: value)',
      int: 'a whole number',
      boolean: 'true or false',
    }[e] ?? e
  );
}

function typeName(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `text "${sanitizeLine(value.length > 40 ? `${value.slice(0, 40)}…` : value)}"`;
  return `${typeof value} ${String(value)}`;
}

function typeHint(issue: z.core.$ZodIssueInvalidType): string {
  switch (issue.expected as string) {
    case 'array':
      return 'Write a list: each item on its own line starting with "- ".';
    case 'object':
      return 'Write key: value pairs, indented under this key.';
    case 'string':
      return 'Quote the value to make it text.';
    default:
      return `Write ${expectedText(issue)} here.`;
  }
}

function unionHint(path: YamlPath): string {
  const last = path[path.length - 1];
  if (last === 'baseline') return 'Write a value (78, "3h"), or { value: 78, date: 2026-06-30 }.';
  if (last === 'target')
    return 'Write a value (85, "2h", "85%") or a change ("+10%", "-15%", "+5pp").';
  if (last === 'date')
    return 'Write the date column name, or { column: Date, format: DD.MM.YYYY }.';
  return 'See `goals schema` for what this key accepts.';
}

function formatHint(path: YamlPath): string {
  const last = String(path[path.length - 1]);
  if (last === 'deadline' || last === 'start' || last === 'date') {
    return 'Write a date as YYYY-MM-DD (2026-09-30) or a quarter as YYYY-Qn (2026-Q3).';
  }
  if (last === 'stale_after') return 'Write a duration such as 14d, 36h or 2w.';
  if (last === 'timezone')
    return 'Use a zone name from the IANA database, such as Europe/Berlin or America/New_York.';
  if (last === 'id') return 'Use letters, digits, "-" and "_" only, such as csat-q3.';
  return 'See `goals schema` for the format.';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
