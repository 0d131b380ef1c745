import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearDraft, draftKey, loadDraft, saveDraft } from './draft-store';
import { SlotIds } from './ids';
import { emptyDraft } from './visit-draft';

class MemoryStorage {
  private m = new Map<string, string>();
  get length() { return this.m.size; }
  key(i: number) { return [...this.m.keys()][i] ?? null; }
  getItem(k: string) { return this.m.get(k) ?? null; }
  setItem(k: string, v: string) { this.m.set(k, v); }
  removeItem(k: string) { this.m.delete(k); }
  clear() { this.m.clear(); }
}

describe('draft store', () => {
  beforeEach(() => vi.stubGlobal('localStorage', new MemoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('gives back the draft with the same record ids', () => {
    const key = draftKey('p1', 's1', '2025-06-10');
    const d = emptyDraft();
    d.measure.weight = '8,5';
    const ids = new SlotIds();
    const weightId = ids.for('weight');
    saveDraft(key, { draft: d, ids, sections: ['vitals'] }, 1000);
    const back = loadDraft(key, 2000)!;
    expect(back.draft.measure.weight).toBe('8,5');
    expect(back.ids.for('weight')).toBe(weightId);
    expect(back.ids.visitId).toBe(ids.visitId);
    expect(back.sections).toEqual(['vitals']);
    clearDraft(key);
    expect(loadDraft(key)).toBeNull();
  });

  it('forgets drafts older than three days', () => {
    const key = draftKey('p1', null, '2025-06-10');
    saveDraft(key, { draft: emptyDraft(), ids: new SlotIds(), sections: [] }, 0);
    expect(loadDraft(key, 4 * 24 * 3600 * 1000)).toBeNull();
    expect(localStorage.getItem(key)).toBeNull();
  });
});
