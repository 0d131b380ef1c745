/**
 * Condition episodes as day intervals: from the person's facts (registrations,
 * the TB register) and from ICD-10 condition events. A hypertension or
 * diabetes diagnosis opens a chronic episode that stays open; a TB or
 * TB-contact code alone marks only its day (the onset) — the episode's length
 * comes from the TB register as a fact with an end date.
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

export function resolveConditions(
  person: PersonFacts,
  conditionEvents: ReadonlyArray<{ concept: Concept; day: number }>,
  pregnancies: readonly ResolvedPregnancy[],
  onDay: number,
): Map<ConditionKey, Intervals> {
  const raw = new Map<ConditionKey, Interval[]>();
  const add = (k: ConditionKey, iv: Interval) => {
    const list = raw.get(k);
    if (list) list.push(iv);
    else raw.set(k, [iv]);
  };
  for (const c of person.conditions ?? []) {
    const from = dayFromIso(c.from);
    if (Number.isNaN(from) || from > onDay) continue;
    const to = c.to == null ? Infinity : dayFromIso(c.to);
    if (Number.isNaN(to) || to < from) continue;
    // An end after the evaluation day is not yet known.
    add(c.kind, [from, to > onDay ? Infinity : to]);
  }
  for (const e of conditionEvents) {
    const m = FROM_CONCEPT[e.concept];
    if (!m || e.day > onDay) continue;
    add(m.kind, [e.day, m.chronic ? Infinity : e.day]);
  }
  for (const p of pregnancies) add('pregnant', [p.startDay, p.endDay - 1]);
  const out = new Map<ConditionKey, Intervals>();
  for (const [k, list] of raw) out.set(k, normalise(list));
  return out;
}
