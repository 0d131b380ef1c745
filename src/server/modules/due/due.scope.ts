/**
 * Which areas a list covers: a facility's coverage (a Posyandu's RW, a
 * Pustu's desa), an area, or the user's whole scope — always cut to the
 * user's scope. Outside it the request is refused (403, audited).
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../core/i18n/messages';
import { narrowTo } from '../../access/scope';
import type { AuthContext } from '../../auth/session';
import { facility, facilityCoverage } from '../../db/schema';
import type { DbOrTx } from '../../db/sql';
import { errors } from '../../http/errors';

export interface ListPlace {
  codes: string[];
  facility: { id: string; name: string; type: string; areaCode: string; kabCode: string } | null;
}

export async function facilityAreas(db: DbOrTx, facilityId: string): Promise<{ f: ListPlace['facility']; codes: string[] } | null> {
  // The facility and its coverage in one round trip.
  const [f] = await db.select({
    id: facility.id, name: facility.name, type: facility.type, areaCode: facility.areaCode, kabCode: facility.kabCode,
    coverage: sql<string[] | null>`(select json_agg(${facilityCoverage.areaCode}) from ${facilityCoverage} where ${facilityCoverage.facilityId} = ${facility.id})`,
  }).from(facility).where(eq(facility.id, facilityId));
  if (!f) return null;
  const { coverage, ...rest } = f;
  return { f: rest, codes: coverage?.length ? [...coverage].sort() : [f.areaCode] };
}

/** facilityAreas as a SQL expression (one JSON value), to read in a statement that does other things. */
export function facilityAreasSql(facilityId: string): SQL {
  return sql`(select json_build_object('id', f.id, 'name', f.name, 'type', f.type, 'areaCode', f.area_code, 'kabCode', f.kab_code,
    'coverage', (select json_agg(c.area_code) from ${facilityCoverage} c where c.facility_id = f.id)) from ${facility} f where f.id = ${facilityId})`;
}

/** facilityAreas from facilityAreasSql's value. */
export function facilityAreasFrom(v: unknown): { f: ListPlace['facility']; codes: string[] } | null {
  if (!v) return null;
  const { coverage, ...f } = v as NonNullable<ListPlace['facility']> & { coverage: string[] | null };
  return { f, codes: coverage?.length ? [...coverage].sort() : [f.areaCode] };
}

/** listPlace for a facility whose areas were read already (facilityAreasFrom). */
export function facilityPlace(auth: AuthContext, locale: Locale, facilityId: string, found: { f: ListPlace['facility']; codes: string[] } | null): ListPlace {
  if (!found) throw errors.notFound(locale);
  const codes = found.codes.flatMap((c) => narrowTo(auth.scope, c));
  if (!codes.length) throw errors.forbidden(locale, { action: 'denied', entityType: 'facility', entityId: facilityId, areaCode: found.f!.areaCode });
  return { codes: [...new Set(codes)], facility: found.f };
}

export async function listPlace(db: DbOrTx, auth: AuthContext, locale: Locale, q: { facility?: string; area?: string }): Promise<ListPlace> {
  if (q.facility) return facilityPlace(auth, locale, q.facility, await facilityAreas(db, q.facility));
  if (q.area) {
    const codes = narrowTo(auth.scope, q.area);
    if (!codes.length) throw errors.forbidden(locale, { action: 'denied', entityType: 'area', entityId: q.area, areaCode: q.area });
    return { codes, facility: null };
  }
  return { codes: [...auth.scope.codes], facility: null };
}
