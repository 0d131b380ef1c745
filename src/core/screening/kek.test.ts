import { describe, expect, it } from 'vitest';
import { classifyKek } from './kek';
import { band } from './scored.testing';

describe('KEK by LiLA', () => {
  it('bands at 23 and 23.5 cm', () => {
    expect(band(classifyKek({ lilaCm: 22.9 }))).toBe('kek');
    expect(band(classifyKek({ lilaCm: 23 }))).toBe('risk');
    expect(band(classifyKek({ lilaCm: 23.4 }))).toBe('risk');
    expect(band(classifyKek({ lilaCm: 23.5 }))).toBe('normal');
    const r = classifyKek({ lilaCm: 23.2 });
    expect(r.ok && r.result.details?.kekByKmk).toBe(true);
  });
});
