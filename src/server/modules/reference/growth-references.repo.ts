/**
 * The growth references the server computes z-scores with: WHO's exact tables
 * from `growth_reference` where an admin imported them, else the approximate
 * jsgrowup tables for 0–5 years (results marked approximate); 5–19 years
 * without an import report `reference_missing`.
 *
 * Loading reads ~32,000 rows; hold the result in memory and reload when
 * `growthReferenceVersion` changes (it is the id of the latest import).
 */
import { desc, eq } from 'drizzle-orm';
import { approximateGrowthReferences } from '../../../core/anthropometry/approximate-references';
import {
  createGrowthReferences,
  groupGrowthRows,
  withFallback,
  type GrowthReferences,
  type TableAvailability,
} from '../../../core/anthropometry/growth-references';
import { GROWTH_TABLE_NAMES, isGrowthTableName, type GrowthTableName, type GrowthTableRow } from '../../../core/anthropometry/growth-tables';
import type { Database } from '../../db/client';
import { growthReference, referenceImport } from '../../db/schema';
import { WHO_GROWTH_IMPORT_KIND } from './who-growth-import';

export interface LoadedGrowthReferences extends GrowthReferences {
  /** Id of the import the exact tables come from; null when none was imported. */
  version: number | null;
  /** Where each table comes from. */
  status: Record<GrowthTableName, TableAvailability>;
}

export async function growthReferenceVersion(database: Database): Promise<number | null> {
  const [latest] = await database.db
    .select({ id: referenceImport.id })
    .from(referenceImport)
    .where(eq(referenceImport.kind, WHO_GROWTH_IMPORT_KIND))
    .orderBy(desc(referenceImport.id))
    .limit(1);
  return latest ? Number(latest.id) : null;
}

export async function loadGrowthReferences(database: Database): Promise<LoadedGrowthReferences> {
  const version = await growthReferenceVersion(database);
  const stored = await database.db.select().from(growthReference);
  const rows: (GrowthTableRow & { table: GrowthTableName })[] = [];
  for (const r of stored) {
    // Rows of tables this version does not know are left alone.
    if (!isGrowthTableName(r.table) || (r.sex !== 1 && r.sex !== 2)) continue;
    rows.push({ table: r.table, sex: r.sex, x: r.x, l: r.l, m: r.m, s: r.s, loh: r.loh === 'L' || r.loh === 'H' ? r.loh : null });
  }
  const refs = withFallback(createGrowthReferences(groupGrowthRows(rows)), approximateGrowthReferences());
  const status = Object.fromEntries(GROWTH_TABLE_NAMES.map((t) => [t, refs.availability(t)])) as Record<GrowthTableName, TableAvailability>;
  return { lms: refs.lms, availability: refs.availability, version, status };
}
