/**
 * Reads goals.yaml in phases, collecting every problem as a finding:
 * YAML syntax (with positions) → plain data (aliases bounded) → schema (zod,
 * strict) → duplicate ids. Goals that fail the schema are set aside so the
 * rest can still be checked in the same run.
 */
import { Parser, parseDocument, isMap, isSeq, isScalar, isPair, visit } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { goalsFileSchema, goalSchema, settingsSchema } from './schema.js';
import type { GoalsFile } from './schema.js';
import type { Finding } from '../core/finding.js';
import { compareFindings } from '../core/finding.js';
import { checkRecords } from './check-records.js';
import { checkWarehouse } from './check-warehouse.js';
import { describeIssue, missingKeyOf } from './describe-issue.js';
import { catalogOf } from './metric-catalog.js';
import { schemaRuleOf } from './schema-rule.js';
import { sanitizeLine } from '../core/text.js';
import { offsetIn, positionsIn, readGoalsFile } from './goals-cache.js';

export { MAX_CONFIG_BYTES } from './goals-cache.js';

export type YamlPath = ReadonlyArray<string | number>;

export interface Position {
  line: number;
  column: number;
}

/** Offsets of the document's nodes by path (see positionTreeOf): o offset, k map keys, i list items. */
export interface PositionTree {
  o?: number;
  k?: Record<string, PositionTree>;
  i?: PositionTree[];
}

export interface LoadedGoals {
  /** Absolute path of the file. */
  path: string;
  /** The path as shown to the user (relative to the working directory). */
  displayPath: string;
  text: string;
  /** Best effort: sections that failed the schema take their defaults, failing goals are left out. */
  config: GoalsFile;
  /** Index in the file of each goal in `config.goals`. */
  goalIndexes: number[];
  /** Every goal written in the file, valid or not, with the lines it spans. */
  rawGoals: RawGoal[];
  /** yaml/* and schema/* findings. */
  findings: Finding[];
  /** Where every node of the document is: what positionOf reads. */
  positions: PositionTree;
  /** Line and column (1-based) of a path in the document. */
  positionOf(path: YamlPath): Position;
}

export interface RawGoal {
  id: string;
  title: string;
  line: number;
  endLine: number;
  /** `status: closed`: kept for the record, not checked. */
  closed: boolean;
}

export function loadGoals(path: string, cwd: string): LoadedGoals {
  const { text, displayPath } = readGoalsFile(path, cwd);
  return parseGoals(text, displayPath, path);
}

