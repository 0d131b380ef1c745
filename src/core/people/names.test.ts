import { describe, expect, it } from 'vitest';
import { normalizeName, tidyName } from './names';

describe('names', () => {
  it('folds case, accents and punctuation', () => {
    expect(normalizeName("  Siti  Nur'aini ")).toBe('siti nuraini');
    expect(normalizeName('SITI NURAINI')).toBe('siti nuraini');
    expect(normalizeName('Andi M. Ridwan')).toBe('andi m ridwan');
    expect(normalizeName('Zoë')).toBe('zoe');
  });
  it('tidies spaces but keeps casing', () => {
    expect(tidyName('  La Ode   Muhammad ')).toBe('La Ode Muhammad');
  });
});
