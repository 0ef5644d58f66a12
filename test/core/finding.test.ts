/** Findings sort by file, line, column, then rule; counted as errors and warnings. */
import { describe, expect, it } from 'vitest';
import { compareFindings, countFindings } from '../../src/core/finding.js';
import type { Finding } from '../../src/core/finding.js';

const at = (file: string, line: number, column: number, rule: string, severity = 'error') =>
  ({ severity, rule, message: rule, file, line, column }) as Finding;

describe('compareFindings', () => {
  it('orders by file, then line, then column, then rule', () => {
    const findings = [
      at('goals.yaml', 3, 1, 'b/x'),
      at('data.csv', 9, 9, 'z/z'),
      at('goals.yaml', 2, 7, 'a/a'),
      at('goals.yaml', 3, 1, 'a/x'),
      at('goals.yaml', 2, 5, 'z/z'),
    ];
    expect(
      [...findings].sort(compareFindings).map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`),
    ).toEqual([
      'data.csv:9:9 z/z',
      'goals.yaml:2:5 z/z',
      'goals.yaml:2:7 a/a',
      'goals.yaml:3:1 a/x',
      'goals.yaml:3:1 b/x',
    ]);
    expect(compareFindings(at('a', 1, 1, 'r'), at('a', 1, 1, 'r'))).toBe(0);
  });
});

describe('countFindings', () => {
  it('counts errors and the rest as warnings', () => {
    expect(
      countFindings([at('a', 1, 1, 'r'), at('a', 1, 1, 'r', 'warning'), at('a', 2, 1, 'r')]),
    ).toEqual({ errors: 2, warnings: 1 });
    expect(countFindings([])).toEqual({ errors: 0, warnings: 0 });
  });
});
