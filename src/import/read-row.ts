/**
 * One CSV record to snapshots, through a resolved mapping: its date, its
 * segment, and each metric value (a wide row gives one per mapped column, a
 * long row one). A row with any problem gives no snapshot at all, so a row
 * is imported whole or not at all.
 */
import type { IsoDate } from '../core/dates.js';
import { suggest } from '../core/suggest.js';
import type { SnapshotBatch } from '../store/snapshot-batch.js';
import type { CellProblem } from './cell-problem.js';
import { DATE_FORMATS, hasDateShape, parseDate } from './parse-date.js';
import type { DateDetector, DateFormat } from './parse-date.js';
import { makeValueTarget, readCellValue } from './read-cell-value.js';
import type { ValueProblem, ValueTarget } from './read-cell-value.js';
import type { ResolvedMapping } from './resolve-mapping.js';
import type { DecimalSeparator } from './sniff-dialect.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Values seen per percent target, to warn when a column holds ratios (0–1). */
interface RatioWatch {
  label: string;
  line: number;
  field: number;
  metric: string;
  count: number;
  max: number;
}

/**
 * A record with another number of fields than the header: [] when it is
 * blank, its problem otherwise; undefined when its width is right (extra
 * fields that are all empty are a trailing delimiter, not data).
 */
export function checkFieldCount(
  fields: readonly string[],
  width: number,
  line: number,
): CellProblem[] | undefined {
  if (fields.length === width) return undefined;
  if (fields.every((f) => f.trim() === '')) return [];
  if (fields.length > width && fields.slice(width).every((f) => f.trim() === '')) return undefined;
  return [
    {
      severity: 'error',
      rule: 'import/field-count',
      message: `This row has ${fields.length} fields, the header has ${width}.`,
      hint:
        fields.length > width
          ? 'A value probably contains the delimiter: quote it ("1,5") or export with another delimiter; check --delimiter.'
          : 'The row is cut short: export the file again, or --skip-invalid to leave the row out.',
      line,
      field: Math.max(0, Math.min(fields.length, width) - 1),
    },
  ];
}

export class RowReader {
  private readonly nameTargets = new Map<string, ValueTarget | ValueProblem>();
  private readonly ratioWatch = new Map<ValueTarget, RatioWatch>();
  private readonly width: number;

  constructor(
    private readonly mapping: ResolvedMapping,
    private readonly decimal: DecimalSeparator,
    /** The declared or final format; undefined while the detector learns it. */
    private readonly dateFormat: DateFormat | undefined,
    private readonly detector: DateDetector,
    /** settings.timezone: a time with a UTC offset is given its calendar day there. */
    private readonly timeZone: string,
  ) {
    this.width = mapping.header.length;
  }

