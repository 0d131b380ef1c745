/**
 * `siklus reference import who <folder>`: loads WHO's growth table text files
 * (anthro's data-raw/growthstandards/*.txt for 0–5 y, anthroplus's for 5–19 y)
 * into `growth_reference`.
 *
 * Every file is read and checked first (core `parseWhoGrowthTable`); one bad
 * file rejects the import, naming each bad file and line, and nothing is
 * written. Good files are then written in ONE transaction: the earlier rows of
 * each table found are replaced, and a `reference_import` row records what was
 * loaded, from where, with each file's SHA-256.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { GROWTH_TABLES, growthTableForFile, type GrowthTableName, type GrowthTableRow } from '../../../core/anthropometry/growth-tables';
import { GrowthTableFormatError, parseWhoGrowthTable } from '../../../core/anthropometry/who-table-parser';
import type { Database } from '../../db/client';
import { one } from '../../db/sql';

export const WHO_GROWTH_IMPORT_KIND = 'who-growth';

export interface WhoFileProblem {
  file: string;
  line: number | null;
  message: string;
}

/** The folder cannot be imported; nothing was written. */
export class WhoGrowthImportError extends Error {
  constructor(readonly problems: WhoFileProblem[]) {
    super(
      problems.length === 1 && problems[0]!.file === ''
        ? problems[0]!.message
        : `Nothing was imported:\n${problems.map((p) => `  ${p.file}${p.line === null ? '' : `, line ${p.line}`}: ${p.message}`).join('\n')}`,
    );
    this.name = 'WhoGrowthImportError';
  }
}

export interface LoadedTable {
  table: GrowthTableName;
  title: string;
  file: string;
  rows: number;
  /** Key range covered (both sexes), in the table's unit. */
  from: number;
  to: number;
  unit: string;
  sha256: string;
}

export interface WhoGrowthImportResult {
  importId: number;
  rows: number;
  tables: LoadedTable[];
  /** .txt files that are not WHO growth tables (ignored). */
  ignored: string[];
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

/** Reads and checks every WHO table file under `folder` (sub-folders too). */
export async function readWhoGrowthFolder(folder: string): Promise<{ tables: (LoadedTable & { data: GrowthTableRow[] })[]; ignored: string[] }> {
  const root = resolve(folder);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new WhoGrowthImportError([{ file: '', line: null, message: `${folder} is not a folder` }]);
  const files = await listFiles(root);
  const problems: WhoFileProblem[] = [];
  const seen = new Map<GrowthTableName, string>();
  const tables: (LoadedTable & { data: GrowthTableRow[] })[] = [];
  const ignored: string[] = [];
  for (const path of files) {
    const file = relative(root, path);
    const table = growthTableForFile(basename(path));
    if (!table) {
      if (path.toLowerCase().endsWith('.txt')) ignored.push(file);
      continue;
    }
    const earlier = seen.get(table);
    if (earlier) {
      problems.push({ file, line: null, message: `${table} is also in ${earlier}; keep one` });
      continue;
    }
    seen.set(table, file);
    const bytes = await readFile(path);
    try {
      const data = parseWhoGrowthTable(bytes.toString('utf8'), table);
      const xs = data.map((r) => r.x);
      const spec = GROWTH_TABLES[table];
      tables.push({
        table,
        title: spec.title,
        file,
        rows: data.length,
        from: Math.min(...xs),
        to: Math.max(...xs),
        unit: spec.keyUnit === 'day' ? 'days' : spec.keyUnit === 'month' ? 'months' : 'cm',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        data,
      });
    } catch (e) {
      if (!(e instanceof GrowthTableFormatError)) throw e;
      problems.push({ file, line: e.line, message: e.reason });
    }
  }
  if (problems.length > 0) throw new WhoGrowthImportError(problems);
  if (tables.length === 0) {
    throw new WhoGrowthImportError([{ file: '', line: null, message: `No WHO growth table files (${Object.keys(GROWTH_TABLES).map((n) => `${n}.txt`).join(', ')}) in ${folder}` }]);
  }
  return { tables, ignored };
}

export interface WhoGrowthImportOptions {
  importedBy?: string;
}

export async function importWhoGrowthFolder(database: Database, folder: string, options: WhoGrowthImportOptions = {}): Promise<WhoGrowthImportResult> {
  const { tables, ignored } = await readWhoGrowthFolder(folder);
  const rows = tables.reduce((n, t) => n + t.rows, 0);
  const importId = await database.db.transaction(async (tx) => {
    for (const t of tables) {
      await tx.execute(sql`DELETE FROM growth_reference WHERE table_name = ${t.table}`);
      // One set-based statement per table: the rows travel as one JSON parameter.
      const json = JSON.stringify(t.data.map((r) => ({ table_name: t.table, sex: r.sex, x: r.x, l: r.l, m: r.m, s: r.s, loh: r.loh })));
      await tx.execute(sql`
        INSERT INTO growth_reference (table_name, sex, x, l, m, s, loh)
        SELECT table_name, sex, x, l, m, s, loh
        FROM json_to_recordset(${json}::json)
          AS r(table_name text, sex smallint, x double precision, l double precision, m double precision, s double precision, loh text)`);
    }
    const details = {
      folder: resolve(folder),
      tables: Object.fromEntries(tables.map(({ data: _rows, table, ...t }) => [table, t])),
      ignored,
    };
    const rec = await one<{ id: number | string }>(
      tx,
      sql`INSERT INTO reference_import (kind, source, rows, details, imported_by)
          VALUES (${WHO_GROWTH_IMPORT_KIND}, ${resolve(folder)}, ${rows}, ${JSON.stringify(details)}::jsonb, ${options.importedBy ?? null})
          RETURNING id`,
    );
    return Number(rec!.id);
  });
  return { importId, rows, tables: tables.map(({ data: _rows, ...t }) => t), ignored };
}
