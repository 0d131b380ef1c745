/**
 * Recording a visit with its events (POST /api/visits), in one transaction:
 * the visit, its new events, the babies of a live birth, the derived
 * schedules of everyone touched, and the audit row. Idempotent by visit and
 * event UUID: what is already stored is answered as a duplicate and never
 * written twice; the same UUID with other content is a conflict.
 */
import { randomUUID } from 'node:crypto';
import { eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Issue } from '../../../core/i18n/issues';
import { message, type Locale } from '../../../core/i18n/messages';
import { normalizeName } from '../../../core/people/names';
import type { Relationship } from '../../../core/people/household';
import { deriveState, type DerivedState } from '../../../core/records/derive';
import { CANONICAL_UNIT } from '../../../core/records/units';
import type { ProtocolSettings } from '../../../core/protocol/settings';
import type { EventInput, NormalisedEvent, RecordEvent } from '../../../core/records/types';
import { checkEvent, deliveryPlaceKind } from '../../../core/records/validate';
import { checkVisit } from '../../../core/records/visit';
import { hasScorer } from '../../../core/records/screening';
import { LOINC } from '../../../core/codes/loinc';
import { SYSTEM } from '../../../core/codes/systems';
import { inScope } from '../../access/scope';
import { auditInsert, writeAudit } from '../../audit/audit';
import { appUser, event, facility, fieldSession, person, personResidence, setting, visit, type AcceptedWarning } from '../../db/schema';
import { rows } from '../../db/sql';
import { commitWith, sendWithNext } from '../../db/pipeline';
import { errors } from '../../http/errors';
import type { ServiceCtx } from '../people/people.service';
import { districtSettingsKeySql, settingsFromStored } from '../protocol/district-settings';
import { growthReferencesAt, growthVersionSql } from './growth-refs';
import { toRecordEvent, toRecordedEvent, type EventHistoryRow, type RecordedEvent, type ViewRow } from './records.repo';
import type { VisitBody } from './records.schemas';
import { derivedOneSql, refreshSchedule, storedItemsJson, type StoredItemTuple } from './schedule-store';
import type { IndicatorEvent, IndicatorVisit } from '../../../core/indicators/types';
import type { StoredIndicatorRow } from '../indicators/counters';
import {
  IndicatorChanges, liveYears, parseStoredIndicators, parseVisits, refreshIndicators, storedIndicatorsJson, visitsJson,
} from '../indicators/indicators.store';

export interface RecordResult {
  /** 201 when anything was written, 200 when everything was already stored. */
  status: 200 | 201;
  visitId: string;
  personId: string;
  results: Array<{ id: string; status: 'accepted' | 'duplicate' }>;
  warnings: AcceptedWarning[];
  babies: string[];
  /** The person's derived state after the write (null for a pure duplicate). */
  state: DerivedState | null;
  /** After a write, what the response shows, as the transaction wrote it: the visit row, the district settings, the person's events and the visit's events as the app shows them. */
  written: { visit: typeof visit.$inferSelect; settings: ProtocolSettings; events: RecordEvent[]; recorded: RecordedEvent[] } | null;
}

type Row = Record<string, unknown>;

/** JSON with sorted keys, for comparing stored and resent values. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().filter((k) => (v as Row)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stable((v as Row)[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** What the server adds to a stored value (scores, baby links) is not part of what the client sent. */
function comparable(e: { concept: string | null; value: unknown }): unknown {
  const v = (e.value ?? null) as Row | null;
  if (!v) return null;
  if (e.concept && hasScorer(e.concept as never)) return { answers: v.answers ?? null };
  if (Array.isArray(v.births)) return { ...v, births: (v.births as Row[]).map(({ personId: _p, ...b }) => b) };
  return v;
}

function sameEvent(n: NormalisedEvent, s: Row): boolean {
  const scored = n.concept !== null && hasScorer(n.concept);
  return n.kind === s.kind && n.system === s.code_system && n.code === s.code
    && (scored || (n.valueNum ?? null) === (s.value_num ?? null))
    && (n.unit ?? null) === (s.unit ?? null) && (n.supersedesId ?? null) === (s.supersedes_id ?? null)
    && stable(comparable(n)) === stable(comparable({ concept: n.concept, value: s.value }));
}

