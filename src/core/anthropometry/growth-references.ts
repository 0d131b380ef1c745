import type { Sex } from '../people/nik';
import { GROWTH_TABLES, GROWTH_TABLE_NAMES, type GrowthTableName, type GrowthTableRow, type WhoSex } from './growth-tables';
import { interpolateLms, type Lms } from './lms';

/** L, M and S at a point, and whether they come from the approximate fallback. */
export interface LmsAt extends Lms {
  approximate: boolean;
}

/** Where a table's values come from: WHO's exact file, the approximate fallback, or nowhere. */
export type TableAvailability = 'exact' | 'approximate' | 'missing';

/**
 * The growth references the z-score engine reads. `lms` gives L, M, S at a
 * key value (age in days or months, or length/height in cm), or undefined when
 * the table is missing or the key is outside it. Objects are immutable, so a
 * server can build one at start-up and share it.
 */
export interface GrowthReferences {
  lms(table: GrowthTableName, sex: Sex, x: number): LmsAt | undefined;
  availability(table: GrowthTableName): TableAvailability;
}

export const whoSex = (sex: Sex): WhoSex => (sex === 'M' ? 1 : 2);

/** Rows of one table on its regular grid, per sex. */
interface Grid {
  x0: number;
  step: number;
  l: Float64Array;
  m: Float64Array;
  s: Float64Array;
}

const GRID_EPSILON = 1e-9;

function toGrid(rows: GrowthTableRow[], step: number): Grid {
  const sorted = [...rows].sort((a, b) => a.x - b.x);
  const n = sorted.length;
  const grid: Grid = { x0: sorted[0]!.x, step, l: new Float64Array(n), m: new Float64Array(n), s: new Float64Array(n) };
  sorted.forEach((r, i) => {
    grid.l[i] = r.l;
    grid.m[i] = r.m;
    grid.s[i] = r.s;
  });
  return grid;
}

/**
 * Value at x: the row itself on a grid point, else the straight line between
 * the two rows around x — the rule anthro uses between 0.1 cm rows of
 * weight-for-length/height and anthroplus between whole months.
 */
function gridLms(g: Grid, x: number): Lms | undefined {
  const p = (x - g.x0) / g.step;
  const last = g.m.length - 1;
  if (p < -GRID_EPSILON || p > last + GRID_EPSILON) return undefined;
  const i = Math.min(last, Math.max(0, Math.floor(p + GRID_EPSILON)));
  const t = p - i;
  const at = (k: number): Lms => ({ l: g.l[k]!, m: g.m[k]!, s: g.s[k]! });
  if (t <= GRID_EPSILON || i === last) return at(i);
  return interpolateLms(at(i), at(i + 1), t);
}

export type GrowthTableRows = Partial<Record<GrowthTableName, GrowthTableRow[]>>;

/**
 * References from WHO's exact tables (parsed files or database rows). Rows are
 * assumed checked (`parseWhoGrowthTable` does that); a table given with rows
 * for only one sex, or off its grid, is rejected here too.
 */
export function createGrowthReferences(tables: GrowthTableRows): GrowthReferences {
  const grids = new Map<GrowthTableName, [Grid, Grid]>();
  for (const name of GROWTH_TABLE_NAMES) {
    const rows = tables[name];
    if (!rows || rows.length === 0) continue;
    const step = GROWTH_TABLES[name].step;
    const bySex = [1, 2].map((sex) => rows.filter((r) => r.sex === sex));
    if (bySex.some((r) => r.length === 0)) throw new Error(`growth table ${name} needs rows for both sexes`);
    const pair = bySex.map((r) => toGrid(r, step)) as [Grid, Grid];
    for (const [k, g] of pair.entries()) {
      const xs = bySex[k]!.map((r) => r.x).sort((a, b) => a - b);
      xs.forEach((x, i) => {
        if (Math.abs(x - (g.x0 + i * step)) > 1e-6) throw new Error(`growth table ${name}: rows are not ${step} apart near ${x}`);
      });
    }
    grids.set(name, pair);
  }
  return {
    lms(table, sex, x) {
      const pair = grids.get(table);
      if (!pair) return undefined;
      const v = gridLms(whoSex(sex) === 1 ? pair[0] : pair[1], x);
      return v && { ...v, approximate: false };
    },
    availability: (table) => (grids.has(table) ? 'exact' : 'missing'),
  };
}

/** Groups flat rows (as stored in the database) by table. */
export function groupGrowthRows(rows: Iterable<GrowthTableRow & { table: GrowthTableName }>): GrowthTableRows {
  const out: GrowthTableRows = {};
  for (const r of rows) (out[r.table] ??= []).push(r);
  return out;
}

/** Tables the primary lacks come from the fallback. */
export function withFallback(primary: GrowthReferences, fallback: GrowthReferences): GrowthReferences {
  const pick = (table: GrowthTableName) => (primary.availability(table) !== 'missing' ? primary : fallback);
  return {
    lms: (table, sex, x) => pick(table).lms(table, sex, x),
    availability: (table) => pick(table).availability(table),
  };
}

/** No tables at all (every z-score then says the reference is missing). */
export const NO_GROWTH_REFERENCES: GrowthReferences = {
  lms: () => undefined,
  availability: () => 'missing',
};
