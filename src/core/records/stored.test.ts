import { describe, expect, it } from 'vitest';
import { openStatus } from '../schedule/status';
import { rng } from '../schedule/fixtures.testing';
import { openStatusRegions } from './stored';

describe('open status regions', () => {
  it('classify every window the way openStatus does', () => {
    const regions = openStatusRegions();
    const r = rng(42);
    for (let n = 0; n < 5000; n++) {
      const e = Math.floor(r() * 20);
      const d = e + Math.floor(r() * 5);
      const l = d + Math.floor(r() * 5);
      const on = Math.floor(r() * 30) - 2;
      const sig = [Math.sign(on - e), Math.sign(on - d), Math.sign(on - l)].join(',');
      const found = Object.entries(regions).filter(([, sigs]) => sigs.some((s) => s.join(',') === sig)).map(([k]) => k);
      expect(found).toEqual([openStatus(on, e, d, l)]);
    }
    expect(regions.done).toEqual([]);
    expect(regions.not_applicable).toEqual([]);
  });
});
