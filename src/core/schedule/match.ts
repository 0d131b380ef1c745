/** Finding the events that satisfy an item inside a window. */
import type { Concept } from '../codes/concepts';
import type { MatchGroup, PlaceKind, ProviderKind } from '../protocol/types';
import type { EventIndex, IndexedEvent } from './event-index';

export interface CompiledGroup {
  concepts: readonly Concept[];
  provider: ReadonlySet<ProviderKind> | null;
  place: ReadonlySet<PlaceKind> | null;
}

export function compileGroups(groups: readonly MatchGroup[]): CompiledGroup[] {
  return groups.map((g) => ({
    concepts: g.concepts,
    provider: g.provider ? new Set(g.provider) : null,
    place: g.place ? new Set(g.place) : null,
  }));
}

export interface Satisfaction {
  /** The event that completed the item (latest among the groups' picks). */
  event: IndexedEvent;
  others: IndexedEvent[];
}

/** Index of the first event on or after `day` (events sorted by day). */
export function lowerBound(list: readonly IndexedEvent[], day: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function accepts(g: CompiledGroup, e: IndexedEvent): boolean {
  if (g.provider && (!e.provider || !g.provider.has(e.provider))) return false;
  if (g.place && (!e.place || !g.place.has(e.place))) return false;
  return true;
}

/** Earliest event of the group within [lo, hi]. */
export function firstInGroup(g: CompiledGroup, idx: EventIndex, lo: number, hi: number): IndexedEvent | null {
  let best: IndexedEvent | null = null;
  for (const c of g.concepts) {
    const list = idx.byConcept.get(c);
    if (!list) continue;
    for (let i = lowerBound(list, lo); i < list.length; i++) {
      const e = list[i]!;
      if (e.day > hi || (best && e.day >= best.day)) break;
      if (accepts(g, e)) {
        best = e;
        break;
      }
    }
  }
  return best;
}

/** All groups met inside [lo, hi]; null otherwise. */
export function matchAll(groups: readonly CompiledGroup[], idx: EventIndex, lo: number, hi: number): Satisfaction | null {
  if (hi < lo) return null;
  if (groups.length === 1) {
    const e = firstInGroup(groups[0]!, idx, lo, hi);
    return e ? { event: e, others: [] } : null;
  }
  const picks: IndexedEvent[] = [];
  for (const g of groups) {
    const e = firstInGroup(g, idx, lo, hi);
    if (!e) return null;
    picks.push(e);
  }
  let last = 0;
  for (let i = 1; i < picks.length; i++) if (picks[i]!.day >= picks[last]!.day) last = i;
  return { event: picks[last]!, others: picks.filter((_, i) => i !== last) };
}

/** The distinct event days of the groups' concepts within [lo, hi] (for visit slots such as K2/K3). */
export function distinctDays(g: CompiledGroup, idx: EventIndex, lo: number, hi: number): IndexedEvent[] {
  const byDay = new Map<number, IndexedEvent>();
  for (const c of g.concepts) {
    const list = idx.byConcept.get(c);
    if (!list) continue;
    for (let i = lowerBound(list, lo); i < list.length && list[i]!.day <= hi; i++) {
      const e = list[i]!;
      if (accepts(g, e) && !byDay.has(e.day)) byDay.set(e.day, e);
    }
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}
