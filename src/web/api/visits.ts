/**
 * Recording services: visits with their events, and a person's schedule
 * (docs/fieldwork-api.md "Events and visits", "The person's schedule").
 */
import { api, enc } from './client';
import type { ApiWarning, PersonSummary } from './types';
import type { PlaceKind } from '../../core/protocol/types';
import type { ScheduleStatus } from '../../core/schedule/status';
import type { ProgrammeId, StageId } from '../../core/protocol/types';

export type { PlaceKind, ScheduleStatus, ProgrammeId, StageId };

export type EventKind = 'measurement' | 'immunization' | 'service' | 'screening' | 'condition' | 'diagnosis' | 'delivery' | 'note';

export interface EventInput {
  /** UUID made in the browser when the form opens, so a retried save is idempotent. */
  id: string;
  kind: EventKind;
  /** A code system URI or alias: loinc, antigen, service, questionnaire, icd10 … */
  system: string;
  code: string;
  valueNum?: number | null;
  value?: Record<string, unknown> | null;
  unit?: string | null;
  supersedesId?: string | null;
}

export interface VisitInput {
  id: string;
  personId: string;
  occurredOn: string;
  occurredAt?: string;
  placeKind: PlaceKind;
  facilityId?: string | null;
  sessionId?: string | null;
  notes?: string | null;
  events: EventInput[];
  /** Warning codes the user confirmed (after a 409 needs_confirmation). */
  confirm?: string[];
}

export interface Visit {
  id: string;
  personId: string;
  sessionId: string | null;
  facilityId: string | null;
  placeKind: PlaceKind;
  occurredOn: string;
  notes: string | null;
  recordedBy?: string | null;
  recordedAt?: string;
}

export interface RecordedEvent {
  id: string;
  visitId: string | null;
  kind: EventKind;
  system: string;
  code: string;
  concept: string | null;
  label: string;
  occurredOn: string;
  valueNum: number | null;
  value: Record<string, unknown> | null;
  unit: string | null;
  placeKind: PlaceKind | null;
  facilityId: string | null;
  facilityName: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: string;
  supersedesId: string | null;
  supersededBy: string | null;
  warnings: ApiWarning[] | null;
}

export interface ScheduleWindow {
  earliest: string;
  due: string;
  latest: string;
}

export interface ScheduleEntryView {
  key: string;
  item: string;
  label: string;
  programme: ProgrammeId;
  status: ScheduleStatus;
  window: ScheduleWindow;
  satisfiedBy?: { eventId: string; date: string; onTime: boolean } | null;
  dose?: number | null;
  period?: string | null;
  variant?: string | null;
}

export interface ScheduleView {
  on: string;
  protocolVersion: string;
  settingsFingerprint: string;
  stages: { id: StageId; label: string }[];
  pregnancy?: { gestationalAge: { weeks: number; days: number }; trimester: number; hpl: string | null; hpht: string | null } | null;
  entries: ScheduleEntryView[];
}

export interface VisitResult {
  visit: Visit;
  events: RecordedEvent[];
  results: { id: string; status: 'accepted' | 'duplicate' }[];
  warnings: ApiWarning[];
  /** Babies registered from a delivery's live births. */
  people?: PersonSummary[];
  schedule: ScheduleView;
}

export const recordVisit = (input: VisitInput) => api.post<VisitResult>('/api/visits', input);

export const getVisit = (id: string) => api.get<{ visit: Visit; events: RecordedEvent[] }>(`/api/visits/${enc(id)}`);

export const personEvents = (personId: string, q: { kind?: EventKind; code?: string } = {}) =>
  api.get<{ items: RecordedEvent[] }>(`/api/people/${enc(personId)}/events`, q).then((r) => r.items);

export const personSchedule = (personId: string, on?: string) => api.get<ScheduleView>(`/api/people/${enc(personId)}/schedule`, { on });
