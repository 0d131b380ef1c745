import { eq, sql, type AnyColumn } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AREA_LEVELS, canContain, isAreaCode, kabCodeOf, levelOf, SUB_VILLAGE_LEVELS, subVillageCode, type AreaLevel,
} from '../../../core/areas/codes';
import { message } from '../../../core/i18n/messages';
import { inScope, isNavigable, narrowTo } from '../../access/scope';
import { writeAudit } from '../../audit/audit';
import type { Database } from '../../db/client';
import { area, facility, household, person } from '../../db/schema';
import { one } from '../../db/sql';
import { ApiError, errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { listVisibleFacilities } from '../facilities/facilities.repo';
import { countsByChild, countsWithin, getArea, getChildren, getLineage, searchAreas } from './areas.repo';

export const areaCodeSchema = z.string().trim().refine(isAreaCode, { params: { code: 'area_code_format' } });

const SUB_LEVEL_LABEL: Record<'dusun' | 'rw' | 'rt', (n: number) => string> = {
  dusun: (n) => `Dusun ${n}`,
  rw: (n) => `RW ${String(n).padStart(3, '0')}`,
  rt: (n) => `RT ${String(n).padStart(3, '0')}`,
};

export function registerAreaRoutes(app: FastifyInstance, database: Database): void {
  const { db } = database;

  defineRoute(app, {
    method: 'GET',
    url: '/api/areas/:code',
    summary: 'An area with its ancestors, children (with household and people counts) and facilities',
    tags: ['areas'],
    params: z.object({ code: areaCodeSchema }),
    responses: { 200: 'The area', 403: 'Outside the user scope', 404: 'Unknown area' },
    async handler({ params, auth, locale, req }) {
      const a = await getArea(db, params.code);
      if (!a) throw errors.notFound(locale);
      if (!isNavigable(auth.scope, a.code)) {
        throw errors.forbidden(locale, { action: 'denied', entityType: 'area', entityId: a.code, areaCode: a.code });
      }
      const [ancestors, children] = await Promise.all([getLineage(db, a.code), getChildren(db, a.code)]);
      const counts = await countsByChild(db, a.code, a.level, auth.scope);
      const visibleChildren = children
        .filter((c) => isNavigable(auth.scope, c.code))
        .map((c) => ({ ...c, inScope: inScope(auth.scope, c.code), ...(counts.get(c.code) ?? { households: 0, people: 0 }) }));
      return {
        area: { ...a, inScope: inScope(auth.scope, a.code) },
        ancestors: ancestors.slice(0, -1),
        children: visibleChildren,
        facilities: await listVisibleFacilities(db, auth.scope, { within: a.code, level: a.level }),
        counts: await countsWithin(db, narrowTo(auth.scope, a.code), auth.scope),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/areas',
    summary: 'Search areas by name, within a subtree and at a level',
    tags: ['areas'],
    query: z.object({
      q: z.string().trim().max(100).optional(),
      within: areaCodeSchema.optional(),
      level: z.enum(AREA_LEVELS as [AreaLevel, ...AreaLevel[]]).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    async handler({ query, auth }) {
      const items = await searchAreas(db, { q: query.q, within: query.within, level: query.level, limit: query.limit * 2 });
      return { items: items.filter((a) => isNavigable(auth.scope, a.code)).slice(0, query.limit) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/areas',
    summary: 'Create a sub-village unit (dusun, RW or RT) under a desa/kelurahan, dusun or RW',
    tags: ['areas'],
    status: 201,
    body: z.object({
      parentCode: areaCodeSchema,
      level: z.enum(SUB_VILLAGE_LEVELS as ['dusun', 'rw', 'rt']),
      number: z.number().int().min(1).max(999),
      name: z.string().trim().min(1).max(80).optional(),
    }).strict(),
    responses: { 201: 'Created', 409: 'A unit with that number already exists' },
    async handler({ body, auth, locale, req }) {
      if (!auth.permissions.managePlaces) throw errors.forbidden(locale);
      const parentLevel = levelOf(body.parentCode)!;
      if (!canContain(parentLevel, body.level)) {
        throw errors.validation([{ code: 'area_level_invalid', field: 'parentCode', params: { level: 'desa/kelurahan, dusun, RW' } }], locale);
      }
      if (body.level === 'dusun' && body.number > 99) throw errors.validation([{ code: 'too_big', field: 'number', params: { max: 99 } }], locale);
      if (!inScope(auth.scope, body.parentCode)) throw errors.forbidden(locale);
      const parent = await getArea(db, body.parentCode);
      if (!parent) throw errors.validation([{ code: 'area_unknown', field: 'parentCode', params: { code: body.parentCode } }], locale);
      const code = subVillageCode(body.parentCode, body.level, body.number);
      return db.transaction(async (tx) => {
        if (await one(tx, sql`select 1 from ${area} where ${area.code} = ${code}`)) {
          throw new ApiError(409, 'area_exists', locale === 'en' ? 'That unit already exists.' : 'Unit dengan nomor itu sudah ada.', { number: locale === 'en' ? 'Already exists' : 'Sudah ada' }, { code });
        }
        const row = { code, parentCode: body.parentCode, level: body.level, name: body.name ?? SUB_LEVEL_LABEL[body.level](body.number), kabCode: kabCodeOf(code), createdBy: auth.user.id };
        await tx.insert(area).values(row);
        await writeAudit(tx, req, { action: 'create', entityType: 'area', entityId: code, areaCode: code, details: { name: row.name } });
        return { code, name: row.name, level: body.level, kind: null, population: null, areaKm2: null };
      });
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/areas/:code',
    summary: 'Rename a sub-village unit',
    tags: ['areas'],
    params: z.object({ code: areaCodeSchema }),
    body: z.object({ name: z.string().trim().min(1).max(80) }).strict(),
    async handler({ params, body, auth, locale, req }) {
      const lvl = levelOf(params.code)!;
      if (!auth.permissions.managePlaces || !inScope(auth.scope, params.code)) throw errors.forbidden(locale);
      if (!(SUB_VILLAGE_LEVELS as readonly string[]).includes(lvl)) {
        throw errors.validation([{ code: 'area_level_invalid', field: 'code', params: { level: 'dusun/RW/RT' } }], locale);
      }
      return db.transaction(async (tx) => {
        const before = await getArea(tx, params.code);
        if (!before) throw errors.notFound(locale);
        await tx.update(area).set({ name: body.name, updatedAt: sql`now()` }).where(eq(area.code, params.code));
        await writeAudit(tx, req, { action: 'update', entityType: 'area', entityId: params.code, areaCode: params.code, details: { name: [before.name, body.name] } });
        return { ...before, name: body.name };
      });
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/areas/:code',
    summary: 'Delete an empty sub-village unit (no sub-units, households, people or facilities)',
    tags: ['areas'],
    status: 204,
    params: z.object({ code: areaCodeSchema }),
    async handler({ params, auth, locale, req }) {
      const lvl = levelOf(params.code)!;
      if (!auth.permissions.managePlaces || !inScope(auth.scope, params.code)) throw errors.forbidden(locale);
      if (!(SUB_VILLAGE_LEVELS as readonly string[]).includes(lvl)) {
        throw errors.validation([{ code: 'area_level_invalid', field: 'code', params: { level: 'dusun/RW/RT' } }], locale);
      }
      await db.transaction(async (tx) => {
        if (!(await getArea(tx, params.code))) throw errors.notFound(locale);
        const within = (col: AnyColumn) => sql`(${col} = ${params.code} or ${col} like ${params.code + '.%'})`;
        const used = await one<{ n: number }>(tx, sql`select
          (select count(*) from ${area} where ${area.parentCode} = ${params.code})
          + (select count(*) from ${household} where ${within(household.areaCode)})
          + (select count(*) from ${person} where ${within(person.areaCode)})
          + (select count(*) from ${facility} where ${within(facility.areaCode)}) as n`);
        if (Number(used?.n ?? 0) > 0) {
          throw new ApiError(409, 'area_not_empty', message({ code: 'area_not_empty' }, locale));
        }
        await tx.delete(area).where(eq(area.code, params.code));
        await writeAudit(tx, req, { action: 'delete', entityType: 'area', entityId: params.code, areaCode: params.code });
      });
    },
  });
}