export function parseGoals(text: string, displayPath: string, path = displayPath): LoadedGoals {
  const source = text.replace(/^\uFEFF/, '');
  const doc = parseDocument(source, {
    schema: 'core',
    prettyErrors: false,
    uniqueKeys: true,
  });
  const findings: Finding[] = [];
  const at = positionsIn(source);
  const positions = positionTreeOf(doc.contents, rangeStart(doc.contents));
  const positionOf = (yamlPath: YamlPath): Position => {
    const offset = offsetIn(positions, yamlPath);
    return offset === undefined ? { line: 1, column: 1 } : at(offset);
  };
  const finding = (f: Omit<Finding, 'file' | 'line' | 'column'>, pos: Position): Finding => ({
    ...f,
    file: displayPath,
    ...pos,
  });

  const syntax: SyntaxFinding[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    const quote = error.code === 'MISSING_CHAR' ? unclosedQuote(source, at) : undefined;
    const pos = quote?.pos ?? syntaxPosition(text, at(error.pos[0]));
    // yaml often reports one mistake twice at one place; once is enough.
    if (syntax.some((f) => f.line === pos.line && f.column === pos.column)) continue;
    syntax.push({
      ...finding(
        {
          severity: doc.errors.includes(error as never) ? 'error' : 'warning',
          rule: 'yaml/syntax',
          message: quote?.message ?? sanitizeLine(firstLine(error.message)),
          hint: quote?.hint ?? indentHint(text, pos.line) ?? yamlHint(error.code),
        },
        pos,
      ),
      derails: doc.errors.includes(error as never) && error.code !== 'DUPLICATE_KEY',
    });
  }
  findings.push(...firstOfCascade(syntax));
  // A tab hidden inside an unclosed quote is not reported by yaml; it is the next error the user would meet.
  if (doc.errors.length > 0) findings.push(...tabFindings(text, findings, finding));
  const empty = (): LoadedGoals => ({
    path,
    displayPath,
    text,
    config: goalsFileSchema.parse({ version: 1 }),
    goalIndexes: [],
    rawGoals: [],
    findings: findings.sort(compareFindings),
    positions,
    positionOf,
  });
  if (doc.errors.length > 0) return empty();

  // A list, a mapping or binary data used as a key (`? [a]`, `{ {}: 1 }`, `!!binary …: 1`) has
  // no place in goals.yaml, and yaml would turn it into text with a process warning on stderr.
  const complexKey = complexKeyOffset(doc);
  if (complexKey !== undefined) {
    findings.push(
      finding(
        {
          severity: 'error',
          rule: 'yaml/syntax',
          message: 'A key is a list, a mapping or binary data; keys in goals.yaml are plain names.',
          hint: 'Write the key as text (`team:`), and put the list or mapping after the colon, as its value.',
        },
        at(complexKey),
      ),
    );
    return empty();
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    findings.push(
      finding(
        {
          severity: 'error',
          rule: 'yaml/aliases',
          message: `The file could not be read: ${sanitizeLine(firstLine((error as Error).message))}`,
          hint: 'Write the values out instead of nesting aliases (*name); at most 100 alias uses are expanded.',
        },
        { line: 1, column: 1 },
      ),
    );
    return empty();
  }
  if (data === null || data === undefined) {
    findings.push(
      finding(
        {
          severity: 'error',
          rule: 'schema/empty',
          message: 'The file is empty.',
          hint: 'Start it with `version: 1` and a `goals:` list, or run `goals init`.',
        },
        { line: 1, column: 1 },
      ),
    );
    return empty();
  }

  const parsed = goalsFileSchema.safeParse(data);
  const schemaFinding = (issue: z.core.$ZodIssue, base: YamlPath = []): Finding => {
    const issuePath = [...base, ...(issue.path as Array<string | number>)];
    const described = describeIssue(issue, issuePath, data);
    const pos =
      issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
        ? (positionOfKey(positions, issuePath, issue.keys[0], at) ?? positionOf(issuePath))
        : positionOf(issuePath);
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const isMissing = missingKeyOf(issue, issuePath, data) !== undefined;
    return finding(
      {
        severity: 'error',
        rule: schemaRuleOf(issue, issuePath, isMissing),
        message: described.message,
        hint: described.hint,
        ...goalIdAt(data, issuePath),
        path: key === undefined ? issuePath : [...issuePath, key],
      },
      pos,
    );
  };

  let config: GoalsFile;
  let goalIndexes: number[];
  if (parsed.success) {
    config = parsed.data;
    goalIndexes = config.goals.map((_, i) => i);
  } else {
    // One finding per place: a value can break two checks at once (`2026-Q5`
    // fails both the pattern and the calendar check); the first says it.
    const seen = new Set<string>();
    const add = (f: Finding) => {
      const key = JSON.stringify(f.path);
      if (seen.has(key)) return;
      seen.add(key);
      findings.push(f);
    };
    for (const issue of parsed.error.issues.flatMap(unwrapUnion)) {
      // An unknown key lists several keys at once; report each where it stands.
      if (issue.code === 'unrecognized_keys' && issue.keys.length > 1) {
        for (const key of issue.keys) add(schemaFinding({ ...issue, keys: [key] }));
      } else {
        add(schemaFinding(issue));
      }
    }
    ({ config, goalIndexes } = salvage(data, findings));
  }
  findings.push(...duplicateIdFindings(data, positionOf, displayPath));
  findings.push(...checkRecords(config, catalogOf(config.metrics), positionOf, displayPath));
  findings.push(...checkWarehouse(config, positionOf, displayPath));
  return {
    path,
    displayPath,
    text,
    config,
    goalIndexes,
    rawGoals: rawGoalsOf(doc, data, at),
    findings: findings.sort(compareFindings),
    positions,
    positionOf,
  };
}

