/**
 * The schema of goals.yaml, version 1 (DESIGN §3): the single source of its
 * types (`z.infer`) and of the JSON Schema editors use (`goals schema`).
 * Every object is strict, so an unknown key is a finding.
 */
import { z } from 'zod';
import { parseIsoDate, parseQuarter, isValidTimeZone } from '../core/dates.js';
import { parseDuration } from '../core/duration.js';
import { ID_CHARACTERS, ID_PATTERN, idProblem } from '../core/ids.js';
import type { RecordField } from '../core/records/record.js';
import { DEFAULT_MIN_SAMPLE } from '../core/figures/sample.js';
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
    error: 'expected a date written YYYY-MM-DD (a real calendar day, from 1900 to 2999)',
  })
  .meta({ description: 'A calendar date, YYYY-MM-DD.', examples: ['2026-09-30'] });

const dateOrQuarter = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2}|\d{4}-Q[1-4])$/, {
    error: 'expected a date YYYY-MM-DD or a quarter YYYY-Qn',
    abort: true,
  })
  .refine((s) => parseIsoDate(s) !== undefined || parseQuarter(s) !== undefined, {
    error: 'expected a real calendar day (YYYY-MM-DD) or a quarter (YYYY-Qn), from 1900 to 2999',
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

/** Cross-key checks run even when a key has its own problem, so one run lists them all. */
const ALWAYS_REFINE = {
  when: (payload: { value: unknown }) =>
    typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
};

const timeZone = z
  .string()
  .refine(isValidTimeZone, { error: 'expected an IANA time zone such as Europe/Sofia or UTC' });

export const calendarSchema = z
  .strictObject({
    timezone: timeZone.optional().meta({
      description: 'IANA time zone of the opening hours and holidays. Default: settings.timezone.',
      examples: ['Asia/Kolkata'],
    }),
    hours: z.record(z.string(), z.string()).meta({
      description:
        'Weekly open hours: days (mon, tue … sun, or a range mon-fri) → "HH:MM-HH:MM", several intervals separated by commas. Days not listed are closed.',
      examples: [{ 'mon-fri': '09:00-18:00', sat: '10:00-14:00' }],
    }),
    holidays: z
      .array(isoDate)
      .optional()
      .meta({ description: 'Days closed all day, YYYY-MM-DD.', examples: [['2023-04-07']] }),
  })
  .meta({
    description:
      'Business hours, for durations counted "in business hours" (metrics with hours: business). A ticket created out of hours starts counting at the next opening.',
  });

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
    timeout: duration.default('30s').meta({
      description:
        'Warehouse sources: how long connecting, and each batch of a query, may take (a source may set its own timeout:).',
      examples: ['30s'],
    }),
    stale_after: duration.optional().meta({
      description:
        "A goal whose newest snapshot is older than this is flagged stale. Default: twice the usual gap between the metric's snapshots, at least 14d (so monthly data is not stale half of every month).",
      examples: ['14d', '35d'],
    }),
    min_sample: z
      .int()
      .min(1)
      .default(DEFAULT_MIN_SAMPLE)
      .meta({
        description:
          'A value computed from fewer rows than this (records sources) is a small sample: marked, and never the only evidence that a goal is achieved.',
        examples: [30],
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
    calendars: z
      .record(
        z
          .string()
          .regex(ID_PATTERN, { error: "calendar names use only letters, digits, '-' and '_'" }),
        calendarSchema,
      )
      .optional()
      .meta({
        description:
          'Business-hours calendars by name; a records source picks one with calendar: NAME.',
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

export const metricSchema = z
  .strictObject({
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
    from: z
      .string()
      .optional()
      .meta({
        description:
          'A metric derived from records (layout: records): the built-in metric whose per-row values it reads. Needs statistic: or within:.',
        examples: ['first_response_time'],
      }),
    statistic: z
      .string()
      .regex(/^(mean|median|p(100|[1-9]?[0-9](\.[0-9]+)?))$/, {
        error: 'expected mean, median or a percentile p1 … p99 (p90, p99.9)',
      })
      .optional()
      .meta({
        description:
          'With from: the statistic of the per-row values: mean, median or a percentile pNN (type 7, linear interpolation).',
        examples: ['p90', 'median'],
      }),
    within: value.optional().meta({
      description:
        "With from: a threshold in the from-metric's unit; the metric is the share of rows at or under it (percent, higher is better).",
      examples: ['1h', '4h'],
    }),
    hours: z.enum(['calendar', 'business']).optional().meta({
      description:
        "With from, for duration metrics: business counts only the open hours of the source's calendar (or reads the export's business-hours column). Default: calendar.",
    }),
  })
  .superRefine((m, ctx) => {
    const derivedKeys = (['statistic', 'within', 'hours'] as const).filter(
      (k) => m[k] !== undefined,
    );
    if (m.from === undefined) {
      for (const key of derivedKeys) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'only a derived metric (one with from:) takes it',
          params: {
            hint: `Add from: (the built-in metric it derives from, e.g. first_response_time), or remove ${key}:.`,
          },
        });
      }
      return;
    }
    if (m.statistic === undefined && m.within === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'a derived metric needs statistic: or within:',
        params: {
          hint: 'Add statistic: p90 (mean, median or a percentile) or within: 1h (the share of rows at or under a threshold).',
        },
      });
    } else if (m.statistic !== undefined && m.within !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['within'],
        message: 'statistic: and within: make two different metrics',
        params: { hint: 'Keep one of them; declare a second metric for the other.' },
      });
    }
  }, ALWAYS_REFINE);

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

