/**
 * Finding the columns a mapping names in a file's header: exactly, else
 * ignoring case and repeated spaces, with "did you mean" when neither
 * works. Problems point at the line to edit: the key in goals.yaml when
 * the mapping comes from there, else the CSV header.
 */
import type { Finding } from '../core/finding.js';
import { suggest } from '../core/suggest.js';
import type { CellProblem } from './cell-problem.js';
import type { ImportSpec } from './import-spec.js';
import { DATE_FORMATS, parseDate } from './parse-date.js';

export interface ColumnRef {
  /** 0-based field index. */
  index: number;
  /** The header as written (trimmed). */
  name: string;
}

export type KeyPath = ReadonlyArray<string | number>;

/** A key of a source as people read it: `columns: "CSAT %"`, `date:`. */
function describeKey(path: KeyPath): string {
  const [section, key] = path;
  return key === undefined ? `${section}:` : `${section}: ${JSON.stringify(key)}`;
}

/** The header a misspelt or shortened column name most likely means. */
function suggestColumn(name: string, headers: string[]): string | undefined {
  const close = suggest(name, headers);
  if (close) return close;
  // "First reply" for "First reply (h)": a header that starts with the name.
  const folded = name.toLowerCase();
  const starting = headers.filter((h) => h.toLowerCase().startsWith(folded));
  return starting.length === 1 ? starting[0] : undefined;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();

export class HeaderColumns {
  readonly names: string[];
  readonly cellProblems: CellProblem[] = [];
  readonly findings: Finding[] = [];
  readonly used = new Set<number>();
  readonly byName = new Map<string, number[]>();
  private readonly sourceName: string;

  constructor(
    header: readonly string[],
    readonly headerLine: number,
    private readonly spec: Pick<ImportSpec, 'origin' | 'sourceId'>,
    private readonly displayPath: string,
  ) {
    this.names = header.map((h) => h.trim());
    this.sourceName = spec.sourceId ? `source '${spec.sourceId}'` : 'the mapping';
    this.names.forEach((n, i) => {
      if (n === '') return;
      const list = this.byName.get(n) ?? [];
      list.push(i);
      this.byName.set(n, list);
    });
  }

  get hasProblems(): boolean {
    return this.cellProblems.length > 0 || this.findings.length > 0;
  }

  /** A first line of dates and numbers is data: the export has no header. */
  get isDataLike(): boolean {
    const cells = this.names.filter((n) => n !== '');
    return (
      cells.length > 0 &&
      cells.filter(
        (n) => /^[-+]?\d+([.,]\d+)?$/.test(n) || DATE_FORMATS.some((f) => parseDate(n, f)),
      ).length *
        2 >=
        cells.length
    );
  }

  listColumns(): string {
    const names = this.names;
    return this.isDataLike
      ? `The first line (${names.map((n) => `"${n}"`).join(', ')}) looks like data, not column names: the file has no header line. Add one naming each column (e.g. date, csat), then map them.`
      : names.length === 0
        ? 'The header is empty.'
        : `The columns are: ${names.map((n) => `"${n}"`).join(', ')}.`;
  }

  /** A problem with the mapping: at the key in goals.yaml when it comes from there. */
  report(
    message: string,
    hint: string,
    rule: string,
    configPath: KeyPath | undefined,
    field = 0,
  ): void {
    const origin = this.spec.origin;
    if (origin && configPath) {
      this.findings.push({
        severity: 'error',
        rule,
        message,
        hint,
        file: origin.file,
        ...origin.positionOf(configPath),
      });
    } else {
      this.cellProblems.push({
        severity: 'error',
        rule,
        message,
        hint,
        line: this.headerLine,
        field,
      });
    }
  }

  /** How to fix a key: in goals.yaml when it comes from there, else with a flag. */
  fixOf(configPath: KeyPath | undefined, flag: string): string {
    return this.spec.origin && configPath
      ? `fix ${describeKey(configPath)} in ${this.sourceName} in goals.yaml`
      : `pass the column's name to ${flag}`;
  }

  /** Finds a column by name: exactly, else ignoring case and repeated spaces. */
  find(
    wanted: string,
    role: string,
    configPath: KeyPath | undefined,
    flag: string,
  ): ColumnRef | undefined {
    const name = wanted.trim();
    let indexes = this.byName.get(name);
    if (!indexes) {
      const folded = [...this.byName.keys()].filter((n) => fold(n) === fold(name));
      if (folded.length === 1) indexes = this.byName.get(folded[0]!);
    }
    if (!indexes) {
      const close = suggestColumn(name, [...this.byName.keys()]);
      this.report(
        `${this.displayPath} has no column "${name}" (${role}).`,
        `${close ? `Did you mean "${close}"? ` : ''}${this.listColumns()} Rename the column in the export or ${this.fixOf(configPath, flag)}.`,
        'import/missing-column',
        configPath,
      );
      return undefined;
    }
    if (indexes.length > 1) {
      this.cellProblems.push({
        severity: 'error',
        rule: 'import/duplicate-column',
        message: `Column "${name}" appears ${indexes.length} times in the header of ${this.displayPath} (fields ${indexes.map((i) => i + 1).join(', ')}), so it is unclear which one holds ${role}.`,
        hint: 'Rename the columns in the export so that each name is used once.',
        line: this.headerLine,
        field: indexes[1]!,
      });
      return undefined;
    }
    const index = indexes[0]!;
    this.used.add(index);
    return { index, name: this.names[index]! };
  }

  /** Columns no role used, in header order. */
  unmapped(alsoUsed: (index: number) => boolean = () => false): ColumnRef[] {
    const out: ColumnRef[] = [];
    this.names.forEach((name, index) => {
      if (!this.used.has(index) && !alsoUsed(index)) out.push({ index, name });
    });
    return out;
  }

  /** Warnings for names that appear twice and are not mapped (neither is read). */
  duplicateWarnings(): CellProblem[] {
    const warnings: CellProblem[] = [];
    for (const [name, indexes] of this.byName) {
      if (indexes.length > 1 && indexes.every((i) => !this.used.has(i))) {
        warnings.push({
          severity: 'warning',
          rule: 'import/duplicate-column',
          message: `Column "${name}" appears ${indexes.length} times in the header of ${this.displayPath}; it is not mapped, so neither is read.`,
          hint: 'Rename the columns in the export if one of them should be imported.',
          line: this.headerLine,
          field: indexes[1]!,
        });
      }
    }
    return warnings;
  }
}
