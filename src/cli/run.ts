/**
 * The whole program: `run(argv, io)` parses the command line, runs one
 * command and returns the exit code. Commands are imported only when they
 * run, so `goals --version` and `goals validate` never load SQLite or the
 * prompt library.
 */
import { Command, CommanderError, Help, Option } from 'commander';
import type { Io } from './io.js';
import type { CommandContext, ExitCode, GlobalOptions } from './context.js';
import { decideColour, makeChalk } from './colour.js';
import { readVersion } from './version.js';

export const EXIT = { ok: 0, found: 1, failed: 2, cancelled: 130 } as const;

const EXIT_CODES_HELP = `
Exit codes:
  0    done, nothing found at a failing level
  1    found what it looks for: a goal breaks a SMART rule at 'error'
       (validate), a goal's status is in --fail-on or its chance is below
       --fail-below-chance (check)
  2    could not do its job: bad usage, missing or unreadable file, invalid
       goals.yaml, rejected CSV, locked or corrupt database; nothing was changed
  130  cancelled (Ctrl-C); nothing was written`;

type Action = (ctx: CommandContext, ...args: unknown[]) => Promise<ExitCode>;

export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  const version = readVersion();
  let exitCode: ExitCode = EXIT.ok;
  let debug = argv.includes('--debug');
  const program = new Command('goals');

  /** Wraps a lazily imported command: context in, exit code out. */
  const lazy =
    (load: () => Promise<Action>) =>
    async (...args: unknown[]): Promise<void> => {
      const command = args[args.length - 1] as Command;
      const global = command.optsWithGlobals<GlobalOptions & Record<string, unknown>>();
      debug = Boolean(global.debug);
      const colour = decideColour(global.color, io.env, io.stdout);
      const colourErr = decideColour(global.color, io.env, io.stderr);
      const ctx: CommandContext = {
        io,
        global,
        version,
        colour,
        colourErr,
        chalk: await makeChalk(colour),
        chalkErr: await makeChalk(colourErr),
      };
      const action = await load();
      exitCode = await action(ctx, ...args.slice(0, -1));
    };

  program
    // Each command's help lists the global options that apply to it (GLOBAL_OPTIONS).
    .configureHelp({
      showGlobalOptions: true,
      visibleGlobalOptions(cmd: Command): Option[] {
        const applies = GLOBAL_OPTIONS[cmd.name()];
        return Help.prototype.visibleGlobalOptions
          .call(this, cmd)
          .filter((o) => o.long !== '--version' && (!applies || applies.includes(o.long!)));
      },
    })
    .description(
      'SMART goals as code: check goals.yaml, import metric exports, see where every goal stands.',
    )
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s),
    })
    .showSuggestionAfterError(true)
    .option('-c, --config <path>', 'goals file (default: nearest goals.yaml upward)')
    .option(
      '--as-of <date>',
      'evaluate as of this date, YYYY-MM-DD (default: today in settings.timezone)',
    )
    .option('--db <path>', 'snapshot store (default: settings.database; env GOALS_DB)')
    .option('--no-color', 'no colour (also NO_COLOR); colour is used only on a terminal')
    .option('-q, --quiet', 'print only what matters: findings, failing goals, errors')
    .option('--debug', 'show stack traces of internal errors')
    .addHelpText(
      'after',
      `
Examples (in this repository, try them with -c goals.example.yaml):
  $ goals validate                  check goals.yaml against the SMART rules
  $ goals check                     where every goal stands against its deadline
  $ goals import                    import every export listed under sources:
  $ goals new                       write a SMART goal, one question at a time
${EXIT_CODES_HELP}`,
    );

  program
    .command('validate')
    .description('check goals.yaml: schema and SMART rules, with a S/M/A/R/T grid per goal')
    .addOption(formatOption(['table', 'json', 'github']))
    .option('--no-sync', 'do not import changed sources first')
    .addHelpText(
      'after',
      `
Examples:
  $ goals validate
  $ goals validate -c goals.example.yaml --format json
  $ goals validate --format github      annotations for GitHub Actions
${EXIT_CODES_HELP}`,
    )
    .action(lazy(async () => (await import('./commands/validate.js')).validateCommand as Action));

  program
    .command('check')
    .description('sync sources, evaluate every goal and print where it stands')
    .addOption(formatOption(['table', 'json', 'markdown', 'junit', 'github']))
    .option('-g, --goal <id>', 'only this goal (repeatable)', collect, [])
    .option('--objective <id>', 'only goals of this objective (repeatable)', collect, [])
    .option('--status <list>', 'only goals with these statuses, comma-separated')
    .option(
      '--fail-on <list>',
      'the statuses (or stale, or slipped) that fail: exit 1, and failures in the reports',
      'off-track,missed',
    )
    .option(
      '--fail-below-chance <p>',
      'also fail goals whose chance of meeting the target is below p (0–1, or 50%); goals without a chance do not fail',
    )
    .option(
      '--exit-zero',
      'exit 0 even when goals fail; the reports still show them (2 still means it could not run)',
    )
    .option(
      '--since <when>',
      'also evaluate as of an earlier date (7d, 2w, YYYY-MM-DD): what changed',
    )
    .option('-o, --output <file>', 'also write the report (in --format) to this file')
    .option('--no-sync', 'do not import changed sources first')
    .addHelpText(
      'after',
      `
Statuses: achieved, on-track, at-risk, off-track, missed, no-data, not-started
(and the flag 'stale'). --fail-on takes any of them, and 'slipped' with --since.

--since compares with an earlier date, from the same snapshots: ▲ improved,
▼ slipped (best to worst: achieved, on track, at risk, off track, missed),
and the change of each value and progress.

The chance that a goal meets its target, and the 80 % interval of its value
at the deadline, come from how its snapshots scatter around their trend. A
goal has none with fewer than 8 snapshots since its start, or while its
deadline lies further ahead than its snapshots reach back.
--fail-below-chance 0.5 fails the goals more likely than not to be missed.

Examples:
  $ goals check
  $ goals check --since 7d              what changed since last week
  $ goals check --since 7d --fail-on off-track,missed,slipped
  $ goals check --fail-below-chance 0.5  also fail goals likely to be missed
  $ goals check --as-of 2026-10-19 --goal csat-85 --goal fcr-75
  $ goals check --format junit -o goals.xml --fail-on off-track,missed,stale
  $ goals check --format junit -o goals.xml --exit-zero
  $ goals check --format github         in GitHub Actions (automatic there)
${EXIT_CODES_HELP}`,
    )
    // In GitHub Actions a check without --format adds annotations: record whether it was given.
    .hook('preAction', (command) => {
      command.setOptionValue('isFormatExplicit', command.getOptionValueSource('format') === 'cli');
    })
    .action(lazy(async () => (await import('./commands/check.js')).checkCommand as Action));

  program
    .command('report')
    .description('a report to share: every goal, its history, its breakdown, what changed')
    .addOption(
      new Option(
        '-f, --format <format>',
        'output format (default: html for -o *.html, else markdown)',
      ).choices(['html', 'markdown']),
    )
    .option('-o, --output <file>', 'write the report to this file (default: stdout)')
    .option('--since <when>', 'compare with an earlier date: 7d, 2w or YYYY-MM-DD', '7d')
    .option('-g, --goal <id>', 'only this goal (repeatable)', collect, [])
    .option('--objective <id>', 'only goals of this objective (repeatable)', collect, [])
    .option('--no-sync', 'do not import changed sources first')
    .addHelpText(
      'after',
      `
For each objective its goals; for each goal the figures of goals check, how
it moved since --since (default: a week before as of), this period against the
previous one and the same period a year earlier (the period is the data's
own: week, month or quarter), and where the metric has snapshots for other
teams, agents … a ranked table of them. HTML is one self-contained file
(charts, no scripts or requests) that opens offline, prints a page per
objective and follows dark mode; Markdown has sparklines instead of charts.

Examples:
  $ goals report -o goals.html           HTML, from the file's extension
  $ goals report -o goals.md
  $ goals report --as-of 2026-11-16 --since 4w --objective quality
${EXIT_CODES_HELP}`,
    )
    .action(lazy(async () => (await import('./commands/report.js')).reportCommand as Action));

  program
    .command('import')
    .description('import CSV exports into the snapshot store')
    .argument('[files...]', 'CSV files (default: every source in goals.yaml)')
    .option('-s, --source <id>', 'read the files with the mapping of this source in goals.yaml')
    .addOption(
      new Option(
        '--layout <layout>',
        'wide: a column per metric; long: metric and value columns; records: a row per ticket, call or response',
      ).choices(['wide', 'long', 'records']),
    )
    .option('--date-column <name>', 'the date column')
    .option('--date-format <format>', 'YYYY-MM-DD, DD.MM.YYYY, MM/DD/YYYY, DD/MM/YYYY …')
    .option(
      '--metric <mapping>',
      'wide: "Column=metric_id[:unit]"; long: the metric column, or "Name=metric_id[:unit]" (repeatable)',
      collect,
      [],
    )
    .option('--value-column <name>', 'long: the value column (default "value")')
    .option('--segment <mapping>', 'segment key from a column: team=Team (repeatable)', collect, [])
    .option('--delimiter <char>', 'field delimiter: , ; tab |  (default: sniffed)')
    .option('--decimal <char>', 'decimal separator: . or ,')
    .option('--encoding <name>', 'utf-8, utf-16le or windows-1252 (default: detected)')
    .option(
      '--preset <name>',
      'records: known columns of zendesk, freshdesk, intercom or survey exports',
    )
    .option(
      '--field <mapping>',
      'records: "field=Column[:unit|scale|format]", e.g. "first_reply=First reply (min):m" (repeatable)',
      collect,
      [],
    )
    .option('--period <period>', 'records: day, week (default), month or quarter')
    .option('--timezone <zone>', "records: IANA time zone of the file's timestamps")
    .option(
      '--missing <text>',
      'records: a cell that means "no value"; field=text for one field\'s column (repeatable)',
      collect,
      [],
    )
    .option('--skip-invalid', 'import the good rows and list the bad ones')
    .option('-n, --dry-run', 'validate and show what would change, write nothing')
    .option('--inspect', 'show how the file is read and mapped, import nothing')
    .option(
      '--full',
      'database sources: read every row, not only those since the newest stored date',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ goals import                                   every source of goals.yaml
  $ goals import examples/weekly-kpis.csv --source weekly-kpis
  $ goals import --dry-run examples/weekly-kpis.csv --date-column Week \\
      --date-format DD.MM.YYYY --metric "CSAT %=csat" \\
      --metric "First reply (h)=first_response_time:h"
  $ goals import examples/team-metrics.csv --layout long --segment team=team
  $ goals import tickets.csv --preset zendesk --segment team=Group --period month
  $ goals import calls.csv --layout records --field "created=Date:DD/MM/YYYY" \\
      --field "answered=Answered (Y/N)" --field "wait=Speed of answer in seconds:s"
  $ goals import --inspect examples/weekly-kpis.csv
${EXIT_CODES_HELP}`,
    )
    .action(lazy(async () => (await import('./commands/import.js')).importCommand as Action));

  program
    .command('explain')
    .description('one goal: every number, the formula behind it and why its status is what it is')
    .argument('<goal>', 'goal id')
    .addOption(formatOption(['table', 'json']))
    .option('--no-sync', 'do not import changed sources first')
    .addHelpText(
      'after',
      `\nExamples:\n  $ goals explain fcr-75\n  $ goals explain csat-85 --as-of 2026-10-19 --format json\n${EXIT_CODES_HELP}`,
    )
    .action(lazy(async () => (await import('./commands/explain.js')).explainCommand as Action));

  program
    .command('history')
    .description("a goal's metric over time, as a chart with the target and the expected path")
    .argument('<goal>', 'goal id')
    .addOption(formatOption(['table', 'json', 'csv']))
    .option('--no-sync', 'do not import changed sources first')
    .addHelpText(
      'after',
      `\nExamples:\n  $ goals history csat-85\n  $ goals history csat-85 --format csv > csat.csv\n${EXIT_CODES_HELP}`,
    )
    .action(lazy(async () => (await import('./commands/history.js')).historyCommand as Action));

  program
    .command('metrics')
    .description('the metric catalog: built-in and custom metrics, units, ranges, formulas')
    .addOption(formatOption(['table', 'json']))
    .addHelpText(
      'after',
      `\nExamples:\n  $ goals metrics\n  $ goals metrics --format json\n${EXIT_CODES_HELP}`,
    )
    .action(lazy(async () => (await import('./commands/metrics.js')).metricsCommand as Action));

  program
    .command('schema')
    .description('print the JSON Schema of goals.yaml (for editor completion)')
    .addHelpText(
      'after',
      `\nExamples:\n  $ goals schema > goals.schema.json\n  then start goals.yaml with:\n  # yaml-language-server: $schema=./goals.schema.json\n${EXIT_CODES_HELP}`,
    )
    .action(lazy(async () => (await import('./commands/schema.js')).schemaCommand as Action));

  program
    .command('init')
    .description('create goals.yaml here: team settings, objectives and a first goal')
    .option('--template <name>', 'write a starter set instead of asking: customer-service')
    .option('--team <name>', 'whose goals these are (a comment at the top of the file)')
    .option('--timezone <zone>', 'IANA time zone, e.g. Europe/Sofia (default: the system’s)')
    .option('--fiscal-year-start <month>', 'month 1-12 the fiscal year starts in (default: 1)')
    .option('--objective <id=title>', 'an objective (repeatable)', collect, [])
    .option(...EXPORT_OPTIONS.export)
    .option(...EXPORT_OPTIONS.period)
    .option(...EXPORT_OPTIONS.timezone)
    .option(...EXPORT_OPTIONS.segment, collect, [])
    .option(
      '--no-input',
      'never prompt: default settings, objectives only from --objective, no first goal',
    )
    .addHelpText(
      'after',
      `
Writes goals.yaml (never over an existing one) and goals.schema.json beside it,
so editors complete and check the file.

Examples:
  $ goals init
  $ goals init --template customer-service
  $ goals init --team "Support EMEA" --timezone Europe/Sofia \\
      --objective fast-help="Customers get help fast" --no-input
  $ goals init --objective quality="Customers are happy with our help" \\
      --export exports/tickets.csv --period month --no-input
${EXIT_CODES_HELP}`,
    )
    .action(lazy(async () => (await import('./commands/init.js')).initCommand as Action));

  program
    .command('new')
    .description('add a SMART goal to goals.yaml, one question per letter (or all by flags)')
    .option('--id <id>', 'goal id (default: from the metric and deadline)')
    .option('--title <text>', 'the goal in words (default: proposed)')
    .option('--metric <id>', 'metric id (goals metrics); a new id with --metric-unit defines it')
    .addOption(
      new Option('--metric-unit <unit>', 'new metric: its unit').choices([
        'percent',
        'score',
        'count',
        'duration',
      ]),
    )
    .option('--metric-name <name>', 'new metric: its name (default: the id)')
    .addOption(
      new Option('--metric-direction <dir>', 'new metric: which way is better').choices([
        'increase',
        'decrease',
        'neutral',
      ]),
    )
    .option('--metric-range <min..max>', 'new metric: valid range (default: from the unit)')
    .option('--segment <key=value>', 'segment (repeatable)', collect, [])
    .option('--baseline <value>', 'starting value (default: latest snapshot)')
    .option('--target <value>', 'target: 85, "2h", "+10%", "+5pp"')
    .addOption(
      new Option('--type <type>', 'default: from the metric').choices([
        'increase',
        'decrease',
        'stay-above',
        'stay-below',
      ]),
    )
    .option('--start <date>', 'YYYY-MM-DD or YYYY-Qn (default: start of the deadline quarter)')
    .option('--deadline <date>', 'YYYY-MM-DD or YYYY-Qn')
    .option('--milestone <date=target>', 'milestone (repeatable)', collect, [])
    .option('--objective <id[=title]>', 'objective the goal serves; id=title creates it')
    .option('--owner <name>', 'the person accountable')
    .option(...EXPORT_OPTIONS.export)
    .option(...EXPORT_OPTIONS.period)
    .option(...EXPORT_OPTIONS.timezone)
    .option(...EXPORT_OPTIONS.segment, collect, [])
    .option('-y, --yes', 'accept proposals (title, id, baseline, start, milestones) without asking')
    .option('--no-input', 'never prompt; missing answers are errors naming the flag')
    .option('--no-sync', 'do not import changed sources before proposing the baseline')
    .addHelpText(
      'after',
      `
Asks one SMART letter at a time and checks each answer as it is given: a
title without a number, an unknown metric, CSAT 100 %, a pace the team has
never shown are caught at the prompt. The goal is shown as YAML with its
S/M/A/R/T grid, then appended to goals.yaml keeping its comments and layout.
Every answer has a flag; without a terminal (or with --no-input, or CI set)
a missing answer is an error naming its flag. Ctrl-C writes nothing (exit 130).
When no source gives the metric, it offers to read a helpdesk export
(--export FILE): the preset is recognised and the source added with the goal.

Examples:
  $ goals new
  $ goals new --metric csat --target 85 --deadline 2027-Q1 --objective quality \\
      --owner "Maria" --title "Reach 85% CSAT by the end of Q1 2027" --no-input
${EXIT_CODES_HELP}`,
    )
    .action(lazy(async () => (await import('./commands/new.js')).newCommand as Action));

  program
    .command('plan')
    .description('quarterly review: how last quarter ended and next quarter’s goals from the trend')
    .option('--quarter <YYYY-Qn>', 'the quarter to plan (default: the next one)')
    .option('--no-input', 'print the review and proposals as YAML instead of asking; write nothing')
    .option('--no-sync', 'do not import changed sources first')
    .addHelpText(
      'after',
      `
Takes the goals whose deadline fell in the quarter before, shows how each
ended (achieved or missed, final value against target), and proposes next
quarter's goal for each metric: its recent trend one quarter on (or holding
the level when the trend is flat or worse), a stretch at the best 4-week pace
the history shows, and the pace each demands. Accept, edit or drop each;
accepted goals are appended to goals.yaml (comments kept), and the goals that
ended are marked \`status: closed\` — kept in the file for the record, skipped
by check and validate.

Examples:
  $ goals plan --quarter 2027-Q1
  $ goals plan --quarter 2027-Q1 --no-input > proposals.yaml
${EXIT_CODES_HELP}`,
    )
    .action(lazy(async () => (await import('./commands/plan.js')).planCommand as Action));

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every usage error is 2.
      return error.exitCode === 0 ? EXIT.ok : EXIT.failed;
    }
    const colourErr = decideColour(
      argv.includes('--no-color') ? false : undefined,
      io.env,
      io.stderr,
    );
    const { printError } = await import('./print-error.js');
    return printError(error, { io, chalk: await makeChalk(colourErr), version, debug });
  }
}

