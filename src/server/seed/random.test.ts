import { describe, expect, it } from 'vitest';
import { Random } from './random';

describe('Random', () => {
  it('repeats for the same seed and labels, and differs otherwise', () => {
    const draw = (r: Random) => Array.from({ length: 5 }, () => r.nextUint32());
    expect(draw(new Random(1, 'a'))).toEqual(draw(new Random(1, 'a')));
    expect(draw(new Random(1, 'a'))).not.toEqual(draw(new Random(1, 'b')));
    expect(draw(new Random(1, 'a'))).not.toEqual(draw(new Random(2, 'a')));
  });

  it('makes version-4-shaped UUIDs and draws by weight', () => {
    const r = new Random(3);
    for (let i = 0; i < 100; i++) expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[r.weighted([1, 0, 3])]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.7);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.3);
    expect(r.weighted([0, 0])).toBe(-1);
    const ints = new Set(Array.from({ length: 1000 }, () => r.int(1, 6)));
    expect([...ints].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
