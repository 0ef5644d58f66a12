import { describe, expect, it } from 'vitest';
import { decideColour } from '../../src/cli/colour.js';

const tty = { write: () => true, isTTY: true, hasColors: () => true };
const pipe = { write: () => true, isTTY: false };

describe('decideColour', () => {
  it.each([
    ['a terminal', undefined, {}, tty, 1],
    ['a pipe', undefined, {}, pipe, 0],
    ['--no-color on a terminal', false, {}, tty, 0],
    ['NO_COLOR on a terminal', undefined, { NO_COLOR: '1' }, tty, 0],
    ['an empty NO_COLOR', undefined, { NO_COLOR: '' }, tty, 1],
    ['FORCE_COLOR into a pipe', undefined, { FORCE_COLOR: '1' }, pipe, 1],
    ['FORCE_COLOR over NO_COLOR', undefined, { FORCE_COLOR: '3', NO_COLOR: '1' }, pipe, 3],
    ['FORCE_COLOR=0 on a terminal', undefined, { FORCE_COLOR: '0' }, tty, 0],
    ['--no-color over FORCE_COLOR', false, { FORCE_COLOR: '1' }, tty, 0],
    ['TERM=dumb', undefined, { TERM: 'dumb' }, tty, 0],
    ['truecolor', undefined, { COLORTERM: 'truecolor' }, tty, 3],
  ] as const)('%s', (_name, flag, env, stream, level) => {
    expect(decideColour(flag, env, stream)).toBe(level);
  });
});
