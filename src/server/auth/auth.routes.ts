import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROLE_PERMISSIONS, type Role } from '../../core/access/roles';
import { message } from '../../core/i18n/messages';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { appUser, facility } from '../db/schema';
import type { DbOrTx } from '../db/sql';
import { writeAudit } from '../audit/audit';
import { ApiError, errors, text } from '../http/errors';
import { defineRoute } from '../http/route';
import { getAreas } from '../modules/areas/areas.repo';
import { loginRetryAfter } from './login-limit';
import { DUMMY_HASH, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password';
import { clearSessionCookie, createSession, deleteSession, loadScope, setSessionCookie, type AuthUser } from './session';

/** What the app needs to know about the logged-in user. */
export async function me(db: DbOrTx, user: AuthUser) {
  const scope = await loadScope(db, user);
  const f = user.facilityId ? (await db.select({ id: facility.id, name: facility.name, type: facility.type }).from(facility).where(eq(facility.id, user.facilityId)))[0] ?? null : null;
  const areas = await getAreas(db, [user.areaCode, ...scope.codes]);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const place = byCode.get(user.areaCode);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    facility: f,
    place: place ? { code: place.code, name: place.name, level: place.level } : { code: user.areaCode, name: user.areaCode, level: null },
    scope: scope.codes.map((c) => {
      const a = byCode.get(c);
      return { code: c, name: a?.name ?? c, level: a?.level ?? null };
    }),
    permissions: ROLE_PERMISSIONS[user.role],
  };
}

export function registerAuthRoutes(app: FastifyInstance, database: Database, config: Config): void {
  const { db } = database;

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Log in; sets an httpOnly session cookie and returns the CSRF token for writes',
    tags: ['auth'],
    public: true,
    body: z.object({ username: z.string().trim().min(1).max(60), password: z.string().min(1).max(200) }).strict(),
    responses: { 200: 'Logged in', 401: 'Wrong username or password', 429: 'Too many failed attempts' },
    async handler({ body, locale, req, reply }) {
      const username = body.username.toLowerCase();
      const retryAfter = await loginRetryAfter(db, username, req.ip);
      if (retryAfter > 0) {
        reply.header('retry-after', String(retryAfter));
        throw new ApiError(429, 'rate_limited', text('rate_limited', locale, { seconds: retryAfter }), undefined, { retryAfterSeconds: retryAfter });
      }
      const u = (await db.select().from(appUser).where(eq(sql`lower(${appUser.username})`, username)))[0];
      // Verify against a dummy hash for unknown users, so timing does not reveal which usernames exist.
      const ok = await verifyPassword(body.password, u?.passwordHash ?? DUMMY_HASH);
      if (!u || !ok || !u.active) {
        await writeAudit(db, req, { action: 'login_failed', username, statusCode: 401, details: { reason: !u ? 'unknown_user' : !ok ? 'bad_password' : 'inactive' } });
        throw new ApiError(401, 'login_failed', message({ code: 'login_failed' }, locale));
      }
      const s = await createSession(db, u.id, { ip: req.ip, userAgent: req.headers['user-agent'], hours: config.sessionHours });
      await db.update(appUser).set({ lastLoginAt: sql`now()` }).where(eq(appUser.id, u.id));
      setSessionCookie(reply, s.token, s.expiresAt, config.cookieSecure);
      const user: AuthUser = { ...u, role: u.role as Role };
      req.auth = undefined;
      await writeAudit(db, req, { action: 'login', username: u.username, entityType: 'user', entityId: u.id, details: { userId: u.id } });
      return { user: await me(db, user), csrfToken: s.csrfToken };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Log out (ends the session)',
    tags: ['auth'],
    status: 204,
    async handler({ auth, req, reply }) {
      await deleteSession(db, auth.sessionId);
      await writeAudit(db, req, { action: 'logout', entityType: 'user', entityId: auth.user.id });
      clearSessionCookie(reply, config.cookieSecure);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/auth/me',
    summary: 'The logged-in user, their place, scope and permissions, and the CSRF token',
    tags: ['auth'],
    responses: { 401: 'Not logged in' },
    async handler({ auth }) {
      return { user: await me(db, auth.user), csrfToken: auth.csrfToken };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/password',
    summary: 'Change my password',
    tags: ['auth'],
    status: 204,
    body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) }).strict(),
    async handler({ body, auth, locale, req }) {
      if (body.newPassword.length < MIN_PASSWORD_LENGTH) {
        throw errors.validation([{ code: 'password_too_short', field: 'newPassword', params: { min: MIN_PASSWORD_LENGTH } }], locale);
      }
      const u = (await db.select().from(appUser).where(eq(appUser.id, auth.user.id)))[0]!;
      if (!(await verifyPassword(body.currentPassword, u.passwordHash))) {
        throw errors.validation([{ code: 'login_failed', field: 'currentPassword' }], locale);
      }
      await db.transaction(async (tx) => {
        await tx.update(appUser).set({ passwordHash: await hashPassword(body.newPassword), updatedAt: sql`now()` }).where(eq(appUser.id, u.id));
        await writeAudit(tx, req, { action: 'update', entityType: 'user', entityId: u.id, details: { field: 'password' } });
      });
    },
  });
}
