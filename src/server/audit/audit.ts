import type { FastifyRequest } from 'fastify';
import { sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import type { DbOrTx } from '../db/sql';

/**
 * The audit log: every read of a person's record, every write, every denied
 * request and every login, with who, when, what and from where. Writes are
 * audited inside the write's transaction, so a record never exists without
 * its audit row.
 */
export type AuditAction =
  | 'read' | 'list' | 'create' | 'update' | 'delete' | 'denied' | 'login' | 'login_failed' | 'logout' | 'export';

export interface AuditEntry {
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  personId?: string | null;
  areaCode?: string | null;
  kabCode?: string | null;
  statusCode?: number;
  details?: Record<string, unknown>;
  /** for login attempts, before there is a session */
  username?: string;
}

export async function writeAudit(db: DbOrTx, req: FastifyRequest | null, entry: AuditEntry): Promise<void> {
  await auditInsert(db, req, entry);
}

/** The audit row's insert, unexecuted: awaited it is writeAudit; as SQL (`getSQL()`) it can join another statement. */
export function auditInsert(db: DbOrTx, req: FastifyRequest | null, entry: AuditEntry) {
  return db.insert(auditLog).values(auditValues(req, entry));
}

/**
 * The audit row as SQL `insert … select … where condition`, with its details
 * from a SQL expression: a read statement writes its own audit row (one round
 * trip), with counts it computes, only when it answers (condition).
 */
export function auditInsertSql(req: FastifyRequest | null, entry: Omit<AuditEntry, 'details'>, details: SQL, condition: SQL): SQL {
  const v = auditValues(req, entry);
  return sql`insert into ${auditLog} (user_id, username, role, action, entity_type, entity_id, person_id, area_code, kab_code, ip, user_agent, method, path, status_code, details)
    select ${v.userId}::uuid, ${v.username}, ${v.role}, ${v.action}, ${v.entityType}, ${v.entityId}, ${v.personId}::uuid, ${v.areaCode}, ${v.kabCode},
      ${v.ip}, ${v.userAgent}, ${v.method}, ${v.path}, ${v.statusCode}::smallint, (${details})::jsonb
    where ${condition}`;
}

function auditValues(req: FastifyRequest | null, entry: AuditEntry) {
  const user = req?.auth?.user;
  return {
    userId: user?.id ?? null,
    username: entry.username ?? user?.username ?? null,
    role: user?.role ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    personId: entry.personId ?? null,
    areaCode: entry.areaCode ?? null,
    kabCode: entry.kabCode ?? (entry.areaCode ? entry.areaCode.slice(0, 5) : null),
    ip: req?.ip ?? null,
    userAgent: req ? (req.headers['user-agent'] ?? null)?.slice(0, 300) ?? null : null,
    method: req?.method ?? null,
    path: req?.url.slice(0, 500) ?? null,
    statusCode: entry.statusCode ?? null,
    details: entry.details ?? null,
  };
}
