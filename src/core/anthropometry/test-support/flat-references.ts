/**
 * Test support only: references whose every table is the symmetric curve
 * L = 1, M = 10, S = 0.1, so z = y − 10 exactly (with or without WHO's
 * restriction). Rules at their limits can then be checked with plain numbers.
 */
import { createGrowthReferences, type GrowthReferences, type GrowthTableRows } from '../growth-references';
import { GROWTH_TABLE_NAMES, GROWTH_TABLES, type GrowthTableRow } from '../growth-tables';

export function flatReferences(): GrowthReferences {
  const tables: GrowthTableRows = {};
  for (const name of GROWTH_TABLE_NAMES) {
    const { covers, step } = GROWTH_TABLES[name];
    const rows: GrowthTableRow[] = [];
    for (const sex of [1, 2] as const) {
      for (let i = 0; covers[0] + i * step <= covers[1] + 1e-9; i++) {
        rows.push({ sex, x: Math.round((covers[0] + i * step) * 10) / 10, l: 1, m: 10, s: 0.1, loh: null });
      }
    }
    tables[name] = rows;
  }
  return createGrowthReferences(tables);
}
