/**
 * The schema of goals.yaml, version 1 (DESIGN §3): the single source of its
 * types (`z.infer`) and of the JSON Schema editors use (`goals schema`).
 * Every object is strict, so an unknown key is a finding.
 */
import { z } from 'zod';
import { parseIsoDate, parseQuarter, isValidTimeZone } from '../core/dates.js';
import { parseDuration } from '../core/duration.js';
import { ID_CHARACTERS, ID_PATTERN, idProblem } from '../core/ids.js';
import { RULE_IDS } from '../core/rules/index.js';

const id = (what: string, example: string) =>
  z
    .string()
    .regex(ID_PATTERN, {
      error: (issue) =>
        `${typeof issue.input === 'string' ? `${idProblem(issue.input)}: ` : ''}${what} ids use only ${ID_CHARACTERS}`,
    })
    .meta({ description: `Unique ${what} id: ${ID_CHARACTERS}.`, examples: [example] });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written YYYY-MM-DD', abort: true })
  .refine((s) => parseIsoDate(s) !== undefined, {
    error: 'expected a date written YYYY-MM-DD (a real calendar day)',
  })
  .meta({ description: 'A calendar date, YYYY-MM-DD.', examples: ['2026-09-30'] });

const dateOrQuarter = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2}|\d{4}-Q[1-4])$/, {
    error: 'expected a date YYYY-MM-DD or a quarter YYYY-Qn',
    abort: true,
  })
  .refine((s) => parseIsoDate(s) !== undefined || parseQuarter(s) !== undefined, {
    error: 'expected a date YYYY-MM-DD or a quarter YYYY-Qn',
  })
  .meta({
    description:
      'A date (YYYY-MM-DD) or a quarter (YYYY-Qn, relative to settings.fiscal_year_start). As a deadline a quarter means its last day, as a start its first day.',
    examples: ['2026-09-30', '2026-Q3'],
  });

const duration = z
  .string()
  .refine((s) => parseDuration(s) !== undefined, {
    error: 'expected a duration such as 90m, 1.5h, 2d, 1h30m or 01:30:00',
  })
  .meta({ description: 'A duration: 90m, 1.5h, 2d, 1h30m, 01:30:00.', examples: ['14d'] });

/** A value in the metric's unit: a number, or a string with a unit (`85%`, `2h`). */
const value = z.union([z.number(), z.string()]).meta({
  description:
    'A value in the metric\'s unit: a number, or text with a unit ("85%", "2h", "90m", "01:30:00"). Duration metrics need a unit.',
  examples: [85, '2h'],
});

const segment = z.record(z.string(), z.union([z.string(), z.number()])).meta({
  description:
    'Segment of the data: key/value pairs such as team or channel. Omit for the whole team.',
  examples: [{ team: 'EMEA' }],
});

export const ruleLevelSchema = z.enum(['error', 'warn', 'off']);

export const settingsSchema = z
  .strictObject({
    timezone: z
      .string()
      .refine(isValidTimeZone, { error: 'expected an IANA time zone such as Europe/Sofia or UTC' })
      .default('UTC')
      .meta({
        description:
          'IANA time zone; a date means that calendar day there, and "today" is taken there.',
        examples: ['Europe/Sofia'],
      }),
    fiscal_year_start: z
      .int()
      .min(1)
      .max(12)
      .default(1)
      .meta({
        description:
          'Month (1-12) the fiscal year starts in; quarters are counted from it. Fiscal year N starts in calendar year N.',
        examples: [4],
      }),
    database: z
      .string()
      .min(1)
      .default('.goals/goals.db')
      .meta({
        description: 'The snapshot store (SQLite), relative to this file.',
        examples: ['.goals/goals.db'],
      }),
    stale_after: duration.default('14d').meta({
      description: 'A goal whose newest snapshot is older than this is flagged stale.',
      examples: ['14d'],
    }),
    at_risk_margin: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .meta({
        description:
          "How far below 'on track' (as a share of the whole way) a goal is still only 'at risk'.",
        examples: [0.2],
      }),
    rules: z
      .partialRecord(z.enum(RULE_IDS), ruleLevelSchema)
      .default({})
      .meta({
        description: 'SMART rule severities: error | warn | off.',
        examples: [{ 'achievable/realistic-pace': 'error' }],
      }),
  })
  .meta({ description: 'Settings for the whole file.' });