/** The baby's place in the KK, from the mother's. */
function babyRelationship(motherRel: string | null): Relationship {
  if (motherRel === 'kepala' || motherRel === 'istri' || motherRel === 'suami') return 'anak';
  if (motherRel === 'anak' || motherRel === 'menantu') return 'cucu';
  return 'famili_lain';
}

export async function recordVisit(ctx: ServiceCtx, input: VisitBody): Promise<RecordResult> {
  const { tx, locale, today } = ctx;
  const sessionId = input.sessionId ?? null;
  // One reading after the lock (the person is locked: no event of theirs can come between), sent in the lock's
  // round trip (pipeline.ts sendWithNext: it runs after the lock, in its own snapshot): the sent ids and the person's
  // history (with what the answer shows of this visit's stored events), the visit if it exists, the growth
  // references' version, the stored schedule items and the district settings. When the person turns out unknown or
  // out of scope, nothing of it is used.
  const ids = sql.join(input.events.map((e) => sql`${e.id}::uuid`), sql`, `);
  const personId = sql`${input.personId}::uuid`;
  const readAfterLock = sendWithNext<{
    events: HistoryRow[] | null; visit: Row | null; visits: IndicatorVisit[] | string | null; stored: StoredIndicatorRow[] | string | null; growth: number | string | null; settings: unknown;
    items: StoredItemTuple[] | null;
  }>(tx, sql`
    select
      (select json_agg(x order by x.occurred_on, x.id) from (
        select e.id, e.visit_id, e.person_id, e.kind, e.code_system, e.code, e.occurred_on, e.value_num, e.value, e.unit, e.place_kind, e.supersedes_id,
          e.id in (${ids}) as asked, e.facility_id, e.recorded_by, e.recorded_at, e.warnings,
          case when e.visit_id = ${input.id} then (select f.name from ${facility} f where f.id = e.facility_id) end as facility_name,
          case when e.visit_id = ${input.id} then (select u.display_name from ${appUser} u where u.id = e.recorded_by) end as recorded_by_name,
          case when e.visit_id = ${input.id} then (select x.id from ${event} x where x.supersedes_id = e.id limit 1) end as superseded_by
        from ${event} e where e.person_id = ${personId} or e.id in (${ids})) x) as events,
      (select row_to_json(v) from ${visit} v where v.id = ${input.id}) as visit,
      ${visitsJson(personId)} as visits,
      ${storedIndicatorsJson(personId, liveYears(today))} as stored,
      ${growthVersionSql} as growth,
      ${storedItemsJson(personId)} as items,
      (select st.value from ${setting} st where st.key = ${districtSettingsKeySql(sql`(select pk.kab_code from ${person} pk where pk.id = ${personId})`)}) as settings`);
  // The person row is locked: concurrent visits for one person are serialised, so each sees the other's events.
  // The facility's existence and name and the field session are asked in the same round trip (facilities and
  // sessions are not removed while in use).
  const [locked] = await tx.select({
    ...getTableColumns(person),
    facilityFound: input.facilityId ? sql<boolean>`exists (select 1 from ${facility} where ${facility.id} = ${input.facilityId})` : sql<boolean>`true`,
    fieldSessionRow: sessionId
      ? sql<SessionRow | null>`(select json_build_object('kind', s.kind, 'session_date', s.session_date, 'household_id', s.household_id, 'facility_id', s.facility_id)
          from ${fieldSession} s where s.id = ${sessionId})`
      : sql<null>`null`,
    // The name the answer shows for the events' facility (the sent one, else the session's).
    facilityName: sql<string | null>`(select f.name from ${facility} f where f.id = coalesce(${input.facilityId ?? null}::uuid,
      (select fs.facility_id from ${fieldSession} fs where fs.id = ${sessionId}::uuid)))`,
  }).from(person).where(eq(person.id, input.personId)).for('update', { of: person });
  if (!locked) throw errors.notFound(locale);
  const { facilityFound, fieldSessionRow: s, facilityName, ...p } = locked;
  if (!inScope(ctx.auth.scope, p.areaCode)) {
    throw errors.forbidden(locale, { action: 'denied', entityType: 'visit', entityId: input.id, personId: p.id, areaCode: p.areaCode });
  }
  const issues: Issue[] = [];
  if (input.occurredOn > today) issues.push({ code: 'date_in_future', field: 'occurredOn' });
  else if (input.occurredOn < p.birthDate) issues.push({ code: 'date_before_birth', field: 'occurredOn' });
  if (p.status !== 'alive' && (!p.statusDate || input.occurredOn > p.statusDate)) issues.push({ code: 'person_not_alive', field: 'personId' });

  let facilityId = input.facilityId ?? null;
  if (sessionId) {
    if (!s) issues.push({ code: 'session_unknown', field: 'sessionId' });
    else {
      const place = s.kind === 'posyandu' ? 'posyandu' : 'home';
      if (input.placeKind !== place) issues.push({ code: 'session_place_mismatch', field: 'placeKind', params: { place } });
      if (input.occurredOn !== s.session_date) issues.push({ code: 'session_date_mismatch', field: 'occurredOn', params: { date: s.session_date } });
      if (s.kind === 'home_visit' && s.household_id !== p.householdId) issues.push({ code: 'session_household_mismatch', field: 'personId' });
      facilityId ??= s.facility_id;
    }
  }
  if (input.facilityId && !facilityFound) issues.push({ code: 'facility_unknown', field: 'facilityId' });
  if (issues.length) throw errors.validation(issues, locale);

  const [read] = await readAfterLock();
  const known = read!.events ?? [];
  const existingVisit = read!.visit ? visitFromJson(read!.visit) : undefined;
  if (existingVisit && (existingVisit.personId !== p.id || existingVisit.occurredOn !== input.occurredOn || existingVisit.placeKind !== input.placeKind
    || (existingVisit.facilityId ?? null) !== facilityId || (existingVisit.sessionId ?? null) !== sessionId)) {
    throw errors.conflict({ code: 'visit_conflict', field: 'id' }, locale);
  }

  const storedById = new Map(known.filter((r) => r.asked).map((r) => [r.id, r]));
  const results: RecordResult['results'] = [];
  const fresh: EventInput[] = [];
  const positions: number[] = [];
  input.events.forEach((e, i) => {
    const stored = storedById.get(e.id);
    if (!stored) {
      fresh.push(e);
      positions.push(i);
      results.push({ id: e.id, status: 'accepted' });
      return;
    }
    const n = checkEvent(e, i, { person: { sex: p.sex as 'M' | 'F', birthDate: p.birthDate }, occurredOn: input.occurredOn }).event;
    if (stored.visit_id !== input.id || stored.person_id !== p.id || !n || !sameEvent(n, stored)) {
      throw errors.conflict({ code: 'event_conflict', field: `events.${i}.id` }, locale);
    }
    results.push({ id: e.id, status: 'duplicate' });
  });
  if (fresh.length === 0 && existingVisit) {
    return { status: 200, visitId: input.id, personId: p.id, results, warnings: [], babies: [], state: null, written: null };
  }

  const history = known.filter((r) => r.person_id === p.id).map(toRecordEvent);
  const refs = await growthReferencesAt(tx, read!.growth === null ? null : Number(read!.growth));
  const checked = checkVisit({ person: { sex: p.sex as 'M' | 'F', birthDate: p.birthDate }, occurredOn: input.occurredOn, events: fresh, positions, history, refs });
  if (checked.issues.length) throw errors.validation(checked.issues, locale);
  const pending = checked.warnings.filter((w) => !input.confirm?.includes(w.code));
  if (pending.length) throw errors.needsConfirmation(pending, locale);
  const at = new Date().toISOString();
  const accepted: AcceptedWarning[] = checked.warnings.map((w) => ({ code: w.code, ...(w.field ? { field: w.field } : {}), message: message(w, 'id'), at, by: ctx.auth.user.id }));

  const babies: string[] = [];
  for (const e of checked.events) {
    if (e.concept !== 'delivery' || e.value?.outcome !== 'live-birth' || !Array.isArray(e.value.births)) continue;
    const births = e.value.births as Row[];
    for (const b of births) {
      b.personId = await registerBaby(ctx, p, b, input, facilityId, sessionId);
      babies.push(b.personId as string);
    }
  }

  // checked.events follow `fresh`, so event j sits at request position positions[j].
  const rowsIn = checked.events.map((e, j) => {
    const pos = positions[j]!;
    const mine = accepted.filter((w) => w.field?.startsWith(`events.${pos}.`));
    return {
      id: e.id, kabCode: p.kabCode, personId: p.id, kind: e.kind, codeSystem: e.system, code: e.code, occurredOn: input.occurredOn,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : null, valueNum: e.valueNum, value: e.value, unit: e.unit, visitId: input.id,
      facilityId, placeKind: e.concept === 'delivery' ? deliveryPlaceKind(e.value) ?? input.placeKind : input.placeKind,
      domicileAreaCode: p.areaCode, supersedesId: e.supersedesId, warnings: mine.length ? mine : null, recordedBy: ctx.auth.user.id,
    };
  });

  // The person is locked and their events were read above: the new ones join them as the database now holds them.
  const events = [...history, ...rowsIn.map(asStored)].sort(byOccurrence);
  const settings = settingsFromStored(p.kabCode, read!.settings);
  const person_ = { id: p.id, sex: p.sex as 'M' | 'F', birthDate: p.birthDate, status: p.status, areaCode: p.areaCode, kabCode: p.kabCode };
  const state = deriveState(person_, events, today, settings, refs);
  // The person's indicator rows, from what this transaction holds (history, visits and stored rows were read after the
  // lock), written by the same statement. A birth registers babies first: their rows are refreshed after the write.
  const indicators = new IndicatorChanges();
  if (!babies.length) {
    const lower = (id: string | null | undefined) => (id ? id.toLowerCase() : null);
    const visitsNow = parseVisits(read!.visits);
    if (!existingVisit) {
      visitsNow.push({ id: input.id.toLowerCase(), occurredOn: input.occurredOn, placeKind: input.placeKind, facilityId: lower(facilityId) });
      visitsNow.sort(byOccurrence);
    }
    const indicatorEvents: IndicatorEvent[] = [
      ...known.filter((r) => r.person_id === p.id).map((r) => ({ ...toRecordEvent(r), facilityId: r.facility_id, visitId: r.visit_id })),
      ...rowsIn.map((r) => ({ ...asStored(r), facilityId: lower(r.facilityId), visitId: lower(r.visitId) })),
    ].sort(byOccurrence);
    indicators.add({ person: { ...person_, statusDate: p.statusDate }, events: indicatorEvents, visits: visitsNow, stored: parseStoredIndicators(read!.stored) },
      liveYears(today), { settings, refs });
  }
  // The visit, its events, the schedule and the audit row in one statement (data-modifying CTEs).
  const writes: SQL[] = [
    // Only the schedule items this visit changed (the stored ones were read under the lock).
    ...derivedOneSql(person_, state, read!.items ?? []),
    auditInsert(tx, ctx.req, {
      action: 'create', entityType: 'visit', entityId: input.id, personId: p.id, areaCode: p.areaCode,
      details: {
        events: checked.events.length, duplicates: results.filter((r) => r.status === 'duplicate').length,
        ...(accepted.length ? { acceptedWarnings: accepted.map((w) => w.code) } : {}),
        ...(checked.events.some((e) => e.supersedesId) ? { supersedes: checked.events.filter((e) => e.supersedesId).map((e) => e.supersedesId) } : {}),
        ...(babies.length ? { births: babies } : {}),
      },
    }).getSQL(),
  ];
  const visitInsert = existingVisit ? null : tx.insert(visit).values({
    id: input.id, kabCode: p.kabCode, personId: p.id, sessionId, facilityId, placeKind: input.placeKind, occurredOn: input.occurredOn,
    occurredAt: input.occurredAt ? new Date(input.occurredAt) : null, domicileAreaCode: p.areaCode, notes: input.notes ?? null, recordedBy: ctx.auth.user.id,
  }).returning();
  // The write ends the transaction unless babies or emptied counters follow: the commit goes with it.
  if (!babies.length && !indicators.hasAfterParts()) commitWith(tx);
  const [out] = await rows<{ visit: Row | null; recorded: Array<{ id: string; recorded_at: string }> }>(tx, sql`
    with ${sql.join([...writes.map((q, k) => sql`w${sql.raw(String(k))} as (${q})`), ...indicators.parts()], sql`, `)},
      ev as (${tx.insert(event).values(rowsIn).returning({ id: event.id, recordedAt: event.recordedAt }).getSQL()}),
      v as (${visitInsert?.getSQL() ?? sql`select 1 where false`})
    select ${visitInsert ? sql`(select row_to_json(v) from v)` : sql`null`} as visit,
      (select json_agg(json_build_object('id', ev.id, 'recorded_at', ev.recorded_at)) from ev) as recorded`);
  const visitRow = existingVisit ?? visitFromJson(out!.visit!);
  for (const b of babies) await refreshSchedule(tx, b, today, settings, refs);
  if (babies.length) await refreshIndicators(tx, [p.id, ...babies], today, { settings, refs });
  else await indicators.afterParts(tx);
  const recorded = visitEvents(known, rowsIn, out!.recorded, input.id, facilityName, ctx.auth.user.displayName, locale);
  return { status: 201, visitId: input.id, personId: p.id, results, warnings: accepted, babies, state, written: { visit: visitRow, settings, events, recorded } };
}

