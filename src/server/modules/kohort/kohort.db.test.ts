import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../../core/i18n/messages';
import { normalizeName } from '../../../core/people/names';
import { person } from '../../db/schema';
import { CODES, createTestApp, type Client, type TestApp } from '../../testing/test-app';
import { testEngine } from '../../testing/test-db';
import { sheetCells, unzip } from '../../xlsx/unzip.testing';

/**
 * A hand-made Kelurahan Mekar Sari in 2025, recorded through POST /api/visits
 * (the registers are read from stored events, never entered):
 * - RW 001: Bayu (born 2024-08-20, turns 12 months in August 2025: kohort
 *   bayi in July, kohort balita in August), the fixture's Andi (born
 *   2024-06-01), La Ode Salim (65, blood pressure 150/95 in August);
 * - RW 002: Putri (born 2025-03-10, BCG, weighed in August) and Nurlina
 *   (HPHT 2024-10-20, K1 with the doctor, Hb 11.2, delivered Rizky, 3100 g,
 *   at the Puskesmas on 2025-07-10: in nifas through 2025-08-21, so on the
 *   kohort ibu in August and off it in September; Rizky becomes a person).
 */
type Ev = { kind: string; system: string; code: string; valueNum?: number; value?: Record<string, unknown> };
const weight = (kg: number): Ev => ({ kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: kg });
const svc = (code: string, value: Record<string, unknown> = {}): Ev => ({ kind: 'service', system: 'service', code, value });

async function visit(c: Client, personId: string, occurredOn: string, placeKind: string, events: Ev[]): Promise<string[]> {
  const body = { id: randomUUID(), personId, occurredOn, placeKind, events: events.map((e) => ({ id: randomUUID(), ...e })) };
  const r = await c.post('/api/visits', body);
  if (r.statusCode !== 201) throw new Error(`visit on ${occurredOn}: ${r.statusCode} ${r.body}`);
  return body.events.map((e) => e.id);
}

