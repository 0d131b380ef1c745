/**
 * The derived schedule state of people (person_schedule_item and
 * person_schedule_state, see schema.ts), kept fresh in the same transaction
 * as every write that changes a person's events or facts, and refreshed
 * lazily before a due list reads it.
 *
 * A stored schedule is stale on day D (the day a list asks about) when
 * - there is none yet (a person registered or seeded without one), or it
 *   was stored before the state row kept its status days (migration 0005);
 * - the protocol version or the district's settings fingerprint changed;
 * - D is past its horizon (core/records/horizon.ts: the next recurring
 *   instance opens, a catch-up dose plan moves, an open episode grows);
 * - it was computed for a later day than both D and today (a plan for a
 *   future session, asked about an earlier day).
 * A stale schedule is computed again on max(today, D): never before today,
 * since the day's events must count; ahead of today for a session planned
 * later. A list for a past day reads schedules computed since (an item done
 * after D was still open on D).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { GrowthReferences } from '../../../core/anthropometry/growth-references';
import type { ProtocolSettings } from '../../../core/protocol/settings';
import { DEFAULT_SETTINGS } from '../../../core/protocol/settings';
import { PROTOCOL_VERSION } from '../../../core/protocol/version';
import { deriveState, fingerprintOf, type DerivedState } from '../../../core/records/derive';
import { multirangeLiteral, statusDays } from '../../../core/records/status-days';
import type { StoredItem } from '../../../core/records/stored';
import type { RecordEvent } from '../../../core/records/types';
import type { IsoDate } from '../../../core/time/dates';
import { personScheduleItem, personScheduleState } from '../../db/schema';
import { rows, type DbOrTx } from '../../db/sql';
import { districtSettings, settingsFromStored } from '../protocol/district-settings';
import { growthReferences } from './growth-refs';
import { personRecordEvents, recordEventsOf } from './records.repo';

export interface SchedulePerson {
  id: string;
  sex: 'M' | 'F';
  birthDate: IsoDate;
  status: string;
  areaCode: string;
  kabCode: string;
}

interface PersonDbRow {
  id: string;
  sex: string;
  birth_date: string;
  status: string;
  area_code: string;
  kab_code: string;
}

const toPerson = (r: PersonDbRow): SchedulePerson => ({ id: r.id, sex: r.sex as 'M' | 'F', birthDate: r.birth_date, status: r.status, areaCode: r.area_code, kabCode: r.kab_code });

/** Rows of one insert statement (13 parameters each, under PostgreSQL's 65,535). */
const INSERT_CHUNK = 2000;

/** The state row's status days (schema.ts person_schedule_state), as datemultirange literals. */
export function statusDayColumns(s: DerivedState): { dueDays: string; overdueDays: string; missedDays: string; upcomingDays: string } {
  const d = statusDays(s.items);
  return { dueDays: multirangeLiteral(d.due), overdueDays: multirangeLiteral(d.overdue), missedDays: multirangeLiteral(d.missed), upcomingDays: multirangeLiteral(d.upcoming) };
}

/** Writes derived states, replacing what was stored for these people. */
export async function writeDerived(tx: DbOrTx, states: ReadonlyArray<{ person: SchedulePerson; state: DerivedState }>): Promise<void> {
  if (states.length === 0) return;
  const ids = states.map((s) => sql`${s.person.id}::uuid`);
  await tx.execute(sql`delete from person_schedule_item where person_id in (${sql.join(ids, sql`, `)})`);
  const items = states.flatMap(({ person: p, state: s }) => s.items.map((i) => ({
    personId: p.id, key: i.key, kabCode: p.kabCode, areaCode: p.areaCode, item: i.item, programme: i.programme,
    earliest: i.earliest, due: i.due, latest: i.latest, state: i.state, doneEventId: i.doneEventId, doneOn: i.doneOn, dose: i.dose, period: i.period,
  })));
  for (let k = 0; k < items.length; k += INSERT_CHUNK) await tx.insert(personScheduleItem).values(items.slice(k, k + INSERT_CHUNK));
  const st = states.map(({ person: p, state: s }) => ({
    personId: p.id, kabCode: p.kabCode, computedOn: s.on, horizonUntil: s.horizonUntil, protocolVersion: s.protocolVersion,
    settingsFingerprint: s.settingsFingerprint, stages: s.stages, flags: s.flags, ...statusDayColumns(s), computedAt: new Date(),
  }));
  for (let k = 0; k < st.length; k += INSERT_CHUNK) {
    await tx.insert(personScheduleState).values(st.slice(k, k + INSERT_CHUNK)).onConflictDoUpdate({
      target: personScheduleState.personId,
      set: {
        kabCode: sql`excluded.kab_code`, computedOn: sql`excluded.computed_on`, horizonUntil: sql`excluded.horizon_until`,
        protocolVersion: sql`excluded.protocol_version`, settingsFingerprint: sql`excluded.settings_fingerprint`,
        stages: sql`excluded.stages`, flags: sql`excluded.flags`, dueDays: sql`excluded.due_days`, overdueDays: sql`excluded.overdue_days`,
        missedDays: sql`excluded.missed_days`, upcomingDays: sql`excluded.upcoming_days`, computedAt: sql`excluded.computed_at`,
      },
    });
  }
}

