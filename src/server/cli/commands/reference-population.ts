import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../open-db';
import type { Database } from '../../db/client';
import { importAreas } from '../../modules/areas/area-import';
import {
  importAreaKm2, importPopulation, ReferenceFileError, type ReferenceImportOptions, type ReferenceImportResult,
} from '../../modules/areas/population-import';

type Importer = (database: Database, csvText: string, options: ReferenceImportOptions) => Promise<ReferenceImportResult>;

function figuresCommand(word: string, what: string, header: string, importer: Importer): Command {
  return {
    name: `reference import ${word}`,
    summary: `Import ${what} of provinces and kabupaten/kota from a CSV (${header})`,
    usage: `siklus reference import ${word} <file.csv>`,
    async run(args) {
      if (args.length !== 1 || args[0]!.startsWith('-')) throw new UsageError('Give exactly one CSV file.');
      const file = args[0]!;
      const text = await readFile(file, 'utf8');
      try {
        const r = await withDatabase(async (database, config) => {
          // The figures land on area rows; make sure the tree is there (idempotent).
          await importAreas(database, { districts: config.districts });
          return importer(database, text, { source: basename(file), importedBy: 'cli' });
        });
        console.log(`${r.applied} areas updated from ${r.lines} lines of ${basename(file)}.`);
        for (const n of r.notes) console.log(`  note, line ${n.line}: ${n.message}`);
        for (const u of r.unknown) console.log(`  skipped, line ${u.line}: ${u.message}`);
        return 0;
      } catch (e) {
        if (e instanceof ReferenceFileError) {
          console.error(`${basename(file)} was not imported; nothing was changed.`);
          for (const i of e.issues) console.error(`  line ${i.line}: ${i.message}`);
          return 1;
        }
        throw e;
      }
    },
  };
}

/** `siklus reference import population|area-km2 <csv>` */
export const referencePopulationCommands: Command[] = [
  figuresCommand('population', 'population (male, female, total)', 'code,name,male,female,total', importPopulation),
  figuresCommand('area-km2', 'land area in km²', 'code,name,area_km2', importAreaKm2),
];
