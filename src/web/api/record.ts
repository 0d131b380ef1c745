/**
 * The person's record (GET /api/people/:id/record): timeline, growth with
 * WHO z-scores and curves, vitals, the immunization card, pregnancies,
 * screenings and referrals. The sections are core's (core/record builds them
 * on the server, and could in the browser); the timeline and referrals are
 * joined by the server.
 */
import { api, enc } from './client';
import type { RecordSections } from '../../core/record';
import type { PlaceKind, RecordedEvent } from './visits';
import type { Referral } from './referrals';
import type { PersonStatus, Sex } from './types';

export type { GrowthView, ImmunizationCard, ImmunizationRow, PregnancyView, VisitSlot, ScreeningView, VitalsView } from '../../core/record';

export interface RecordVisit {
  id: string;
  occurredOn: string;
  placeKind: PlaceKind;
  facilityId: string | null;
  facilityName: string | null;
  sessionId: string | null;
  notes: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: string;
}

export interface TimelineEntry {
  /** null for events recorded without a visit (imports), grouped by their date. */
  visit: RecordVisit | null;
  date: string;
  /** Newest first; superseded ones are kept and marked (`supersededBy`). */
  events: RecordedEvent[];
}

export interface PersonRecord extends Omit<RecordSections, 'facts'> {
  person: { id: string; name: string; nik: string | null; sex: Sex; birthDate: string; status: PersonStatus; areaCode: string; villageCode: string; householdId: string | null };
  /** How the user may see this person: by place, or because their facility received a referral. */
  access: { via: 'scope' } | { via: 'referral'; referralId: string };
  timeline: TimelineEntry[];
  referrals: Referral[];
}

export const getRecord = (personId: string) => api.get<PersonRecord>(`/api/people/${enc(personId)}/record`);
