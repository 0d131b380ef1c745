/**
 * A district's indicator settings over HTTP: the rates that turn a desa
 * population into estimated target groups (with the default, its source and
 * evidence beside each) and the traffic-light thresholds. Anyone in the
 * district reads them (a dashboard says what it divides by); Dinkes and admin
 * change them, audited, all or nothing.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isAreaCode, levelOf } from '../../../core/areas/codes';
import { DEFAULT_THRESHOLDS, validateThresholds } from '../../../core/indicators/colours';
import { DEFAULT_SASARAN_RATES, SASARAN_RATE_BOUNDS, SASARAN_RATE_KEYS, validateSasaranRates } from '../../../core/indicators/sasaran';
import type { Issue } from '../../../core/i18n/issues';
import type { Locale } from '../../../core/i18n/messages';
import { inScope } from '../../access/scope';
import { writeAudit } from '../../audit/audit';
import type { AuthContext } from '../../auth/session';
import type { Database } from '../../db/client';
import type { DbOrTx } from '../../db/sql';
import { errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { indicatorSettings, saveIndicatorSettings } from './indicator-settings';

const kabSchema = z.string().trim().refine((v) => isAreaCode(v) && levelOf(v) === 'regency', { params: { code: 'area_level_invalid', level: 'kabupaten/kota' } });
const body = z.object({
  /** Rate overrides as plain numbers; a rate left out (or null) goes back to its default. */
  rates: z.partialRecord(z.enum(SASARAN_RATE_KEYS), z.number().finite().nullable()).optional(),
  thresholds: z.object({ green: z.number().finite(), yellow: z.number().finite() }).nullable().optional(),
}).strict();

function kabFor(auth: AuthContext, asked: string | undefined, locale: Locale): string {
  const kab = asked ?? auth.user.kabCode;
  if (!kab) throw errors.validation([{ code: 'required', field: 'kab' }], locale);
  return kab;
}

/** What the page shows: every rate with its default, the district's value, source and evidence; the thresholds. */
async function view(db: DbOrTx, kab: string) {
  const stored = await indicatorSettings(db, kab);
  const { rates } = validateSasaranRates(stored.rates);
  const overrides = stored.rates && typeof stored.rates === 'object' ? (stored.rates as Record<string, unknown>) : {};
  return {
    kabCode: kab,
    rates: SASARAN_RATE_KEYS.map((key) => ({
      key,
      label: rates[key].label,
      value: rates[key].value,
      default: DEFAULT_SASARAN_RATES[key].value,
      overridden: typeof overrides[key] === 'number',
      source: DEFAULT_SASARAN_RATES[key].source,
      evidence: DEFAULT_SASARAN_RATES[key].evidence,
    })),
    thresholds: validateThresholds(stored.thresholds).thresholds,
    defaultThresholds: DEFAULT_THRESHOLDS,
  };
}

export function registerIndicatorSettingsRoutes(app: FastifyInstance, database: Database): void {
  const { db } = database;

  defineRoute(app, {
    method: 'GET',
    url: '/api/indicators/settings',
    summary: "A district's sasaran rates (with defaults, sources and evidence) and traffic-light thresholds",
    tags: ['indicators'],
    query: z.object({ kab: kabSchema.optional() }).strict(),
    responses: { 400: 'No district given or bad code', 403: 'District outside the user scope (audited)' },
    async handler({ query, auth, locale }) {
      const kab = kabFor(auth, query.kab, locale);
      if (!inScope(auth.scope, kab) && !auth.scope.codes.some((c) => c.startsWith(`${kab}.`))) {
        throw errors.forbidden(locale, { action: 'denied', entityType: 'indicator_settings', entityId: kab, areaCode: kab });
      }
      return view(db, kab);
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/indicators/settings',
    summary: "Dinkes or admin sets a district's sasaran rates and thresholds (audited; refused whole when one value is implausible)",
    tags: ['indicators'],
    query: z.object({ kab: kabSchema }).strict(),
    body,
    responses: { 400: 'A value out of its plausible range (a message per field)', 403: 'Not Dinkes or admin of this district (audited)' },
    async handler({ query, body: b, auth, locale, req }) {
      if (!(auth.user.role === 'dinkes' || auth.user.role === 'admin') || !inScope(auth.scope, query.kab)) {
        throw errors.forbidden(locale, { action: 'denied', entityType: 'indicator_settings', entityId: query.kab, areaCode: query.kab });
      }
      const rates = Object.fromEntries(Object.entries(b.rates ?? {}).filter(([, v]) => v !== null)) as Record<string, number>;
      // Core's validators hold the rule; the message comes from the message table in the user's language.
      const fields: Issue[] = [];
      for (const i of validateSasaranRates(rates).issues) {
        const bounds = SASARAN_RATE_BOUNDS[i.field as keyof typeof SASARAN_RATE_BOUNDS];
        fields.push(bounds ? { code: 'out_of_range', field: `rates.${i.field}`, params: { min: bounds[0], max: bounds[1] } } : { code: 'invalid', field: `rates.${i.field}` });
      }
      if (b.thresholds) {
        for (const i of validateThresholds(b.thresholds).issues) {
          fields.push(i.field === 'yellow' && b.thresholds.yellow >= 0 && b.thresholds.yellow <= 200 && b.thresholds.green >= 0 && b.thresholds.green <= 200
            ? { code: 'thresholds_order', field: 'thresholds.yellow' }
            : { code: 'out_of_range', field: `thresholds.${i.field}`, params: { min: 0, max: 200 } });
        }
      }
      if (fields.length) throw errors.validation(fields, locale);
      await database.db.transaction(async (tx) => {
        const before = await indicatorSettings(tx, query.kab);
        const next = { ...(Object.keys(rates).length ? { rates } : {}), ...(b.thresholds ? { thresholds: b.thresholds } : {}) };
        await saveIndicatorSettings(tx, query.kab, next);
        await writeAudit(tx, req, { action: 'update', entityType: 'indicator_settings', entityId: query.kab, areaCode: query.kab, details: { before, after: next } });
      });
      return view(db, query.kab);
    },
  });
}
