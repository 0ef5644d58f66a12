/**
 * `goals init` and `goals new` offer a records source (DESIGN §11): pointed
 * at a ticket, call or survey export (`--export FILE`, or asked), they
 * recognise its preset, ask how to cut it (period, time zone, segments),
 * read it once as a sync would, say what it computes, and return the source
 * to write — with its snapshots, so the coach can propose a baseline before
 * anything is written.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Settings, SourceInput } from '../config/schema.js';
import type { Checked } from '../core/build-goal.js';
import { checkSegment, checkTimeZone } from '../core/build-goal.js';
import { GoalsError } from '../core/errors.js';
import type { MetricDefinition } from '../core/metrics.js';
import type { Point, Segment } from '../core/snapshot.js';
import { segmentKey } from '../core/snapshot.js';
import { sanitizeLine } from '../core/text.js';
import type { PresetMatch } from '../import/presets/preset.js';
import type { Period, ProposeSourceOptions, SourceProposal } from '../import/propose-source.js';
import type { CommandContext } from './context.js';
import type { Prompter } from './prompts.js';

/** The flags that answer the questions (`--export tickets.csv --period month`). */
export interface ExportFlags {
  export?: string | undefined;
  period?: string | undefined;
  exportTimezone?: string | undefined;
  exportSegment?: string[] | undefined;
}

export interface OfferedSource {
  source: SourceInput;
  proposal: SourceProposal;
}

/** Where the source would go: goals.yaml's folder, settings, catalog and sources. */
export interface SourcePlace {
  dir: string;
  settings: Settings;
  catalog: ReadonlyMap<string, MetricDefinition>;
  sources: readonly SourceInput[];
}

const PERIODS: readonly Period[] = ['week', 'day', 'month', 'quarter'];

/**
 * Asks for (or takes from --export) an export and proposes its source;
 * undefined when none is given or the user leaves it. With `metric`, the
 * export must compute it. A flag that cannot be honoured is a USAGE error.
 */
