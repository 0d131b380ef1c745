import { and, eq, gt, sql } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import type { DbOrTx } from '../db/sql';

/**
 * Login rate limit, counted from the audit log so it holds across processes:
 * 5 failed attempts for a username, or 20 from one address, within 15
 * minutes lock further attempts until the window passes (design choice after
 * the OWASP Authentication Cheat Sheet's advice to throttle by account and by
 * source).
 */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 20;

/** Seconds until another attempt is allowed, or 0 when it is allowed now. */
export async function loginRetryAfter(db: DbOrTx, username: string, ip: string): Promise<number> {
  const since = sql`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`;
  const check = async (cond: ReturnType<typeof eq>, max: number) => {
    const r = await db
      .select({ n: sql<number>`count(*)::int`, oldest: sql<string>`min(${auditLog.at})` })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'login_failed'), cond, gt(auditLog.at, since)));
    const row = r[0];
    if (!row || row.n < max) return 0;
    // Count down from the oldest failure that still sits inside the window.
    const oldest = new Date(row.oldest).getTime();
    return Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MINUTES * 60_000 - Date.now()) / 1000));
  };
  return Math.max(
    await check(eq(auditLog.username, username.toLowerCase()), MAX_FAILURES_PER_USERNAME),
    await check(eq(auditLog.ip, ip), MAX_FAILURES_PER_IP),
  );
}
