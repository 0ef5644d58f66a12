/** Every SMART rule, in the order of DESIGN §7. */
import type { Rule } from './rule.js';
import { specificHasMetric } from './specific-has-metric.js';
import { specificVagueTitle } from './specific-vague-title.js';
import { specificHasOwner } from './specific-has-owner.js';
import { specificAmbiguousChange } from './specific-ambiguous-change.js';
import { specificHasType } from './specific-has-type.js';
import { measurableKnownMetric } from './measurable-known-metric.js';
import { measurableHasTarget } from './measurable-has-target.js';
import { measurableUnit } from './measurable-unit.js';
import { measurablePercentScale } from './measurable-percent-scale.js';
import { measurableHasBaseline } from './measurable-has-baseline.js';
import { measurableHasData } from './measurable-has-data.js';
import { achievableInRange } from './achievable-in-range.js';
import { achievableNotAlreadyMet } from './achievable-not-already-met.js';
import { achievablePerfectScore } from './achievable-perfect-score.js';
import { achievableRealisticPace } from './achievable-realistic-pace.js';
import { relevantHasObjective } from './relevant-has-objective.js';
import { relevantKnownObjective } from './relevant-known-objective.js';
import { timeBoundHasDeadline } from './time-bound-has-deadline.js';
import { timeBoundDeadlineAfterStart } from './time-bound-deadline-after-start.js';
import { timeBoundHorizon } from './time-bound-horizon.js';
import { timeBoundHasCheckpoints } from './time-bound-has-checkpoints.js';
import { timeBoundMilestoneDates } from './time-bound-milestone-dates.js';

export const RULES: readonly Rule[] = [
  specificHasMetric,
  specificVagueTitle,
  specificHasOwner,
  specificAmbiguousChange,
  specificHasType,
  measurableKnownMetric,
  measurableHasTarget,
  measurableUnit,
  measurablePercentScale,
  measurableHasBaseline,
  measurableHasData,
  achievableInRange,
  achievableNotAlreadyMet,
  achievablePerfectScore,
  achievableRealisticPace,
  relevantHasObjective,
  relevantKnownObjective,
  timeBoundHasDeadline,
  timeBoundDeadlineAfterStart,
  timeBoundHorizon,
  timeBoundHasCheckpoints,
  timeBoundMilestoneDates,
];

export const RULE_IDS = RULES.map((r) => r.meta.id) as [string, ...string[]];
