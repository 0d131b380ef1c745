/**
 * Reports (issue 5): the SPM report per Puskesmas or kabupaten/kota, the
 * monthly report per klaster and the PWS table per desa — JSON for the
 * printable page, CSV and XLSX downloads with Indonesian headers. Places are
 * cut to the user's scope (outside → 403, audited); every read is audited.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { COUNTRY_CODE, LEVEL_LABEL_ID, levelOf, parentOf, type AreaLevel } from '../../../core/areas/codes';
import type { Locale } from '../../../core/i18n/messages';
import { indicatorById } from '../../../core/indicators/catalogue';
import { isKohortMonth } from '../../../core/kohort';
import { todayIn } from '../../../core/time/dates';
import { inScope, narrowTo } from '../../access/scope';
import { writeAudit } from '../../audit/audit';
import type { AuthContext } from '../../auth/session';
import type { Database } from '../../db/client';
import type { DbOrTx } from '../../db/sql';
import { errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { CSV_CONTENT_TYPE, writeCsv } from '../../xlsx/csv';
import { writeXlsx, XLSX_CONTENT_TYPE } from '../../xlsx/xlsx';
import { getArea } from '../areas/areas.repo';
import { areaCodeSchema } from '../areas/areas.routes';
import { facilityAreas } from '../due/due.scope';
import { readIndicatorAreas, readIndicators, type IndicatorFigures } from '../indicators/indicators.service';
import { klasterTable, pwsTable, spmTable, type IndicatorLike, type PwsAreaFigures, type PwsIndicatorBlock, type ReportTable } from './report-tables';

const KLASTERS = ['klaster2', 'klaster3', 'klaster4'] as const;
/** The classic PWS-KIA set, the PWS table's default (ilp-domain §4.4). */
export const DEFAULT_PWS_INDICATORS = ['k2-k1', 'k2-k6', 'k2-persalinan-faskes', 'k2-kf-lengkap', 'k2-kn-lengkap'];
const MAX_PWS_INDICATORS = 8;

const baseQuery = {
  area: areaCodeSchema.optional(),
  facility: z.uuid().optional(),
  period: z.string().trim().refine(isKohortMonth, { params: { code: 'kohort_month_format' } }).optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
};

interface ReportPlace {
  /** Title line: "Puskesmas Tongauna (wilayah kerja)", "Kabupaten/Kota Kabupaten Konawe" … */
  name: string;
  /** The summed areas, cut to the scope. */
  codes: string[];
  /** Parents whose children are the PWS table's rows, and which children are visible. */
  parents: string[];
  visible: (code: string) => boolean;
  /** Audit and file name. */
  key: string;
  areaCode: string;
}

async function reportPlace(db: DbOrTx, auth: AuthContext, locale: Locale, q: { area?: string; facility?: string }): Promise<ReportPlace> {
  if (q.facility) {
    const found = await facilityAreas(db, q.facility);
    if (!found) throw errors.notFound(locale);
    const codes = [...new Set(found.codes.flatMap((c) => narrowTo(auth.scope, c)))].sort();
    if (!codes.length) throw errors.forbidden(locale, { action: 'denied', entityType: 'report', entityId: q.facility, areaCode: found.f!.areaCode });
    const parents = [...new Set(codes.map((c) => parentOf(c)).filter((c): c is string => !!c))];
    return {
      name: found.f!.type === 'puskesmas' ? `${found.f!.name} (wilayah kerja)` : found.f!.name, codes, parents, visible: (c) => codes.includes(c),
      key: q.facility, areaCode: found.f!.areaCode,
    };
  }
  const code = q.area ?? (auth.scope.codes.length === 1 ? auth.scope.codes[0]! : null);
  if (!code || code === COUNTRY_CODE) throw errors.validation([{ code: 'required', field: 'area' }], locale);
  const codes = narrowTo(auth.scope, code);
  if (!codes.length) throw errors.forbidden(locale, { action: 'denied', entityType: 'report', entityId: code, areaCode: code });
  const a = await getArea(db, code);
  if (!a) throw errors.validation([{ code: 'area_unknown', field: 'area', params: { code } }], locale);
  const kind = a.kind ? `${a.kind[0]!.toUpperCase()}${a.kind.slice(1)}` : LEVEL_LABEL_ID[a.level];
  const name = a.name.toLowerCase().startsWith(kind.toLowerCase()) ? a.name : `${kind} ${a.name}`;
  return { name, codes, parents: [code], visible: (c) => inScope(auth.scope, c), key: code, areaCode: code };
}