export const objectiveSchema = z.strictObject({
  id: id('objective', 'retention'),
  title: z.string().min(1).meta({ description: 'What the team wants to achieve, in words.' }),
  owner: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Who is accountable for the objective.' }),
  description: z.string().optional(),
});

export const metricUnitSchema = z.enum(['percent', 'score', 'count', 'duration']).meta({
  description:
    "percent (0-100), score (a number on the metric's scale), count, or duration (stored in seconds).",
});

export const metricSchema = z.strictObject({
  id: id('metric', 'training_completion'),
  name: z.string().min(1).optional().meta({ description: 'Name shown in reports.' }),
  unit: metricUnitSchema.optional(),
  direction: z.enum(['increase', 'decrease', 'neutral']).optional().meta({
    description: 'Which way is better. Default for new metrics: increase.',
  }),
  range: z
    .tuple([z.number().nullable(), z.number().nullable()])
    .refine(([min, max]) => min === null || max === null || min < max, {
      error: (issue) => {
        const [min, max] = issue.input as [number, number];
        return `the minimum ${min} is not below the maximum ${max}`;
      },
    })
    .optional()
    .meta({
      description: 'Valid range [min, max]; null for no bound.',
      examples: [[0, 100]],
    }),
  formula: z.string().optional().meta({ description: 'How the metric is computed, for people.' }),
  description: z.string().optional(),
});

/** What a CSV column (wide) or a metric name (long) maps to. */
const columnMapping = z.union([
  z.string().meta({ description: 'A metric id.' }),
  z.strictObject({
    metric: z.string().meta({ description: 'A metric id.' }),
    unit: z
      .string()
      .optional()
      .meta({
        description:
          'Unit of the values in the file: s, m, h, d for durations; percent or ratio (0-1) for percents.',
        examples: ['h'],
      }),
  }),
]);

export const sourceSchema = z.strictObject({
  id: id('source', 'weekly-kpis'),
  path: z.string().min(1).meta({ description: 'The CSV export, relative to this file.' }),
  layout: z.enum(['wide', 'long']).default('wide').meta({
    description: 'wide: a column per metric; long: a metric column and a value column.',
  }),
  date: z
    .union([
      z.string(),
      z.strictObject({
        column: z.string().min(1),
        format: z
          .string()
          .optional()
          .meta({
            description:
              'Date format: YYYY-MM-DD, DD.MM.YYYY, MM/DD/YYYY, DD/MM/YYYY, optionally with a time.',
            examples: ['DD.MM.YYYY'],
          }),
      }),
    ])
    .meta({ description: 'The date column, or { column, format }.' }),
  delimiter: z.enum([',', ';', '\t', '|']).optional().meta({
    description: 'Field delimiter; sniffed from the header line when omitted.',
  }),
  decimal: z.enum(['.', ',']).optional().meta({ description: 'Decimal separator. Default ".".' }),
  encoding: z.enum(['utf-8', 'utf-16le', 'windows-1252']).optional().meta({
    description: 'File encoding; detected when omitted.',
  }),
  columns: z
    .record(z.string(), columnMapping)
    .optional()
    .meta({
      description: 'wide layout: CSV column → metric id, or { metric, unit }.',
      examples: [
        { 'CSAT %': 'csat', 'First reply (h)': { metric: 'first_response_time', unit: 'h' } },
      ],
    }),
  metric_column: z
    .string()
    .optional()
    .meta({ description: 'long layout: the metric column. Default "metric".' }),
  value_column: z
    .string()
    .optional()
    .meta({ description: 'long layout: the value column. Default "value".' }),
  metrics: z.record(z.string(), columnMapping).optional().meta({
    description:
      'long layout: names in the metric column → metric id, or { metric, unit }. Default: the names are ids.',
  }),
  segments: z
    .record(z.string(), z.string())
    .optional()
    .meta({
      description: 'Segment key → CSV column holding its value.',
      examples: [{ team: 'Team' }],
    }),
  skip_invalid: z.boolean().optional().meta({
    description:
      'true: import the good rows of a file with bad rows and list the bad ones as warnings (as --skip-invalid does), instead of refusing the file. Default false.',
  }),
});