/**
 * A union (a column name, or { column, … }) that failed in one branch only
 * beyond its type: that branch's issues, which say what is wrong (an
 * unknown scale) instead of "not a valid value".
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const meaningful = issue.errors.filter(
    (branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0),
  );
  if (meaningful.length !== 1) return [issue];
  return meaningful[0]!
    .map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue)
    .flatMap(unwrapUnion);
}

function rawGoalsOf(doc: Document, data: unknown, at: (offset: number) => Position): RawGoal[] {
  const seq = isMap(doc.contents) ? doc.contents.get('goals', true) : undefined;
  const goals = isRecord(data) && Array.isArray(data.goals) ? (data.goals as unknown[]) : [];
  if (!isSeq(seq)) return [];
  return seq.items.map((node, i) => {
    const raw = goals[i];
    const range = (node as { range?: [number, number, number] }).range ?? [0, 0, 0];
    const record = isRecord(raw) ? raw : {};
    return {
      id: typeof record.id === 'string' ? record.id : `#${i + 1}`,
      title: typeof record.title === 'string' ? record.title : '',
      line: at(range[0]).line,
      endLine: at(Math.max(range[0], range[1] - 1)).line,
      closed: record.status === 'closed',
    };
  });
}

/**
 * Keeps what is valid of an invalid file so that its goals can still be
 * checked: a goal with a bad key is checked without that key (so a misspelt
 * `tagret` also shows as a missing target); one that still fails is left out.
 */
function salvage(
  data: unknown,
  findings: readonly Finding[],
): { config: GoalsFile; goalIndexes: number[] } {
  const record = isRecord(data) ? data : {};
  const valueOf = (key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);
  /** The keys of the object at `path` that have a finding. */
  const badKeysAt = (path: YamlPath): string[] =>
    findings
      .filter(
        (f) =>
          f.path !== undefined &&
          f.path.length > path.length &&
          path.every((p, i) => f.path![i] === p) &&
          typeof f.path[path.length] === 'string',
      )
      .map((f) => f.path![path.length] as string);
  /** Parses an object without its bad keys; undefined if it still fails. */
  const parseWithout = <T>(schema: z.ZodType<T>, raw: unknown, path: YamlPath): T | undefined => {
    const bad = badKeysAt(path);
    const trimmed = isRecord(raw)
      ? Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.includes(k)))
      : raw;
    const result = schema.safeParse(trimmed);
    return result.success ? result.data : undefined;
  };
  /** Valid items of a list, with the index each had in the file. */
  const listOf = <T>(key: string, schema: z.ZodType<T>): Array<{ item: T; index: number }> => {
    const raw = valueOf(key);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item: unknown, index) => {
      const parsed = parseWithout(schema, item, [key, index]);
      return parsed === undefined ? [] : [{ item: parsed, index }];
    });
  };
  const settings =
    valueOf('settings') === undefined
      ? undefined
      : parseWithout(settingsSchema, valueOf('settings'), ['settings']);
  const goals = listOf('goals', goalSchema);
  const shape = goalsFileSchema.shape;
  return {
    config: {
      version: 1,
      settings: settings ?? settingsSchema.parse({}),
      objectives: listOf('objectives', shape.objectives.unwrap().element).map((x) => x.item),
      metrics: listOf('metrics', shape.metrics.unwrap().element).map((x) => x.item),
      sources: listOf('sources', shape.sources.unwrap().element).map((x) => x.item),
      goals: goals.map((x) => x.item),
    },
    goalIndexes: goals.map((x) => x.index),
  };
}

function duplicateIdFindings(
  data: unknown,
  positionOf: (p: YamlPath) => Position,
  file: string,
): Finding[] {
  if (!isRecord(data)) return [];
  const findings: Finding[] = [];
  for (const list of ['objectives', 'metrics', 'sources', 'goals'] as const) {
    const items = Object.hasOwn(data, list) ? data[list] : undefined;
    if (!Array.isArray(items)) continue;
    const seen = new Map<string, number>();
    items.forEach((item: unknown, i) => {
      if (!isRecord(item) || typeof item.id !== 'string') return;
      const first = seen.get(item.id);
      if (first === undefined) {
        seen.set(item.id, i);
        return;
      }
      const firstPos = positionOf([list, first, 'id']);
      findings.push({
        severity: 'error',
        rule: 'schema/duplicate-id',
        message: `${singular(list)} id '${item.id}' is used twice (first at line ${firstPos.line}).`,
        hint: `Ids must be unique within ${list}: rename one of them.`,
        file,
        ...positionOf([list, i, 'id']),
        ...(list === 'goals' ? { goal: item.id } : {}),
      });
    });
  }
  return findings;
}

function singular(list: string): string {
  return (
    { objectives: 'Objective', metrics: 'Metric', sources: 'Source', goals: 'Goal' }[list] ?? list
  );
}

