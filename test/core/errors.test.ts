/** The error that stops a command: its code, hint, cause and findings. */
import { describe, expect, it } from 'vitest';
import { GoalsError, isGoalsError, isUnreadable } from '../../src/core/errors.js';
import type { Finding } from '../../src/core/finding.js';

describe('GoalsError', () => {
  it('carries its code, message, hint, cause and findings', () => {
    const cause = new Error('ENOENT');
    const finding: Finding = {
      severity: 'error',
      rule: 'schema/bad-date',
      message: 'not a date',
      file: 'goals.yaml',
      line: 4,
      column: 12,
    };
    const error = new GoalsError('GOALS_FILE_INVALID', 'goals.yaml has 1 error', {
      hint: 'fix it',
      cause,
      findings: [finding],
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('GoalsError');
    expect(error.message).toBe('goals.yaml has 1 error');
    expect(error.code).toBe('GOALS_FILE_INVALID');
    expect(error.hint).toBe('fix it');
    expect(error.cause).toBe(cause);
    expect(error.findings).toEqual([finding]);
  });

  it('has no hint and no findings unless given', () => {
    const error = new GoalsError('USAGE', 'no such option');
    expect(error.hint).toBeUndefined();
    expect(error.findings).toEqual([]);
  });

  it('is told apart from other errors', () => {
    expect(isGoalsError(new GoalsError('USAGE', 'x'))).toBe(true);
    expect(isGoalsError(new Error('x'))).toBe(false);
    expect(isGoalsError('USAGE')).toBe(false);
  });

  it('is unreadable only for a source that cannot be read at all', () => {
    expect(isUnreadable(new GoalsError('CSV_UNREADABLE', 'x'))).toBe(true);
    expect(isUnreadable(new GoalsError('WAREHOUSE_UNREACHABLE', 'x'))).toBe(true);
    expect(isUnreadable(new GoalsError('CSV_REJECTED', 'x'))).toBe(false);
    expect(isUnreadable(new GoalsError('QUERY_FAILED', 'x'))).toBe(false);
  });
});