export async function offerRecordsSource(
  ctx: CommandContext,
  prompter: Prompter,
  place: SourcePlace,
  flags: ExportFlags,
  options: { metric?: MetricDefinition } = {},
): Promise<OfferedSource | undefined> {
  const { metric } = options;
  const byFlag = flags.export !== undefined;
  if (!byFlag && !prompter.isInteractive) return undefined;
  const note = (text: string) => prompter.note(ctx.chalkErr.dim(text));
  for (;;) {
    const given = byFlag
      ? flags.export!
      : await prompter.text({
          flag: '--export',
          message: metric
            ? `Data: no source in goals.yaml gives ${metric.name}. A helpdesk or survey export to compute it from? (path; empty to skip)`
            : 'Data: a helpdesk, call or survey export (one row per ticket) to compute the metrics from? (path; empty to skip)',
          default: '',
          validate: (t) => (t.trim() === '' ? true : (fileProblem(ctx, t.trim()) ?? true)),
        });
    if (given.trim() === '') return undefined;
    const refuse = (message: string, hint: string): undefined => {
      if (byFlag) throw new GoalsError('USAGE', `--export ${given}: ${message}`, { hint });
      note(`${message} ${hint}`);
      return undefined;
    };
    const problem = fileProblem(ctx, given.trim());
    if (problem) {
      refuse(problem, 'Give the path of the export, relative to this folder.');
      continue;
    }
    const path = resolve(ctx.io.cwd, given.trim());
    const displayPath = sanitizeLine(relative(ctx.io.cwd, path) || path);
    const { recogniseExport, proposeRecordsSource } = await import('../import/propose-source.js');
    const { header, match } = await recogniseExport(path, displayPath);
    if (!match) {
      refuse(
        `${displayPath} is not a ticket, call or survey export goals knows (its columns: ${header.slice(0, 6).join(', ')}${header.length > 6 ? ' …' : ''}).`,
        `\`goals import --inspect ${displayPath} --layout records\` shows how it would be read; declare its fields: in goals.yaml (docs/records.md).`,
      );
      continue;
    }
    note(`${match.preset.name} (preset: ${match.preset.id}), ${header.length} columns.`);
    const propose = (
      answers: Partial<Pick<ProposeSourceOptions, 'period' | 'timezone' | 'segments'>>,
    ) =>
      proposeRecordsSource({
        path,
        displayPath,
        sourcePath: sourcePathOf(place.dir, path),
        match,
        settings: place.settings,
        catalog: place.catalog,
        sourceIds: new Set(place.sources.map((s) => s.id)),
        ...answers,
        signal: ctx.io.signal,
      });
    // Read once as proposed, so an export that cannot give the metric is
    // said before any question; read again only if an answer changes it.
    let proposal = await propose({});
    const gives = (proposal.inspected.outcome?.support ?? []).filter(
      (s) => s.missing === undefined,
    );
    if (metric && !gives.some((s) => s.metric === metric.id)) {
      const lacks = proposal.inspected.outcome?.support.find((s) => s.metric === metric.id);
      refuse(
        `${displayPath} cannot give ${metric.id}: ${lacks?.missing ? `it has no ${lacks.missing}` : `a ${match.preset.name} does not hold what it is computed from`} (it gives ${gives.map((s) => s.metric).join(', ') || 'nothing'}).`,
        'Give another export, or leave it empty and add the source later.',
      );
      continue;
    }
    const answers = {
      period: await askPeriod(prompter, flags.period),
      timezone: await askTimeZone(prompter, flags.exportTimezone, match, place.settings),
      segments: await askSegments(prompter, flags.exportSegment, match, header),
    };
    const proposed = proposal.source;
    if (
      answers.period !== proposed.period ||
      answers.timezone !== (proposed.timezone ?? place.settings.timezone) ||
      !isDeepStrictEqual(answers.segments, proposed.segments ?? {})
    ) {
      proposal = await propose(answers);
    }
    for (const line of describeProposal(proposal, match)) note(line);
    const inspected = proposal.inspected;
    if (inspected.refusal !== undefined) {
      const { formatFindings } = await import('../report/findings.js');
      ctx.io.stderr.write(
        formatFindings(inspected.problems.slice(0, 5), { chalk: ctx.chalkErr }) +
          (inspected.refusalHint ? `  ${ctx.chalkErr.dim(inspected.refusalHint)}\n` : ''),
      );
      if (byFlag) {
        throw new GoalsError(
          'CSV_REJECTED',
          `--export ${given}: ${displayPath} cannot be read as it is: ${inspected.refusal}. Nothing was written.`,
          {
            hint: 'Correct the export, or add the source to goals.yaml yourself with skip_invalid: true to leave bad rows out on every sync.',
          },
        );
      }
      const skip =
        inspected.outcome !== undefined &&
        (await prompter.confirm({
          message: `Leave the bad rows out on every sync (skip_invalid: true)?`,
          default: false,
        }));
      if (!skip) {
        note('The source was not added.');
        continue;
      }
      return { source: { ...proposal.source, skip_invalid: true }, proposal };
    }
    return { source: proposal.source, proposal };
  }
}

/**
 * The snapshots the coach reads: whole periods only (a partial first or last
 * period of an export would propose a baseline from a part of it).
 */
export function wholePeriods(points: readonly Point[]): Point[] {
  return points.filter((p) => !p.partial);
}

/** The history the coach reads from a proposed source. */
export function historyOfProposal(
  offered: OfferedSource,
): (metric: string, segment: Segment) => Point[] {
  return (metric, segment) => wholePeriods(offered.proposal.pointsOf(metric, segmentKey(segment)));
}

/** `Zendesk ticket export: 16,476 rows, …`, what it computes and what it lacks. */
function describeProposal(proposal: SourceProposal, match: PresetMatch): string[] {
  const outcome = proposal.inspected.outcome;
  const lines: string[] = [];
  for (const text of proposal.addedMissing) {
    lines.push(`"${text}" means "no value" in this export: it goes under missing:.`);
  }
  if (!outcome) return lines;
  const rows = outcome.rows.toLocaleString('en-US');
  const span = outcome.periods
    ? `, ${proposal.source.period} snapshots from ${outcome.periods.first} to ${outcome.periods.last}`
    : '';
  lines.push(`Read ${rows} rows${span}.`);
  const computed = outcome.support.filter((s) => s.missing === undefined).map((s) => s.metric);
  if (computed.length > 0) lines.push(`It gives: ${computed.join(', ')}.`);
  const segments = Object.entries(proposal.source.segments ?? {});
  if (segments.length > 0) {
    lines.push(
      `Per ${segments.map(([key, column]) => `${key} (column ${column})`).join(', ')}, and for the whole team.`,
    );
  }
  if (match.timezone && proposal.source.timezone === match.timezone) {
    lines.push(`Its timestamps are in ${match.timezone}, as its header says.`);
  }
  return lines;
}

