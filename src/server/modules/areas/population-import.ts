/**
 * Admin imports of official figures for provinces and kabupaten/kota:
 * population (`code,name,male,female,total`, Dukcapil via Kepmendagri) and
 * land area (`code,name,area_km2`, BIG). The whole file is checked first; one
 * bad line rejects the file with every problem listed by line number, and
 * nothing is written. A good file is applied in one statement (area update and
 * the `reference_import` record together).
 */
import { COUNTRY_CODE } from '../../../core/areas/codes';
import { normalizeName } from '../../../core/people/names';
import type { Database } from '../../db/client';

export interface FileIssue {
  line: number;
  message: string;
}

/** A reference file that cannot be imported; `issues` says where and why. */
export class ReferenceFileError extends Error {
  constructor(readonly issues: FileIssue[]) {
    super(`The file cannot be imported:\n${issues.map((i) => `  line ${i.line}: ${i.message}`).join('\n')}`);
    this.name = 'ReferenceFileError';
  }
}

export interface ReferenceImportOptions {
  /** file name or URL, recorded in reference_import */
  source?: string;
  importedBy?: string;
}

export interface ReferenceImportResult {
  kind: 'population' | 'area-km2';
  /** data lines in the file */
  lines: number;
  /** areas updated */
  applied: number;
  /** lines whose code is not in the area table (skipped) */
  unknown: FileIssue[];
  /** accepted with a remark: repaired codes, names that differ from the area table */
  notes: FileIssue[];
}

export interface CsvLine {
  line: number;
  fields: string[];
}

/**
 * Minimal RFC 4180 reader: commas, double-quoted fields with "" escapes,
 * CRLF or LF, a UTF-8 BOM. Blank lines are dropped. Line numbers are 1-based
 * and count the header.
 */
export function parseCsv(text: string): CsvLine[] {
  const out: CsvLine[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let endOfRecord = false;
    while (i < text.length && !endOfRecord) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (c === '\n') line++;
          field += c;
          i++;
        }
      } else if (c === '"' && field === '') {
        quoted = true;
        i++;
      } else if (c === ',') {
        fields.push(field);
        field = '';
        i++;
      } else if (c === '\n' || c === '\r') {
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
      } else {
        field += c;
        i++;
      }
    }
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '')) out.push({ line: start, fields: fields.map((f) => f.trim()) });
  }
  return out;
}

/**
 * An area code as written in a figures file. "0" is the national total. A code
 * that went through a spreadsheet as a number loses its trailing zero ("11.1"
 * for 11.10, "31.0" for province 31); such codes are repaired, and accepted
 * only when the name on the line matches the area's name.
 */
function readCode(raw: string): { code: string; repaired: boolean } | null {
  if (raw === '0') return { code: COUNTRY_CODE, repaired: false };
  if (/^\d{2}$/.test(raw) || /^\d{2}\.\d{2}$/.test(raw)) return { code: raw, repaired: false };
  if (/^\d{2}\.0$/.test(raw)) return { code: raw.slice(0, 2), repaired: true };
  if (/^\d{2}\.[1-9]$/.test(raw)) return { code: `${raw}0`, repaired: true };
  return null;
}

/** Names compared loosely: "Kab Timor Tengah Selatan" = "Kabupaten Timor Tengah Selatan". */
function comparableName(name: string): string {
  return normalizeName(name)
    .replace(/^(kabupaten|kab|kota|provinsi|prov)\s+/, '')
    .replace(/\bkep\b/g, 'kepulauan')
    .replace(/\s+/g, '');
}

interface ParsedFigures<T> {
  rows: (T & { code: string; name: string; line: number; repaired: boolean })[];
  lines: number;
}

function readFigures<T>(
  csvText: string,
  header: string[],
  readValues: (fields: string[], issue: (message: string) => void) => T | null,
): ParsedFigures<T> {
  const lines = parseCsv(csvText);
  const issues: FileIssue[] = [];
  const first = lines[0];
  if (!first) throw new ReferenceFileError([{ line: 1, message: 'the file is empty' }]);
  const got = first.fields.map((f) => f.toLowerCase());
  if (got.join(',') !== header.join(',')) {
    throw new ReferenceFileError([{ line: first.line, message: `the header must be "${header.join(',')}", found "${first.fields.join(',')}"` }]);
  }
  const rows: ParsedFigures<T>['rows'] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of lines.slice(1)) {
    const issue = (message: string) => issues.push({ line, message });
    if (fields.length !== header.length) {
      issue(`expected ${header.length} fields, found ${fields.length}`);
      continue;
    }
    const code = readCode(fields[0]!);
    if (!code) {
      issue(`"${fields[0]}" is not a province or kabupaten/kota code (like 74 or 74.02)`);
      continue;
    }
    const name = fields[1]!;
    if (!name) issue('the name is empty');
    const values = readValues(fields, issue);
    const previous = seen.get(code.code);
    if (previous !== undefined) issue(`code ${code.code} already appears on line ${previous}`);
    seen.set(code.code, line);
    if (values && name && previous === undefined) rows.push({ ...values, code: code.code, name, line, repaired: code.repaired });
  }
  if (lines.length < 2) issues.push({ line: first.line + 1, message: 'the file has no data lines' });
  if (issues.length) throw new ReferenceFileError(issues);
  return { rows, lines: lines.length - 1 };
}

