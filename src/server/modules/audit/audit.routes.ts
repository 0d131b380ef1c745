import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addDays } from '../../../core/time/dates';
import { scopeAll, scopeCondition } from '../../access/scope';
import type { Database } from '../../db/client';
import { auditLog, person } from '../../db/schema';
import { one } from '../../db/sql';
import { errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { isoDate } from '../people/people.schemas';

export function registerAuditRoutes(app: FastifyInstance, database: Database): void {
  const { db } = database;

  defineRoute(app, {
    method: 'GET',
    url: '/api/audit',
    summary: 'Browse the audit log (reads of person records, writes, denials, logins) within my scope',
    tags: ['audit'],
    query: z.object({
      userId: z.uuid().optional(),
      personId: z.uuid().optional(),
      action: z.enum(['read', 'list', 'create', 'update', 'delete', 'denied', 'login', 'login_failed', 'logout', 'export']).optional(),
      entityType: z.string().max(40).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      page: z.coerce.number().int().min(1).max(10_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(500).default(100),
    }),
    async handler({ query, auth, locale }) {
      if (!auth.permissions.viewAudit) throw errors.forbidden(locale);
      const conds: SQL[] = [];
      // Entries about places in scope; logins and other place-less entries only for installation-wide admins.
      conds.push(scopeAll(auth.scope) ? sql`true` : scopeCondition(auth.scope, auditLog.areaCode));
      if (query.userId) conds.push(eq(auditLog.userId, query.userId));
      if (query.personId) conds.push(eq(auditLog.personId, query.personId));
      if (query.action) conds.push(eq(auditLog.action, query.action));
      if (query.entityType) conds.push(eq(auditLog.entityType, query.entityType));
      if (query.from) conds.push(gte(auditLog.at, sql`${query.from}::date`));
      if (query.to) conds.push(lt(auditLog.at, sql`${addDays(query.to, 1)}::date`));
      const where = and(...conds);
      const items = await db
        .select({
          id: auditLog.id, at: auditLog.at, userId: auditLog.userId, username: auditLog.username, role: auditLog.role, action: auditLog.action,
          entityType: auditLog.entityType, entityId: auditLog.entityId, personId: auditLog.personId, personName: person.name,
          areaCode: auditLog.areaCode, ip: auditLog.ip, userAgent: auditLog.userAgent, method: auditLog.method, path: auditLog.path,
          statusCode: auditLog.statusCode, details: auditLog.details,
        })
        .from(auditLog)
        .leftJoin(person, eq(person.id, auditLog.personId))
        .where(where)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const total = await one<{ n: number }>(db, sql`select count(*)::int as n from ${auditLog} where ${where ?? sql`true`}`);
      return { items, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
    },
  });
}
