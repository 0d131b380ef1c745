/**
 * Recording routes (docs/fieldwork-api.md "Events and visits", "The person's
 * schedule"): POST /api/visits, GET /api/visits/:id, GET
 * /api/people/:id/events, GET /api/people/:id/schedule.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Locale } from '../../../core/i18n/messages';
import { deriveState } from '../../../core/records/derive';
import { todayIn } from '../../../core/time/dates';
import { inScope } from '../../access/scope';
import type { AuthContext } from '../../auth/session';
import { writeAudit } from '../../audit/audit';
import type { Database } from '../../db/client';
import { person, visit } from '../../db/schema';
import type { DbOrTx } from '../../db/sql';
import { errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { getPerson, personSummaries } from '../people/people.repo';
import type { ServiceCtx } from '../people/people.service';
import { districtSettings } from '../protocol/district-settings';
import { growthReferences } from './growth-refs';
import { personRecordEvents, recordedEvents } from './records.repo';
import { onQuery, personEventsQuery, visitBody } from './records.schemas';
import { recordVisit } from './records.service';
import { scheduleView, type ScheduleView } from './schedule-view';
import { scheduleEventsOf } from '../../../core/records/facts';

const UNIQUE_VIOLATION = '23505';

/** The person's schedule on `on` computed from their events (the stored options: one year of history). */
export async function personScheduleView(db: DbOrTx, p: { id: string; sex: string; birthDate: string; status: string; kabCode: string }, on: string, locale: Locale): Promise<ScheduleView> {
  const events = await personRecordEvents(db, p.id);
  const settings = await districtSettings(db, p.kabCode);
  const state = deriveState({ sex: p.sex as 'M' | 'F', birthDate: p.birthDate, status: p.status }, events, on, settings, await growthReferences(db));
  return scheduleView(state.schedule, state.facts, scheduleEventsOf(events), settings, locale);
}

export function registerVisitRoutes(app: FastifyInstance, database: Database, timeZone: string): void {
  const { db } = database;
  const ctxOf = (tx: ServiceCtx['tx'], auth: AuthContext, locale: Locale, req: FastifyRequest): ServiceCtx => ({ tx, auth, locale, req, today: todayIn(timeZone) });

  async function readablePerson(id: string, auth: AuthContext, locale: Locale) {
    const p = await getPerson(db, id);
    if (!p) throw errors.notFound(locale);
    if (!inScope(auth.scope, p.areaCode)) throw errors.forbidden(locale, { action: 'denied', entityType: 'person', entityId: id, personId: id, areaCode: p.areaCode });
    return p;
  }

  defineRoute(app, {
    method: 'POST',
    url: '/api/visits',
    summary: 'Record a visit with its events (idempotent by UUID; warnings need confirm; births register the babies; the schedule follows)',
    tags: ['records'],
    status: 201,
    body: visitBody,
    responses: {
      200: 'Everything was already stored (results say duplicate)', 201: 'Recorded', 400: 'Invalid fields (events.N.…), nothing written',
      403: 'Person outside the user scope (audited)', 404: 'Unknown person', 409: 'visit_conflict / event_conflict, or needs_confirmation with warnings',
    },
    async handler({ body, auth, locale, req, reply }) {
      const run = () => db.transaction((tx) => recordVisit(ctxOf(tx, auth, locale, req), body));
      let r;
      try {
        r = await run();
      } catch (e) {
        // The same upload sent twice at once: the second finds the first's rows on a retry.
        if ((e as { code?: string }).code !== UNIQUE_VIOLATION) throw e;
        r = await run();
      }
      let schedule: ScheduleView;
      let v;
      let events;
      if (r.state && r.written) {
        // After a write the transaction's own rows answer (visit, settings, events, the visit's events): no second reading.
        v = r.written.visit;
        events = r.written.recorded;
        schedule = scheduleView(r.state.schedule, r.state.facts, scheduleEventsOf(r.written.events), r.written.settings, locale);
      } else {
        events = await recordedEvents(db, sql`e.visit_id = ${r.visitId}`, locale);
        [v] = await db.select().from(visit).where(eq(visit.id, r.visitId));
        const p = (await getPerson(db, r.personId))!;
        schedule = await personScheduleView(db, p, todayIn(timeZone), locale);
        await writeAudit(db, req, { action: 'read', entityType: 'visit', entityId: r.visitId, personId: p.id, areaCode: p.areaCode, details: { duplicate: true } });
      }
      const people = r.babies.length ? await personSummaries(db, inArray(person.id, r.babies)) : [];
      // 200 for a resend of what is stored, 201 when something was written (defineRoute's status is the default).
      return reply.status(r.status).send({ visit: v, events, results: r.results, warnings: r.warnings, ...(people.length ? { people } : {}), schedule });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/visits/:id',
    summary: 'A visit with its events (audited)',
    tags: ['records'],
    params: z.object({ id: z.uuid() }),
    async handler({ params, auth, locale, req }) {
      const [v] = await db.select().from(visit).where(eq(visit.id, params.id));
      if (!v) throw errors.notFound(locale);
      const p = await readablePerson(v.personId, auth, locale);
      await writeAudit(db, req, { action: 'read', entityType: 'visit', entityId: v.id, personId: p.id, areaCode: p.areaCode });
      return { visit: v, events: await recordedEvents(db, sql`e.visit_id = ${v.id}`, locale) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/people/:id/events',
    summary: "A person's recorded events, newest first, superseded ones marked (audited)",
    tags: ['records'],
    params: z.object({ id: z.uuid() }),
    query: personEventsQuery,
    async handler({ params, query, auth, locale, req }) {
      const p = await readablePerson(params.id, auth, locale);
      const conds: SQL[] = [sql`e.person_id = ${p.id}`];
      if (query.kind) conds.push(sql`e.kind = ${query.kind}`);
      if (query.code) conds.push(sql`e.code = ${query.code}`);
      await writeAudit(db, req, { action: 'read', entityType: 'person', entityId: p.id, personId: p.id, areaCode: p.areaCode, details: { view: 'events' } });
      return { items: await recordedEvents(db, and(...conds)!, locale) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/people/:id/schedule',
    summary: "A person's schedule on a date: every item with its window and status, stages and pregnancy (audited)",
    tags: ['records'],
    params: z.object({ id: z.uuid() }),
    query: onQuery,
    async handler({ params, query, auth, locale, req }) {
      const p = await readablePerson(params.id, auth, locale);
      const on = query.on ?? todayIn(timeZone);
      await writeAudit(db, req, { action: 'read', entityType: 'person', entityId: p.id, personId: p.id, areaCode: p.areaCode, details: { view: 'schedule', on } });
      return personScheduleView(db, p, on, locale);
    },
  });
}
