/**
 * Writes to a user's goals.yaml without disturbing it: a new goal, objective
 * or metric is appended to its list, and a finished goal is marked
 * `status: closed`, keeping every comment, blank line, quote and indent.
 *
 * The yaml Document tells where the lists and goals are; the new text is
 * spliced in at that place, so the rest of the file stays byte for byte as
 * it was (re-printing the whole Document would also keep the comments, but
 * re-flows `[0, 100]` into `[ 0, 100 ]`, re-indents lists and moves
 * comments). Every splice is checked by parsing the result: when it does
 * not hold exactly the intended data (an unusual layout, a flow-style
 * list), the edit falls back to `doc.addIn` / `doc.setIn` on the Document.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, YAMLMap, YAMLSeq } from 'yaml';

/** One change to goals.yaml. */
export type GoalsEdit =
  | {
      kind: 'add';
      list: 'goals' | 'objectives' | 'metrics' | 'sources';
      item: Record<string, unknown>;
    }
  | { kind: 'close'; goalId: string };

const PARSE_OPTIONS = { schema: 'core', uniqueKeys: true } as const;

/**
 * Applies edits in order and returns the new text. Throws when the text is
 * not a goals file that can be edited (a YAML error, no top-level map, a
 * goal to close that is not there): the caller has validated it before.
 */
export function applyEdits(text: string, edits: readonly GoalsEdit[]): string {
  // A file saved with Windows line endings keeps them, new lines included.
  const isCrlf = text.includes('\r\n');
  let current = isCrlf ? text.replace(/\r\n/g, '\n') : text;
  for (const edit of edits) current = applyEdit(current, edit);
  return isCrlf ? current.replace(/\n/g, '\r\n') : current;
}

function applyEdit(text: string, edit: GoalsEdit): string {
  const doc = parseStrict(text);
  const expected = doc.clone();
  if (edit.kind === 'add') {
    const node = createItemNode(expected, edit.list, edit.item);
    const list = expected.get(edit.list, true);
    if (isSeq(list)) {
      list.flow = false;
      list.items.push(node);
    } else {
      expected.set(edit.list, new Document().createNode([]));
      (expected.get(edit.list, true) as YAMLSeq).items.push(node);
    }
  } else {
    const index = goalIndex(expected, edit.goalId);
    expected.setIn(['goals', index, 'status'], 'closed');
  }
  const want = expected.toJS() as unknown;
  const spliced = edit.kind === 'add' ? spliceAdd(text, doc, edit) : spliceClose(text, doc, edit);
  if (spliced !== undefined && holds(spliced, want)) return spliced;
  // An unusual layout: edit the Document itself (comments kept, spacing re-printed).
  const fallback = expected.toString(printOptions(text));
  if (!holds(fallback, want)) throw new Error(`Could not apply the edit to goals.yaml.`);
  return fallback;
}

function parseStrict(text: string): Document.Parsed {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0)
    throw new Error(`goals.yaml does not parse: ${doc.errors[0]!.message}`);
  if (!isMap(doc.contents)) throw new Error('goals.yaml is not a map of keys.');
  return doc;
}

function holds(text: string, want: unknown): boolean {
  const doc = parseDocument(text, PARSE_OPTIONS);
  return doc.errors.length === 0 && isDeepStrictEqual(doc.toJS(), want);
}

function goalIndex(doc: Document, goalId: string): number {
  const goals = doc.get('goals', true);
  const index = isSeq(goals)
    ? goals.items.findIndex((item) => isMap(item) && item.get('id') === goalId)
    : -1;
  if (index < 0) throw new Error(`There is no goal '${goalId}' to close.`);
  return index;
}

// ─── Splicing ────────────────────────────────────────────────────────────────

