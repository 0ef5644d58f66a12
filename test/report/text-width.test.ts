import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, truncate } from '../../src/report/text-width.js';

describe('displayWidth', () => {
  it('counts cells: wide East Asian characters 2, combining marks 0, colour codes none', () => {
    expect(displayWidth('csat-85  92.1 % → ≥ 90 %')).toBe(24);
    expect(displayWidth('東京チーム')).toBe(10);
    expect(displayWidth('e\u0301te\u0301')).toBe(3); // é written as e + combining acute
    expect(displayWidth('\u001b[32m✔ achieved\u001b[39m')).toBe(10);
    expect(displayWidth('Ærøskøbing 👍')).toBe(13);
    expect(truncate('東京チーム', 7)).toBe('東京チ…');
  });

  it('is the sum over characters of the Unicode width rules, whatever the text', () => {
    // The rules as written before the shortcut for characters below U+0300.
    const combining = /\p{Mn}|\p{Me}|\u200b|\u200d|\ufe0f/u;
    const wide =
      /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
    const width = (text: string) =>
      [...text].reduce((w, ch) => w + (combining.test(ch) ? 0 : wide.test(ch) ? 2 : 1), 0);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(displayWidth(text)).toBe(width(text));
      }),
      { numRuns: 5000 },
    );
    for (let code = 0; code < 0x3000; code++) {
      const ch = String.fromCharCode(code);
      if (ch === '\u001b') continue;
      expect(displayWidth(ch)).toBe(width(ch));
    }
  });
});