/** Where a records field is read, with how to read it (DESIGN §11). */
const fieldMissing = z
  .array(z.string())
  .optional()
  .meta({
    description:
      'Cells of this column that mean "no value", besides the empty cell and the source\'s missing: (a rating "0" that means not rated).',
    examples: [['0']],
  });
const fieldColumn = z.string().min(1).meta({ description: 'The column holding this field.' });
const timestampFormat = z
  .string()
  .optional()
  .meta({
    description:
      'How the timestamps are written when not ISO (YYYY-MM-DD HH:mm:ss): DD/MM/YYYY HH:mm, MM/DD/YYYY hh:mm A, DD-MM-YYYY HH:mm, DD.MM.YYYY HH:mm. Without it the format is learned from the values, and values that read two ways (01/02/2026) are refused.',
    examples: ['DD/MM/YYYY HH:mm'],
  });
const timeColumn = z
  .string()
  .min(1)
  .optional()
  .meta({
    description: 'When the time of day sits in a column of its own: that column (H:MM or H:MM:SS).',
    examples: ['Time'],
  });
const durationUnit = z.enum(['s', 'm', 'h', 'd', 'HH:MM:SS']).meta({
  description:
    'Unit of the numbers in the column: s, m, h or d; HH:MM:SS for clock-like durations (0:04:43). Cells written like 0:04:43 are read as such whatever the unit.',
});
const ratingScale = z.enum(['1-5', '1-7', '0-10', 'good-bad']).meta({
  description:
    '1-5 or good-bad → CSAT (4-5 and good satisfied), 0-10 → NPS, 1-7 → CES. Other words in the column (Offered, Not Offered) mean no rating; a number outside the scale is a bad row.',
});

const field = <T extends z.ZodRawShape>(description: string, options: T, example: unknown) =>
  z
    .union([
      fieldColumn,
      z.strictObject({ column: fieldColumn, ...options, missing: fieldMissing }),
    ])
    .optional()
    .meta({ description, examples: [example] });

const timestampOptions = { format: timestampFormat, time: timeColumn };
const durationOptions = { unit: durationUnit.optional() };

