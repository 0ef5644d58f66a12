import { describe, expect, it } from 'vitest';
import { parseTarget, parseValue, resolveTarget } from '../../src/core/values.js';

describe('parseTarget', () => {
  it.each([
    [85, 'percent', { kind: 'absolute', value: 85 }],
    ['85%', 'percent', { kind: 'absolute', value: 85 }],
    ['+10%', 'percent', { kind: 'relative', fraction: 0.1 }],
    ['-15%', 'duration', { kind: 'relative', fraction: -0.15 }],
    ['+5pp', 'percent', { kind: 'delta', delta: 5 }],
    ['2h', 'duration', { kind: 'absolute', value: 7200 }],
    ['-30m', 'duration', { kind: 'delta', delta: -1800 }],
    ['+3', 'score', { kind: 'delta', delta: 3 }],
    [40, 'score', { kind: 'absolute', value: 40 }],
    // surrounding spaces are no part of the value: still relative, not 10 %
    [' +10% ', 'percent', { kind: 'relative', fraction: 0.1 }],
    // points: more than one digit, decimals, a space, and each spelling
    ['+10pp', 'percent', { kind: 'delta', delta: 10 }],
    ['+2.25pp', 'percent', { kind: 'delta', delta: 2.25 }],
    ['-1.5 pts', 'percent', { kind: 'delta', delta: -1.5 }],
    ['+5pt', 'score', { kind: 'delta', delta: 5 }],
    ['+2 points', 'score', { kind: 'delta', delta: 2 }],
    // a signed duration: its sign, not always minus
    ['+30m', 'duration', { kind: 'delta', delta: 1800 }],
    // an unsigned duration is a value, not a change of its last digits
    ['12h', 'duration', { kind: 'absolute', value: 43200 }],
    ['+0.5', 'score', { kind: 'delta', delta: 0.5 }],
  ] as const)('%j on a %s metric', (raw, unit, expected) => {
    expect(parseTarget(raw, unit)).toEqual(expected);
  });

  it('asks for a unit on a duration metric', () => {
    expect(parseTarget(2, 'duration')).toEqual({
      problem: 'unit',
      message: '2 has no unit, and this metric is a duration.',
      hint: 'Write the unit: "2h", "2m" or "2d".',
    });
  });

  it('refuses units that do not convert', () => {
    expect(parseTarget('2h', 'percent')).toMatchObject({
      problem: 'unit',
      message: '"2h" is a duration, but this metric is a percent.',
    });
    expect(parseTarget('+5pp', 'duration')).toMatchObject({ problem: 'unit' });
    expect(parseTarget('85%', 'count')).toMatchObject({ problem: 'unit' });
  });

  it('says which unit a change does not fit, and how to write one that does', () => {
    expect(parseTarget('+5pp', 'duration')).toEqual({
      problem: 'unit',
      message: '"+5pp" is a change in points, but this metric is a duration.',
      hint: 'Write a change as a duration ("-30m") or in percent ("-15%").',
    });
    expect(parseTarget('+5pp', 'count')).toEqual({
      problem: 'unit',
      message: '"+5pp" is a change in points, but this metric is a count.',
      hint: 'Write a change in percent ("+10%") or a value.',
    });
    expect(parseTarget('+30m', 'percent')).toEqual({
      problem: 'unit',
      message: '"+30m" is a duration, but this metric is a percent.',
      hint: 'Write a percentage from 0 to 100: 85 or "85%"; a change as "+5pp" (points) or "+10%" (relative).',
    });
    // a signed number on a duration metric has no unit
    expect(parseTarget('+5', 'duration')).toEqual({
      problem: 'unit',
      message: '5 has no unit, and this metric is a duration.',
      hint: 'Write the unit: "5h", "5m" or "5d".',
    });
    expect(parseTarget('85%', 'count')).toEqual({
      problem: 'unit',
      message: '"85%" is a percentage, but this metric is a count.',
      hint: 'Write a number: 120; a change as "-15%".',
    });
  });

  it('refuses text that is no value', () => {
    expect(parseTarget('about 85', 'percent')).toMatchObject({
      problem: 'not-a-number',
      message: '"about 85" is not a value.',
    });
  });
});

describe('resolveTarget', () => {
  it('applies changes to the baseline', () => {
    expect(resolveTarget({ kind: 'relative', fraction: 0.1 }, 78)).toBe(85.8);
    expect(resolveTarget({ kind: 'relative', fraction: -0.15 }, 14400)).toBe(12240);
    expect(resolveTarget({ kind: 'delta', delta: 5 }, 78)).toBe(83);
    expect(resolveTarget({ kind: 'delta', delta: 5 }, undefined)).toBeUndefined();
    expect(resolveTarget({ kind: 'absolute', value: 85 }, undefined)).toBe(85);
  });

  it('takes a relative change of the size of the baseline, so its sign says which way (issue 15.5)', () => {
    // NPS −20, "+50%": −20 + 0.5 × 20 = −10 (better), not −20 × 1.5 = −30 (worse)
    expect(resolveTarget({ kind: 'relative', fraction: 0.5 }, -20)).toBe(-10);
    // "-50%": −20 − 0.5 × 20 = −30
    expect(resolveTarget({ kind: 'relative', fraction: -0.5 }, -20)).toBe(-30);
    // positive baselines as before: 40 × 1.5, 40 × 0.75
    expect(resolveTarget({ kind: 'relative', fraction: 0.5 }, 40)).toBe(60);
    expect(resolveTarget({ kind: 'relative', fraction: -0.25 }, 40)).toBe(30);
    // a change of nothing is nothing
    expect(resolveTarget({ kind: 'relative', fraction: 0.5 }, 0)).toBe(0);
  });
});

describe('parseValue', () => {
  it('reads values in the metric unit', () => {
    expect(parseValue('4h', 'duration')).toEqual({ value: 14400 });
    expect(parseValue('78', 'percent')).toEqual({ value: 78 });
    expect(parseValue(-20, 'score')).toEqual({ value: -20 });
    expect(parseValue('78.5', 'percent')).toEqual({ value: 78.5 });
    expect(parseValue(' 85% ', 'percent')).toEqual({ value: 85 });
  });

  it('refuses a value inside other words, with the way to write one for each unit', () => {
    expect(parseValue('about 85%', 'percent')).toEqual({
      problem: 'not-a-number',
      message: '"about 85%" is not a value.',
      hint: 'Write a percentage from 0 to 100: 85 or "85%"; a change as "+5pp" (points) or "+10%" (relative).',
    });
    expect(parseValue('85% of tickets', 'percent')).toMatchObject({
      problem: 'not-a-number',
      message: '"85% of tickets" is not a value.',
    });
    expect(parseValue('soon', 'duration')).toMatchObject({
      hint: 'Write a duration: "2h", "90m", "1h30m", "01:30:00"; a change as "-30m" or "-15%".',
    });
    expect(parseValue('many', 'count')).toMatchObject({
      hint: 'Write a number: 120; a change as "-15%".',
    });
    expect(parseValue('high', 'score')).toMatchObject({
      hint: 'Write a number on the metric\'s scale: 40; a change as "+5" or "+10%".',
    });
  });
});
