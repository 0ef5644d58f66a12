import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('goals schema', () => {
  it('prints the committed goals.schema.json exactly (run `goals schema > goals.schema.json` after changing the schema)', async () => {
    const r = await runCli(['schema'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      readFileSync(join(import.meta.dirname, '..', '..', 'goals.schema.json'), 'utf8'),
    );
  });

  it('is draft-07 with descriptions and examples editors show', async () => {
    const schema = JSON.parse((await runCli(['schema'], { cwd: tempDir() })).stdout);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const goal = schema.properties.goals.items;
    expect(goal.additionalProperties).toBe(false);
    expect(goal.required).toEqual(['id', 'title']);
    expect(goal.properties.deadline.pattern).toBe('^(\\d{4}-\\d{2}-\\d{2}|\\d{4}-Q[1-4])$');
    expect(goal.properties.target.examples).toEqual([85, '-15%', '+5pp', '2h']);
    expect(
      schema.properties.settings.properties.rules.properties['achievable/realistic-pace'],
    ).toEqual({
      enum: ['error', 'warn', 'off'],
      description:
        'With history (≥ 8 snapshots over ≥ 4 weeks): the pace needed is at most 2× the fastest 4-week pace seen; without: the change is at most 50 % of the baseline and 15 % of it per month. Default: warn.',
    });
  });
});

describe('goals.schema.json in a strict JSON Schema validator (Ajv)', () => {
  const root = join(import.meta.dirname, '..', '..');
  const schema = JSON.parse(readFileSync(join(root, 'goals.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
  const read = (file: string): unknown =>
    parse(readFileSync(join(root, file), 'utf8'), { schema: 'core' });

  it('compiles with strict: true: no union types, only anyOf', () => {
    expect(JSON.stringify(schema)).not.toMatch(/"type":\["(number|string)","(number|string)"\]/);
    expect(schema.properties.goals.items.properties.target.anyOf).toEqual([
      { type: 'number' },
      { type: 'string' },
    ]);
  });

  it.each([
    'goals.example.yaml',
    'test/fixtures/check/team/goals.yaml',
    'test/fixtures/import/long-teams/goals.yaml',
    'test/fixtures/import/wide-european/goals.yaml',
  ])('accepts %s, as goals validate does', (file) => {
    expect(validate(read(file))).toBe(true);
  });

  it('refuses the fixtures with schema problems where goals validate finds them', () => {
    expect(validate(read('test/fixtures/validate/classic-mistakes/goals.yaml'))).toBe(false);
    // The sixth goal, csat-10, has the misspelt key `tagret:`.
    expect(validate.errors?.map((e) => [e.instancePath, e.keyword, e.params])).toEqual([
      ['/goals/5', 'additionalProperties', { additionalProperty: 'tagret' }],
    ]);
    expect(validate(read('test/fixtures/validate/schema-problems/goals.yaml'))).toBe(false);
    expect([...new Set(validate.errors?.map((e) => e.instancePath))]).toEqual([
      '/settings/rules',
      '/objectives/0',
      '/goals/0/deadline',
      '/goals/1/baseline',
      '/goals/1/milestones',
      '/goals/2/id',
    ]);
  });
});

describe('goals metrics', () => {
  it('lists the built-in catalog as JSON with formulas', async () => {
    const r = await runCli(['metrics', '--format', 'json'], { cwd: tempDir() });
    const { metrics } = JSON.parse(r.stdout);
    expect(metrics.map((m: { id: string }) => m.id)).toEqual([
      'csat',
      'nps',
      'ces',
      'first_response_time',
      'avg_response_time',
      'resolution_time',
      'handle_time',
      'fcr',
      'frt_within_sla',
      'churn_rate',
      'retention_rate',
      'ticket_volume',
      'backlog',
      'interactions_per_ticket',
      'answer_rate',
      'speed_of_answer',
    ]);
    expect(metrics[1]).toEqual({
      id: 'nps',
      name: 'Net Promoter Score',
      unit: 'score',
      direction: 'increase',
      range: [-100, 100],
      formula: '% promoters (9–10) − % detractors (0–6)',
      description: 'How likely customers are to recommend us, from −100 to 100.',
      origin: 'builtin',
    });
  });

  it('adds and overrides with the metrics of goals.yaml', async () => {
    const dir = tempDir({
      'goals.yaml':
        'version: 1\nmetrics:\n  - { id: training, name: Agents trained, unit: percent }\n  - { id: csat, name: CSAT (5-point) }\n',
    });
    const r = await runCli(['metrics'], { cwd: dir, columns: 80 });
    // Each column as wide as its widest cell (ids 23, names 24, units 8, 'better' 6, from the
    // catalog of `goals metrics --format json`, in Python), two spaces apart, no margin or trailing pad.
    expect(r.stdout.split('\n').filter((l) => /^(csat|training)/.test(l))).toEqual([
      'csat *                   CSAT (5-point)            percent   higher  0–100',
      'training *               Agents trained            percent   higher  0–100',
    ]);
    expect(r.stdout.split('\n').filter((l) => /^ | $/.test(l))).toEqual([]);
    expect(r.stdout).toContain('* declared in goals.yaml');
  });
});
