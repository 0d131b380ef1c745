/**
 * Due lists from the stored schedules (docs/fieldwork-api.md "Due lists"):
 * the people of some areas with items in the asked statuses on a day, one
 * page at a time, ordered by household then age. Reads windows only; the
 * caller refreshes stale schedules first (records/schedule-store.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import { rtRwOf } from '../../../core/areas/codes';
import type { Locale } from '../../../core/i18n/messages';
import type { ProtocolSettings } from '../../../core/protocol/settings';
import type { StageId } from '../../../core/protocol/types';
import { stagesOn, type StageSpan } from '../../../core/records/stages';
import { storedStatusOn, type StoredItem } from '../../../core/records/stored';
import type { ScheduleStatus } from '../../../core/schedule/status';
import { ageInDays, completedMonths, completedYears, type IsoDate } from '../../../core/time/dates';
import { rows, type DbOrTx } from '../../db/sql';
import { commitWith } from '../../db/pipeline';
import type { PersonSummary } from '../people/people.repo';
import { itemLabel } from '../records/schedule-view';
import { statusDaysSql, statusSql, summaryAnswers } from './status-sql';

export const DUE_STATUSES = ['due', 'overdue', 'missed', 'upcoming'] as const satisfies readonly ScheduleStatus[];

export interface DueItem {
  key: string;
  item: string;
  label: string;
  programme: string;
  status: ScheduleStatus;
  window: { earliest: IsoDate; due: IsoDate; latest: IsoDate };
  dose?: number;
  period?: string;
}

export type DuePersonSummary = PersonSummary & { ageLabel: string; householdId: string | null; headName: string | null; rt: string | null; rw: string | null };

export interface DuePerson {
  person: DuePersonSummary;
  stages: StageId[];
  items: DueItem[];
}

export interface DueFilter {
  /** `person p` condition: area and scope. */
  where: SQL;
  on: IsoDate;
  statuses: readonly ScheduleStatus[];
  stage?: StageId;
  programmes?: readonly string[];
  items?: readonly string[];
}

/** Area codes (subtrees) as a condition on a column. */
export function areasSql(codes: readonly string[], column: SQL): SQL {
  if (codes.includes('ID')) return sql`true`;
  if (!codes.length) return sql`false`;
  return sql`(${sql.join(codes.map((c) => sql`(${column} = ${c} or ${column} like ${c + '.%'})`), sql` or `)})`;
}

/** "34 th", "8 bln", "12 hr" (en: "34 y", "8 mo", "12 d"), as the app writes ages. */
export function ageLabel(birthDate: IsoDate, on: IsoDate, locale: Locale): string {
  const months = completedMonths(birthDate, on);
  if (months >= 24) return `${completedYears(birthDate, on)} ${locale === 'en' ? 'y' : 'th'}`;
  if (months >= 1) return `${months} ${locale === 'en' ? 'mo' : 'bln'}`;
  return `${Math.max(0, ageInDays(birthDate, on))} ${locale === 'en' ? 'd' : 'hr'}`;
}

/**
 * A list's conditions: who can be listed (over person `p` and their stored state `s`), which of their
 * items are shown (over person_schedule_item `i`), and whether a person has such an item on the day
 * (over `p` and `s`). For the open-window statuses without a programme or item filter the state row's
 * status days answer (core/records/status-days.ts): one row per person instead of probing their items.
 */
function filterParts(f: DueFilter): { people: SQL; items: SQL; listed: SQL } {
  const people: SQL[] = [sql`p.status = 'alive'`, f.where];
  const conds: SQL[] = [statusSql(f.statuses, f.on)];
  if (f.programmes?.length) conds.push(sql`i.programme in (${sql.join(f.programmes.map((x) => sql`${x}`), sql`, `)})`);
  if (f.items?.length) conds.push(sql`i.item in (${sql.join(f.items.map((x) => sql`${x}`), sql`, `)})`);
  if (f.stage) {
    people.push(sql`exists (select 1 from jsonb_array_elements(s.stages) sp
      where sp->>'id' = ${f.stage} and sp->>'from' <= ${f.on} and coalesce(sp->>'to', '9999-12-31') >= ${f.on})`);
  }
  const items = sql.join(conds, sql` and `);
  const listed = !f.programmes?.length && !f.items?.length && summaryAnswers(f.statuses)
    ? statusDaysSql(f.statuses, f.on)
    : sql`exists (select 1 from person_schedule_item i where i.person_id = p.id and ${items})`;
  return { people: sql.join(people, sql` and `), items, listed };
}

