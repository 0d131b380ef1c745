/**
 * The person-page view of recorded events: which concept an event means and
 * its structured value, read once so every section of the record agrees.
 */
import type { Concept } from '../codes/concepts';
import { recognise } from '../codes/registry';
import type { RecordEvent } from '../records/types';

/** A stored event as the record reads it (active ones only: corrections already applied). */
export interface RecordInputEvent extends RecordEvent {
  kind?: string | null;
  unit?: string | null;
}

export interface ReadEvent {
  e: RecordInputEvent;
  concept: Concept;
  /** The code's trailing ordinal ("MR 2" → 2, "KF3" → 3). */
  ordinal?: number;
  value: Record<string, unknown>;
}

export const objectOf = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export const numberOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const stringOf = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** Events with a known concept, in the order given (callers pass them by date, then recording time). */
export function readEvents(events: readonly RecordInputEvent[]): ReadEvent[] {
  const out: ReadEvent[] = [];
  for (const e of events) {
    const r = recognise(e.codeSystem, e.code);
    if (!r) continue;
    out.push({ e, concept: r.concept, ...(r.ordinal !== undefined ? { ordinal: r.ordinal } : {}), value: objectOf(e.value) });
  }
  return out;
}

/** Events of some concepts, grouped by concept. */
export function byConcept(events: readonly ReadEvent[]): Map<Concept, ReadEvent[]> {
  const m = new Map<Concept, ReadEvent[]>();
  for (const r of events) {
    const list = m.get(r.concept);
    if (list) list.push(r);
    else m.set(r.concept, [r]);
  }
  return m;
}