/** Appends the item's text after the list's last item, or creates the list. */
function spliceAdd(
  text: string,
  doc: Document.Parsed,
  edit: Extract<GoalsEdit, { kind: 'add' }>,
): string | undefined {
  const style = detectStyle(text, doc);
  const list = doc.get(edit.list, true);
  const itemText = (indent: number) =>
    indentLines(stringifyItem(edit.item, edit.list, style.indent), indent);
  if (isSeq(list) && !list.flow && list.items.length > 0) {
    const last = list.items[list.items.length - 1] as Node;
    const dash = columnOf(text, list.range![0]);
    // Follow the list's own spacing; a list of one goal gets the blank line goals usually have.
    const spaced =
      list.items.length === 1
        ? edit.list === 'goals'
        : list.items.some((item, i) => i > 0 && (item as Node).spaceBefore === true);
    const at = lineEndAfter(text, last.range![1]);
    return `${text.slice(0, at)}${spaced ? '\n' : ''}${itemText(dash)}${text.slice(at)}`;
  }
  if (isSeq(list) && list.flow && list.items.length === 0) {
    // `goals: []` becomes a block list; a comment after `[]` stays on that line.
    const [start, end] = list.range!;
    const lineEnd = lineEndAfter(text, end);
    const rest = text.slice(end, lineEnd).replace(/\n$/, '');
    return `${text.slice(0, start).replace(/[ \t]+$/, '')}${rest}\n${itemText(style.seqIndent)}${text.slice(lineEnd)}`;
  }
  const pairs = (doc.contents as YAMLMap).items;
  if (pairs.some((p) => isScalar(p.key) && p.key.value === edit.list)) return undefined; // `goals:` with some other value: let the Document handle it
  const block = `${edit.list}:\n${itemText(style.seqIndent)}`;
  // A new list goes where the format documents it: before the sections that follow it.
  const later = TOP_LEVEL_ORDER.slice(TOP_LEVEL_ORDER.indexOf(edit.list) + 1);
  const next = pairs.find((p) => isScalar(p.key) && later.includes(String(p.key.value)));
  if (next && isScalar(next.key) && next.key.range) {
    const at = startOfCommentsAbove(text, next.key.range[0]);
    return `${text.slice(0, at)}${block}\n${text.slice(at)}`;
  }
  const body = text.endsWith('\n') || text === '' ? text : `${text}\n`;
  return `${body}\n${block}`;
}

const TOP_LEVEL_ORDER = ['version', 'settings', 'objectives', 'metrics', 'sources', 'goals'];

/** The start of the line at `offset`, moved up over the comment lines right above it. */
function startOfCommentsAbove(text: string, offset: number): number {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  for (;;) {
    if (start === 0) return start;
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (!text.slice(previous, start).startsWith('#')) return start;
    start = previous;
  }
}

/** Sets `status: closed` on one goal: replaces the value, or adds the line after the goal's last. */
function spliceClose(
  text: string,
  doc: Document.Parsed,
  edit: Extract<GoalsEdit, { kind: 'close' }>,
): string | undefined {
  const goals = doc.get('goals', true) as YAMLSeq;
  const goal = goals.items[goalIndex(doc, edit.goalId)];
  if (!isMap(goal) || goal.flow || goal.items.length === 0) return undefined;
  const status = goal.items.find((p) => isScalar(p.key) && p.key.value === 'status');
  if (status) {
    if (!isScalar(status.value) || !status.value.range) return undefined;
    const [start, end] = status.value.range;
    return `${text.slice(0, start)}closed${text.slice(end)}`;
  }
  const firstKey = goal.items[0]!.key as Node;
  const indent = columnOf(text, firstKey.range![0]);
  const at = lineEndAfter(text, goal.range![1]);
  const prefix = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  return `${text.slice(0, at)}${prefix}${' '.repeat(indent)}status: closed\n${text.slice(at)}`;
}

interface Style {
  /** Spaces per nesting level of maps. */
  indent: number;
  /** Column of the `-` of top-level lists (0: `goals:\n- id`, 2: `goals:\n  - id`). */
  seqIndent: number;
}

/** The file's own indentation, from its top-level collections; 2 and 2 when it has none. */
function detectStyle(text: string, doc: Document.Parsed): Style {
  let indent: number | undefined;
  let seqIndent: number | undefined;
  for (const pair of (doc.contents as YAMLMap).items) {
    const value = pair.value as Node | null;
    if (!value?.range) continue;
    if (isMap(value) && !value.flow && indent === undefined)
      indent = columnOf(text, value.range[0]) || undefined;
    if (isSeq(value) && !value.flow && seqIndent === undefined)
      seqIndent = columnOf(text, value.range[0]);
  }
  return { indent: indent ?? 2, seqIndent: seqIndent ?? 2 };
}

