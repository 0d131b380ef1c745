import { describe, expect, it } from 'vitest';
import { parseCount, parseDecimal } from './numbers';

describe('parseDecimal', () => {
  it('accepts a decimal comma or point', () => {
    expect(parseDecimal('8,5')).toEqual({ ok: true, value: 8.5 });
    expect(parseDecimal(' 8.25 ')).toEqual({ ok: true, value: 8.25 });
    expect(parseDecimal('72')).toEqual({ ok: true, value: 72 });
  });
  it('tells empty from invalid', () => {
    expect(parseDecimal('')).toEqual({ ok: false, empty: true });
    expect(parseDecimal('8,5 kg')).toEqual({ ok: false, empty: false });
    expect(parseDecimal('3.200,5')).toEqual({ ok: false, empty: false });
    expect(parseDecimal('1e3')).toEqual({ ok: false, empty: false });
  });
});

describe('parseCount', () => {
  it('takes whole numbers only', () => {
    expect(parseCount('30')).toEqual({ ok: true, value: 30 });
    expect(parseCount('3,5')).toEqual({ ok: false, empty: false });
    expect(parseCount(' ')).toEqual({ ok: false, empty: true });
  });
});