function nonNegativeInteger(raw: string): number | null {
  if (!/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n <= 2_147_483_647 ? n : null;
}

/** Splits rows into those whose area exists and those that do not; checks names and repaired codes. */
async function matchAreas<R extends { code: string; name: string; line: number; repaired: boolean }>(
  database: Database,
  rows: R[],
): Promise<{ known: R[]; unknown: FileIssue[]; notes: FileIssue[] }> {
  const found = await database.query<{ code: string; name: string }>('SELECT code, name FROM area WHERE code = ANY($1::text[])', [rows.map((r) => r.code)]);
  const names = new Map(found.map((f) => [f.code, f.name]));
  const known: R[] = [];
  const unknown: FileIssue[] = [];
  const notes: FileIssue[] = [];
  const issues: FileIssue[] = [];
  for (const r of rows) {
    const areaName = names.get(r.code);
    if (areaName === undefined) {
      unknown.push({ line: r.line, message: `no area with code ${r.code} (${r.name}); skipped` });
      continue;
    }
    const sameName = r.code === COUNTRY_CODE || comparableName(areaName) === comparableName(r.name);
    if (r.repaired) {
      if (!sameName) {
        issues.push({ line: r.line, message: `code read as ${r.code}, but that is ${areaName}, not ${r.name}` });
        continue;
      }
      notes.push({ line: r.line, message: `code repaired to ${r.code} (${areaName}): a spreadsheet dropped its trailing zero` });
    } else if (!sameName) {
      notes.push({ line: r.line, message: `name "${r.name}" differs from "${areaName}" for ${r.code}; matched by code` });
    }
    known.push(r);
  }
  if (issues.length) throw new ReferenceFileError(issues);
  return { known, unknown, notes };
}

/** Imports `code,name,male,female,total` into area.population / population_male / population_female. */
export async function importPopulation(database: Database, csvText: string, options: ReferenceImportOptions = {}): Promise<ReferenceImportResult> {
  const parsed = readFigures(csvText, ['code', 'name', 'male', 'female', 'total'], (fields, issue) => {
    const [male, female, total] = [fields[2]!, fields[3]!, fields[4]!].map(nonNegativeInteger);
    if (male === null || female === null || total === null) {
      issue('male, female and total must be whole numbers without separators');
      return null;
    }
    if (male! + female! !== total) {
      issue(`male + female (${male! + female!}) is not the total (${total})`);
      return null;
    }
    return { male: male!, female: female!, total: total! };
  });
  const { known, unknown, notes } = await matchAreas(database, parsed.rows);
  const details = { unknown, notes, lines: parsed.lines };
  const [r] = await database.query<{ applied: number }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(code text, male integer, female integer, total integer)
     ), applied AS (
       UPDATE area SET population = i.total, population_male = i.male, population_female = i.female, updated_at = now()
         FROM input i WHERE area.code = i.code
       RETURNING area.code
     ), logged AS (
       INSERT INTO reference_import (kind, source, rows, details, imported_by)
       SELECT 'population', $2, (SELECT count(*) FROM applied), $3::jsonb, $4
       RETURNING rows
     )
     SELECT rows AS applied FROM logged`,
    [JSON.stringify(known.map(({ code, male, female, total }) => ({ code, male, female, total }))), options.source ?? null, JSON.stringify(details), options.importedBy ?? null],
  );
  return { kind: 'population', lines: parsed.lines, applied: Number(r?.applied ?? 0), unknown, notes };
}

/** Imports `code,name,area_km2` into area.area_km2. */
export async function importAreaKm2(database: Database, csvText: string, options: ReferenceImportOptions = {}): Promise<ReferenceImportResult> {
  const parsed = readFigures(csvText, ['code', 'name', 'area_km2'], (fields, issue) => {
    const raw = fields[2]!;
    const km2 = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!(km2 > 0)) {
      issue(`area_km2 must be a positive number with a dot for decimals, found "${raw}"`);
      return null;
    }
    return { km2 };
  });
  const { known, unknown, notes } = await matchAreas(database, parsed.rows);
  const details = { unknown, notes, lines: parsed.lines };
  const [r] = await database.query<{ applied: number }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(code text, km2 double precision)
     ), applied AS (
       UPDATE area SET area_km2 = i.km2, updated_at = now() FROM input i WHERE area.code = i.code
       RETURNING area.code
     ), logged AS (
       INSERT INTO reference_import (kind, source, rows, details, imported_by)
       SELECT 'area-km2', $2, (SELECT count(*) FROM applied), $3::jsonb, $4
       RETURNING rows
     )
     SELECT rows AS applied FROM logged`,
    [JSON.stringify(known.map(({ code, km2 }) => ({ code, km2 }))), options.source ?? null, JSON.stringify(details), options.importedBy ?? null],
  );
  return { kind: 'area-km2', lines: parsed.lines, applied: Number(r?.applied ?? 0), unknown, notes };
}
