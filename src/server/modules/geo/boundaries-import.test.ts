import { describe, expect, it } from 'vitest';
import { BoundaryFileError, comparableAreaName, normaliseAreaCode, parseBoundaryFile } from './boundaries-import';

const square = [[[122, -3.9], [122.01, -3.9], [122.01, -3.89], [122, -3.9]]];

describe('normaliseAreaCode', () => {
  it('reads the spellings boundary files use', () => {
    expect(normaliseAreaCode('74.02.01.1001')).toBe('74.02.01.1001');
    expect(normaliseAreaCode('7402011001')).toBe('74.02.01.1001');
    expect(normaliseAreaCode(7402011001)).toBe('74.02.01.1001');
    expect(normaliseAreaCode('740201')).toBe('74.02.01');
    expect(normaliseAreaCode('74.2.1.1001')).toBe('74.02.01.1001');
    expect(normaliseAreaCode('74-02-01')).toBe('74.02.01');
    expect(normaliseAreaCode(' 61.71 ')).toBe('61.71');
  });

  it('refuses what is not a Kemendagri code', () => {
    for (const bad of ['7402010', '74.02.01.10011', 'abc', '', '74.02.x', null, undefined, 1.5]) expect(normaliseAreaCode(bad), String(bad)).toBeNull();
  });
});

describe('comparableAreaName', () => {
  it('ignores case, punctuation, spaces and the kind word', () => {
    expect(comparableAreaName('Desa Benua Melayu Laut')).toBe(comparableAreaName('BENUAMELAYU LAUT'));
    expect(comparableAreaName('Kecamatan Tongauna')).toBe('tongauna');
  });
});

describe('parseBoundaryFile', () => {
  it('reads codes, names, parents and levels from common property names', () => {
    const f = parseBoundaryFile(JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '74.02.15.1005', name: 'Mekar Sari', level: 'village' }, geometry: { type: 'Polygon', coordinates: square } },
        { type: 'Feature', properties: { KDEPUM: '7402151001', WADMKD: 'Tongauna', KDCPUM: '74.02.15' }, geometry: { type: 'MultiPolygon', coordinates: [square] } },
      ],
    }));
    expect(f.map(({ geometry: _g, ...x }) => x)).toEqual([
      { index: 1, label: '74.02.15.1005 Mekar Sari', code: '74.02.15.1005', name: 'Mekar Sari', parent: null, level: 'village' },
      { index: 2, label: '7402151001 Tongauna', code: '74.02.15.1001', name: 'Tongauna', parent: '74.02.15', level: 'village' },
    ]);
  });

  it('refuses the whole file with every broken feature listed', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '74.02.15.1005' }, geometry: { type: 'Polygon', coordinates: square } },
        { type: 'Feature', properties: { code: '74.02.15.1001' }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } },
        { type: 'Feature', properties: { name: 'Puosu' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } },
      ],
    });
    try {
      parseBoundaryFile(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BoundaryFileError);
      expect((e as BoundaryFileError).issues).toEqual([
        { feature: 2, label: '74.02.15.1001', message: 'geometry type LineString is not a boundary (Polygon or MultiPolygon)' },
        { feature: 3, label: 'Puosu', message: 'polygon, ring 1: the ring is not closed (its first and last positions differ)' },
      ]);
    }
    expect(() => parseBoundaryFile('{"type":"Feature"}')).toThrow(/not a GeoJSON FeatureCollection/);
    expect(() => parseBoundaryFile('nope')).toThrow(/not valid JSON/);
  });
});
