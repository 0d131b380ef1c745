import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../testing/test-db';
import { sharedDataFile } from '../../seed/shared-data';
import { importAreas } from '../areas/area-import';
import { BoundaryFileError, importBoundaries } from './boundaries-import';
import { geometryArea, type BoundaryGeometry } from './geometry';

const geo = (...p: string[]) => readFileSync(sharedDataFile('geo', ...p), 'utf8');

describe(`importBoundaries with the shared Konawe and Pontianak files (${testEngine})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importAreas(database, { districts: ['74.02', '61.71'] });
  });
  afterAll(async () => {
    await database.destroy();
  });

  const count = async (table: string) => Number((await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

  it('imports every Konawe desa/kelurahan by code, simplified, and names the one without a polygon', async () => {
    const text = geo('konawe-74.02', 'desa-kelurahan.geojson');
    const r = await importBoundaries(database, text, { source: 'desa-kelurahan.geojson', importedBy: 'test' });
    expect(r.features).toBe(347);
    expect(r.matched).toHaveLength(347);
    expect(r.matched.every((m) => m.by === 'code' && m.level === 'village')).toBe(true);
    expect(r.unmatched).toEqual([]);
    // SOURCES.md: Kelurahan Uepai (74.02.18.1001) has no polygon upstream.
    expect(r.missing.map((m) => m.code)).toContain('74.02.18.1001');
    expect(r.positionsOut).toBeLessThanOrEqual(r.positionsIn);
    expect(await count('area_boundary')).toBe(347);

    // Simplified shapes keep their areas: each desa within 5 %, the kabupaten total within 1 %.
    const original = JSON.parse(text) as { features: { properties: { code: string }; geometry: BoundaryGeometry }[] };
    const stored = new Map((await database.query<{ area_code: string; geometry: BoundaryGeometry | string }>('SELECT area_code, geometry FROM area_boundary'))
      .map((b) => [b.area_code, typeof b.geometry === 'string' ? JSON.parse(b.geometry) as BoundaryGeometry : b.geometry]));
    let before = 0;
    let after = 0;
    for (const f of original.features) {
      const a0 = geometryArea(f.geometry);
      const a1 = geometryArea(stored.get(f.properties.code)!);
      before += a0;
      after += a1;
      expect(Math.abs(a1 - a0) / a0, f.properties.code).toBeLessThan(0.05);
    }
    expect(Math.abs(after - before) / before).toBeLessThan(0.01);

    const [imp] = await database.query<{ kind: string; rows: number; source: string; details: { unmatched: unknown[] } | string }>(
      "SELECT kind, rows, source, details FROM reference_import WHERE kind = 'boundaries' ORDER BY id DESC LIMIT 1");
    expect(imp).toMatchObject({ kind: 'boundaries', rows: 347, source: 'desa-kelurahan.geojson' });
  });

  it('imports kecamatan of both districts and replaces on a second import', async () => {
    const k1 = await importBoundaries(database, geo('konawe-74.02', 'kecamatan.geojson'));
    const k2 = await importBoundaries(database, geo('pontianak-61.71', 'kecamatan.geojson'));
    const k3 = await importBoundaries(database, geo('pontianak-61.71', 'kelurahan.geojson'));
    expect([k1.matched.length, k2.matched.length, k3.matched.length]).toEqual([28, 6, 29]);
    expect(k1.missing).toEqual([]);
    expect(await count('area_boundary')).toBe(347 + 28 + 6 + 29);
    const again = await importBoundaries(database, geo('pontianak-61.71', 'kelurahan.geojson'));
    expect(again.matched).toHaveLength(29);
    expect(await count('area_boundary')).toBe(347 + 28 + 6 + 29);
  });

  it('matches digit-only codes, falls back to the name within the parent, and lists what it cannot match', async () => {
    const src = JSON.parse(geo('pontianak-61.71', 'kelurahan.geojson')) as { features: { properties: Record<string, unknown>; geometry: unknown }[] };
    const [a, b, c] = src.features;
    const fc = {
      type: 'FeatureCollection',
      features: [
        // digits only
        { type: 'Feature', properties: { kode: String(a!.properties.code).replaceAll('.', ''), nama: a!.properties.name }, geometry: a!.geometry },
        // a renumbered code that is not in the tree: found by name under its kecamatan
        { type: 'Feature', properties: { code: `${String(b!.properties.code).slice(0, 9)}9999`, name: `Kelurahan ${String(b!.properties.name).toUpperCase()}` }, geometry: b!.geometry },
        // nothing of that name
        { type: 'Feature', properties: { code: `${String(c!.properties.code).slice(0, 9)}9998`, name: 'Kampung Tak Ada' }, geometry: c!.geometry },
      ],
    };
    const r = await importBoundaries(database, JSON.stringify(fc));
    expect(r.matched.map((m) => [m.code, m.by])).toEqual([[a!.properties.code, 'code'], [b!.properties.code, 'name']]);
    expect(r.unmatched).toEqual([{ feature: 3, label: expect.stringContaining('Kampung Tak Ada'), message: expect.stringMatching(/no village with code .*9998.*skipped/) }]);
    expect(r.notes.some((n) => n.feature === 2 && /matched by name/.test(n.message))).toBe(true);
  });

  it('changes nothing when one geometry is broken or two features claim one area', async () => {
    const boundariesBefore = await count('area_boundary');
    const importsBefore = await count('reference_import');
    const src = JSON.parse(geo('pontianak-61.71', 'kecamatan.geojson')) as { features: { geometry: { coordinates: number[][][] } }[] };
    src.features[3]!.geometry.coordinates[0]!.pop(); // ring no longer closed
    await expect(importBoundaries(database, JSON.stringify(src))).rejects.toBeInstanceOf(BoundaryFileError);
    const dup = JSON.parse(geo('pontianak-61.71', 'kecamatan.geojson')) as { features: unknown[] };
    dup.features.push(dup.features[0]);
    await expect(importBoundaries(database, JSON.stringify(dup))).rejects.toThrow(/already matched/);
    await expect(importBoundaries(database, JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { code: '99.99.99' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
    ] }))).rejects.toThrow(/none of the 1 features/);
    expect(await count('area_boundary')).toBe(boundariesBefore);
    expect(await count('reference_import')).toBe(importsBefore);
  });
});
