import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { isNavigable, scopeCondition, type Scope } from '../../access/scope';
import type { Database } from '../../db/client';
import { rows, type DbOrTx } from '../../db/sql';
import { area, areaBoundary } from '../../db/schema';
import { ApiError, errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { areaCodeSchema } from '../areas/areas.routes';
import { getArea } from '../areas/areas.repo';

export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: unknown;
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

/**
 * Imported boundaries of the areas at `level` under (or equal to) `code` that
 * lie in the scope. A Puskesmas user asking for its kecamatan gets only its
 * work area's desa.
 */
export async function readBoundaries(db: DbOrTx, code: string, level: 'district' | 'village', scope: Scope): Promise<BoundaryCollection> {
  const r = await rows<{ code: string; name: string; geometry: unknown }>(db, sql`
    SELECT ${area.code} AS code, ${area.name} AS name, ${areaBoundary.geometry} AS geometry
      FROM ${areaBoundary} JOIN ${area} ON ${area.code} = ${areaBoundary.areaCode}
     WHERE ${area.level} = ${level}
       AND (${area.code} = ${code} OR ${area.code} LIKE ${code + '.%'})
       AND ${scopeCondition(scope, area.code)}
     ORDER BY ${area.code}`);
  return {
    type: 'FeatureCollection',
    features: r.map((b) => ({ type: 'Feature', properties: { code: b.code, name: b.name }, geometry: typeof b.geometry === 'string' ? JSON.parse(b.geometry) : b.geometry })),
  };
}

const NO_BOUNDARIES: Record<'id' | 'en', string> = {
  id: 'Batas wilayah untuk tingkat ini belum diimpor (siklus boundaries import). Peta menampilkan petak per wilayah.',
  en: 'No boundaries have been imported for this level (siklus boundaries import). The map shows one tile per area.',
};

export function registerGeoRoutes(app: FastifyInstance, database: Database): void {
  const { db } = database;
  defineRoute(app, {
    method: 'GET',
    url: '/api/geo/boundaries',
    summary: 'GeoJSON boundaries (properties code, name) of the kecamatan or desa/kelurahan under an area, within the user scope',
    tags: ['geo'],
    query: z.object({ area: areaCodeSchema, level: z.enum(['district', 'village']) }),
    responses: { 403: 'The area lies outside the scope (audited)', 404: 'No boundaries imported for these areas' },
    async handler({ query, auth, locale }) {
      const a = await getArea(db, query.area);
      if (!a) throw errors.notFound(locale);
      if (!isNavigable(auth.scope, a.code)) {
        throw errors.forbidden(locale, { action: 'denied', entityType: 'boundaries', entityId: `${a.code}:${query.level}`, areaCode: a.code });
      }
      const fc = await readBoundaries(db, a.code, query.level, auth.scope);
      if (fc.features.length === 0) throw new ApiError(404, 'boundaries_not_imported', NO_BOUNDARIES[locale]);
      return fc;
    },
  });
}
