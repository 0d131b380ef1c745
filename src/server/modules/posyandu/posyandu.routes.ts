/** The Posyandu day routes (docs/fieldwork-api.md "Posyandu day"). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addDays, todayIn } from '../../../core/time/dates';
import type { Database } from '../../db/client';
import { errors } from '../../http/errors';
import { writeAudit } from '../../audit/audit';
import { defineRoute } from '../../http/route';
import { isoDate } from '../people/people.schemas';
import { attend, closeSession, listSessions, openSession, sessionDetail } from './posyandu.service';

/** Sessions may be planned this far ahead (SIKLUS choice: the next two monthly rounds). */
const PLAN_AHEAD_DAYS = 62;

export function registerPosyanduRoutes(app: FastifyInstance, database: Database, timeZone: string): void {
  const { db } = database;
  const idParam = z.object({ id: z.uuid() });

  defineRoute(app, {
    method: 'POST',
    url: '/api/posyandu-sessions',
    summary: 'Open the Posyandu day (or reuse the one of that Posyandu and date)',
    tags: ['posyandu'],
    status: 201,
    body: z.object({ facilityId: z.uuid(), date: isoDate }).strict(),
    responses: { 200: 'The session already existed', 201: 'Opened', 403: 'Posyandu outside the user scope (audited)' },
    async handler({ body, auth, locale, req, reply }) {
      const latest = addDays(todayIn(timeZone), PLAN_AHEAD_DAYS);
      if (body.date > latest) throw errors.validation([{ code: 'date_too_far', field: 'date', params: { max: latest } }], locale);
      const r = await openSession(db, auth, locale, req, body);
      return reply.status(r.created ? 201 : 200).send(r.session);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/posyandu-sessions',
    summary: 'Posyandu sessions in scope with their summaries',
    tags: ['posyandu'],
    query: z.object({ facility: z.uuid().optional(), from: isoDate.optional(), to: isoDate.optional() }).strict(),
    async handler({ query, auth }) {
      return { items: await listSessions(db, auth, query) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/posyandu-sessions/:id',
    summary: 'A Posyandu day: who is expected (due on the day), who attended and their steps',
    tags: ['posyandu'],
    params: idParam,
    async handler({ params, auth, locale, req }) {
      const d = await sessionDetail(db, auth, locale, params.id, todayIn(timeZone), timeZone);
      await writeAudit(db, req, { action: 'list', entityType: 'posyandu_session', entityId: params.id, areaCode: d.session.areaCode, details: { expected: d.expected.length, attended: d.attended.length } });
      return d;
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/posyandu-sessions/:id/attend',
    summary: "Register a person's arrival: opens their visit of the day; returns their due items and steps",
    tags: ['posyandu'],
    params: idParam,
    body: z.object({ personId: z.uuid() }).strict(),
    responses: { 409: 'session_closed' },
    async handler({ params, body, auth, locale, req }) {
      return attend(db, auth, locale, req, params.id, body.personId, todayIn(timeZone), timeZone);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/posyandu-sessions/:id/close',
    summary: 'Close the day: the summary (attended, measured, served, referred, due but absent, by stage) and the absentees, stored on the session',
    tags: ['posyandu'],
    params: idParam,
    async handler({ params, auth, locale, req }) {
      return closeSession(db, auth, locale, req, params.id, todayIn(timeZone), timeZone);
    },
  });
}
