import { sql, type SQL } from 'drizzle-orm';
import { rtRwOf } from '../../../core/areas/codes';
import { normalizeName } from '../../../core/people/names';
import { scopeCondition, type Scope } from '../../access/scope';
import { one, rows, type DbOrTx } from '../../db/sql';

export interface HouseholdSummary {
  id: string;
  kkNumber: string | null;
  address: string | null;
  areaCode: string;
  areaName: string | null;
  rt: string | null;
  rw: string | null;
  dusun: string | null;
  villageCode: string;
  villageName: string | null;
  headPersonId: string | null;
  headName: string | null;
  memberCount: number;
  version: number;
}

interface Row {
  id: string;
  kk_number: string | null;
  address: string | null;
  area_code: string;
  area_name: string | null;
  village_code: string;
  village_name: string | null;
  head_person_id: string | null;
  head_name: string | null;
  member_count: number;
  version: number;
}

const toSummary = (r: Row): HouseholdSummary => ({
  id: r.id,
  kkNumber: r.kk_number,
  address: r.address,
  areaCode: r.area_code,
  areaName: r.area_name,
  ...rtRwOf(r.area_code),
  villageCode: r.village_code,
  villageName: r.village_name,
  headPersonId: r.head_person_id,
  headName: r.head_name,
  memberCount: r.member_count,
  version: r.version,
});

/** Household summaries; `where` and `tail` (order/limit) refer to the household as `h`. */
export async function householdSummaries(db: DbOrTx, where: SQL, tail: SQL = sql`order by h.area_code, h.id`): Promise<HouseholdSummary[]> {
  const r = await rows<Row>(db, sql`
    select h.id, h.kk_number, h.address, h.area_code, a.name as area_name, h.village_code, v.name as village_name,
           h.head_person_id, hp.name as head_name, h.version,
           (select count(*) from person m where m.household_id = h.id and m.status = 'alive')::int as member_count
    from household h
    left join area a on a.code = h.area_code
    left join area v on v.code = h.village_code
    left join person hp on hp.id = h.head_person_id
    where ${where} ${tail}`);
  return r.map(toSummary);
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (m) => '\\' + m);

/** Households in scope, within an area, found by KK number, a member's name or the address. */
export async function searchHouseholds(
  db: DbOrTx,
  scope: Scope,
  opts: { q?: string; area?: string; page: number; pageSize: number },
): Promise<{ items: HouseholdSummary[]; total: number }> {
  const conds: SQL[] = [scopeCondition(scope, sql`h.area_code`)];
  if (opts.area && opts.area !== 'ID') conds.push(sql`(h.area_code = ${opts.area} or h.area_code like ${opts.area + '.%'})`);
  const q = opts.q?.trim();
  if (q) {
    const digits = q.replace(/[\s.\-]/g, '');
    if (/^\d{3,16}$/.test(digits)) {
      conds.push(sql`(h.kk_number like ${digits + '%'} or exists (select 1 from person m where m.household_id = h.id and m.nik like ${digits + '%'}))`);
    } else {
      const folded = normalizeName(q);
      conds.push(sql`(exists (select 1 from person m where m.household_id = h.id and (m.name_search like ${'%' + escapeLike(folded) + '%'} or m.name_search % ${folded}))
        or h.address ilike ${'%' + escapeLike(q) + '%'})`);
    }
  }
  const where = sql.join(conds, sql` and `);
  const [items, count] = await Promise.all([
    householdSummaries(db, where, sql`order by h.area_code, hp.name nulls last, h.id limit ${opts.pageSize} offset ${(opts.page - 1) * opts.pageSize}`),
    one<{ n: number }>(db, sql`select count(*)::int as n from household h where ${where}`),
  ]);
  return { items, total: count?.n ?? 0 };
}
