import { describe, expect, it } from 'vitest';
import { decimalHint, parseNumber } from '../../src/import/parse-number.js';

describe('parseNumber', () => {
  it.each([
    ['85', '.', 85],
    ['-3.25', '.', -3.25],
    ['+7', '.', 7],
    ['\u22124.5', '.', -4.5],
    ['.5', '.', 0.5],
    ['1e3', '.', 1000],
    ['1,234.5', '.', 1234.5],
    ['1,234,567', '.', 1234567],
    ['1 234.5', '.', 1234.5],
    ['1\u00a0234.5', '.', 1234.5],
    ["1'234", '.', 1234],
    ['85,5', ',', 85.5],
    ['1 234,5', ',', 1234.5],
    ['1.234,5', ',', 1234.5],
    ['1\u202f234,5', ',', 1234.5],
    ['1.234.567', ',', 1234567],
    ['-0,75', ',', -0.75],
  ] as const)('%s with decimal %s is %d', (text, decimal, expected) => {
    expect(parseNumber(text, decimal)).toBe(expected);
  });

  it.each([
    ['85,5', '.'],
    ['1,23,4', '.'],
    ['1,234 567', '.'],
    ['12a', '.'],
    ['', '.'],
    ['0x10', '.'],
    ['Infinity', '.'],
    ['1.5', ','],
    ['1,234.5', ','],
    ['n/a', ','],
  ] as const)('%s with decimal %s is not a number', (text, decimal) => {
    expect(parseNumber(text, decimal)).toBeUndefined();
  });

  it('says which decimal separator a value uses when it does not fit the declared one', () => {
    expect(decimalHint('85,5', '.')).toBe(
      'The file writes decimals with a comma: set decimal: "," on the source (or pass --decimal ,).',
    );
    expect(decimalHint('85.5', ',')).toBe(
      'The file writes decimals with a point: set decimal: "." on the source (or pass --decimal .).',
    );
    expect(decimalHint('n/a', '.')).toBeUndefined();
  });
});
