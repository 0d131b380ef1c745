/**
 * The indicators API (docs/indicators.md "HTTP API"): dashboards, ranked
 * child areas, the trend of a year, the people behind a number, morbidity,
 * and the target groups (sasaran) of a desa. Every place is cut to the
 * user's scope as the due lists do; outside it → 403, audited.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { COUNTRY_CODE, levelOf } from '../../../core/areas/codes';
import type { Locale } from '../../../core/i18n/messages';
import { indicatorById } from '../../../core/indicators/catalogue';
import { AGE_BANDS, INDICATOR_GROUPS, SASARAN_GROUPS, type SasaranGroup } from '../../../core/indicators/types';
import { isKohortMonth } from '../../../core/kohort';
import { todayIn } from '../../../core/time/dates';
import { inScope, isNavigable, narrowTo } from '../../access/scope';
import { writeAudit } from '../../audit/audit';
import type { AuthContext } from '../../auth/session';
import type { Database } from '../../db/client';
import type { DbOrTx } from '../../db/sql';
import { errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { getArea } from '../areas/areas.repo';
import { areaCodeSchema } from '../areas/areas.routes';
import { facilityAreas } from '../due/due.scope';
import {
  readIndicatorAreas, readIndicatorPeople, readIndicators, readIndicatorTrend, readMorbidity, readSasaran, writeSasaran,
} from './indicators.service';

const period = z.string().trim().refine(isKohortMonth, { params: { code: 'kohort_month_format' } });
const place = { area: areaCodeSchema.optional(), facility: z.uuid().optional() };
const dims = { sex: z.enum(['M', 'F']).optional(), age: z.enum(AGE_BANDS).optional() };

const dashboardQuery = z.object({
  ...place, ...dims, period: period.optional(), mode: z.enum(['ytd', 'month']).default('ytd'), group: z.enum(INDICATOR_GROUPS).optional(),
  view: z.enum(['domicile', 'facility']).default('domicile'),
}).strict();
const areasQuery = z.object({ area: areaCodeSchema.optional(), ...dims, period: period.optional(), mode: z.enum(['ytd', 'month']).default('ytd') }).strict();
const trendQuery = z.object({ ...place, ...dims, year: z.coerce.number().int().min(2000).max(2100).optional(), view: z.enum(['domicile', 'facility']).default('domicile') }).strict();
const peopleQuery = z.object({
  ...place, period: period.optional(), which: z.enum(['served', 'missed', 'not-served-in-month']).default('missed'),
  page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50),
}).strict();
const morbidityQuery = z.object({ ...place, ...dims, period: period.optional(), mode: z.enum(['ytd', 'month']).default('ytd'), limit: z.coerce.number().int().min(1).max(100).default(10) }).strict();
const idParams = z.object({ id: z.string().trim().min(1).max(40) });
const villageSchema = areaCodeSchema.refine((c) => levelOf(c) === 'village', { params: { code: 'area_level_invalid', level: 'desa/kelurahan' } });
const sasaranQuery = z.object({ area: villageSchema, year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();
const sasaranBody = z.object({
  area: villageSchema,
  year: z.number().int().min(2000).max(2100),
  values: z.partialRecord(z.enum(SASARAN_GROUPS), z.number().int().min(0).max(10_000_000).nullable()),
  note: z.string().trim().max(500).nullable().optional(),
}).strict();

interface Place {
  /** What was asked (an area code, or the facility's). */
  code: string;
  name: string | null;
  /** The summed areas: the asked place cut to the user's scope. */
  codes: string[];
  facilityIds?: string[];
}

/**
 * The place of a request: a facility's coverage (a Puskesmas work area is
 * the sum of its desa), an area, or the user's own scope — always cut to the
 * scope, refused (403, audited) when nothing of it is visible.
 */
async function placeOf(db: DbOrTx, auth: AuthContext, locale: Locale, q: { area?: string; facility?: string }, entity: string): Promise<Place> {
  if (q.facility) {
    const found = await facilityAreas(db, q.facility);
    if (!found) throw errors.notFound(locale);
    const codes = [...new Set(found.codes.flatMap((c) => narrowTo(auth.scope, c)))];
    if (!codes.length) throw errors.forbidden(locale, { action: 'denied', entityType: entity, entityId: q.facility, areaCode: found.f!.areaCode });
    return { code: found.f!.areaCode, name: found.f!.name, codes, facilityIds: [found.f!.id] };
  }
  const code = q.area ?? (auth.scope.codes.length === 1 ? auth.scope.codes[0]! : null);
  if (!code || code === COUNTRY_CODE) {
    if (!q.area && auth.scope.codes.length > 1) return { code: auth.scope.codes[0]!, name: null, codes: [...auth.scope.codes] };
    throw errors.validation([{ code: 'required', field: 'area' }], locale);
  }
  const codes = narrowTo(auth.scope, code);
  if (!codes.length) throw errors.forbidden(locale, { action: 'denied', entityType: entity, entityId: code, areaCode: code });
  const a = await getArea(db, code);
  if (!a) throw errors.validation([{ code: 'area_unknown', field: 'area', params: { code } }], locale);
  return { code, name: a.name, codes };
}

