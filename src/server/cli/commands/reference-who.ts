import { UsageError, type Command } from '../command';
import { withDatabase } from '../open-db';
import { importWhoGrowthFolder, WhoGrowthImportError, type WhoGrowthImportResult } from '../../modules/reference/who-growth-import';

/** What an import loaded, one line per table. */
export function describeWhoImport(r: WhoGrowthImportResult): string {
  const width = Math.max(...r.tables.map((t) => t.table.length));
  return [
    `Imported ${r.rows} rows of ${r.tables.length} WHO growth tables (import #${r.importId}):`,
    ...r.tables.map((t) => `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(5)} rows  ${t.from}–${t.to} ${t.unit}  ${t.title}  (${t.file})`),
    ...(r.ignored.length ? [`Ignored (not WHO growth tables): ${r.ignored.join(', ')}`] : []),
  ].join('\n');
}

export const referenceWhoCommand: Command = {
  name: 'reference import who',
  summary: 'Import WHO growth tables (anthro/anthroplus .txt files) from a folder, replacing earlier ones',
  usage: 'siklus reference import who <folder>   (e.g. the data-raw/growthstandards folders of WHO anthro and anthroplus)',
  async run(args) {
    if (args.length !== 1 || args[0]!.startsWith('-')) throw new UsageError('Give exactly one folder.');
    try {
      const r = await withDatabase((database) => importWhoGrowthFolder(database, args[0]!, { importedBy: 'cli' }));
      console.log(describeWhoImport(r));
      return 0;
    } catch (e) {
      if (e instanceof WhoGrowthImportError) {
        console.error(e.message);
        return 1;
      }
      throw e;
    }
  },
};
