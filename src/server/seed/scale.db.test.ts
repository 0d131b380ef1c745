import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../core/time/dates';
import { createTestDatabase, type TestDatabase } from '../testing/test-db';
import { checkRegister, type RegisterCheck } from './register-checks';
import { seedPopulation, SeedRefused, type ScaleSummary } from './scale';

const today = todayIn('Asia/Jakarta');

describe('seedPopulation (5,000 people over all of Konawe)', () => {
  let database: TestDatabase;
  let summary: ScaleSummary;
  let check: RegisterCheck;
  beforeAll(async () => {
    database = await createTestDatabase();
    summary = await seedPopulation(database, { area: '74.02', people: 5000, seed: 7, today });
    check = await checkRegister(database, ['74.02'], today);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('spreads the people over every desa/kelurahan, with a Puskesmas per kecamatan and a Pustu per village', async () => {
    expect(summary).toMatchObject({ people: 5000, kabCode: '74.02', kecamatan: 28, villages: 348 });
    expect(summary.facilities).toMatchObject({ dinkes: 1, rumah_sakit: 1, puskesmas: 28, pustu: 348 });
    expect(summary.facilities.posyandu).toBeGreaterThanOrEqual(2 * 348);
    const [spread] = await database.query<{ villages: number; min: number; max: number }>(
      `SELECT count(*)::int AS villages, min(n)::int AS min, max(n)::int AS max
         FROM (SELECT village_code, count(*) AS n FROM person GROUP BY 1) s`,
    );
    expect(spread!.villages).toBe(348);
    expect(spread!.min).toBeGreaterThanOrEqual(3);
    expect(spread!.max).toBeGreaterThan(2 * spread!.min);
    const [covered] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM area v WHERE v.level = 'village' AND v.kab_code = '74.02'
          AND NOT EXISTS (SELECT 1 FROM facility_coverage c WHERE c.area_code = v.code AND c.facility_type = 'puskesmas')`,
    );
    expect(covered!.n).toBe(0);
  });

  it('holds every register invariant and the age pyramid', () => {
    expect(check.violations).toEqual([]);
    expect(check.people).toBe(5000);
    expect(check.maxAgeGapPoints).toBeLessThan(1.5);
    expect(check.pregnancies / check.people).toBeGreaterThan(0.008);
    expect(check.pregnancies / check.people).toBeLessThan(0.018);
  });

  it('refuses to seed the same kabupaten twice', async () => {
    await expect(seedPopulation(database, { area: '74.02', people: 100, today })).rejects.toBeInstanceOf(SeedRefused);
    await expect(seedPopulation(database, { area: '74.02.15', people: 100, today })).rejects.toThrow(/not a kabupaten\/kota/);
  });

  it('has checks that catch broken data', async () => {
    // Break one row per invariant and see each named.
    await database.exec(`
      UPDATE person SET mother_id = (SELECT id FROM person WHERE sex = 'M' LIMIT 1)
       WHERE id = (SELECT id FROM person WHERE mother_id IS NOT NULL ORDER BY id LIMIT 1);
      UPDATE person SET nik = '7402150101990001'
       WHERE id = (SELECT id FROM person WHERE nik IS NOT NULL AND birth_date > '2001-01-01' AND accepted_warnings = '[]'::jsonb ORDER BY id LIMIT 1);
      UPDATE person SET area_code = '74.02.01.1001'
       WHERE id = (SELECT id FROM person WHERE village_code <> '74.02.01.1001' ORDER BY id LIMIT 1);
      UPDATE facility SET parent_id = NULL WHERE id = (SELECT id FROM facility WHERE type = 'posyandu' ORDER BY id LIMIT 1);
      DELETE FROM person_residence WHERE id = (SELECT min(id) FROM person_residence);
    `);
    const broken = await checkRegister(database, ['74.02'], today);
    const names = broken.violations.map((v) => v.replace(/: \d+$/, ''));
    expect(names).toEqual(expect.arrayContaining([
      'mother not female, not in the household, or under 15 years older',
      'NIK warning not flagged in accepted_warnings',
      'person area outside its village or kabupaten',
      'person domicile differs from household',
      'Posyandu without a Pustu parent in its desa, or without dusun/RW coverage',
      'not exactly one residence row',
    ]));
  });
});
