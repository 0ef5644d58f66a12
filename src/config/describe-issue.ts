/**
 * Turns a zod issue into a message that names the thing it is about
 * (goal 'csat-q3', settings …), and a hint that says how to fix it.
 */
import { z } from 'zod';
import { goalsFileSchema } from './schema.js';
import { suggestTimeZone } from '../core/dates.js';
import { closestId, toId } from '../core/ids.js';
import { suggest } from '../core/suggest.js';
import { sanitizeLine } from '../core/text.js';
import type { YamlPath } from './load-goals.js';

export function describeIssue(
  issue: z.core.$ZodIssue,
  path: YamlPath,
  data: unknown,
): { message: string; hint: string } {
  const where = describePath(path, data);
  const received = valueAt(data, path);
  if (typeof received === 'number' && !Number.isFinite(received)) {
    return {
      message: `${where}: ${Number.isNaN(received) ? '.nan is not a number' : 'the number is not finite (.inf, or beyond ±1.8e308 such as 1e400, reads as infinity)'}.`,
      hint: 'Write a finite value.',
    };
  }
  const missing = missingKeyOf(issue, path, data);
  if (missing) return describeMissing(missing, data);
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
    case 'invalid_type':
      return {
        message: `${where}: expected ${expectedText(issue.expected)}, got ${typeName(received)}.`,
        hint: typeHint(issue.expected, path),
      };
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      return {
        message: `${where}: ${sanitizeLine(JSON.stringify(received) ?? 'the value')} is not allowed.`,
        hint: values.length === 1 ? `Use ${values[0]}.` : `Use one of ${values.join(', ')}.`,
      };
    }
    case 'invalid_union': {
      const expected = unionExpected(path);
      return {
        message: `${where}: expected ${expected.what}, got ${typeName(received)}.`,
        hint: expected.hint,
      };
    }
    case 'too_small':
    case 'too_big': {
      const isSmall = issue.code === 'too_small';
      if (typeof received === 'number') {
        const limit = Number(isSmall ? issue.minimum : issue.maximum);
        return {
          message: `${where}: ${received} is ${isSmall ? 'less than the minimum' : 'more than the maximum'}, ${limit}.`,
          hint: `Use a value ${isSmall ? 'of at least' : 'of at most'} ${limit}.`,
        };
      }
      return {
        message: `${where}: ${isSmall ? 'must not be empty' : lowerFirst(issue.message)}.`,
        hint: isSmall ? 'Write a value here.' : 'Shorten the value.',
      };
    }
    case 'invalid_format':
    case 'custom': {
      const hint = issue.code === 'custom' ? (issue.params?.hint as string | undefined) : undefined;
      return {
        message: `${where}: ${sanitizeLine(issue.message)}.`,
        hint: hint ?? formatHint(path, received),
      };
    }
    default:
      return {
        message: `${where}: ${lowerFirst(issue.message)}.`,
        hint: 'See `goals schema` for the format.',
      };
  }
}

/** The path of the required key an issue is about, when the issue is that it is missing. */
export function missingKeyOf(
  issue: z.core.$ZodIssue,
  path: YamlPath,
  data: unknown,
): YamlPath | undefined {
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_union') return undefined;
  if (valueAt(data, path) === undefined) return path;
  return issue.code === 'invalid_union' ? missingInside(issue, path, data) : undefined;
}

/**
 * A mapping given where a union accepts a value or a mapping (`baseline:
 * { date: … }`) that fails only for a key it lacks: the path of that key.
 */
function missingInside(
  issue: z.core.$ZodIssueInvalidUnion,
  path: YamlPath,
  data: unknown,
): YamlPath | undefined {
  if (!isMapping(valueAt(data, path))) return undefined;
  for (const branch of issue.errors) {
    const paths = branch.map((i) => [...path, ...(i.path as Array<string | number>)]);
    if (
      paths.length > 0 &&
      paths.every((p) => p.length > path.length && valueAt(data, p) === undefined)
    )
      return paths[0];
  }
  return undefined;
}

