import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_FACILITY, ROLES } from '../../core/access/roles';
import { todayIn } from '../../core/time/dates';
import { verifyPassword } from '../auth/password';
import { createTestDatabase, type TestDatabase } from '../testing/test-db';
import { DEMO_PASSWORD } from './demo-users';
import { ensureDemoData, type DemoSummary } from './demo';
import { checkRegister, type RegisterCheck } from './register-checks';

const today = todayIn('Asia/Jakarta');

describe('ensureDemoData', () => {
  let database: TestDatabase;
  let summary: DemoSummary | null;
  let check: RegisterCheck;
  beforeAll(async () => {
    database = await createTestDatabase();
    summary = await ensureDemoData(database, { today });
    check = await checkRegister(database, ['74.02', '61.71'], today);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('seeds about 16,000 people in Tongauna and Pontianak Utara and says what it made', () => {
    expect(summary).not.toBeNull();
    expect(summary!.people).toBe(16_000);
    expect(summary!.districts.map((d) => [d.kabCode, d.kecamatan, d.people])).toEqual([
      ['74.02', 'Tongauna', 8000],
      ['61.71', 'Pontianak Utara', 8000],
    ]);
    expect(summary!.households).toBeGreaterThan(16_000 / 6);
    expect(summary!.households).toBeLessThan(16_000 / 3);
    expect(summary!.referenceFiles).toEqual(['population-prov-kabkota-2025.csv', 'area-km2-prov-kabkota-2024.csv']);
    expect(summary!.facilities).toMatchObject({ dinkes: 2, rumah_sakit: 2, puskesmas: 7, pustu: 14 });
    expect(summary!.facilities.posyandu).toBeGreaterThanOrEqual(28);
  });

  it('holds every register invariant', () => {
    expect(check.violations).toEqual([]);
    expect(check.people).toBe(16_000);
  });

  it('follows the SP2020 age pyramid within one percentage point per five-year group', () => {
    expect(check.maxAgeGapPoints).toBeLessThan(1);
  });

  it('has pregnancies at about crude birth rate × 0.75, newborns with mothers, and elders', async () => {
    // Σ ASFR × 0.75 over the women gives ≈ 1.3 % of the population (CBR ≈ 17 ‰).
    expect(check.pregnancies / check.people).toBeGreaterThan(0.009);
    expect(check.pregnancies / check.people).toBeLessThan(0.017);
    expect(summary!.pregnancies).toBe(check.pregnancies);
    expect(check.newborns).toBeGreaterThan(0);
    expect(summary!.elders / summary!.people).toBeGreaterThan(0.08);
    expect(summary!.elders / summary!.people).toBeLessThan(0.12);
    const [noNik] = await database.query<{ share: number }>(
      `SELECT avg((nik IS NULL)::int)::float AS share FROM person WHERE birth_date >= $1::date - 28`, [today],
    );
    expect(noNik!.share).toBeGreaterThan(0.5);
  });

  it('flags every deliberate NIK problem', async () => {
    const flagged = await database.query<{ nik: string; birth_date: string; warnings: { code: string; message: string }[] }>(
      `SELECT nik, birth_date, accepted_warnings AS warnings FROM person WHERE accepted_warnings <> '[]'::jsonb`,
    );
    expect(flagged.length).toBeGreaterThan(0);
    for (const f of flagged) {
      expect(f.warnings.map((w) => w.code)).toEqual(['nik_birth_date_mismatch']);
      expect(f.warnings[0]!.message).toMatch(/^Tanggal lahir pada NIK/);
    }
  });

  it('gives Puskesmas Tongauna the 10 desa/kelurahan of its kecamatan and splits Pontianak Utara among three', async () => {
    const rows = await database.query<{ name: string; area_code: string; villages: string[] }>(
      `SELECT f.name, f.area_code, array_agg(c.area_code ORDER BY c.area_code) AS villages
         FROM facility f JOIN facility_coverage c ON c.facility_id = f.id
        WHERE f.type = 'puskesmas' GROUP BY f.name, f.area_code ORDER BY f.name`,
    );
    const tongauna = rows.find((r) => r.name === 'Puskesmas Tongauna')!;
    expect(tongauna.area_code).toBe('74.02.15');
    expect(tongauna.villages).toHaveLength(10);
    expect(tongauna.villages.every((v) => v.startsWith('74.02.15.'))).toBe(true);
    const utara = rows.filter((r) => r.area_code === '61.71.04');
    expect(utara.map((r) => r.name)).toEqual(['Puskesmas Siantan Hulu', 'Puskesmas Siantan Tengah', 'Puskesmas Telaga Biru']);
    expect(utara.flatMap((r) => r.villages).sort()).toEqual(['61.71.04.1001', '61.71.04.1002', '61.71.04.1003', '61.71.04.1004']);
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Puskesmas Tanjung Hulu', 'Puskesmas Kom Yos Sudarso', 'Puskesmas Paris II']));
  });

  it('creates a login for every role, bound to the right place', async () => {
    const users = await database.query<{ username: string; role: string; area_code: string; kab_code: string | null; password_hash: string; type: string | null; facility_area: string | null }>(
      `SELECT u.username, u.role, u.area_code, u.kab_code, u.password_hash, f.type, f.area_code AS facility_area
         FROM app_user u LEFT JOIN facility f ON f.id = u.facility_id ORDER BY u.username`,
    );
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(ROLES));
    for (const u of users) {
      expect(u.type, u.username).toBe(ROLE_FACILITY[u.role as keyof typeof ROLE_FACILITY]);
      if (u.type) expect(u.area_code).toBe(u.facility_area);
    }
    const byName = Object.fromEntries(users.map((u) => [u.username, u]));
    expect(byName.admin!.area_code).toBe('ID');
    expect(byName['dinkes.konawe']!.area_code).toBe('74.02');
    expect(byName['dinkes.pontianak']!.area_code).toBe('61.71');
    expect(byName['bidan.mekarsari']!.area_code).toBe('74.02.15.1005');
    expect(byName['kader.mekarsari']!.area_code.startsWith('74.02.15.1005.')).toBe(true);
    expect(byName['kader.siantanhulu']!.area_code.startsWith('61.71.04.1001.')).toBe(true);
    expect(byName['kapus.siantantengah']!.role).toBe('kepala_puskesmas');
    expect(summary!.logins.map((l) => l.username).sort()).toEqual(users.map((u) => u.username).sort());
    expect(await verifyPassword(DEMO_PASSWORD, byName['kader.mekarsari']!.password_hash)).toBe(true);
  });

  it('loads the area figures from the shared folder', async () => {
    const [konawe] = await database.query<{ population: number; area_km2: number }>(`SELECT population, area_km2 FROM area WHERE code = '74.02'`);
    expect(konawe).toEqual({ population: 269128, area_km2: 5352.922 });
  });

  it('gives each populated desa a population above its register, so target estimates show a gap to find', async () => {
    const desa = await database.query<{ code: string; population: number; residents: number }>(
      `SELECT a.code, a.population, (SELECT count(*)::int FROM person p WHERE p.village_code = a.code) AS residents
       FROM area a WHERE a.level = 'village' AND EXISTS (SELECT 1 FROM person p WHERE p.village_code = a.code)`);
    expect(desa.length).toBeGreaterThan(5);
    for (const d of desa) {
      expect(d.population, d.code).toBe(Math.round(d.residents / 0.93));
      expect(d.population).toBeGreaterThan(d.residents);
    }
  });

  it('does nothing the second time', async () => {
    expect(await ensureDemoData(database, { today })).toBeNull();
    const [n] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
    expect(n!.n).toBe(16_000);
  });
});

describe('ensureDemoData without the shared data folder', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('seeds the network and people, and leaves the official figures empty', async () => {
    const summary = await ensureDemoData(database, { today, people: 400, sharedDataDir: null });
    expect(summary).toMatchObject({ people: 400, referenceFiles: [] });
    const [konawe] = await database.query<{ population: number | null }>(`SELECT population FROM area WHERE code = '74.02'`);
    expect(konawe!.population).toBeNull();
    const check = await checkRegister(database, ['74.02', '61.71'], today);
    expect(check.violations).toEqual([]);
  });

  it('leaves a database with a network but no people alone', async () => {
    await database.exec('DELETE FROM event; DELETE FROM person_residence; DELETE FROM person; DELETE FROM household');
    const lines: string[] = [];
    expect(await ensureDemoData(database, { today, log: (l) => lines.push(l) })).toBeNull();
    expect(lines.join('\n')).toMatch(/already has Puskesmas/);
  });
});
