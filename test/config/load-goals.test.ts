import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGoals, parseGoals, MAX_CONFIG_BYTES } from '../../src/config/load-goals.js';
import { GoalsError } from '../../src/core/errors.js';
import { tempDir } from '../helpers/temp-dir.js';

const brief = (text: string) =>
  parseGoals(text, 'goals.yaml').findings.map(
    (f) => `${f.line}:${f.column} ${f.rule} ${f.message}`,
  );

describe('parseGoals', () => {
  it('reads a valid file with defaults filled in', () => {
    const loaded = parseGoals(
      'version: 1\ngoals:\n  - id: a\n    title: Reach 85% CSAT\n',
      'goals.yaml',
    );
    expect(loaded.findings).toEqual([]);
    expect(loaded.config.settings).toEqual({
      timezone: 'UTC',
      fiscal_year_start: 1,
      database: '.goals/goals.db',
      min_sample: 30,
      timeout: '30s',
      at_risk_margin: 0.2,
      rules: {},
    });
    expect(loaded.config.goals[0]).toEqual({ id: 'a', title: 'Reach 85% CSAT', status: 'active' });
  });

  it('reports a YAML syntax error at its line and column', () => {
    expect(brief('version: 1\ngoals:\n  - id: a\n    title: [unclosed\n')).toEqual([
      '4:21 yaml/syntax Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(brief('version: 1\ngoals:\n  - id: a\n   title: x\n')).toEqual([
      '4:1 yaml/syntax Sequence item without - indicator',
    ]);
  });

  it('says by how much a key is indented off, and only then', () => {
    const hints = (text: string) => parseGoals(text, 'goals.yaml').findings.map((f) => f.hint);
    expect(hints('version: 1\ngoals:\n  - id: a\n    title: x\n   owner: Maria\n')).toEqual([
      'Line 5 is indented 3 spaces, the line before it 4: keys of one mapping must line up.',
    ]);
    // Indented more, the key is read as the rest of the value above it; yaml
    // reports that twice at one place, shown once.
    const over =
      'version: 1\ngoals:\n  - id: a\n    start: 2026-07-01\n     deadline: 2026-12-31\n';
    expect(brief(over)).toEqual([
      '4:12 yaml/syntax Nested mappings are not allowed in compact mappings',
    ]);
    expect(hints(over)).toEqual([
      "Line 5 is indented 5 spaces, line 4 4, so YAML reads it as part of line 4's value: keys of one mapping must line up.",
    ]);
    expect(hints('version: 1\ngoals:\n  - id: a\n    title: "x\n')).toEqual([
      'Close it at the end of the value: title: "x"',
    ]);
    expect(
      hints('version: 1\ngoals:\n  - id: a\n    title: x\n    owner: Maria\n\tmetric: csat\n'),
    ).toEqual(['YAML indents with spaces only: replace the tab on line 6 with spaces.']);
    expect(hints('version: 1\ngoals:\n  - id: a\n    title: x\n     owner: Maria\n')[0]).toBe(
      "Line 5 is indented 5 spaces, line 4 4, so YAML reads it as part of line 4's value: keys of one mapping must line up.",
    );
  });

  it('keeps a duplicate key apart from the cascade an unclosed bracket starts', () => {
    const text =
      'version: 1\ngoals:\n  - id: a\n    owner: a\n    owner: b\n    segment: [EMEA\n    deadline: 2026-Q4\n    start: 2026-01-01\n';
    const findings = parseGoals(text, 'goals.yaml').findings;
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '5:5 Map keys must be unique',
      '7:5 Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    // yaml reports the bracket's second error on line 7 too.
    expect(findings[1]!.hint).toContain(
      'YAML reports 1 more error after this one (line 7); it follows from it',
    );
  });

  it('reports a duplicate key', () => {
    expect(brief('version: 1\nversion: 1\n')).toEqual(['2:1 yaml/syntax Map keys must be unique']);
  });

  it('reports every schema problem in one run, each where it stands', () => {
    const text = [
      'version: 1', // 1
      'settings:', // 2
      '  fiscal_year_start: 13', // 3
      'goals:', // 4
      '  - id: a', // 5
      '    title: Reach 85% CSAT', // 6
      '    tagret: 85', // 7
      '    deadline: 2026-02-30', // 8
      '    type: up', // 9
      '  - title: no id', // 10
      '',
    ].join('\n');
    expect(brief(text)).toEqual([
      '3:3 schema/bad-value Settings: fiscal_year_start: 13 is more than the maximum, 12.',
      "7:5 schema/unknown-key Goal 'a': unknown key 'tagret' (did you mean 'target'?).",
      "8:5 schema/bad-date Goal 'a': deadline: expected a real calendar day (YYYY-MM-DD) or a quarter (YYYY-Qn), from 1900 to 2999.",
      `9:5 schema/bad-value Goal 'a': type: "up" is not allowed.`,
      "10:5 schema/missing-key Goal #2: 'id' is required.",
    ]);
  });

  it('a bad date or quarter is one finding, schema/bad-date, whichever check it fails', () => {
    const text = [
      'version: 1', // 1
      'settings:', // 2
      '  stale_after: soon', // 3
      'goals:', // 4
      '  - id: a', // 5
      '    title: Reach 85% CSAT', // 6
      '    start: 31.12.2026', // 7
      '    deadline: 2026-Q5', // 8
      '    milestones:', // 9
      '      - { date: 2026, target: 80 }', // 10
      '    baseline: { value: 78, date: 2026-02-30 }', // 11
      '    owner: [Maria]', // 12
      '',
    ].join('\n');
    expect(brief(text)).toEqual([
      '3:3 schema/bad-value Settings: stale_after: expected a duration such as 90m, 1.5h, 2d, 1h30m or 01:30:00.',
      "7:5 schema/bad-date Goal 'a': start: expected a date YYYY-MM-DD or a quarter YYYY-Qn.",
      "8:5 schema/bad-date Goal 'a': deadline: expected a date YYYY-MM-DD or a quarter YYYY-Qn.",
      "10:11 schema/bad-date Goal 'a': milestones → #1 → date: expected text, got the number 2026.",
      "11:28 schema/bad-date Goal 'a': baseline → date: expected a date written YYYY-MM-DD (a real calendar day, from 1900 to 2999).",
      "12:5 schema/wrong-type Goal 'a': owner: expected text, got a list.",
    ]);
  });

  it('dates and quarters lie in the years 1900 to 2999 (9999-Q4 would end in year 10000: found by fuzzing)', () => {
    const text = [
      'version: 1',
      'settings: { fiscal_year_start: 4 }',
      'goals:',
      '  - { id: a, title: x 1, deadline: 9999-Q4 }',
      '  - { id: b, title: x 2, deadline: 9999-12-31 }',
      '  - { id: c, title: x 3, start: 0001-01-01, deadline: 2026-Q4 }',
      '  - { id: d, title: x 4, deadline: 2999-Q4 }',
      '',
    ].join('\n');
    const range =
      'expected a real calendar day (YYYY-MM-DD) or a quarter (YYYY-Qn), from 1900 to 2999.';
    expect(brief(text)).toEqual([
      `4:26 schema/bad-date Goal 'a': deadline: ${range}`,
      `5:26 schema/bad-date Goal 'b': deadline: ${range}`,
      `6:26 schema/bad-date Goal 'c': start: ${range}`,
    ]);
  });

  describe('found by fuzzing (test/fuzz)', () => {
    it('a list or mapping as a key is a syntax finding, not a process warning on stderr', () => {
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.message);
      process.on('warning', onWarning);
      try {
        expect(brief('version: 1\n? [a]\n: 1\n')).toEqual([
          '2:3 yaml/syntax A key is a list, a mapping or binary data; keys in goals.yaml are plain names.',
        ]);
        expect(brief('version: 1\n!!binary aGVsbG8=: 1\n')).toEqual([
          '2:10 yaml/syntax A key is a list, a mapping or binary data; keys in goals.yaml are plain names.',
        ]);
        expect(brief('version: 1\ngoals:\n  - id: a\n    segment: { {}: 1 }\n')).toEqual([
          '4:16 yaml/syntax A key is a list, a mapping or binary data; keys in goals.yaml are plain names.',
        ]);
      } finally {
        process.off('warning', onWarning);
      }
      expect(warnings).toEqual([]);
    });

    it('errors after a token yaml could not read stay on their lines (its LineCounter lost them)', () => {
      const text = ' : 1\nsources:\n  x id: team\n    path: metrics.csv\n    layout: long\n';
      const lines = text.split('\n');
      const findings = parseGoals(text, 'goals.yaml').findings;
      // The finding points at a character of its line, and the errors that
      // followed it are counted on the file's own lines 2 to 5 (9 in all, as
      // yaml 2.9 reports them).
      for (const f of findings) expect(f.column).toBeLessThanOrEqual(lines[f.line - 1]!.length + 1);
      expect(findings.map((f) => `${f.line}:${f.column}`)).toEqual(['2:1']);
      expect(findings[0]!.hint).toContain('YAML reports 8 more errors after this one (lines 2–5)');
    });

    it('text quoted from the file in a YAML error has its control and bidi characters escaped', () => {
      const directive = parseGoals('%FOO\u202e x\n---\nversion: 1\n', 'goals.yaml').findings;
      expect(directive.map((f) => f.message)).toEqual(['Unknown directive %FOO\\u202e']);
      const alias = parseGoals('version: *x\u202ey\n', 'goals.yaml').findings;
      expect(alias.map((f) => f.message)).toEqual([
        'The file could not be read: Unresolved alias (the anchor must be set before the alias): x\\u202ey',
      ]);
    });
  });

  it('a key missing inside a value-or-mapping (a milestone without target) is schema/missing-key', () => {
    const text =
      'version: 1\ngoals:\n  - id: a\n    title: x 1\n    milestones:\n      - { date: 2026-11-15 }\n';
    expect(brief(text).map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
      '6:9 schema/missing-key',
    ]);
  });

  it('points a missing key at the object that lacks it', () => {
    const loaded = parseGoals('version: 1\ngoals:\n  - id: a\n    owner: Maria\n', 'goals.yaml');
    expect(loaded.findings.map((f) => [f.line, f.column, f.message, f.hint])).toEqual([
      [
        3,
        5,
        "Goal 'a': 'title' is required.",
        'Add `title: Reach 85% CSAT in post-service surveys by the end of Q3`.',
      ],
    ]);
  });

  it("says what a missing or mistyped value should be, in the file's terms, with an example", () => {
    const text = [
      'version: 1', // 1
      'settings:', // 2
      '  timezone: Europe/Berln', // 3
      'sources:', // 4
      '  - id: kpis', // 5
      '    path: kpis.csv', // 6
      '    columns: { CSAT: 7 }', // 7
      'goals:', // 8
      '  - title: Reach 85% CSAT by the end of Q4', // 9
      '    metric: csat', // 10
      '    segment: 5', // 11
      '    baseline: { date: 2026-06-30 }', // 12
      '    target: true', // 13
      '    deadline: 2026-Q4', // 14
      '    milestones:', // 15
      '      - { date: 2026-11-15 }', // 16
      '      - { target: 83 }', // 17
      '',
    ].join('\n');
    const loaded = parseGoals(text, 'goals.yaml');
    expect(loaded.findings.map((f) => [`${f.line}:${f.column}`, f.message, f.hint])).toEqual([
      [
        '3:3',
        'Settings: timezone: expected an IANA time zone such as Europe/Sofia or UTC.',
        'Did you mean Europe/Berlin? Write `timezone: Europe/Berlin`.',
      ],
      [
        '5:5',
        "Source 'kpis' has no 'date': the column that holds the date of each row.",
        "Add `date: Week` (the column's name in the header), or `date: { column: Week, format: DD.MM.YYYY }` when the dates are not YYYY-MM-DD; a file with a row per ticket, call or response is `layout: records` instead.",
      ],
      [
        '7:16',
        "Source 'kpis': columns → CSAT: expected a metric id or { metric, unit }, got the number 7.",
        'Write a metric id (csat), or { metric: first_response_time, unit: h }.',
      ],
      ['9:5', "Goal #1: 'id' is required.", 'Add `id: reach-85-csat-by-the-end`.'],
      [
        '11:5',
        'Goal #1: segment: expected a mapping (key: value), got the number 5.',
        'Write key: value pairs, such as `segment: { team: EMEA }`.',
      ],
      [
        '12:5',
        "Goal #1: baseline has no 'value': the starting value.",
        'Add `baseline: { value: 78, date: 2026-06-30 }`, or just `baseline: 78`.',
      ],
      [
        '13:5',
        "Goal #1: target: expected a value in the metric's unit or a change, got true.",
        'Write a value (85, "2h", "85%") or a change ("+10%", "-15%", "+5pp").',
      ],
      [
        '16:9',
        "Goal #1: milestone #1 (2026-11-15) has no 'target': the value the goal should have reached by then.",
        'Add it: `- { date: 2026-11-15, target: 81 }`, a value on the way from the baseline to the target.',
      ],
      [
        '17:9',
        "Goal #1: milestone #2 has no 'date': the date by which its target should be reached.",
        'Add it: `- { date: 2026-08-15, target: 83 }`, a date between the start and the deadline (or a quarter, 2026-Q3).',
      ],
    ]);
  });

  it('proposes a milestone target halfway from the baseline to the target', () => {
    const text =
      'version: 1\ngoals:\n  - id: a\n    title: x 1\n    baseline: 78\n    target: 85\n    milestones:\n      - { date: 2026-11-15 }\n';
    expect(parseGoals(text, 'goals.yaml').findings.map((f) => f.hint)).toEqual([
      'Add it: `- { date: 2026-11-15, target: 81.5 }`, a value on the way from the baseline to the target.',
    ]);
  });

  it('takes ASCII ids only, and proposes the closest one', () => {
    const text =
      'version: 1\ngoals:\n  - id: csat-ü\n    title: x 1\n  - id: fcr q4\n    title: y 2\n';
    expect(
      parseGoals(text, 'goals.yaml').findings.map((f) => [
        `${f.line}:${f.column}`,
        f.message,
        f.hint,
      ]),
    ).toEqual([
      [
        '3:5',
        "Goal 'csat-ü': id: 'ü' is not an ASCII letter: goal ids use only ASCII letters (a-z, A-Z), digits, '-' and '_'.",
        'Write `id: csat-u`: ids are typed on the command line and become file names and CI annotation titles.',
      ],
      [
        '5:5',
        "Goal 'fcr q4': id: it has a space: goal ids use only ASCII letters (a-z, A-Z), digits, '-' and '_'.",
        'Write `id: fcr-q4`: ids are typed on the command line and become file names and CI annotation titles.',
      ],
    ]);
  });

  it('reports duplicate ids with the first occurrence', () => {
    const text = 'version: 1\ngoals:\n  - id: a\n    title: x 1\n  - id: a\n    title: y 2\n';
    expect(brief(text)).toEqual([
      "5:5 schema/duplicate-id Goal id 'a' is used twice (first at line 3).",
    ]);
  });

  it('keeps the valid goals of an invalid file, minus their bad keys', () => {
    const text =
      'version: 1\ngoals:\n  - id: a\n    title: x 1\n    tagret: 5\n  - id: b c\n    title: y 2\n  - id: d\n    title: z 3\n';
    const loaded = parseGoals(text, 'goals.yaml');
    expect(loaded.config.goals.map((g) => g.id)).toEqual(['a', 'd']);
    expect(loaded.goalIndexes).toEqual([0, 2]);
    expect(loaded.rawGoals.map((g) => [g.id, g.line, g.endLine])).toEqual([
      ['a', 3, 5],
      ['b c', 6, 7],
      ['d', 8, 9],
    ]);
  });

  it('refuses alias bombs', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      '',
    ].join('\n');
    expect(brief(bomb)).toEqual([
      '1:1 yaml/aliases The file could not be read: Excessive alias count indicates a resource exhaustion attack',
    ]);
  });

  it('treats __proto__ as a plain unknown key', () => {
    const loaded = parseGoals(
      'version: 1\n__proto__: { polluted: true }\ngoals: []\n',
      'goals.yaml',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(loaded.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      "2:1 The file: unknown key '__proto__'.",
    ]);
  });

  it('never echoes control characters from the file', () => {
    const loaded = parseGoals(
      'version: 1\ngoals:\n  - id: a\n    title: x 1\n    "\\e[31mred": 1\n',
      'goals.yaml',
    );
    expect(loaded.findings[0]!.message).toBe("Goal 'a': unknown key '\\x1b[31mred'.");
  });

  it('reads YAML 1.1 booleans and dates as text', () => {
    const loaded = parseGoals(
      '%YAML 1.1\n---\nversion: 1\ngoals:\n  - id: yes\n    title: on 2026-01-01\n    deadline: 2026-09-30\n',
      'goals.yaml',
    );
    expect(loaded.findings).toEqual([]);
    expect(loaded.config.goals[0]).toMatchObject({ id: 'yes', deadline: '2026-09-30' });
  });

  it('reports an empty file', () => {
    expect(brief('')).toEqual(['1:1 schema/empty The file is empty.']);
  });
});

describe('loadGoals', () => {
  it('refuses files over the size limit without parsing them', () => {
    const dir = tempDir();
    const path = join(dir, 'goals.yaml');
    writeFileSync(path, `version: 1\n# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`);
    expect(() => loadGoals(path, dir)).toThrowError(GoalsError);
    expect(() => loadGoals(path, dir)).toThrowError(
      'goals.yaml is 4.0 MiB; goals files over 4 MiB are refused.',
    );
  });

  it('shows paths relative to the working directory', () => {
    const dir = tempDir({ 'goals.yaml': 'version: 1\n' });
    expect(loadGoals(join(dir, 'goals.yaml'), dir).displayPath).toBe('goals.yaml');
  });
});
