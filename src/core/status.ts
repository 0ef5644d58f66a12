/**
 * The statuses of DESIGN §6, in the order their rules are tried, and how bad
 * each one is (an objective shows its worst goal).
 */

/** The status of a goal; `stale` is a separate flag, not a status. */
export type GoalStatus =
  'not-started' | 'no-data' | 'achieved' | 'missed' | 'on-track' | 'at-risk' | 'off-track';

/** The rules of DESIGN §6 in the order they are tried: the first match wins. */
export const STATUS_RULE_ORDER: readonly GoalStatus[] = [
  'not-started',
  'no-data',
  'achieved',
  'missed',
  'on-track',
  'at-risk',
  'off-track',
];

/** The order of the summary of `goals check --format json` (DESIGN §8) and of summary lines. */
export const STATUS_REPORT_ORDER: readonly GoalStatus[] = [
  'achieved',
  'on-track',
  'at-risk',
  'off-track',
  'missed',
  'no-data',
  'not-started',
];

/**
 * Badness, for an objective's worst status: a missed or off-track goal needs
 * attention first; a goal without data is unknown, which is worse than any
 * good news; a goal that has not started yet is neither.
 */
const SEVERITY: Readonly<Record<GoalStatus, number>> = {
  achieved: 0,
  'on-track': 1,
  'not-started': 2,
  'no-data': 3,
  'at-risk': 4,
  'off-track': 5,
  missed: 6,
};

export function isGoalStatus(text: string): text is GoalStatus {
  return (STATUS_RULE_ORDER as readonly string[]).includes(text);
}

/** The worst of some statuses; undefined for none. */
export function worstStatus(statuses: Iterable<GoalStatus>): GoalStatus | undefined {
  let worst: GoalStatus | undefined;
  // Stryker disable next-line EqualityOperator: each status has its own severity, so equal ones are the same status
  for (const s of statuses) if (worst === undefined || SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

/** `on-track` → `on track`, for people. */
export function statusLabel(status: GoalStatus): string {
  return status.replace('-', ' ');
}