function isMapping(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A required key that is not there: what it is for, and the line to add,
 * with the file's own values where they make the example (a milestone's
 * date, the goal's target).
 */
function describeMissing(path: YamlPath, data: unknown): { message: string; hint: string } {
  const key = String(path[path.length - 1]);
  const parent = path.slice(0, -1);
  const sibling = (name: string): unknown => valueAt(data, [...parent, name]);
  const isMilestone = parent.at(-2) === 'milestones' && typeof parent.at(-1) === 'number';
  const owner = isMilestone
    ? `${describePath(parent.slice(0, -2), data)}: milestone #${Number(parent.at(-1)) + 1}${typeof sibling('date') === 'string' ? ` (${sanitizeLine(String(sibling('date')))})` : ''}`
    : describePath(parent, data);
  const inList = (list: string) => parent[0] === list && parent.length === 2;
  const said = (what: string, example: string) => ({
    message: `${owner} has no '${key}': ${what}.`,
    hint: `Add ${example}.`,
  });
  if (inList('sources') && key === 'date')
    return said(
      'the column that holds the date of each row',
      "`date: Week` (the column's name in the header), or `date: { column: Week, format: DD.MM.YYYY }` when the dates are not YYYY-MM-DD; a file with a row per ticket, call or response is `layout: records` instead",
    );
  if (inList('sources') && key === 'path')
    return said(
      'the CSV export to read',
      '`path: exports/weekly-kpis.csv` (relative to goals.yaml)',
    );
  if (isMilestone) {
    const date = sibling('date');
    const target = sibling('target');
    const goal = parent.slice(0, -2);
    if (key === 'target')
      return said(
        `the value the goal should have reached by ${typeof date === 'string' ? 'then' : 'its date'}`,
        `it: \`- { date: ${typeof date === 'string' ? sanitizeLine(date) : '2026-08-15'}, target: ${halfway(valueAt(data, [...goal, 'baseline']), valueAt(data, [...goal, 'target']))} }\`, a value on the way from the baseline to the target`,
      );
    if (key === 'date')
      return said(
        'the date by which its target should be reached',
        `it: \`- { date: 2026-08-15, target: ${typeof target === 'number' ? target : 81} }\`, a date between the start and the deadline (or a quarter, 2026-Q3)`,
      );
  }
  if (key === 'value' && parent.at(-1) === 'baseline')
    return said(
      'the starting value',
      '`baseline: { value: 78, date: 2026-06-30 }`, or just `baseline: 78`',
    );
  if (key === 'metric')
    return said('the metric id the column maps to', '`{ metric: first_response_time, unit: h }`');
  if (key === 'column' && parent.at(-1) === 'date')
    return said('the name of the date column', '`date: { column: Week, format: DD.MM.YYYY }`');
  if (key === 'version')
    return { message: "The file has no 'version'.", hint: 'Add `version: 1` as its first line.' };
  const title = sibling('title');
  const example =
    key === 'id' && typeof title === 'string' && toId(title) !== ''
      ? shortId(toId(title))
      : exampleAt(path);
  return {
    message: `${owner}: '${key}' is required.`,
    hint: example === undefined ? `Add '${key}:' here.` : `Add \`${key}: ${example}\`.`,
  };
}

/** An id of at most about 24 characters, cut between words: "reach-85-csat-by-q4". */
function shortId(id: string): string {
  const words = id.split('-');
  let short = words[0]!;
  for (const word of words.slice(1)) {
    if (short.length + word.length + 1 > 24) break;
    short += `-${word}`;
  }
  return short;
}

/** A milestone target for an example: halfway from the goal's baseline to its target when both are numbers. */
function halfway(baseline: unknown, target: unknown): string {
  return typeof baseline === 'number' && typeof target === 'number'
    ? String(Math.round(((baseline + target) / 2) * 10) / 10)
    : '81';
}

/** What a key that takes one of several shapes expects, and how to write it. */
function unionExpected(path: YamlPath): { what: string; hint: string } {
  const last = path[path.length - 1];
  if (last === 'baseline')
    return {
      what: "a value in the metric's unit or { value, date }",
      hint: 'Write a value (78, "3h"), or { value: 78, date: 2026-06-30 }.',
    };
  if (last === 'target')
    return {
      what: "a value in the metric's unit or a change",
      hint: 'Write a value (85, "2h", "85%") or a change ("+10%", "-15%", "+5pp").',
    };
  if (path[0] === 'sources' && last === 'date')
    return {
      what: "the date column's name or { column, format }",
      hint: 'Write the date column name, or { column: Date, format: DD.MM.YYYY }.',
    };
  if (path[0] === 'sources' && (path.at(-2) === 'columns' || path.at(-2) === 'metrics'))
    return {
      what: 'a metric id or { metric, unit }',
      hint: 'Write a metric id (csat), or { metric: first_response_time, unit: h }.',
    };
  if (path.at(-2) === 'segment')
    return {
      what: 'a segment value (text or a number)',
      hint: 'Write the value as it appears in the segment column, such as `team: EMEA`.',
    };
  return {
    what: 'a different kind of value',
    hint: 'See `goals schema` for what this key accepts.',
  };
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

function expectedText(expected: string): string {
  return (
    {
      number: 'a number',
      string: 'text',
      array: 'a list (- item)',
      object: 'a mapping (key: value)',
      record: 'a mapping (key: value)',
      int: 'a whole number',
      boolean: 'true or false',
    }[expected] ?? expected
  );
}

function typeName(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `text "${sanitizeLine(value.length > 40 ? `${value.slice(0, 40)}…` : value)}"`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

function typeHint(expected: string, path: YamlPath): string {
  const key = String(path[path.length - 1]);
  const example = exampleAt(path);
  const like = example === undefined ? '' : `, such as \`${key}: ${example}\``;
  switch (expected) {
    case 'array':
      return `Write a list: each item on its own line starting with "- "${like}.`;
    case 'object':
    case 'record':
      return example === undefined
        ? 'Write key: value pairs, indented under this key.'
        : `Write key: value pairs${like}.`;
    case 'string':
      return 'Quote the value to make it text.';
    default:
      return `Write ${expectedText(expected)} here${like}.`;
  }
}

/** The schema's first example for the key at `path`, written as YAML flow. */
function exampleAt(path: YamlPath): string | undefined {
  let schema: AnySchema | undefined = goalsFileSchema;
  let examples: unknown[] | undefined;
  for (const key of path) {
    schema = schema && childSchema(schema, key);
    examples = schema && examplesOf(schema);
  }
  return examples?.[0] === undefined ? undefined : flowYaml(examples[0]);
}

/** Examples set with .meta() on the schema or on a wrapper around it. */
function examplesOf(schema: AnySchema): unknown[] | undefined {
  let s: AnySchema | undefined = schema;
  while (s) {
    const meta = z.globalRegistry.get(s) as { examples?: unknown[] } | undefined;
    if (meta?.examples) return meta.examples;
    s = (s._zod.def as { innerType?: AnySchema }).innerType;
  }
  return undefined;
}

function flowYaml(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowYaml).join(', ')}]`;
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${/^[\w-]+$/.test(k) ? k : `'${k}'`}: ${flowYaml(v)}`)
      .join(', ')} }`;
  // Quoted only where YAML needs it (a flow collection ends at , ] }).
  if (typeof value === 'string' && /^[-?:,[\]{}#&*!|>'"%@`\s]|: | #|[,[\]{}]|:$/.test(value))
    return `'${value}'`;
  return String(value);
}

