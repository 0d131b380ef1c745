/**
 * CSV downloads of a table: UTF-8 with a byte-order mark (so Excel reads the
 * Indonesian text correctly), a header row of labels, RFC 4180 quoting (the
 * one CSV writer of the project, core/anthropometry/csv.ts). Text cells that
 * a spreadsheet would run as a formula (= + - @ at the start) get a leading
 * apostrophe (OWASP "CSV injection").
 */
import { formatCsv } from '../../core/anthropometry/csv';
import type { CellValue, SheetColumn } from './xlsx';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(v: CellValue, type: SheetColumn['type']): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'ya' : 'tidak';
  if (type !== 'text' && type !== undefined) return v;
  return FORMULA_START.test(v) ? `'${v}` : v;
}

export function writeCsv(columns: readonly SheetColumn[], rows: readonly Record<string, CellValue>[], title: readonly string[] = []): string {
  const lines: string[][] = [
    ...title.map((t) => [csvCell(t, 'text')]),
    ...(title.length ? [[]] : []),
    columns.map((c) => csvCell(c.label, 'text')),
    ...rows.map((r) => columns.map((c) => csvCell(r[c.key], c.type))),
  ];
  return BOM + formatCsv(lines);
}
