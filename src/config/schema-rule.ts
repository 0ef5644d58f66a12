/**
 * The rule id of a problem in the shape of goals.yaml: a small, stable set
 * named for what is wrong in the user's terms, not for the validation
 * library's issue codes (README, "Schema and syntax rules").
 */
import type { z } from 'zod';
import type { YamlPath } from './load-goals.js';

export type SchemaRule =
  | 'schema/unknown-key'
  | 'schema/missing-key'
  | 'schema/wrong-type'
  | 'schema/bad-date'
  | 'schema/bad-value';

/** A goal's start and deadline, a milestone's date, a baseline's date: a date or a quarter. */
const DATE_KEYS = new Set(['start', 'deadline', 'date']);

export function schemaRuleOf(
  issue: z.core.$ZodIssue,
  path: YamlPath,
  isMissing: boolean,
): SchemaRule {
  if (issue.code === 'unrecognized_keys') return 'schema/unknown-key';
  if (isMissing) return 'schema/missing-key';
  if (path[0] === 'goals' && DATE_KEYS.has(String(path[path.length - 1]))) return 'schema/bad-date';
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') return 'schema/wrong-type';
  return 'schema/bad-value';
}
