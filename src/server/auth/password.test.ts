import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('rahasia-kader-1');
    expect(h.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('rahasia-kader-1', h)).toBe(true);
    expect(await verifyPassword('rahasia-kader-2', h)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('anything', DUMMY_HASH)).toBe(false);
  });
  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('sama')).not.toBe(await hashPassword('sama'));
  });
});
