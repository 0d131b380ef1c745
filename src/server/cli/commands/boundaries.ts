import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../open-db';
import { importAreas } from '../../modules/areas/area-import';
import { BoundaryFileError, importBoundaries } from '../../modules/geo/boundaries-import';

/** `siklus boundaries import <file.geojson>` */
export const boundariesImportCommand: Command = {
  name: 'boundaries import',
  summary: 'Import kecamatan or desa/kelurahan boundaries (GeoJSON FeatureCollection) for the maps',
  usage: 'siklus boundaries import <file.geojson>\n  features are matched to the area tree by code (74.02.01.1001 or 7402011001), else by name within the parent',
  async run(args) {
    if (args.length !== 1 || args[0]!.startsWith('-')) throw new UsageError('Give exactly one GeoJSON file.');
    const file = args[0]!;
    const text = await readFile(file, 'utf8');
    try {
      const r = await withDatabase(async (database, config) => {
        // Boundaries attach to areas of the tree; make sure it is loaded (idempotent).
        await importAreas(database, { districts: config.districts });
        return importBoundaries(database, text, { source: basename(file), importedBy: 'cli' });
      });
      const kb = (n: number) => `${n} positions`;
      console.log(`${r.matched.length} of ${r.features} features imported from ${basename(file)} (${kb(r.positionsIn)} simplified to ${kb(r.positionsOut)}).`);
      for (const n of r.notes) console.log(`  note, feature ${n.feature} (${n.label}): ${n.message}`);
      for (const u of r.unmatched) console.log(`  unmatched, feature ${u.feature} (${u.label}): ${u.message}`);
      if (r.missing.length) {
        console.log(`  ${r.missing.length} areas still have no boundary: ${r.missing.slice(0, 20).map((m) => `${m.code} ${m.name}`).join(', ')}${r.missing.length > 20 ? ', …' : ''}`);
      }
      return 0;
    } catch (e) {
      if (e instanceof BoundaryFileError) {
        console.error(`${basename(file)} was not imported; nothing was changed.`);
        for (const i of e.issues) console.error(`  ${i.feature ? `feature ${i.feature} (${i.label})` : i.label}: ${i.message}`);
        return 1;
      }
      throw e;
    }
  },
};
