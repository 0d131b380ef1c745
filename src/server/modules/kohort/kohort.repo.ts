/**
 * The people a kohort register may list and their events: two queries (the
 * candidates with their mother's and household head's names, then every
 * event of those candidates through the same filter), whatever the size of
 * the desa.
 */
import { sql, type SQL } from 'drizzle-orm';
import { codesFor } from '../../../core/codes/registry';
import { SYSTEM } from '../../../core/codes/systems';
import type { KohortKind, KohortPerson, KohortPersonInput } from '../../../core/kohort';
import { candidateBounds } from '../../../core/kohort';
import type { RecordInputEvent } from '../../../core/record/events';
import { addYears, type IsoDate } from '../../../core/time/dates';
import { scopeCondition, type Scope } from '../../access/scope';
import { rows, type DbOrTx } from '../../db/sql';

/** Events that open or close a pregnancy: a woman without one in the last two years is not on the kohort ibu. */
function pregnancyEventCondition(from: IsoDate, on: IsoDate): SQL {
  const parts = [...codesFor('pregnancy'), ...codesFor('delivery')].map((c) =>
    c.system === SYSTEM.icd10
      ? sql`(e.code_system = ${c.system} and upper(left(e.code, 3)) = ${c.code.toUpperCase()})`
      : sql`(e.code_system = ${c.system} and e.code = ${c.code})`);
  return sql`exists (select 1 from event e where e.person_id = p.id and e.occurred_on between ${from} and ${on} and (${sql.join(parts, sql` or `)}))`;
}

function candidateFilter(kind: KohortKind, village: string, scope: Scope, monthStart: IsoDate, on: IsoDate): SQL {
  const b = candidateBounds(kind, monthStart, on);
  const conds: SQL[] = [sql`p.village_code = ${village}`, scopeCondition(scope, sql`p.area_code`), sql`p.birth_date <= ${b.bornOnOrBefore}`];
  if (b.bornAfter) conds.push(sql`p.birth_date > ${b.bornAfter}`);
  if (b.sex) conds.push(sql`p.sex = ${b.sex}`);
  // A pregnancy and its nifas span under a year; two years back catches every one that reaches the month.
  if (kind === 'ibu') conds.push(pregnancyEventCondition(addYears(monthStart, -2), on));
  return sql.join(conds, sql` and `);
}

interface PersonRow {
  id: string; name: string; nik: string | null; sex: string; birth_date: string; area_code: string; status: string; status_date: string | null;
  mother_name: string | null; head_name: string | null;
}

interface EventRow {
  id: string; person_id: string; kind: string; code_system: string | null; code: string; occurred_on: string; value_num: number | null;
  value: unknown; unit: string | null; place_kind: string | null; supersedes_id: string | null;
}

export async function kohortPeople(db: DbOrTx, kind: KohortKind, village: string, scope: Scope, monthStart: IsoDate, on: IsoDate): Promise<KohortPersonInput[]> {
  const where = candidateFilter(kind, village, scope, monthStart, on);
  const people = await rows<PersonRow>(db, sql`
    select p.id, p.name, p.nik, p.sex, p.birth_date, p.area_code, p.status, p.status_date, m.name as mother_name, hp.name as head_name
    from person p
    left join person m on m.id = p.mother_id
    left join household h on h.id = p.household_id
    left join person hp on hp.id = h.head_person_id
    where ${where}`);
  if (people.length === 0) return [];
  const events = await rows<EventRow>(db, sql`
    select ev.id, ev.person_id, ev.kind, ev.code_system, ev.code, ev.occurred_on, ev.value_num, ev.value, ev.unit, ev.place_kind, ev.supersedes_id
    from event ev join person p on p.id = ev.person_id
    where ${where} and ev.occurred_on <= ${on}
    order by ev.person_id, ev.occurred_on, ev.recorded_at, ev.id`);
  const byPerson = new Map<string, RecordInputEvent[]>();
  for (const e of events) {
    const list = byPerson.get(e.person_id) ?? [];
    list.push({ id: e.id, codeSystem: e.code_system, code: e.code, occurredOn: e.occurred_on, valueNum: e.value_num, value: e.value, placeKind: e.place_kind, supersedesId: e.supersedes_id, kind: e.kind, unit: e.unit });
    byPerson.set(e.person_id, list);
  }
  return people.map((r) => {
    const person: KohortPerson = {
      id: r.id, name: r.name, nik: r.nik, sex: r.sex === 'F' ? 'F' : 'M', birthDate: r.birth_date, areaCode: r.area_code,
      status: r.status, statusDate: r.status_date, motherName: r.mother_name, headName: r.head_name,
    };
    return { person, events: byPerson.get(r.id) ?? [] };
  });
}
