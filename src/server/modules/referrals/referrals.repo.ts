/**
 * Referral queries: lists (inbox/outbox), one referral with its steps, the
 * person's referrals (for the record), home-page counters and the access a
 * referral gives to the receiving facility.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FacilityType } from '../../../core/facilities/types';
import { addDays, todayIn, toDayNumber, type IsoDate } from '../../../core/time/dates';
import { scopeCondition, type Scope } from '../../access/scope';
import { appUser, area, facility, person, referral, referralStep } from '../../db/schema';
import { one, type DbOrTx } from '../../db/sql';
import { isOverdue, OPEN_STATUSES, type ReferralSettings, type ReferralStatus, type Urgency } from './referral-rules';

export interface FacilityRef {
  id: string;
  name: string;
  type: FacilityType;
  areaCode: string;
}

export interface ReferralStepView {
  id: number;
  step: string;
  at: string;
  /** Whole days from sending to this step (in the installation's time zone). */
  daysSinceSent: number;
  facilityId: string | null;
  by: string | null;
  byName: string | null;
  note: string | null;
  data: unknown;
}

export interface ReferralView {
  id: string;
  person: { id: string; name: string; nik: string | null; sex: string; birthDate: string; areaCode: string; villageCode: string; villageName: string | null };
  from: FacilityRef;
  to: FacilityRef;
  reason: string;
  urgency: Urgency;
  findings: unknown;
  status: ReferralStatus;
  sentOn: IsoDate;
  dueBy: IsoDate;
  overdue: boolean;
  /** Days since sending, to today while open, to the closing step once closed. */
  ageDays: number;
  outcome: string | null;
  backInstructions: string | null;
  visitId: string | null;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  version: number;
  steps: ReferralStepView[];
}

const fromF = alias(facility, 'from_facility');
const toF = alias(facility, 'to_facility');
const creator = alias(appUser, 'creator');
const village = alias(area, 'person_village');

