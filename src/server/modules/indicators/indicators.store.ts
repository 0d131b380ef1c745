/**
 * Live indicator storage (docs/indicators.md): every write that changes a
 * person's events or facts calls refreshIndicators in its transaction, after
 * the schedule refresh. It evaluates the current and the previous year with
 * the core evaluator, diffs against the stored rows, and writes the changed
 * rows and the counter deltas of every ancestor level of the domicile — in
 * one round trip to read and one to write (a third only when a counter row
 * may have dropped to zero, so that live state and rebuild match exactly).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { GrowthReferences } from '../../../core/anthropometry/growth-references';
import { evaluatePerson } from '../../../core/indicators/evaluate';
import type { IndicatorEvent, IndicatorInput, IndicatorVisit, PersonIndicatorRow } from '../../../core/indicators/types';
import type { ProtocolSettings } from '../../../core/protocol/settings';
import type { IsoDate } from '../../../core/time/dates';
import { rows, type DbOrTx } from '../../db/sql';
import { districtSettings } from '../protocol/district-settings';
import { growthReferences } from '../records/growth-refs';
import { DeltaSet, rowKey, sameRow, type StoredIndicatorRow } from './counters';

/** The years a refresh evaluates: the current one and the one before (older years stay as last computed). */
export function liveYears(today: IsoDate): number[] {
  const y = Number(today.slice(0, 4));
  return [y - 1, y];
}

/** A person as the refresh needs them: the evaluator's facts and where the rows are filed. */
export interface IndicatorPersonRow {
  id: string;
  sex: 'M' | 'F';
  birthDate: IsoDate;
  status: string;
  statusDate: IsoDate | null;
  areaCode: string;
  kabCode: string;
}

/** What a caller already holds of a person in its transaction (then only the stored rows are read). */
export interface KnownIndicatorPerson {
  person: IndicatorPersonRow;
  events: readonly IndicatorEvent[];
  visits: readonly IndicatorVisit[];
}

/** Settings and growth references; the district's settings and the loaded references when omitted. */
export interface IndicatorEnv {
  settings?: ProtocolSettings;
  refs?: GrowthReferences;
}

export interface LoadedPerson extends KnownIndicatorPerson {
  stored: StoredIndicatorRow[];
}

interface PersonJsonRow {
  id: string;
  sex: string;
  birth_date: string;
  status: string;
  status_date: string | null;
  area_code: string;
  kab_code: string;
  events: IndicatorEvent[] | string | null;
  visits: IndicatorVisit[] | string | null;
  stored: StoredIndicatorRow[] | string | null;
}

const json = <T>(v: T[] | string | null): T[] => (v === null ? [] : typeof v === 'string' ? (JSON.parse(v) as T[]) : v);
const uuidList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

const EVENTS_JSON = sql`(select json_agg(json_build_object('id', e.id, 'codeSystem', e.code_system, 'code', e.code, 'occurredOn', e.occurred_on,
    'valueNum', e.value_num, 'value', e.value, 'placeKind', e.place_kind, 'supersedesId', e.supersedes_id, 'kind', e.kind,
    'facilityId', e.facility_id, 'visitId', e.visit_id) order by e.occurred_on, e.id) from event e where e.person_id = p.id)`;
/** A person's visits as the evaluator reads them, one JSON array (null when none); `personId` is SQL naming the person. */
export const visitsJson = (personId: SQL) => sql`(select json_agg(json_build_object('id', v.id, 'occurredOn', v.occurred_on, 'placeKind', v.place_kind, 'facilityId', v.facility_id)
    order by v.occurred_on, v.id) from visit v where v.person_id = ${personId})`;
const VISITS_JSON = visitsJson(sql`p.id`);

