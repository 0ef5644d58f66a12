/**
 * Records sources on the real exports of shared/data, against values
 * computed independently (Python one-offs over the same files with the csv
 * module, pasted as literals; each block says what it computed). Skipped
 * where the data is absent (CI's fresh clone).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGoals } from '../../../src/config/load-goals.js';
import { catalogOf } from '../../../src/config/metric-catalog.js';
import { specFromSource } from '../../../src/import/import-spec.js';
import { readRecords } from '../../../src/import/read-records.js';
import type { RecordsOutcome } from '../../../src/import/read-records.js';

const DATA = '/work/shared/data';
const has = (file: string) => existsSync(`${DATA}/${file}`);

/** Reads a file as the first source of a goals.yaml: `metric|segment|date` → value. */
async function readAs(
  file: string,
  yaml: string,
): Promise<{ values: Map<string, number>; outcome: RecordsOutcome }> {
  const loaded = parseGoals(`version: 1\n${yaml.replace('PATH', `${DATA}/${file}`)}`, 'goals.yaml');
  expect(loaded.findings).toEqual([]);
  const { config } = loaded;
  const spec = specFromSource(config.sources[0]!, {
    timeZone: config.settings.timezone,
    settings: config.settings,
  });
  const values = new Map<string, number>();
  const outcome = await readRecords(
    {
      path: `${DATA}/${file}`,
      displayPath: file,
      spec,
      catalog: catalogOf(config.metrics),
    },
    {
      add: (batch) => {
        for (let i = 0; i < batch.length; i++) {
          const s = batch.at(i);
          values.set(`${s.metric}|${s.segment}|${s.date}`, s.value);
        }
      },
      reset: () => values.clear(),
    },
  );
  return { values, outcome };
}

describe.skipIf(!has('zendesk_export_plum_DA_Assignment.csv'))('the real Zendesk export', () => {
  const yaml = `
metrics:
  - { id: frt_business, from: first_response_time, statistic: mean, hours: business }
sources:
  - id: zendesk
    path: PATH
    layout: records
    preset: zendesk
    period: month
    segments: { team: Group }
`;

  it('CSAT on the 1-5 scale (4-5 satisfied; Offered is no rating), period of a rating = solved, else created', async () => {
    const { values, outcome } = await readAs('zendesk_export_plum_DA_Assignment.csv', yaml);
    expect(outcome.rows).toBe(16476);
    expect(outcome.badRows).toBe(0);
    // Python: satisfied / rated per month of Solved at (Created at when it is 1900-01-01):
    // all 305/336, 349/397, 66/80; only the Support group is rated.
    expect(values.get('csat||2023-04-01')).toBe((305 / 336) * 100);
    expect(values.get('csat||2023-05-01')).toBe((349 / 397) * 100);
    expect(values.get('csat||2023-06-01')).toBe((66 / 80) * 100);
    expect(values.get('csat|team=Support|2023-05-01')).toBe((349 / 397) * 100);
    expect(values.has('csat|team=Endorsements|2023-05-01')).toBe(false);
  });

  it("resolution time = Solved at − Created at per Group (the export's Full resolution time agrees within its 1-minute rounding on all 14,409 solved tickets)", async () => {
    const { values } = await readAs('zendesk_export_plum_DA_Assignment.csv', yaml);
    // Python: mean of (Solved at − Created at) in seconds per month of Solved at; on every
    // solved ticket it differs from Full resolution time in minutes × 60 by 0 (11,375 tickets) or ±60 s.
    expect(values.get('resolution_time||2023-04-01')).toBeCloseTo(317260.09044657997, 6);
    expect(values.get('resolution_time||2023-05-01')).toBeCloseTo(692051.9419889502, 6);
    expect(values.get('resolution_time|team=Endorsements|2023-05-01')).toBeCloseTo(
      816624.0234375,
      6,
    );
    expect(values.get('resolution_time|team=Support|2023-04-01')).toBeCloseTo(226538.64, 6);
    expect(values.get('resolution_time|team=Onboardings|2023-06-01')).toBeCloseTo(
      3131632.272727273,
      6,
    );
  });

  it('first reply in business hours from its minutes column, per Group (no calendar-time first reply in this export)', async () => {
    const { values } = await readAs('zendesk_export_plum_DA_Assignment.csv', yaml);
    // Python: mean of First reply time in minutes within business hours × 60 per month of Created at.
    expect(values.get('frt_business||2023-04-01')).toBeCloseTo(118245.38343085925, 6);
    expect(values.get('frt_business|team=Support|2023-05-01')).toBeCloseTo(17332.85512367491, 6);
    expect(values.get('frt_business|team=Endorsements|2023-04-01')).toBeCloseTo(
      252685.61403508772,
      6,
    );
    expect([...values.keys()].some((k) => k.startsWith('first_response_time|'))).toBe(false);
    // Python: tickets per month of Created at.
    expect(values.get('ticket_volume||2023-04-01')).toBe(8223);
    expect(values.get('ticket_volume|team=Onboardings|2023-05-01')).toBe(271);
  });
});

