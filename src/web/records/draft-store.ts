/**
 * An unsaved visit kept on the device, so a reload, a killed tab on a cheap
 * phone or a lost connection loses nothing: the draft and its record ids come
 * back (same ids, so a save that did reach the server is not stored twice).
 */
import { SlotIds } from './ids';
import { emptyDraft, type VisitDraft } from './visit-draft';

const PREFIX = 'siklus.visitDraft.';
/** Drafts older than this are dropped: the visit they belong to is long past. */
const KEEP_MS = 3 * 24 * 3600 * 1000;

export interface StoredDraft {
  draft: VisitDraft;
  ids: SlotIds;
  savedAt: number;
  sections: string[];
}

interface Raw {
  draft: VisitDraft;
  ids: ReturnType<SlotIds['toJSON']>;
  savedAt: number;
  sections?: string[];
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function draftKey(personId: string, sessionId: string | null | undefined, on: string): string {
  return `${PREFIX}${personId}.${sessionId ?? '-'}.${on}`;
}

export function loadDraft(key: string, now = Date.now()): StoredDraft | null {
  const s = storage();
  if (!s) return null;
  try {
    const text = s.getItem(key);
    if (!text) return null;
    const raw = JSON.parse(text) as Raw;
    if (now - raw.savedAt > KEEP_MS) {
      s.removeItem(key);
      return null;
    }
    // Fields added to the draft since it was stored start empty.
    const base = emptyDraft();
    const draft = { ...base, ...raw.draft } as VisitDraft;
    for (const k of Object.keys(base) as (keyof VisitDraft)[]) {
      const b = base[k];
      if (b && typeof b === 'object' && !Array.isArray(b)) (draft as unknown as Record<string, unknown>)[k] = { ...b, ...(raw.draft[k] as object) };
    }
    return { draft, ids: SlotIds.fromJSON(raw.ids), savedAt: raw.savedAt, sections: raw.sections ?? [] };
  } catch {
    return null;
  }
}

export function saveDraft(key: string, d: Omit<StoredDraft, 'savedAt'>, now = Date.now()): void {
  const s = storage();
  if (!s) return;
  try {
    const raw: Raw = { draft: d.draft, ids: d.ids.toJSON(), savedAt: now, sections: d.sections };
    s.setItem(key, JSON.stringify(raw));
  } catch {
    /* storage full or private mode: the draft stays in memory only */
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    /* nothing to clear */
  }
}

/** Drops every expired draft (called once when the app opens a recorder). */
export function pruneDrafts(now = Date.now()): void {
  const s = storage();
  if (!s) return;
  try {
    for (let i = s.length - 1; i >= 0; i--) {
      const k = s.key(i);
      if (k?.startsWith(PREFIX)) loadDraft(k, now);
    }
  } catch {
    /* ignore */
  }
}
