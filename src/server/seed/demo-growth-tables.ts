import { existsSync } from 'node:fs';
import type { Database } from '../db/client';
import { importWhoGrowthFolder } from '../modules/reference/who-growth-import';
import { sharedDataFile } from './shared-data';

/**
 * The demo imports WHO's exact growth tables from ../shared/data/who-growth
 * when that folder exists and no tables are imported yet, so z-scores are
 * exact out of the box; without it, the approximate jsgrowup tables serve.
 */
export async function importDemoGrowthTables(database: Database, folder = sharedDataFile('who-growth')): Promise<boolean> {
  if (!existsSync(folder)) return false;
  const [r] = await database.query<{ n: number }>('select count(*)::int as n from growth_reference');
  if ((r?.n ?? 0) > 0) return false;
  const result = await importWhoGrowthFolder(database, folder, { importedBy: 'demo' });
  console.log(`Imported WHO growth tables from ${folder} (${result.tables.length} tables).`);
  return true;
}