async function loadPeople(tx: DbOrTx, ids: readonly string[], lock: boolean): Promise<SchedulePerson[]> {
  if (ids.length === 0) return [];
  // Locked in id order: a concurrent visit for one of them waits, and two refreshes never deadlock.
  const r = await rows<PersonDbRow>(tx, sql`
    select id, sex, birth_date, status, area_code, kab_code from person
    where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) order by id ${lock ? sql`for update` : sql``}`);
  return r.map(toPerson);
}

/** Settings per district, loaded once per batch. */
async function settingsFor(tx: DbOrTx, kabs: Iterable<string>): Promise<Map<string, ProtocolSettings>> {
  const out = new Map<string, ProtocolSettings>();
  for (const k of kabs) if (!out.has(k)) out.set(k, await districtSettings(tx, k));
  return out;
}

/**
 * Recomputes and stores one person's schedule on `today` — call it inside the
 * transaction of every write that changes the person's events or facts.
 * Settings default to the person's district settings.
 */
export async function refreshSchedule(
  tx: DbOrTx, personId: string, today: IsoDate, settings?: ProtocolSettings, refs?: GrowthReferences, known?: KnownPerson,
): Promise<DerivedState | null> {
  const p = known?.person ?? (await loadPeople(tx, [personId], false))[0];
  if (!p) return null;
  const events = known?.events ?? (await personRecordEvents(tx, personId));
  const s = settings ?? (await districtSettings(tx, p.kabCode));
  const state = deriveState(p, events, today, s, refs ?? (await growthReferences(tx)));
  await writeDerivedOne(tx, p, state);
  return state;
}

/**
 * What a caller already holds of a person in its transaction: the row (locked)
 * and every stored event, oldest first as personRecordEvents orders them
 * (occurred_on, id) — so the refresh need not read them again.
 */
export interface KnownPerson {
  person: SchedulePerson;
  events: readonly RecordEvent[];
}

/**
 * writeDerived for one person in a single statement (one round trip instead of
 * three): items no longer derived are deleted, the others upserted by key (only
 * where they changed), and the state row upserted. The deleted and upserted keys are disjoint, so the
 * data-modifying CTEs never touch the same row.
 */
async function writeDerivedOne(tx: DbOrTx, p: SchedulePerson, s: DerivedState): Promise<void> {
  const parts = derivedOneSql(p, s);
  await tx.execute(sql`with ${sql.join(parts.slice(0, -1).map((q, k) => sql`w${sql.raw(String(k))} as (${q})`), sql`, `)} ${parts.at(-1)!}`);
}

/** A stored item as a reading of the person's items gives it (storedItemsJson: json_build_array in this order). */
export type StoredItemTuple = [key: string, item: string, programme: string, earliest: string, due: string, latest: string, state: string,
  doneEventId: string | null, doneOn: string | null, dose: number | null, period: string | null, kabCode: string, areaCode: string];

/** SQL: the person's stored items as StoredItemTuple arrays (null when none), to read with other things in one round trip. */
export const storedItemsJson = (personId: SQL) => sql`(select json_agg(json_build_array(i.key, i.item, i.programme, i.earliest, i.due, i.latest,
  i.state, i.done_event_id, i.done_on, i.dose, i.period, i.kab_code, i.area_code)) from person_schedule_item i where i.person_id = ${personId})`;

/**
 * What writing `items` over the stored ones changes: the keys no longer derived and the items that are
 * new or differ (ids compared in lower case, as the database stores uuids).
 */