/** Visits as a JSON column gives them. */
export const parseVisits = (v: IndicatorVisit[] | string | null): IndicatorVisit[] => json(v);
/** A person's stored indicator rows of some years as one JSON array (null when none); `personId` is SQL naming the person. */
export const storedIndicatorsJson = (personId: SQL, years: readonly number[]) => sql`(select json_agg(json_build_object('personId', i.person_id, 'indicator', i.indicator, 'year', i.year,
    'kabCode', i.kab_code, 'areaCode', i.area_code, 'sex', i.sex, 'ageBand', i.age_band, 'registerMonth', i.register_month,
    'numeratorMonth', i.numerator_month, 'monthsServed', i.months_served, 'counts', i.counts, 'facilityId', i.facility_id))
    from person_indicator i where i.person_id = ${personId} and i.year in (${sql.join(years.map((y) => sql`${y}`), sql`, `)}))`;
const storedJson = (years: readonly number[]) => storedIndicatorsJson(sql`p.id`, years);

/** Stored rows as a JSON column gives them (node-postgres parses json; PGlite may hand text). */
export const parseStoredIndicators = (v: StoredIndicatorRow[] | string | null): StoredIndicatorRow[] => json(v);

/**
 * People with their events, visits and (with `years`) stored rows, in one
 * query; locked in id order when `lock` (a batch never deadlocks with a visit).
 */
export async function loadIndicatorPeople(
  tx: DbOrTx, ids: readonly string[], opts: { years?: readonly number[]; lock?: boolean; withHistory?: boolean } = {},
): Promise<LoadedPerson[]> {
  if (ids.length === 0) return [];
  const history = opts.withHistory ?? true;
  const r = await rows<PersonJsonRow>(tx, sql`
    select p.id, p.sex, p.birth_date, p.status, p.status_date, p.area_code, p.kab_code,
      ${history ? EVENTS_JSON : sql`null`} as events, ${history ? VISITS_JSON : sql`null`} as visits,
      ${opts.years?.length ? storedJson(opts.years) : sql`null`} as stored
    from person p where p.id in (${uuidList(ids)}) order by p.id ${opts.lock ? sql`for update of p` : sql``}`);
  return r.map((x) => ({
    person: { id: x.id, sex: x.sex as 'M' | 'F', birthDate: x.birth_date, status: x.status, statusDate: x.status_date, areaCode: x.area_code, kabCode: x.kab_code },
    events: json(x.events),
    visits: json(x.visits),
    stored: json(x.stored),
  }));
}

/** The evaluator's input for one person. */
export function indicatorInput(p: KnownIndicatorPerson): IndicatorInput {
  const { id, sex, birthDate, status, statusDate } = p.person;
  return { person: { id, sex, birthDate, status, statusDate }, events: p.events, visits: p.visits };
}

/** The evaluator's rows filed under the person's domicile. */
export function fileRows(p: IndicatorPersonRow, evaluated: readonly PersonIndicatorRow[]): StoredIndicatorRow[] {
  return evaluated.map((r) => ({
    personId: p.id, kabCode: p.kabCode, areaCode: p.areaCode, indicator: r.indicator, year: r.year, sex: r.sex, ageBand: r.ageBand,
    registerMonth: r.registerMonth, numeratorMonth: r.numeratorMonth, monthsServed: r.monthsServed, counts: r.counts, facilityId: r.facilityId,
  }));
}

/** Settings per district and the growth references, read once per batch. */
export class EnvCache {
  private readonly settings = new Map<string, ProtocolSettings>();
  private refs: GrowthReferences | undefined;
  constructor(private readonly given: IndicatorEnv = {}) {
    this.refs = given.refs;
  }
  async for(tx: DbOrTx, kab: string): Promise<{ settings: ProtocolSettings; refs: GrowthReferences }> {
    this.refs ??= await growthReferences(tx);
    if (this.given.settings) return { settings: this.given.settings, refs: this.refs };
    let s = this.settings.get(kab);
    if (!s) {
      s = await districtSettings(tx, kab);
      this.settings.set(kab, s);
    }
    return { settings: s, refs: this.refs };
  }
}

export interface RefreshResult {
  people: number;
  /** Person rows written or deleted. */
  rowsChanged: number;
  /** Counter rows touched (area and facility). */
  countersChanged: number;
}