// The place's people with their stored state, materialized: one pass gives who is stale and who is
// listed. Joined directly to the items, PostgreSQL priced the per-person lookups high and chose a
// parallel scan of all of person (60–300 ms on 270,000 people instead of ~6 ms); a CTE keeps the
// plan on the area index. It carries the person columns the page shows, so the listed people are
// not looked up again by id.
const PLACE_COLUMNS = sql.raw('p.id, p.nik, p.name, p.sex, p.birth_date, p.status, p.status_date, p.household_id, p.relationship, p.mother_id, p.area_code, p.village_code, p.kab_code');

const ITEM_COLUMNS = sql.raw('i.person_id, i.key, i.item, i.programme, i.earliest, i.due, i.latest, i.state, i.done_on, i.done_event_id, i.dose, i.period');

interface PageRow {
  id: string;
  nik: string | null;
  name: string;
  sex: 'M' | 'F';
  birth_date: string;
  status: string;
  status_date: string | null;
  household_id: string | null;
  relationship: string | null;
  mother_id: string | null;
  area_code: string;
  village_code: string;
  kab_code: string;
  village_name: string | null;
  head_name: string | null;
  household_area: string | null;
  stages: StageSpan[] | null;
  total: number;
  items: ItemTuple[] | null;
}

/** A page item as the list statement sends it (agg's json_build_array). */
type ItemTuple = [key: string, item: string, programme: string, earliest: string, due: string, latest: string, state: StoredItem['state'],
  doneOn: string | null, doneEventId: string | null, dose: number | null, period: string | null];

/** A list's audit row as part of its statement: `sql(details, condition)` is the insert (audit.ts auditInsertSql). */
export interface ListAudit {
  sql: (details: SQL, condition: SQL) => SQL;
  /** Stale schedules refreshed before this reading (the details say so). */
  refreshed: number;
}

export interface DuePage {
  total: number;
  people: DuePerson[];
}

/**
 * One page of the due list. `settingsOf` gives the district settings for
 * item labels (labels can change with a district's KPSP ages).
 */
export async function dueList(db: DbOrTx, f: DueFilter, page: { page: number; pageSize: number }, locale: Locale, settingsOf: (kab: string) => ProtocolSettings): Promise<DuePage> {
  return (await guardedDueList(db, f, page, locale, settingsOf, null)).value;
}

/**
 * dueList with the staleness check in the same statement: `stale` (the
 * stale condition over person `p` and their state `s`, schedule-store.ts
 * staleCondition) is answered with the page, and when it finds anyone the
 * page is not built (the caller refreshes them and reads again). One round
 * trip either way.
 */
