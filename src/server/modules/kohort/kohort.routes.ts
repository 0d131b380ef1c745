import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { levelOf } from '../../../core/areas/codes';
import { isKohortMonth, kohortDates, kohortRegister, KOHORT_KINDS, type KohortKind, type KohortRegister } from '../../../core/kohort';
import { todayIn } from '../../../core/time/dates';
import { narrowTo } from '../../access/scope';
import { writeAudit } from '../../audit/audit';
import type { Database } from '../../db/client';
import { errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { CSV_CONTENT_TYPE, writeCsv } from '../../xlsx/csv';
import { writeXlsx, XLSX_CONTENT_TYPE, type SheetColumn } from '../../xlsx/xlsx';
import { getLineage } from '../areas/areas.repo';
import { areaCodeSchema } from '../areas/areas.routes';
import { districtSettings } from '../protocol/district-settings';
import { growthReferences } from '../records/growth-refs';
import { kohortPeople } from './kohort.repo';

const TITLE: Record<KohortKind, string> = {
  ibu: 'KOHORT IBU',
  bayi: 'KOHORT BAYI',
  balita: 'KOHORT ANAK BALITA',
  lansia: 'KOHORT LANSIA',
};
const MONTH_NAMES = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

const query = z.object({
  village: areaCodeSchema.refine((c) => levelOf(c) === 'village', { params: { code: 'area_level_invalid', level: 'desa/kelurahan' } }).optional(),
  month: z.string().trim().refine(isKohortMonth, { params: { code: 'kohort_month_format' } }).optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

/** Title lines of a download: register, place, period, and a note on approximate growth tables. */
function titleLines(r: KohortRegister, place: { village: string; kind: string | null; district: string | null; regency: string | null }): string[] {
  const [y, m] = r.month.split('-');
  const lines = [
    TITLE[r.kind],
    [`${place.kind === 'kelurahan' ? 'Kelurahan' : 'Desa'} ${place.village}`, place.district ? `Kecamatan ${place.district}` : null, place.regency].filter(Boolean).join(', '),
    `Bulan ${MONTH_NAMES[Number(m) - 1]} ${y} (data sampai ${r.on}); ${r.rows.length} orang`,
  ];
  if (r.approximate) lines.push('Status gizi dihitung dengan tabel WHO perkiraan (tabel resmi WHO belum diimpor).');
  return lines;
}

export function registerKohortRoutes(app: FastifyInstance, database: Database, timeZone: string): void {
  const { db } = database;

  defineRoute(app, {
    method: 'GET',
    url: '/api/kohort/:kind',
    summary: 'A kohort register (ibu, bayi, balita, lansia) of a desa/kelurahan for a month, computed from the people and their events: JSON, or a CSV/XLSX download with Indonesian headers (audited)',
    tags: ['kohort'],
    params: z.object({ kind: z.enum(KOHORT_KINDS) }),
    query,
    responses: { 400: 'Bad village or month', 403: 'The desa lies outside the scope (audited)' },
    async handler({ params, query: q, auth, locale, req, reply }) {
      const today = todayIn(timeZone);
      const village = q.village ?? (auth.scope.codes.length === 1 && levelOf(auth.scope.codes[0]!) === 'village' ? auth.scope.codes[0]! : null);
      if (!village) throw errors.validation([{ code: 'required', field: 'village' }], locale);
      const month = q.month ?? today.slice(0, 7);
      if (`${month}-01` > today) throw errors.validation([{ code: 'kohort_month_future', field: 'month' }], locale);
      // The part of the desa the user sees (a kader: their RW); none → denied.
      const visible = narrowTo(auth.scope, village);
      if (visible.length === 0) {
        throw errors.forbidden(locale, { action: 'denied', entityType: 'kohort', entityId: `${params.kind}:${village}:${month}`, areaCode: village });
      }
      const lineage = await getLineage(db, village);
      const place = lineage.find((a) => a.code === village);
      if (!place) throw errors.validation([{ code: 'area_unknown', field: 'village', params: { code: village } }], locale);
      const { monthStart, on } = kohortDates(month, today);
      const kab = village.slice(0, 5);
      const register = kohortRegister({
        kind: params.kind, month, today, people: await kohortPeople(db, params.kind, village, { codes: visible }, monthStart, on),
        settings: await districtSettings(db, kab), refs: await growthReferences(db),
      });
      const entityId = `${params.kind}:${village}:${month}`;
      await writeAudit(db, req, {
        action: q.format === 'json' ? 'list' : 'export', entityType: 'kohort', entityId, areaCode: village,
        details: { kind: params.kind, month, format: q.format, rows: register.rows.length, scope: visible },
      });
      if (q.format === 'json') {
        return {
          ...register,
          village: { code: village, name: place.name, kind: place.kind },
          rows: register.rows.map((r) => ({ personId: r.personId, ...(r.pregnancyId ? { pregnancyId: r.pregnancyId } : {}), marks: r.marks, ...r.cells })),
        };
      }
      const title = titleLines(register, {
        village: place.name, kind: place.kind, district: lineage.find((a) => a.level === 'district')?.name ?? null, regency: lineage.find((a) => a.level === 'regency')?.name ?? null,
      });
      const columns: SheetColumn[] = register.columns.map((c) => ({ key: c.key, label: c.label, type: c.type }));
      const rows = register.rows.map((r) => r.cells);
      const file = `kohort-${params.kind}-${village.replaceAll('.', '')}-${month}`;
      if (q.format === 'csv') {
        return reply.header('content-disposition', `attachment; filename="${file}.csv"`).type(CSV_CONTENT_TYPE).send(writeCsv(columns, rows, title));
      }
      return reply.header('content-disposition', `attachment; filename="${file}.xlsx"`).type(XLSX_CONTENT_TYPE)
        .send(writeXlsx([{ name: `${TITLE[params.kind]} ${month}`, columns, rows, title }]));
    },
  });
}
