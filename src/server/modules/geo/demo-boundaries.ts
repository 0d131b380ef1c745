import { existsSync, readFileSync } from 'node:fs';
import type { Database } from '../../db/client';
import { importBoundaries } from './boundaries-import';

/** The boundary files of the shared folder the demo imports (shared/data/SOURCES.md, geo/). */
export const DEMO_BOUNDARY_FILES = [
  'konawe-74.02/kecamatan.geojson',
  'konawe-74.02/desa-kelurahan.geojson',
  'pontianak-61.71/kecamatan.geojson',
  'pontianak-61.71/kelurahan.geojson',
] as const;

/**
 * Imports the demo districts' kecamatan and desa/kelurahan boundaries from
 * `<dir>/geo` when the shared folder is there; without it the maps fall back
 * to tile maps. Returns the files imported.
 */
export async function importDemoBoundaries(database: Database, dir: string | null, log: (line: string) => void = () => {}): Promise<string[]> {
  if (!dir) return [];
  const base = `${dir.replace(/\/$/, '')}/geo`;
  const done: string[] = [];
  for (const file of DEMO_BOUNDARY_FILES) {
    const path = `${base}/${file}`;
    if (!existsSync(path)) continue;
    const r = await importBoundaries(database, readFileSync(path, 'utf8'), { source: file, importedBy: 'demo' });
    log(`Imported boundaries ${file}: ${r.matched.length} of ${r.features} areas.`);
    done.push(file);
  }
  return done;
}
