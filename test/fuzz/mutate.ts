/**
 * Mutations of real files for fuzzing the readers of untrusted input
 * (goals.yaml, CSV exports): each mutation is plain data, so fast-check can
 * shrink a failing input to the smallest list of edits and print it.
 */
import fc from 'fast-check';

export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; with: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'replace-token'; at: number; value: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete-range'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip-char'; at: number; char: string };

/** Values that broke parsers before: numbers at the edges, dates that do not exist, YAML and CSV syntax, hostile text. */
export const NASTY_VALUES = [
  '',
  ' ',
  '~',
  'null',
  'true',
  'no',
  '-1',
  '0',
  '-0',
  '1e308',
  '1e400',
  '-1e400',
  'NaN',
  '.nan',
  '.inf',
  'Infinity',
  '0x1F',
  '1_000',
  '85%',
  '85,5',
  '1.234,5',
  '1,234.5',
  '2h',
  '90m',
  '01:30:00',
  '25:61:61',
  '-2h',
  '2026-Q5',
  '2026-Q0',
  '31.12.2026',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '0001-01-01',
  '9999-12-31',
  '9999-Q4',
  '0000-Q1',
  '01/02/2026',
  '29.02.2026',
  '"',
  '""',
  "'",
  '"a,b"',
  '"multi\nline"',
  ',',
  ';',
  '\t',
  '|',
  ':',
  ': ',
  '- ',
  '-',
  '[',
  ']',
  '{',
  '}',
  '[]',
  '{}',
  '[1, 2]',
  '{ a: 1 }',
  '&anchor x',
  '*anchor',
  '*nope',
  '<<: *anchor',
  '!!binary aGVsbG8=',
  '!!js/function "x"',
  '!!str',
  '!tag x',
  '? complex',
  '%YAML 1.1',
  '---',
  '...',
  '#',
  '__proto__',
  'constructor',
  'toString',
  '=HYPERLINK("x")',
  '@SUM(A1)',
  '\u0000',
  '\u001b[31m',
  '\u202e',
  '\ufeff',
  '\r',
  '\r\n',
  '\u2028',
  '😀',
  'Ärger über Öl',
  'Екипът',
  'x'.repeat(5000),
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_VALUES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    kind: fc.constant('indent' as const),
    at: fc.nat(),
    by: fc.integer({ min: -4, max: 4 }),
  }),
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('replace-token' as const),
      at: fc.nat(),
      value: text,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text }) },
  fc.record({
    kind: fc.constant('delete-range' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip-char' as const),
    at: fc.nat(),
    char: fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
  }),
);

/** Applies the mutations in turn; positions wrap around the current text. */
export function mutate(source: string, mutations: readonly Mutation[]): string {
  let out = source;
  for (const m of mutations) out = apply(out, m);
  return out;
}

function apply(source: string, m: Mutation): string {
  const lines = source.split('\n');
  const line = (at: number) => at % lines.length;
  const offset = (at: number) => (source.length === 0 ? 0 : at % (source.length + 1));
  switch (m.kind) {
    case 'delete-line':
      lines.splice(line(m.at), 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(line(m.at), 0, lines[line(m.at)]!);
      return lines.join('\n');
    case 'swap-lines': {
      const a = line(m.at);
      const b = line(m.with);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'indent': {
      const i = line(m.at);
      const current = lines[i]!;
      // 0 indents with a tab, which YAML refuses.
      if (m.by === 0) lines[i] = `\t${current}`;
      else if (m.by > 0) lines[i] = ' '.repeat(m.by) + current;
      else lines[i] = current.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
    case 'replace-token': {
      // A token: a run of characters between separators of YAML and CSV.
      const tokens = [...source.matchAll(/[^\s,;:|"'{}[\]]+/g)];
      if (tokens.length === 0) return source + m.value;
      const token = tokens[m.at % tokens.length]!;
      return source.slice(0, token.index) + m.value + source.slice(token.index + token[0].length);
    }
    case 'insert': {
      const at = offset(m.at);
      return source.slice(0, at) + m.text + source.slice(at);
    }
    case 'delete-range': {
      const at = offset(m.at);
      return source.slice(0, at) + source.slice(at + m.length);
    }
    case 'truncate':
      return source.slice(0, offset(m.at));
    case 'flip-char': {
      const at = offset(m.at);
      return source.slice(0, at) + m.char + source.slice(at + 1);
    }
  }
}

/** A seed file and the mutations to apply to it. */
export function mutated(seeds: readonly string[], maxMutations = 4): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: maxMutations }))
    .map(([seed, mutations]) => mutate(seed, mutations));
}
