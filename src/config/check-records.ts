/**
 * What the schema alone cannot see in records settings (DESIGN §11): a
 * source's calendar that settings.calendars does not declare, derived
 * metrics whose `from:` is unknown or whose threshold is in the wrong unit,
 * `hours: business` that no calendar can count. Each finding points at the
 * key to edit.
 */
import type { Finding } from '../core/finding.js';
import type { MetricDefinition } from '../core/metrics.js';
import { parseOpenHours } from '../core/records/business-hours.js';
import { checkDerivation } from '../core/records/record-metrics.js';
import { suggest } from '../core/suggest.js';
import { parseValue } from '../core/values.js';
import type { Position, YamlPath } from './load-goals.js';
import { customMetrics } from './metric-catalog.js';
import type { GoalsFile } from './schema.js';

/** Business-hours fields a preset can fill from an export, by the metric they give. */
const BUSINESS_FIELDS: Readonly<Record<string, string>> = {
  first_response_time: 'first_reply_business',
  resolution_time: 'resolution_business',
};

/** Presets of ticket exports, which carry business-hours durations. */
const TICKET_PRESETS = new Set(['zendesk', 'freshdesk', 'intercom']);

export function checkRecords(
  config: GoalsFile,
  catalog: ReadonlyMap<string, MetricDefinition>,
  positionOf: (path: YamlPath) => Position,
  file: string,
): Finding[] {
  const findings: Finding[] = [];
  const at = (path: YamlPath, message: string, hint: string, rule = 'records/reference') =>
    findings.push({
      severity: 'error',
      rule,
      message,
      hint,
      file,
      ...positionOf(path),
      path: [...path],
    });
  const calendars = Object.keys(config.settings.calendars ?? {});
  for (const [name, calendar] of Object.entries(config.settings.calendars ?? {})) {
    for (const p of parseOpenHours(calendar.hours).problems) {
      at(
        ['settings', 'calendars', name, 'hours', ...(p.key === '' ? [] : [p.key])],
        `Calendar '${name}': ${p.message}.`,
        p.hint
          ? `${p.hint.charAt(0).toUpperCase()}${p.hint.slice(1)}.`
          : 'Write hours as { mon-fri: "09:00-18:00" }.',
      );
    }
  }

  config.sources.forEach((source, i) => {
    if (source.calendar !== undefined && !calendars.includes(source.calendar)) {
      const close = suggest(source.calendar, calendars);
      at(
        ['sources', i, 'calendar'],
        `Source '${source.id}': calendar '${source.calendar}' is not declared under settings.calendars.`,
        close
          ? `Did you mean '${close}'?`
          : `Declare it: settings: { calendars: { ${source.calendar}: { timezone: Europe/Sofia, hours: { mon-fri: "09:00-18:00" } } } }.`,
      );
    }
  });

  config.metrics.forEach((metric, i) => {
    if (metric.from === undefined) return;
    const from = catalog.get(metric.from);
    if (!from || from.derived || metric.from === metric.id) {
      const candidates = [...catalog.values()].filter((m) => !m.derived).map((m) => m.id);
      const close = suggest(metric.from, candidates);
      at(
        ['metrics', i, 'from'],
        `Metric '${metric.id}': from: ${metric.from} is ${from ? 'itself a derived metric' : 'not a metric'}.`,
        `${close && close !== metric.from ? `Did you mean ${close}? ` : ''}A derived metric reads the per-row values of a built-in metric such as first_response_time or resolution_time (\`goals metrics\` lists them).`,
      );
      return;
    }
    let withinFailed = false;
    if (metric.within !== undefined) {
      const threshold = parseValue(metric.within, from.unit);
      if ('problem' in threshold) {
        withinFailed = true;
        at(
          ['metrics', i, 'within'],
          `Metric '${metric.id}': within: ${JSON.stringify(metric.within)} is not a threshold for ${from.id}: ${threshold.message}`,
          threshold.hint,
        );
      }
    }
    const derivation = customMetrics([metric])[0]!.derived!;
    const problem =
      !withinFailed && (metric.statistic === undefined) !== (metric.within === undefined)
        ? checkDerivation(derivation)
        : undefined;
    if (problem) {
      const key = /^(hours|statistic):/.test(problem)
        ? problem.slice(0, problem.indexOf(':'))
        : 'from';
      at(
        ['metrics', i, key],
        `Metric '${metric.id}': ${problem}.`,
        'See `goals metrics` and docs/records.md, "Derived metrics".',
      );
      return;
    }
    if (metric.hours === 'business') {
      const businessField = BUSINESS_FIELDS[from.id];
      const unable = config.sources.filter(
        (s) =>
          s.layout === 'records' &&
          s.calendar === undefined &&
          !(
            businessField !== undefined &&
            (s.fields?.[businessField as keyof typeof s.fields] !== undefined ||
              (s.preset !== undefined && TICKET_PRESETS.has(s.preset)))
          ),
      );
      const records = config.sources.filter((s) => s.layout === 'records');
      if (unable.length > 0 && unable.length === records.length) {
        at(
          ['metrics', i, 'hours'],
          `Metric '${metric.id}': hours: business needs a calendar, and ${unable.length === 1 ? `source '${unable[0]!.id}' has` : `sources ${unable.map((s) => `'${s.id}'`).join(', ')} have`} none${businessField ? ` and no ${businessField} column` : ''}.`,
          `Declare the opening hours under settings.calendars and name them on the source (calendar: support)${businessField ? `, or map the export's business-hours column: fields: { ${businessField}: { column: …, unit: m } }` : ''}.`,
        );
      }
    }
  });
  return findings;
}