export async function guardedDueList(
  db: DbOrTx, f: DueFilter, page: { page: number; pageSize: number }, locale: Locale, settingsOf: (kab: string) => ProtocolSettings, stale: SQL | null,
  audit?: ListAudit,
): Promise<{ value: DuePage; stale: string[] }> {
  const { people, items, listed } = filterParts(f);
  // Who is listed is read from the place's state rows; all the items are read for the page's people
  // alone. The head row carries the stale ids and the total, so an empty page (or a stale place)
  // still answers in this statement.
  // The list's statement is the last of its transaction (readFresh): the commit goes with it.
  commitWith(db);
  const r = await rows<PageRow & { stale: string[]; head_total: number }>(db, sql`
    with place as materialized (
      select ${PLACE_COLUMNS}, ${stale ?? sql`false`} as stale, ${listed} as listed
      from person p left join person_schedule_state s on s.person_id = p.id where ${people}
    ),
    ${stale ? sql`stale as materialized (select place.id from place where place.stale),` : sql``}
    ppl as not materialized (select ${PLACE_COLUMNS} from place p where p.listed${stale ? sql` and not exists (select 1 from stale)` : sql``}),
    pg as (
      -- Ordered by the person's own area: a living person lives at their household's area (households
      -- move with their members, households.routes.ts), so no household is looked up before the page is cut.
      select p.*, count(*) over () as total
      from ppl p
      order by p.area_code, p.household_id nulls last, p.birth_date, p.id
      limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}
    ),
    hit as (select ${ITEM_COLUMNS} from pg join person_schedule_item i on i.person_id = pg.id where ${items}),
    -- The page's items gathered in one pass (a subquery per person rescanned all of hit for each).
    -- Each item as an array in ItemTuple order: no key names repeated per item (a third less to build, send and parse).
    agg as (
      select hit.person_id, json_agg(json_build_array(hit.key, hit.item, hit.programme, hit.earliest, hit.due, hit.latest, hit.state, hit.done_on,
         hit.done_event_id, hit.dose, hit.period) order by hit.earliest, hit.key) as items
      from hit group by hit.person_id
    ),
    pgx as (
      select pg.id, pg.nik, pg.name, pg.sex, pg.birth_date, pg.status, pg.status_date, pg.household_id, pg.relationship, pg.mother_id,
             pg.area_code, pg.village_code, pg.kab_code, (select v.name from area v where v.code = pg.village_code) as village_name,
             hp.name as head_name, h.area_code as household_area, pg.total,
             st.stages, agg.items
      from pg left join agg on agg.person_id = pg.id left join person_schedule_state st on st.person_id = pg.id
      left join household h on h.id = pg.household_id left join person hp on hp.id = h.head_person_id
      -- The desa name by a lookup per page row: joined, the area table (3,400 rows) was scanned and hashed for 50 names.
    ),
    head as (
      select ${stale ? sql`coalesce((select json_agg(stale.id) from stale), '[]'::json)` : sql`'[]'::json`} as stale,
        -- A page past the end has no rows to carry the total: counted then only (coalesce stops at the first value).
        coalesce((select pg.total from pg limit 1), (select count(*) from ppl)) as total
    )${audit ? sql`,
    -- The list's audit row, written by this statement when it answers (not when someone is stale).
    aud as (${audit.sql(
      sql`jsonb_build_object('on', ${f.on}::text, 'results', (select count(*) from pgx), 'total', (select total from head), 'refreshed', ${audit.refreshed}::int)`,
      stale ? sql`not exists (select 1 from stale)` : sql`true`)})` : sql``}
    select head.stale, head.total as head_total, pgx.*
    from head left join pgx on true
    order by pgx.area_code, pgx.household_id nulls last, pgx.birth_date, pgx.id`);
  const head = r[0]!;
  if (head.stale.length) return { value: { total: 0, people: [] }, stale: head.stale };
  const rowsOut = r.filter((x) => x.id !== null);
  return { value: { total: Number(head.head_total), people: rowsOut.map((x) => toDuePerson(x, f.on, locale, settingsOf(x.kab_code))) }, stale: [] };
}

function toDuePerson(x: PageRow, on: IsoDate, locale: Locale, settings: ProtocolSettings): DuePerson {
  const rtrw = rtRwOf(x.household_area ?? x.area_code);
  const items: DueItem[] = [];
  for (const [key, item, programme, earliest, due, latest, state, doneOn, doneEventId, dose, period] of x.items ?? []) {
    const stored: StoredItem = { key, item, programme, earliest, due, latest, state, doneEventId, doneOn, dose, period };
    const status = storedStatusOn(stored, on);
    if (!status) continue;
    items.push({
      key, item, label: itemLabel(settings, item, locale, period), programme, status,
      window: { earliest, due, latest }, ...(dose !== null ? { dose } : {}), ...(period !== null ? { period } : {}),
    });
  }
  return {
    person: {
      id: x.id, nik: x.nik, name: x.name, sex: x.sex, birthDate: x.birth_date, status: x.status, statusDate: x.status_date,
      householdId: x.household_id, relationship: x.relationship, motherId: x.mother_id, areaCode: x.area_code, villageCode: x.village_code,
      villageName: x.village_name, ageLabel: ageLabel(x.birth_date, on, locale), headName: x.head_name, rt: rtrw.rt, rw: rtrw.rw,
    },
    stages: stagesOn(x.stages ?? [], on),
    items,
  };
}
