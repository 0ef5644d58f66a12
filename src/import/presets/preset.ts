/**
 * A preset knows the column names of one kind of export (DESIGN §11): it
 * fills a records source's fields from the header, with the unit of each
 * duration and the scale of each rating, so that `preset: zendesk` is all a
 * user has to write. Fields declared in goals.yaml override it.
 */
import type { RecordField } from '../../core/records/record.js';
import type { FieldSpec, RecordFields } from '../import-spec.js';

/** One column a preset knows: its names (or a pattern), the field it fills and how to read it. */
export interface PresetColumn {
  field: RecordField;
  /** Header names, compared without case and repeated spaces. */
  names?: readonly string[];
  /** Or a pattern; a capture group named `zone` is the time zone of the column's timestamps. */
  pattern?: RegExp;
  spec?: Omit<FieldSpec, 'column'>;
}

export interface Preset {
  id: string;
  /** "Zendesk ticket export", for --inspect and prompts. */
  name: string;
  /** In order of preference: the first column found for a field fills it. */
  columns: readonly PresetColumn[];
  /** Cells the export writes for "no value" in any column. */
  missing?: readonly string[];
  /** Columns a team usually segments by, for `goals new` and --inspect: key → names. */
  segments: Readonly<Record<string, readonly string[]>>;
}

/** What a preset found in a header. */
export interface PresetMatch {
  preset: Preset;
  fields: RecordFields;
  /** Header index of each column the preset recognised, with its field. */
  recognised: Array<{ index: number; field: RecordField }>;
  /** The time zone written in a header (Intercom), if any. */
  timezone: string | undefined;
  /** Segment key → header name, for the segment columns this header has. */
  segments: Record<string, string>;
}

export const foldName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Lays a preset over a header. */
export function matchPreset(preset: Preset, header: readonly string[]): PresetMatch {
  const folded = header.map(foldName);
  const fields: RecordFields = {};
  const recognised: PresetMatch['recognised'] = [];
  let timezone: string | undefined;
  for (const column of preset.columns) {
    if (fields[column.field]) continue;
    let index = -1;
    let zone: string | undefined;
    if (column.names) {
      for (const name of column.names) {
        index = folded.indexOf(foldName(name));
        if (index !== -1) break;
      }
    } else if (column.pattern) {
      index = header.findIndex((h) => column.pattern!.test(h.trim()));
      if (index !== -1) zone = column.pattern.exec(header[index]!.trim())?.groups?.zone;
    }
    if (index === -1 || recognised.some((r) => r.index === index)) continue;
    fields[column.field] = { column: header[index]!.trim(), ...column.spec };
    recognised.push({ index, field: column.field });
    if (zone !== undefined && timezone === undefined) timezone = zone;
  }
  const segments: Record<string, string> = {};
  for (const [key, names] of Object.entries(preset.segments)) {
    const index = names.map((n) => folded.indexOf(foldName(n))).find((i) => i !== -1);
    if (index !== undefined) segments[key] = header[index]!.trim();
  }
  return { preset, fields, recognised, timezone, segments };
}