function formatHint(path: YamlPath, value: unknown): string {
  const last = String(path[path.length - 1]);
  if (last === 'deadline' || last === 'start' || (last === 'date' && path[0] === 'goals')) {
    return 'Write a date as YYYY-MM-DD (2026-09-30) or a quarter as YYYY-Qn (2026-Q3).';
  }
  if (last === 'date') return 'Write a date as YYYY-MM-DD, such as 2026-06-30.';
  if (last === 'range')
    return 'Write the range as [min, max], such as [0, 100]; null for no bound.';
  if (last === 'stale_after') return 'Write a duration such as 14d, 36h or 2w.';
  if (last === 'timezone') {
    const close = typeof value === 'string' ? suggestTimeZone(value) : undefined;
    return close
      ? `Did you mean ${close}? Write \`timezone: ${close}\`.`
      : 'Use a zone name from the IANA database, such as Europe/Berlin or America/New_York.';
  }
  if (last === 'id') {
    const close = typeof value === 'string' ? closestId(value) : '';
    return close !== '' && close !== value
      ? `Write \`id: ${close}\`: ids are typed on the command line and become file names and CI annotation titles.`
      : 'Use ASCII letters, digits, "-" and "_" only, such as csat-q3.';
  }
  return 'See `goals schema` for the format.';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
