import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ROLES, type Role } from '../../../core/access/roles';
import type { Issue } from '../../../core/i18n/issues';
import type { Locale } from '../../../core/i18n/messages';
import { inScope, scopeCondition } from '../../access/scope';
import type { AuthContext } from '../../auth/session';
import { hashPassword } from '../../auth/password';
import { writeAudit } from '../../audit/audit';
import type { Database } from '../../db/client';
import { appUser, area, facility, session } from '../../db/schema';
import type { DbOrTx } from '../../db/sql';
import { ApiError, errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { recordChanges } from '../../history/change-log';
import { phoneSchema } from '../people/people.schemas';
import { canGrant, checkUserFields, insertUser, resolveBinding, usernameTaken } from './users.service';

const userSelect = (db: DbOrTx) =>
  db
    .select({
      id: appUser.id,
      username: appUser.username,
      displayName: appUser.displayName,
      role: appUser.role,
      facilityId: appUser.facilityId,
      facilityName: facility.name,
      facilityType: facility.type,
      areaCode: appUser.areaCode,
      areaName: area.name,
      kabCode: appUser.kabCode,
      phone: appUser.phone,
      locale: appUser.locale,
      active: appUser.active,
      lastLoginAt: appUser.lastLoginAt,
      createdAt: appUser.createdAt,
    })
    .from(appUser)
    .leftJoin(facility, eq(facility.id, appUser.facilityId))
    .leftJoin(area, eq(area.code, appUser.areaCode));

export function registerUserRoutes(app: FastifyInstance, database: Database): void {
  const { db } = database;

  const requireManager = (auth: AuthContext, locale: Locale) => {
    if (!auth.permissions.manageUsers) throw errors.forbidden(locale);
  };

  /** A managed user: their place inside the manager's scope and their role below the manager's. */
  async function managed(id: string, auth: AuthContext, locale: Locale, req: FastifyRequest, dbx: DbOrTx = db) {
    requireManager(auth, locale);
    const u = (await dbx.select().from(appUser).where(eq(appUser.id, id)))[0];
    if (!u) throw errors.notFound(locale);
    if (!inScope(auth.scope, u.areaCode) || (u.id !== auth.user.id && !canGrant(auth.user.role, u.role as Role))) {
      throw errors.forbidden(locale, { action: 'denied', entityType: 'user', entityId: id, areaCode: u.areaCode });
    }
    return u;
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/users',
    summary: 'Users bound to places inside my scope',
    tags: ['users'],
    query: z.object({ q: z.string().trim().max(60).optional(), role: z.enum(ROLES).optional(), active: z.enum(['true', 'false']).optional() }),
    async handler({ query, auth, locale }) {
      requireManager(auth, locale);
      const conds: SQL[] = [scopeCondition(auth.scope, appUser.areaCode)];
      if (query.q) conds.push(sql`(${appUser.username} ilike ${'%' + query.q + '%'} or ${appUser.displayName} ilike ${'%' + query.q + '%'})`);
      if (query.role) conds.push(eq(appUser.role, query.role));
      if (query.active) conds.push(eq(appUser.active, query.active === 'true'));
      return { items: await userSelect(db).where(and(...conds)).orderBy(asc(appUser.areaCode), asc(appUser.username)).limit(1000) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/users/:id',
    summary: 'One user I manage',
    tags: ['users'],
    params: z.object({ id: z.uuid() }),
    async handler({ params, auth, locale, req }) {
      await managed(params.id, auth, locale, req);
      return (await userSelect(db).where(eq(appUser.id, params.id)))[0];
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/users',
    summary: 'Create a user bound to a place (a facility for kader, bidan and Puskesmas staff; an area for dinkes and admin)',
    tags: ['users'],
    status: 201,
    body: z.object({
      username: z.string().trim().max(40),
      displayName: z.string().trim().max(100),
      password: z.string().max(200),
      role: z.enum(ROLES),
      facilityId: z.uuid().nullable().optional(),
      areaCode: z.string().trim().nullable().optional(),
      phone: phoneSchema.optional(),
      locale: z.enum(['id', 'en']).optional(),
    }).strict(),
    responses: { 409: 'Username taken' },
    async handler({ body, auth, locale, req }) {
      requireManager(auth, locale);
      if (!canGrant(auth.user.role, body.role)) throw errors.forbidden(locale);
      const id = await db.transaction(async (tx) => {
        const issues: Issue[] = [];
        checkUserFields(body, issues);
        const binding = await resolveBinding(tx, body, auth.scope, issues);
        if (issues.length || !binding) throw errors.validation(issues, locale);
        if (await usernameTaken(tx, body.username)) throw errors.conflict({ code: 'username_taken', field: 'username' }, locale);
        const id = await insertUser(tx, body, binding);
        await writeAudit(tx, req, { action: 'create', entityType: 'user', entityId: id, areaCode: binding.areaCode, details: { username: body.username, role: body.role } });
        return id;
      });
      return (await userSelect(db).where(eq(appUser.id, id)))[0];
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/users/:id',
    summary: 'Edit a user: name, role, place, active',
    tags: ['users'],
    params: z.object({ id: z.uuid() }),
    body: z.object({
      displayName: z.string().trim().min(2).max(100).optional(),
      role: z.enum(ROLES).optional(),
      facilityId: z.uuid().nullable().optional(),
      areaCode: z.string().trim().nullable().optional(),
      phone: phoneSchema.optional(),
      locale: z.enum(['id', 'en']).optional(),
      active: z.boolean().optional(),
    }).strict(),
    async handler({ params, body, auth, locale, req }) {
      await db.transaction(async (tx) => {
        const u = await managed(params.id, auth, locale, req, tx);
        const role = (body.role ?? u.role) as Role;
        if (!canGrant(auth.user.role, role) && u.id !== auth.user.id) throw errors.forbidden(locale);
        if (u.id === auth.user.id && (body.role || body.active === false)) {
          throw new ApiError(400, 'validation_error', locale === 'en' ? 'You cannot change your own role or deactivate yourself.' : 'Anda tidak dapat mengubah peran atau menonaktifkan akun sendiri.');
        }
        const issues: Issue[] = [];
        const bindingChanged = body.role !== undefined || body.facilityId !== undefined || body.areaCode !== undefined;
        const binding = bindingChanged
          ? await resolveBinding(tx, { role, facilityId: body.facilityId !== undefined ? body.facilityId : u.facilityId, areaCode: body.areaCode !== undefined ? body.areaCode : u.areaCode }, auth.scope, issues)
          : { facilityId: u.facilityId, areaCode: u.areaCode, kabCode: u.kabCode };
        if (issues.length || !binding) throw errors.validation(issues, locale);
        const next = { ...u, ...binding, role, displayName: body.displayName ?? u.displayName, phone: body.phone !== undefined ? body.phone : u.phone, locale: body.locale ?? u.locale, active: body.active ?? u.active };
        const changed = await recordChanges(tx, { entityType: 'user', entityId: u.id, kabCode: u.kabCode, userId: auth.user.id }, u, next,
          ['displayName', 'role', 'facilityId', 'areaCode', 'phone', 'locale', 'active']);
        await tx.update(appUser).set({
          displayName: next.displayName, role: next.role, facilityId: next.facilityId, areaCode: next.areaCode, kabCode: next.kabCode,
          phone: next.phone, locale: next.locale, active: next.active, updatedAt: sql`now()`,
        }).where(eq(appUser.id, u.id));
        // A deactivated user, or one moved to another place, is logged out everywhere.
        if (!next.active || changed.includes('areaCode') || changed.includes('facilityId') || changed.includes('role')) {
          await tx.delete(session).where(eq(session.userId, u.id));
        }
        await writeAudit(tx, req, { action: 'update', entityType: 'user', entityId: u.id, areaCode: next.areaCode, details: { fields: changed } });
      });
      return (await userSelect(db).where(eq(appUser.id, params.id)))[0];
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/users/:id/password',
    summary: "Reset a user's password (ends their sessions)",
    tags: ['users'],
    status: 204,
    params: z.object({ id: z.uuid() }),
    body: z.object({ password: z.string().max(200) }).strict(),
    async handler({ params, body, auth, locale, req }) {
      await db.transaction(async (tx) => {
        const u = await managed(params.id, auth, locale, req, tx);
        const issues: Issue[] = [];
        checkUserFields({ password: body.password }, issues);
        if (issues.length) throw errors.validation(issues, locale);
        await tx.update(appUser).set({ passwordHash: await hashPassword(body.password), updatedAt: sql`now()` }).where(eq(appUser.id, u.id));
        await tx.delete(session).where(eq(session.userId, u.id));
        await writeAudit(tx, req, { action: 'update', entityType: 'user', entityId: u.id, areaCode: u.areaCode, details: { field: 'password' } });
      });
    },
  });
}
