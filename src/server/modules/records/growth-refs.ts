/**
 * The growth references the recording checks and danger signs use: WHO's
 * exact tables when an admin imported them, else the approximate fallback
 * (reference/growth-references.repo.ts explains both). Held in memory and
 * reloaded when a newer import exists; checking costs one indexed row.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { approximateGrowthReferences } from '../../../core/anthropometry/approximate-references';
import { createGrowthReferences, groupGrowthRows, withFallback, type GrowthReferences } from '../../../core/anthropometry/growth-references';
import { isGrowthTableName, type GrowthTableName, type GrowthTableRow } from '../../../core/anthropometry/growth-tables';
import { growthReference, referenceImport } from '../../db/schema';
import type { DbOrTx } from '../../db/sql';
import { WHO_GROWTH_IMPORT_KIND } from '../reference/who-growth-import';

let cached: { version: number | null; refs: GrowthReferences } | null = null;

export async function growthReferences(db: DbOrTx): Promise<GrowthReferences> {
  const [latest] = await db.select({ id: referenceImport.id }).from(referenceImport)
    .where(eq(referenceImport.kind, WHO_GROWTH_IMPORT_KIND)).orderBy(desc(referenceImport.id)).limit(1);
  return growthReferencesAt(db, latest ? Number(latest.id) : null);
}

/** SQL for the newest import's id (the version), to read with other things in one round trip. */
export const growthVersionSql = sql<number | null>`(select max(${referenceImport.id}) from ${referenceImport} where ${referenceImport.kind} = ${WHO_GROWTH_IMPORT_KIND})`;

/** The references of a version already read (growthVersionSql); tables are read only when it changed. */
export async function growthReferencesAt(db: DbOrTx, version: number | null): Promise<GrowthReferences> {
  if (cached && cached.version === version) return cached.refs;
  let refs = approximateGrowthReferences();
  if (version !== null) {
    const rows: (GrowthTableRow & { table: GrowthTableName })[] = [];
    for (const r of await db.select().from(growthReference)) {
      if (!isGrowthTableName(r.table) || (r.sex !== 1 && r.sex !== 2)) continue;
      rows.push({ table: r.table, sex: r.sex, x: r.x, l: r.l, m: r.m, s: r.s, loh: r.loh === 'L' || r.loh === 'H' ? r.loh : null });
    }
    refs = withFallback(createGrowthReferences(groupGrowthRows(rows)), refs);
  }
  cached = { version, refs };
  return refs;
}
