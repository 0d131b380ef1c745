/**
 * The latest result of each questionnaire (SRQ-20, SKILAS, ADL, PUMA, TB
 * symptoms, 4T, …) with its band and follow-up, as the recording stored it
 * on the event (records/screening.ts: `value.result`, score in valueNum).
 */
import { CONCEPTS, type Concept } from '../codes/concepts';
import type { Text } from '../protocol/types';
import type { IsoDate } from '../time/dates';
import { numberOf, objectOf, stringOf, type ReadEvent } from './events';

export interface ScreeningView {
  concept: Concept;
  label: Text;
  date: IsoDate;
  eventId: string;
  score: number | null;
  band: string | null;
  result: Text | null;
  followUp: Text | null;
  /** What the scorer flagged, in words: SKILAS domains, 4T risks (empty when none or not itemised). */
  findings: Text[];
  /** How many times this questionnaire was recorded. */
  count: number;
}

const text = (v: unknown): Text | null => {
  const o = objectOf(v);
  return typeof o.id === 'string' && typeof o.en === 'string' ? { id: o.id, en: o.en } : null;
};

/** The labels a scorer stored beside the items it flagged (skilas: domainLabels; four-t: flagLabels). */
function findingsOf(details: Record<string, unknown>): Text[] {
  const list = details.domainLabels ?? details.flagLabels;
  return Array.isArray(list) ? list.map(text).filter((x): x is Text => x !== null) : [];
}

/** Events come by date, then recording time: the last one of a questionnaire is its latest result. */
export function screeningsView(events: readonly ReadEvent[]): ScreeningView[] {
  const latest = new Map<Concept, ScreeningView>();
  for (const r of events) {
    if (CONCEPTS[r.concept].kind !== 'screening') continue;
    const res = objectOf(r.value.result);
    const prev = latest.get(r.concept);
    latest.set(r.concept, {
      concept: r.concept,
      label: CONCEPTS[r.concept].label,
      date: r.e.occurredOn,
      eventId: r.e.id,
      score: numberOf(res.score) ?? numberOf(r.e.valueNum),
      band: stringOf(res.band),
      result: text(res.label),
      followUp: text(res.followUp),
      findings: findingsOf(objectOf(res.details)),
      count: (prev?.count ?? 0) + 1,
    });
  }
  return [...latest.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
