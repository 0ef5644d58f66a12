/** The presets goals knows, and which one a header looks like. */
import type { PRESET_IDS } from '../../config/schema.js';
import { freshdeskPreset } from './freshdesk.js';
import { intercomPreset } from './intercom.js';
import { matchPreset } from './preset.js';
import type { Preset, PresetMatch } from './preset.js';
import { surveyPreset } from './survey.js';
import { zendeskPreset } from './zendesk.js';

export type PresetId = (typeof PRESET_IDS)[number];

export const PRESETS: Readonly<Record<PresetId, Preset>> = {
  zendesk: zendeskPreset,
  freshdesk: freshdeskPreset,
  intercom: intercomPreset,
  survey: surveyPreset,
};

/**
 * The preset whose columns a header has most of, when it recognises the
 * creation time and at least one other field; undefined otherwise.
 */
export function recognisePreset(header: readonly string[]): PresetMatch | undefined {
  let best: PresetMatch | undefined;
  for (const preset of Object.values(PRESETS)) {
    const match = matchPreset(preset, header);
    if (!match.fields.created || match.recognised.length < 2) continue;
    if (!best || match.recognised.length > best.recognised.length) best = match;
  }
  return best;
}

/**
 * A header that is surely a row-per-ticket (or per-response) export: a
 * preset recognises its id column and at least two more. A KPI sheet with a
 * "Date" and a "CSAT %" column is not one.
 */
export function recogniseRecordsExport(header: readonly string[]): PresetMatch | undefined {
  const match = recognisePreset(header);
  return match && match.fields.id && match.recognised.length >= 3 ? match : undefined;
}
