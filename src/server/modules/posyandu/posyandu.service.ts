/**
 * The Posyandu day (docs/fieldwork-api.md "Posyandu day"): one session per
 * Posyandu and date; the expected list is the due list of the Posyandu's
 * area on the session date; attending opens the person's visit of the day;
 * the steps of each attendee are read from what was recorded; closing stores
 * the summary and the absentees (the sweeping list for home visits).
 *
 * Steps (the Posyandu "5 langkah" after registration, ilp-domain.md §4.1):
 * - measured: a measurement was recorded (weighing, length, LiLA, BP, …);
 * - recorded: something was recorded and none of the person's items that a
 *   Posyandu gives (protocol `where` includes posyandu) is still due or
 *   overdue on the session date — the record of the day is complete;
 * - served: an immunization, a service or a screening was recorded;
 * - counselled: a note (counselling, KIE) was recorded;
 * - referred: a referral was made from the session visit, or from the
 *   Posyandu to someone who attended, on the session date.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { CONCEPTS } from '../../../core/codes/concepts';
import { recognise } from '../../../core/codes/registry';
import type { Locale } from '../../../core/i18n/messages';
import { catalogue } from '../../../core/protocol/catalogue';
import type { StageId } from '../../../core/protocol/types';
import type { IsoDate } from '../../../core/time/dates';
import { inScope, narrowTo, scopeCondition } from '../../access/scope';
import type { AuthContext } from '../../auth/session';
import { writeAudit } from '../../audit/audit';
import type { Db } from '../../db/client';
import { facility, fieldSession, person, visit } from '../../db/schema';
import { rows, type DbOrTx } from '../../db/sql';
import { errors } from '../../http/errors';
import type { FastifyRequest } from 'fastify';
import { rtRwOf } from '../../../core/areas/codes';
import { ageLabel, type DueItem, type DuePerson, type DuePersonSummary } from '../due/due.repo';
import { facilityAreas, listPlace } from '../due/due.scope';
import { freshDueList } from '../due/due.service';

export interface Steps {
  measured: boolean;
  recorded: boolean;
  served: boolean;
  counselled: boolean;
  referred: boolean;
}

export interface SessionView {
  id: string;
  kind: string;
  facilityId: string | null;
  facilityName: string | null;
  areaCode: string;
  date: IsoDate;
  openedAt: string;
  openedBy: string | null;
  closedAt: string | null;
  summary: SessionSummary | null;
  notes: string | null;
}

export interface SessionSummary {
  attended: number;
  measured: number;
  served: number;
  referred: number;
  dueButAbsent: number;
  byStage: Partial<Record<StageId, { expected: number; attended: number; dueButAbsent: number }>>;
}

/** What is stored on the session: the summary and who was due but absent (with their items). */
interface StoredSummary extends SessionSummary {
  absentees: Array<{ personId: string; items: Array<{ key: string; item: string; status: string }> }>;
}

const POSYANDU_ITEMS = new Set(catalogue().filter((i) => i.where.includes('posyandu')).map((i) => i.id));
const DUE_NOW = ['due', 'overdue'] as const;
/** A Posyandu's due people fit in one page of this size; larger areas are read page by page. */
const PAGE = 500;

type SessionRow = typeof fieldSession.$inferSelect;

export function sessionView(s: SessionRow, facilityName: string | null): SessionView {
  const stored = s.summary as StoredSummary | null;
  let summary: SessionSummary | null = null;
  if (stored) {
    const { absentees: _a, ...rest } = stored;
    summary = rest;
  }
  return {
    id: s.id, kind: s.kind, facilityId: s.facilityId, facilityName, areaCode: s.areaCode, date: s.sessionDate, openedAt: s.openedAt.toISOString(),
    openedBy: s.openedBy, closedAt: s.closedAt ? s.closedAt.toISOString() : null, summary, notes: s.notes,
  };
}

/** Every due person of some areas (or some people) on a day, all pages. */
export async function allDue(db: Db, codes: string[], on: IsoDate, today: IsoDate, locale: Locale, personIds?: string[]): Promise<DuePerson[]> {
  const out: DuePerson[] = [];
  for (let page = 1; ; page++) {
    const r = await freshDueList(db, { codes, on, today, statuses: DUE_NOW, page, pageSize: PAGE, ...(personIds ? { personIds } : {}) }, locale);
    out.push(...r.people);
    if (out.length >= r.total || r.people.length === 0) return out;
  }
}

