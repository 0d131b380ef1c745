import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Locale } from '../../core/i18n/messages';
import type { AuthContext } from '../auth/session';
import { ApiError, errors } from './errors';
import { writeAudit } from '../audit/audit';
import type { Database } from '../db/client';
import { parse } from './validate';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HandlerInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** The logged-in user, scope and session (undefined only on public routes). */
  auth: AuthContext;
  locale: Locale;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteDef<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  /** public routes skip the session check (login, health, openapi) */
  public?: boolean;
  body?: B;
  query?: Q;
  params?: P;
  /** status → description, for the OpenAPI document */
  responses?: Record<number, string>;
  /** HTTP status of a successful answer (default 200; 201 for creates, 204 for no content) */
  status?: number;
  handler(input: HandlerInput<z.output<B>, z.output<Q>, z.output<P>>): Promise<unknown>;
}

export interface RouteDoc {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  public: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  responses: Record<number, string>;
  status: number;
}

const empty = z.object({}).passthrough();

/**
 * Registers a route with zod-validated body, query and params (400 with a
 * message per field on bad input), the session check (401) and the CSRF check
 * on writes (403), and records it for /api/openapi.json.
 */
export function defineRoute<B extends z.ZodType = typeof empty, Q extends z.ZodType = typeof empty, P extends z.ZodType = typeof empty>(
  app: FastifyInstance,
  def: RouteDef<B, Q, P>,
): void {
  const docs = app.routeDocs;
  docs.push({
    method: def.method,
    url: def.url,
    summary: def.summary,
    tags: def.tags,
    public: def.public ?? false,
    body: def.body,
    query: def.query,
    params: def.params,
    responses: def.responses ?? {},
    status: def.status ?? 200,
  });
  app.route({
    method: def.method,
    url: def.url,
    handler: async (req, reply) => {
      const locale = req.locale;
      const auth = req.auth;
      if (!def.public) {
        if (!auth) throw errors.unauthenticated(locale);
        if (def.method !== 'GET') req.checkCsrf();
      }
      const body = def.body ? parse(def.body, req.body ?? undefined, locale) : (req.body as z.output<B>);
      const query = def.query ? parse(def.query, req.query, locale) : (req.query as z.output<Q>);
      const params = def.params ? parse(def.params, req.params, locale) : (req.params as z.output<P>);
      let result: unknown;
      try {
        result = await def.handler({ body, query, params, auth: auth as AuthContext, locale, req, reply });
      } catch (e) {
        if (e instanceof ApiError && e.audit) await writeAudit(app.database.db, req, e.audit);
        throw e;
      }
      if (reply.sent) return reply;
      reply.status(def.status ?? 200);
      if (def.status === 204) return reply.send();
      return result;
    },
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    routeDocs: RouteDoc[];
    database: Database;
  }
}
