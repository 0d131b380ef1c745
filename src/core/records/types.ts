/**
 * The shapes of recorded clinical events as the API receives them and as
 * they are stored (docs/fieldwork-api.md "Events and visits"). Shared by the
 * server and, later, the offline app.
 */
import type { Concept } from '../codes/concepts';
import type { IsoDate } from '../time/dates';
import type { EventRow } from '../schedule/event';

export const EVENT_KINDS = ['measurement', 'immunization', 'service', 'screening', 'condition', 'diagnosis', 'delivery', 'note'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const VISIT_PLACES = ['posyandu', 'pustu', 'puskesmas', 'home', 'school', 'other'] as const;

/** One event as sent by a client (phone or browser); its UUID is made there. */
export interface EventInput {
  id: string;
  kind: EventKind;
  system: string;
  code: string;
  valueNum?: number | null;
  value?: Record<string, unknown> | null;
  unit?: string | null;
  supersedesId?: string | null;
}

/** A checked event: canonical system URI, the concept it means, values in the concept's canonical unit. */
export interface NormalisedEvent {
  id: string;
  kind: EventKind;
  system: string;
  code: string;
  /** null only for a diagnosis code the registry does not know (any ICD-10 code may be recorded). */
  concept: Concept | null;
  valueNum: number | null;
  value: Record<string, unknown> | null;
  unit: string | null;
  supersedesId: string | null;
}

/** A stored event as core reads it: the engine's row plus the correction link. */
export interface RecordEvent extends EventRow {
  occurredOn: IsoDate;
  supersedesId?: string | null;
  kind?: string | null;
}
