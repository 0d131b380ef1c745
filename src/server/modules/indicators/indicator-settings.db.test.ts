/**
 * A district's sasaran rates and traffic-light thresholds over HTTP: read by
 * anyone of the district, changed by Dinkes only (audited), refused whole
 * with a message per field when a value is implausible, and used at once by
 * the desa's estimated target groups.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SASARAN_RATES } from '../../../core/indicators/sasaran';
import { rows } from '../../db/sql';
import { CODES, createTestApp, type Client, type TestApp } from '../../testing/test-app';

let t: TestApp;
let dinkes: Client;
let bidan: Client;
let dinkesPontianak: Client;

beforeAll(async () => {
  t = await createTestApp();
  dinkes = await t.login('dinkes');
  bidan = await t.login('bidan');
  dinkesPontianak = await t.login('dinkes-ptk');
  await t.database.db.execute(sql`update area set population = 10000 where code = ${CODES.mekarSari}`);
});
afterAll(async () => {
  await t?.close();
});

type RateView = { key: string; value: number; default: number; overridden: boolean; source: string; evidence: string };

describe('indicator settings of a district', () => {
  it('shows every rate with its default, source and evidence, and the default thresholds', async () => {
    const r = await bidan.get('/api/indicators/settings');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as { kabCode: string; rates: RateView[]; thresholds: { green: number; yellow: number } };
    expect(body.kabCode).toBe('74.02');
    const cbr = body.rates.find((x) => x.key === 'cbr')!;
    expect(cbr).toMatchObject({ value: DEFAULT_SASARAN_RATES.cbr.value, default: DEFAULT_SASARAN_RATES.cbr.value, overridden: false, evidence: 'unverified' });
    expect(cbr.source.length).toBeGreaterThan(10);
    expect(body.thresholds).toEqual({ green: 100, yellow: 80 });
  });

  it('lets Dinkes set a rate and thresholds; the desa estimate follows; the change is audited', async () => {
    const before = (await (await dinkes.get(`/api/sasaran?area=${CODES.mekarSari}`)).json()) as { groups: Array<{ group: string; estimated: number | null }> };
    const lansiaBefore = before.groups.find((g) => g.group === 'usia-lanjut')!.estimated!;
    const r = await dinkes.put('/api/indicators/settings?kab=74.02', { rates: { shareLansia: 0.2 }, thresholds: { green: 95, yellow: 70 } });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as { rates: RateView[]; thresholds: { green: number; yellow: number } };
    expect(body.rates.find((x) => x.key === 'shareLansia')).toMatchObject({ value: 0.2, overridden: true });
    expect(body.thresholds).toEqual({ green: 95, yellow: 70 });
    const after = (await (await dinkes.get(`/api/sasaran?area=${CODES.mekarSari}`)).json()) as { groups: Array<{ group: string; estimated: number | null }> };
    expect(after.groups.find((g) => g.group === 'usia-lanjut')!.estimated).toBe(2000);
    expect(lansiaBefore).toBeLessThan(2000);
    const audit = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where entity_type = 'indicator_settings' and action = 'update' and entity_id = '74.02'`);
    expect(audit[0]!.n).toBe(1);
  });

  it('refuses an implausible rate or inverted thresholds with a message per field, and keeps what was stored', async () => {
    const r = await dinkes.put('/api/indicators/settings?kab=74.02', { rates: { cbr: 600 }, thresholds: { green: 80, yellow: 90 } });
    expect(r.statusCode).toBe(400);
    const fields = r.json().fields as Record<string, string>;
    expect(fields['rates.cbr']).toBe('Nilai harus antara 1 dan 60.');
    expect(fields['thresholds.yellow']).toBe('Ambang kuning harus lebih rendah dari ambang hijau.');
    const now = (await (await dinkes.get('/api/indicators/settings')).json()) as { rates: RateView[]; thresholds: { green: number } };
    expect(now.rates.find((x) => x.key === 'cbr')!.overridden).toBe(false);
    expect(now.thresholds.green).toBe(95);
  });

  it('is changed by Dinkes of the district only (403, audited)', async () => {
    expect((await bidan.put('/api/indicators/settings?kab=74.02', { rates: { cbr: 20 } })).statusCode).toBe(403);
    expect((await dinkesPontianak.put('/api/indicators/settings?kab=74.02', { rates: { cbr: 20 } })).statusCode).toBe(403);
    expect((await dinkesPontianak.get('/api/indicators/settings?kab=74.02')).statusCode).toBe(403);
    const denied = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where entity_type = 'indicator_settings' and action = 'denied'`);
    expect(denied[0]!.n).toBe(3);
  });
});