export async function loadSession(db: DbOrTx, auth: AuthContext, locale: Locale, id: string): Promise<{ s: SessionRow; facilityName: string | null; codes: string[] }> {
  const [s] = await db.select().from(fieldSession).where(and(eq(fieldSession.id, id), eq(fieldSession.kind, 'posyandu')));
  if (!s) throw errors.notFound(locale);
  const found = s.facilityId ? await facilityAreas(db, s.facilityId) : null;
  // The part of the Posyandu's area the user may see; none of it → refused.
  const codes = [...new Set((found?.codes ?? [s.areaCode]).flatMap((c) => narrowTo(auth.scope, c)))];
  if (!codes.length) throw errors.forbidden(locale, { action: 'denied', entityType: 'posyandu_session', entityId: id, areaCode: s.areaCode });
  return { s, facilityName: found?.f?.name ?? null, codes };
}

export async function openSession(db: Db, auth: AuthContext, locale: Locale, req: FastifyRequest, input: { facilityId: string; date: IsoDate }): Promise<{ created: boolean; session: SessionView }> {
  const place = await listPlace(db, auth, locale, { facility: input.facilityId });
  if (place.facility!.type !== 'posyandu') throw errors.validation([{ code: 'facility_not_posyandu', field: 'facilityId' }], locale);
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(fieldSession).values({
      id: randomUUID(), kabCode: place.facility!.kabCode, kind: 'posyandu', facilityId: input.facilityId, areaCode: place.facility!.areaCode,
      sessionDate: input.date, openedBy: auth.user.id,
    }).onConflictDoNothing().returning();
    const [s] = inserted.length ? inserted : await tx.select().from(fieldSession)
      .where(and(eq(fieldSession.facilityId, input.facilityId), eq(fieldSession.sessionDate, input.date), eq(fieldSession.kind, 'posyandu')));
    if (inserted.length) await writeAudit(tx, req, { action: 'create', entityType: 'posyandu_session', entityId: s!.id, areaCode: s!.areaCode, details: { facilityId: input.facilityId, date: input.date } });
    return { created: inserted.length > 0, session: sessionView(s!, place.facility!.name) };
  });
}

interface Attendance {
  person: DuePersonSummary;
  visitId: string;
  steps: Steps;
  stages: StageId[];
  items: DueItem[];
}

/** Steps of the attendees of a session, from the events of their session visits and their referrals. */
async function stepsOf(db: DbOrTx, s: SessionRow, due: Map<string, DueItem[]>, timeZone: string): Promise<Map<string, { visitId: string; steps: Steps }>> {
  const r = await rows<{ person_id: string; visit_id: string; recorded_at: Date | string; kind: string | null; code_system: string | null; code: string | null }>(db, sql`
    select v.person_id, v.id as visit_id, v.recorded_at, e.kind, e.code_system, e.code
    from visit v left join event e on e.visit_id = v.id where v.session_id = ${s.id} order by v.recorded_at, v.id`);
  const out = new Map<string, { visitId: string; steps: Steps; any: boolean }>();
  for (const x of r) {
    let a = out.get(x.person_id);
    if (!a) out.set(x.person_id, (a = { visitId: x.visit_id, any: false, steps: { measured: false, recorded: false, served: false, counselled: false, referred: false } }));
    if (!x.kind || !x.code) continue;
    a.any = true;
    const concept = recognise(x.code_system, x.code)?.concept;
    if (x.kind === 'measurement') a.steps.measured = true;
    else if (x.kind === 'note' || concept === 'note') a.steps.counselled = true;
    else if (['immunization', 'service', 'screening'].includes(x.kind) && (!concept || CONCEPTS[concept].kind !== 'condition')) a.steps.served = true;
  }
  if (out.size) {
    const attendees = [...out.keys()];
    const refs = await rows<{ person_id: string }>(db, sql`
      select distinct person_id from referral
      where visit_id in (select id from visit where session_id = ${s.id})
         or (from_facility_id = ${s.facilityId} and person_id in (${sql.join(attendees.map((id) => sql`${id}::uuid`), sql`, `)})
             and (created_at at time zone ${timeZone})::date = ${s.sessionDate}::date)`);
    for (const x of refs) out.get(x.person_id)!.steps.referred = true;
  }
  for (const [personId, a] of out) {
    const left = (due.get(personId) ?? []).filter((i) => POSYANDU_ITEMS.has(i.item));
    a.steps.recorded = a.any && left.length === 0;
  }
  return out;
}

