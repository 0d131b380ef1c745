import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { registerAuthRoutes } from '../auth/auth.routes';
import { registerSessionHooks, SessionCache } from '../auth/session';
import { registerAreaRoutes } from '../modules/areas/areas.routes';
import { registerAuditRoutes } from '../modules/audit/audit.routes';
import { registerFacilityRoutes } from '../modules/facilities/facilities.routes';
import { registerHomeRoutes } from '../modules/home/home.routes';
import { registerHouseholdRoutes } from '../modules/households/households.routes';
import { registerKohortRoutes } from '../modules/kohort/kohort.routes';
import { registerGeoRoutes } from '../modules/geo/geo.routes';
import { registerReportRoutes } from '../modules/reports/reports.routes';
import { registerPeopleRoutes } from '../modules/people/people.routes';
import { registerProtocolRoutes } from '../modules/protocol/protocol.routes';
import { registerRecordRoutes } from '../modules/record/record.routes';
import { registerReferralRoutes } from '../modules/referrals/referrals.routes';
import { registerUserRoutes } from '../modules/users/users.routes';
import { registerVisitRoutes } from '../modules/records/visits.routes';
import { registerDueRoutes } from '../modules/due/due.routes';
import { registerPosyanduRoutes } from '../modules/posyandu/posyandu.routes';
import { registerHomeVisitRoutes } from '../modules/home-visits/home-visits.routes';
import { registerIndicatorRoutes } from '../modules/indicators/indicators.routes';
import { registerIndicatorSettingsRoutes } from '../modules/indicators/indicator-settings.routes';
import { ApiError, text } from './errors';
import { openApiDocument } from './openapi';
import { defineRoute } from './route';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));
const VERSION: string = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version;

/** Request bodies above this are refused with 413 (the largest legitimate body is a sync batch). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface AppOptions {
  database: Database;
  config: Config;
  /** folder of the built web app; null = API only */
  webRoot?: string | null;
  logger?: boolean;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { database, config } = opts;
  const app = Fastify({
    logger: opts.logger ? { level: config.logLevel } : false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: process.env.TRUST_PROXY === 'true',
  });
  app.decorate('routeDocs', []);
  app.decorate('database', database);
  await app.register(cookie);
  registerSessionHooks(app, database, new SessionCache(config.sessionCacheSeconds * 1000));

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    else reply.header('content-security-policy', "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'");
  });

  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    const locale = req.locale ?? 'id';
    if (err instanceof ApiError) {
      return reply.status(err.status).send({ error: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}), ...err.extra });
    }
    const code = (err as FastifyError).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send({ error: 'payload_too_large', message: text('payload_too_large', locale) });
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.status(415).send({ error: 'unsupported_media_type', message: text('unsupported_media_type', locale) });
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError) {
      return reply.status(400).send({ error: 'invalid_json', message: text('invalid_json', locale) });
    }
    if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
      return reply.status((err as FastifyError).statusCode!).send({ error: 'bad_request', message: err.message });
    }
    req.log.error(err);
    if (!opts.logger) console.error(err);
    return reply.status(500).send({ error: 'internal', message: text('internal', locale) });
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and database check',
    tags: ['meta'],
    public: true,
    async handler() {
      await database.query('select 1');
      return { status: 'ok', version: VERSION, database: database.engine };
    },
  });

  registerAuthRoutes(app, database, config);
  registerHomeRoutes(app, database, config.timeZone);
  registerAreaRoutes(app, database);
  registerFacilityRoutes(app, database);
  registerHouseholdRoutes(app, database, config.timeZone);
  registerPeopleRoutes(app, database, config.timeZone);
  registerUserRoutes(app, database);
  registerAuditRoutes(app, database);
  registerProtocolRoutes(app, database);
  registerVisitRoutes(app, database, config.timeZone);
  registerDueRoutes(app, database, config.timeZone);
  registerPosyanduRoutes(app, database, config.timeZone);
  registerHomeVisitRoutes(app, database, config.timeZone);
  registerReferralRoutes(app, database, config.timeZone);
  registerRecordRoutes(app, database, config.timeZone);
  registerKohortRoutes(app, database, config.timeZone);
  registerIndicatorRoutes(app, database, config.timeZone);
  registerIndicatorSettingsRoutes(app, database);
  registerGeoRoutes(app, database);
  registerReportRoutes(app, database, config.timeZone);

  app.get('/api/openapi.json', async () => openApiDocument(app.routeDocs, VERSION));

  const webRoot = opts.webRoot === undefined ? DEFAULT_WEB_ROOT : opts.webRoot;
  const hasWeb = !!webRoot && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt app is served without a restart.
    await app.register(fastifyStatic, { root: webRoot!, wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(404).send({ error: 'not_found', message: text('not_found', req.locale ?? 'id') });
    }
    // Client-side routes of the single-page app all load index.html.
    if (hasWeb) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).type('text/plain').send('The web app is not built. Run `npm run build` (npm start does it for you).');
  });

  return app;
}
