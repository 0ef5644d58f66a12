/**
 * `$since` in a PostgreSQL query becomes the parameter `$1`: the date is
 * bound by the server, never pasted into the SQL text. The query is scanned
 * as PostgreSQL lexes it, so a `$since` inside a string, a quoted name, a
 * dollar-quoted body or a comment is left alone.
 */

export type BoundQuery =
  | {
      ok: true;
      text: string;
      usesSince: boolean;
      /** Maps a 1-based position in `text` (as the server reports it) back to the query as written. */
      originalPosition(position: number): number;
    }
  | { ok: false; message: string; offset: number };

const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const IDENT_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

export function bindSince(query: string): BoundQuery {
  let out = '';
  let usesSince = false;
  const replacedAt: number[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i]!;
    const next = query[i + 1];
    // -- comment to the end of the line
    if (c === '-' && next === '-') {
      const end = query.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      out += query.slice(i, stop);
      i = stop;
      continue;
    }
    // /* nested */ comments
    if (c === '/' && next === '*') {
      let depth = 0;
      let j = i;
      while (j < n) {
        if (query[j] === '/' && query[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (query[j] === '*' && query[j + 1] === '/') {
          depth--;
          j += 2;
          if (depth === 0) break;
        } else j++;
      }
      out += query.slice(i, j);
      i = j;
      continue;
    }
    // 'string', E'string', "identifier"
    if (c === "'" || c === '"') {
      const hasBackslashEscapes =
        c === "'" && i > 0 && /[eE]/.test(query[i - 1]!) && !IDENT_PART.test(query[i - 2] ?? ' ');
      let j = i + 1;
      while (j < n) {
        if (hasBackslashEscapes && query[j] === '\\') j += 2;
        else if (query[j] === c) {
          if (query[j + 1] === c) j += 2;
          else {
            j++;
            break;
          }
        } else j++;
      }
      out += query.slice(i, j);
      i = j;
      continue;
    }
    if (c === '$') {
      // $tag$ … $tag$ (the tag may be empty)
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(query.slice(i));
      if (tag && !(i > 0 && IDENT_PART.test(query[i - 1]!))) {
        const close = query.indexOf(tag[0], i + tag[0].length);
        const stop = close === -1 ? n : close + tag[0].length;
        out += query.slice(i, stop);
        i = stop;
        continue;
      }
      const word = /^\$([A-Za-z0-9_]+)/.exec(query.slice(i));
      if (word && !(i > 0 && IDENT_PART.test(query[i - 1]!))) {
        if (word[1] === 'since') {
          replacedAt.push(out.length);
          out += '$1';
          usesSince = true;
          i += word[0].length;
          continue;
        }
        if (/^\d+$/.test(word[1]!)) {
          return {
            ok: false,
            message: `the query has a positional parameter ${word[0]}; goals binds only $since`,
            offset: i,
          };
        }
        if (IDENT_START.test(word[1]![0]!)) {
          return {
            ok: false,
            message: `the query has a parameter ${word[0]}; goals binds only $since`,
            offset: i,
          };
        }
      }
    }
    out += c;
    i++;
  }
  const grown = '$since'.length - '$1'.length;
  return {
    ok: true,
    text: out,
    usesSince,
    originalPosition: (position) =>
      position + grown * replacedAt.filter((at) => at < position - 1).length,
  };
}

/** Whether a query reads `$since` (outside strings, quoted names and comments). */
export function queryUsesSince(query: string): boolean {
  const bound = bindSince(query);
  return bound.ok && bound.usesSince;
}
