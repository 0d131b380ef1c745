/**
 * Home visits (kunjungan rumah; docs/fieldwork-api.md "Home visits"): the
 * route of households to visit, most urgent first, and the home-visit
 * sessions visits are recorded in.
 *
 * Reasons, from stored state only (fast, and the same as the due lists):
 * - danger_sign: a current danger sign (core/records/danger-signs.ts);
 * - referral_open: a referral not yet handled (sent or received);
 * - missed: an item whose window closed within MISSED_LOOKBACK_DAYS;
 * - overdue: an item late but still in its window;
 * - absent_posyandu: due but absent at the last closed Posyandu day of the
 *   area, and still due.
 * Urgency: 1 danger signs and open referrals, 2 missed, 3 overdue, 4 absent.
 * Order (routeOrder): urgency 1 first; then the late services (missed or
 * overdue) of mothers and newborns, then of infants and young children, then
 * of everyone else, missed before overdue within each; absentees last. Within
 * that, the longest waiting first. SIKLUS choice: the ILP sasaran prioritas,
 * whose windows are days or weeks, before an adult's yearly screening
 * however long it is late.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../../core/i18n/messages';
import { DANGER_SIGNS, type DangerSignCode } from '../../../core/records/danger-signs';
import type { StageId } from '../../../core/protocol/types';
import { addDays, type IsoDate } from '../../../core/time/dates';
import { inScope, scopeCondition } from '../../access/scope';
import type { AuthContext } from '../../auth/session';
import { writeAudit } from '../../audit/audit';
import type { Db } from '../../db/client';
import { appUser, fieldSession, household } from '../../db/schema';
import { rows, type DbOrTx } from '../../db/sql';
import { errors } from '../../http/errors';
import { areasSql, dueList, type DueItem, type DuePersonSummary } from '../due/due.repo';
import { listPlace } from '../due/due.scope';
import { settingsLookup } from '../due/due.service';
import { statusSql } from '../due/status-sql';
import { householdSummaries, type HouseholdSummary } from '../households/households.repo';
import { eventLabel } from '../records/records.repo';
import { ensureFresh } from '../records/schedule-store';
import { itemLabel } from '../records/schedule-view';
import { OPEN_STATUSES } from '../referrals/referral-rules';

/** Missed items count as a reason this long after their window closed (SIKLUS choice: one quarter). */
export const MISSED_LOOKBACK_DAYS = 90;

export type ReasonKind = 'danger_sign' | 'referral_open' | 'missed' | 'overdue' | 'absent_posyandu';
const URGENCY: Record<ReasonKind, 1 | 2 | 3 | 4> = { danger_sign: 1, referral_open: 1, missed: 2, overdue: 3, absent_posyandu: 4 };

/** Priority of a person within an urgency by their life-cycle stages on the day: 1 mother or newborn, 2 infant or young child, 3 others. */
const MOTHER_NEWBORN: ReadonlySet<StageId> = new Set(['hamil', 'bersalin', 'nifas', 'neonatus']);
const YOUNG_CHILD: ReadonlySet<StageId> = new Set(['bayi', 'baduta', 'balita']);
/** A stop's place in the route before the waiting time: [group, priority, urgency] (see the header). */
export function routeOrder(s: { urgency: 1 | 2 | 3 | 4; priority: 1 | 2 | 3 }): [number, number, number] {
  const group = s.urgency === 1 ? 0 : s.urgency === 4 ? 2 : 1;
  return [group, group === 1 ? s.priority : 0, s.urgency];
}
const compareKeys = (a: readonly number[], b: readonly number[]) => a.reduce((d, x, i) => d || x - b[i]!, 0);

export function personPriority(stages: readonly StageId[]): 1 | 2 | 3 {
  if (stages.some((s) => MOTHER_NEWBORN.has(s))) return 1;
  if (stages.some((s) => YOUNG_CHILD.has(s))) return 2;
  return 3;
}

export interface Reason {
  kind: ReasonKind;
  personId: string;
  label: string;
  since: IsoDate | null;
}

export interface RouteStop {
  household: HouseholdSummary;
  reasons: Reason[];
  urgency: 1 | 2 | 3 | 4;
  /** Within the urgency: 1 a mother or newborn, 2 an infant or young child, 3 others (among the people with a reason of that urgency). */
  priority: 1 | 2 | 3;
  members: Array<{ person: DuePersonSummary; items: DueItem[] }>;
}


