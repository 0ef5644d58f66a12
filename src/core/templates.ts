/**
 * Starter sets for `goals init --template NAME`: a whole goals.yaml with
 * realistic goals for a kind of team, dated relative to today (the next
 * quarter, and the one after for the longer goals), so it validates on the
 * day it is written. Every target passes `achievable/realistic-pace` by the
 * rule of thumb (≤ 50 % of the baseline, ≤ 15 % per month).
 */
import { formatQuarter, nextQuarter, quarterOf, quarterRange } from './dates.js';
import type { IsoDate, Quarter } from './dates.js';

export interface TemplateOptions {
  /** Today in the team's time zone. */
  today: IsoDate;
  timezone: string;
  fiscalYearStart: number;
}

export interface Template {
  description: string;
  build(options: TemplateOptions): string;
}

export const TEMPLATES: Readonly<Record<string, Template>> = {
  'customer-service': {
    description:
      'a support team: first response time, replies within SLA, CSAT, first contact resolution, churn',
    build: buildCustomerService,
  },
};

function buildCustomerService({ today, timezone, fiscalYearStart: fy }: TemplateOptions): string {
  const q1 = nextQuarter(quarterOf(today, fy));
  const q2 = nextQuarter(q1);
  const id = (q: Quarter) => `${q.year}-q${q.quarter}`;
  const words = (q: Quarter) => `Q${q.quarter} ${q.year}`;
  const checkpoint = quarterRange(q1, fy).end;
  return `# yaml-language-server: $schema=./goals.schema.json
#
# Starter goals for a customer-support team, written by
# \`goals init --template customer-service\` on ${today}.
# The baselines are typical values, not yours: put in your own numbers (or
# remove \`baseline:\` once \`goals import\` has data), then run \`goals validate\`.
version: 1

settings:
  timezone: ${timezone}
  fiscal_year_start: ${fy}

objectives:
  - id: fast-help
    title: Customers get help fast, on every channel
    owner: Head of Support
  - id: quality
    title: Problems are solved right the first time
    owner: Head of Support
  - id: retention
    title: Keep more of our customers
    owner: VP Customer Success

# Where the numbers come from: map the columns of your helpdesk export and run
# \`goals import\` (see \`goals import --help\`). For example:
# sources:
#   - id: weekly-kpis
#     path: exports/weekly-kpis.csv
#     date: { column: Week, format: YYYY-MM-DD }
#     columns:
#       "First reply (h)": { metric: first_response_time, unit: h }
#       "Within SLA %": frt_within_sla
#       "CSAT %": csat
#       "FCR %": fcr
#       "Churn %": churn_rate

goals:
  - id: first-response-${id(q1)}
    title: Cut first response time from 6 h to 4 h by the end of ${words(q1)}
    owner: Support Team Lead
    objective: fast-help
    metric: first_response_time
    baseline: 6h
    target: 4h
    deadline: ${formatQuarter(q1)}

  - id: sla-90-${id(q1)}
    title: Keep at least 90% of first replies within SLA through ${words(q1)}
    owner: Support Team Lead
    objective: fast-help
    metric: frt_within_sla
    type: stay-above
    baseline: 92
    target: 90
    deadline: ${formatQuarter(q1)}

  - id: csat-85-${id(q1)}
    title: Raise CSAT in post-service surveys from 80% to 85% by the end of ${words(q1)}
    owner: Quality Lead
    objective: quality
    metric: csat
    baseline: 80
    target: 85
    deadline: ${formatQuarter(q1)}

  - id: fcr-75-${id(q2)}
    title: Solve 75% of tickets on first contact by the end of ${words(q2)}
    owner: Quality Lead
    objective: quality
    metric: fcr
    baseline: 68
    target: 75
    start: ${formatQuarter(q1)}
    deadline: ${formatQuarter(q2)}
    milestones:
      - { date: ${checkpoint}, target: 71.5 }

  - id: churn-2pct-${id(q2)}
    title: Bring monthly churn down from 2.5% to 2.0% by the end of ${words(q2)}
    owner: Customer Success Lead
    objective: retention
    metric: churn_rate
    baseline: 2.5
    target: 2.0
    start: ${formatQuarter(q1)}
    deadline: ${formatQuarter(q2)}
    milestones:
      - { date: ${checkpoint}, target: 2.25 }
`;
}