interface SessionRow {
  kind: string;
  session_date: string;
  household_id: string | null;
  facility_id: string | null;
}

/** A stored event as the one reading after the lock gives it: the engine's columns, whether it was sent again, and what the answer shows. */
type HistoryRow = Row & EventHistoryRow & Omit<ViewRow, 'recorded_at'> & { asked: boolean; recorded_at: string };

/** A visit row read as JSON, typed as Drizzle reads the table (timestamps as Date). */
function visitFromJson(j: Row): typeof visit.$inferSelect {
  const out: Row = {};
  for (const [k, col] of Object.entries(getTableColumns(visit))) {
    const v = j[col.name];
    out[k] = v === null || v === undefined ? null : col.mapFromDriverValue(v);
  }
  return out as typeof visit.$inferSelect;
}

/** A JSON value as jsonb gives it back: object keys ordered by length, then bytes (PostgreSQL's jsonb order). */
function asJsonb(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(asJsonb);
  if (v === null || typeof v !== 'object') return v === undefined ? null : JSON.parse(JSON.stringify(v));
  const entries = Object.entries(v as Row).filter(([, x]) => x !== undefined);
  entries.sort(([a], [b]) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return Object.fromEntries(entries.map(([k, x]) => [k, asJsonb(x)]));
}

/** A timestamp's microseconds since the epoch, for ordering as the database does (JSON keeps them; Date does not). */
function micros(ts: string): number {
  const m = /\.(\d{1,6})/.exec(ts);
  const whole = Date.parse(ts.replace(/\.\d+/, ''));
  return whole * 1000 + (m ? Number(m[1]!.padEnd(6, '0')) : 0);
}

/**
 * The visit's events as recordedEvents would read them after the write: the ones stored before (read after the
 * lock) and the new ones, in its order (newest day first, newest recorded first, then id).
 */
function visitEvents(
  known: readonly HistoryRow[], rowsIn: ReadonlyArray<typeof event.$inferInsert>, inserted: ReadonlyArray<{ id: string; recorded_at: string }>,
  visitId: string, facilityName: string | null, recorderName: string, locale: Locale,
): RecordedEvent[] {
  const id = visitId.toLowerCase();
  const recordedAt = new Map(inserted.map((r) => [r.id, r.recorded_at]));
  const supersededBy = new Map<string, string>();
  for (const r of rowsIn) if (r.supersedesId && !supersededBy.has(r.supersedesId.toLowerCase())) supersededBy.set(r.supersedesId.toLowerCase(), r.id.toLowerCase());
  const old = known.filter((r) => r.visit_id === id).map((r) => ({ ...r, superseded_by: r.superseded_by ?? supersededBy.get(r.id) ?? null }));
  const fresh = rowsIn.map((r): ViewRow & { recorded_at: string } => {
    const e = asStored(r);
    return {
      id: e.id, person_id: r.personId, visit_id: id, kind: r.kind, code_system: e.codeSystem ?? null, code: e.code, occurred_on: r.occurredOn,
      value_num: e.valueNum ?? null, value: asJsonb(e.value), unit: r.unit ?? null, place_kind: e.placeKind ?? null, facility_id: r.facilityId?.toLowerCase() ?? null, facility_name: r.facilityId ? facilityName : null,
      recorded_by: r.recordedBy ?? null, recorded_by_name: r.recordedBy ? recorderName : null, recorded_at: recordedAt.get(e.id)!,
      supersedes_id: e.supersedesId ?? null, superseded_by: supersededBy.get(e.id) ?? null, warnings: r.warnings === undefined || r.warnings === null ? null : asJsonb(r.warnings),
    };
  });
  const all = [...old, ...fresh];
  const time = new Map(all.map((r) => [r.id, micros(r.recorded_at)]));
  all.sort((a, b) => (a.occurred_on > b.occurred_on ? -1 : a.occurred_on < b.occurred_on ? 1 : time.get(b.id)! - time.get(a.id)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  return all.map((r) => toRecordedEvent(r, locale));
}

/** An inserted event as personRecordEvents reads it back (uuid text in lower case, JSON through jsonb, nulls for absent values). */
function asStored(e: typeof event.$inferInsert): RecordEvent {
  return {
    id: e.id.toLowerCase(), codeSystem: e.codeSystem ?? null, code: e.code, occurredOn: e.occurredOn, valueNum: e.valueNum ?? null,
    value: e.value === undefined || e.value === null ? null : JSON.parse(JSON.stringify(e.value)), placeKind: e.placeKind ?? null,
    supersedesId: e.supersedesId ? e.supersedesId.toLowerCase() : null, kind: e.kind,
  };
}

/** personRecordEvents' order (and the visits' in the indicator reading): occurred_on, then id (uuid order is that of its lower-case text). */
function byOccurrence(a: { occurredOn: string; id: string }, b: { occurredOn: string; id: string }): number {
  return a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A live-born baby becomes a person in the mother's household (no NIK yet),
 * with a birth visit holding the birth weight and length when given.
 */
async function registerBaby(ctx: ServiceCtx, mother: typeof person.$inferSelect, b: Row, input: VisitBody, facilityId: string | null, sessionId: string | null): Promise<string> {
  const { tx } = ctx;
  const id = randomUUID();
  const name = typeof b.name === 'string' && b.name.trim() ? b.name.trim() : `Bayi Ny. ${mother.name}`;
  const sex = b.sex as 'M' | 'F';
  await tx.insert(person).values({
    id, kabCode: mother.kabCode, nik: null, name, nameSearch: normalizeName(name), sex, birthDate: input.occurredOn, motherId: mother.id,
    householdId: mother.householdId, relationship: mother.householdId ? babyRelationship(mother.relationship) : null,
    areaCode: mother.areaCode, villageCode: mother.villageCode, createdBy: ctx.auth.user.id, updatedBy: ctx.auth.user.id,
  });
  await tx.insert(personResidence).values({
    kabCode: mother.kabCode, personId: id, householdId: mother.householdId, areaCode: mother.areaCode, fromDate: input.occurredOn, reason: 'birth', recordedBy: ctx.auth.user.id,
  });
  const measures: Array<typeof event.$inferInsert> = [];
  const visitId = randomUUID();
  const base = {
    kabCode: mother.kabCode, personId: id, kind: 'measurement', codeSystem: SYSTEM.loinc, occurredOn: input.occurredOn, visitId, facilityId,
    placeKind: input.placeKind, domicileAreaCode: mother.areaCode, recordedBy: ctx.auth.user.id,
  };
  if (typeof b.birthWeightGrams === 'number') measures.push({ ...base, id: randomUUID(), code: LOINC.weight, valueNum: b.birthWeightGrams / 1000, unit: CANONICAL_UNIT.weight! });
  if (typeof b.birthLengthCm === 'number') measures.push({ ...base, id: randomUUID(), code: LOINC.length, valueNum: b.birthLengthCm, unit: CANONICAL_UNIT.length!, value: { position: 'l' } });
  if (measures.length) {
    // A home-visit session belongs to the mother's household, the baby's too; a Posyandu session to its day.
    await tx.insert(visit).values({ id: visitId, kabCode: mother.kabCode, personId: id, sessionId, facilityId, placeKind: input.placeKind, occurredOn: input.occurredOn, domicileAreaCode: mother.areaCode, recordedBy: ctx.auth.user.id });
    await tx.insert(event).values(measures);
  }
  await writeAudit(tx, ctx.req, { action: 'create', entityType: 'person', entityId: id, personId: id, areaCode: mother.areaCode, details: { birth: { motherId: mother.id, visitId: input.id } } });
  return id;
}
