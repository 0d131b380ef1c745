import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { todayIn } from '../../../core/time/dates';
import type { Locale } from '../../../core/i18n/messages';
import { inScope } from '../../access/scope';
import type { AuthContext } from '../../auth/session';
import { writeAudit } from '../../audit/audit';
import type { Database } from '../../db/client';
import { person } from '../../db/schema';
import type { DbOrTx } from '../../db/sql';
import { errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { listChanges } from '../../history/change-log';
import { getLineage } from '../areas/areas.repo';
import { areaCodeSchema } from '../areas/areas.routes';
import { householdSummaries } from '../households/households.repo';
import { getPerson, personSummaries, residences, searchPeople, toPersonSummary, personSummarySelect } from './people.repo';
import { createPersonBody, movePersonBody, patchPersonBody, statusBody } from './people.schemas';
import { createPerson, movePerson, setStatus, updatePerson, type ServiceCtx } from './people.service';

export async function personDetail(db: DbOrTx, id: string, auth: AuthContext) {
  const p = await getPerson(db, id);
  if (!p) return undefined;
  const [household] = p.householdId ? await householdSummaries(db, eq(sql`h.id`, p.householdId)) : [];
  const mother = p.motherId ? (await personSummarySelect(db).where(eq(person.id, p.motherId))).map(toPersonSummary)[0] ?? null : null;
  const children = (await personSummaries(db, eq(person.motherId, id))).filter((c) => inScope(auth.scope, c.areaCode));
  return {
    person: p,
    household: household ?? null,
    mother: mother && inScope(auth.scope, mother.areaCode) ? mother : null,
    children,
    lineage: await getLineage(db, p.areaCode),
    residences: await residences(db, id),
  };
}

export function registerPeopleRoutes(app: FastifyInstance, database: Database, timeZone: string): void {
  const { db } = database;
  const ctxOf = (tx: ServiceCtx['tx'], auth: AuthContext, locale: Locale, req: FastifyRequest): ServiceCtx => ({ tx, auth, locale, req, today: todayIn(timeZone) });

  /** Reading a person's record: 404, or 403 audited as denied, or the record audited as read. */
  async function readable(id: string, auth: AuthContext, locale: Locale, req: FastifyRequest) {
    const p = await getPerson(db, id);
    if (!p) throw errors.notFound(locale);
    if (!inScope(auth.scope, p.areaCode)) {
      throw errors.forbidden(locale, { action: 'denied', entityType: 'person', entityId: id, personId: id, areaCode: p.areaCode });
    }
    return p;
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/people',
    summary: 'Search people in scope by name, NIK or KK number, within an area',
    tags: ['people'],
    query: z.object({
      q: z.string().trim().max(100).optional(),
      area: areaCodeSchema.optional(),
      status: z.enum(['alive', 'deceased', 'moved']).optional(),
      page: z.coerce.number().int().min(1).max(10_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
    async handler({ query, auth, req }) {
      const r = await searchPeople(db, auth.scope, query);
      await writeAudit(db, req, { action: 'list', entityType: 'person', areaCode: query.area ?? null, details: { q: query.q ?? null, results: r.items.length, total: r.total } });
      return { ...r, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/people/:id',
    summary: "A person's record: identity, family, domicile and residence history (audited)",
    tags: ['people'],
    params: z.object({ id: z.uuid() }),
    responses: { 403: 'Outside the user scope (audited)', 404: 'Unknown person' },
    async handler({ params, auth, locale, req }) {
      const p = await readable(params.id, auth, locale, req);
      const detail = await personDetail(db, params.id, auth);
      await writeAudit(db, req, { action: 'read', entityType: 'person', entityId: p.id, personId: p.id, areaCode: p.areaCode });
      return detail;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/people/:id/history',
    summary: 'Every field change of a person, with who and when, and the residence history (audited)',
    tags: ['people'],
    params: z.object({ id: z.uuid() }),
    async handler({ params, auth, locale, req }) {
      const p = await readable(params.id, auth, locale, req);
      await writeAudit(db, req, { action: 'read', entityType: 'person', entityId: p.id, personId: p.id, areaCode: p.areaCode, details: { view: 'history' } });
      return { changes: await listChanges(db, 'person', [p.id]), residences: await residences(db, p.id) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/people',
    summary: 'Register a person (NIK checks; warnings need confirm; a duplicate NIK is refused with a link)',
    tags: ['people'],
    status: 201,
    body: createPersonBody,
    responses: { 201: 'Created', 400: 'Invalid fields', 409: 'duplicate_nik (with existing) or needs_confirmation (with warnings)' },
    async handler({ body, auth, locale, req }) {
      if (!auth.permissions.editRegistry) throw errors.forbidden(locale);
      const id = await db.transaction((tx) => createPerson(ctxOf(tx, auth, locale, req), body));
      return personDetail(db, id, auth);
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/people/:id',
    summary: 'Edit a person field by field (every change kept; optimistic locking by version)',
    tags: ['people'],
    params: z.object({ id: z.uuid() }),
    body: patchPersonBody,
    async handler({ params, body, auth, locale, req }) {
      await db.transaction((tx) => updatePerson(ctxOf(tx, auth, locale, req), params.id, body));
      return personDetail(db, params.id, auth);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/people/:id/move',
    summary: 'Move a person to another household or address (residence history kept)',
    tags: ['people'],
    params: z.object({ id: z.uuid() }),
    body: movePersonBody,
    async handler({ params, body, auth, locale, req }) {
      await db.transaction((tx) => movePerson(ctxOf(tx, auth, locale, req), params.id, body));
      return personDetail(db, params.id, auth);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/people/:id/status',
    summary: 'Set vital status: alive, deceased or moved away, with its date',
    tags: ['people'],
    params: z.object({ id: z.uuid() }),
    body: statusBody,
    async handler({ params, body, auth, locale, req }) {
      await db.transaction((tx) => setStatus(ctxOf(tx, auth, locale, req), params.id, body));
      return personDetail(db, params.id, auth);
    },
  });
}