export async function homeVisitRoute(db: Db, auth: AuthContext, locale: Locale, q: { facility?: string; area?: string; on: IsoDate; today: IsoDate; limit: number; timeZone: string }): Promise<{ codes: string[]; households: RouteStop[] }> {
  const place = await listPlace(db, auth, locale, q);
  const where = areasSql(place.codes, sql`p.area_code`);
  await ensureFresh(db, where, q.on, q.today);
  const settingsOf = await settingsLookup(db, place.codes);
  const reasons: Reason[] = [];

  const flags = await rows<{ person_id: string; code: string; since: string; kab_code: string }>(db, sql`
    select p.id as person_id, f->>'code' as code, f->>'since' as since, p.kab_code
    from person p join person_schedule_state s on s.person_id = p.id cross join jsonb_array_elements(s.flags) f
    where p.status = 'alive' and ${where} and f->>'since' <= ${q.on} and f->>'until' >= ${q.on}`);
  for (const f of flags) {
    const text = DANGER_SIGNS[f.code as DangerSignCode];
    if (text) reasons.push({ kind: 'danger_sign', personId: f.person_id, label: text[locale], since: f.since });
  }

  const refs = await rows<{ person_id: string; reason: string; sent: string }>(db, sql`
    select r.person_id, r.reason, to_char(r.created_at at time zone ${q.timeZone}, 'YYYY-MM-DD') as sent from referral r join person p on p.id = r.person_id
    where p.status = 'alive' and ${where} and r.status in (${sql.join(OPEN_STATUSES.map((s) => sql`${s}`), sql`, `)})`);
  for (const r of refs) reasons.push({ kind: 'referral_open', personId: r.person_id, label: r.reason, since: r.sent });

  const late = await rows<{ person_id: string; item: string; period: string | null; kab_code: string; latest: string; due: string; missed: boolean }>(db, sql`
    select i.person_id, i.item, i.period, p.kab_code, i.latest, i.due, ${statusSql(['missed'], q.on)} as missed
    from person p join person_schedule_item i on i.person_id = p.id
    where p.status = 'alive' and ${where} and (
      ${statusSql(['overdue'], q.on)} or (${statusSql(['missed'], q.on)} and i.latest >= ${addDays(q.on, -MISSED_LOOKBACK_DAYS)}::date))`);
  for (const l of late) {
    reasons.push({
      kind: l.missed ? 'missed' : 'overdue', personId: l.person_id, label: itemLabel(settingsOf(l.kab_code), l.item, locale, l.period),
      since: l.missed ? addDays(l.latest, 1) : addDays(l.due, 1),
    });
  }

  // The last closed Posyandu day of the area: who was due but did not come, and is still due.
  // The label names the Posyandu; the page shows the day from `since` in the user's date format.
  const absent = await rows<{ person_id: string; session_date: string; posyandu: string }>(db, sql`
    with last as (
      select distinct on (fs.facility_id) fs.facility_id, fs.session_date, fs.summary from field_session fs
      where fs.kind = 'posyandu' and fs.closed_at is not null and fs.session_date <= ${q.on}::date and ${areasSql(place.codes, sql`fs.area_code`)}
      order by fs.facility_id, fs.session_date desc)
    select distinct a->>'personId' as person_id, to_char(last.session_date, 'YYYY-MM-DD') as session_date, f.name as posyandu
    from last join facility f on f.id = last.facility_id cross join jsonb_array_elements(coalesce(last.summary->'absentees', '[]'::jsonb)) a
    where exists (select 1 from person p join person_schedule_item i on i.person_id = p.id
                  where p.id = (a->>'personId')::uuid and p.status = 'alive' and ${where} and ${statusSql(['due', 'overdue'], q.on)})`);
  for (const a of absent) reasons.push({ kind: 'absent_posyandu', personId: a.person_id, label: a.posyandu, since: a.session_date });

  if (!reasons.length) return { codes: place.codes, households: [] };
  const personIds = [...new Set(reasons.map((r) => r.personId))];
  const members = await dueList(db, {
    where: sql`(${where} and p.id in (${sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `)}))`, on: q.on, statuses: ['due', 'overdue', 'missed'],
  }, { page: 1, pageSize: personIds.length }, locale, settingsOf);
  const memberById = new Map(members.people.map((m) => [m.person.id, m]));
  const hhOf = new Map((await rows<{ id: string; household_id: string | null }>(db, sql`
    select id, household_id from person where id in (${sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `)})`)).map((r) => [r.id, r.household_id]));

  const byHousehold = new Map<string, Reason[]>();
  for (const r of reasons) {
    const h = hhOf.get(r.personId);
    if (!h) continue; // people without a household have no door to knock on here
    const list = byHousehold.get(h);
    if (list) list.push(r);
    else byHousehold.set(h, [r]);
  }
  const summaries = new Map((await householdSummaries(db, sql`h.id in (${sql.join([...byHousehold.keys()].map((id) => sql`${id}::uuid`), sql`, `)})`)).map((h) => [h.id, h]));
  const stops: RouteStop[] = [];
  for (const [h, rs] of byHousehold) {
    const hh = summaries.get(h);
    if (!hh) continue;
    rs.sort((a, b) => URGENCY[a.kind] - URGENCY[b.kind] || (a.since ?? '').localeCompare(b.since ?? ''));
    const ids = [...new Set(rs.map((r) => r.personId))];
    const urgency = Math.min(...rs.map((r) => URGENCY[r.kind])) as 1 | 2 | 3 | 4;
    stops.push({
      household: hh,
      reasons: rs,
      urgency,
      priority: Math.min(...rs.filter((r) => URGENCY[r.kind] === urgency).map((r) => personPriority(memberById.get(r.personId)?.stages ?? []))) as 1 | 2 | 3,
      members: ids.flatMap((id) => {
        const m = memberById.get(id);
        return m ? [{ person: m.person, items: m.items }] : [];
      }),
    });
  }
  const oldest = (s: RouteStop) => s.reasons.filter((r) => URGENCY[r.kind] === s.urgency).map((r) => r.since ?? '9999').sort()[0] ?? '9999';
  stops.sort((a, b) => compareKeys(routeOrder(a), routeOrder(b)) || oldest(a).localeCompare(oldest(b))
    || a.household.areaCode.localeCompare(b.household.areaCode) || a.household.id.localeCompare(b.household.id));
  return { codes: place.codes, households: stops.slice(0, q.limit) };
}

