import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../core/time/dates';
import { CODES, createTestApp, type Client, type TestApp } from '../../testing/test-app';
import { testEngine } from '../../testing/test-db';
import { sheetCells, unzip } from '../../xlsx/unzip.testing';

/**
 * Reports over the live counters: Andi (the fixture's balita in Mekar Sari
 * RW 001) is weighed at the Posyandu this month, so SKDN D counts one in
 * Mekar Sari; the reports must agree with the dashboard API and keep to the
 * user's scope.
 */
describe(`GET /api/reports/* (${testEngine})`, () => {
  let t: TestApp;
  let kader: Client;
  let dinkes: Client;
  let petugas: Client;
  let dinkesPontianak: Client;
  const period = todayIn('Asia/Jakarta').slice(0, 7);

  beforeAll(async () => {
    t = await createTestApp();
    [kader, dinkes, petugas, dinkesPontianak] = await Promise.all([t.login('kader'), t.login('dinkes'), t.login('petugas'), t.login('dinkes-ptk')]);
    const body = {
      id: randomUUID(), personId: t.fx.people.rw1Child, occurredOn: todayIn('Asia/Jakarta'), placeKind: 'posyandu', facilityId: t.fx.facilities.posyandu1,
      events: [{ id: randomUUID(), kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: 11.2, unit: 'kg' }],
    };
    let r = await kader.post('/api/visits', body);
    if (r.statusCode === 409 && r.json().error === 'needs_confirmation') r = await kader.post('/api/visits', { ...body, confirm: r.json().warnings.map((w: { code: string }) => w.code) });
    expect(r.statusCode, r.body).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('SPM report: the 12 services of the kabupaten, the same figures as the dashboard', async () => {
    const r = await dinkes.get(`/api/reports/spm?area=74.02&period=${period}`);
    expect(r.statusCode, r.body).toBe(200);
    const rep = r.json();
    expect(rep.rows).toHaveLength(12);
    expect(rep.title[0]).toContain('STANDAR PELAYANAN MINIMAL');
    expect(rep.title[1]).toBe('Kabupaten Konawe');
    const dash = (await dinkes.get(`/api/indicators?area=74.02&period=${period}&group=spm`)).json();
    expect(rep.rows.map((x: { terlayani: number }) => x.terlayani)).toEqual(dash.indicators.map((i: { numerator: number }) => i.numerator));
    expect(rep.rows.map((x: { register: number | null }) => x.register)).toEqual(dash.indicators.map((i: { denominatorRegister: number | null }) => i.denominatorRegister));
  });

  it('klaster report: this month and cumulative; SKDN D counts Andi', async () => {
    const rep = (await dinkes.get(`/api/reports/klaster?area=${CODES.mekarSari}&period=${period}&group=klaster2`)).json();
    const dash = (await dinkes.get(`/api/indicators?area=${CODES.mekarSari}&period=${period}&group=klaster2`)).json();
    expect(rep.rows.map((x: { indikator: string }) => x.indikator)).toEqual(dash.indicators.map((i: { label: string }) => i.label));
    const d = dash.indicators.findIndex((i: { id: string }) => i.id === 'k2-skdn-d');
    expect(d).toBeGreaterThanOrEqual(0);
    expect(rep.rows[d]).toMatchObject({ bulanIni: 1, kumulatif: 1 });
  });

  it('PWS table: a row per desa of the kecamatan plus the total, as JSON, CSV and XLSX', async () => {
    const url = `/api/reports/pws?area=74.02.15&period=${period}&indicator=k2-skdn-d,k2-k1`;
    const rep = (await dinkes.get(url)).json();
    expect(rep.columns.map((c: { key: string }) => c.key)).toEqual([
      'no', 'wilayah', 'k2-skdn-d:sasaran', 'k2-skdn-d:bulanIni', 'k2-skdn-d:kumulatif', 'k2-skdn-d:persen', 'k2-skdn-d:status',
      'k2-k1:sasaran', 'k2-k1:bulanIni', 'k2-k1:kumulatif', 'k2-k1:persen', 'k2-k1:status',
    ]);
    expect(rep.rows.map((x: { wilayah: string }) => x.wilayah)).toEqual(['Tongauna', 'Mekar Sari', 'Jumlah']);
    expect(rep.rows[1]).toMatchObject({ 'k2-skdn-d:bulanIni': 1, 'k2-skdn-d:kumulatif': 1 });
    expect(rep.rows[0]).toMatchObject({ 'k2-skdn-d:bulanIni': 0, 'k2-skdn-d:kumulatif': 0 });
    expect(rep.rows[2]).toMatchObject({ 'k2-skdn-d:bulanIni': 1, 'k2-skdn-d:kumulatif': 1 });

    const csv = await dinkes.get(`${url}&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`pws-740215-${period}.csv`);
    expect(csv.body).toContain('PEMANTAUAN WILAYAH SETEMPAT (PWS)');
    expect(csv.body).toContain('Mekar Sari');
    const xlsx = await dinkes.get(`${url}&format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const sheet = unzip(xlsx.rawPayload).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const cells = sheetCells(sheet.data.toString('utf8'));
    expect(cells.get('A1')!.value).toBe('PEMANTAUAN WILAYAH SETEMPAT (PWS)');
    expect([...cells.values()].some((c) => c.value === 'Mekar Sari')).toBe(true);
  });

  it('a Puskesmas report is its work area; places outside the scope are refused', async () => {
    const rep = (await petugas.get(`/api/reports/pws?facility=${t.fx.facilities.puskesmas}&period=${period}&indicator=k2-skdn-d`)).json();
    expect(rep.place.name).toBe('Puskesmas Tongauna (wilayah kerja)');
    expect(rep.rows.map((x: { wilayah: string }) => x.wilayah)).toEqual(['Tongauna', 'Mekar Sari', 'Jumlah']);
    expect((await petugas.get(`/api/reports/spm?area=${CODES.unaaha}&period=${period}`)).statusCode).toBe(403);
    expect((await dinkesPontianak.get(`/api/reports/spm?area=74.02&period=${period}`)).statusCode).toBe(403);
    expect((await dinkes.get(`/api/reports/pws?area=74.02.15&period=${period}&indicator=nope`)).statusCode).toBe(400);
    const [audit] = await t.database.query<{ action: string; entity_type: string }>("SELECT action, entity_type FROM audit_log WHERE entity_type = 'report' ORDER BY id DESC LIMIT 1");
    expect(audit).toEqual({ action: 'denied', entity_type: 'report' });
  });
});
