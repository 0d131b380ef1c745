import { describe, expect, it } from 'vitest';
import {
  bboxOf, binFill, fitProjection, geometryPath, labelPoint, sequentialBins, SEQUENTIAL, textOn, tileLayout, TRAFFIC_FILL, type MapGeometry,
} from './map-model';

const square = (x: number, y: number, s: number): MapGeometry => ({
  type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
});

describe('fitProjection', () => {
  it('puts north up, keeps the shape and centres the box', () => {
    // Two unit squares side by side across the equator: 2 : 1 wide.
    const box = bboxOf([square(0, -0.5, 1), square(1, -0.5, 1)])!;
    expect(box).toEqual({ minLon: 0, minLat: -0.5, maxLon: 2, maxLat: 0.5 });
    const p = fitProjection(box, 208, { pad: 4, minHeight: 10 });
    expect(p.height).toBe(108);
    expect(p([0, 0.5])).toEqual([4, 4]); // north-west corner
    expect(p([2, -0.5])).toEqual([204, 104]); // south-east corner
  });

  it('scales longitude by cos(latitude)', () => {
    // At 60° a degree of longitude is half a degree of latitude on the ground.
    const p = fitProjection({ minLon: 0, minLat: 59.5, maxLon: 2, maxLat: 60.5 }, 100, { pad: 0, minHeight: 10, maxHeight: 1000 });
    const [x0, y0] = p([0, 60.5]);
    const [x1, y1] = p([2, 59.5]);
    expect((x1 - x0) / (y1 - y0)).toBeCloseTo(Math.cos((60 * Math.PI) / 180) * 2, 2);
  });

  it('clamps the height and centres the shape horizontally', () => {
    const p = fitProjection({ minLon: 0, minLat: 0, maxLon: 1, maxLat: 10 }, 300, { pad: 0, maxHeight: 200 });
    expect(p.height).toBe(200);
    const [xa] = p([0, 0]);
    const [xb] = p([1, 0]);
    expect((xa + xb) / 2).toBeCloseTo(150, 5);
  });
});

describe('geometryPath', () => {
  it('draws each ring closed, holes included, and skips points on one pixel', () => {
    const id = (p: [number, number]) => p;
    const withHole: MapGeometry = {
      type: 'Polygon',
      coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [2.01, 2.01], [4, 2], [4, 4], [2, 2]]],
    };
    expect(geometryPath(withHole, id)).toBe('M0.0,0.0L10.0,0.0L10.0,10.0L0.0,10.0L0.0,0.0ZM2.0,2.0L4.0,2.0L4.0,4.0L2.0,2.0Z');
    const multi: MapGeometry = { type: 'MultiPolygon', coordinates: [square(0, 0, 1).coordinates as [number, number][][], square(5, 5, 1).coordinates as [number, number][][]] };
    expect(geometryPath(multi, id).match(/M/g)).toHaveLength(2);
  });
});

describe('labelPoint', () => {
  it('is the centroid of the largest part', () => {
    const multi: MapGeometry = { type: 'MultiPolygon', coordinates: [square(0, 0, 1).coordinates as [number, number][][], square(10, 10, 4).coordinates as [number, number][][]] };
    expect(labelPoint(multi)).toEqual([12, 12]);
    // An L shape: the centroid is pulled towards the heavier arm.
    const l: MapGeometry = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    const [cx, cy] = labelPoint(l);
    expect(cx).toBeCloseTo(1.1, 5);
    expect(cy).toBeCloseTo(1.1, 5);
  });
});

describe('colour scales', () => {
  it('splits values into equal classes from light to dark', () => {
    const bins = sequentialBins([0, 10, 20, 50, 100]);
    expect(bins.map((b) => [b.from, b.to])).toEqual([[0, 20], [20, 40], [40, 60], [60, 80], [80, 100]]);
    expect(bins.map((b) => b.fill)).toEqual([...SEQUENTIAL]);
    expect(binFill(0, bins)).toBe(SEQUENTIAL[0]);
    expect(binFill(20, bins)).toBe(SEQUENTIAL[0]);
    expect(binFill(20.1, bins)).toBe(SEQUENTIAL[1]);
    expect(binFill(100, bins)).toBe(SEQUENTIAL[4]);
    expect(binFill(null, bins)).toBe(TRAFFIC_FILL.none);
    expect(sequentialBins([7, 7])).toHaveLength(1);
    expect(sequentialBins([])).toEqual([]);
  });

  it('picks readable text on each fill', () => {
    expect(textOn(SEQUENTIAL[0])).toBe('#1b1f24');
    expect(textOn(SEQUENTIAL[4])).toBe('#ffffff');
    expect(textOn(TRAFFIC_FILL.yellow)).toBe('#1b1f24');
  });
});

describe('tileLayout', () => {
  it('fills the width with square tiles in reading order', () => {
    const l = tileLayout(10, 358, { gap: 4, minTile: 56, maxTile: 120 });
    expect(l.columns).toBe(4); // sqrt(10 × 1.6) = 4 columns; 6 would fit
    expect(l.tiles[0]!.size).toBe(86);
    expect(l.tiles[4]).toMatchObject({ x: 0, y: 90 });
    expect(l.tiles.every((t) => t.x + t.size <= 358)).toBe(true);
  });

  it('never uses more columns than fit at the minimum tile size', () => {
    const l = tileLayout(350, 358, { gap: 4, minTile: 56 });
    expect(l.columns).toBe(6); // (358 + 4) / (56 + 4)
    expect(l.tiles[0]!.size).toBe(56);
    expect(l.height).toBe(59 * 56 + 58 * 4);
    expect(tileLayout(0, 300)).toEqual({ tiles: [], height: 0, columns: 0 });
  });
});
