/**
 * From recorded events to what the life-cycle engine reads: the person's
 * facts (pregnancy episodes, registered conditions, the latest school grade)
 * and the engine's event list. Superseded events are dropped first: a
 * correction replaces the event it names.
 *
 * Pregnancy episodes: a registration (ICD-10 Z34/Z33 with `lmp` or
 * `gestationalAge`) opens one; a registration while an episode is still open
 * belongs to it (a second ANC card for the same pregnancy). A delivery closes
 * the episode it names (`pregnancyId`) or else the open one it falls in; an
 * abortion ends it; `endedOn` on the registration closes it without a birth.
 * A delivery with no registered pregnancy still opens the postpartum
 * period: its episode starts at the recorded gestational age, or — unknown —
 * as if the baby came on the HPL (Naegele backwards).
 *
 * Conditions: PUS and catin registrations (`from`/`to`; a catin episode ends
 * the day before the wedding) and TB / TB-contact register entries with an
 * end date. Hypertension and diabetes codes need no fact: the engine reads
 * them from the events (lifecycle/conditions.ts).
 */
import type { Concept } from '../codes/concepts';
import { recognise } from '../codes/registry';
import type { ConditionFact, PersonFacts, PregnancyFacts } from '../lifecycle/person';
import { pregnancyStartDay } from '../lifecycle/pregnancy';
import { addOffset, dayFromIso, isoFromDay } from '../protocol/offset';
import { EPISODE_MAX_DAYS, NAEGELE } from '../protocol/pregnancy';
import type { Sex } from '../people/nik';
import { eventFromRow, type ScheduleEvent } from '../schedule/event';
import type { IsoDate } from '../time/dates';
import type { RecordEvent } from './types';

/** Events still in force: those no other event supersedes. */
export function activeEvents<T extends { id: string; supersedesId?: string | null }>(events: readonly T[]): T[] {
  const superseded = new Set<string>();
  for (const e of events) if (e.supersedesId) superseded.add(e.supersedesId);
  return superseded.size ? events.filter((e) => !superseded.has(e.id)) : [...events];
}

/** The engine's input: active events only. */
export function scheduleEventsOf(events: readonly RecordEvent[]): ScheduleEvent[] {
  return activeEvents(events).map(eventFromRow);
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

function byDate(a: RecordEvent, b: RecordEvent): number {
  return a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first event of a correction chain: a corrected registration keeps its episode id. */
function rootOf(events: readonly RecordEvent[]): (id: string) => string {
  const parent = new Map<string, string>();
  for (const e of events) if (e.supersedesId) parent.set(e.id, e.supersedesId);
  return (id) => {
    let cur = id;
    for (let i = 0; i < 1000 && parent.has(cur); i++) cur = parent.get(cur)!;
    return cur;
  };
}

const NAEGELE_BACK = { months: -(NAEGELE.months ?? 0), days: -(NAEGELE.days ?? 0) };

interface Episode {
  facts: PregnancyFacts;
  start: number;
  closed: boolean;
}

export function personFactsFromEvents(person: { sex: Sex; birthDate: IsoDate }, events: readonly RecordEvent[]): PersonFacts {
  const root = rootOf(events);
  const active = activeEvents(events).sort(byDate);
  const episodes: Episode[] = [];
  const conditions: ConditionFact[] = [];
  let schoolGrade: PersonFacts['schoolGrade'] = null;

  const openAt = (day: number): Episode | undefined => {
    for (let i = episodes.length - 1; i >= 0; i--) {
      const ep = episodes[i]!;
      if (!ep.closed && ep.start <= day && day < ep.start + EPISODE_MAX_DAYS) return ep;
    }
    return undefined;
  };

  for (const e of active) {
    const concept: Concept | undefined = recognise(e.codeSystem, e.code)?.concept;
    if (!concept) continue;
    const v = obj(e.value);
    const day = dayFromIso(e.occurredOn);
    switch (concept) {
      case 'pregnancy': {
        const lmp = str(v.lmp);
        const ga = obj(v.gestationalAge);
        const facts: PregnancyFacts = { id: root(e.id) };
        if (lmp) facts.hpht = lmp;
        else if (int(ga.weeks) !== undefined) facts.gestationalAge = { weeks: int(ga.weeks)!, ...(int(ga.days) !== undefined ? { days: int(ga.days)! } : {}), on: e.occurredOn };
        const start = pregnancyStartDay(facts);
        if (start === null) break;
        const same = openAt(day);
        const parity = int(v.parity);
        if (same) {
          if (parity !== undefined && same.facts.previousBirths == null) same.facts.previousBirths = parity;
          if (str(v.endedOn)) close(same, str(v.endedOn)!, null);
          break;
        }
        if (parity !== undefined) facts.previousBirths = parity;
        const ep: Episode = { facts, start, closed: false };
        episodes.push(ep);
        if (str(v.endedOn)) close(ep, str(v.endedOn)!, null);
        break;
      }
      case 'delivery': {
        const outcome = v.outcome === 'abortion' || v.outcome === 'stillbirth' || v.outcome === 'live-birth' ? v.outcome : null;
        const named = str(v.pregnancyId);
        let ep = named ? episodes.find((x) => !x.closed && x.facts.id === root(named)) : undefined;
        ep ??= openAt(day);
        if (!ep) {
          const weeks = int(v.gestationalAgeWeeks);
          const facts: PregnancyFacts = weeks !== undefined
            ? { id: root(e.id), gestationalAge: { weeks, on: e.occurredOn } }
            : { id: root(e.id), hpht: isoFromDay(addOffset(day, NAEGELE_BACK)) };
          ep = { facts, start: pregnancyStartDay(facts) ?? day, closed: false };
          episodes.push(ep);
        }
        close(ep, e.occurredOn, outcome);
        break;
      }
      case 'pus':
      case 'catin-registration': {
        const from = str(v.from) ?? e.occurredOn;
        let to = str(v.to) ?? null;
        const wedding = str(v.marriageDate);
        if (!to && wedding && concept === 'catin-registration') to = isoFromDay(Math.max(dayFromIso(from), dayFromIso(wedding) - 1));
        conditions.push({ kind: concept === 'pus' ? 'pus' : 'catin', from, ...(to ? { to } : {}) });
        break;
      }
      case 'tb':
      case 'tb-contact': {
        // The TB register gives an episode with its end; a code alone is an onset the engine reads itself.
        const to = str(v.to);
        if (to) conditions.push({ kind: concept, from: str(v.from) ?? e.occurredOn, to });
        break;
      }
      case 'school-grade':
        if (int(e.valueNum) !== undefined) schoolGrade = { grade: int(e.valueNum)!, on: e.occurredOn };
        break;
      default:
        break;
    }
  }

  const facts: PersonFacts = { sex: person.sex, birthDate: person.birthDate };
  if (episodes.length) facts.pregnancies = episodes.map((ep) => ep.facts);
  if (conditions.length) facts.conditions = conditions;
  if (schoolGrade) facts.schoolGrade = schoolGrade;
  return facts;
}

function close(ep: Episode, on: IsoDate, outcome: 'live-birth' | 'stillbirth' | 'abortion' | null): void {
  ep.closed = true;
  if (outcome === 'live-birth' || outcome === 'stillbirth') {
    ep.facts.deliveredOn = on;
    ep.facts.outcome = outcome;
  } else {
    ep.facts.endedOn = on;
    if (outcome) ep.facts.outcome = outcome;
  }
}
