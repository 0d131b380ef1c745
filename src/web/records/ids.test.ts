import { describe, expect, it, vi } from 'vitest';
import { newId, SlotIds } from './ids';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('makes v4 UUIDs', () => {
    expect(newId()).toMatch(UUID);
    expect(newId()).not.toBe(newId());
  });

  it('builds a v4 UUID from getRandomValues where randomUUID is missing (plain http)', () => {
    const real = globalThis.crypto;
    const getRandomValues = real.getRandomValues.bind(real);
    vi.stubGlobal('crypto', { getRandomValues });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => newId()));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(id).toMatch(UUID);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('SlotIds', () => {
  it('gives one id per slot until replaced', () => {
    const ids = new SlotIds();
    expect(ids.for('weight')).toBe(ids.for('weight'));
    expect(ids.for('weight')).not.toBe(ids.for('height'));
    expect(ids.visitId).toMatch(UUID);
    expect(new SlotIds().for('weight')).not.toBe(ids.for('weight'));
  });

  it('survives a round trip through JSON (a draft kept across a reload)', () => {
    const ids = new SlotIds();
    const w = ids.for('weight');
    const back = SlotIds.fromJSON(JSON.parse(JSON.stringify(ids)) as ReturnType<SlotIds['toJSON']>);
    expect(back.visitId).toBe(ids.visitId);
    expect(back.for('weight')).toBe(w);
  });
});
