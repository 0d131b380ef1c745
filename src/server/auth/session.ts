import type {} from '@fastify/cookie';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ROLE_PERMISSIONS, type Permissions, type Role } from '../../core/access/roles';
import type { Locale } from '../../core/i18n/messages';
import type { Scope } from '../access/scope';
import type { Database } from '../db/client';
import { appUser, facility, facilityCoverage, session } from '../db/schema';
import { rows, type DbOrTx } from '../db/sql';
import { ApiError, localeOf, text } from '../http/errors';

export const SESSION_COOKIE = 'siklus_session';
/** How long a resolved session is reused without asking the database (SESSION_CACHE_SECONDS). */
export const DEFAULT_SESSION_CACHE_MS = 30_000;

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  facilityId: string | null;
  areaCode: string;
  kabCode: string | null;
  locale: string;
}

export interface AuthContext {
  user: AuthUser;
  scope: Scope;
  permissions: Permissions;
  sessionId: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthContext;
    locale: Locale;
    checkCsrf(): void;
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Sessions resolved in the last seconds, by session id: most requests then
 * need no database round trip to know who asks (on the bench machine that
 * round trip was 1.3–1.9 ms of a 30 ms request). An entry lives
 * `ttlMs` at most and never past its session's expiry. Every write to users,
 * facilities (coverage decides scope) or sessions (login, logout, password)
 * through this server empties the cache when it answers; a change made by
 * another process (the CLI, a second server) is seen within `ttlMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, { auth: AuthContext; until: number; lastSeenAt: number }>();
  constructor(readonly ttlMs: number) {}

  get(id: string, now: number): { auth: AuthContext; lastSeenAt: number } | undefined {
    const e = this.entries.get(id);
    if (e && e.until > now) return e;
    if (e) this.entries.delete(id);
    return undefined;
  }

  set(id: string, auth: AuthContext, lastSeenAt: number, expiresAt: number, now: number): void {
    if (this.ttlMs <= 0) return;
    // Bounded: a flood of distinct sessions only costs round trips, never memory.
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(id, { auth, until: Math.min(now + this.ttlMs, expiresAt), lastSeenAt });
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Writes after which a cached session may no longer be what the database says. */
const INVALIDATING = /^\/api\/(users|facilities|auth)(\/|\?|$)/;

/** The places a user may see: their facility's coverage, or the area they are bound to. */
export async function loadScope(db: DbOrTx, user: { facilityId: string | null; areaCode: string }): Promise<Scope> {
  if (!user.facilityId) return scopeOf(user, null, null);
  const id = sql`${user.facilityId}::uuid`;
  const [f] = await rows<{ coverage: string[] | null; facility_area: string | null }>(db, sql`select ${coverageOf(id)} as coverage, ${facilityAreaOf(id)} as facility_area`);
  return scopeOf(user, f?.coverage ?? null, f?.facility_area ?? null);
}

/** A facility's coverage (sorted) and where it stands, as subqueries, so the session lookup reads them with the user. */
const coverageOf = (facilityId: SQL) => sql<string[] | null>`(select json_agg(c.area_code order by c.area_code collate "C") from ${facilityCoverage} c where c.facility_id = ${facilityId})`;
const facilityAreaOf = (facilityId: SQL) => sql<string | null>`(select f.area_code from ${facility} f where f.id = ${facilityId})`;

function scopeOf(user: { facilityId: string | null; areaCode: string }, coverage: string[] | null, facilityArea: string | null): Scope {
  if (user.facilityId) {
    if (coverage?.length) return { codes: coverage };
    // A facility without coverage yet: only where it stands.
    if (facilityArea) return { codes: [facilityArea] };
  }
  return { codes: [user.areaCode] };
}

export async function createSession(
  db: DbOrTx,
  userId: string,
  meta: { ip?: string; userAgent?: string; hours: number },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + meta.hours * 3600_000);
  await db.insert(session).values({
    id: sha256(token),
    userId,
    csrfToken,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(session).where(eq(session.id, sessionId));
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

/**
 * Resolves the session cookie on every request into `req.auth`, and gives
 * `req.checkCsrf()` for writes: the X-CSRF-Token header must equal the
 * session's token (SameSite=Strict cookies already stop most cross-site
 * writes; the token also covers same-site subdomains and old browsers).
 */
export function registerSessionHooks(app: FastifyInstance, database: Database, sessions = new SessionCache(DEFAULT_SESSION_CACHE_MS)): void {
  app.decorateRequest('auth', undefined);
  // Before the answer goes out (the handler's transaction has committed): the next request reads afresh.
  app.addHook('onSend', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && INVALIDATING.test(req.url)) sessions.clear();
  });
  app.decorateRequest('locale', 'id');
  app.decorateRequest('checkCsrf', function (this: FastifyRequest) {
    const header = this.headers['x-csrf-token'];
    const expected = this.auth?.csrfToken;
    const given = typeof header === 'string' ? header : '';
    const ok = !!expected && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    if (!ok) throw new ApiError(403, 'csrf', text('csrf', this.locale));
  });
  app.addHook('onRequest', async (req) => {
    req.locale = localeOf(req.headers['accept-language']);
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const id = sha256(token);
    const now = Date.now();
    const cached = sessions.get(id, now);
    if (cached) {
      req.auth = cached.auth;
      if (now - cached.lastSeenAt > 60_000) {
        cached.lastSeenAt = now;
        await database.db.update(session).set({ lastSeenAt: sql`now()` }).where(eq(session.id, id));
      }
      return;
    }
    const found = await database.db
      .select({
        sessionId: session.id,
        csrfToken: session.csrfToken,
        lastSeenAt: session.lastSeenAt,
        expiresAt: session.expiresAt,
        user: {
          id: appUser.id,
          username: appUser.username,
          displayName: appUser.displayName,
          role: appUser.role,
          facilityId: appUser.facilityId,
          areaCode: appUser.areaCode,
          kabCode: appUser.kabCode,
          locale: appUser.locale,
        },
        coverage: coverageOf(sql`${appUser.facilityId}`),
        facilityArea: facilityAreaOf(sql`${appUser.facilityId}`),
      })
      .from(session)
      .innerJoin(appUser, eq(appUser.id, session.userId))
      .where(and(eq(session.id, id), gt(session.expiresAt, sql`now()`), eq(appUser.active, true)));
    const row = found[0];
    if (!row) return;
    const user = { ...row.user, role: row.user.role as Role };
    req.auth = {
      user,
      scope: scopeOf(user, row.coverage, row.facilityArea),
      permissions: ROLE_PERMISSIONS[user.role],
      sessionId: row.sessionId,
      csrfToken: row.csrfToken,
    };
    let lastSeenAt = row.lastSeenAt.getTime();
    if (now - lastSeenAt > 60_000) {
      lastSeenAt = now;
      await database.db.update(session).set({ lastSeenAt: sql`now()` }).where(eq(session.id, id));
    }
    sessions.set(id, req.auth, lastSeenAt, row.expiresAt.getTime(), now);
  });
}
