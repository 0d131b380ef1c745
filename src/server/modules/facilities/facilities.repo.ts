import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { kabCodeOf, type AreaLevel } from '../../../core/areas/codes';
import type { FacilityType } from '../../../core/facilities/types';
import { inScope, scopeAll, scopeCondition, type Scope } from '../../access/scope';
import { area, facility } from '../../db/schema';
import type { DbOrTx } from '../../db/sql';

export interface FacilitySummary {
  id: string;
  name: string;
  type: FacilityType;
  code: string | null;
  areaCode: string;
  areaName: string | null;
  parentId: string | null;
  parentName: string | null;
  active: boolean;
}

/**
 * Facilities people are referred to (Puskesmas, hospitals, clinics) are
 * visible across the user's kabupaten/kota; the network below a Puskesmas
 * (Pustu, Posyandu) only inside the user's scope.
 */
const DISTRICT_WIDE: readonly FacilityType[] = ['dinkes', 'puskesmas', 'rumah_sakit', 'klinik_pratama', 'praktik_mandiri'];

export function facilityVisible(scope: Scope, f: { type: string; areaCode: string; kabCode: string }): boolean {
  if (scopeAll(scope) || inScope(scope, f.areaCode)) return true;
  return (DISTRICT_WIDE as readonly string[]).includes(f.type) && scope.codes.some((c) => kabCodeOf(c) === f.kabCode || c === f.kabCode.slice(0, 2));
}

function visibleCondition(scope: Scope): SQL {
  if (scopeAll(scope)) return sql`true`;
  const kabs = [...new Set(scope.codes.map((c) => kabCodeOf(c)).filter((k): k is string => !!k))];
  const provinces = scope.codes.filter((c) => c.length === 2);
  const wide = sql`${facility.type} in (${sql.join(DISTRICT_WIDE.map((t) => sql`${t}`), sql`, `)})`;
  const kabCond = kabs.length ? sql`${facility.kabCode} in (${sql.join(kabs.map((k) => sql`${k}`), sql`, `)})` : sql`false`;
  const provCond = provinces.length ? sql.join(provinces.map((p) => sql`${facility.kabCode} like ${p + '.%'}`), sql` or `) : sql`false`;
  return sql`(${scopeCondition(scope, facility.areaCode)} or (${wide} and (${kabCond} or ${provCond})))`;
}

/** Which facility types an area page lists, so a kabupaten page is not a list of 600 Posyandu. */
const TYPES_BY_LEVEL: Record<AreaLevel, readonly FacilityType[]> = {
  country: ['dinkes'],
  province: ['dinkes', 'rumah_sakit'],
  regency: ['dinkes', 'puskesmas', 'rumah_sakit', 'klinik_pratama'],
  district: ['puskesmas', 'pustu', 'klinik_pratama', 'praktik_mandiri', 'rumah_sakit'],
  village: ['puskesmas', 'pustu', 'posyandu', 'klinik_pratama', 'praktik_mandiri'],
  dusun: ['posyandu', 'pustu'],
  rw: ['posyandu', 'pustu'],
  rt: ['posyandu'],
};

const parent = alias(facility, 'parent_facility');

function summarySelect(db: DbOrTx) {
  return db
    .select({
      id: facility.id,
      name: facility.name,
      type: facility.type,
      code: facility.code,
      areaCode: facility.areaCode,
      areaName: area.name,
      parentId: facility.parentId,
      parentName: parent.name,
      active: facility.active,
    })
    .from(facility)
    .leftJoin(area, eq(area.code, facility.areaCode))
    .leftJoin(parent, eq(parent.id, facility.parentId));
}

type SummaryRow = Omit<FacilitySummary, 'type'> & { type: string };
const toSummary = (r: SummaryRow): FacilitySummary => ({ ...r, type: r.type as FacilityType });

export async function listVisibleFacilities(
  db: DbOrTx,
  scope: Scope,
  opts: { within?: string; level?: AreaLevel; type?: FacilityType; q?: string; limit?: number },
): Promise<FacilitySummary[]> {
  const conds: SQL[] = [visibleCondition(scope)];
  if (opts.within && opts.within !== 'ID') conds.push(sql`(${facility.areaCode} = ${opts.within} or ${facility.areaCode} like ${opts.within + '.%'})`);
  const types = opts.type ? [opts.type] : opts.level ? TYPES_BY_LEVEL[opts.level] : undefined;
  if (types) conds.push(inArray(facility.type, [...types]));
  if (opts.q) conds.push(sql`${facility.name} ilike ${'%' + opts.q.replace(/[%_\\]/g, (m) => '\\' + m) + '%'}`);
  const r = await summarySelect(db)
    .where(and(...conds))
    .orderBy(sql`array_position(array['dinkes','rumah_sakit','puskesmas','klinik_pratama','praktik_mandiri','pustu','posyandu']::text[], ${facility.type})`, asc(facility.name))
    .limit(opts.limit ?? 500);
  return r.map(toSummary);
}

export async function getFacilitySummaries(db: DbOrTx, ids: string[]): Promise<FacilitySummary[]> {
  if (ids.length === 0) return [];
  return (await summarySelect(db).where(inArray(facility.id, ids))).map(toSummary);
}

export async function getFacility(db: DbOrTx, id: string) {
  const r = await db.select().from(facility).where(eq(facility.id, id));
  return r[0];
}

export async function childFacilities(db: DbOrTx, id: string): Promise<FacilitySummary[]> {
  return (await summarySelect(db).where(eq(facility.parentId, id)).orderBy(asc(facility.name))).map(toSummary);
}