/**
 * Brings the indicator rows and counters of these people up to date for the
 * current and previous year of `today`, inside the caller's transaction.
 * Accepts a person id, several ids (a mother and her newborns), or what the
 * caller already holds of one person.
 */
export async function refreshIndicators(
  tx: DbOrTx, who: string | readonly string[] | KnownIndicatorPerson, today: IsoDate, env: IndicatorEnv = {},
): Promise<RefreshResult> {
  return refreshIndicatorYears(tx, who, liveYears(today), env);
}

/** refreshIndicators for given years (the year rollover evaluates the new year). */
export async function refreshIndicatorYears(
  tx: DbOrTx, who: string | readonly string[] | KnownIndicatorPerson, years: readonly number[], env: IndicatorEnv = {}, cache = new EnvCache(env),
): Promise<RefreshResult> {
  let people: LoadedPerson[];
  if (typeof who === 'string' || Array.isArray(who)) {
    const ids = typeof who === 'string' ? [who] : [...(who as readonly string[])].sort();
    people = await loadIndicatorPeople(tx, ids, { years, lock: true });
  } else {
    const known = who as KnownIndicatorPerson;
    const [stored] = await loadIndicatorPeople(tx, [known.person.id], { years, withHistory: false });
    people = stored ? [{ ...known, stored: stored.stored }] : [];
  }
  const changes = new IndicatorChanges();
  for (const p of people) changes.add(p, years, await cache.for(tx, p.person.kabCode));
  const countersChanged = await changes.write(tx);
  return { people: people.length, rowsChanged: changes.upserts.length + changes.deletes.length, countersChanged };
}

/**
 * What a refresh writes, gathered person by person: the changed rows and the
 * counter deltas. A caller that holds a person's history and stored rows
 * (recordVisit) adds its writes to its own statement with `parts()` and
 * then calls `afterParts()`; others call `write()`.
 */
export class IndicatorChanges {
  readonly deltas = new DeltaSet();
  readonly upserts: StoredIndicatorRow[] = [];
  readonly deletes: StoredIndicatorRow[] = [];

  add(p: LoadedPerson, years: readonly number[], env: { settings: ProtocolSettings; refs: GrowthReferences }): void {
    const fresh = fileRows(p.person, evaluatePerson(indicatorInput(p), years, env));
    diffRows(p.stored, fresh, this.deltas, this.upserts, this.deletes);
    this.summed = null;
  }

  /** The counter rows in key order and the deletes of counters that may reach zero, computed once after the last add. */
  private summed: { counters: ReturnType<DeltaSet['counterRows']>; facilities: ReturnType<DeltaSet['facilityRows']>; empty: SQL[] } | null = null;
  private sums() {
    if (!this.summed) {
      const counters = this.deltas.counterRows();
      const facilities = this.deltas.facilityRows();
      this.summed = { counters, facilities, empty: this.deltas.decreased ? emptyCounterParts(counters, facilities) : [] };
    }
    return this.summed;
  }

  /** The writes as data-modifying CTEs (named ind_*), for one statement with other writes. */
  parts(): SQL[] {
    const { counters, facilities } = this.sums();
    return changeParts(this.upserts, this.deletes, counters, facilities);
  }

  /** Whether afterParts has a statement to send (a counter may have dropped to zero). */
  hasAfterParts(): boolean {
    return this.sums().empty.length > 0;
  }

  /** After the statement holding parts() ran: counter rows brought to zero are removed (a third round trip only then). */
  async afterParts(tx: DbOrTx): Promise<number> {
    const { counters, facilities, empty } = this.sums();
    if (empty.length) await tx.execute(sql`with ${sql.join(empty, sql`, `)} select 1`);
    return counters.length + facilities.length;
  }

  async write(tx: DbOrTx): Promise<number> {
    return writeChanges(tx, this.upserts, this.deletes, this.deltas);
  }
}

