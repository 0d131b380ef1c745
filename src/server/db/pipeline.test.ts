import { describe, expect, it } from 'vitest';
import { inlineParams, literal } from './pipeline';

describe('inlineParams', () => {
  it('writes each value as node-postgres would send it, quoted', () => {
    expect(inlineParams('select $1::uuid, $2, $3::date[], $4::jsonb, $5', ['0a9b', 7, ['2026-01-01', null], { a: "it's" }, null]))
      .toBe(`select '0a9b'::uuid, '7', '{"2026-01-01",NULL}'::date[], '{"a":"it''s"}'::jsonb, NULL`);
  });

  it('tells $1 from $10 and leaves strings, identifiers, comments and dollar quotes alone', () => {
    const values = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    const text = `select $10, $1, 'a $1 ''b'' $2', E'x\\' $3', "col$4", $$ $5 $$, $t$ $6 $t$ -- $7\n, /* $8 */ $9`;
    expect(inlineParams(text, values))
      .toBe(`select 'v10', 'v1', 'a $1 ''b'' $2', E'x\\' $3', "col$4", $$ $5 $$, $t$ $6 $t$ -- $7\n, /* $8 */ 'v9'`);
  });

  it('refuses a placeholder without a value rather than sending it', () => {
    expect(() => inlineParams('select $2', ['a'])).toThrow(/\$2/);
  });

  it('escapes backslashes and quotes so the literal is the value', () => {
    expect(literal("a\\b'c")).toBe(" E'a\\\\b''c'");
    expect(literal(true)).toBe("'true'");
    expect(literal(new Date('2026-01-02T03:04:05.006Z'))).toMatch(/^'2026-01-0\d/);
  });
});