function printOptions(text: string) {
  const doc = parseStrict(text);
  const style = detectStyle(text, doc);
  return {
    indent: style.indent,
    indentSeq: style.seqIndent > 0,
    lineWidth: 0,
  };
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The offset just after the line that contains the character before `offset`. */
function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

function indentLines(block: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return block
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

// ─── Printing new items ──────────────────────────────────────────────────────

/** Key order of each list's items, as the format documents them (DESIGN §3). */
const KEY_ORDER: Record<string, readonly string[]> = {
  goals: [
    'id',
    'title',
    'description',
    'owner',
    'objective',
    'metric',
    'segment',
    'type',
    'baseline',
    'target',
    'start',
    'deadline',
    'milestones',
    'status',
  ],
  objectives: ['id', 'title', 'owner', 'description'],
  metrics: ['id', 'name', 'unit', 'direction', 'range', 'formula', 'description'],
  sources: [
    'id',
    'path',
    'layout',
    'preset',
    'timezone',
    'calendar',
    'period',
    'missing',
    'header',
    'date',
    'delimiter',
    'decimal',
    'encoding',
    'columns',
    'metric_column',
    'value_column',
    'metrics',
    'fields',
    'segments',
    'skip_invalid',
  ],
};

/** The item as a plain object in documented key order, without undefined keys or `status: active`. */
function normaliseItem(
  item: Record<string, unknown>,
  list: keyof typeof KEY_ORDER,
): Record<string, unknown> {
  const order = KEY_ORDER[list]!;
  const keys = Object.keys(item).sort((a, b) => rank(order, a) - rank(order, b));
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = item[key];
    if (value === undefined) continue;
    if (list === 'goals' && key === 'status' && value === 'active') continue;
    out[key] = value;
  }
  return out;
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

/** Small maps and lists read best on one line: `segment: { team: EMEA }`, `range: [0, 100]`. */
function createItemNode(
  doc: Document,
  list: keyof typeof KEY_ORDER,
  item: Record<string, unknown>,
): YAMLMap {
  const node = doc.createNode(normaliseItem(item, list)) as YAMLMap;
  for (const key of ['segment', 'baseline', 'range', 'segments', 'missing']) {
    const value = node.get(key, true);
    if (isMap(value) || isSeq(value)) value.flow = true;
  }
  // "No value" cells read best quoted: `missing: ["1900-01-01 00:00:00", "-"]`.
  const missing = node.get('missing', true);
  if (isSeq(missing)) for (const m of missing.items) if (isScalar(m)) m.type = 'QUOTE_DOUBLE';
  const milestones = node.get('milestones', true);
  if (isSeq(milestones)) for (const m of milestones.items) if (isMap(m)) m.flow = true;
  return node;
}

/** One list item as block YAML starting with `- `, ending with a newline. */
function stringifyItem(
  item: Record<string, unknown>,
  list: keyof typeof KEY_ORDER,
  indent: number,
): string {
  const doc = new Document();
  const seq = doc.createNode([]) as YAMLSeq;
  seq.items.push(createItemNode(doc, list, item));
  doc.contents = seq;
  // Flow maps read `{ team: EMEA }`, flow lists `[0, 100]`, as in the format's documentation.
  return doc.toString({ indent, lineWidth: 0, flowCollectionPadding: list !== 'metrics' });
}

/** A goal as it will appear in goals.yaml, for showing before it is written. */
export function stringifyGoal(goal: Record<string, unknown>): string {
  const doc = new Document();
  doc.contents = createItemNode(doc, 'goals', goal);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** Plain data as YAML (`goals plan --no-input`), with an optional comment on top. */
export function stringifyYaml(data: unknown, comment?: string): string {
  const doc = new Document(data);
  if (comment) doc.commentBefore = comment;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

export const SCHEMA_MODELINE = '# yaml-language-server: $schema=./goals.schema.json';

/**
 * A new goals.yaml (`goals init`): the schema modeline, a comment saying
 * what the file is, `version: 1`, the settings, the objectives and an empty
 * goals list; goals are then added with `applyEdits`.
 */
export function createGoalsText(options: {
  team?: string | undefined;
  timezone: string;
  fiscalYearStart: number;
  objectives: ReadonlyArray<Record<string, unknown>>;
}): string {
  const whose = options.team ? `Goals of ${options.team.replace(/[\r\n]+/g, ' ')}.` : 'Our goals.';
  const header = [
    SCHEMA_MODELINE,
    '#',
    `# ${whose} \`goals new\` adds a SMART goal, \`goals validate\` checks them,`,
    '# `goals check` shows where each one stands (after `goals import`).',
  ].join('\n');
  const settings = stringifyYaml({
    settings: { timezone: options.timezone, fiscal_year_start: options.fiscalYearStart },
  });
  let text = `${header}\nversion: 1\n\n${settings}\n`;
  if (options.objectives.length > 0) {
    text += 'objectives:\n';
    for (const objective of options.objectives)
      text += indentLines(stringifyItem({ ...objective }, 'objectives', 2), 2);
    text += '\n';
  }
  return `${text}goals: []\n`;
}