/** Collects what changed between the stored and the fresh rows of one person. */
export function diffRows(stored: readonly StoredIndicatorRow[], fresh: readonly StoredIndicatorRow[], deltas: DeltaSet, upserts: StoredIndicatorRow[], deletes: StoredIndicatorRow[]): void {
  const old = new Map(stored.map((r) => [rowKey(r), r]));
  for (const r of fresh) {
    const k = rowKey(r);
    const o = old.get(k);
    old.delete(k);
    if (o && sameRow(o, r)) continue;
    if (o) deltas.add(o, -1);
    deltas.add(r, 1);
    upserts.push(r);
  }
  for (const o of old.values()) {
    deltas.add(o, -1);
    deletes.push(o);
  }
}

const rowJson = (r: StoredIndicatorRow) => ({
  person_id: r.personId, indicator: r.indicator, year: r.year, kab_code: r.kabCode, area_code: r.areaCode, sex: r.sex, age_band: r.ageBand,
  register_month: r.registerMonth, numerator_month: r.numeratorMonth, months_served: r.monthsServed, counts: r.counts, facility_id: r.facilityId,
});

/** The recordset of person_indicator rows passed as one JSON parameter. */
export const PERSON_INDICATOR_RECORD = sql`(person_id uuid, indicator text, year smallint, kab_code text, area_code text, sex text, age_band text,
  register_month smallint, numerator_month smallint, months_served integer, counts integer[], facility_id uuid)`;

/**
 * Writes rows and deltas in one statement (data-modifying CTEs on different
 * tables; each key appears once, so no row is touched twice). Rows come as
 * JSON recordsets: one parameter per table, whatever the batch size.
 */
export async function writeChanges(tx: DbOrTx, upserts: readonly StoredIndicatorRow[], deletes: readonly StoredIndicatorRow[], deltas: DeltaSet): Promise<number> {
  const counters = deltas.counterRows();
  const facilities = deltas.facilityRows();
  const parts = changeParts(upserts, deletes, counters, facilities);
  if (!parts.length) return 0;
  await tx.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
  if (deltas.decreased) await dropEmptyCounters(tx, counters, facilities);
  return counters.length + facilities.length;
}

/** The writes of writeChanges as CTEs (ind_del, ind_up, ind_ctr, ind_fac), none when nothing changed. */
function changeParts(
  upserts: readonly StoredIndicatorRow[], deletes: readonly StoredIndicatorRow[], counters: ReturnType<DeltaSet['counterRows']>, facilities: ReturnType<DeltaSet['facilityRows']>,
): SQL[] {
  const parts: SQL[] = [];
  if (deletes.length) {
    parts.push(sql`ind_del as (delete from person_indicator i using jsonb_to_recordset(${JSON.stringify(deletes.map((r) => ({ person_id: r.personId, indicator: r.indicator, year: r.year })))}::jsonb)
      as d(person_id uuid, indicator text, year smallint) where i.person_id = d.person_id and i.indicator = d.indicator and i.year = d.year)`);
  }
  if (upserts.length) {
    parts.push(sql`ind_up as (insert into person_indicator (person_id, indicator, year, kab_code, area_code, sex, age_band, register_month, numerator_month, months_served, counts, facility_id)
      select * from jsonb_to_recordset(${JSON.stringify(upserts.map(rowJson))}::jsonb) as r${PERSON_INDICATOR_RECORD}
      on conflict (person_id, indicator, year) do update set kab_code = excluded.kab_code, area_code = excluded.area_code, sex = excluded.sex,
        age_band = excluded.age_band, register_month = excluded.register_month, numerator_month = excluded.numerator_month,
        months_served = excluded.months_served, counts = excluded.counts, facility_id = excluded.facility_id)`);
  }
  if (counters.length) {
    const data = counters.map((d) => ({
      area_code: d.areaCode, indicator: d.indicator, year: d.year, month: d.month, sex: d.sex, age_band: d.ageBand, kab_code: d.kabCode, level: d.level,
      reg_new: d.regNew, num_new: d.numNew, served: d.served, occurrences: d.occurrences,
    }));
    parts.push(sql`ind_ctr as (insert into indicator_counter (area_code, indicator, year, month, sex, age_band, kab_code, level, reg_new, num_new, served, occurrences)
      select * from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as c(area_code text, indicator text, year smallint, month smallint, sex text,
        age_band text, kab_code text, level text, reg_new integer, num_new integer, served integer, occurrences integer)
      on conflict (area_code, indicator, year, month, sex, age_band) do update set reg_new = indicator_counter.reg_new + excluded.reg_new,
        num_new = indicator_counter.num_new + excluded.num_new, served = indicator_counter.served + excluded.served,
        occurrences = indicator_counter.occurrences + excluded.occurrences)`);
  }
  if (facilities.length) {
    const data = facilities.map((d) => ({
      facility_id: d.facilityId, indicator: d.indicator, year: d.year, month: d.month, sex: d.sex, age_band: d.ageBand,
      num_new: d.numNew, served: d.served, occurrences: d.occurrences,
    }));
    // Filed under the facility's own district (its shard), which may differ from the person's.
    parts.push(sql`ind_fac as (insert into indicator_facility_counter (facility_id, indicator, year, month, sex, age_band, kab_code, num_new, served, occurrences)
      select c.facility_id, c.indicator, c.year, c.month, c.sex, c.age_band, f.kab_code, c.num_new, c.served, c.occurrences
      from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as c(facility_id uuid, indicator text, year smallint, month smallint, sex text,
        age_band text, num_new integer, served integer, occurrences integer) join facility f on f.id = c.facility_id
      on conflict (facility_id, indicator, year, month, sex, age_band) do update set num_new = indicator_facility_counter.num_new + excluded.num_new,
        served = indicator_facility_counter.served + excluded.served, occurrences = indicator_facility_counter.occurrences + excluded.occurrences)`);
  }
  return parts;
}

