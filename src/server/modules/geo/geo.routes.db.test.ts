import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES, createTestApp, type Client, type TestApp } from '../../testing/test-app';
import { testEngine } from '../../testing/test-db';
import { sharedDataFile } from '../../seed/shared-data';
import { importBoundaries } from './boundaries-import';

const geo = (...p: string[]) => readFileSync(sharedDataFile('geo', ...p), 'utf8');

describe(`GET /api/geo/boundaries (${testEngine})`, () => {
  let t: TestApp;
  let dinkes: Client;
  let petugas: Client;
  let bidan: Client;
  let dinkesPontianak: Client;
  beforeAll(async () => {
    t = await createTestApp();
    [dinkes, petugas, bidan, dinkesPontianak] = await Promise.all([t.login('dinkes'), t.login('petugas'), t.login('bidan'), t.login('dinkes-ptk')]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 404 with a clear message before any import', async () => {
    const r = await dinkes.get('/api/geo/boundaries?area=74.02&level=district');
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ error: 'boundaries_not_imported', message: expect.stringContaining('belum diimpor') });
  });

  it('gives the kecamatan and desa under an area as GeoJSON with code and name', async () => {
    // The test tree holds only a few Konawe areas: the rest of the file is reported unmatched.
    const k = await importBoundaries(t.database, geo('konawe-74.02', 'kecamatan.geojson'));
    expect(k.matched.map((m) => m.code).sort()).toEqual(['74.02.02', '74.02.15']);
    expect(k.unmatched).toHaveLength(26);
    await importBoundaries(t.database, geo('konawe-74.02', 'desa-kelurahan.geojson'));

    const r = await dinkes.get('/api/geo/boundaries?area=74.02&level=district');
    expect(r.statusCode).toBe(200);
    const fc = r.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: { properties: unknown }) => f.properties)).toEqual([
      { code: '74.02.02', name: 'Unaaha' }, { code: '74.02.15', name: 'Tongauna' },
    ]);
    expect(['Polygon', 'MultiPolygon']).toContain(fc.features[0].geometry.type);

    const v = (await dinkes.get('/api/geo/boundaries?area=74.02.15&level=village')).json();
    expect(v.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([CODES.tongauna, CODES.mekarSari]);
  });

  it('keeps to the user scope', async () => {
    // Puskesmas Tongauna serves Tongauna and Mekar Sari; asking for the whole kabupaten gives just those.
    const p = (await petugas.get('/api/geo/boundaries?area=74.02&level=village')).json();
    expect(p.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([CODES.tongauna, CODES.mekarSari]);
    const b = (await bidan.get('/api/geo/boundaries?area=74.02.15&level=village')).json();
    expect(b.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([CODES.mekarSari]);
    // Unaaha is outside the Puskesmas work area: 403, audited.
    const out = await petugas.get(`/api/geo/boundaries?area=${CODES.otherKec}&level=village`);
    expect(out.statusCode).toBe(403);
    const [audit] = await t.database.query<{ action: string; entity_type: string }>(
      "SELECT action, entity_type FROM audit_log WHERE entity_type = 'boundaries' ORDER BY id DESC LIMIT 1");
    expect(audit).toEqual({ action: 'denied', entity_type: 'boundaries' });
    expect((await dinkesPontianak.get('/api/geo/boundaries?area=74.02&level=district')).statusCode).toBe(403);
    expect((await dinkes.get('/api/geo/boundaries?area=74.02&level=rw')).statusCode).toBe(400);
  });
});