export function itemChanges(p: SchedulePerson, items: readonly StoredItem[], stored: readonly StoredItemTuple[]): { gone: string[]; changed: StoredItem[] } {
  const have = new Map(stored.map((t) => [t[0], t]));
  const keys = new Set(items.map((i) => i.key));
  const lower = (id: string | null) => (id === null ? null : id.toLowerCase());
  const changed = items.filter((i) => {
    const t = have.get(i.key);
    return !t || t[1] !== i.item || t[2] !== i.programme || t[3] !== i.earliest || t[4] !== i.due || t[5] !== i.latest || t[6] !== i.state
      || lower(t[7]) !== lower(i.doneEventId) || t[8] !== i.doneOn || t[9] !== i.dose || t[10] !== i.period || t[11] !== p.kabCode || t[12] !== p.areaCode;
  });
  return { gone: stored.filter((t) => !keys.has(t[0])).map((t) => t[0]), changed };
}

/**
 * The statements of writeDerivedOne, to run as data-modifying CTEs of one
 * statement (the last one may stand as its main statement); a caller with
 * other writes adds them to the same statement (records.service.ts).
 * A caller that read the stored items under the person's lock (`stored`)
 * sends only what changed: a visit changes a few of a child's ~60 items.
 */
export function derivedOneSql(p: SchedulePerson, s: DerivedState, stored?: readonly StoredItemTuple[]): SQL[] {
  const diff = stored ? itemChanges(p, s.items, stored) : null;
  const items = diff ? diff.changed : s.items;
  // The items go as one array per column (unnest): 14 parameters instead of 14 per item, which
  // PostgreSQL parses and plans faster and the query builder assembles in a fraction of the time.
  const col = <T>(f: (i: StoredItem) => T) => sql.param(items.map(f));
  const keys = col((i) => i.key);
  const del = diff
    ? (diff.gone.length ? [sql`delete from person_schedule_item where person_id = ${p.id}::uuid and key = any(${sql.param(diff.gone)}::text[])`] : [])
    : [s.items.length
      ? sql`delete from person_schedule_item where person_id = ${p.id}::uuid and not (key = any(${keys}::text[]))`
      : sql`delete from person_schedule_item where person_id = ${p.id}::uuid`];
  const ins = items.length
    ? [sql`insert into person_schedule_item (person_id, key, kab_code, area_code, item, programme, earliest, due, latest, state, done_event_id, done_on, dose, period)
        select ${p.id}::uuid, u.key, ${p.kabCode}, ${p.areaCode}, u.item, u.programme, u.earliest, u.due, u.latest, u.state, u.done_event_id, u.done_on, u.dose, u.period
        from unnest(${keys}::text[], ${col((i) => i.item)}::text[], ${col((i) => i.programme)}::text[], ${col((i) => i.earliest)}::date[],
          ${col((i) => i.due)}::date[], ${col((i) => i.latest)}::date[], ${col((i) => i.state)}::text[], ${col((i) => i.doneEventId)}::uuid[],
          ${col((i) => i.doneOn)}::date[], ${col((i) => i.dose)}::smallint[], ${col((i) => i.period)}::text[])
          as u(key, item, programme, earliest, due, latest, state, done_event_id, done_on, dose, period)
        on conflict (person_id, key) do update set kab_code = excluded.kab_code, area_code = excluded.area_code, item = excluded.item,
          programme = excluded.programme, earliest = excluded.earliest, due = excluded.due, latest = excluded.latest, state = excluded.state,
          done_event_id = excluded.done_event_id, done_on = excluded.done_on, dose = excluded.dose, period = excluded.period
        -- An item the visit did not change is not rewritten (no new row version, no index entries).
        where (person_schedule_item.kab_code, person_schedule_item.area_code, person_schedule_item.item, person_schedule_item.programme,
          person_schedule_item.earliest, person_schedule_item.due, person_schedule_item.latest, person_schedule_item.state,
          person_schedule_item.done_event_id, person_schedule_item.done_on, person_schedule_item.dose, person_schedule_item.period)
          is distinct from (excluded.kab_code, excluded.area_code, excluded.item, excluded.programme, excluded.earliest, excluded.due,
          excluded.latest, excluded.state, excluded.done_event_id, excluded.done_on, excluded.dose, excluded.period)`]
    : [];
  const d = statusDayColumns(s);
  const state = sql`insert into person_schedule_state (person_id, kab_code, computed_on, horizon_until, protocol_version, settings_fingerprint, stages, flags,
      due_days, overdue_days, missed_days, upcoming_days, computed_at)
    values (${p.id}::uuid, ${p.kabCode}, ${s.on}::date, ${s.horizonUntil}::date, ${s.protocolVersion}, ${s.settingsFingerprint},
      ${JSON.stringify(s.stages)}::jsonb, ${JSON.stringify(s.flags)}::jsonb, ${d.dueDays}::datemultirange, ${d.overdueDays}::datemultirange,
      ${d.missedDays}::datemultirange, ${d.upcomingDays}::datemultirange, ${new Date().toISOString()}::timestamptz)
    on conflict (person_id) do update set kab_code = excluded.kab_code, computed_on = excluded.computed_on, horizon_until = excluded.horizon_until,
      protocol_version = excluded.protocol_version, settings_fingerprint = excluded.settings_fingerprint, stages = excluded.stages,
      flags = excluded.flags, due_days = excluded.due_days, overdue_days = excluded.overdue_days, missed_days = excluded.missed_days,
      upcoming_days = excluded.upcoming_days, computed_at = excluded.computed_at`;
  return [...del, ...ins, state];
}

