/**
 * What is due now → which recording form opens, pre-filled: a due schedule
 * entry names a catalogue item; the item's match names concepts; a concept
 * has one form. So the forms follow the protocol instead of a second list.
 */
import { itemById } from '../../core/protocol/catalogue';
import type { ProtocolSettings } from '../../core/protocol/settings';
import { ANTIGENS, CONCEPTS, type Antigen, type Concept } from '../../core/codes/concepts';
import { codesFor } from '../../core/codes/registry';
import { SYSTEM } from '../../core/codes/systems';
import type { ScheduleStatus } from '../../core/schedule/status';
import { questionnaireFor, type ScreeningId } from './questionnaires';
import type { AncSlot } from './visit-draft';

export type SectionId =
  | 'measure' | 'vitals' | 'immunization' | 'supplements' | 'services' | 'screening'
  | 'pregnancy' | 'anc' | 'postnatal' | 'delivery' | 'diagnosis' | 'note';

/** The Posyandu steps after registration (KMK §IV "5 langkah"; names of steps 2–5 ⚠ unconfirmed, ilp-domain.md §4.1). */
export const STEPS = ['measure', 'record', 'serve', 'counsel', 'refer'] as const;
export type StepId = (typeof STEPS)[number];

/** Which forms belong to which Posyandu step. Counselling and referral have their own panels. */
export const STEP_SECTIONS: Record<'measure' | 'record' | 'serve', SectionId[]> = {
  measure: ['measure', 'vitals'],
  record: ['screening', 'pregnancy', 'diagnosis'],
  serve: ['immunization', 'supplements', 'anc', 'postnatal', 'services', 'delivery'],
};

/** The common shape of a schedule entry and a due-list item. */
export interface DueLike {
  key: string;
  item: string;
  label: string;
  status: ScheduleStatus;
  window: { earliest: string; due: string; latest: string };
  dose?: number | null;
  variant?: string | null;
}

export interface DueOffer {
  entry: DueLike;
  section: SectionId;
  concept: Concept;
  screening?: ScreeningId;
  antigen?: Antigen;
  dose?: number;
  ancSlot?: AncSlot;
  postnatalCode?: string;
  serviceCode?: string;
  variant?: string;
}

/** Open now: due, or overdue (late but still counts). Missed windows cannot be met any more. */
export const ACTIONABLE: readonly ScheduleStatus[] = ['due', 'overdue'];

const MEASURE: ReadonlySet<Concept> = new Set<Concept>(['weight', 'height', 'length', 'head', 'muac', 'bmi']);
const VITALS: ReadonlySet<Concept> = new Set<Concept>([
  'bp', 'bp-systolic', 'bp-diastolic', 'glucose-capillary', 'glucose-random', 'glucose-fasting', 'glucose-2h', 'hba1c', 'hb', 'waist',
]);
const SUPPLEMENTS: ReadonlySet<Concept> = new Set<Concept>(['vitamin-a', 'deworming', 'ttd']);

/** The Siklus service code that records a service concept ("vision-screening" → "vision"). */
export function serviceCodeFor(concept: Concept): string | undefined {
  return codesFor(concept).find((e) => e.system === SYSTEM.service)?.code;
}

function offerFor(entry: DueLike, concept: Concept): DueOffer | null {
  const base = { entry, concept };
  if (MEASURE.has(concept)) return { ...base, section: 'measure' };
  if (VITALS.has(concept)) return { ...base, section: 'vitals' };
  if ((ANTIGENS as readonly string[]).includes(concept)) {
    return { ...base, section: 'immunization', antigen: concept as Antigen, ...(entry.dose ? { dose: entry.dose } : {}) };
  }
  if (SUPPLEMENTS.has(concept)) return { ...base, section: 'supplements', ...(entry.variant ? { variant: entry.variant } : {}) };
  const q = questionnaireFor(concept);
  if (q) return { ...base, section: 'screening', screening: q.id };
  if (concept === 'anc-contact') {
    const m = /^anc\.k(\d)$/.exec(entry.item);
    return { ...base, section: 'anc', ...(m ? { ancSlot: `K${m[1]}` as AncSlot } : {}) };
  }
  if (concept === 'kf' || concept === 'kn') {
    const m = /\.(kf|kn)(\d)$/.exec(entry.item);
    return m ? { ...base, section: 'postnatal', postnatalCode: `${m[1]!.toUpperCase()}${m[2]}` } : null;
  }
  if (concept === 'delivery') return { ...base, section: 'delivery' };
  if (CONCEPTS[concept].kind === 'service') {
    const code = serviceCodeFor(concept);
    return code ? { ...base, section: 'services', serviceCode: code } : null;
  }
  return null;
}

/**
 * The forms for the open entries: one offer per match group of each item
 * (an item needing Hb and five lab tests offers the Hb field and the tests).
 */
export function offersFor(entries: readonly DueLike[], settings?: ProtocolSettings): DueOffer[] {
  const out: DueOffer[] = [];
  for (const entry of entries) {
    if (!ACTIONABLE.includes(entry.status)) continue;
    const item = itemById(entry.item, settings);
    if (!item) continue;
    for (const group of item.match) {
      const concept = group.concepts[0];
      if (!concept) continue;
      const offer = offerFor(entry, concept);
      if (offer) out.push(offer);
    }
  }
  return out;
}

/** Sections with at least one open offer, in form order. */
export function sectionsOf(offers: readonly DueOffer[]): SectionId[] {
  const order: SectionId[] = ['measure', 'vitals', 'screening', 'pregnancy', 'immunization', 'supplements', 'anc', 'postnatal', 'services', 'delivery', 'diagnosis', 'note'];
  const present = new Set(offers.map((o) => o.section));
  return order.filter((s) => present.has(s));
}
