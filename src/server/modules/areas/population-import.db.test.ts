import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db';
import { sharedDataFile } from '../../seed/shared-data';
import { importAreas } from './area-import';
import { importAreaKm2, importPopulation, ReferenceFileError } from './population-import';

const populationCsv = readFileSync(sharedDataFile('idn-area', 'population-prov-kabkota-2025.csv'), 'utf8');
const areaCsv = readFileSync(sharedDataFile('idn-area', 'area-km2-prov-kabkota-2024.csv'), 'utf8');

describe('population and area imports', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importAreas(database, { districts: ['74.02', '61.71'] });
  });
  afterAll(async () => {
    await database.destroy();
  });

  async function imports(): Promise<number> {
    const [r] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM reference_import');
    return r!.n;
  }

  it('writes nothing when a line is malformed, and names every bad line', async () => {
    const bad = [
      'code,name,male,female,total',
      '74,Sulawesi Tenggara,1430000,1394589,2824589',
      '74.02,Kabupaten Konawe,138997,130131,269128',
      '74.05,Kabupaten Konawe Selatan,12x,5,17',
      '',
      '74.09,Kabupaten Konawe Utara,10,10',
      '74.12,Kabupaten Konawe Kepulauan,10,10,25',
      '7402,Not a code,1,1,2',
      '74.02,Kabupaten Konawe,1,1,2',
    ].join('\n');
    const error = await importPopulation(database, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReferenceFileError);
    expect((error as ReferenceFileError).issues.map((i) => i.line)).toEqual([4, 6, 7, 8, 9]);
    expect((error as ReferenceFileError).issues[4]!.message).toMatch(/already appears on line 3/);
    const [row] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM area WHERE population IS NOT NULL');
    expect(row!.n).toBe(0);
    expect(await imports()).toBe(0);
  });

  it('rejects a file with the wrong header', async () => {
    await expect(importPopulation(database, 'kode,nama,l,p,total\n74,Sultra,1,1,2\n')).rejects.toThrow(/line 1: the header must be/);
    await expect(importAreaKm2(database, '')).rejects.toBeInstanceOf(ReferenceFileError);
    expect(await imports()).toBe(0);
  });

  it('imports the 2025 population of provinces and kabupaten/kota', async () => {
    const r = await importPopulation(database, populationCsv, { source: 'population-prov-kabkota-2025.csv', importedBy: 'test' });
    expect(r.lines).toBe(553);
    expect(r.applied).toBe(553);
    expect(r.unknown).toEqual([]);
    const rows = await database.query<{ code: string; population: number; population_male: number; population_female: number }>(
      `SELECT code, population, population_male, population_female FROM area WHERE code IN ('ID', '74.02', '61.71') ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: '61.71', population: 687031, population_male: 343257, population_female: 343774 },
      { code: '74.02', population: 269128, population_male: 138997, population_female: 130131 },
      { code: 'ID', population: 284973643, population_male: 143863392, population_female: 141110251 },
    ]);
    const [sum] = await database.query<{ total: string }>(`SELECT sum(population)::text AS total FROM area WHERE level = 'province'`);
    expect(Number(sum!.total)).toBe(284973643);
    const [logged] = await database.query<{ kind: string; rows: number; source: string; imported_by: string }>(
      'SELECT kind, rows, source, imported_by FROM reference_import',
    );
    expect(logged).toEqual({ kind: 'population', rows: 553, source: 'population-prov-kabkota-2025.csv', imported_by: 'test' });
  });

  it('imports land area, repairing codes a spreadsheet turned into numbers', async () => {
    const r = await importAreaKm2(database, areaCsv);
    expect(r.applied).toBe(552);
    expect(r.notes.filter((n) => /repaired/.test(n.message)).map((n) => n.line)).toEqual([12, 36, 46, 90, 166]);
    const rows = await database.query<{ code: string; area_km2: number }>(
      `SELECT code, area_km2 FROM area WHERE code IN ('74.02', '61.71', '11.10', '31') ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: '11.10', area_km2: 1851.615 },
      { code: '31', area_km2: 661.53 },
      { code: '61.71', area_km2: 118.209 },
      { code: '74.02', area_km2: 5352.922 },
    ]);
    const [missing] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM area WHERE level IN ('province', 'regency') AND area_km2 IS NULL`);
    expect(missing!.n).toBe(0);
  });

  it('refuses a repaired code whose name does not match', async () => {
    const csv = 'code,name,area_km2\n11.1,Kabupaten Aceh Selatan,10\n';
    const error = await importAreaKm2(database, csv).catch((e: unknown) => e);
    expect((error as ReferenceFileError).issues).toEqual([{ line: 2, message: expect.stringMatching(/that is Kabupaten Aceh Singkil/) }]);
  });

  it('skips codes that are not in the area table and says so', async () => {
    const r = await importAreaKm2(database, 'code,name,area_km2\n74.02,Kabupaten Konawe,5352.922\n99.99,Nowhere,1\n');
    expect(r.applied).toBe(1);
    expect(r.unknown).toEqual([{ line: 3, message: expect.stringMatching(/no area with code 99.99/) }]);
  });
});