/** Recomputes the schedules of many people on `on` (locks them; use inside a transaction). */
export async function refreshSchedules(tx: DbOrTx, personIds: readonly string[], on: IsoDate): Promise<number> {
  const people = await loadPeople(tx, [...personIds].sort(), true);
  if (people.length === 0) return 0;
  const events = await recordEventsOf(tx, people.map((p) => p.id));
  const settings = await settingsFor(tx, people.map((p) => p.kabCode));
  const refs = await growthReferences(tx);
  const none: RecordEvent[] = [];
  const states = people.map((person) => ({ person, state: deriveState(person, events.get(person.id) ?? none, on, settings.get(person.kabCode) ?? DEFAULT_SETTINGS, refs) }));
  await writeDerived(tx, states);
  return states.length;
}

/**
 * The fingerprint every district's schedules should carry: the districts that
 * stored settings, and the national defaults for all others.
 */
export async function expectedFingerprints(db: DbOrTx): Promise<Fingerprints> {
  return fingerprintsOf(await rows<{ key: string; value: unknown }>(db, sql`select key, value from setting where key like 'protocol:%'`));
}

/** Fingerprints from the stored protocol settings rows (key "protocol:<kab>", value). */
function fingerprintsOf(stored: ReadonlyArray<{ key: string; value: unknown }>): Fingerprints {
  const byKab: Record<string, string> = {};
  const settings = new Map<string, ProtocolSettings>();
  for (const { key, value } of stored) {
    const kab = key.slice('protocol:'.length);
    const s = settingsFromStored(kab, value);
    settings.set(kab, s);
    byKab[kab] = fingerprintOf(s);
  }
  // A district without stored settings has the national defaults (districtSettings says the same).
  return { byKab, fallback: fingerprintOf(DEFAULT_SETTINGS), settingsOf: (kab) => settings.get(kab) ?? DEFAULT_SETTINGS };
}

/** SQL: the stored schedule of person `p` (state `s`, left-joined) is stale for a list on `on`. */
export function staleCondition(on: IsoDate, today: IsoDate, fp: { byKab: Record<string, string>; fallback: string }): SQL {
  const expected = Object.keys(fp.byKab).length
    ? sql`coalesce(${JSON.stringify(fp.byKab)}::jsonb ->> p.kab_code, ${fp.fallback})`
    : sql`${fp.fallback}`;
  return sql`(s.person_id is null or s.due_days is null or s.horizon_until < ${on}::date or s.protocol_version <> ${PROTOCOL_VERSION}
    or s.settings_fingerprint <> ${expected} or (s.computed_on > ${on}::date and s.computed_on > ${today}::date))`;
}

/** Batch size of a lazy refresh transaction. */
const REFRESH_BATCH = 1000;
/** Refreshing this many people at once changes the item table enough to need new planner statistics. */
const ANALYZE_AFTER_REFRESHING = 200;

export interface FreshnessResult {
  refreshed: number;
  ms: number;
  /** The settings of every district as read for the check, for the list's labels (no second reading). */
  settingsOf: (kab: string) => ProtocolSettings;
}

/**
 * Brings the stored schedules of the living people matching `where` (over
 * person `p`) up to date for a list on `on`: finds the stale ones and
 * recomputes them in batches, each in its own transaction.
 */
export async function ensureFresh(
  db: { transaction<T>(fn: (tx: DbOrTx) => Promise<T>): Promise<T> } & DbOrTx,
  where: SQL,
  on: IsoDate,
  today: IsoDate,
  progress?: RefreshProgress,
): Promise<FreshnessResult> {
  const started = performance.now();
  const fp = await expectedFingerprints(db);
  const stale = await staleIds(db, where, on, today, fp);
  await refreshInBatches(db, stale, on, today, progress);
  return { refreshed: stale.length, ms: performance.now() - started, settingsOf: fp.settingsOf };
}

export interface Fingerprints {
  byKab: Record<string, string>;
  fallback: string;
  settingsOf: (kab: string) => ProtocolSettings;
}

