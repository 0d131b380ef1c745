import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db';
import { sharedDataFile } from '../../seed/shared-data';
import { importAreas } from './area-import';

/** Codes of a shared idn-area extract (first column, header dropped). */
function csvCodes(file: string): string[] {
  return readFileSync(sharedDataFile('idn-area', file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
}

describe('importAreas', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.destroy();
  });

  async function countByLevel(): Promise<Record<string, number>> {
    const rows = await database.query<{ level: string; n: number }>('SELECT level, count(*)::int AS n FROM area GROUP BY level');
    return Object.fromEntries(rows.map((r) => [r.level, r.n]));
  }

  it('adds a district later without touching what is there', async () => {
    const first = await importAreas(database, { districts: ['74.02'] });
    const konaweDistricts = csvCodes('districts-konawe-pontianak.csv').filter((c) => c.startsWith('74.02.'));
    const konaweVillages = csvCodes('villages-konawe-pontianak.csv').filter((c) => c.startsWith('74.02.'));
    expect(first.inserted).toBe(1 + 38 + 514 + konaweDistricts.length + konaweVillages.length);
    const second = await importAreas(database, { districts: ['74.02', '61.71'] });
    const pontianak = csvCodes('districts-konawe-pontianak.csv').filter((c) => c.startsWith('61.71.')).length
      + csvCodes('villages-konawe-pontianak.csv').filter((c) => c.startsWith('61.71.')).length;
    expect(pontianak).toBe(6 + 29);
    expect(second).toMatchObject({ inserted: pontianak, updated: 0 });
  });

  it('holds the country, 38 provinces, 514 kabupaten/kota and the served kecamatan and desa/kelurahan', async () => {
    const provinces = csvCodes('provinces.csv');
    const regencies = csvCodes('regencies.csv');
    const districts = csvCodes('districts-konawe-pontianak.csv');
    const villages = csvCodes('villages-konawe-pontianak.csv');
    expect([provinces.length, regencies.length, districts.length, villages.length]).toEqual([38, 514, 34, 377]);
    expect(await countByLevel()).toEqual({ country: 1, province: 38, regency: 514, district: 34, village: 377 });

    const inDb = new Set((await database.query<{ code: string }>('SELECT code FROM area')).map((r) => r.code));
    for (const c of [...provinces, ...regencies, ...districts, ...villages]) expect(inDb.has(c), c).toBe(true);

    const kinds = await database.query<{ level: string; kind: string | null; n: number }>(
      'SELECT level, kind, count(*)::int AS n FROM area GROUP BY level, kind ORDER BY level, kind',
    );
    const kindCount = (level: string, kind: string | null) => kinds.find((k) => k.level === level && k.kind === kind)?.n ?? 0;
    expect(kindCount('village', 'kelurahan')).toBe(villages.filter((c) => c[9] === '1').length);
    expect(kindCount('village', 'desa')).toBe(villages.filter((c) => c[9] === '2').length);
    expect(kindCount('village', 'kelurahan') + kindCount('village', 'desa')).toBe(377);
    expect(kindCount('regency', 'kota')).toBe(regencies.filter((c) => Number(c.slice(3)) >= 71).length);
    expect(kindCount('regency', 'kabupaten') + kindCount('regency', 'kota')).toBe(514);

    const [named] = await database.query<{ konawe: string; mekar: string; kind: string }>(
      `SELECT (SELECT name FROM area WHERE code = '74.02') AS konawe,
              (SELECT name FROM area WHERE code = '74.02.15.1005') AS mekar,
              (SELECT kind FROM area WHERE code = '74.02.15.1005') AS kind`,
    );
    expect(named).toEqual({ konawe: 'Kabupaten Konawe', mekar: 'Mekar Sari', kind: 'kelurahan' });
  });

  it('links every row to an existing parent and gives rows at or below kab/kota their kab_code', async () => {
    const [orphans] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM area a WHERE a.code <> 'ID' AND NOT EXISTS (SELECT 1 FROM area p WHERE p.code = a.parent_code)`,
    );
    expect(orphans!.n).toBe(0);
    const [badKab] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM area
        WHERE (level IN ('regency', 'district', 'village') AND (kab_code IS NULL OR kab_code <> left(code, 5)))
           OR (level IN ('country', 'province') AND kab_code IS NOT NULL)`,
    );
    expect(badKab!.n).toBe(0);
  });

  it('changes nothing when run again', async () => {
    const before = await database.query('SELECT code, parent_code, level, kind, name, kab_code, updated_at::text FROM area ORDER BY code');
    const again = await importAreas(database, { districts: ['74.02', '61.71'] });
    expect(again).toMatchObject({ inserted: 0, updated: 0, total: 1 + 38 + 514 + 34 + 377 });
    const after = await database.query('SELECT code, parent_code, level, kind, name, kab_code, updated_at::text FROM area ORDER BY code');
    expect(after).toEqual(before);
  });

  it('puts back a name that was changed and leaves population alone', async () => {
    await database.exec(`UPDATE area SET name = 'Konawe (edited)', population = 123 WHERE code = '74.02'`);
    const r = await importAreas(database, { districts: ['74.02', '61.71'] });
    expect(r).toMatchObject({ inserted: 0, updated: 1 });
    const [row] = await database.query<{ name: string; population: number }>(`SELECT name, population FROM area WHERE code = '74.02'`);
    expect(row).toEqual({ name: 'Kabupaten Konawe', population: 123 });
  });

  it('rejects a code that is not a kabupaten/kota', async () => {
    await expect(importAreas(database, { districts: ['74.02.15'] })).rejects.toThrow(/not a kabupaten\/kota/);
    await expect(importAreas(database, { districts: ['74.99'] })).rejects.toThrow(/not in idn-area-data/);
  });
});