export async function sessionDetail(db: Db, auth: AuthContext, locale: Locale, id: string, today: IsoDate, timeZone: string) {
  const { s, facilityName, codes } = await loadSession(db, auth, locale, id);
  const expected = await allDue(db, codes, s.sessionDate, today, locale);
  const attendedIds = (await db.selectDistinct({ id: visit.personId }).from(visit).where(eq(visit.sessionId, s.id))).map((r) => r.id);
  const attendedDue = attendedIds.length ? await allDue(db, auth.scope.codes, s.sessionDate, today, locale, attendedIds) : [];
  const dueMap = new Map(attendedDue.map((d) => [d.person.id, d.items]));
  const steps = await stepsOf(db, s, dueMap, timeZone);
  const attended = await attendanceRows(db, auth, s, attendedIds, attendedDue, steps, locale, today);
  const [f] = s.facilityId ? await db.select({ id: facility.id, name: facility.name, type: facility.type, areaCode: facility.areaCode }).from(facility).where(eq(facility.id, s.facilityId)) : [];
  return { session: sessionView(s, facilityName), facility: f ?? null, expected, attended };
}

async function attendanceRows(db: Db, auth: AuthContext, s: SessionRow, ids: string[], due: DuePerson[], steps: Map<string, { visitId: string; steps: Steps }>, locale: Locale, today: IsoDate): Promise<Attendance[]> {
  const byId = new Map(due.map((d) => [d.person.id, d]));
  // Attendees with nothing due still need their summary: read them as a due list with every status.
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) {
    const r = await freshDueList(db, { codes: auth.scope.codes, on: s.sessionDate, today, statuses: ['due', 'overdue', 'missed', 'upcoming'], page: 1, pageSize: PAGE, personIds: missing }, locale);
    for (const d of r.people) byId.set(d.person.id, { ...d, items: [] });
    for (const id of missing.filter((m) => !byId.has(m))) {
      const p = await summaryOf(db, auth, id, s.sessionDate, locale);
      if (p) byId.set(id, p);
    }
  }
  return ids.filter((id) => byId.has(id)).map((id) => {
    const d = byId.get(id)!;
    const st = steps.get(id)!;
    return { person: d.person, visitId: st.visitId, steps: st.steps, stages: d.stages, items: d.items };
  }).sort((a, b) => a.person.name.localeCompare(b.person.name));
}

/** A person's list header when they have no stored item at all (e.g. outside any stage with items). */
async function summaryOf(db: DbOrTx, auth: AuthContext, id: string, on: IsoDate, locale: Locale): Promise<DuePerson | null> {
  const [p] = await rows<{ id: string; nik: string | null; name: string; sex: 'M' | 'F'; birth_date: string; status: string; status_date: string | null; household_id: string | null; relationship: string | null; mother_id: string | null; area_code: string; village_code: string; village_name: string | null; head_name: string | null }>(db, sql`
    select p.id, p.nik, p.name, p.sex, p.birth_date, p.status, p.status_date, p.household_id, p.relationship, p.mother_id, p.area_code, p.village_code,
           v.name as village_name, hp.name as head_name
    from person p left join household h on h.id = p.household_id left join person hp on hp.id = h.head_person_id left join area v on v.code = p.village_code
    where p.id = ${id}`);
  if (!p || !inScope(auth.scope, p.area_code)) return null;
  const rr = rtRwOf(p.area_code);
  return {
    person: { id: p.id, nik: p.nik, name: p.name, sex: p.sex, birthDate: p.birth_date, status: p.status, statusDate: p.status_date, householdId: p.household_id, relationship: p.relationship, motherId: p.mother_id, areaCode: p.area_code, villageCode: p.village_code, villageName: p.village_name, ageLabel: ageLabel(p.birth_date, on, locale), headName: p.head_name, rt: rr.rt, rw: rr.rw },
    stages: [],
    items: [],
  };
}

