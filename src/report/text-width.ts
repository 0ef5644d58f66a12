/**
 * Display width of text in a terminal cell grid: wide East Asian characters
 * take two cells, combining marks none, ANSI colour codes none.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const COMBINING = /\p{Mn}|\p{Me}|\u200b|\u200d|\ufe0f/u;
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of stripAnsi(text)) width += cellsOf(ch);
  return width;
}

/** The cells one character takes: 2 wide, 0 combining, else 1. */
function cellsOf(ch: string): number {
  // No character below U+0300 is combining or wide: most text needs no test.
  if (ch.charCodeAt(0) < 0x300) return 1;
  return COMBINING.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
}

/** Cuts text to `max` cells, ending with `…` when cut. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = cellsOf(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Words wrapped to `width` cells, every line after the first indented by `indent`. */
export function wrapText(text: string, width: number, indent: number): string {
  // A unit stays with its number: `90 %`, `2 h 30 m`, `+0.5 pp/week`.
  const words = text.split(' ').reduce<string[]>((list, word) => {
    if (list.length > 0 && /^(%|pp\b|[hmsd](\b|\/))/.test(word))
      list[list.length - 1] += ` ${word}`;
    else list.push(word);
    return list;
  }, []);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}