  /**
   * Appends the record's snapshots to `out`, or returns its problems (and
   * appends nothing). Blank records return an empty list.
   */
  read(fields: string[], line: number, out: SnapshotBatch): CellProblem[] | undefined {
    const m = this.mapping;
    const shape = checkFieldCount(fields, this.width, line);
    if (shape) return shape;
    let problems: CellProblem[] | undefined;
    const problem = (field: number, rule: string, message: string, hint: string) => {
      (problems ??= []).push({ severity: 'error', rule, message, hint, line, field });
    };

    const dateText = fields[m.date.index]!.trim();
    let date: IsoDate | undefined;
    if (dateText === '') {
      if (fields.every((f) => f.trim() === '')) return [];
      problem(
        m.date.index,
        'import/bad-date',
        `The date in column "${m.date.name}" is empty.`,
        'Every row needs a date; --skip-invalid leaves such rows out.',
      );
    } else {
      date = this.dateFormat
        ? parseDate(dateText, this.dateFormat, this.timeZone)
        : this.detector.observe(dateText, line, m.date.index);
      if (date === undefined) {
        const formats = this.dateFormat ? [this.dateFormat] : this.detector.remaining;
        const shaped = formats.find((f) => hasDateShape(dateText, f));
        if (shaped) {
          problem(
            m.date.index,
            'import/bad-date',
            `"${dateText}" in column "${m.date.name}" is not a real day.`,
            `Correct the date in the export (${shaped}), or --skip-invalid to leave the row out.`,
          );
        } else {
          problem(
            m.date.index,
            'import/bad-date',
            `"${dateText}" in column "${m.date.name}" is not a date${formats.length === 1 ? ` in the format ${formats[0]}` : ''}.`,
            this.dateFormat
              ? `Write dates as ${this.dateFormat}, or declare the format the file uses (date: { format } in goals.yaml, or --date-format).`
              : formats.length < DATE_FORMATS.length
                ? `The other dates in this column are written ${formats.join(' or ')}; correct this one, or --skip-invalid to leave the row out.`
                : 'Write dates as YYYY-MM-DD, DD.MM.YYYY, MM/DD/YYYY or DD/MM/YYYY, or declare the format with --date-format.',
          );
        }
      }
    }

    let segment = '';
    for (const s of m.segments) {
      const value = fields[s.index]!.trim();
      // An empty segment cell means the row has no such key: "team" empty = the whole team.
      if (value === '') continue;
      if (value.includes(';') || value.includes('=') || CONTROL.test(value)) {
        problem(
          s.index,
          'import/bad-segment',
          `"${value}" in column "${s.name}" cannot be a ${s.key}: segment values may not contain ";", "=" or control characters.`,
          'Rename the value in the export.',
        );
        continue;
      }
      segment = segment === '' ? `${s.key}=${value}` : `${segment};${s.key}=${value}`;
    }

    const start = out.length;
    if (m.layout === 'wide') {
      for (const c of m.columns) {
        const text = fields[c.index]!.trim();
        if (text === '') continue;
        const value = readCellValue(text, c.target, this.decimal, c.name);
        if (typeof value !== 'number') {
          problem(c.index, 'import/bad-value', value.message, value.hint);
          continue;
        }
        if (c.target.metric.unit === 'percent' && c.target.unit === undefined) {
          this.watchRatio(c.target, value, () => ({
            label: `Column "${c.name}"`,
            line,
            field: c.index,
          }));
        }
        if (date !== undefined && problems === undefined) {
          out.push(c.target.metric.id, segment, date, value, line);
        }
      }
    } else {
      const mc = m.metricColumn!;
      const vc = m.valueColumn!;
      const name = fields[mc.index]!.trim();
      const text = fields[vc.index]!.trim();
      const target = this.targetOf(name, mc.name);
      if ('message' in target) {
        problem(mc.index, 'import/unknown-metric', target.message, target.hint);
      } else if (text !== '') {
        const value = readCellValue(text, target, this.decimal, vc.name);
        if (typeof value !== 'number') {
          problem(vc.index, 'import/bad-value', value.message, value.hint);
        } else {
          if (target.metric.unit === 'percent' && target.unit === undefined) {
            this.watchRatio(target, value, () => ({
              label: `Metric "${name}"`,
              line,
              field: vc.index,
            }));
          }
          if (date !== undefined && problems === undefined) {
            out.push(target.metric.id, segment, date, value, line);
          }
        }
      }
    }
    if (problems !== undefined) {
      out.truncate(start);
      return problems;
    }
    return undefined;
  }

  /** Warnings for percent columns whose every value is between 0 and 1. */
  ratioWarnings(): CellProblem[] {
    const warnings: CellProblem[] = [];
    for (const w of this.ratioWatch.values()) {
      if (w.count >= 3 && w.max > 0 && w.max <= 1) {
        warnings.push({
          severity: 'warning',
          rule: 'import/ratio-values',
          message: `${w.label}: every value is between 0 and 1, but ${w.metric} is a percentage from 0 to 100.`,
          hint: 'If 0.85 means 85 %, say unit: ratio in the mapping (or --metric "NAME=metric:ratio"); values are then multiplied by 100.',
          line: w.line,
          field: w.field,
        });
      }
    }
    return warnings;
  }

  /** Keyed by target: each column (wide) or metric name (long) has its own. */
  private watchRatio(
    target: ValueTarget,
    value: number,
    describe: () => { label: string; line: number; field: number },
  ): void {
    const w = this.ratioWatch.get(target);
    if (w) {
      w.count++;
      if (value > w.max) w.max = value;
    } else {
      this.ratioWatch.set(target, {
        ...describe(),
        metric: target.metric.id,
        count: 1,
        max: value,
      });
    }
  }

  /** Long layout: the target of a name in the metric column (cached: names repeat). */
  private targetOf(name: string, column: string): ValueTarget | ValueProblem {
    const cached = this.nameTargets.get(name);
    if (cached) return cached;
    const m = this.mapping;
    let target: ValueTarget | ValueProblem;
    const declared = m.names.get(name);
    const metric = declared
      ? undefined
      : (m.catalog.get(name) ?? m.catalog.get(name.toLowerCase()));
    if (declared) target = declared;
    else if (metric) {
      const key = /^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name);
      target = makeValueTarget(
        metric,
        undefined,
        `Say the unit of the ${name} values: in goals.yaml metrics: { ${key}: { metric: ${metric.id}, unit: h } } (s, m, h or d), or --metric "${name}=${metric.id}:h".`,
      );
    } else if (name === '') {
      target = {
        message: `The metric name in column "${column}" is empty.`,
        hint: 'Every row of a long export names its metric; --skip-invalid leaves such rows out.',
      };
    } else {
      const close = suggest(name, [...m.names.keys(), ...m.catalog.keys()]);
      target = {
        message: `"${name}" in column "${column}" is not a metric.`,
        hint: `${close ? `Did you mean ${close}? ` : ''}Map the name to a metric id under metrics: in the source in goals.yaml (or --metric "${name}=metric_id"); \`goals metrics\` lists the ids.`,
      };
    }
    this.nameTargets.set(name, target);
    return target;
  }
}
