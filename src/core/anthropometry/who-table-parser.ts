import { GROWTH_TABLES, type GrowthTableName, type GrowthTableRow, type WhoSex } from './growth-tables';

/** A WHO table file that cannot be used, with the line (1-based) where that shows. */
export class GrowthTableFormatError extends Error {
  constructor(
    readonly table: GrowthTableName,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${table}${line === null ? '' : `, line ${line}`}: ${reason}`);
    this.name = 'GrowthTableFormatError';
  }
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** Tolerance for "the next row is one step further" (keys are printed with ≤ 4 decimals). */
const KEY_EPSILON = 1e-6;

/**
 * Parses one of WHO's growth table text files (tab- or space-separated, a
 * header row, CRLF or LF, optional BOM) into rows, and checks that it is the
 * table it claims to be: the header names the right key column, every row is
 * well formed, both sexes are present with no gaps or duplicates, and the
 * rows cover the range the z-score rules need.
 */
export function parseWhoGrowthTable(text: string, table: GrowthTableName): GrowthTableRow[] {
  const spec = GROWTH_TABLES[table];
  const fail = (line: number | null, reason: string): never => {
    throw new GrowthTableFormatError(table, line, reason);
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerLine = lines.findIndex((l) => l.trim() !== '');
  if (headerLine < 0) fail(null, 'the file is empty');
  const header = split(lines[headerLine]!).map((h) => h.toLowerCase());
  const expected = ['sex', spec.keyColumn, 'l', 'm', 's'];
  for (const col of expected) {
    if (!header.includes(col)) fail(headerLine + 1, `header must have the columns ${expected.join(', ')}${spec.positionColumn ? ` (and ${spec.positionColumn})` : ''}; found ${header.join(', ')}`);
  }
  const allowed = new Set([...expected, ...(spec.positionColumn ? ['loh', 'lorh'] : [])]);
  for (const h of header) if (!allowed.has(h)) fail(headerLine + 1, `unexpected column "${h}" for ${table}`);
  if (new Set(header).size !== header.length) fail(headerLine + 1, 'a column name is repeated');
  const at = (name: string) => header.indexOf(name);
  const iSex = at('sex');
  const iKey = at(spec.keyColumn);
  const iL = at('l');
  const iM = at('m');
  const iS = at('s');
  const iPos = Math.max(at('loh'), at('lorh'));

  const rows: GrowthTableRow[] = [];
  const rowLines: number[] = [];
  for (let i = headerLine + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const lineNo = i + 1;
    const cells = split(raw);
    if (cells.length !== header.length) fail(lineNo, `expected ${header.length} columns, found ${cells.length}`);
    const num = (idx: number, name: string): number => {
      const c = cells[idx]!;
      if (!NUMBER.test(c)) fail(lineNo, `${name} "${c}" is not a number`);
      return Number(c);
    };
    const sex = num(iSex, 'sex');
    if (sex !== 1 && sex !== 2) fail(lineNo, `sex must be 1 or 2, found ${cells[iSex]}`);
    const x = num(iKey, spec.keyColumn);
    const l = num(iL, 'l');
    const m = num(iM, 'm');
    const s = num(iS, 's');
    if (!(m > 0)) fail(lineNo, `m must be positive, found ${cells[iM]}`);
    if (!(s > 0)) fail(lineNo, `s must be positive, found ${cells[iS]}`);
    let loh: 'L' | 'H' | null = null;
    if (iPos >= 0) {
      const p = cells[iPos]!.toUpperCase();
      if (p !== 'L' && p !== 'H') fail(lineNo, `${header[iPos]} must be L or H, found "${cells[iPos]}"`);
      loh = p as 'L' | 'H';
    }
    rows.push({ sex: sex as WhoSex, x, l, m, s, loh });
    rowLines.push(lineNo);
  }
  if (rows.length === 0) fail(null, 'the file has a header but no rows');

  for (const sex of [1, 2] as const) {
    const idx = rows.map((r, i) => i).filter((i) => rows[i]!.sex === sex);
    if (idx.length === 0) fail(null, `no rows for sex ${sex}`);
    idx.sort((a, b) => rows[a]!.x - rows[b]!.x);
    for (let k = 1; k < idx.length; k++) {
      const prev = rows[idx[k - 1]!]!;
      const cur = rows[idx[k]!]!;
      const gap = cur.x - prev.x;
      if (Math.abs(gap) < KEY_EPSILON) fail(rowLines[idx[k]!]!, `${spec.keyColumn} ${cur.x} for sex ${sex} appears twice (also line ${rowLines[idx[k - 1]!]})`);
      if (Math.abs(gap - spec.step) > KEY_EPSILON) {
        fail(rowLines[idx[k]!]!, `${spec.keyColumn} jumps from ${prev.x} to ${cur.x} for sex ${sex}; rows must be ${spec.step} ${spec.keyUnit} apart`);
      }
    }
    const first = rows[idx[0]!]!.x;
    const last = rows[idx[idx.length - 1]!]!.x;
    const [from, to] = spec.covers;
    if (first > from + KEY_EPSILON || last < to - KEY_EPSILON) {
      fail(null, `sex ${sex} covers ${spec.keyColumn} ${first}–${last} ${spec.keyUnit}; ${table} needs ${from}–${to}`);
    }
  }
  return rows;
}

function split(line: string): string[] {
  const t = line.trim();
  return t === '' ? [] : t.split(/[\t ]+/);
}
