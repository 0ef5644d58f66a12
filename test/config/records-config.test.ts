import { describe, expect, it } from 'vitest';
import { parseGoals } from '../../src/config/load-goals.js';
import { catalogOf } from '../../src/config/metric-catalog.js';

const findings = (text: string) =>
  parseGoals(text, 'goals.yaml').findings.map(
    (f) => `${f.line}:${f.column} ${f.rule} ${f.message} → ${f.hint}`,
  );

describe('records sources in goals.yaml', () => {
  it('reads a records source with a preset, fields, a calendar and derived metrics', () => {
    const loaded = parseGoals(
      `version: 1
settings:
  timezone: Asia/Kolkata
  calendars:
    support:
      timezone: Asia/Kolkata
      hours: { mon-fri: "09:00-18:00", sat: "10:00-14:00" }
      holidays: [2023-04-07]
metrics:
  - { id: frt_p90, name: First response time (90th percentile), from: first_response_time, statistic: p90 }
  - { id: frt_1bh, name: First replies within 1 business hour, from: first_response_time, within: 1h, hours: business }
sources:
  - id: zendesk
    path: tickets.csv
    layout: records
    preset: zendesk
    calendar: support
    period: month
    missing: ["-"]
    fields:
      rating: { column: Satisfaction Score, scale: 1-5, missing: ["0"] }
      created: { column: Date, format: DD/MM/YYYY, time: Time }
    segments: { team: Group }
`,
      'goals.yaml',
    );
    expect(loaded.findings).toEqual([]);
    expect(loaded.config.sources[0]).toMatchObject({ layout: 'records', preset: 'zendesk' });
    const catalog = catalogOf(loaded.config.metrics);
    expect(catalog.get('frt_p90')).toMatchObject({
      unit: 'duration',
      direction: 'decrease',
      derived: { from: 'first_response_time', statistic: 'p90' },
    });
    // within: is read in the from-metric's unit: 1h = 3600 seconds; a share is a percent.
    expect(catalog.get('frt_1bh')).toMatchObject({
      unit: 'percent',
      direction: 'increase',
      range: [0, 100],
      derived: { from: 'first_response_time', within: 3600, hours: 'business' },
    });
  });

  it('says what each layout needs, at the key to edit', () => {
    expect(
      findings(`version: 1
sources:
  - id: kpis
    path: kpis.csv
    preset: zendesk
  - id: tickets
    path: t.csv
    layout: records
    date: Created
  - id: bare
    path: b.csv
    layout: records
`),
    ).toEqual([
      "3:5 schema/missing-key Source 'kpis' has no 'date': the column that holds the date of each row. → Add `date: Week` (the column's name in the header), or `date: { column: Week, format: DD.MM.YYYY }` when the dates are not YYYY-MM-DD; a file with a row per ticket, call or response is `layout: records` instead.",
      "5:5 schema/bad-value Source 'kpis': preset: only records sources take it, and this one is layout: wide. → Write layout: records if the file has a row per ticket, call or response; else remove preset:.",
      "8:5 schema/bad-value Source 'tickets': layout: a records source needs preset: or fields:. → Add preset: zendesk (or freshdesk, intercom, survey), or fields: saying which column holds each field (fields: { created: Created at }); `goals import --inspect FILE --layout records` shows the header.",
      "9:5 schema/bad-value Source 'tickets': date: only wide and long sources take it; a records source reads its dates and values through fields:. → Remove date:, or write layout: wide (or long) if the file has a value per date.",
      "12:5 schema/bad-value Source 'bare': layout: a records source needs preset: or fields:. → Add preset: zendesk (or freshdesk, intercom, survey), or fields: saying which column holds each field (fields: { created: Created at }); `goals import --inspect FILE --layout records` shows the header.",
    ]);
  });

  it('names a wrong field option where it stands, not the whole union', () => {
    expect(
      findings(`version: 1
sources:
  - id: t
    path: t.csv
    layout: records
    fields:
      rating: { column: Score, scale: 1-6 }
      solved: { column: Solved at, unit: m }
      wait: { column: Wait, unit: minutes }
`),
    ).toEqual([
      `7:32 schema/bad-value Source 't': fields → rating → scale: "1-6" is not allowed. → Use one of "1-5", "1-7", "0-10", "good-bad".`,
      "8:36 schema/unknown-key Source 't': fields → solved: unknown key 'unit'. → Valid keys here: column, format, time, missing.",
      `9:29 schema/bad-value Source 't': fields → wait → unit: "minutes" is not allowed. → Use one of "s", "m", "h", "d", "HH:MM:SS".`,
    ]);
  });

  it('checks derived metrics and calendars against the catalog and settings', () => {
    expect(
      findings(`version: 1
settings:
  calendars:
    support: { hours: { mon-fri: "09:00-18:00" } }
metrics:
  - { id: a, from: first_respons_time, statistic: p90 }
  - { id: b, from: first_response_time, within: 85 }
  - { id: c, from: csat, within: 80, hours: business }
  - { id: d, statistic: median }
  - { id: e, from: resolution_time }
sources:
  - { id: t, path: t.csv, layout: records, fields: { created: Created, solved: Solved }, calendar: suport }
`),
    ).toEqual([
      "6:14 records/reference Metric 'a': from: first_respons_time is not a metric. → Did you mean first_response_time? A derived metric reads the per-row values of a built-in metric such as first_response_time or resolution_time (`goals metrics` lists them).",
      '7:41 records/reference Metric \'b\': within: 85 is not a threshold for first_response_time: 85 has no unit, and this metric is a duration. → Write the unit: "85h", "85m" or "85d".',
      '8:14 records/reference Metric \'c\': from: csat has no value per row to derive from; use one of first_response_time, resolution_time, interactions_per_ticket, ces, speed_of_answer, handle_time. → See `goals metrics` and docs/records.md, "Derived metrics".',
      "9:14 schema/bad-value Metric 'd': statistic: only a derived metric (one with from:) takes it. → Add from: (the built-in metric it derives from, e.g. first_response_time), or remove statistic:.",
      "10:14 schema/bad-value Metric 'e': from: a derived metric needs statistic: or within:. → Add statistic: p90 (mean, median or a percentile) or within: 1h (the share of rows at or under a threshold).",
      "12:90 records/reference Source 't': calendar 'suport' is not declared under settings.calendars. → Did you mean 'support'?",
    ]);
  });

  it('hours: business with no calendar and no business-hours column anywhere is a finding at hours:', () => {
    expect(
      findings(`version: 1
metrics:
  - { id: f, from: resolution_time, hours: business, within: 1d }
sources:
  - { id: t, path: t.csv, layout: records, fields: { created: Created, solved: Solved } }
`),
    ).toEqual([
      "3:37 records/reference Metric 'f': hours: business needs a calendar, and source 't' has none and no resolution_business column. → Declare the opening hours under settings.calendars and name them on the source (calendar: support), or map the export's business-hours column: fields: { resolution_business: { column: …, unit: m } }.",
    ]);
  });
});

describe('settings.calendars', () => {
  it('reads the open hours with the core and points at the key of a day or time it cannot read', () => {
    expect(
      findings(`version: 1
settings:
  calendars:
    support:
      hours: { mon-fry: "09:00-18:00", sat: "10:00-25:00" }
`),
    ).toEqual([
      `5:16 records/reference Calendar 'support': "fry" in "mon-fry" is not a day. → Name days mon, tue, wed, thu, fri, sat, sun, a range such as mon-fri, or a list such as mon,wed.`,
      `5:40 records/reference Calendar 'support': sat: "10:00-25:00" is not a time range (HH:MM-HH:MM, 00:00 to 24:00). → Write open hours as "09:00-18:00", several as "09:00-12:00,13:00-18:00".`,
    ]);
  });
});