describe(`GET /api/kohort/:kind (${testEngine})`, () => {
  let t: TestApp;
  let bidan: Client;
  let kader: Client;
  let kader2: Client;
  let dinkesPontianak: Client;
  const id = { bayu: randomUUID(), putri: randomUUID(), nurlina: randomUUID(), salim: randomUUID() };
  const village = CODES.mekarSari;
  const url = (kind: string, month: string, extra = '') => `/api/kohort/${kind}?village=${village}&month=${month}${extra}`;
  const names = (body: { rows: Array<{ nama: string }> }) => body.rows.map((r) => r.nama);

  beforeAll(async () => {
    t = await createTestApp();
    [bidan, kader, kader2, dinkesPontianak] = await Promise.all(['bidan', 'kader', 'kader2', 'dinkes-ptk'].map((u) => t.login(u))) as [Client, Client, Client, Client];
    const mk = (pid: string, name: string, sex: 'M' | 'F', birthDate: string, rw: 1 | 2, motherId: string | null = null) => ({
      id: pid, kabCode: '74.02', name, nameSearch: normalizeName(name), sex, birthDate, motherId,
      householdId: rw === 1 ? t.fx.households.rw1 : t.fx.households.rw2, areaCode: rw === 1 ? CODES.rw1rt1 : CODES.rw2rt1, villageCode: village,
    });
    await t.database.db.insert(person).values([
      mk(id.bayu, 'Bayu Ramadhan', 'M', '2024-08-20', 1),
      mk(id.salim, 'La Ode Salim', 'M', '1960-03-01', 1),
      mk(id.nurlina, 'Wa Ode Nurlina', 'F', '1998-05-05', 2),
      mk(id.putri, 'Putri Ayu', 'F', '2025-03-10', 2),
    ]);
    await visit(bidan, id.bayu, '2025-07-15', 'posyandu', [weight(8.5)]);
    await visit(bidan, id.bayu, '2025-08-12', 'posyandu', [weight(8.9)]);
    await visit(bidan, id.salim, '2025-08-05', 'posyandu', [{ kind: 'measurement', system: 'loinc', code: '85354-9', value: { systolic: 150, diastolic: 95 } }]);
    const [preg] = await visit(bidan, id.nurlina, '2024-12-20', 'puskesmas', [
      { kind: 'condition', system: 'icd10', code: 'Z34', value: { lmp: '2024-10-20', gravida: 1, parity: 0 } },
      svc('K1', { provider: 'doctor' }),
      { kind: 'measurement', system: 'loinc', code: '718-7', valueNum: 11.2 },
    ]);
    await visit(bidan, id.nurlina, '2025-07-10', 'puskesmas', [{ kind: 'delivery', system: 'service', code: 'delivery', value: { pregnancyId: preg, place: 'facility', attendant: 'midwife', outcome: 'live-birth', births: [{ sex: 'M', name: 'Rizky', birthWeightGrams: 3100 }] } }]);
    await visit(bidan, id.nurlina, '2025-07-11', 'puskesmas', [svc('KF1')]);
    await visit(bidan, id.putri, '2025-03-20', 'puskesmas', [{ kind: 'immunization', system: 'antigen', code: 'BCG', value: { dose: 1 } }, weight(3.6)]);
    await visit(bidan, id.putri, '2025-08-12', 'posyandu', [weight(6.1)]);
  });
  afterAll(async () => t?.close());

  it('a baby turning 12 months in August is on the kohort bayi in July and on the kohort balita in August', async () => {
    const jul = await bidan.get(url('bayi', '2025-07'));
    expect(jul.statusCode, jul.body).toBe(200);
    expect(names(jul.json())).toEqual(['Bayu Ramadhan', 'Putri Ayu', 'Rizky']);
    const aug = await bidan.get(url('bayi', '2025-08'));
    expect(names(aug.json())).toEqual(['Putri Ayu', 'Rizky']);
    const [putri, rizky] = aug.json().rows;
    expect(putri).toMatchObject({ no: 1, personId: id.putri, jk: 'P', nama_ibu: null, alamat: 'RT 001 / RW 002', 'imm.bcg': '2025-03-20', bb_08: 6.1, bb_07: null });
    // The baby born in the delivery: a person with the mother's name and the birth weight from the delivery.
    expect(rizky).toMatchObject({ no: 2, jk: 'L', tgl_lahir: '2025-07-10', nama_ibu: 'Wa Ode Nurlina', bb_lahir: 3100, bb_07: 3.1 });
    const balita = (await bidan.get(url('balita', '2025-08'))).json();
    expect(names(balita)).toEqual(['Andi Saputra', 'Bayu Ramadhan']);
    expect(balita.rows[1]).toMatchObject({ umur_bulan: 12, bb_07: 8.5, bb_08: 8.9, nt_08: 'N' });
    expect(balita).toMatchObject({ kind: 'balita', month: '2025-08', monthStart: '2025-08-01', on: '2025-08-31', village: { code: village, name: 'Mekar Sari', kind: 'kelurahan' } });
    expect(balita.columns[1]).toEqual({ key: 'nama', label: 'Nama anak', labelEn: "Child's name", type: 'text' });
  });

  it('kohort ibu: the delivered mother stays to the end of nifas (day 42), then leaves', async () => {
    const aug = (await bidan.get(url('ibu', '2025-08'))).json();
    expect(aug.rows).toHaveLength(1);
    expect(aug.rows[0]).toMatchObject({
      personId: id.nurlina, nama: 'Wa Ode Nurlina', umur: 26, gp: 'G1 P0', hpht: '2024-10-20', k1: '2024-12-20', hb: 11.2,
      tgl_persalinan: '2025-07-10', tempat_persalinan: 'Fasilitas kesehatan', penolong: 'Bidan', hasil: 'Lahir hidup', kf1: '2025-07-11', keterangan: 'Bersalin/nifas',
    });
    expect((await bidan.get(url('ibu', '2025-09'))).json().rows).toEqual([]);
  });

  it('kohort lansia lists the people aged 60 and over with their latest blood pressure', async () => {
    const r = (await bidan.get(url('lansia', '2025-08'))).json();
    expect(r.rows.map((x: { personId: string }) => x.personId)).toEqual([id.salim]);
    expect(r.rows[0]).toMatchObject({ umur: 65, jk: 'L', td: '150/95', tgl_td: '2025-08-05' });
    expect(r.rows[0].td_kelas).toBeTruthy();
    expect(r.rows[0].marks).toEqual({ td_kelas: 'ht-1' });
  });

  it("a kader sees only their RW's people", async () => {
    expect(names((await kader.get(url('balita', '2025-08'))).json())).toEqual(['Andi Saputra', 'Bayu Ramadhan']);
    expect(names((await kader.get(url('bayi', '2025-08'))).json())).toEqual([]);
    expect((await kader.get(url('ibu', '2025-08'))).json().rows).toEqual([]);
    expect(names((await kader2.get(url('ibu', '2025-08'))).json())).toEqual(['Wa Ode Nurlina']);
    expect(names((await kader2.get(url('bayi', '2025-08'))).json())).toEqual(['Putri Ayu', 'Rizky']);
  });

  it('a desa outside the scope is refused (403) and the refusal audited', async () => {
    const denied = async (entityId: string) =>
      (await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'denied' and entity_type = 'kohort' and entity_id = $1", [entityId]))[0]!.n;
    const r = await bidan.get(`/api/kohort/bayi?village=${CODES.tongauna}&month=2025-08`);
    expect(r.statusCode).toBe(403);
    expect(r.json().message).toBe('Data ini di luar wilayah atau wewenang Anda.');
    expect(await denied(`bayi:${CODES.tongauna}:2025-08`)).toBe(1);
    expect((await dinkesPontianak.get(url('ibu', '2025-08'))).statusCode).toBe(403);
    expect(await denied(`ibu:${village}:2025-08`)).toBe(1);
  });

  it('a bad or future month, a kind or a code that is not a desa: 400 with a message on the field', async () => {
    const bad = await bidan.get(url('bayi', '2025-13'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual({ month: message({ code: 'kohort_month_format' }) });
    const future = await bidan.get(url('bayi', '2099-01'));
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual({ month: message({ code: 'kohort_month_future' }) });
    expect((await bidan.get(url('remaja', '2025-08'))).statusCode).toBe(400);
    const kec = await bidan.get(`/api/kohort/bayi?village=${CODES.kec}&month=2025-08`);
    expect(kec.statusCode).toBe(400);
    expect(Object.keys(kec.json().fields)).toEqual(['village']);
  });

  it('defaults to the bidan’s own kelurahan and the current month; a district user must name the desa', async () => {
    const r = await bidan.get('/api/kohort/lansia');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().village.code).toBe(village);
    expect(r.json().month).toMatch(/^\d{4}-\d{2}$/);
    const dinkes = await t.login('dinkes');
    const none = await dinkes.get('/api/kohort/lansia?month=2025-08');
    expect(none.statusCode).toBe(400);
    expect(Object.keys(none.json().fields)).toEqual(['village']);
    expect(names((await dinkes.get(url('ibu', '2025-08'))).json())).toEqual(['Wa Ode Nurlina']);
  });

  it('CSV: BOM, title, Indonesian header, one line per person; audited as an export', async () => {
    const r = await bidan.get(url('balita', '2025-08', '&format=csv'));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    expect(r.headers['content-disposition']).toBe('attachment; filename="kohort-balita-7402151005-2025-08.csv"');
    expect(r.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = r.body.replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
    expect(lines[0]).toBe('KOHORT ANAK BALITA');
    expect(lines[1]).toBe('"Kelurahan Mekar Sari, Kecamatan Tongauna, Kabupaten Konawe"');
    expect(lines[2]).toMatch(/^"?Bulan Agustus 2025 \(data sampai 2025-08-31\); 2 orang/);
    const header = lines.findIndex((l) => l.startsWith('No,Nama anak,L/P,Tanggal lahir,Umur (bulan),Nama ibu,Alamat (RT/RW)'));
    expect(header).toBeGreaterThan(0);
    const body = lines.slice(header + 1);
    expect(body).toHaveLength(2);
    expect(body[1]).toMatch(/^2,Bayu Ramadhan,L,2024-08-20,12,,RT 001 \/ RW 001,/);
    const [audit] = await t.database.query<{ details: { format: string; rows: number } }>(
      "select details from audit_log where action = 'export' and entity_type = 'kohort' and entity_id = $1 order by id desc limit 1", [`balita:${village}:2025-08`]);
    expect(audit!.details).toMatchObject({ format: 'csv', rows: 2 });
  });

  it('XLSX: a valid ZIP whose first sheet holds the register under its title', async () => {
    const r = await bidan.get(url('ibu', '2025-08', '&format=xlsx'));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="kohort-ibu-7402151005-2025-08.xlsx"');
    const buf = r.rawPayload;
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const entries = unzip(buf);
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const cells = sheetCells(sheet.data.toString('utf8'));
    expect(cells.get('A1')!.value).toBe('KOHORT IBU');
    // Three title lines, a blank row, the header in row 5, the mother in row 6.
    expect(cells.get('B5')!.value).toBe('Nama ibu');
    expect(cells.get('A6')!.value).toBe('1');
    expect(cells.get('B6')!.value).toBe('Wa Ode Nurlina');
    const workbook = entries.find((e) => e.name === 'xl/workbook.xml')!.data.toString('utf8');
    expect(workbook).toContain('name="KOHORT IBU 2025-08"');
  });
});
