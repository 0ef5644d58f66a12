/**
 * Text from the user's files is never written raw to a terminal: escape and
 * control characters (ANSI sequences, BEL, backspace, bidi overrides) are
 * shown as visible escapes.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeText(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    // Stryker disable next-line EqualityOperator: no unsafe character lies between U+00A0 and U+200D
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : // the unsafe characters above U+00FF all have four hex digits
        `\\u${code.toString(16)}`;
  });
}

/** A word as a shell argument: quoted unless plain. */
export function shellWord(text: string): string {
  return /^[\w.:/-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** Sanitises and also folds newlines and tabs, for one-line output. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text.replace(/\r\n|\r|\n/g, ' ').replace(/\t/g, ' '));
}