export const milestoneSchema = z.strictObject({
  date: dateOrQuarter,
  target: value,
});

export const baselineSchema = z.union([
  value,
  z.strictObject({
    value,
    date: isoDate.optional().meta({ description: 'When the baseline was measured.' }),
  }),
]);

export const goalTypeSchema = z.enum(['increase', 'decrease', 'stay-above', 'stay-below']).meta({
  description:
    "increase / decrease: move the metric to the target; stay-above / stay-below: keep it on the right side of the target the whole time. Default: from the metric's direction.",
});

export const goalSchema = z.strictObject({
  id: id('goal', 'csat-q3'),
  title: z
    .string()
    .min(1)
    .meta({
      description: 'The goal in words, with its number.',
      examples: ['Reach 85% CSAT in post-service surveys by the end of Q3'],
    }),
  description: z.string().optional(),
  owner: z.string().min(1).optional().meta({ description: 'The person accountable.' }),
  objective: z.string().optional().meta({ description: 'Id of the objective this goal serves.' }),
  metric: z
    .string()
    .optional()
    .meta({
      description: 'Metric id: built in (goals metrics) or declared in metrics:.',
      examples: ['csat', 'first_response_time', 'nps'],
    }),
  segment: segment.optional(),
  type: goalTypeSchema.optional(),
  baseline: baselineSchema.optional().meta({
    description:
      'Starting value: a value, { value, date }, or omitted = first snapshot on/after start.',
  }),
  target: value.optional().meta({
    description:
      'Absolute value in the metric\'s unit, or a change from the baseline: "+10%" / "-15%" (relative), "+5pp" (points).',
    examples: [85, '-15%', '+5pp', '2h'],
  }),
  start: dateOrQuarter
    .optional()
    .meta({ description: "Default: the start of the deadline's quarter." }),
  deadline: dateOrQuarter.optional(),
  milestones: z.array(milestoneSchema).optional().meta({
    description: 'Phased targets; the expected path goes through them.',
  }),
  status: z.enum(['active', 'closed']).default('active').meta({
    description: 'closed: finished (set by goals plan); kept for the record, not checked.',
  }),
});

export const goalsFileSchema = z
  .strictObject({
    version: z.literal(1).meta({ description: 'Format version; always 1.' }),
    settings: settingsSchema.default(() => settingsSchema.parse({})),
    objectives: z.array(objectiveSchema).default([]),
    metrics: z.array(metricSchema).default([]),
    sources: z.array(sourceSchema).default([]),
    goals: z.array(goalSchema).default([]),
  })
  .meta({
    title: 'goals.yaml',
    description: 'SMART goals as code: the goals of a team, checked by the goals CLI.',
  });

export type GoalsFile = z.infer<typeof goalsFileSchema>;
export type Settings = GoalsFile['settings'];
export type GoalInput = z.infer<typeof goalSchema>;
export type ObjectiveInput = z.infer<typeof objectiveSchema>;
export type MetricInput = z.infer<typeof metricSchema>;
export type SourceInput = z.infer<typeof sourceSchema>;
export type ValueInput = z.infer<typeof value>;
export type BaselineInput = z.infer<typeof baselineSchema>;
export type GoalType = z.infer<typeof goalTypeSchema>;
export type RuleLevelInput = z.infer<typeof ruleLevelSchema>;
