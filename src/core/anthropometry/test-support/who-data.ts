/**
 * Test support only (never imported by product code): reads WHO's published
 * tables and the igrowup example survey from the shared data folder
 * (../shared/data/who-growth, see its SOURCES.md) and jsgrowup's test data.
 * This is the one place under src/core that touches the file system.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGrowthReferences, type GrowthReferences, type GrowthTableRows } from '../growth-references';
import { GROWTH_TABLE_NAMES, GROWTH_TABLES, type GrowthTableName } from '../growth-tables';
import { parseWhoGrowthTable } from '../who-table-parser';

export const WHO_DATA_DIR = process.env.SIKLUS_WHO_DATA ?? fileURLToPath(new URL('../../../../../shared/data/who-growth/', import.meta.url));
export const DAILY_DIR = `${WHO_DATA_DIR}/wgs2006-daily`;
export const MONTHLY_2007_DIR = `${WHO_DATA_DIR}/ref2007-monthly`;
export const IGROWUP_SURVEY = fileURLToPath(new URL('../../../../node_modules/jsgrowup/testdata/survey_z_st.csv', import.meta.url));

export function whoTableFile(name: GrowthTableName): string {
  return `${GROWTH_TABLES[name].standard === 'WHO2007' ? MONTHLY_2007_DIR : DAILY_DIR}/${name}.txt`;
}

export function readWhoText(name: GrowthTableName): string {
  return readFileSync(whoTableFile(name), 'utf8');
}

let rows: GrowthTableRows | undefined;
/** All WHO tables from the shared folder, parsed. */
export function whoTableRows(): GrowthTableRows {
  rows ??= Object.fromEntries(GROWTH_TABLE_NAMES.map((n) => [n, parseWhoGrowthTable(readWhoText(n), n)]));
  return rows;
}

/** Exact references from the given tables (all by default). */
export function exactReferences(only?: GrowthTableName[]): GrowthReferences {
  const all = whoTableRows();
  return createGrowthReferences(only ? Object.fromEntries(only.map((n) => [n, all[n]])) : all);
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
