/** Home-visit routes (docs/fieldwork-api.md "Home visits"). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { todayIn } from '../../../core/time/dates';
import { writeAudit } from '../../audit/audit';
import type { Database } from '../../db/client';
import { defineRoute } from '../../http/route';
import { areaCodeSchema } from '../areas/areas.routes';
import { isoDate } from '../people/people.schemas';
import { createHomeVisit, homeVisitRoute, listHomeVisits } from './home-visits.service';

export function registerHomeVisitRoutes(app: FastifyInstance, database: Database, timeZone: string): void {
  const { db } = database;

  defineRoute(app, {
    method: 'GET',
    url: '/api/home-visits/route',
    summary: 'Households to visit, most urgent first: danger signs and open referrals, then missed, overdue, absent at the last Posyandu day',
    tags: ['home-visits'],
    query: z.object({
      facility: z.uuid().optional(), area: areaCodeSchema.optional(), on: isoDate.optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }).strict(),
    async handler({ query, auth, locale, req }) {
      const today = todayIn(timeZone);
      const on = query.on ?? today;
      const r = await homeVisitRoute(db, auth, locale, { ...query, on, today, timeZone });
      await writeAudit(db, req, { action: 'list', entityType: 'home_visit_route', entityId: query.facility ?? query.area, areaCode: r.codes.length === 1 ? r.codes[0] : null, details: { on, households: r.households.length } });
      return { on, households: r.households };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/home-visits',
    summary: "Start a home visit to a household (a field session; each member served gets a visit with this sessionId and placeKind 'home')",
    tags: ['home-visits'],
    status: 201,
    body: z.object({ id: z.uuid(), householdId: z.uuid(), date: isoDate, notes: z.string().trim().max(1000).nullable().optional() }).strict(),
    responses: { 200: 'Already stored', 201: 'Started', 403: 'Household outside the user scope (audited)', 409: 'session_conflict' },
    async handler({ body, auth, locale, req, reply }) {
      const r = await createHomeVisit(db, auth, locale, req, body, todayIn(timeZone));
      return reply.status(r.created ? 201 : 200).send(r.visit);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/home-visits',
    summary: 'Past home visits of a household or of a facility’s area, with what was recorded',
    tags: ['home-visits'],
    query: z.object({ household: z.uuid().optional(), facility: z.uuid().optional() }).strict(),
    async handler({ query, auth, locale }) {
      return { items: await listHomeVisits(db, auth, locale, query) };
    },
  });
}