/** SQL selecting the ids of the living people matching `where` (over person `p`) whose stored schedule is stale for a list on `on`. */
function staleSelect(where: SQL, on: IsoDate, today: IsoDate, fp: Fingerprints): SQL {
  return sql`select p.id from person p left join person_schedule_state s on s.person_id = p.id
    where p.status = 'alive' and ${where} and ${staleCondition(on, today, fp)}`;
}

async function staleIds(db: DbOrTx, where: SQL, on: IsoDate, today: IsoDate, fp: Fingerprints): Promise<string[]> {
  return (await rows<{ id: string }>(db, staleSelect(where, on, today, fp))).map((r) => r.id);
}

/** Told after each batch of a refresh: how many of the stale schedules are now computed. */
export type RefreshProgress = (done: number, stale: number) => void;

async function refreshInBatches(
  db: { transaction<T>(fn: (tx: DbOrTx) => Promise<T>): Promise<T> }, stale: readonly string[], on: IsoDate, today: IsoDate, progress?: RefreshProgress,
): Promise<void> {
  const computeOn = on > today ? on : today;
  for (let k = 0; k < stale.length; k += REFRESH_BATCH) {
    const ids = stale.slice(k, k + REFRESH_BATCH);
    await db.transaction((tx) => refreshSchedules(tx, ids, computeOn));
    progress?.(k + ids.length, stale.length);
  }
  // Many schedules written at once (a first due list of a Posyandu, a protocol change): fresh
  // statistics now, or the planner keeps pricing the item table as nearly empty and the next due
  // lists take seconds instead of milliseconds. PGlite has no autovacuum; PostgreSQL's lags.
  if (stale.length >= ANALYZE_AFTER_REFRESHING) await db.transaction((tx) => tx.execute(sql`analyze person_schedule_item, person_schedule_state`));
}

/**
 * Planner settings for a list read, for its transaction only. The staleness
 * check and the list are short index lookups per person that PostgreSQL prices
 * high for a larger place: it then compiled them with JIT (40–60 ms of a query
 * running in ~10) or launched a parallel worker (~10 ms to start for ~2 ms of work).
 * The districts' stored protocol settings come in the same round trip.
 */
const LIST_READ_PRELUDE = sql`select set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true),
  (select json_agg(json_build_object('key', key, 'value', value)) from setting where key like 'protocol:%') as settings`;

/**
 * A list's place read in the prelude's round trip: `sql` is a value the statement reads (e.g. a
 * facility and its coverage), `resolve` takes it before the list is read (and may throw: unknown
 * place, outside the scope).
 */
export interface PlaceQuery {
  sql: SQL;
  resolve: (value: unknown) => void;
}

/** What a list read returns: its value, and the stale people its statement found (then the value is not used). */
export interface GuardedRead<T> {
  value: T;
  stale: string[];
}

/**
 * ensureFresh, then `read`, in as few round trips as the usual case allows:
 * `read` gets the district settings and, on the first try, `stale` — the
 * stale condition over person `p` and their stored state `s` (staleCondition),
 * to check in the same statement as the read (one snapshot). When it reports
 * none, its value stands: begin, prelude, read, commit. Else the stale
 * schedules are refreshed (in their own transactions) and the read runs
 * again, unguarded, in a new transaction.
 */
export async function readFresh<T>(
  db: { transaction<R>(fn: (tx: DbOrTx) => Promise<R>): Promise<R> },
  place: PlaceQuery | null,
  on: IsoDate,
  today: IsoDate,
  read: (tx: DbOrTx, settingsOf: (kab: string) => ProtocolSettings, stale: SQL | null, refreshed: number) => Promise<GuardedRead<T>>,
): Promise<{ value: T; refreshed: number }> {
  const first = await db.transaction(async (tx) => {
    const [prelude] = await rows<{ settings: Array<{ key: string; value: unknown }> | null; place: unknown }>(tx,
      place ? sql`${LIST_READ_PRELUDE}, ${place.sql} as place` : LIST_READ_PRELUDE);
    place?.resolve(prelude?.place ?? null);
    const fp = fingerprintsOf(prelude?.settings ?? []);
    return { fp, ...(await read(tx, fp.settingsOf, staleCondition(on, today, fp), 0)) };
  });
  if (first.stale.length === 0) return { value: first.value, refreshed: 0 };
  await refreshInBatches(db, first.stale, on, today);
  const again = await db.transaction(async (tx) => {
    await tx.execute(LIST_READ_PRELUDE);
    return read(tx, first.fp.settingsOf, null, first.stale.length);
  });
  return { value: again.value, refreshed: first.stale.length };
}