/**
 * The global options each command reads (by long name); a command not
 * listed shows them all. --as-of only where a date is evaluated, --db only
 * where the store is read.
 */
const GLOBAL_OPTIONS: Record<string, readonly string[]> = {
  validate: ['--config', '--as-of', '--db', '--no-color', '--quiet', '--debug'],
  import: ['--config', '--db', '--no-color', '--quiet', '--debug'],
  explain: ['--config', '--as-of', '--db', '--no-color', '--quiet', '--debug'],
  history: ['--config', '--as-of', '--db', '--no-color', '--quiet', '--debug'],
  metrics: ['--config', '--no-color', '--debug'],
  schema: ['--debug'],
  init: ['--config', '--as-of', '--no-color', '--quiet', '--debug'],
};

function formatOption(formats: string[]): Option {
  return new Option('-f, --format <format>', 'output format').choices(formats).default('table');
}

/** The flags of `goals init` and `goals new` that add a helpdesk export as a records source. */
const EXPORT_OPTIONS = {
  export: [
    '--export <path>',
    'a helpdesk, call or survey export (one row per ticket) to add as a records source',
  ],
  period: [
    '--period <period>',
    'with --export: a snapshot per day, week (default), month or quarter',
  ],
  timezone: [
    '--export-timezone <zone>',
    "with --export: time zone of its timestamps (default: its header's, else settings.timezone)",
  ],
  segment: [
    '--export-segment <key=column>',
    "with --export: a segment column (repeatable; default: the preset's usual ones)",
  ],
} as const;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