/** Counter rows a decrement brought to zero are removed: a rebuild would not produce them. */
async function dropEmptyCounters(tx: DbOrTx, counters: ReturnType<DeltaSet['counterRows']>, facilities: ReturnType<DeltaSet['facilityRows']>): Promise<void> {
  const parts = emptyCounterParts(counters, facilities);
  if (parts.length) await tx.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
}

/** The deletes of dropEmptyCounters as CTEs: one per table whose counters went down. */
function emptyCounterParts(counters: ReturnType<DeltaSet['counterRows']>, facilities: ReturnType<DeltaSet['facilityRows']>): SQL[] {
  const parts: SQL[] = [];
  const down = counters.filter((d) => d.regNew < 0 || d.numNew < 0 || d.served < 0 || d.occurrences < 0);
  const fdown = facilities.filter((d) => d.numNew < 0 || d.served < 0 || d.occurrences < 0);
  if (down.length) {
    const keys = down.map((d) => ({ area_code: d.areaCode, indicator: d.indicator, year: d.year, month: d.month, sex: d.sex, age_band: d.ageBand }));
    parts.push(sql`a as (delete from indicator_counter c using jsonb_to_recordset(${JSON.stringify(keys)}::jsonb)
      as k(area_code text, indicator text, year smallint, month smallint, sex text, age_band text)
      where c.area_code = k.area_code and c.indicator = k.indicator and c.year = k.year and c.month = k.month and c.sex = k.sex and c.age_band = k.age_band
        and c.reg_new = 0 and c.num_new = 0 and c.served = 0 and c.occurrences = 0)`);
  }
  if (fdown.length) {
    const keys = fdown.map((d) => ({ facility_id: d.facilityId, indicator: d.indicator, year: d.year, month: d.month, sex: d.sex, age_band: d.ageBand }));
    parts.push(sql`b as (delete from indicator_facility_counter c using jsonb_to_recordset(${JSON.stringify(keys)}::jsonb)
      as k(facility_id uuid, indicator text, year smallint, month smallint, sex text, age_band text)
      where c.facility_id = k.facility_id and c.indicator = k.indicator and c.year = k.year and c.month = k.month and c.sex = k.sex and c.age_band = k.age_band
        and c.num_new = 0 and c.served = 0 and c.occurrences = 0)`);
  }
  return parts;
}
