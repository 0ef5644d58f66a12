/**
 * Numbers as spreadsheets write them: a decimal point or comma, thousands
 * separators (`1,234.5`, `1 234,5`, `1.234,5`, no-break spaces, `1'234`)
 * in groups of three, a sign (also U+2212 minus), an exponent.
 */
import type { DecimalSeparator } from './sniff-dialect.js';

const PLAIN_POINT = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const PLAIN_COMMA = /^(?:\d+(?:,\d*)?|,\d+)$/;
// The group separator must be the same throughout the number (the \1).
const GROUPED_POINT = /^\d{1,3}([, '\u00a0\u202f\u2009])\d{3}(?:\1\d{3})*(?:\.\d+)?$/;
const GROUPED_COMMA = /^\d{1,3}([. '\u00a0\u202f\u2009])\d{3}(?:\1\d{3})*(?:,\d+)?$/;
const GROUP_SEPARATORS = /[., '\u00a0\u202f\u2009]/g;

/**
 * Parses a trimmed cell as a number with the given decimal separator;
 * undefined when it is not one.
 */
export function parseNumber(text: string, decimal: DecimalSeparator): number | undefined {
  let body = text;
  let sign = 1;
  const first = body.charCodeAt(0);
  if (first === 45 /* - */ || first === 0x2212 /* − */) {
    sign = -1;
    body = body.slice(1);
  } else if (first === 43 /* + */) {
    body = body.slice(1);
  }
  if (decimal === '.') {
    if (PLAIN_POINT.test(body)) return sign * Number(body);
    if (GROUPED_POINT.test(body)) {
      const point = body.indexOf('.');
      const whole = (point === -1 ? body : body.slice(0, point)).replace(GROUP_SEPARATORS, '');
      return sign * Number(point === -1 ? whole : `${whole}${body.slice(point)}`);
    }
    return undefined;
  }
  if (PLAIN_COMMA.test(body)) return sign * Number(body.replace(',', '.'));
  if (GROUPED_COMMA.test(body)) {
    const comma = body.indexOf(',');
    const whole = (comma === -1 ? body : body.slice(0, comma)).replace(GROUP_SEPARATORS, '');
    return sign * Number(comma === -1 ? whole : `${whole}.${body.slice(comma + 1)}`);
  }
  return undefined;
}

/** Why a cell that looks numeric failed: a decimal separator other than the declared one. */
export function decimalHint(text: string, decimal: DecimalSeparator): string | undefined {
  const body = text.replace(/^[+\-\u2212]/, '');
  if (decimal === '.' && parseNumber(body, ',') !== undefined && body.includes(',')) {
    return 'The file writes decimals with a comma: set decimal: "," on the source (or pass --decimal ,).';
  }
  if (decimal === ',' && parseNumber(body, '.') !== undefined && body.includes('.')) {
    return 'The file writes decimals with a point: set decimal: "." on the source (or pass --decimal .).';
  }
  return undefined;
}
