/**
 * Condition episodes as day intervals: from the person's facts (registrations,
 * the TB register) and from ICD-10 condition events. A hypertension or
 * diabetes diagnosis opens a chronic episode that stays open. A TB or
 * TB-contact code alone gives only an onset (for items timed from the onset,
 * such as contact investigation), not an episode: its length comes from the
 * TB register as a fact with an end date.
 */
import type { Concept } from '../codes/concepts';
import { dayFromIso } from '../protocol/offset';
import type { ConditionKind } from '../protocol/types';
import { normalise, type Interval, type Intervals } from './intervals';
import type { PersonFacts } from './person';
import type { ResolvedPregnancy } from './pregnancy';

export type ConditionKey = ConditionKind | 'pregnant';

const FROM_CONCEPT: Partial<Record<Concept, { kind: ConditionKind; chronic: boolean }>> = {
  hypertension: { kind: 'hypertension', chronic: true },
  diabetes: { kind: 'diabetes', chronic: true },
  tb: { kind: 'tb', chronic: false },
  'tb-contact': { kind: 'tb-contact', chronic: false },
};

export function conditionOfConcept(c: Concept): ConditionKind | undefined {
  return FROM_CONCEPT[c]?.kind;
}

export interface ResolvedConditions {
  /** Active days per condition (eligibility). */
  intervals: Map<ConditionKey, Intervals>;
  /** Onset days per condition, ascending (episode starts and onset-only codes). */
  onsets: Map<ConditionKind, number[]>;
}

function add(raw: Map<ConditionKey, Interval[]>, k: ConditionKey, iv: Interval): void {
  const list = raw.get(k);
  if (list) list.push(iv);
  else raw.set(k, [iv]);
}

function onset(sets: Map<ConditionKind, Set<number>>, k: ConditionKind, day: number): void {
  const set = sets.get(k);
  if (set) set.add(day);
  else sets.set(k, new Set([day]));
}

export function resolveConditions(
  person: PersonFacts,
  conditionEvents: ReadonlyArray<{ concept: Concept; day: number }>,
  pregnancies: readonly ResolvedPregnancy[],
  onDay: number,
): ResolvedConditions {
  const onsetSets = new Map<ConditionKind, Set<number>>();
  const raw = new Map<ConditionKey, Interval[]>();
  for (const c of person.conditions ?? []) {
    const from = dayFromIso(c.from);
    if (Number.isNaN(from) || from > onDay) continue;
    const to = c.to == null ? Infinity : dayFromIso(c.to);
    if (Number.isNaN(to) || to < from) continue;
    // An end after the evaluation day is not yet known.
    add(raw, c.kind, [from, to > onDay ? Infinity : to]);
    onset(onsetSets, c.kind, from);
  }
  const chronicFirst = new Map<ConditionKind, number>();
  for (const e of conditionEvents) {
    const m = FROM_CONCEPT[e.concept];
    if (!m || e.day > onDay) continue;
    if (m.chronic) chronicFirst.set(m.kind, Math.min(chronicFirst.get(m.kind) ?? Infinity, e.day));
    else onset(onsetSets, m.kind, e.day);
  }
  for (const [k, day] of chronicFirst) {
    add(raw, k, [day, Infinity]);
    onset(onsetSets, k, day);
  }
  for (const p of pregnancies) add(raw, 'pregnant', [p.startDay, p.endDay - 1]);
  const intervals = new Map<ConditionKey, Intervals>();
  for (const [k, list] of raw) intervals.set(k, normalise(list));
  const onsets = new Map<ConditionKind, number[]>();
  for (const [k, set] of onsetSets) onsets.set(k, [...set].sort((a, b) => a - b));
  return { intervals, onsets };
}
