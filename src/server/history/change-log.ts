import { and, desc, eq, inArray } from 'drizzle-orm';
import { appUser, changeLog } from '../db/schema';
import type { DbOrTx } from '../db/sql';

export interface ChangeMeta {
  entityType: string;
  entityId: string;
  kabCode: string | null;
  userId: string | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Keeps every field edit: one change_log row per changed field, with the old
 * and the new value, in the caller's transaction. Returns the changed fields.
 */
export async function recordChanges<T extends Record<string, unknown>>(
  db: DbOrTx,
  meta: ChangeMeta,
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): Promise<string[]> {
  const changed = fields.filter((f) => !same(before[f], after[f]));
  if (changed.length) {
    await db.insert(changeLog).values(
      changed.map((field) => ({
        kabCode: meta.kabCode,
        entityType: meta.entityType,
        entityId: meta.entityId,
        field,
        oldValue: (before[field] ?? null) as unknown,
        newValue: (after[field] ?? null) as unknown,
        userId: meta.userId,
      })),
    );
  }
  return changed;
}

export interface ChangeEntry {
  at: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  userId: string | null;
  userName: string | null;
}

export async function listChanges(db: DbOrTx, entityType: string, entityIds: string[], limit = 500): Promise<ChangeEntry[]> {
  if (entityIds.length === 0) return [];
  const r = await db
    .select({
      at: changeLog.at,
      field: changeLog.field,
      oldValue: changeLog.oldValue,
      newValue: changeLog.newValue,
      userId: changeLog.userId,
      userName: appUser.displayName,
      entityId: changeLog.entityId,
    })
    .from(changeLog)
    .leftJoin(appUser, eq(appUser.id, changeLog.userId))
    .where(and(eq(changeLog.entityType, entityType), inArray(changeLog.entityId, entityIds)))
    .orderBy(desc(changeLog.at), desc(changeLog.id))
    .limit(limit);
  return r.map((x) => ({ ...x, at: x.at.toISOString() }));
}
