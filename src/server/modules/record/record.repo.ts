/**
 * The person's visits for the record's timeline (one query, with the names
 * of the place and of who recorded it), and the timeline itself: visits
 * newest first, each with its events as the app shows them (RecordedEvent of
 * records.repo.ts, superseded ones kept and marked).
 */
import { sql } from 'drizzle-orm';
import type { RecordEvent } from '../../../core/records/types';
import { rows, type DbOrTx } from '../../db/sql';
import type { RecordedEvent } from '../records/records.repo';

export interface VisitView {
  id: string;
  occurredOn: string;
  placeKind: string;
  facilityId: string | null;
  facilityName: string | null;
  sessionId: string | null;
  notes: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: string;
}

export async function personVisits(db: DbOrTx, personId: string): Promise<VisitView[]> {
  const r = await rows<{
    id: string; occurred_on: string; place_kind: string; facility_id: string | null; facility_name: string | null; session_id: string | null;
    notes: string | null; recorded_by: string | null; recorded_by_name: string | null; recorded_at: Date | string;
  }>(db, sql`
    select v.id, v.occurred_on, v.place_kind, v.facility_id, f.name as facility_name, v.session_id, v.notes,
           v.recorded_by, u.display_name as recorded_by_name, v.recorded_at
    from visit v
    left join facility f on f.id = v.facility_id
    left join app_user u on u.id = v.recorded_by
    where v.person_id = ${personId}
    order by v.occurred_on desc, v.recorded_at desc`);
  return r.map((v) => ({
    id: v.id, occurredOn: v.occurred_on, placeKind: v.place_kind, facilityId: v.facility_id, facilityName: v.facility_name, sessionId: v.session_id,
    notes: v.notes, recordedBy: v.recorded_by, recordedByName: v.recorded_by_name,
    recordedAt: (v.recorded_at instanceof Date ? v.recorded_at : new Date(v.recorded_at)).toISOString(),
  }));
}

export interface TimelineEntry {
  /** null for events recorded without a visit (imports): grouped by their date. */
  visit: VisitView | null;
  date: string;
  events: RecordedEvent[];
}

/** Visits newest first (then by recording time), each with its events; `events` come newest first. */
export function buildTimeline(visits: readonly VisitView[], events: readonly RecordedEvent[]): TimelineEntry[] {
  const visitIds = new Set(visits.map((v) => v.id));
  const byVisit = new Map<string, RecordedEvent[]>();
  const loose = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    const inVisit = e.visitId !== null && visitIds.has(e.visitId);
    const target = inVisit ? byVisit : loose;
    const k = inVisit ? e.visitId! : e.occurredOn;
    const list = target.get(k);
    if (list) list.push(e);
    else target.set(k, [e]);
  }
  const entries: TimelineEntry[] = visits.map((v) => ({ visit: v, date: v.occurredOn, events: (byVisit.get(v.id) ?? []).reverse() }));
  for (const [date, evs] of loose) entries.push({ visit: null, date, events: evs.reverse() });
  return entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : (b.visit?.recordedAt ?? '').localeCompare(a.visit?.recordedAt ?? '')));
}

/**
 * The engine's rows from the app's view of the events (one query serves
 * both): oldest first by date, then by recording time, so the last
 * measurement of a day is the one that counts.
 */
export function engineRows(events: readonly RecordedEvent[]): RecordEvent[] {
  const out: RecordEvent[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    out.push({ id: e.id, codeSystem: e.system, code: e.code, occurredOn: e.occurredOn, valueNum: e.valueNum, value: e.value, placeKind: e.placeKind, supersedesId: e.supersedesId, kind: e.kind });
  }
  return out;
}