function goalIdAt(data: unknown, path: YamlPath): { goal?: string } {
  if (path[0] !== 'goals' || typeof path[1] !== 'number' || !isRecord(data)) return {};
  const goals = data.goals;
  const goal = Array.isArray(goals) ? (goals[path[1]] as unknown) : undefined;
  return isRecord(goal) && typeof goal.id === 'string' ? { goal: goal.id } : {};
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The offset of every node, by path, as a tree that can be cached: for a map
 * key, the key itself; a node without a position has its parent's. (Only the
 * first of two equal keys counts; two are a syntax error anyway.)
 */
function positionTreeOf(node: unknown, offset: number | undefined): PositionTree {
  const tree: PositionTree = offset === undefined ? {} : { o: offset };
  if (isMap(node)) {
    const keys: Record<string, PositionTree> = Object.create(null);
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (!(key in keys)) keys[key] = positionTreeOf(pair.value, rangeStart(pair.key) ?? offset);
    }
    tree.k = keys;
  } else if (isSeq(node)) {
    tree.i = node.items.map((item) => {
      const child = isPair(item) ? item.key : item;
      return positionTreeOf(child, rangeStart(child) ?? offset);
    });
  }
  return tree;
}

/** Where a key of the map at `path` is, when it is there. */
function positionOfKey(
  positions: PositionTree,
  path: YamlPath,
  key: string,
  at: (offset: number) => Position,
): Position | undefined {
  const offset = offsetIn(positions, [...path, key]);
  const parent = offsetIn(positions, path);
  return offset !== undefined && offset !== parent ? at(offset) : undefined;
}

/** Where the first key that is not a plain scalar (a list, a mapping, `!!binary`) starts, if any. */
function complexKeyOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      if (
        isMap(key) ||
        isSeq(key) ||
        (isScalar(key) && typeof key.value === 'object' && key.value !== null)
      ) {
        offset = rangeStart(key) ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

/**
 * An error found at the end of the file (a quote never closed) is shown at
 * the end of the last line with text, where the user has to look.
 */
function syntaxPosition(text: string, pos: Position): Position {
  const lines = text.split(/\r?\n/);
  let line = pos.line;
  if ((lines[line - 1] ?? '').trim() !== '') return pos;
  while (line > 1 && (lines[line - 1] ?? '').trim() === '') line--;
  return { line, column: (lines[line - 1] ?? '').length + 1 };
}

/**
 * A quote that is never closed swallows the rest of the file, so yaml
 * reports it at the end: point at the quote itself, on its own line.
 */
function unclosedQuote(
  source: string,
  at: (offset: number) => Position,
): { pos: Position; message: string; hint: string } | undefined {
  const token = findToken(new Parser().parse(source), (t) => {
    if (t.type !== 'double-quoted-scalar' && t.type !== 'single-quoted-scalar') return false;
    const q = t.source[0]!;
    const body = t.source.slice(1);
    // A closing quote that is not an escaped or doubled one.
    return q === '"' ? !/(^|[^\\])(\\\\)*"/.test(body) : !/(^|[^'])('')*'(?!')/.test(body);
  });
  if (!token || !('source' in token) || token.offset === undefined) return undefined;
  const pos = at(token.offset);
  const endLine = at(token.offset + token.source.trimEnd().length).line;
  const quote = token.source[0]!;
  const lineText = (source.split(/\r?\n/)[pos.line - 1] ?? '').trimEnd();
  const swallowed =
    endLine > pos.line ? `, so YAML reads lines ${pos.line}–${endLine} as one text` : '';
  return {
    pos,
    message: `The ${quote === '"' ? 'double' : 'single'} quote opened on line ${pos.line} is never closed${swallowed}.`,
    hint: `Close it at the end of the value: ${sanitizeLine(lineText.trim())}${quote}`,
  };
}

/** The first token of a CST, depth first, that `test` accepts. */
function findToken(
  tokens: Iterable<unknown>,
  test: (t: { type: string; source: string; offset: number }) => boolean,
): { type: string; source: string; offset: number } | undefined {
  for (const token of tokens) {
    if (typeof token !== 'object' || token === null) continue;
    const t = token as { type?: unknown; source?: unknown; offset?: unknown };
    if (
      typeof t.type === 'string' &&
      typeof t.source === 'string' &&
      typeof t.offset === 'number'
    ) {
      const candidate = t as { type: string; source: string; offset: number };
      if (test(candidate)) return candidate;
    }
    for (const child of Object.values(token)) {
      const found = findToken(Array.isArray(child) ? child : [child], test);
      if (found) return found;
    }
  }
  return undefined;
}

/** A tab in a line's indentation, where no other finding stands on that line. */
function tabFindings(
  text: string,
  found: readonly Finding[],
  finding: (f: Omit<Finding, 'file' | 'line' | 'column'>, pos: Position) => Finding,
): Finding[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    const indent = /^[ \t]*/.exec(line)![0];
    const tab = indent.indexOf('\t');
    if (tab < 0 || line.trim() === '' || found.some((f) => f.line === i + 1)) return [];
    return [
      finding(
        {
          severity: 'error',
          rule: 'yaml/syntax',
          message: `Line ${i + 1} is indented with a tab.`,
          hint: tabHint(i + 1),
        },
        { line: i + 1, column: tab + 1 },
      ),
    ];
  });
}

