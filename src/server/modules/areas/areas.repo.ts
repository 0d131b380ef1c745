import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { AREA_LEVELS, lineage, type AreaLevel } from '../../../core/areas/codes';
import type { Scope } from '../../access/scope';
import { scopeCondition } from '../../access/scope';
import { area, household, person } from '../../db/schema';
import { rows, type DbOrTx } from '../../db/sql';

export interface AreaSummary {
  code: string;
  name: string;
  level: AreaLevel;
  kind: string | null;
  population: number | null;
  areaKm2: number | null;
}

const summaryColumns = {
  code: area.code,
  name: area.name,
  level: area.level,
  kind: area.kind,
  population: area.population,
  areaKm2: area.areaKm2,
};

function toSummary(r: { code: string; name: string; level: string; kind: string | null; population: number | null; areaKm2: number | null }): AreaSummary {
  return { ...r, level: r.level as AreaLevel };
}

export async function getArea(db: DbOrTx, code: string): Promise<AreaSummary | undefined> {
  const r = await db.select(summaryColumns).from(area).where(eq(area.code, code));
  return r[0] ? toSummary(r[0]) : undefined;
}

export async function getAreas(db: DbOrTx, codes: string[]): Promise<AreaSummary[]> {
  if (codes.length === 0) return [];
  const r = await db.select(summaryColumns).from(area).where(inArray(area.code, codes));
  const byCode = new Map(r.map((x) => [x.code, toSummary(x)]));
  return codes.map((c) => byCode.get(c)).filter((x): x is AreaSummary => !!x);
}

/** The area and its ancestors, root first. */
export async function getLineage(db: DbOrTx, code: string): Promise<AreaSummary[]> {
  return getAreas(db, lineage(code));
}

export async function getChildren(db: DbOrTx, code: string): Promise<AreaSummary[]> {
  const r = await db.select(summaryColumns).from(area).where(eq(area.parentCode, code)).orderBy(asc(area.code));
  return r.map(toSummary);
}

/**
 * The length of a child's code under `code`. Codes nest with fixed widths
 * (74 → 74.02 → 74.02.15 → 74.02.15.1005 → …1005.RW003 → …RW003.RT001), so
 * grouping by the code prefix of that length counts per child in one scan.
 */
export function childCodeLength(code: string, level: AreaLevel): number {
  switch (level) {
    case 'country':
      return 2;
    case 'province':
      return 5;
    case 'regency':
      return 8;
    case 'district':
      return 13;
    default:
      return code.length + 6;
  }
}

export interface Counts {
  households: number;
  people: number;
}

/** Household and living-people counts per child area, limited to the scope. */
export async function countsByChild(db: DbOrTx, code: string, level: AreaLevel, scope: Scope): Promise<Map<string, Counts>> {
  const len = childCodeLength(code, level);
  const prefix = code === 'ID' ? '' : code + '.';
  const out = new Map<string, Counts>();
  const hh = await rows<{ k: string; n: number }>(db, sql`
    select left(${household.areaCode}, ${len}) as k, count(*)::int as n from ${household}
    where ${household.areaCode} like ${prefix + '%'} and ${scopeCondition(scope, household.areaCode)}
    group by 1`);
  for (const r of hh) out.set(r.k, { households: r.n, people: 0 });
  const pp = await rows<{ k: string; n: number }>(db, sql`
    select left(${person.areaCode}, ${len}) as k, count(*)::int as n from ${person}
    where ${person.areaCode} like ${prefix + '%'} and ${person.status} = 'alive' and ${scopeCondition(scope, person.areaCode)}
    group by 1`);
  for (const r of pp) {
    const c = out.get(r.k) ?? { households: 0, people: 0 };
    c.people = r.n;
    out.set(r.k, c);
  }
  return out;
}

/** Household and living-people counts inside an area (and the scope). */
export async function countsWithin(db: DbOrTx, codes: string[], scope: Scope): Promise<Counts> {
  if (codes.length === 0) return { households: 0, people: 0 };
  const within = (col: typeof household.areaCode | typeof person.areaCode) =>
    sql.join(codes.map((c) => (c === 'ID' ? sql`true` : sql`(${col} = ${c} or ${col} like ${c + '.%'})`)), sql` or `);
  const [h] = await rows<{ n: number }>(db, sql`
    select count(*)::int as n from ${household} where (${within(household.areaCode)}) and ${scopeCondition(scope, household.areaCode)}`);
  const [p] = await rows<{ n: number }>(db, sql`
    select count(*)::int as n from ${person} where (${within(person.areaCode)}) and ${person.status} = 'alive' and ${scopeCondition(scope, person.areaCode)}`);
  return { households: h?.n ?? 0, people: p?.n ?? 0 };
}

/** Search areas by name (and alias), optionally within a subtree and at a level. */
export async function searchAreas(
  db: DbOrTx,
  opts: { q?: string; within?: string; level?: AreaLevel; limit: number },
): Promise<AreaSummary[]> {
  const conds = [];
  if (opts.q) conds.push(sql`${area.name} ilike ${'%' + opts.q.replace(/[%_\\]/g, (m) => '\\' + m) + '%'}`);
  if (opts.within && opts.within !== 'ID') conds.push(sql`${area.code} like ${opts.within + '.%'}`);
  if (opts.level) conds.push(eq(area.level, opts.level));
  const r = await db
    .select(summaryColumns)
    .from(area)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(sql`array_position(array[${sql.join(AREA_LEVELS.map((l) => sql`${l}`), sql`,`)}]::text[], ${area.level})`, asc(area.name))
    .limit(opts.limit);
  return r.map(toSummary);
}
