import { describe, expect, it } from 'vitest';
import { bindSince } from '../../src/warehouse/bind-since.js';

const text = (q: string) => {
  const r = bindSince(q);
  if (!r.ok) throw new Error(r.message);
  return r.text;
};

describe('bindSince', () => {
  it('binds $since as $1, wherever it stands in the SQL', () => {
    expect(text('select * from t where day >= $since')).toBe('select * from t where day >= $1');
    expect(text('select * from t where day >= $since::date and x < $since')).toBe(
      'select * from t where day >= $1::date and x < $1',
    );
    expect(bindSince('select 1').ok && bindSince('select 1')).toMatchObject({ usesSince: false });
  });

  it('leaves $since alone in strings, quoted names, dollar-quoted bodies and comments', () => {
    const q = `select '$since', "$since", $$ $since $$, $x$ $since $x$ -- $since
      /* $since /* nested $since */ $since */ from t where d >= $since`;
    expect(text(q)).toBe(q.replace(/d >= \$since$/, 'd >= $1'));
    expect(text("select E'it\\'s $since' where d >= $since")).toBe(
      "select E'it\\'s $since' where d >= $1",
    );
    expect(text("select 'it''s $since' where d >= $since")).toBe(
      "select 'it''s $since' where d >= $1",
    );
  });

  it('refuses other parameters, which goals cannot bind', () => {
    expect(bindSince('select * from t where a = $1')).toEqual({
      ok: false,
      message: 'the query has a positional parameter $1; goals binds only $since',
      offset: 26,
    });
    expect(bindSince('select * from t where a = $team')).toMatchObject({
      ok: false,
      message: 'the query has a parameter $team; goals binds only $since',
    });
  });

  it('maps a server position in the bound text back to the query as written', () => {
    const r = bindSince('select $since, $since, nope');
    if (!r.ok) throw new Error();
    // "select $1, $1, nope": nope is at 16 in the bound text, 24 as written.
    expect(r.text.indexOf('nope') + 1).toBe(16);
    expect(r.originalPosition(16)).toBe(24);
    expect(r.originalPosition(3)).toBe(3);
  });
});
