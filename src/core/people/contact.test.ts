import { describe, expect, it } from 'vitest';
import { cleanPhone, isJknNumber, isPhone } from './contact';

describe('contact numbers', () => {
  it('accepts mobile numbers of 9 to 13 digits in 08/62/+62 form', () => {
    expect(isPhone('081234567890')).toBe(true);
    expect(isPhone('+62 812-3456-7890')).toBe(true);
    expect(isPhone('6281234567')).toBe(true);
    expect(isPhone('08123456')).toBe(false); // 8 digits
    expect(isPhone('081234567')).toBe(true); // 9 digits
    expect(isPhone('0812345678901')).toBe(true); // 13 digits
    expect(isPhone('08123456789012')).toBe(false); // 14 digits
    expect(isPhone('0212345678')).toBe(false); // a landline, not 08
    expect(cleanPhone('(0812) 345.678')).toBe('0812345678');
  });
  it('checks JKN numbers', () => {
    expect(isJknNumber('0001234567890')).toBe(true);
    expect(isJknNumber('0001 2345 67890')).toBe(true);
    expect(isJknNumber('000123456789')).toBe(false);
  });
});