describe.skipIf(!has('pwc_call_center_dataset.csv'))('the call-centre log', () => {
  // BOM, CRLF, DD/MM/YYYY with the time in its own column, rating 0 = not rated,
  // a header with empty and junk names.
  const yaml = `
sources:
  - id: calls
    path: PATH
    layout: records
    period: month
    fields:
      id: Call Id
      created: { column: Date, format: DD/MM/YYYY, time: Time }
      answered: Answered (Y/N)
      resolved: Resolved
      wait: { column: Speed of answer in seconds, unit: s }
      handle: { column: AvgTalkDuration, unit: HH:MM:SS }
      rating: { column: Satisfaction rating, scale: 1-5, missing: ["0"] }
    segments: { agent: Agent }
`;

  it('answer rate, speed of answer, handle time, resolved share and CSAT per agent and month', async () => {
    const { values, outcome } = await readAs('pwc_call_center_dataset.csv', yaml);
    expect(outcome.rows).toBe(5000);
    expect(outcome.badRows).toBe(0);
    // Python (csv module, utf-8-sig) per month of Date: answered/calls, mean wait and
    // handle of answered calls, resolved/answered, ratings 4-5 / ratings 1-5.
    expect(values.get('answer_rate||2021-01-01')).toBe((1455 / 1772) * 100);
    expect(values.get('speed_of_answer||2021-02-01')).toBeCloseTo(67.5462249614792, 9);
    expect(values.get('handle_time||2021-03-01')).toBeCloseTo(220.27363566487318, 9);
    expect(values.get('fcr||2021-01-01')).toBeCloseTo(90.10309278350516, 9);
    expect(values.get('csat||2021-03-01')).toBeCloseTo(48.88547271329746, 9);
    expect(values.get('answer_rate|agent=Becky|2021-03-01')).toBeCloseTo(83.74384236453201, 9);
    expect(values.get('speed_of_answer|agent=Martha|2021-03-01')).toBeCloseTo(72.12571428571428, 9);
    expect(values.get('handle_time|agent=Joe|2021-02-01')).toBeCloseTo(221.68666666666667, 9);
    expect(values.get('fcr|agent=Greg|2021-03-01')).toBeCloseTo(94.11764705882354, 9);
    expect(values.get('csat|agent=Dan|2021-02-01')).toBeCloseTo(55.294117647058826, 9);
  });
});

describe.skipIf(!has('servicenow_incident_event_log_subset.csv'))(
  'the ServiceNow event log',
  () => {
    const yaml = `
sources:
  - id: incidents
    path: PATH
    layout: records
    period: month
    missing: ["?"]
    fields:
      id: number
      created: { column: opened_at, format: DD-MM-YYYY HH:mm }
      solved: { column: resolved_at, format: DD-MM-YYYY HH:mm }
      reopens: reopen_count
`;

    it('is reduced to the last row of each incident before anything is computed', async () => {
      const { values, outcome } = await readAs('servicenow_incident_event_log_subset.csv', yaml);
      // Python: 5,998 rows, 890 distinct numbers; the last row (file order) of each:
      // 207 opened in 2016-02, 683 in 2016-03; mean resolved_at − opened_at per resolved month.
      expect(outcome.rows).toBe(5998);
      expect(outcome.ids).toBe(890);
      expect(outcome.supersededRows).toBe(5998 - 890);
      expect(values.get('ticket_volume||2016-02-01')).toBe(207);
      expect(values.get('ticket_volume||2016-03-01')).toBe(683);
      expect(values.get('resolution_time||2016-02-01')).toBeCloseTo(12923.333333333334, 6);
      expect(values.get('resolution_time||2016-03-01')).toBeCloseTo(491140.78697421984, 6);
      expect(values.get('resolution_time||2016-04-01')).toBeCloseTo(3871857.551020408, 6);
    });
  },
);

describe.skipIf(!has('codecademy_subscriptions_churn.tsv'))('the Codecademy subscriptions', () => {
  // Tab-separated, no header line; an empty end is a subscription still active.
  const yaml = `
sources:
  - id: subscriptions
    path: PATH
    layout: records
    period: month
    delimiter: "\\t"
    header: [id, start, end]
    fields: { id: id, started: start, ended: end }
`;

  it('monthly churn is 35/276, 63/506 and 158/667 for 2017-01..03 (the published answers)', async () => {
    const { values } = await readAs('codecademy_subscriptions_churn.tsv', yaml);
    expect(values.get('churn_rate||2017-01-01')).toBe((35 / 276) * 100);
    expect(values.get('churn_rate||2017-02-01')).toBe((63 / 506) * 100);
    expect(values.get('churn_rate||2017-03-01')).toBe((158 / 667) * 100);
    expect(values.get('retention_rate||2017-03-01')).toBeCloseTo(100 - (158 / 667) * 100, 12);
  });
});
