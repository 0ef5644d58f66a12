/**
 * Text from the user's files as it reaches a terminal: control, escape and
 * bidi characters shown as escapes, everything else untouched. Expected
 * values written by hand from the Unicode code points.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeLine, sanitizeText, shellWord } from '../../src/core/text.js';

describe('sanitizeText', () => {
  it('shows ANSI escapes and C0/C1 controls as \\xNN, two hex digits', () => {
    expect(sanitizeText('\u001b[31mred\u001b[0m')).toBe('\\x1b[31mred\\x1b[0m');
    expect(sanitizeText('\u0000\u0001\u0007\u0008')).toBe('\\x00\\x01\\x07\\x08');
    expect(sanitizeText('\u000b\u000c\u000d\u001f')).toBe('\\x0b\\x0c\\x0d\\x1f');
    expect(sanitizeText('\u007f\u0080\u009f')).toBe('\\x7f\\x80\\x9f');
  });

  it('shows bidi marks, overrides and isolates as \\uNNNN', () => {
    expect(sanitizeText('a\u200eb\u200fc')).toBe('a\\u200eb\\u200fc');
    expect(sanitizeText('\u202a\u202b\u202c\u202d\u202e')).toBe(
      '\\u202a\\u202b\\u202c\\u202d\\u202e',
    );
    expect(sanitizeText('\u2066\u2067\u2068\u2069')).toBe('\\u2066\\u2067\\u2068\\u2069');
  });

  it('leaves tabs, newlines, printable text and the neighbours of each range alone', () => {
    const safe = 'a\tb\nc ~\u00a0é\u200d\u2010\u2029\u202f\u2065\u206a€';
    expect(sanitizeText(safe)).toBe(safe);
  });
});

describe('sanitizeLine', () => {
  it('folds each line break (CRLF once) and tab into one space, then sanitises', () => {
    expect(sanitizeLine('a\r\nb\rc\nd\te')).toBe('a b c d e');
    expect(sanitizeLine('x\u001b]0;title\u0007')).toBe('x\\x1b]0;title\\x07');
  });
});

describe('shellWord', () => {
  it('leaves a plain word unquoted', () => {
    expect(shellWord('csat-q3')).toBe('csat-q3');
    expect(shellWord('data/zendesk_2026.csv:12')).toBe('data/zendesk_2026.csv:12');
  });

  it('quotes anything else, escaping what a shell would read inside double quotes', () => {
    expect(shellWord('')).toBe('""');
    expect(shellWord('my goals.yaml')).toBe('"my goals.yaml"');
    expect(shellWord(' a')).toBe('" a"');
    expect(shellWord('a ')).toBe('"a "');
    expect(shellWord('say "hi"')).toBe('"say \\"hi\\""');
    expect(shellWord('$HOME\\`x`')).toBe('"\\$HOME\\\\\\`x\\`"');
  });
});
