/**
 * Ids of goals, objectives, metrics and sources. They are typed on command
 * lines (`goals explain csat-q3`), become file names and CI annotation
 * titles, and are compared byte for byte, so they are plain ASCII: an `ü`
 * can be one code point or two (macOS file names decompose it), and a shell
 * or CI system may not pass it through unchanged.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** What ids are made of, for messages. */
export const ID_CHARACTERS = "ASCII letters (a-z, A-Z), digits, '-' and '_'";

/** Why `id` is not a valid id ("'ü' is not an ASCII letter"), or undefined when it is one. */
export function idProblem(id: string): string | undefined {
  if (id === '') return 'it is empty';
  const bad = [...id].find((ch) => !ID_PATTERN.test(ch));
  if (bad === undefined) return undefined;
  if (/\s/u.test(bad)) return 'it has a space';
  if (/\p{L}/u.test(bad)) return `'${bad}' is not an ASCII letter`;
  if (/\p{N}/u.test(bad)) return `'${bad}' is not an ASCII digit`;
  return `it has '${bad}'`;
}

/** An invalid id made valid with the fewest changes, for a hint: `csat-ü` → `csat-u`. */
export function closestId(id: string): string {
  return withoutAccents(id)
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * An id made from words (a title, a metric name): accents dropped, lower
 * case, every run of other characters one `separator`. Empty when nothing is left.
 */
export function toId(text: string, separator: '-' | '_' = '-'): string {
  return withoutAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(separator === '-' ? /^-|-$/g : /^_|_$/g, '');
}

function withoutAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}
