import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { kabCodeOf, levelOf } from '../../../core/areas/codes';
import {
  ALLOWED_PARENT, COVERAGE_LEVELS, FACILITY_LABEL, FACILITY_TYPES, LOCATION_LEVELS, type FacilityType,
} from '../../../core/facilities/types';
import type { Issue } from '../../../core/i18n/issues';
import type { Locale } from '../../../core/i18n/messages';
import { inScope, type Scope } from '../../access/scope';
import { writeAudit } from '../../audit/audit';
import type { Database } from '../../db/client';
import { appUser, facility, facilityCoverage } from '../../db/schema';
import type { DbOrTx } from '../../db/sql';
import { ApiError, errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { recordChanges } from '../../history/change-log';
import { countsWithin, getAreas } from '../areas/areas.repo';
import { areaCodeSchema } from '../areas/areas.routes';
import { childFacilities, facilityVisible, getFacility, getFacilitySummaries, listVisibleFacilities } from './facilities.repo';

const typeSchema = z.enum(FACILITY_TYPES);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const facilityFields = {
  name: z.string().trim().min(2).max(120),
  code: z.string().trim().min(1).max(40).nullable().optional(),
  areaCode: areaCodeSchema,
  parentId: z.uuid().nullable().optional(),
  address: optionalText(300),
  phone: optionalText(30),
  lat: z.number().min(-11).max(6).nullable().optional(), // Indonesia's latitude span
  lng: z.number().min(94).max(142).nullable().optional(),
  active: z.boolean().optional(),
};

async function validatePlacement(
  db: DbOrTx,
  f: { type: FacilityType; areaCode: string; parentId?: string | null; id?: string },
  scope: Scope,
): Promise<Issue[]> {
  const issues: Issue[] = [];
  const lvl = levelOf(f.areaCode)!;
  if (!LOCATION_LEVELS[f.type].includes(lvl)) {
    issues.push({ code: 'area_level_invalid', field: 'areaCode', params: { level: LOCATION_LEVELS[f.type].join('/') } });
  } else if ((await getAreas(db, [f.areaCode])).length === 0) {
    issues.push({ code: 'area_unknown', field: 'areaCode', params: { code: f.areaCode } });
  }
  if (f.parentId) {
    const p = await getFacility(db, f.parentId);
    if (!p || p.id === f.id) issues.push({ code: 'facility_parent_unknown', field: 'parentId' });
    else if (!(ALLOWED_PARENT[f.type] as readonly string[]).includes(p.type)) {
      issues.push({ code: 'facility_parent_type', field: 'parentId', params: { allowed: ALLOWED_PARENT[f.type].map((t) => FACILITY_LABEL[t].id).join(', ') } });
    } else if (p.kabCode !== kabCodeOf(f.areaCode)) {
      issues.push({ code: 'facility_parent_other_district', field: 'parentId' });
    } else if (!facilityVisible(scope, p)) {
      issues.push({ code: 'facility_parent_unknown', field: 'parentId' });
    }
  }
  return issues;
}

/** Replaces a facility's coverage after checking levels, scope and Puskesmas work-area overlap. */
async function setCoverage(
  db: DbOrTx,
  f: { id: string; type: FacilityType; kabCode: string },
  codes: string[],
  scope: Scope,
  locale: Locale,
): Promise<void> {
  const unique = [...new Set(codes)].sort();
  const issues: Issue[] = [];
  for (const c of unique) {
    const lvl = levelOf(c);
    if (!lvl || !COVERAGE_LEVELS[f.type].includes(lvl)) issues.push({ code: 'area_level_invalid', field: 'coverage', params: { level: COVERAGE_LEVELS[f.type].join('/') || '-' } });
    else if (kabCodeOf(c) !== f.kabCode) issues.push({ code: 'coverage_other_district', field: 'coverage', params: { code: c } });
    else if (!inScope(scope, c)) issues.push({ code: 'area_outside_scope', field: 'coverage' });
  }
  if (issues.length === 0 && unique.length) {
    const known = await getAreas(db, unique);
    const missing = unique.filter((c) => !known.some((k) => k.code === c));
    if (missing.length) issues.push({ code: 'area_unknown', field: 'coverage', params: { code: missing.join(', ') } });
  }
  if (issues.length) throw errors.validation(issues, locale);
  if (f.type === 'puskesmas' && unique.length) {
    const taken = await db
      .select({ areaCode: facilityCoverage.areaCode, name: facility.name })
      .from(facilityCoverage)
      .innerJoin(facility, eq(facility.id, facilityCoverage.facilityId))
      .where(and(eq(facilityCoverage.facilityType, 'puskesmas'), inArray(facilityCoverage.areaCode, unique), ne(facilityCoverage.facilityId, f.id)));
    if (taken.length) {
      const t = taken[0]!;
      throw new ApiError(409, 'work_area_taken',
        locale === 'en' ? `${t.areaCode} is already in the work area of ${t.name}.` : `${t.areaCode} sudah termasuk wilayah kerja ${t.name}.`,
        { coverage: t.name }, { areaCode: t.areaCode });
    }
  }
  await db.delete(facilityCoverage).where(eq(facilityCoverage.facilityId, f.id));
  if (unique.length) {
    await db.insert(facilityCoverage).values(unique.map((areaCode) => ({ facilityId: f.id, areaCode, facilityType: f.type, kabCode: f.kabCode })));
  }
}

async function facilityDetail(db: DbOrTx, id: string, scope: Scope) {
  const f = await getFacility(db, id);
  if (!f) return undefined;
  const [summary] = await getFacilitySummaries(db, [id]);
  const coverageRows = await db.select({ code: facilityCoverage.areaCode }).from(facilityCoverage).where(eq(facilityCoverage.facilityId, id));
  const coverage = await getAreas(db, coverageRows.map((r) => r.code).sort());
  const parent = f.parentId ? (await getFacilitySummaries(db, [f.parentId]))[0] ?? null : null;
  const children = (await childFacilities(db, id)).filter((c) => facilityVisible(scope, { ...c, kabCode: f.kabCode }));
  const counts = await countsWithin(db, coverage.map((c) => c.code), scope);
  const users = await db.select({ n: sql<number>`count(*)::int` }).from(appUser).where(and(eq(appUser.facilityId, id), eq(appUser.active, true)));
  return {
    facility: { ...f, type: f.type as FacilityType, areaName: summary?.areaName ?? null },
    parent,
    children,
    coverage,
    counts: { ...counts, users: users[0]?.n ?? 0 },
  };
}

export function registerFacilityRoutes(app: FastifyInstance, database: Database): void {
  const { db } = database;

  const requireManage = async (req: FastifyRequest, f: { areaCode: string }, locale: Locale) => {
    const auth = req.auth!;
    if (!auth.permissions.managePlaces || !inScope(auth.scope, f.areaCode)) {
      throw errors.forbidden(locale, { action: 'denied', entityType: 'facility', areaCode: f.areaCode });
    }
  };

  defineRoute(app, {
    method: 'GET',
    url: '/api/facilities',
    summary: 'Facilities visible to the user, by area, type or name',
    tags: ['facilities'],
    query: z.object({
      area: areaCodeSchema.optional(),
      type: typeSchema.optional(),
      q: z.string().trim().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(500),
    }),
    async handler({ query, auth }) {
      return { items: await listVisibleFacilities(db, auth.scope, { within: query.area, type: query.type, q: query.q, limit: query.limit }) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/facilities/:id',
    summary: 'A facility with its network parent, children, coverage (work area) and counts',
    tags: ['facilities'],
    params: z.object({ id: z.uuid() }),
    async handler({ params, auth, locale, req }) {
      const f = await getFacility(db, params.id);
      if (!f) throw errors.notFound(locale);
      if (!facilityVisible(auth.scope, f)) {
        throw errors.forbidden(locale, { action: 'denied', entityType: 'facility', entityId: f.id, areaCode: f.areaCode });
      }
      return facilityDetail(db, params.id, auth.scope);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/facilities',
    summary: 'Create a facility in the area tree, with its network parent and coverage',
    tags: ['facilities'],
    status: 201,
    body: z.object({ type: typeSchema, ...facilityFields, coverage: z.array(areaCodeSchema).max(500).optional() }).strict(),
    async handler({ body, auth, locale, req }) {
      await requireManage(req, body, locale);
      return db.transaction(async (tx) => {
        const issues = await validatePlacement(tx, body, auth.scope);
        if (issues.length) throw errors.validation(issues, locale);
        const id = randomUUID();
        const kabCode = kabCodeOf(body.areaCode);
        if (!kabCode) throw errors.validation([{ code: 'area_level_invalid', field: 'areaCode', params: { level: 'kab/kota' } }], locale);
        if (body.code && (await tx.select({ id: facility.id }).from(facility).where(eq(facility.code, body.code))).length) {
          throw new ApiError(409, 'facility_code_taken', locale === 'en' ? 'Another facility has this code.' : 'Kode fasilitas sudah dipakai.', { code: locale === 'en' ? 'Already used' : 'Sudah dipakai' });
        }
        await tx.insert(facility).values({
          id, kabCode, type: body.type, name: body.name, code: body.code ?? null, areaCode: body.areaCode, parentId: body.parentId ?? null,
          address: body.address ?? null, phone: body.phone ?? null, lat: body.lat ?? null, lng: body.lng ?? null, active: body.active ?? true,
        });
        const coverage = body.coverage ?? (COVERAGE_LEVELS[body.type].includes(levelOf(body.areaCode)!) ? [body.areaCode] : []);
        await setCoverage(tx, { id, type: body.type, kabCode }, coverage, auth.scope, locale);
        await writeAudit(tx, req, { action: 'create', entityType: 'facility', entityId: id, areaCode: body.areaCode, details: { type: body.type, name: body.name } });
        return facilityDetail(tx, id, auth.scope);
      });
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/facilities/:id',
    summary: 'Edit a facility (optimistic locking by version)',
    tags: ['facilities'],
    params: z.object({ id: z.uuid() }),
    body: z.object(facilityFields).partial().extend({ version: z.number().int() }).strict(),
    async handler({ params, body, auth, locale, req }) {
      return db.transaction(async (tx) => {
        const f = await getFacility(tx, params.id);
        if (!f) throw errors.notFound(locale);
        await requireManage(req, f, locale);
        if (body.version !== f.version) throw errors.versionConflict(locale, f.version);
        const next = { ...f, ...Object.fromEntries(Object.entries(body).filter(([k, v]) => k !== 'version' && v !== undefined)) } as typeof f;
        if (body.areaCode && kabCodeOf(body.areaCode) !== f.kabCode) {
          throw errors.validation([{ code: 'coverage_other_district', field: 'areaCode', params: { code: body.areaCode } }], locale);
        }
        if (body.areaCode && !inScope(auth.scope, body.areaCode)) throw errors.forbidden(locale);
        const issues = await validatePlacement(tx, { type: f.type as FacilityType, areaCode: next.areaCode, parentId: next.parentId, id: f.id }, auth.scope);
        if (issues.length) throw errors.validation(issues, locale);
        const fields = ['name', 'code', 'areaCode', 'parentId', 'address', 'phone', 'lat', 'lng', 'active'] as const;
        await recordChanges(tx, { entityType: 'facility', entityId: f.id, kabCode: f.kabCode, userId: auth.user.id }, f, next, fields);
        await tx.update(facility).set({
          name: next.name, code: next.code, areaCode: next.areaCode, parentId: next.parentId, address: next.address, phone: next.phone,
          lat: next.lat, lng: next.lng, active: next.active, version: f.version + 1, updatedAt: sql`now()`,
        }).where(eq(facility.id, f.id));
        await writeAudit(tx, req, { action: 'update', entityType: 'facility', entityId: f.id, areaCode: next.areaCode });
        return facilityDetail(tx, f.id, auth.scope);
      });
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/facilities/:id/coverage',
    summary: "Replace a facility's coverage: a Puskesmas work area (desa/kelurahan), a Pustu's desa, a Posyandu's dusun/RW",
    tags: ['facilities'],
    params: z.object({ id: z.uuid() }),
    body: z.object({ areaCodes: z.array(areaCodeSchema).max(500) }).strict(),
    responses: { 409: 'A desa is already in another Puskesmas work area' },
    async handler({ params, body, auth, locale, req }) {
      return db.transaction(async (tx) => {
        const f = await getFacility(tx, params.id);
        if (!f) throw errors.notFound(locale);
        await requireManage(req, f, locale);
        const before = (await tx.select({ c: facilityCoverage.areaCode }).from(facilityCoverage).where(eq(facilityCoverage.facilityId, f.id))).map((r) => r.c).sort();
        await setCoverage(tx, { id: f.id, type: f.type as FacilityType, kabCode: f.kabCode }, body.areaCodes, auth.scope, locale);
        await recordChanges(tx, { entityType: 'facility', entityId: f.id, kabCode: f.kabCode, userId: auth.user.id }, { coverage: before }, { coverage: [...new Set(body.areaCodes)].sort() }, ['coverage']);
        await writeAudit(tx, req, { action: 'update', entityType: 'facility', entityId: f.id, areaCode: f.areaCode, details: { coverage: body.areaCodes } });
        return facilityDetail(tx, f.id, auth.scope);
      });
    },
  });
}
