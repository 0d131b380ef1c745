import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { area, household, person, personResidence } from '../../db/schema';
import { one, rows, type DbOrTx } from '../../db/sql';
import { scopeCondition, type Scope } from '../../access/scope';
import { normalizeName } from '../../../core/people/names';
import type { IdCheckContext } from '../../../core/people/nik';

export interface PersonSummary {
  id: string;
  nik: string | null;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  status: string;
  statusDate: string | null;
  householdId: string | null;
  relationship: string | null;
  motherId: string | null;
  areaCode: string;
  villageCode: string;
  villageName: string | null;
}

const village = area;

export function personSummarySelect(db: DbOrTx) {
  return db
    .select({
      id: person.id,
      nik: person.nik,
      name: person.name,
      sex: person.sex,
      birthDate: person.birthDate,
      status: person.status,
      statusDate: person.statusDate,
      householdId: person.householdId,
      relationship: person.relationship,
      motherId: person.motherId,
      areaCode: person.areaCode,
      villageCode: person.villageCode,
      villageName: village.name,
    })
    .from(person)
    .leftJoin(village, eq(village.code, person.villageCode));
}

type Row = Omit<PersonSummary, 'sex'> & { sex: string };
export const toPersonSummary = (r: Row): PersonSummary => ({ ...r, sex: r.sex as 'M' | 'F' });

export async function personSummaries(db: DbOrTx, where: SQL, order: SQL[] = [asc(person.birthDate)]): Promise<PersonSummary[]> {
  return (await personSummarySelect(db).where(where).orderBy(...order)).map(toPersonSummary);
}

export async function getPerson(db: DbOrTx, id: string) {
  return (await db.select().from(person).where(eq(person.id, id)))[0];
}

const residenceVillage = alias(area, 'residence_village');

/** Where a person lived, newest first, with the names of the unit and its desa/kelurahan. */
export async function residences(db: DbOrTx, personId: string) {
  return db
    .select({
      id: personResidence.id,
      householdId: personResidence.householdId,
      areaCode: personResidence.areaCode,
      areaName: area.name,
      villageName: residenceVillage.name,
      fromDate: personResidence.fromDate,
      toDate: personResidence.toDate,
      reason: personResidence.reason,
      recordedAt: personResidence.recordedAt,
    })
    .from(personResidence)
    .leftJoin(area, eq(area.code, personResidence.areaCode))
    .leftJoin(residenceVillage, eq(residenceVillage.code, sql`left(${personResidence.areaCode}, 13)`))
    .where(eq(personResidence.personId, personId))
    .orderBy(desc(personResidence.id));
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (m) => '\\' + m);

/**
 * Finds people in scope by NIK (digits: prefix match), KK number, or name
 * (trigram similarity on the folded name, so "siti nur aini" finds
 * "Siti Nur'aini"), within an optional area.
 */
export async function searchPeople(
  db: DbOrTx,
  scope: Scope,
  opts: { q?: string; area?: string; status?: string; page: number; pageSize: number },
): Promise<{ items: PersonSummary[]; total: number }> {
  const conds: SQL[] = [scopeCondition(scope, person.areaCode)];
  if (opts.area && opts.area !== 'ID') conds.push(sql`(${person.areaCode} = ${opts.area} or ${person.areaCode} like ${opts.area + '.%'})`);
  if (opts.status) conds.push(eq(person.status, opts.status));
  let order: SQL[] = [asc(person.nameSearch), asc(person.id)];
  const q = opts.q?.trim();
  if (q) {
    const digits = q.replace(/[\s.\-]/g, '');
    if (/^\d{3,16}$/.test(digits)) {
      conds.push(sql`(${person.nik} like ${digits + '%'} or ${person.householdId} in (select ${household.id} from ${household} where ${household.kkNumber} like ${digits + '%'}))`);
    } else {
      const folded = normalizeName(q);
      if (folded.length > 0) {
        conds.push(sql`(${person.nameSearch} like ${'%' + escapeLike(folded) + '%'} or ${person.nameSearch} % ${folded})`);
        order = [sql`similarity(${person.nameSearch}, ${folded}) desc`, asc(person.nameSearch), asc(person.id)];
      }
    }
  }
  const where = and(...conds)!;
  const [items, count] = await Promise.all([
    personSummarySelect(db).where(where).orderBy(...order).limit(opts.pageSize).offset((opts.page - 1) * opts.pageSize),
    one<{ n: number }>(db, sql`select count(*)::int as n from ${person} where ${where}`),
  ]);
  return { items: items.map(toPersonSummary), total: count?.n ?? 0 };
}

/** People in the same desa/kelurahan with the same birth date and a similar name: possible duplicates. */
export async function similarPeople(db: DbOrTx, p: { name: string; birthDate: string; villageCode: string; excludeId?: string }) {
  return rows<{ id: string; name: string }>(db, sql`
    select ${person.id} as id, ${person.name} as name from ${person}
    where ${person.villageCode} = ${p.villageCode} and ${person.birthDate} = ${p.birthDate}
      and similarity(${person.nameSearch}, ${normalizeName(p.name)}) >= 0.5
      ${p.excludeId ? sql`and ${person.id} <> ${p.excludeId}` : sql``}
    limit 3`);
}

/** What the NIK/KK checks need to know about region codes, from the area tree. */
export async function idCheckContext(db: DbOrTx, numbers: string[]): Promise<IdCheckContext> {
  const kabs = [...new Set(numbers.filter((n) => /^\d{6}/.test(n)).map((n) => `${n.slice(0, 2)}.${n.slice(2, 4)}`))];
  const districts = [...new Set(numbers.filter((n) => /^\d{6}/.test(n)).map((n) => `${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)}`))];
  const known = new Set<string>();
  const servedKabs = new Set<string>();
  if (kabs.length) {
    const r = await rows<{ code: string; level: string; kab_code: string | null }>(db, sql`
      select code, level, kab_code from ${area}
      where code in (${sql.join([...kabs, ...districts].map((c) => sql`${c}`), sql`, `)})`);
    for (const x of r) known.add(x.code);
    const served = await rows<{ kab_code: string }>(db, sql`
      select distinct kab_code from ${area} where level = 'district' and kab_code in (${sql.join(kabs.map((c) => sql`${c}`), sql`, `)})`);
    for (const x of served) servedKabs.add(x.kab_code);
  }
  return {
    knownKab: (k) => known.has(k),
    knownDistrict: (d) => (servedKabs.has(d.slice(0, 5)) ? known.has(d) : undefined),
  };
}