function baseSelect(db: DbOrTx) {
  return db
    .select({
      r: referral,
      p: { id: person.id, name: person.name, nik: person.nik, sex: person.sex, birthDate: person.birthDate, areaCode: person.areaCode, villageCode: person.villageCode, villageName: village.name },
      from: { id: fromF.id, name: fromF.name, type: fromF.type, areaCode: fromF.areaCode },
      to: { id: toF.id, name: toF.name, type: toF.type, areaCode: toF.areaCode },
      creatorName: creator.displayName,
    })
    .from(referral)
    .innerJoin(person, eq(person.id, referral.personId))
    .leftJoin(village, eq(village.code, person.villageCode))
    .innerJoin(fromF, eq(fromF.id, referral.fromFacilityId))
    .innerJoin(toF, eq(toF.id, referral.toFacilityId))
    .leftJoin(creator, eq(creator.id, referral.createdBy));
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseSelect>['where']>>[number];

const dateIn = (at: Date | string, tz: string) => todayIn(tz, typeof at === 'string' ? new Date(at) : at);
const iso = (at: Date | string) => (typeof at === 'string' ? new Date(at) : at).toISOString();

async function stepsOf(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, (typeof referralStep.$inferSelect & { byName: string | null })[]>();
  const rows = await db
    .select({ s: referralStep, byName: appUser.displayName })
    .from(referralStep)
    .leftJoin(appUser, eq(appUser.id, referralStep.by))
    .where(inArray(referralStep.referralId, ids))
    .orderBy(asc(referralStep.at), asc(referralStep.id));
  const out = new Map<string, (typeof referralStep.$inferSelect & { byName: string | null })[]>();
  for (const { s, byName } of rows) {
    const list = out.get(s.referralId) ?? [];
    list.push({ ...s, byName });
    out.set(s.referralId, list);
  }
  return out;
}

function toView(row: BaseRow, steps: (typeof referralStep.$inferSelect & { byName: string | null })[], today: IsoDate, tz: string): ReferralView {
  const r = row.r;
  const sentOn = dateIn(r.createdAt, tz);
  const sentDay = toDayNumber(sentOn);
  const closing = steps.find((s) => s.step === 'back_referred' || s.step === 'cancelled');
  const endDay = closing ? toDayNumber(dateIn(closing.at, tz)) : toDayNumber(today);
  return {
    id: r.id,
    person: { ...row.p },
    from: { ...row.from, type: row.from.type as FacilityType },
    to: { ...row.to, type: row.to.type as FacilityType },
    reason: r.reason,
    urgency: r.urgency as Urgency,
    findings: r.findings ?? null,
    status: r.status as ReferralStatus,
    sentOn,
    dueBy: r.dueBy,
    overdue: isOverdue(r, today),
    ageDays: Math.max(0, endDay - sentDay),
    outcome: r.outcome,
    backInstructions: r.backInstructions,
    visitId: r.visitId,
    createdAt: iso(r.createdAt),
    createdBy: r.createdBy ? { id: r.createdBy, name: row.creatorName ?? '' } : null,
    version: r.version,
    steps: steps.map((s) => ({
      id: s.id,
      step: s.step,
      at: iso(s.at),
      daysSinceSent: toDayNumber(dateIn(s.at, tz)) - sentDay,
      facilityId: s.facilityId,
      by: s.by,
      byName: s.byName,
      note: s.note,
      data: s.data ?? null,
    })),
  };
}

async function views(db: DbOrTx, rows: BaseRow[], today: IsoDate, tz: string): Promise<ReferralView[]> {
  const steps = await stepsOf(db, rows.map((r) => r.r.id));
  return rows.map((r) => toView(r, steps.get(r.r.id) ?? [], today, tz));
}

export async function getReferral(db: DbOrTx, id: string, today: IsoDate, tz: string): Promise<ReferralView | undefined> {
  const rows = await baseSelect(db).where(eq(referral.id, id));
  return (await views(db, rows, today, tz))[0];
}

/** A person's referrals, newest first, with their steps. */
export async function referralsOfPerson(db: DbOrTx, personId: string, today: IsoDate, tz: string): Promise<ReferralView[]> {
  const rows = await baseSelect(db).where(eq(referral.personId, personId)).orderBy(desc(referral.createdAt));
  return views(db, rows, today, tz);
}

export type Box = 'inbox' | 'outbox';

/** Which facilities a list covers: named ones, or every facility standing in a scope. */
export type FacilitySet = { ids: string[] } | { scope: Scope };

function facilitySetCondition(box: Box, set: FacilitySet): SQL {
  const col = box === 'inbox' ? referral.toFacilityId : referral.fromFacilityId;
  const f = box === 'inbox' ? toF : fromF;
  if ('ids' in set) return set.ids.length ? inArray(col, set.ids) : sql`false`;
  return scopeCondition(set.scope, f.areaCode);
}

export interface ListFilter {
  box: Box;
  facilities: FacilitySet;
  statuses?: ReferralStatus[];
  overdueOnly?: boolean;
  personId?: string;
  page: number;
  pageSize: number;
}

export async function listReferrals(db: DbOrTx, f: ListFilter, today: IsoDate, tz: string): Promise<{ total: number; referrals: ReferralView[] }> {
  const conds: SQL[] = [facilitySetCondition(f.box, f.facilities)];
  if (f.statuses?.length) conds.push(inArray(referral.status, f.statuses));
  if (f.overdueOnly) conds.push(and(inArray(referral.status, [...OPEN_STATUSES]), sql`${referral.dueBy} < ${today}`)!);
  if (f.personId) conds.push(eq(referral.personId, f.personId));
  const where = and(...conds)!;
  const countRow = await one<{ n: number }>(db, sql`
    select count(*)::int as n from ${referral}
    join ${facility} as "from_facility" on ${fromF.id} = ${referral.fromFacilityId}
    join ${facility} as "to_facility" on ${toF.id} = ${referral.toFacilityId}
    where ${where}`);
  // Open ones first, the most urgent and oldest due date first; closed ones newest first.
  const rows = await baseSelect(db)
    .where(where)
    .orderBy(
      sql`case when ${referral.status} in ('sent','received') then 0 else 1 end`,
      sql`case when ${referral.status} in ('sent','received') then ${referral.dueBy} end asc nulls last`,
      sql`array_position(array['emergency','urgent','routine']::text[], ${referral.urgency})`,
      desc(referral.updatedAt),
    )
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { total: countRow?.n ?? 0, referrals: await views(db, rows, today, tz) };
}

export interface ReferralCounters {
  /** Open referrals received (sent or received, not yet handled). */
  inbox: number;
  overdueInbox: number;
  /** Open referrals sent that are past their due date. */
  overdueOutbox: number;
  /** Referrals sent whose back-referral came back (instructions for the sender). */
  backReferred: number;
}

/** Home-page counters for a facility user (their facility) or an area user (facilities in their scope). */
export async function referralCounters(db: DbOrTx, set: FacilitySet, today: IsoDate, backSince: IsoDate): Promise<ReferralCounters> {
  const open = sql`${referral.status} in ('sent','received')`;
  const r = await one<ReferralCounters>(db, sql`
    select
      count(*) filter (where ${facilitySetCondition('inbox', set)} and ${open})::int as "inbox",
      count(*) filter (where ${facilitySetCondition('inbox', set)} and ${open} and ${referral.dueBy} < ${today})::int as "overdueInbox",
      count(*) filter (where ${facilitySetCondition('outbox', set)} and ${open} and ${referral.dueBy} < ${today})::int as "overdueOutbox",
      count(*) filter (where ${facilitySetCondition('outbox', set)} and ${referral.status} = 'back_referred' and ${referral.updatedAt} >= ${backSince}::date)::int as "backReferred"
    from ${referral}
    join ${facility} as "from_facility" on ${fromF.id} = ${referral.fromFacilityId}
    join ${facility} as "to_facility" on ${toF.id} = ${referral.toFacilityId}
    where ${facilitySetCondition('inbox', set)} or ${facilitySetCondition('outbox', set)}`);
  return r ?? { inbox: 0, overdueInbox: 0, overdueOutbox: 0, backReferred: 0 };
}

/**
 * Access that follows a referral: the receiving facility may open the
 * referred person's record while the referral is open or handled, and for
 * `accessDaysAfterClose` days after the back-referral; a cancelled referral
 * gives none. Returns the referral that grants access (the most recent).
 */
export async function referralGrant(
  db: DbOrTx, facilityId: string | null, personId: string, today: IsoDate, settings: ReferralSettings,
): Promise<{ referralId: string } | null> {
  if (!facilityId) return null;
  const since = addDays(today, -settings.accessDaysAfterClose);
  const r = await one<{ id: string }>(db, sql`
    select ${referral.id} as id from ${referral}
    where ${referral.toFacilityId} = ${facilityId} and ${referral.personId} = ${personId}
      and (${referral.status} in ('sent','received','handled')
        or (${referral.status} = 'back_referred' and ${referral.updatedAt} >= ${since}::date))
    order by ${referral.createdAt} desc limit 1`);
  return r ? { referralId: r.id } : null;
}
