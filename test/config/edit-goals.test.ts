import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  createGoalsText,
  stringifyGoal,
  stringifyYaml,
} from '../../src/config/edit-goals.js';
import { parseGoals } from '../../src/config/load-goals.js';

const example = readFileSync(new URL('../../goals.example.yaml', import.meta.url), 'utf8');

const goal = {
  id: 'csat-2027-q1',
  title: 'Raise CSAT from 82 % to 85 % by the end of Q1 2027',
  owner: 'Maria Ivanova',
  objective: 'quality',
  metric: 'csat',
  status: 'active',
  segment: { team: 'EMEA' },
  baseline: { value: 82, date: '2026-11-09' },
  target: 85,
  deadline: '2027-Q1',
};

describe('applyEdits: add a goal', () => {
  it('appends after the last goal, leaving every other byte of the file as it was', () => {
    const out = applyEdits(example, [{ kind: 'add', list: 'goals', item: goal }]);
    expect(out.startsWith(example)).toBe(true);
    expect(out.slice(example.length)).toBe(
      [
        '',
        '  - id: csat-2027-q1',
        '    title: Raise CSAT from 82 % to 85 % by the end of Q1 2027',
        '    owner: Maria Ivanova',
        '    objective: quality',
        '    metric: csat',
        '    segment: { team: EMEA }',
        '    baseline: { value: 82, date: 2026-11-09 }',
        '    target: 85',
        '    deadline: 2027-Q1',
        '',
      ].join('\n'),
    );
    const loaded = parseGoals(out, 'goals.yaml');
    expect(loaded.findings).toEqual([]);
    expect(loaded.config.goals.at(-1)).toEqual({ ...goal, status: 'active' });
  });

  it('inserts before comments and keys that follow the list', () => {
    const text = [
      'version: 1 # format',
      'goals:',
      '- id: a        # keep this spacing',
      '  title: A 1',
      '  milestones:',
      '  - {date: 2026-09-30, target: 81}',
      '# closing comment',
      'objectives: []',
      '',
    ].join('\n');
    const out = applyEdits(text, [
      { kind: 'add', list: 'goals', item: { id: 'b', title: 'B 2', target: '+5' } },
    ]);
    expect(out).toBe(
      [
        'version: 1 # format',
        'goals:',
        '- id: a        # keep this spacing',
        '  title: A 1',
        '  milestones:',
        '  - {date: 2026-09-30, target: 81}',
        // A single goal: the new one gets the blank line goals usually have.
        '',
        '- id: b',
        '  title: B 2',
        '  target: "+5"',
        '# closing comment',
        'objectives: []',
        '',
      ].join('\n'),
    );
    expect(parseGoals(out, 'g.yaml').config.goals.map((g) => g.target)).toEqual([undefined, '+5']);
  });

  it('turns `goals: []` into a block list and keeps a comment on that line', () => {
    const out = applyEdits('version: 1\ngoals: [] # none yet\n', [
      { kind: 'add', list: 'goals', item: { id: 'a', title: 'A 1' } },
    ]);
    expect(out).toBe('version: 1\ngoals: # none yet\n  - id: a\n    title: A 1\n');
  });

  it('adds the list when the file has none', () => {
    const out = applyEdits('version: 1\n', [
      { kind: 'add', list: 'objectives', item: { id: 'fast-help', title: 'Help fast' } },
    ]);
    expect(out).toBe('version: 1\n\nobjectives:\n  - id: fast-help\n    title: Help fast\n');
  });

  it('adds a missing list before the sections that follow it, above their comments', () => {
    const text = 'version: 1\nobjectives: []\n\n# The goals.\n# Two lines.\ngoals: []\n';
    const out = applyEdits(text, [
      { kind: 'add', list: 'metrics', item: { id: 'x', unit: 'count' } },
    ]);
    expect(out).toBe(
      'version: 1\nobjectives: []\n\nmetrics:\n  - id: x\n    unit: count\n\n# The goals.\n# Two lines.\ngoals: []\n',
    );
  });

  it('writes custom metrics with their range on one line', () => {
    const out = applyEdits('version: 1\nmetrics: []\n', [
      {
        kind: 'add',
        list: 'metrics',
        item: { id: 'nps_b2b', name: 'B2B NPS', unit: 'score', range: [-100, 100] },
      },
    ]);
    expect(out).toBe(
      'version: 1\nmetrics:\n  - id: nps_b2b\n    name: B2B NPS\n    unit: score\n    range: [-100, 100]\n',
    );
  });

  it('falls back to editing the Document for a flow-style list with items', () => {
    const out = applyEdits('version: 1\ngoals: [{id: a, title: A 1}] # x\n', [
      { kind: 'add', list: 'goals', item: { id: 'b', title: 'B 2' } },
    ]);
    expect(parseGoals(out, 'g.yaml').config.goals.map((g) => g.id)).toEqual(['a', 'b']);
    expect(out).toContain('# x');
  });
});