export interface HomeVisitView {
  id: string;
  householdId: string;
  date: IsoDate;
  notes: string | null;
  facilityId: string | null;
  openedBy: string | null;
  openedByName: string | null;
  visits: Array<{ id: string; personId: string; personName: string; events: Array<{ id: string; code: string; label: string }> }>;
}

async function views(db: DbOrTx, where: SQL, locale: Locale): Promise<HomeVisitView[]> {
  const sessions = await db.select({ s: fieldSession, by: appUser.displayName }).from(fieldSession).leftJoin(appUser, eq(appUser.id, fieldSession.openedBy))
    .where(and(eq(fieldSession.kind, 'home_visit'), where)).orderBy(sql`${fieldSession.sessionDate} desc`, sql`${fieldSession.openedAt} desc`).limit(200);
  if (!sessions.length) return [];
  const visits = await rows<{ session_id: string; visit_id: string; person_id: string; person_name: string; event_id: string | null; code_system: string | null; code: string | null; value: unknown }>(db, sql`
    select v.session_id, v.id as visit_id, v.person_id, p.name as person_name, e.id as event_id, e.code_system, e.code, e.value
    from visit v join person p on p.id = v.person_id left join event e on e.visit_id = v.id
    where v.session_id in (${sql.join(sessions.map((x) => sql`${x.s.id}::uuid`), sql`, `)}) order by v.recorded_at, v.id, e.recorded_at`);
  return sessions.map(({ s, by }) => {
    const mine = new Map<string, HomeVisitView['visits'][number]>();
    for (const v of visits.filter((x) => x.session_id === s.id)) {
      let m = mine.get(v.visit_id);
      if (!m) mine.set(v.visit_id, (m = { id: v.visit_id, personId: v.person_id, personName: v.person_name, events: [] }));
      if (v.event_id && v.code) m.events.push({ id: v.event_id, code: v.code, label: eventLabel(v.code_system, v.code, v.value, locale) });
    }
    return { id: s.id, householdId: s.householdId!, date: s.sessionDate, notes: s.notes, facilityId: s.facilityId, openedBy: s.openedBy, openedByName: by, visits: [...mine.values()] };
  });
}

export async function createHomeVisit(db: Db, auth: AuthContext, locale: Locale, req: FastifyRequest, input: { id: string; householdId: string; date: IsoDate; notes?: string | null }, today: IsoDate): Promise<{ created: boolean; visit: HomeVisitView }> {
  const [h] = await db.select().from(household).where(eq(household.id, input.householdId));
  if (!h) throw errors.notFound(locale);
  if (!inScope(auth.scope, h.areaCode)) throw errors.forbidden(locale, { action: 'denied', entityType: 'household', entityId: h.id, areaCode: h.areaCode });
  if (input.date > today) throw errors.validation([{ code: 'date_in_future', field: 'date' }], locale);
  const created = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(fieldSession).where(eq(fieldSession.id, input.id));
    if (existing) {
      if (existing.kind !== 'home_visit' || existing.householdId !== h.id || existing.sessionDate !== input.date) throw errors.conflict({ code: 'session_conflict', field: 'id' }, locale);
      return false;
    }
    await tx.insert(fieldSession).values({
      id: input.id, kabCode: h.kabCode, kind: 'home_visit', householdId: h.id, facilityId: auth.user.facilityId, areaCode: h.areaCode,
      sessionDate: input.date, openedBy: auth.user.id, notes: input.notes ?? null,
    });
    await writeAudit(tx, req, { action: 'create', entityType: 'home_visit', entityId: input.id, areaCode: h.areaCode, details: { householdId: h.id, date: input.date } });
    return true;
  });
  const [v] = await views(db, eq(fieldSession.id, input.id), locale);
  return { created, visit: v! };
}

export async function listHomeVisits(db: Db, auth: AuthContext, locale: Locale, q: { household?: string; facility?: string }): Promise<HomeVisitView[]> {
  const conds: SQL[] = [scopeCondition(auth.scope, fieldSession.areaCode)];
  if (q.household) conds.push(eq(fieldSession.householdId, q.household));
  if (q.facility) {
    const place = await listPlace(db, auth, locale, { facility: q.facility });
    conds.push(areasSql(place.codes, sql`${fieldSession.areaCode}`));
  }
  return views(db, and(...conds)!, locale);
}