export async function attend(db: Db, auth: AuthContext, locale: Locale, req: FastifyRequest, id: string, personId: string, today: IsoDate, timeZone: string): Promise<Attendance> {
  const { s } = await loadSession(db, auth, locale, id);
  if (s.closedAt) throw errors.conflict({ code: 'session_closed', field: 'id' }, locale);
  if (s.sessionDate > today) throw errors.validation([{ code: 'date_in_future', field: 'date' }], locale);
  await db.transaction(async (tx) => {
    const [p] = await tx.select().from(person).where(eq(person.id, personId)).for('update');
    if (!p) throw errors.notFound(locale);
    if (!inScope(auth.scope, p.areaCode)) throw errors.forbidden(locale, { action: 'denied', entityType: 'person', entityId: personId, personId, areaCode: p.areaCode });
    if (p.status !== 'alive') throw errors.validation([{ code: 'person_not_alive', field: 'personId' }], locale);
    const [existing] = await tx.select({ id: visit.id }).from(visit).where(and(eq(visit.sessionId, s.id), eq(visit.personId, personId))).limit(1);
    if (existing) return;
    const visitId = randomUUID();
    await tx.insert(visit).values({
      id: visitId, kabCode: p.kabCode, personId, sessionId: s.id, facilityId: s.facilityId, placeKind: 'posyandu', occurredOn: s.sessionDate,
      domicileAreaCode: p.areaCode, recordedBy: auth.user.id,
    });
    await writeAudit(tx, req, { action: 'create', entityType: 'visit', entityId: visitId, personId, areaCode: p.areaCode, details: { attend: s.id } });
  });
  const due = await allDue(db, auth.scope.codes, s.sessionDate, today, locale, [personId]);
  const steps = await stepsOf(db, s, new Map(due.map((d) => [d.person.id, d.items])), timeZone);
  const [row] = await attendanceRows(db, auth, s, [personId], due, steps, locale, today);
  return row!;
}

export async function closeSession(db: Db, auth: AuthContext, locale: Locale, req: FastifyRequest, id: string, today: IsoDate, timeZone: string) {
  const detail = await sessionDetail(db, auth, locale, id, today, timeZone);
  const attendedIds = new Set(detail.attended.map((a) => a.person.id));
  const absent = detail.expected.filter((e) => !attendedIds.has(e.person.id));
  const byStage: SessionSummary['byStage'] = {};
  const bump = (stages: StageId[], k: 'expected' | 'attended' | 'dueButAbsent') => {
    for (const st of new Set(stages)) (byStage[st] ??= { expected: 0, attended: 0, dueButAbsent: 0 })[k]++;
  };
  for (const e of detail.expected) bump(e.stages, 'expected');
  for (const a of detail.attended) bump(a.stages, 'attended');
  for (const a of absent) bump(a.stages, 'dueButAbsent');
  const summary: StoredSummary = {
    attended: detail.attended.length,
    measured: detail.attended.filter((a) => a.steps.measured).length,
    served: detail.attended.filter((a) => a.steps.served).length,
    referred: detail.attended.filter((a) => a.steps.referred).length,
    dueButAbsent: absent.length,
    byStage,
    absentees: absent.map((a) => ({ personId: a.person.id, items: a.items.map((i) => ({ key: i.key, item: i.item, status: i.status })) })),
  };
  const updated = await db.transaction(async (tx) => {
    const [u] = await tx.update(fieldSession).set({ summary, closedAt: sql`coalesce(${fieldSession.closedAt}, now())`, closedBy: auth.user.id })
      .where(eq(fieldSession.id, id)).returning();
    await writeAudit(tx, req, { action: 'update', entityType: 'posyandu_session', entityId: id, areaCode: u!.areaCode, details: { closed: true, attended: summary.attended, dueButAbsent: summary.dueButAbsent } });
    return u!;
  });
  const { absentees: _x, ...plain } = summary;
  return { session: sessionView(updated, detail.session.facilityName), summary: plain, absentees: absent.map((a) => ({ person: a.person, items: a.items })) };
}

export async function listSessions(db: DbOrTx, auth: AuthContext, q: { facility?: string; from?: IsoDate; to?: IsoDate }) {
  const conds: SQL[] = [eq(fieldSession.kind, 'posyandu'), scopeCondition(auth.scope, fieldSession.areaCode)];
  if (q.facility) conds.push(eq(fieldSession.facilityId, q.facility));
  if (q.from) conds.push(gte(fieldSession.sessionDate, q.from));
  if (q.to) conds.push(lte(fieldSession.sessionDate, q.to));
  const r = await db.select({ s: fieldSession, facilityName: facility.name }).from(fieldSession).leftJoin(facility, eq(facility.id, fieldSession.facilityId))
    .where(and(...conds)).orderBy(sql`${fieldSession.sessionDate} desc`, fieldSession.id).limit(500);
  return r.map((x) => sessionView(x.s, x.facilityName));
}