describe('applyEdits: close a goal', () => {
  it('adds `status: closed` as the goal’s last line', () => {
    const out = applyEdits(example, [{ kind: 'close', goalId: 'churn-2pct' }]);
    const before = example.indexOf('    deadline: 2026-Q3\n') + '    deadline: 2026-Q3\n'.length;
    expect(out).toBe(`${example.slice(0, before)}    status: closed\n${example.slice(before)}`);
    const loaded = parseGoals(out, 'goals.yaml');
    expect(loaded.config.goals.find((g) => g.id === 'churn-2pct')?.status).toBe('closed');
  });

  it('replaces an existing status and keeps its comment', () => {
    const text =
      'version: 1\ngoals:\n  - id: a\n    status: active # still going\n    title: A 1\n';
    expect(applyEdits(text, [{ kind: 'close', goalId: 'a' }])).toBe(
      'version: 1\ngoals:\n  - id: a\n    status: closed # still going\n    title: A 1\n',
    );
  });

  it('refuses to close a goal that is not there', () => {
    expect(() => applyEdits(example, [{ kind: 'close', goalId: 'nope' }])).toThrow(
      "There is no goal 'nope' to close.",
    );
  });

  it('keeps Windows line endings, on the new lines too', () => {
    const text = 'version: 1\r\ngoals:\r\n  - id: a # c\r\n    title: A 1\r\n';
    expect(
      applyEdits(text, [
        { kind: 'add', list: 'goals', item: { id: 'b', title: 'B 2' } },
        { kind: 'close', goalId: 'a' },
      ]),
    ).toBe(
      'version: 1\r\ngoals:\r\n  - id: a # c\r\n    title: A 1\r\n    status: closed\r\n\r\n  - id: b\r\n    title: B 2\r\n',
    );
  });

  it('applies several edits in order', () => {
    const out = applyEdits(example, [
      { kind: 'add', list: 'objectives', item: { id: 'growth', title: 'Grow 10%' } },
      { kind: 'add', list: 'goals', item: { ...goal, objective: 'growth' } },
      { kind: 'close', goalId: 'csat-85' },
    ]);
    const loaded = parseGoals(out, 'goals.yaml');
    expect(loaded.findings).toEqual([]);
    expect(loaded.config.objectives.map((o) => o.id)).toEqual([
      'fast-help',
      'quality',
      'retention',
      'growth',
    ]);
    expect(loaded.config.goals.filter((g) => g.status === 'closed').map((g) => g.id)).toEqual([
      'csat-85',
    ]);
    expect(out).toContain('# Goals of the Customer Support team for the second half of 2026.');
  });
});

describe('printing', () => {
  it('stringifyGoal shows a goal as it will be written', () => {
    expect(
      stringifyGoal({
        ...goal,
        milestones: [{ date: '2027-02-15', target: 83.5 }],
        target: '+3pp',
      }),
    ).toBe(
      [
        'id: csat-2027-q1',
        'title: Raise CSAT from 82 % to 85 % by the end of Q1 2027',
        'owner: Maria Ivanova',
        'objective: quality',
        'metric: csat',
        'segment: { team: EMEA }',
        'baseline: { value: 82, date: 2026-11-09 }',
        'target: +3pp',
        'deadline: 2027-Q1',
        'milestones:',
        '  - { date: 2027-02-15, target: 83.5 }',
        '',
      ].join('\n'),
    );
  });

  it('stringifyYaml quotes what would read back as another type', () => {
    expect(stringifyYaml({ a: '+5', b: 'yes', c: '2026-Q4' }, ' note')).toBe(
      '# note\n\na: "+5"\nb: yes\nc: 2026-Q4\n',
    );
  });

  it('createGoalsText starts with the modeline and validates', () => {
    const text = createGoalsText({
      team: 'Support EMEA',
      timezone: 'Europe/Sofia',
      fiscalYearStart: 4,
      objectives: [{ id: 'fast-help', title: 'Customers get help fast', owner: 'Maria' }],
    });
    expect(text).toBe(
      [
        '# yaml-language-server: $schema=./goals.schema.json',
        '#',
        '# Goals of Support EMEA. `goals new` adds a SMART goal, `goals validate` checks them,',
        '# `goals check` shows where each one stands (after `goals import`).',
        'version: 1',
        '',
        'settings:',
        '  timezone: Europe/Sofia',
        '  fiscal_year_start: 4',
        '',
        'objectives:',
        '  - id: fast-help',
        '    title: Customers get help fast',
        '    owner: Maria',
        '',
        'goals: []',
        '',
      ].join('\n'),
    );
    const loaded = parseGoals(text, 'goals.yaml');
    expect(loaded.findings).toEqual([]);
    expect(loaded.config.settings.fiscal_year_start).toBe(4);
  });
});
