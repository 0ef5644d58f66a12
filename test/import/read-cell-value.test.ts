import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/core/metrics.js';
import { checkUnit, makeValueTarget, readCellValue } from '../../src/import/read-cell-value.js';

const catalog = buildCatalog([]);
const metric = (id: string) => catalog.get(id)!;
const read = (text: string, id: string, unit?: string, decimal: '.' | ',' = '.') =>
  readCellValue(text, makeValueTarget(metric(id), unit), decimal, 'Col');

describe('readCellValue', () => {
  it('reads percents as 0-100, with or without %, and ratios × 100 when the unit says so', () => {
    expect(read('85', 'csat')).toBe(85);
    expect(read('43.7%', 'csat')).toBe(43.7);
    expect(read('43,7 %', 'csat', undefined, ',')).toBe(43.7);
    expect(read('0.853', 'csat', 'ratio')).toBe(85.3);
    expect(read('85%', 'csat', 'ratio')).toBe(85);
  });

  it('reads durations in the column unit, or in any written duration form, as seconds', () => {
    expect(read('2.5', 'first_response_time', 'h')).toBe(9000);
    expect(read('2,5', 'first_response_time', 'h', ',')).toBe(9000);
    expect(read('90', 'first_response_time', 'm')).toBe(5400);
    expect(read('1h30m', 'first_response_time')).toBe(5400);
    expect(read('01:30:00', 'first_response_time')).toBe(5400);
    expect(read('0:07:30', 'handle_time')).toBe(450);
    expect(read('1,5h', 'first_response_time', undefined, ',')).toBe(5400);
  });

  it('reads counts with thousands separators', () => {
    expect(read('1,234', 'ticket_volume')).toBe(1234);
    expect(read('1.234', 'ticket_volume', undefined, ',')).toBe(1234);
  });

  it('explains a bare number for a duration column without a unit', () => {
    expect(read('2.5', 'first_response_time')).toEqual({
      message: '2.5 in column "Col" has no unit, and first_response_time is a duration.',
      hint: 'Say the unit of the column: in goals.yaml columns: { "Col": { metric: first_response_time, unit: h } } (s, m, h or d), or --metric "Col=first_response_time:h".',
    });
  });

  it('refuses values outside the metric range', () => {
    expect(read('140', 'csat')).toEqual({
      message: '140 in column "Col" is outside the range of csat (0 % to 100 %).',
      hint: 'Correct the value in the export, or map the column to the right metric; --skip-invalid leaves the row out.',
    });
    expect(read('-120', 'nps')).toMatchObject({
      message: '-120 in column "Col" is outside the range of nps (-100 to 100).',
    });
    expect(read('-1', 'first_response_time', 'h')).toMatchObject({
      message: '-1 in column "Col" is outside the range of first_response_time (at least 0).',
    });
  });

  it('says when the decimal separator is the other one', () => {
    expect(read('85,5', 'csat')).toEqual({
      message: '"85,5" in column "Col" is not a number.',
      hint: 'The file writes decimals with a comma: set decimal: "," on the source (or pass --decimal ,).',
    });
  });

  it('refuses text and percentages for counts', () => {
    expect(read('n/a', 'csat')).toMatchObject({
      message: '"n/a" in column "Col" is not a number.',
    });
    expect(read('5%', 'ticket_volume')).toMatchObject({
      message: '"5%" in column "Col" is a percentage, but ticket_volume is a count.',
    });
    expect(read('soon', 'first_response_time', 'h')).toMatchObject({
      message: '"soon" in column "Col" is not a duration.',
    });
  });
});

describe('checkUnit', () => {
  it('accepts duration units for durations and percent/ratio for percents only', () => {
    expect(checkUnit(metric('first_response_time'), 'h')).toBeUndefined();
    expect(checkUnit(metric('first_response_time'), 'minutes')).toBeUndefined();
    expect(checkUnit(metric('csat'), 'ratio')).toBeUndefined();
    expect(checkUnit(metric('first_response_time'), 'hrz')).toBe(
      '"hrz" is not a duration unit; first_response_time is a duration: use s, m, h or d',
    );
    expect(checkUnit(metric('csat'), 'h')).toBe(
      '"h" is not a unit for csat, a percentage: use percent (0-100) or ratio (0-1)',
    );
    expect(checkUnit(metric('nps'), 'percent')).toBe(
      'nps is a score: its values take no unit (remove unit: "percent")',
    );
  });
});
