/**
 * The metrics a records source can compute: the built-in ones (one file each
 * under metrics/) and the derived ones of the catalog. Config uses it to
 * refuse a derivation that cannot work, `goals import --inspect` to say which
 * field a metric still lacks, and the aggregator to plan its work.
 */
import type { MetricDefinition, MetricDerivation } from '../metrics.js';
import {
  derivationProblem,
  derivedHours,
  derivedReader,
  derivedSummary,
} from './derived-metric.js';
import { answerRate } from './metrics/answer-rate.js';
import { backlog } from './metrics/backlog.js';
import { ces } from './metrics/ces.js';
import { churnRate } from './metrics/churn-rate.js';
import { csat } from './metrics/csat.js';
import { fcr } from './metrics/fcr.js';
import { firstResponseTime } from './metrics/first-response-time.js';
import { handleTime } from './metrics/handle-time.js';
import { interactionsPerTicket } from './metrics/interactions-per-ticket.js';
import { nps } from './metrics/nps.js';
import { resolutionTime } from './metrics/resolution-time.js';
import { retentionRate } from './metrics/retention-rate.js';
import { speedOfAnswer } from './metrics/speed-of-answer.js';
import { ticketVolume } from './metrics/ticket-volume.js';
import { describeMissing } from './record-metric.js';
import type {
  Needs,
  RecordMetric,
  RowMetric,
  RowReader,
  SourceTraits,
  Summary,
  TimelineMetric,
} from './record-metric.js';

/** Every built-in metric computed from records. */
export const RECORD_METRICS: readonly RecordMetric[] = [
  ticketVolume,
  firstResponseTime,
  resolutionTime,
  fcr,
  backlog,
  interactionsPerTicket,
  csat,
  nps,
  ces,
  answerRate,
  speedOfAnswer,
  handleTime,
  churnRate,
  retentionRate,
];

const byId = new Map(RECORD_METRICS.map((m) => [m.id, m]));

function rowMetric(id: string): RowMetric | undefined {
  const metric = byId.get(id);
  return metric?.kind === 'rows' ? metric : undefined;
}

/** The metrics a derived metric may read (`from:`): those with a value per row. */
export const DERIVABLE_METRICS: readonly string[] = RECORD_METRICS.filter(
  (m) => m.kind === 'rows' && m.derivable !== 'no',
).map((m) => m.id);

/** The metrics whose per-row values can be measured in business hours (`hours: business`). */
export const BUSINESS_HOURS_METRICS: readonly string[] = RECORD_METRICS.filter(
  (m) => m.kind === 'rows' && m.derivable === 'business',
).map((m) => m.id);

/**
 * What is wrong with a metric's `from:`/`statistic:`/`within:`/`hours:`, as
 * a sentence for a finding at that key; undefined when it can be computed
 * (`from: csat` → "from: csat has no value per row to derive from; use one
 * of first_response_time, …").
 */
export function checkDerivation(derivation: MetricDerivation): string | undefined {
  return derivationProblem(derivation, rowMetric(derivation.from), DERIVABLE_METRICS);
}

/** Whether a source can compute a metric, and if not, what it lacks. */
export interface MetricSupport {
  metric: string;
  /** Undefined when the source computes it; else what is missing (`solved or resolution`). */
  missing?: string;
}

/** Needs of a catalog metric from records; undefined when records never give it. */
function needsOf(definition: MetricDefinition, source: SourceTraits): Needs | undefined {
  const derivation = definition.derived;
  if (derivation) {
    const base = rowMetric(derivation.from);
    if (!base || checkDerivation(derivation) !== undefined) return undefined;
    return base.needs(source, derivedHours(derivation));
  }
  const metric = byId.get(definition.id);
  if (!metric) return undefined;
  return metric.kind === 'rows' ? metric.needs(source, 'calendar') : metric.needs(source);
}

/**
 * For each catalog metric that records can give and that fits the source's
 * kind of rows (no CSAT from a 0-10 score, no ticket volume from survey
 * answers), whether the source computes it and, if not, which fields it
 * lacks. In catalog order.
 */
export function metricSupport(
  source: SourceTraits,
  catalog: ReadonlyMap<string, MetricDefinition>,
): MetricSupport[] {
  const support: MetricSupport[] = [];
  for (const definition of catalog.values()) {
    const needs = needsOf(definition, source);
    if (!needs) continue;
    const missing = describeMissing(needs, source);
    support.push(
      missing === undefined ? { metric: definition.id } : { metric: definition.id, missing },
    );
  }
  return support;
}

/** How the aggregator computes one metric whose rows each fall in one period. */
export interface RowPlan {
  kind: 'rows';
  id: string;
  reader: RowReader;
  /** `quantile`: the q-quantile of the period's values, which are kept. */
  summary: Summary | 'quantile';
  q: number;
}

export interface TimelinePlan {
  kind: 'timeline';
  id: string;
  metric: TimelineMetric;
}

export type MetricPlan = RowPlan | TimelinePlan;

/** The work of computing every metric the source can give, in catalog order. */
export function planMetrics(
  source: SourceTraits,
  catalog: ReadonlyMap<string, MetricDefinition>,
): MetricPlan[] {
  const plans: MetricPlan[] = [];
  for (const { metric: id, missing } of metricSupport(source, catalog)) {
    if (missing !== undefined) continue;
    const definition = catalog.get(id)!;
    const derivation = definition.derived;
    if (derivation) {
      const summary = derivedSummary(derivation);
      plans.push({
        kind: 'rows',
        id,
        reader: derivedReader(rowMetric(derivation.from)!, derivation, source),
        summary: summary.kind === 'within' ? 'share' : summary.kind,
        q: summary.kind === 'quantile' ? summary.q : 0,
      });
      continue;
    }
    const metric = byId.get(id)!;
    plans.push(
      metric.kind === 'rows'
        ? {
            kind: 'rows',
            id,
            reader: metric.reader(source, 'calendar'),
            summary: metric.summary,
            q: 0,
          }
        : { kind: 'timeline', id, metric },
    );
  }
  return plans;
}
