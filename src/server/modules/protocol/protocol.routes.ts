import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isAreaCode, levelOf } from '../../../core/areas/codes';
import { describeProtocol } from '../../../core/protocol/describe';
import { resolveSettings } from '../../../core/protocol/settings-validate';
import { inScope } from '../../access/scope';
import type { AuthContext } from '../../auth/session';
import { writeAudit } from '../../audit/audit';
import type { Database } from '../../db/client';
import { errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { getArea } from '../areas/areas.repo';
import { districtSettings, saveDistrictSettings, storedSettingsJson } from './district-settings';

const kabSchema = z.string().trim().refine((v) => isAreaCode(v) && levelOf(v) === 'regency', { params: { code: 'area_level_invalid', level: 'kabupaten/kota' } });

/** The district whose protocol a user reads: the one asked for, else the user's own. */
function kabFor(auth: AuthContext, asked: string | undefined): string | null {
  return asked ?? auth.user.kabCode ?? null;
}

export function registerProtocolRoutes(app: FastifyInstance, database: Database): void {
  const { db } = database;

  defineRoute(app, {
    method: 'GET',
    url: '/api/protocol',
    summary: "The ILP service protocol as readable data, under a district's settings: every item with its window, target group, place and source",
    tags: ['protocol'],
    query: z.object({ kab: kabSchema.optional() }),
    async handler({ query, auth, locale }) {
      const kab = kabFor(auth, query.kab);
      if (kab && !(await getArea(db, kab))) throw errors.validation([{ code: 'area_unknown', field: 'kab', params: { code: kab } }], locale);
      const description = describeProtocol(await districtSettings(db, kab));
      return { kabCode: kab, ...description };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/protocol/settings',
    summary: "A district's protocol settings as stored (only what differs from the national defaults)",
    tags: ['protocol'],
    query: z.object({ kab: kabSchema.optional() }),
    async handler({ query, auth, locale }) {
      const kab = kabFor(auth, query.kab);
      if (!kab) throw errors.validation([{ code: 'required', field: 'kab' }], locale);
      return { kabCode: kab, stored: (await storedSettingsJson(db, kab)) ?? {} };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/protocol/settings',
    summary: "Replace a district's protocol settings (Dinkes or admin of the district); validated against the protocol, a message per setting",
    tags: ['protocol'],
    query: z.object({ kab: kabSchema }),
    body: z.object({ settings: z.record(z.string(), z.unknown()) }).strict(),
    async handler({ query, body, auth, locale, req }) {
      if (!(auth.user.role === 'dinkes' || auth.user.role === 'admin') || !inScope(auth.scope, query.kab)) {
        throw errors.forbidden(locale, { action: 'denied', entityType: 'protocol_settings', entityId: query.kab, areaCode: query.kab });
      }
      const { issues } = resolveSettings(body.settings);
      if (issues.length) throw errors.validation(issues, locale);
      await db.transaction(async (tx) => {
        const before = await storedSettingsJson(tx, query.kab);
        await saveDistrictSettings(tx, query.kab, body.settings);
        await writeAudit(tx, req, { action: 'update', entityType: 'protocol_settings', entityId: query.kab, areaCode: query.kab, details: { before, after: body.settings } });
      });
      const description = describeProtocol(await districtSettings(db, query.kab));
      return { kabCode: query.kab, stored: body.settings, changedSettings: description.changedSettings, settingsFingerprint: description.settingsFingerprint };
    },
  });
}
