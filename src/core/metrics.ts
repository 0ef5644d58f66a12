/**
 * The metric catalog (DESIGN §4): built-in customer-service metrics, which
 * custom metrics in goals.yaml extend or override.
 */

export type MetricUnit = 'percent' | 'score' | 'count' | 'duration';
/** Which way is better: `neutral` metrics (ticket volume) have no better side. */
export type MetricDirection = 'increase' | 'decrease' | 'neutral';

export interface MetricDefinition {
  id: string;
  name: string;
  unit: MetricUnit;
  direction: MetricDirection;
  /** Inclusive valid range; `null` = unbounded on that side. */
  range: [number | null, number | null];
  /** How the metric is computed from raw rows, for people. */
  formula?: string;
  description?: string;
  /** `builtin`, or `custom` when declared (or overridden) in goals.yaml. */
  origin: 'builtin' | 'custom';
  /** A metric computed from another one's rows in a records source (DESIGN §11). */
  derived?: MetricDerivation;
}

/** `p90` is the 90th percentile (type 7, numpy's default). */
export type Statistic = 'mean' | 'median' | `p${number}`;

/**
 * A derived metric: a statistic of a built-in metric's per-row values, or the
 * share of rows whose value is within a threshold (then percent, higher is
 * better).
 */
export interface MetricDerivation {
  /** The metric whose per-row values it reads (first_response_time). */
  from: string;
  statistic?: Statistic | undefined;
  /** Threshold in the `from` metric's unit (seconds for durations). */
  within?: number | undefined;
  /** Durations counted in the source's business hours (its `calendar:`). */
  hours?: 'calendar' | 'business' | undefined;
}

const builtin = (m: Omit<MetricDefinition, 'origin'>): MetricDefinition => ({
  ...m,
  origin: 'builtin',
});

export const BUILTIN_METRICS: readonly MetricDefinition[] = [
  builtin({
    id: 'csat',
    name: 'Customer satisfaction',
    unit: 'percent',
    direction: 'increase',
    range: [0, 100],
    formula: 'satisfied ÷ rated × 100; 1–5 scale: 4–5 satisfied; Good/Bad: Good',
    description: 'Share of survey answers that are satisfied.',
  }),
  builtin({
    id: 'nps',
    name: 'Net Promoter Score',
    unit: 'score',
    direction: 'increase',
    range: [-100, 100],
    formula: '% promoters (9–10) − % detractors (0–6)',
    description: 'How likely customers are to recommend us, from −100 to 100.',
  }),
  builtin({
    id: 'ces',
    name: 'Customer Effort Score',
    unit: 'score',
    direction: 'increase',
    range: [1, 7],
    formula: 'mean of 1–7 answers ("made it easy")',
    description: 'How easy customers found it to get help, 1 to 7.',
  }),
  builtin({
    id: 'first_response_time',
    name: 'First response time',
    unit: 'duration',
    direction: 'decrease',
    range: [0, null],
    formula: 'first agent reply − created; mean or median',
    description: 'Time until a customer hears from an agent.',
  }),
  builtin({
    id: 'avg_response_time',
    name: 'Average response time',
    unit: 'duration',
    direction: 'decrease',
    range: [0, null],
    formula: 'total response time ÷ responses',
    description: 'Mean time to answer each customer message.',
  }),
  builtin({
    id: 'resolution_time',
    name: 'Resolution time',
    unit: 'duration',
    direction: 'decrease',
    range: [0, null],
    formula: 'solved − created, over solved tickets',
    description: 'Time from a ticket being opened to being solved.',
  }),
  builtin({
    id: 'handle_time',
    name: 'Average handle time',
    unit: 'duration',
    direction: 'decrease',
    range: [0, null],
    description: 'Time agents spend working a contact, talk and after-call work included.',
  }),
  builtin({
    id: 'fcr',
    name: 'First contact resolution',
    unit: 'percent',
    direction: 'increase',
    range: [0, 100],
    formula: 'tickets solved with ≤1 agent reply ÷ solved × 100',
    description: 'Share of issues solved in the first contact.',
  }),
  builtin({
    id: 'frt_within_sla',
    name: 'Replies within SLA',
    unit: 'percent',
    direction: 'increase',
    range: [0, 100],
    formula: 'tickets with first response ≤ SLA ÷ tickets × 100',
    description: 'Share of tickets whose first reply met the SLA.',
  }),
  builtin({
    id: 'churn_rate',
    name: 'Customer churn',
    unit: 'percent',
    direction: 'decrease',
    range: [0, 100],
    formula: 'customers lost ÷ customers at period start × 100',
    description: 'Share of customers lost in a period.',
  }),
  builtin({
    id: 'retention_rate',
    name: 'Customer retention',
    unit: 'percent',
    direction: 'increase',
    range: [0, 100],
    description: 'Share of customers kept over a period.',
  }),
  builtin({
    id: 'ticket_volume',
    name: 'Ticket volume',
    unit: 'count',
    direction: 'neutral',
    range: [0, null],
    formula: 'tickets created',
    description: 'Tickets created in a period.',
  }),
  builtin({
    id: 'backlog',
    name: 'Open tickets',
    unit: 'count',
    direction: 'decrease',
    range: [0, null],
    description: 'Tickets open at the end of a period.',
  }),
  builtin({
    id: 'interactions_per_ticket',
    name: 'Interactions per ticket',
    unit: 'count',
    direction: 'decrease',
    range: [0, null],
    formula: 'replies ÷ solved tickets',
    description: 'Agent replies needed per solved ticket.',
  }),
  builtin({
    id: 'answer_rate',
    name: 'Calls answered',
    unit: 'percent',
    direction: 'increase',
    range: [0, 100],
    formula: 'answered calls ÷ calls × 100',
    description: 'Share of incoming calls that an agent answered.',
  }),
  builtin({
    id: 'speed_of_answer',
    name: 'Average speed of answer',
    unit: 'duration',
    direction: 'decrease',
    range: [0, null],
    formula: 'mean wait of answered calls',
    description: 'How long callers wait before an agent answers.',
  }),
];