/** Year and month of a period (default: this month); a month not yet begun is refused. */
function periodOf(raw: string | undefined, today: string, locale: Locale): { year: number; month: number; period: string } {
  const p = raw ?? today.slice(0, 7);
  if (`${p}-01` > today) throw errors.validation([{ code: 'kohort_month_future', field: 'period' }], locale);
  return { year: Number(p.slice(0, 4)), month: Number(p.slice(5, 7)), period: p };
}

function knownIndicator(id: string, locale: Locale) {
  const def = indicatorById(id);
  if (!def) throw errors.notFound(locale);
  return def;
}

export function registerIndicatorRoutes(app: FastifyInstance, database: Database, timeZone: string): void {
  const { db } = database;

  defineRoute(app, {
    method: 'GET',
    url: '/api/indicators',
    summary: 'Indicator dashboard of a place (area, Puskesmas work area, or the user scope) for a month: numerator, estimated and by-name register denominators, coverage, target to date, colour, last year and trend',
    tags: ['indicators'],
    query: dashboardQuery,
    responses: { 400: 'Bad period, area or filter', 403: 'Place outside the user scope (audited)' },
    async handler({ query: q, auth, locale }) {
      const today = todayIn(timeZone);
      const p = periodOf(q.period, today, locale);
      const where = await placeOf(db, auth, locale, q, 'indicators');
      const indicators = await readIndicators(db, {
        codes: where.codes, facilityIds: q.view === 'facility' ? where.facilityIds : undefined, year: p.year, month: p.month, mode: q.mode,
        sex: q.sex, age: q.age, group: q.group, view: q.view,
      });
      return {
        area: { code: where.code, name: where.name, level: levelOf(where.code), codes: where.codes }, period: p.period, mode: q.mode, view: q.view,
        indicators: indicators.map((i) => ({ ...i, label: i.label[locale] })),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/indicators/morbidity',
    summary: 'Top ICD-10 categories of a place: people with a diagnosis of the category, year to date or in the month',
    tags: ['indicators'],
    query: morbidityQuery,
    responses: { 400: 'Bad period or area', 403: 'Place outside the user scope (audited)' },
    async handler({ query: q, auth, locale }) {
      const p = periodOf(q.period, todayIn(timeZone), locale);
      const where = await placeOf(db, auth, locale, q, 'indicators');
      const top = await readMorbidity(db, { codes: where.codes, year: p.year, month: p.month, mode: q.mode, sex: q.sex, age: q.age, limit: q.limit });
      return { area: { code: where.code, name: where.name, codes: where.codes }, period: p.period, mode: q.mode, categories: top.map((c) => ({ ...c, label: c.label?.[locale] ?? null })) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/indicators/:id/areas',
    summary: 'The child areas of a place (kecamatan of a kabupaten, desa of a kecamatan, dusun/RW of a desa …) ranked on one indicator, with the same figures per area',
    tags: ['indicators'],
    params: idParams,
    query: areasQuery,
    responses: { 400: 'Bad period or area', 403: 'Place outside the user scope (audited)', 404: 'Unknown indicator' },
    async handler({ params, query: q, auth, locale }) {
      const def = knownIndicator(params.id, locale);
      const p = periodOf(q.period, todayIn(timeZone), locale);
      const parent = q.area ?? (auth.scope.codes.length === 1 ? auth.scope.codes[0]! : null);
      if (!parent || parent === COUNTRY_CODE) throw errors.validation([{ code: 'required', field: 'area' }], locale);
      if (!isNavigable(auth.scope, parent)) throw errors.forbidden(locale, { action: 'denied', entityType: 'indicators', entityId: parent, areaCode: parent });
      const areas = await readIndicatorAreas(db, {
        id: def.id, parent, visible: (c) => inScope(auth.scope, c), year: p.year, month: p.month, mode: q.mode, sex: q.sex, age: q.age,
      });
      return { indicator: { id: def.id, label: def.label[locale], kind: def.kind, better: def.better }, area: parent, period: p.period, mode: q.mode, areas };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/indicators/:id/trend',
    summary: 'One indicator month by month through a year (through this month for the current year): year to date and each month alone',
    tags: ['indicators'],
    params: idParams,
    query: trendQuery,
    responses: { 400: 'Bad year or area', 403: 'Place outside the user scope (audited)', 404: 'Unknown indicator' },
    async handler({ params, query: q, auth, locale }) {
      const def = knownIndicator(params.id, locale);
      const today = todayIn(timeZone);
      const thisYear = Number(today.slice(0, 4));
      const year = q.year ?? thisYear;
      if (year > thisYear) throw errors.validation([{ code: 'too_big', field: 'year', params: { max: thisYear } }], locale);
      const where = await placeOf(db, auth, locale, q, 'indicators');
      const months = await readIndicatorTrend(db, {
        id: def.id, codes: where.codes, facilityIds: q.view === 'facility' ? where.facilityIds : undefined, year,
        untilMonth: year === thisYear ? Number(today.slice(5, 7)) : 12, sex: q.sex, age: q.age, view: q.view,
      });
      return { indicator: { id: def.id, label: def.label[locale], kind: def.kind, better: def.better }, area: { code: where.code, name: where.name, codes: where.codes }, year, months };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/indicators/:id/people',
    summary: 'The people behind a number, within the user scope: served by the month, missed (in the register, not served) or not served in the month (each list read is audited)',
    tags: ['indicators'],
    params: idParams,
    query: peopleQuery,
    responses: { 400: 'Bad period or area', 403: 'Place outside the user scope (audited)', 404: 'Unknown indicator' },
    async handler({ params, query: q, auth, locale, req }) {
      const def = knownIndicator(params.id, locale);
      const today = todayIn(timeZone);
      const p = periodOf(q.period, today, locale);
      const where = await placeOf(db, auth, locale, q, 'indicator_people');
      const list = await readIndicatorPeople(db, { id: def.id, codes: where.codes, year: p.year, month: p.month, which: q.which, today, page: q.page, pageSize: q.pageSize });
      await writeAudit(db, req, {
        action: 'list', entityType: 'indicator_people', entityId: `${def.id}:${q.which}:${p.period}`, areaCode: where.codes.length === 1 ? where.codes[0] : where.code,
        details: { indicator: def.id, which: q.which, period: p.period, codes: where.codes, results: list.people.length, total: list.total },
      });
      return { indicator: { id: def.id, label: def.label[locale] }, area: { code: where.code, name: where.name, codes: where.codes }, period: p.period, which: q.which, total: list.total, page: q.page, pageSize: q.pageSize, people: list.people };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/sasaran',
    summary: 'Target groups (sasaran) of a desa/kelurahan for a year: the estimate from population and rates, the Dinkes override, and the by-name register',
    tags: ['indicators'],
    query: sasaranQuery,
    responses: { 400: 'Bad area or year', 403: 'Desa outside the user scope (audited)' },
    async handler({ query: q, auth, locale }) {
      if (!inScope(auth.scope, q.area)) throw errors.forbidden(locale, { action: 'denied', entityType: 'sasaran', entityId: q.area, areaCode: q.area });
      const year = q.year ?? Number(todayIn(timeZone).slice(0, 4));
      const groups = await readSasaran(db, { desa: q.area, year });
      return { area: q.area, year, groups: groups.map((g) => ({ ...g, gap: g.value === null ? null : Math.max(0, g.value - g.register) })) };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/sasaran',
    summary: 'Dinkes sets (a number) or clears (null) the estimated target groups of a desa/kelurahan for a year (audited)',
    tags: ['indicators'],
    body: sasaranBody,
    responses: { 400: 'Bad values', 403: 'Not Dinkes or admin, or the desa lies outside the scope (audited)' },
    async handler({ body, auth, locale, req }) {
      const allowed = auth.user.role === 'dinkes' || auth.user.role === 'admin';
      if (!allowed || !inScope(auth.scope, body.area)) {
        throw errors.forbidden(locale, { action: 'denied', entityType: 'sasaran', entityId: `${body.area}:${body.year}`, areaCode: body.area });
      }
      const year = body.year;
      await database.db.transaction(async (tx) => {
        await writeSasaran(tx, { desa: body.area, year, values: body.values as Partial<Record<SasaranGroup, number | null>>, userId: auth.user.id, note: body.note ?? null });
        await writeAudit(tx, req, { action: 'update', entityType: 'sasaran', entityId: `${body.area}:${year}`, areaCode: body.area, details: { values: body.values } });
      });
      const groups = await readSasaran(db, { desa: body.area, year });
      return { area: body.area, year, groups: groups.map((g) => ({ ...g, gap: g.value === null ? null : Math.max(0, g.value - g.register) })) };
    },
  });
}
