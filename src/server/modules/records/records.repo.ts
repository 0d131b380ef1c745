/**
 * Reading recorded events and visits: the engine's rows of a person (or of
 * many, for a batch refresh) and the RecordedEvent view the app shows.
 */
import { sql, type SQL } from 'drizzle-orm';
import { CONCEPTS } from '../../../core/codes/concepts';
import { recognise } from '../../../core/codes/registry';
import type { Locale } from '../../../core/i18n/messages';
import type { RecordEvent } from '../../../core/records/types';
import { rows, type DbOrTx } from '../../db/sql';

/** An event row as the engine reads it (personRecordEvents' columns). */
export interface EventHistoryRow {
  id: string;
  person_id: string;
  code_system: string | null;
  code: string;
  occurred_on: string;
  value_num: number | null;
  value: unknown;
  place_kind: string | null;
  supersedes_id: string | null;
  kind: string;
}

type EventDbRow = EventHistoryRow;

export const toRecordEvent = (r: EventHistoryRow): RecordEvent => ({
  id: r.id, codeSystem: r.code_system, code: r.code, occurredOn: r.occurred_on, valueNum: r.value_num, value: r.value,
  placeKind: r.place_kind, supersedesId: r.supersedes_id, kind: r.kind,
});

/** A person's stored events (superseded ones included), oldest first. */
export async function personRecordEvents(db: DbOrTx, personId: string): Promise<RecordEvent[]> {
  const r = await rows<EventDbRow>(db, sql`
    select id, person_id, code_system, code, occurred_on, value_num, value, place_kind, supersedes_id, kind
    from event where person_id = ${personId} order by occurred_on, id`);
  return r.map(toRecordEvent);
}

/** Events of many people at once, grouped by person. */
export async function recordEventsOf(db: DbOrTx, personIds: readonly string[]): Promise<Map<string, RecordEvent[]>> {
  const out = new Map<string, RecordEvent[]>();
  if (personIds.length === 0) return out;
  const r = await rows<EventDbRow>(db, sql`
    select id, person_id, code_system, code, occurred_on, value_num, value, place_kind, supersedes_id, kind
    from event where person_id in (${sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `)}) order by person_id, occurred_on, id`);
  for (const e of r) {
    const list = out.get(e.person_id);
    if (list) list.push(toRecordEvent(e));
    else out.set(e.person_id, [toRecordEvent(e)]);
  }
  return out;
}

export interface RecordedEvent {
  id: string;
  visitId: string | null;
  personId: string;
  kind: string;
  system: string | null;
  code: string;
  concept: string | null;
  label: string;
  occurredOn: string;
  valueNum: number | null;
  value: unknown;
  unit: string | null;
  placeKind: string | null;
  facilityId: string | null;
  facilityName: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: string;
  supersedesId: string | null;
  supersededBy: string | null;
  warnings: unknown;
}

/** An event row with what the app shows of it (recordedEvents' columns). */
export interface ViewRow extends EventDbRow {
  visit_id: string | null;
  unit: string | null;
  facility_id: string | null;
  facility_name: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  recorded_at: Date | string;
  superseded_by: string | null;
  warnings: unknown;
}

/** The label of an event: its concept's name, with the dose or visit number where it has one. */
export function eventLabel(system: string | null, code: string, value: unknown, locale: Locale): string {
  const r = recognise(system, code);
  if (!r) return code;
  const base = CONCEPTS[r.concept].label[locale];
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const n = typeof v.dose === 'number' ? v.dose : r.ordinal;
  return n !== undefined && CONCEPTS[r.concept].kind === 'immunization' ? `${base} ${n}` : r.ordinal !== undefined ? `${base} ${code}` : base;
}

/** Events as the app shows them; `where` refers to the event as `e`. */
export async function recordedEvents(db: DbOrTx, where: SQL, locale: Locale): Promise<RecordedEvent[]> {
  const r = await rows<ViewRow>(db, sql`
    select e.id, e.person_id, e.visit_id, e.kind, e.code_system, e.code, e.occurred_on, e.value_num, e.value, e.unit, e.place_kind,
           e.facility_id, f.name as facility_name, e.recorded_by, u.display_name as recorded_by_name, e.recorded_at,
           e.supersedes_id, (select s.id from event s where s.supersedes_id = e.id limit 1) as superseded_by, e.warnings
    from event e
    left join facility f on f.id = e.facility_id
    left join app_user u on u.id = e.recorded_by
    where ${where}
    order by e.occurred_on desc, e.recorded_at desc, e.id`);
  return r.map((x) => toRecordedEvent(x, locale));
}

/** An event as the app shows it, from its stored columns. */
export function toRecordedEvent(x: ViewRow, locale: Locale): RecordedEvent {
  return {
    id: x.id,
    visitId: x.visit_id,
    personId: x.person_id,
    kind: x.kind,
    system: x.code_system,
    code: x.code,
    concept: recognise(x.code_system, x.code)?.concept ?? null,
    label: eventLabel(x.code_system, x.code, x.value, locale),
    occurredOn: x.occurred_on,
    valueNum: x.value_num,
    value: x.value,
    unit: x.unit,
    placeKind: x.place_kind,
    facilityId: x.facility_id,
    facilityName: x.facility_name,
    recordedBy: x.recorded_by,
    recordedByName: x.recorded_by_name,
    recordedAt: x.recorded_at instanceof Date ? x.recorded_at.toISOString() : new Date(x.recorded_at).toISOString(),
    supersedesId: x.supersedes_id,
    supersededBy: x.superseded_by,
    warnings: x.warnings,
  };
}
