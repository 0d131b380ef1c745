/**
 * Loads the Kemendagri area tree from idn-area-data into `area`: the country
 * root "ID", all provinces and kabupaten/kota (so any NIK region can be
 * checked), and the kecamatan and desa/kelurahan of the districts this
 * installation serves (the full village list is 84k rows nobody here needs).
 *
 * One INSERT … SELECT over a JSON array: a single statement, so a single
 * transaction on both engines, and set-based rather than row by row. Existing
 * rows are only touched when the package says something different, so a second
 * run changes nothing and adding a district later only adds its rows.
 * Population, area and coordinates are never overwritten here.
 */
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import { COUNTRY_CODE, levelOf, regencyKind, villageKind, type AreaLevel } from '../../../core/areas/codes';
import type { Database } from '../../db/client';

export interface AreaImportOptions {
  /** kabupaten/kota codes ("74.02") whose kecamatan and desa/kelurahan are loaded. */
  districts: string[];
}

export interface AreaImportResult {
  inserted: number;
  updated: number;
  /** rows offered to the database (inserted + updated + unchanged) */
  total: number;
  byLevel: Record<'country' | 'province' | 'regency' | 'district' | 'village', number>;
}

interface AreaRow {
  code: string;
  parent_code: string | null;
  level: AreaLevel;
  kind: string | null;
  name: string;
  kab_code: string | null;
}

/** The area rows for the given served districts, from the installed idn-area-data. */
export async function kemendagriAreaRows(districts: string[]): Promise<AreaRow[]> {
  for (const d of districts) {
    if (levelOf(d) !== 'regency') throw new RangeError(`"${d}" is not a kabupaten/kota code like 74.02`);
  }
  const served = new Set(districts);
  const [provinces, regencies, allDistricts, villages] = await Promise.all([getProvinces(), getRegencies(), getDistricts(), getVillages()]);
  const rows: AreaRow[] = [{ code: COUNTRY_CODE, parent_code: null, level: 'country', kind: null, name: 'Indonesia', kab_code: null }];
  for (const p of provinces) rows.push({ code: p.code, parent_code: COUNTRY_CODE, level: 'province', kind: null, name: p.name, kab_code: null });
  for (const r of regencies) {
    rows.push({ code: r.code, parent_code: r.province_code, level: 'regency', kind: regencyKind(r.code), name: r.name, kab_code: r.code });
  }
  const knownRegencies = new Set(regencies.map((r) => r.code));
  for (const d of districts) {
    if (!knownRegencies.has(d)) throw new RangeError(`kabupaten/kota ${d} is not in idn-area-data`);
  }
  const servedDistricts = new Set<string>();
  for (const d of allDistricts) {
    if (!served.has(d.regency_code)) continue;
    servedDistricts.add(d.code);
    rows.push({ code: d.code, parent_code: d.regency_code, level: 'district', kind: null, name: d.name, kab_code: d.regency_code });
  }
  for (const v of villages) {
    if (!servedDistricts.has(v.district_code)) continue;
    rows.push({ code: v.code, parent_code: v.district_code, level: 'village', kind: villageKind(v.code), name: v.name, kab_code: v.code.slice(0, 5) });
  }
  return rows;
}

export async function importAreas(database: Database, options: AreaImportOptions): Promise<AreaImportResult> {
  const rows = await kemendagriAreaRows(options.districts);
  const result = await database.query<{ inserted: boolean }>(
    `INSERT INTO area (code, parent_code, level, kind, name, kab_code)
     SELECT r.code, r.parent_code, r.level, r.kind, r.name, r.kab_code
       FROM jsonb_to_recordset($1::jsonb) AS r(code text, parent_code text, level text, kind text, name text, kab_code text)
     ON CONFLICT (code) DO UPDATE
        SET parent_code = excluded.parent_code, level = excluded.level, kind = excluded.kind,
            name = excluded.name, kab_code = excluded.kab_code, updated_at = now()
      WHERE (area.parent_code, area.level, area.kind, area.name, area.kab_code)
            IS DISTINCT FROM (excluded.parent_code, excluded.level, excluded.kind, excluded.name, excluded.kab_code)
     RETURNING (xmax = 0) AS inserted`,
    [JSON.stringify(rows)],
  );
  const inserted = result.filter((r) => r.inserted).length;
  const byLevel = { country: 0, province: 0, regency: 0, district: 0, village: 0 };
  for (const r of rows) byLevel[r.level as keyof typeof byLevel]++;
  return { inserted, updated: result.length - inserted, total: rows.length, byLevel };
}
