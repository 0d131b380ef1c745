import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Issue } from '../../../core/i18n/issues';
import type { Locale } from '../../../core/i18n/messages';
import { checkKk } from '../../../core/people/nik';
import { todayIn } from '../../../core/time/dates';
import { inScope } from '../../access/scope';
import type { AuthContext } from '../../auth/session';
import { writeAudit } from '../../audit/audit';
import type { Database } from '../../db/client';
import { household, person, personResidence } from '../../db/schema';
import type { DbOrTx, Tx } from '../../db/sql';
import { errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { listChanges, recordChanges } from '../../history/change-log';
import { getLineage } from '../areas/areas.repo';
import { areaCodeSchema } from '../areas/areas.routes';
import { idCheckContext, personSummaries } from '../people/people.repo';
import { createHouseholdBody, patchHouseholdBody } from '../people/people.schemas';
import { resolveArea, type ServiceCtx } from '../people/people.service';
import { householdSummaries, searchHouseholds } from './households.repo';
import { refreshIndicators } from '../indicators/indicators.store';

async function householdDetail(db: DbOrTx, id: string) {
  const [summary] = await householdSummaries(db, sql`h.id = ${id}`);
  if (!summary) return undefined;
  const members = await personSummaries(db, eq(person.householdId, id));
  return { household: summary, members, lineage: await getLineage(db, summary.areaCode) };
}

/** KK number checks; a KK number already registered is refused with a link (named only in scope). */
async function checkKkNumber(ctx: ServiceCtx, kk: string | null | undefined, selfId: string | undefined, issues: Issue[], warnings: Issue[]): Promise<void> {
  if (!kk) return;
  const r = checkKk(kk, await idCheckContext(ctx.tx, [kk]));
  issues.push(...r.errors);
  warnings.push(...r.warnings);
  if (r.errors.length) return;
  const other = (await ctx.tx.select({ id: household.id, areaCode: household.areaCode }).from(household).where(eq(household.kkNumber, kk))).find((h) => h.id !== selfId);
  if (other) {
    const visible = inScope(ctx.auth.scope, other.areaCode);
    throw errors.conflict({ code: visible ? 'kk_duplicate' : 'kk_duplicate_elsewhere', field: 'kkNumber' }, ctx.locale, { existing: visible ? { id: other.id } : null });
  }
}

function confirmWarnings(warnings: Issue[], confirm: string[] | undefined, locale: Locale): void {
  const pending = warnings.filter((w) => !confirm?.includes(w.code));
  if (pending.length) throw errors.needsConfirmation(pending, locale);
}

export function registerHouseholdRoutes(app: FastifyInstance, database: Database, timeZone: string): void {
  const { db } = database;
  const ctxOf = (tx: Tx, auth: AuthContext, locale: Locale, req: FastifyRequest): ServiceCtx => ({ tx, auth, locale, req, today: todayIn(timeZone) });

  async function readable(id: string, auth: AuthContext, locale: Locale, req: FastifyRequest, dbx: DbOrTx = db) {
    const h = (await dbx.select().from(household).where(eq(household.id, id)))[0];
    if (!h) throw errors.notFound(locale);
    if (!inScope(auth.scope, h.areaCode)) {
      throw errors.forbidden(locale, { action: 'denied', entityType: 'household', entityId: id, areaCode: h.areaCode });
    }
    return h;
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/households',
    summary: 'Households in scope within an area (e.g. an RW), searchable by KK number, member name or address',
    tags: ['households'],
    query: z.object({
      area: areaCodeSchema.optional(),
      q: z.string().trim().max(100).optional(),
      page: z.coerce.number().int().min(1).max(10_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
    async handler({ query, auth, req }) {
      const r = await searchHouseholds(db, auth.scope, query);
      await writeAudit(db, req, { action: 'list', entityType: 'household', areaCode: query.area ?? null, details: { q: query.q ?? null, results: r.items.length, total: r.total } });
      return { ...r, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/households/:id',
    summary: 'A household with its members and address (audited read)',
    tags: ['households'],
    params: z.object({ id: z.uuid() }),
    async handler({ params, auth, locale, req }) {
      const h = await readable(params.id, auth, locale, req);
      const detail = await householdDetail(db, h.id);
      await writeAudit(db, req, { action: 'read', entityType: 'household', entityId: h.id, areaCode: h.areaCode, details: { members: detail!.members.map((m) => m.id) } });
      return detail;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/households/:id/history',
    summary: 'Every field change of a household, with who and when',
    tags: ['households'],
    params: z.object({ id: z.uuid() }),
    async handler({ params, auth, locale, req }) {
      const h = await readable(params.id, auth, locale, req);
      return { changes: await listChanges(db, 'household', [h.id]) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/households',
    summary: 'Register a household (KK number checked; a registered KK number is refused with a link)',
    tags: ['households'],
    status: 201,
    body: createHouseholdBody,
    async handler({ body, auth, locale, req }) {
      if (!auth.permissions.editRegistry) throw errors.forbidden(locale);
      const id = await db.transaction(async (tx) => {
        const ctx = ctxOf(tx, auth, locale, req);
        const issues: Issue[] = [];
        const warnings: Issue[] = [];
        const dom = await resolveArea(ctx, body.areaCode, 'areaCode', issues);
        await checkKkNumber(ctx, body.kkNumber, undefined, issues, warnings);
        if (issues.length || !dom) throw errors.validation(issues, locale);
        confirmWarnings(warnings, body.confirm, locale);
        const id = randomUUID();
        await tx.insert(household).values({
          id, kabCode: dom.kabCode, kkNumber: body.kkNumber ?? null, areaCode: dom.areaCode, villageCode: dom.villageCode,
          address: body.address ?? null, createdBy: auth.user.id, updatedBy: auth.user.id,
        });
        await writeAudit(tx, req, { action: 'create', entityType: 'household', entityId: id, areaCode: dom.areaCode });
        return id;
      });
      return householdDetail(db, id);
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/households/:id',
    summary: 'Edit a household; a new address moves its members with it (residence history kept)',
    tags: ['households'],
    params: z.object({ id: z.uuid() }),
    body: patchHouseholdBody,
    async handler({ params, body, auth, locale, req }) {
      await db.transaction(async (tx) => {
        const ctx = ctxOf(tx, auth, locale, req);
        const h = await readable(params.id, auth, locale, req, tx);
        if (!auth.permissions.editRegistry) throw errors.forbidden(locale);
        if (body.version !== h.version) throw errors.versionConflict(locale, h.version);
        const issues: Issue[] = [];
        const warnings: Issue[] = [];
        const next = { ...h };
        if (body.address !== undefined) next.address = body.address;
        if (body.kkNumber !== undefined && body.kkNumber !== h.kkNumber) {
          await checkKkNumber(ctx, body.kkNumber, h.id, issues, warnings);
          next.kkNumber = body.kkNumber;
        }
        if (body.areaCode !== undefined && body.areaCode !== h.areaCode) {
          const dom = await resolveArea(ctx, body.areaCode, 'areaCode', issues);
          if (dom) Object.assign(next, { areaCode: dom.areaCode, villageCode: dom.villageCode, kabCode: dom.kabCode });
        }
        if (body.headPersonId !== undefined && body.headPersonId !== h.headPersonId) {
          if (body.headPersonId) {
            const m = (await tx.select({ id: person.id }).from(person).where(and(eq(person.id, body.headPersonId), eq(person.householdId, h.id), eq(person.status, 'alive'))))[0];
            if (!m) issues.push({ code: 'head_not_member', field: 'headPersonId' });
          }
          next.headPersonId = body.headPersonId;
        }
        if (issues.length) throw errors.validation(issues, locale);
        confirmWarnings(warnings, body.confirm, locale);
        const changed = await recordChanges(tx, { entityType: 'household', entityId: h.id, kabCode: h.kabCode, userId: auth.user.id }, h, next, ['kkNumber', 'areaCode', 'address', 'headPersonId']);
        if (changed.length === 0) return;
        await tx.update(household).set({
          kkNumber: next.kkNumber, areaCode: next.areaCode, villageCode: next.villageCode, kabCode: next.kabCode, address: next.address,
          headPersonId: next.headPersonId, version: h.version + 1, updatedBy: auth.user.id, updatedAt: sql`now()`,
        }).where(eq(household.id, h.id));
        if (next.areaCode !== h.areaCode) {
          // The members move with their household: close and reopen each residence.
          const today = ctx.today;
          const members = await tx.select({ id: person.id }).from(person).where(and(eq(person.householdId, h.id), eq(person.status, 'alive')));
          for (const m of members) {
            await recordChanges(tx, { entityType: 'person', entityId: m.id, kabCode: h.kabCode, userId: auth.user.id }, { areaCode: h.areaCode }, { areaCode: next.areaCode }, ['areaCode']);
            await tx.update(personResidence).set({ toDate: today }).where(and(eq(personResidence.personId, m.id), isNull(personResidence.toDate)));
            await tx.insert(personResidence).values({ kabCode: next.kabCode, personId: m.id, householdId: h.id, areaCode: next.areaCode, fromDate: today, reason: 'household_moved', recordedBy: auth.user.id });
          }
          await tx.update(person).set({ areaCode: next.areaCode, villageCode: next.villageCode, kabCode: next.kabCode, version: sql`${person.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(person.householdId, h.id), eq(person.status, 'alive')));
          await refreshIndicators(tx, members.map((m) => m.id), today);
        }
        await writeAudit(tx, req, { action: 'update', entityType: 'household', entityId: h.id, areaCode: next.areaCode, details: { fields: changed } });
      });
      return householdDetail(db, params.id);
    },
  });
}