export const recordFieldsSchema = z
  .strictObject({
    id: field(
      'Ticket id. An event log (several rows per id, as ServiceNow writes) is reduced to the last row of each id.',
      {},
      'Id',
    ),
    created: field(
      'When the ticket was created, the call started, the survey was answered: a timestamp.',
      timestampOptions,
      'Created at',
    ),
    first_reply: field(
      'First agent reply: a timestamp, or a duration since created in calendar time ({ column, unit: m }).',
      { ...timestampOptions, ...durationOptions },
      { column: 'First reply time in minutes', unit: 'm' },
    ),
    first_reply_business: field(
      'First reply − created, counted in business hours, as the export states it: a duration.',
      durationOptions,
      { column: 'First reply time in minutes within business hours', unit: 'm' },
    ),
    solved: field('When the ticket was solved: a timestamp.', timestampOptions, 'Solved at'),
    resolution: field(
      'Solved − created in calendar time, as the export states it: a duration.',
      durationOptions,
      { column: 'Full resolution time in minutes', unit: 'm' },
    ),
    resolution_business: field(
      'Solved − created counted in business hours, as the export states it: a duration.',
      durationOptions,
      { column: 'Full resolution time in minutes within business hours', unit: 'm' },
    ),
    status: field('The ticket status, as text.', {}, 'Status'),
    rating: field(
      "A ticket's or call's satisfaction rating, with its scale.",
      { scale: ratingScale.optional() },
      { column: 'Satisfaction Score', scale: '1-5' },
    ),
    score: field(
      "A survey response's score, with its scale (0-10 → NPS; 1-5, good-bad → CSAT; 1-7 → CES).",
      { scale: ratingScale.optional() },
      { column: 'How likely are you to recommend us?', scale: '0-10' },
    ),
    reopens: field('How often the ticket was reopened: a whole number.', {}, 'Reopens'),
    replies: field('Agent replies on the ticket: a whole number.', {}, 'Replies'),
    answered: field(
      'Calls: whether the call was answered (Y/N, yes/no, true/false, 1/0), or when (a timestamp).',
      timestampOptions,
      'Answered (Y/N)',
    ),
    wait: field(
      'Calls: how long the caller waited before an answer (speed of answer): a duration.',
      durationOptions,
      { column: 'Speed of answer in seconds', unit: 's' },
    ),
    handle: field('Calls: handle time, a duration.', durationOptions, {
      column: 'AvgTalkDuration',
      unit: 'HH:MM:SS',
    }),
    resolved: field(
      'Calls: whether the issue was resolved on the call (Y/N, yes/no, true/false, 1/0).',
      {},
      'Resolved',
    ),
    started: field(
      'Subscriptions: when it started, a timestamp or date.',
      timestampOptions,
      'start',
    ),
    ended: field(
      'Subscriptions: when it ended, a timestamp or date; empty = still active.',
      timestampOptions,
      'end',
    ),
  })
  .meta({
    description:
      'layout: records: which column holds each field (a column name, or { column, … } saying how to read it). A preset fills the usual ones from the header; these override it.',
  });

// The schema names exactly the fields of the records contract (core/records/record.ts).
type KeyDifference<A, B> = Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>;
const fieldsMatchContract: [
  KeyDifference<z.infer<typeof recordFieldsSchema>, Record<RecordField, unknown>>,
] extends [never]
  ? true
  : never = true;
void fieldsMatchContract;

export const PRESET_IDS = ['zendesk', 'freshdesk', 'intercom', 'survey'] as const;

export const RECORDS_ONLY_KEYS = [
  'preset',
  'timezone',
  'calendar',
  'period',
  'missing',
  'fields',
  'header',
] as const;
export const KPI_ONLY_KEYS = [
  'date',
  'columns',
  'metric_column',
  'value_column',
  'metrics',
  'decimal',
] as const;

