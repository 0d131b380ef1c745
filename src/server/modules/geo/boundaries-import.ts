/**
 * `siklus boundaries import <file.geojson>`: kecamatan or desa/kelurahan
 * outlines for the offline map. Each feature is matched to the area tree by
 * its code (Kemendagri codes in any common spelling: "74.02.01.1001",
 * "7402011001"), else by its name among the children of its parent (area
 * aliases count). Geometry is checked, simplified for the web and stored in
 * `area_boundary` with a `reference_import` record, all in one transaction:
 * a file with a broken geometry changes nothing; features that match no area
 * are skipped and listed.
 */
import { sql } from 'drizzle-orm';
import { kabCodeOf, levelOf, parentOf } from '../../../core/areas/codes';
import { normalizeName } from '../../../core/people/names';
import type { Database } from '../../db/client';
import { one } from '../../db/sql';
import { checkGeometry, countPositions, simplifyGeometry, type BoundaryGeometry } from './geometry';

export const BOUNDARIES_IMPORT_KIND = 'boundaries';

/** Levels a boundary may be stored for (the map shows kecamatan and desa; the kabupaten outline frames them). */
export const BOUNDARY_LEVELS = ['regency', 'district', 'village'] as const;
export type BoundaryLevel = (typeof BOUNDARY_LEVELS)[number];

export interface FeatureIssue {
  /** 1-based position of the feature in the file */
  feature: number;
  /** what the feature calls itself (code and/or name) */
  label: string;
  message: string;
}

/** A file that cannot be imported; nothing was written. */
export class BoundaryFileError extends Error {
  constructor(readonly issues: FeatureIssue[]) {
    super(`The boundary file cannot be imported:\n${issues.map((i) => `  feature ${i.feature} (${i.label}): ${i.message}`).join('\n')}`);
    this.name = 'BoundaryFileError';
  }
}

export interface BoundaryMatch {
  feature: number;
  code: string;
  name: string;
  level: BoundaryLevel;
  by: 'code' | 'name';
  positionsIn: number;
  positionsOut: number;
}

export interface BoundaryImportResult {
  importId: number;
  features: number;
  matched: BoundaryMatch[];
  /** features that match no area (skipped) */
  unmatched: FeatureIssue[];
  /** accepted with a remark: matched by name, name differs from the tree */
  notes: FeatureIssue[];
  /** areas of the imported levels, in the kabupaten/kota the file covers, that still have no boundary */
  missing: { code: string; name: string; level: string }[];
  positionsIn: number;
  positionsOut: number;
}

export interface BoundaryImportOptions {
  source?: string;
  importedBy?: string;
}

/** Property names that carry a code / name / the parent's code in common boundary files (case-insensitive). */
const CODE_KEYS = ['code', 'kode', 'kode_wilayah', 'kd_wilayah', 'kode_kemendagri', 'kdepum', 'kode_desa', 'kode_kel', 'kode_kec', 'kdcpum', 'adm_code'];
const NAME_KEYS = ['name', 'nama', 'namobj', 'wadmkd', 'nama_desa', 'nama_kel', 'desa', 'kelurahan', 'wadmkc', 'nama_kec', 'kecamatan'];
const PARENT_KEYS = ['parent_code', 'kode_induk', 'kode_kec', 'kdcpum', 'kode_kab', 'kdpkab'];
const LEVEL_WORDS: Record<string, BoundaryLevel> = {
  regency: 'regency', kabupaten: 'regency', kota: 'regency', district: 'district', kecamatan: 'district',
  village: 'village', desa: 'village', kelurahan: 'village',
};

/** Kemendagri code widths per level: NN, NN.NN, NN.NN.NN, NN.NN.NN.NNNN. */
const WIDTHS = [2, 2, 2, 4];

/**
 * A Kemendagri area code from the spellings boundary files use: dotted
 * ("74.02.01.1001", also with short blocks "74.2.1.1001"), digits only
 * ("7402011001"), dashes or spaces, or a number. Null when it is not one.
 */
export function normaliseAreaCode(raw: unknown): string | null {
  if (typeof raw === 'number') raw = Number.isSafeInteger(raw) ? String(raw) : '';
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (!s) return null;
  if (/^\d+$/.test(s)) {
    // Digits only: the blocks run together at their fixed widths.
    const lengths = [2, 4, 6, 10];
    if (!lengths.includes(s.length)) return null;
    const parts: string[] = [];
    let at = 0;
    for (const w of WIDTHS) {
      if (at >= s.length) break;
      parts.push(s.slice(at, at + w));
      at += w;
    }
    return parts.join('.');
  }
  const blocks = s.split(/[.\-\s_/]+/);
  if (blocks.length > WIDTHS.length || blocks.some((b) => !/^\d+$/.test(b))) return null;
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const w = WIDTHS[i]!;
    if (b.length > w) return null;
    out.push(b.padStart(w, '0'));
  }
  return out.join('.');
}