function periodOf(raw: string | undefined, today: string, locale: Locale): { year: number; month: number; period: string } {
  const p = raw ?? today.slice(0, 7);
  if (`${p}-01` > today) throw errors.validation([{ code: 'kohort_month_future', field: 'period' }], locale);
  return { year: Number(p.slice(0, 4)), month: Number(p.slice(5, 7)), period: p };
}

const like = (i: IndicatorFigures, locale: Locale): IndicatorLike => ({ ...i, label: i.label[locale] });

/** The child level's word for the PWS table's first column. */
function rowLevelWord(parents: string[]): string {
  const level = parents[0] ? levelOf(parents[0]) : null;
  const child: Partial<Record<AreaLevel, string>> = { regency: 'Kecamatan', district: 'Desa/Kelurahan', village: 'Dusun/RW', dusun: 'RW', rw: 'RT' };
  return (level && child[level]) ?? 'Wilayah';
}

export function registerReportRoutes(app: FastifyInstance, database: Database, timeZone: string): void {
  const { db } = database;

  async function answer(
    kind: 'spm' | 'klaster' | 'pws', table: ReportTable, meta: Record<string, unknown>,
    ctx: { format: 'json' | 'csv' | 'xlsx'; place: ReportPlace; period: string; reply: import('fastify').FastifyReply; req: import('fastify').FastifyRequest },
  ) {
    await writeAudit(db, ctx.req, {
      action: ctx.format === 'json' ? 'list' : 'export', entityType: 'report', entityId: `${kind}:${ctx.place.key}:${ctx.period}`, areaCode: ctx.place.areaCode,
      details: { kind, period: ctx.period, format: ctx.format, codes: ctx.place.codes, rows: table.rows.length, ...meta },
    });
    if (ctx.format === 'json') return { kind, period: ctx.period, place: { name: ctx.place.name, codes: ctx.place.codes }, ...meta, ...table };
    const file = `${kind}-${ctx.place.key.replaceAll('.', '')}-${ctx.period}`;
    if (ctx.format === 'csv') {
      return ctx.reply.header('content-disposition', `attachment; filename="${file}.csv"`).type(CSV_CONTENT_TYPE).send(writeCsv(table.columns, table.rows, table.title));
    }
    return ctx.reply.header('content-disposition', `attachment; filename="${file}.xlsx"`).type(XLSX_CONTENT_TYPE)
      .send(writeXlsx([{ name: `${kind.toUpperCase()} ${ctx.period}`, columns: table.columns, rows: table.rows, title: table.title }]));
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/reports/spm',
    summary: 'SPM report of a Puskesmas work area (facility) or a kabupaten/kota (area): the 12 services with sasaran, served and % year to date (JSON, CSV or XLSX; audited)',
    tags: ['reports'],
    query: z.object(baseQuery).strict(),
    responses: { 400: 'Bad period or area', 403: 'Place outside the user scope (audited)' },
    async handler({ query: q, auth, locale, req, reply }) {
      const p = periodOf(q.period, todayIn(timeZone), locale);
      const place = await reportPlace(db, auth, locale, q);
      const spm = await readIndicators(db, { codes: place.codes, year: p.year, month: p.month, mode: 'ytd', group: 'spm' });
      const table = spmTable(place.name, p.year, p.month, spm.map((i) => like(i, locale)));
      return answer('spm', table, {}, { format: q.format, place, period: p.period, reply, req });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/reports/klaster',
    summary: 'Monthly report of a klaster (2, 3 or 4) for a place: each indicator this month and cumulative, sasaran, coverage, colour (JSON, CSV or XLSX; audited)',
    tags: ['reports'],
    query: z.object({ ...baseQuery, group: z.enum(KLASTERS).default('klaster2') }).strict(),
    responses: { 400: 'Bad period, area or klaster', 403: 'Place outside the user scope (audited)' },
    async handler({ query: q, auth, locale, req, reply }) {
      const p = periodOf(q.period, todayIn(timeZone), locale);
      const place = await reportPlace(db, auth, locale, q);
      const base = { codes: place.codes, year: p.year, month: p.month, group: q.group };
      const [ytd, own] = await Promise.all([readIndicators(db, { ...base, mode: 'ytd' }), readIndicators(db, { ...base, mode: 'month' })]);
      const table = klasterTable(place.name, q.group, p.year, p.month, ytd.map((i) => like(i, locale)), own.map((i) => like(i, locale)));
      return answer('klaster', table, { group: q.group }, { format: q.format, place, period: p.period, reply, req });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/reports/pws',
    summary: 'PWS table of a place: its sub-areas (desa of a kecamatan or Puskesmas work area) × indicators — target, this month, cumulative, %, status baik/kurang/cukup/jelek (JSON, CSV or XLSX; audited)',
    tags: ['reports'],
    query: z.object({ ...baseQuery, indicator: z.string().trim().max(400).optional() }).strict(),
    responses: { 400: 'Bad period, area or indicator', 403: 'Place outside the user scope (audited)' },
    async handler({ query: q, auth, locale, req, reply }) {
      const p = periodOf(q.period, todayIn(timeZone), locale);
      const requested = q.indicator ? q.indicator.split(',').map((s) => s.trim()).filter(Boolean) : DEFAULT_PWS_INDICATORS.filter((id) => indicatorById(id));
      const defs = requested.map((id) => indicatorById(id));
      if (!requested.length || requested.length > MAX_PWS_INDICATORS || defs.some((d) => !d)) {
        throw errors.validation([{ code: 'invalid', field: 'indicator' }], locale);
      }
      const place = await reportPlace(db, auth, locale, q);
      const prev = p.month > 1 ? p.month - 1 : null;
      const blocks: PwsIndicatorBlock[] = [];
      for (const def of defs as NonNullable<(typeof defs)[number]>[]) {
        const perParent = async (mode: 'ytd' | 'month', month: number) =>
          (await Promise.all(place.parents.map((parent) => readIndicatorAreas(db, { id: def.id, parent, visible: place.visible, year: p.year, month, mode })))).flat();
        const [ytd, own, before] = await Promise.all([perParent('ytd', p.month), perParent('month', p.month), prev ? perParent('month', prev) : Promise.resolve([])]);
        const totals = await Promise.all([
          readIndicators(db, { codes: place.codes, year: p.year, month: p.month, mode: 'ytd', ids: [def.id] }),
          readIndicators(db, { codes: place.codes, year: p.year, month: p.month, mode: 'month', ids: [def.id] }),
          prev ? readIndicators(db, { codes: place.codes, year: p.year, month: prev, mode: 'month', ids: [def.id] }) : Promise.resolve([]),
        ]);
        const ownBy = new Map(own.map((a) => [a.code, a]));
        const beforeBy = new Map(before.map((a) => [a.code, a]));
        const areas: PwsAreaFigures[] = ytd
          .map((a) => ({ code: a.code, name: a.name, ytd: a, month: ownBy.get(a.code) ?? a, previousMonth: beforeBy.get(a.code) ?? null }));
        const [tYtd, tOwn, tBefore] = totals.map((x) => x.find((i) => i.id === def.id) ?? null);
        blocks.push({
          id: def.id, label: def.label[locale], areas,
          total: { code: 'total', name: 'Jumlah', ytd: tYtd!, month: tOwn ?? tYtd!, previousMonth: tBefore ?? null },
        });
      }
      const table = pwsTable(place.name, rowLevelWord(place.parents), p.year, p.month, blocks);
      return answer('pws', table, { indicators: blocks.map((b) => ({ id: b.id, label: b.label })) }, { format: q.format, place, period: p.period, reply, req });
    },
  });
}