export const sourceSchema = z
  .strictObject({
    id: id('source', 'weekly-kpis'),
    path: z.string().min(1).optional().meta({
      description:
        'The CSV export, relative to this file. A warehouse source has database: and query: instead.',
    }),
    database: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          'Warehouse source: env:NAME, the environment variable holding a postgres:// URL (the password stays out of this file), or a SQLite file relative to this file. Needs query:.',
        examples: ['env:SUPPORT_DATABASE_URL', './kpi.db'],
      }),
    query: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          'Warehouse source: the SELECT whose result is read like a CSV with this layout and mapping. $since is bound to the newest snapshot date already stored for this source, so a sync reads only what is new.',
        examples: ['select day, team, csat_pct from support.kpi_daily where day >= $since'],
      }),
    timeout: duration.optional().meta({
      description:
        'Warehouse source: how long connecting, and each batch of the query, may take. Default: settings.timeout (30s).',
      examples: ['30s'],
    }),
    layout: z.enum(['wide', 'long', 'records']).default('wide').meta({
      description:
        'wide: a column per metric (needs date: and columns:); long: a metric column and a value column (needs date:); records: one row per ticket, call, survey response or subscription, from which goals computes the metrics per period (needs preset: or fields:).',
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
      .optional()
      .meta({
        description:
          'wide and long layouts (required there): the date column, or { column, format }. Records sources take their dates from fields:.',
      }),
    delimiter: z.enum([',', ';', '\t', '|']).optional().meta({
      description: 'Field delimiter; sniffed from the header line when omitted.',
    }),
    decimal: z
      .enum(['.', ','])
      .optional()
      .meta({ description: 'wide and long layouts: decimal separator. Default ".".' }),
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
        description:
          'Segment key → CSV column holding its value. Records sources: each value gets its own snapshots, and all rows together give the segment-less total.',
        examples: [{ team: 'Team' }],
      }),
    skip_invalid: z.boolean().optional().meta({
      description:
        'true: import the good rows of a file with bad rows and list the bad ones as warnings (as --skip-invalid does), instead of refusing the file. Default false.',
    }),
    preset: z.enum(PRESET_IDS).optional().meta({
      description:
        'records layout: the known column names of a helpdesk export, which fill fields: (zendesk, freshdesk, intercom, survey). fields: override it. `goals import --inspect FILE` shows what it recognised.',
    }),
    timezone: timeZone.optional().meta({
      description:
        "records layout: IANA time zone of the file's timestamps (those without an offset). Default: settings.timezone.",
      examples: ['Asia/Kolkata'],
    }),
    calendar: z
      .string()
      .optional()
      .meta({
        description:
          'records layout: the name of a calendar in settings.calendars, for metrics with hours: business.',
        examples: ['support'],
      }),
    period: z.enum(['day', 'week', 'month', 'quarter']).optional().meta({
      description:
        'records layout: one snapshot per day, ISO week (dated on its Monday), month or quarter (of the fiscal year), in settings.timezone. Default: week.',
    }),
    missing: z
      .array(z.string())
      .optional()
      .meta({
        description:
          'records layout: cells that mean "no value" in every column, besides the empty cell.',
        examples: [['1900-01-01 00:00:00', '-', '?']],
      }),
    header: z
      .array(z.string().min(1))
      .optional()
      .meta({
        description:
          'records layout: the file has no header line; these are the names of its columns, in order.',
        examples: [['id', 'start', 'end']],
      }),
    fields: recordFieldsSchema.optional(),
  })
  .superRefine((source, ctx) => {
    const present = (keys: readonly string[]) =>
      keys.filter((k) => (source as Record<string, unknown>)[k] !== undefined);
    if (source.path !== undefined && source.database !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['database'],
        message:
          'a source reads either a file (path:) or a database (database: and query:), not both',
        params: {
          hint: 'Remove path: to read the query, or database: and query: to read the file.',
        },
      });
    } else if (source.path === undefined && source.database === undefined) {
      ctx.addIssue({
        code: 'invalid_type',
        expected: 'string',
        path: ['path'],
        message: 'a source needs path: (a CSV export) or database: and query:',
      });
    }
    if (source.database !== undefined && source.query === undefined) {
      ctx.addIssue({
        code: 'invalid_type',
        expected: 'string',
        path: ['query'],
        message: 'a database source needs query:, the SELECT to read',
      });
    }
    for (const key of source.database === undefined ? present(['query', 'timeout']) : []) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'only a database source takes it',
        params: {
          hint: `Add database: (env:NAME with a postgres:// URL, or a SQLite file), or remove ${key}:.`,
        },
      });
    }
    if (source.database !== undefined && present(['encoding', 'delimiter', 'header']).length > 0) {
      for (const key of present(['encoding', 'delimiter', 'header'])) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'only a file source takes it; a query names its columns and types itself',
          params: { hint: `Remove ${key}:.` },
        });
      }
    }
    if (source.layout === 'records') {
      for (const key of present(KPI_ONLY_KEYS)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message:
            'only wide and long sources take it; a records source reads its dates and values through fields:',
          params: {
            hint: `Remove ${key}:, or write layout: wide (or long) if the file has a value per date.`,
          },
        });
      }
      if (source.preset === undefined && source.fields === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['layout'],
          message: 'a records source needs preset: or fields:',
          params: {
            hint: 'Add preset: zendesk (or freshdesk, intercom, survey), or fields: saying which column holds each field (fields: { created: Created at }); `goals import --inspect FILE --layout records` shows the header.',
          },
        });
      }
    } else {
      for (const key of present(RECORDS_ONLY_KEYS)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `only records sources take it, and this one is layout: ${source.layout}`,
          params: {
            hint: `Write layout: records if the file has a row per ticket, call or response; else remove ${key}:.`,
          },
        });
      }
      if (source.date === undefined) {
        // Reported as the missing key it is (describe-issue says what to write).
        ctx.addIssue({
          code: 'invalid_type',
          expected: 'string',
          path: ['date'],
          message: `required for layout: ${source.layout}`,
        });
      }
    }
  }, ALWAYS_REFINE);

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
export type RecordFieldsInput = z.infer<typeof recordFieldsSchema>;
export type CalendarInput = z.infer<typeof calendarSchema>;
export type ValueInput = z.infer<typeof value>;
export type BaselineInput = z.infer<typeof baselineSchema>;
export type GoalType = z.infer<typeof goalTypeSchema>;
export type RuleLevelInput = z.infer<typeof ruleLevelSchema>;