function prop(props: Record<string, unknown>, keys: readonly string[]): unknown {
  const lower = new Map(Object.entries(props).map(([k, v]) => [k.toLowerCase(), v]));
  for (const k of keys) {
    const v = lower.get(k);
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

/** Names compared loosely: case, punctuation, "Desa"/"Kelurahan"/"Kecamatan" and spaces ("Benua Melayu" = "Benuamelayu"). */
export function comparableAreaName(name: string): string {
  return normalizeName(name).replace(/^(desa|kelurahan|kel|kecamatan|kec|kabupaten|kab|kota)\s+/, '').replace(/\s+/g, '');
}

interface ParsedFeature {
  index: number;
  label: string;
  code: string | null;
  name: string | null;
  parent: string | null;
  level: BoundaryLevel | null;
  geometry: BoundaryGeometry;
}

/** Reads and checks the whole file; any broken feature refuses the file with every problem listed. */
export function parseBoundaryFile(text: string): ParsedFeature[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new BoundaryFileError([{ feature: 0, label: 'file', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const fc = doc as { type?: unknown; features?: unknown };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new BoundaryFileError([{ feature: 0, label: 'file', message: 'not a GeoJSON FeatureCollection' }]);
  }
  if (fc.features.length === 0) throw new BoundaryFileError([{ feature: 0, label: 'file', message: 'the FeatureCollection has no features' }]);
  const issues: FeatureIssue[] = [];
  const out: ParsedFeature[] = [];
  fc.features.forEach((f: unknown, i: number) => {
    const feature = f as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    const props = (feature?.properties && typeof feature.properties === 'object' ? feature.properties : {}) as Record<string, unknown>;
    const rawCode = prop(props, CODE_KEYS);
    const rawName = prop(props, NAME_KEYS);
    const code = normaliseAreaCode(rawCode);
    const name = typeof rawName === 'string' && rawName.trim() ? rawName.trim() : null;
    const label = [rawCode !== undefined ? String(rawCode) : null, name].filter(Boolean).join(' ') || 'no code or name';
    if (!feature || feature.type !== 'Feature') {
      issues.push({ feature: i + 1, label, message: 'not a GeoJSON Feature' });
      return;
    }
    const g = checkGeometry(feature.geometry);
    if (!g.ok) {
      for (const p of g.problems) issues.push({ feature: i + 1, label, message: p });
      return;
    }
    const levelWord = prop(props, ['level', 'tingkat']);
    const codeLevel = code ? levelOf(code) : null;
    const level = (typeof levelWord === 'string' ? LEVEL_WORDS[levelWord.toLowerCase()] : undefined)
      ?? (codeLevel && (BOUNDARY_LEVELS as readonly string[]).includes(codeLevel) ? (codeLevel as BoundaryLevel) : null);
    out.push({ index: i + 1, label, code, name, parent: normaliseAreaCode(prop(props, PARENT_KEYS)), level, geometry: g.geometry });
  });
  if (issues.length) throw new BoundaryFileError(issues);
  return out;
}

interface AreaRow {
  code: string;
  parent_code: string | null;
  level: string;
  name: string;
  aliases: string[] | null;
}

/** Matches features to areas: by code first, else by name among the parent's children at the feature's level. */
async function matchFeatures(database: Database, features: ParsedFeature[]) {
  const codes = [...new Set(features.flatMap((f) => [f.code, f.parent, f.code ? parentOf(f.code) : null]).filter((c): c is string => !!c))];
  const byCode = new Map(
    (await database.query<AreaRow>(
      `SELECT a.code, a.parent_code, a.level, a.name, NULL::text[] AS aliases FROM area a WHERE a.code = ANY($1::text[])`,
      [codes],
    )).map((a) => [a.code, a]),
  );
  // Children of every parent a name may be looked up under, with their aliases.
  const parents = [...new Set(features.map((f) => f.parent ?? (f.code ? parentOf(f.code) : null)).filter((c): c is string => !!c && byCode.has(c)))];
  const children = await database.query<AreaRow>(
    `SELECT a.code, a.parent_code, a.level, a.name, array_remove(array_agg(al.alias), NULL) AS aliases
       FROM area a LEFT JOIN area_alias al ON al.area_code = a.code
      WHERE a.parent_code = ANY($1::text[]) GROUP BY a.code`,
    [parents],
  );
  const byParent = new Map<string, AreaRow[]>();
  for (const c of children) byParent.set(c.parent_code!, [...(byParent.get(c.parent_code!) ?? []), c]);

  const matched: (BoundaryMatch & { geometry: BoundaryGeometry })[] = [];
  const unmatched: FeatureIssue[] = [];
  const notes: FeatureIssue[] = [];
  const problems: FeatureIssue[] = [];
  const taken = new Map<string, number>();
  for (const f of features) {
    let hit: AreaRow | undefined;
    let by: 'code' | 'name' = 'code';
    const known = f.code ? byCode.get(f.code) : undefined;
    if (known && (BOUNDARY_LEVELS as readonly string[]).includes(known.level) && (!f.level || f.level === known.level)) {
      hit = known;
      if (f.name && comparableAreaName(f.name) !== comparableAreaName(known.name)) {
        notes.push({ feature: f.index, label: f.label, message: `name "${f.name}" differs from "${known.name}" for ${known.code}; matched by code` });
      }
    } else if (f.name) {
      const parent = f.parent ?? (f.code ? parentOf(f.code) : null);
      const want = comparableAreaName(f.name);
      const candidates = (parent ? byParent.get(parent) ?? [] : []).filter(
        (c) => (!f.level || c.level === f.level)
          && (comparableAreaName(c.name) === want || (c.aliases ?? []).some((a) => comparableAreaName(a) === want)),
      );
      if (candidates.length === 1) {
        hit = candidates[0]!;
        by = 'name';
        notes.push({ feature: f.index, label: f.label, message: `matched by name to ${hit.code} ${hit.name}${f.code ? ` (the file's code ${f.code} is not in the area tree)` : ''}` });
      } else if (candidates.length > 1) {
        unmatched.push({ feature: f.index, label: f.label, message: `the name fits ${candidates.length} areas (${candidates.map((c) => c.code).join(', ')}); skipped` });
        continue;
      }
    }
    if (!hit) {
      const why = f.code
        ? `no ${f.level ?? 'kecamatan or desa/kelurahan'} with code ${f.code} in the area tree, and no area of that name under ${f.parent ?? parentOf(f.code) ?? 'its parent'}`
        : f.name
          ? `no code, and the parent of "${f.name}" is unknown or has no area of that name`
          : 'the feature has neither a code nor a name';
      unmatched.push({ feature: f.index, label: f.label, message: `${why}; skipped` });
      continue;
    }
    const previous = taken.get(hit.code);
    if (previous !== undefined) {
      problems.push({ feature: f.index, label: f.label, message: `matches ${hit.code} ${hit.name}, which feature ${previous} already matched` });
      continue;
    }
    taken.set(hit.code, f.index);
    const simplified = simplifyGeometry(f.geometry);
    matched.push({
      feature: f.index, code: hit.code, name: hit.name, level: hit.level as BoundaryLevel, by,
      positionsIn: countPositions(f.geometry), positionsOut: countPositions(simplified), geometry: simplified,
    });
  }
  if (problems.length) throw new BoundaryFileError(problems);
  return { matched, unmatched, notes };
}

export async function importBoundaries(database: Database, text: string, options: BoundaryImportOptions = {}): Promise<BoundaryImportResult> {
  const features = parseBoundaryFile(text);
  const { matched, unmatched, notes } = await matchFeatures(database, features);
  if (matched.length === 0) {
    throw new BoundaryFileError([{ feature: 0, label: 'file', message: `none of the ${features.length} features matches an area of the tree` }, ...unmatched]);
  }
  const kabs = [...new Set(matched.map((m) => kabCodeOf(m.code)).filter((k): k is string => !!k))];
  const levels = [...new Set(matched.map((m) => m.level))];
  const positionsIn = matched.reduce((n, m) => n + m.positionsIn, 0);
  const positionsOut = matched.reduce((n, m) => n + m.positionsOut, 0);
  const importId = await database.db.transaction(async (tx) => {
    const json = JSON.stringify(matched.map((m) => ({ area_code: m.code, kab_code: kabCodeOf(m.code), geometry: m.geometry })));
    await tx.execute(sql`
      INSERT INTO area_boundary (area_code, kab_code, geometry, source)
      SELECT r.area_code, r.kab_code, r.geometry, ${options.source ?? null}
        FROM jsonb_to_recordset(${json}::jsonb) AS r(area_code text, kab_code text, geometry jsonb)
      ON CONFLICT (area_code) DO UPDATE SET geometry = excluded.geometry, kab_code = excluded.kab_code, source = excluded.source, created_at = now()`);
    const details = {
      features: features.length,
      matched: matched.map(({ geometry: _g, ...m }) => m),
      unmatched, notes, positionsIn, positionsOut,
    };
    const rec = await one<{ id: number | string }>(tx, sql`
      INSERT INTO reference_import (kind, source, rows, details, imported_by)
      VALUES (${BOUNDARIES_IMPORT_KIND}, ${options.source ?? null}, ${matched.length}, ${JSON.stringify(details)}::jsonb, ${options.importedBy ?? null})
      RETURNING id`);
    return Number(rec!.id);
  });
  const missing = await database.query<{ code: string; name: string; level: string }>(
    `SELECT a.code, a.name, a.level FROM area a
      WHERE a.kab_code = ANY($1::text[]) AND a.level = ANY($2::text[])
        AND NOT EXISTS (SELECT 1 FROM area_boundary b WHERE b.area_code = a.code)
      ORDER BY a.code`,
    [kabs, levels],
  );
  return {
    importId, features: features.length, matched: matched.map(({ geometry: _g, ...m }) => m), unmatched, notes, missing, positionsIn, positionsOut,
  };
}
