/**
 * Which areas a list covers: a facility's coverage (a Posyandu's RW, a
 * Pustu's desa), an area, or the user's whole scope — always cut to the
 * user's scope. Outside it the request is refused (403, audited).
 */
import { eq, sql } from 'drizzle-orm';
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

export async function listPlace(db: DbOrTx, auth: AuthContext, locale: Locale, q: { facility?: string; area?: string }): Promise<ListPlace> {
  if (q.facility) {
    const found = await facilityAreas(db, q.facility);
    if (!found) throw errors.notFound(locale);
    const codes = found.codes.flatMap((c) => narrowTo(auth.scope, c));
    if (!codes.length) throw errors.forbidden(locale, { action: 'denied', entityType: 'facility', entityId: q.facility, areaCode: found.f!.areaCode });
    return { codes: [...new Set(codes)], facility: found.f };
  }
  if (q.area) {
    const codes = narrowTo(auth.scope, q.area);
    if (!codes.length) throw errors.forbidden(locale, { action: 'denied', entityType: 'area', entityId: q.area, areaCode: q.area });
    return { codes, facility: null };
  }
  return { codes: [...auth.scope.codes], facility: null };
}
