import { z } from 'zod';
import { EVENT_KINDS, VISIT_PLACES } from '../../../core/records/types';
import { isoDate } from '../people/people.schemas';

/** One event as sent: shapes only; core/records checks the value per concept. */
export const eventInput = z.object({
  id: z.uuid(),
  kind: z.enum(EVENT_KINDS),
  system: z.string().trim().min(1).max(200),
  code: z.string().trim().min(1).max(60),
  valueNum: z.number().nullable().optional(),
  value: z.record(z.string(), z.unknown()).nullable().optional(),
  unit: z.string().trim().max(30).nullable().optional(),
  supersedesId: z.uuid().nullable().optional(),
}).strict();

export const visitBody = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  occurredOn: isoDate,
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  placeKind: z.enum(VISIT_PLACES),
  facilityId: z.uuid().nullable().optional(),
  sessionId: z.uuid().nullable().optional(),
  notes: z.string().trim().max(1000).nullable().optional(),
  events: z.array(eventInput).min(1).max(100),
  confirm: z.array(z.string().max(60)).max(20).optional(),
}).strict();
export type VisitBody = z.output<typeof visitBody>;

export const personEventsQuery = z.object({
  kind: z.enum(EVENT_KINDS).optional(),
  code: z.string().trim().max(60).optional(),
}).strict();

export const onQuery = z.object({ on: isoDate.optional() }).strict();
