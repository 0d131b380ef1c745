import { describe, expect, it } from 'vitest';
import { checkGeometry, countPositions, douglasPeucker, geometryArea, simplifyGeometry, simplifyRing, type Ring } from './geometry';

const square: Ring = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];

describe('checkGeometry', () => {
  it('accepts a Polygon and a MultiPolygon', () => {
    expect(checkGeometry({ type: 'Polygon', coordinates: [square] })).toMatchObject({ ok: true });
    expect(checkGeometry({ type: 'MultiPolygon', coordinates: [[square], [square]] })).toMatchObject({ ok: true });
  });

  it('refuses other types, open rings, short rings and positions out of range', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [0, 0] })).toEqual({ ok: false, problems: ['geometry type Point is not a boundary (Polygon or MultiPolygon)'] });
    const open = checkGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] });
    expect(open).toEqual({ ok: false, problems: ['polygon, ring 1: the ring is not closed (its first and last positions differ)'] });
    expect(checkGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })).toMatchObject({ ok: false, problems: [expect.stringContaining('at least 4 positions')] });
    // A [lat, lon] file: latitude 122 is impossible.
    const swapped = checkGeometry({ type: 'Polygon', coordinates: [[[-3.9, 122.0], [-3.9, 122.1], [-3.8, 122.1], [-3.9, 122.0]]] });
    expect(swapped).toMatchObject({ ok: false, problems: [expect.stringContaining('are the pairs [lat, lon]?')] });
    expect(checkGeometry({ type: 'MultiPolygon', coordinates: [[square], [[[0, 0], ['x', 1], [1, 1], [0, 0]]]] })).toMatchObject({
      ok: false, problems: ['polygon 2, ring 1, position 2: not a [longitude, latitude] pair of numbers'],
    });
    expect(checkGeometry(null)).toEqual({ ok: false, problems: ['the feature has no geometry'] });
  });
});

describe('douglasPeucker', () => {
  it('drops points within the tolerance and keeps corners', () => {
    const line: [number, number][] = [[0, 0], [1, 0.0001], [2, 0], [3, 0.0001], [4, 0], [4, 3]];
    expect(douglasPeucker(line, 0.001)).toEqual([[0, 0], [4, 0], [4, 3]]);
    expect(douglasPeucker(line, 0.00001)).toEqual(line);
  });

  it('handles long rings without recursion', () => {
    const n = 200_000;
    const pts: [number, number][] = Array.from({ length: n }, (_, i) => [i / n, Math.sin(i / 1000) * 1e-7]);
    expect(douglasPeucker(pts, 1e-5)).toEqual([pts[0], pts[n - 1]]);
  });
});

describe('simplifyRing', () => {
  it('keeps a square, removes a near-collinear point, rounds to 5 decimals and stays closed', () => {
    const noisy: Ring = [[0, 0], [0.5, 0.000001], [1, 0], [1, 1], [0.0000012, 1], [0, 0]];
    const r = simplifyRing(noisy, 0.0001, 5);
    expect(r).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  });

  it('never goes below 4 positions', () => {
    const tiny: Ring = [[0, 0], [0.00001, 0], [0.00001, 0.00001], [0, 0.00001], [0, 0]];
    const r = simplifyRing(tiny, 1, 5);
    expect(r.length).toBeGreaterThanOrEqual(4);
    expect(r[0]).toEqual(r[r.length - 1]);
  });
});

describe('simplifyGeometry', () => {
  it('keeps the area of a desa-sized circle within 2 % at the web tolerance', () => {
    // A desa-sized circle (radius 0.01° ≈ 1.1 km) drawn with 2,000 points.
    const ring: Ring = Array.from({ length: 2001 }, (_, i) => {
      const a = (2 * Math.PI * (i % 2000)) / 2000;
      return [122 + 0.01 * Math.cos(a), -3.9 + 0.01 * Math.sin(a)] as [number, number];
    });
    const g = { type: 'Polygon' as const, coordinates: [ring] };
    const s = simplifyGeometry(g);
    expect(countPositions(s)).toBeLessThan(200);
    expect(countPositions(s)).toBeGreaterThan(12);
    expect(Math.abs(geometryArea(s) - geometryArea(g)) / geometryArea(g)).toBeLessThan(0.02);
  });
});