async function askPeriod(prompter: Prompter, given: string | undefined): Promise<Period> {
  if (given !== undefined) {
    const period = PERIODS.find((p) => p === given.trim());
    if (!period)
      throw new GoalsError('USAGE', `--period ${given}: write day, week, month or quarter.`);
    return period;
  }
  return prompter.select<Period>({
    flag: '--period',
    message: 'One snapshot per (each metric, each period)',
    choices: PERIODS.map((p) => ({
      value: p,
      name: p,
      description:
        p === 'week'
          ? 'ISO weeks, dated on their Monday: a Monday check sees last week whole'
          : p === 'day'
            ? 'noisy for small teams: few rows a day'
            : p === 'month'
              ? 'larger samples, a slower signal'
              : 'quarters of the fiscal year',
    })),
    default: 'week',
  });
}

async function askTimeZone(
  prompter: Prompter,
  given: string | undefined,
  match: PresetMatch,
  settings: Settings,
): Promise<string> {
  if (given !== undefined) {
    const checked = checkTimeZone(given);
    if (!checked.ok)
      throw new GoalsError('USAGE', `--export-timezone ${given}: ${checked.message}`);
    return checked.value;
  }
  const proposal = match.timezone ?? settings.timezone;
  const text = await prompter.text({
    flag: '--export-timezone',
    message: `Time zone of its timestamps${match.timezone ? ' (from its header)' : ' (the helpdesk account’s)'}`,
    default: proposal,
    validate: (t) => {
      const checked = checkTimeZone(t);
      return checked.ok ? true : checked.message;
    },
  });
  const checked = checkTimeZone(text);
  return checked.ok ? checked.value : proposal;
}

async function askSegments(
  prompter: Prompter,
  given: string[] | undefined,
  match: PresetMatch,
  header: readonly string[],
): Promise<Record<string, string>> {
  const check = (text: string) => checkSegmentColumns(text, header);
  if (given !== undefined && given.length > 0) {
    const checked = check(given.join(', '));
    if (!checked.ok) throw new GoalsError('USAGE', `--export-segment: ${checked.message}`);
    return checked.value;
  }
  const proposal = Object.entries(match.segments)
    .map(([key, column]) => `${key}=${column}`)
    .join(', ');
  const text = await prompter.text({
    flag: '--export-segment',
    message:
      'Segments: key=Column, comma-separated (each value gets its own snapshots; empty: none)',
    default: proposal,
    validate: (t) => {
      const checked = check(t);
      return checked.ok ? true : checked.message;
    },
  });
  const checked = check(text);
  return checked.ok ? checked.value : match.segments;
}

/** `team=Group, channel=Via`: each column must be in the header. */
function checkSegmentColumns(
  text: string,
  header: readonly string[],
): Checked<Record<string, string>> {
  const checked = checkSegment(text);
  if (!checked.ok) return checked;
  for (const [key, column] of Object.entries(checked.value)) {
    if (!header.includes(column)) {
      return {
        ok: false,
        message: `${key}=${column}: the export has no column "${column}" (it has ${header.slice(0, 8).join(', ')}${header.length > 8 ? ' …' : ''}).`,
      };
    }
  }
  return checked;
}

/** Why a path typed or given is not an export to read; undefined when it is. */
function fileProblem(ctx: CommandContext, text: string): string | undefined {
  const path = resolve(ctx.io.cwd, text);
  if (!existsSync(path)) return `There is no file ${text}.`;
  if (!statSync(path).isFile()) return `${text} is a folder, not an export.`;
  return undefined;
}

/** The path as goals.yaml writes it: relative to its folder, with forward slashes. */
function sourcePathOf(dir: string, path: string): string {
  return relative(dir, path).split(sep).join('/');
}