/** Default range for a unit when a custom metric does not declare one. */
export function defaultRange(unit: MetricUnit): [number | null, number | null] {
  switch (unit) {
    case 'percent':
      return [0, 100];
    case 'count':
    case 'duration':
      return [0, null];
    case 'score':
      return [null, null];
  }
}

export interface CustomMetricInput {
  id: string;
  name?: string | undefined;
  unit?: MetricUnit | undefined;
  direction?: MetricDirection | undefined;
  range?: [number | null, number | null] | undefined;
  formula?: string | undefined;
  description?: string | undefined;
  derived?: MetricDerivation | undefined;
}

/**
 * The catalog for one goals file: built-ins, overridden field by field by
 * custom metrics of the same id, plus new custom metrics. A new metric with
 * no unit is a `score`, no direction `increase`.
 */
export function buildCatalog(
  custom: readonly CustomMetricInput[] = [],
): Map<string, MetricDefinition> {
  const catalog = new Map(BUILTIN_METRICS.map((m) => [m.id, m]));
  for (const c of custom) {
    const base = catalog.get(c.id);
    const unit = c.unit ?? base?.unit ?? 'score';
    const merged: MetricDefinition = {
      id: c.id,
      name: c.name ?? base?.name ?? c.id,
      unit,
      direction: c.direction ?? base?.direction ?? 'increase',
      range: c.range ?? (base && base.unit === unit ? base.range : defaultRange(unit)),
      origin: 'custom',
    };
    const formula = c.formula ?? base?.formula;
    const description = c.description ?? base?.description;
    if (formula !== undefined) merged.formula = formula;
    if (description !== undefined) merged.description = description;
    if (c.derived) {
      merged.derived = c.derived;
      const from = catalog.get(c.derived.from);
      // A share within a threshold is a percentage, higher is better; a
      // statistic keeps the unit and direction of the metric it reads.
      if (c.derived.within !== undefined) {
        merged.unit = c.unit ?? 'percent';
        merged.direction = c.direction ?? 'increase';
        merged.range = c.range ?? defaultRange(merged.unit);
      } else if (from) {
        merged.unit = c.unit ?? from.unit;
        merged.direction = c.direction ?? from.direction;
        merged.range = c.range ?? from.range;
      }
    }
    catalog.set(c.id, merged);
  }
  return catalog;
}

/** The best value a metric can take, if it has one (CSAT 100, churn 0, FRT 0). */
export function bestPossibleValue(metric: MetricDefinition): number | undefined {
  if (metric.direction === 'increase') return metric.range[1] ?? undefined;
  if (metric.direction === 'decrease') return metric.range[0] ?? undefined;
  return undefined;
}