type SyntaxFinding = Finding & {
  /** The parser lost its way here: what it reports after this follows from it. */
  derails: boolean;
};

/**
 * After a syntax error that derails the parser, yaml reports nearly every
 * token that follows it (one stray bracket gives a dozen errors, one per
 * line): keep the first, and say how many followed and where. A duplicate
 * key or a warning does not derail it and stays reported on its own.
 */
function firstOfCascade(found: SyntaxFinding[]): Finding[] {
  const sorted = found.sort(compareFindings);
  const first = sorted.find((f) => f.derails);
  const followed = sorted.filter((f) => f.derails && f !== first);
  const kept = sorted.filter((f) => !followed.includes(f)).map(({ derails: _, ...f }) => f);
  if (first === undefined || followed.length === 0) return kept;
  const lines = [...new Set(followed.map((f) => f.line))];
  const where =
    lines.length === 1 ? `line ${lines[0]}` : `lines ${lines[0]}–${lines[lines.length - 1]}`;
  const more =
    followed.length === 1
      ? `1 more error after this one (${where}); it follows`
      : `${followed.length} more errors after this one (${where}); they follow`;
  return kept.map((f) =>
    f.line === first.line && f.column === first.column
      ? { ...f, hint: `${f.hint} YAML reports ${more} from it, so fix this one and run again.` }
      : f,
  );
}

function tabHint(line: number): string {
  return `YAML indents with spaces only: replace the tab on line ${line} with spaces.`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The most common syntax error is a key indented one space off: say so with
 * the numbers. Indented less, the line matches none of the lines above;
 * indented more, YAML reads it as the rest of the value on the line before,
 * and reports that line.
 */
function indentHint(text: string, lineNumber: number): string | undefined {
  const indent = (line: string) => line.length - line.trimStart().length;
  // A list item's keys line up with the text after its "- ".
  const keyIndent = (l: string) => indent(l.replace(/^(\s*)- /, '$1  '));
  const isContent = (l: string) => l.trim() !== '' && !l.trimStart().startsWith('#');
  const lines = text.split(/\r?\n/);
  const line = lines[lineNumber - 1] ?? '';
  if (!isContent(line)) return undefined;
  if (/^ *\t/.test(line)) return tabHint(lineNumber);

  // The line itself lines up with none above it: that is the mistake, whatever follows.
  const above = lines.slice(0, lineNumber - 1).filter(isContent);
  const previous = above.at(-1);
  const levels = new Set(above.flatMap((l) => [indent(l), keyIndent(l)]));
  if (previous !== undefined && !levels.has(indent(line))) {
    return `Line ${lineNumber} is indented ${spaces(indent(line))}, the line before it ${keyIndent(previous)}: keys of one mapping must line up.`;
  }

  const nextIndex = lines.findIndex((l, i) => i >= lineNumber && isContent(l));
  const next = lines[nextIndex] ?? '';
  if (/:\s+\S/.test(line) && /^\s*[\w"'-][^:]*:(\s|$)/.test(next)) {
    if (indent(next) > keyIndent(line)) {
      return `Line ${nextIndex + 1} is indented ${spaces(indent(next))}, line ${lineNumber} ${keyIndent(line)}, so YAML reads it as part of line ${lineNumber}'s value: keys of one mapping must line up.`;
    }
  }
  return undefined;
}

function spaces(n: number): string {
  return n === 1 ? '1 space' : `${n} spaces`;
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each key may appear once in a mapping: remove or rename the second one.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'Check the indentation and punctuation on this line and the one before it.';
    case 'TAB_AS_INDENT':
      return 'YAML indents with spaces, never tabs.';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'A key must fit on one line; quote values that contain ": ".';
    default:
      return 'Fix the YAML syntax at this position; quote values that contain ": " or start with special characters.';
  }
}
