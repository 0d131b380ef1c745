/**
 * The maths of the offline maps: lon/lat projected to the screen, polygon
 * paths, label points, colour scales and the tile-map grid. No tile server
 * and no map library: a district is small enough for an equirectangular
 * projection with the longitude scaled by cos(latitude) (the error across
 * 150 km at the equator is well under a pixel at phone size).
 */

export type Position = [number, number];
export type MapGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface MapFeature {
  properties: { code: string; name: string };
  geometry: MapGeometry;
}

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

function polygons(g: MapGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function bboxOf(geometries: readonly MapGeometry[]): BBox | null {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const g of geometries) {
    for (const poly of polygons(g)) {
      for (const [lon, lat] of poly[0] ?? []) {
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
    }
  }
  return Number.isFinite(minLon) ? { minLon, minLat, maxLon, maxLat } : null;
}

export interface Projection {
  (p: Position): [number, number];
  width: number;
  height: number;
}

/**
 * Fits the box into `width` pixels wide (height follows the shape, clamped to
 * [minHeight, maxHeight]), centred, with `pad` pixels around. North is up.
 */
export function fitProjection(box: BBox, width: number, opts: { pad?: number; minHeight?: number; maxHeight?: number } = {}): Projection {
  const pad = opts.pad ?? 8;
  const midLat = ((box.minLat + box.maxLat) / 2) * (Math.PI / 180);
  const k = Math.cos(midLat);
  const spanX = Math.max((box.maxLon - box.minLon) * k, 1e-9);
  const spanY = Math.max(box.maxLat - box.minLat, 1e-9);
  const innerW = Math.max(1, width - 2 * pad);
  const natural = (innerW * spanY) / spanX + 2 * pad;
  const height = Math.round(Math.min(opts.maxHeight ?? 560, Math.max(opts.minHeight ?? 200, natural)));
  const innerH = Math.max(1, height - 2 * pad);
  const s = Math.min(innerW / spanX, innerH / spanY);
  const offX = pad + (innerW - spanX * s) / 2;
  const offY = pad + (innerH - spanY * s) / 2;
  const f = ((p: Position) => [offX + (p[0] - box.minLon) * k * s, offY + (box.maxLat - p[1]) * s]) as Projection;
  f.width = width;
  f.height = height;
  return f;
}

/** An SVG path of a (multi)polygon; holes are drawn with fill-rule evenodd. */
export function geometryPath(g: MapGeometry, project: (p: Position) => [number, number]): string {
  let d = '';
  for (const poly of polygons(g)) {
    for (const ring of poly) {
      let prev = '';
      ring.forEach((p, i) => {
        const [x, y] = project(p);
        const pt = `${x.toFixed(1)},${y.toFixed(1)}`;
        if (i > 0 && pt === prev) return; // points that fall on one pixel
        d += `${i === 0 ? 'M' : 'L'}${pt}`;
        prev = pt;
      });
      d += 'Z';
    }
  }
  return d;
}

/** Area-weighted centroid of the largest outer ring (where a label goes). */
export function labelPoint(g: MapGeometry): Position {
  let best: Position[] = [];
  let bestArea = -1;
  for (const poly of polygons(g)) {
    const ring = poly[0] ?? [];
    const a = Math.abs(signedArea(ring));
    if (a > bestArea) {
      bestArea = a;
      best = ring;
    }
  }
  const a = signedArea(best);
  if (best.length === 0) return [0, 0];
  if (Math.abs(a) < 1e-15) return best[0]!;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < best.length; i++) {
    const [x0, y0] = best[i]!;
    const [x1, y1] = best[i + 1]!;
    const c = x0 * y1 - x1 * y0;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

function signedArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return s / 2;
}

/* ---------- colours ---------- */

export type TrafficColour = 'green' | 'yellow' | 'red';

/** Traffic-light fills (ilp-domain §4.4), the same hues as the badges; grey when there is no figure. */
export const TRAFFIC_FILL: Record<TrafficColour | 'none', string> = {
  green: '#2e9d5b',
  yellow: '#f2c230',
  red: '#d64545',
  none: '#d9dde3',
};

/** Light to dark blue, five classes (ColorBrewer "Blues", readable by the colour-blind and in grey print). */
export const SEQUENTIAL = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;

export interface Bin {
  from: number;
  to: number;
  fill: string;
}

/** Equal-width classes over [min, max] for a sequential legend; one class when all values are equal. */
export function sequentialBins(values: readonly number[], classes = SEQUENTIAL.length): Bin[] {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return [];
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  if (hi === lo) return [{ from: lo, to: hi, fill: SEQUENTIAL[Math.floor(SEQUENTIAL.length / 2)]! }];
  const n = Math.min(classes, SEQUENTIAL.length);
  const step = (hi - lo) / n;
  return Array.from({ length: n }, (_, i) => ({
    from: lo + i * step,
    to: i === n - 1 ? hi : lo + (i + 1) * step,
    fill: SEQUENTIAL[Math.round((i * (SEQUENTIAL.length - 1)) / Math.max(1, n - 1))]!,
  }));
}

export function binFill(value: number | null | undefined, bins: readonly Bin[]): string {
  if (value === null || value === undefined || !Number.isFinite(value) || bins.length === 0) return TRAFFIC_FILL.none;
  for (const b of bins) if (value <= b.to) return b.fill;
  return bins[bins.length - 1]!.fill;
}

/** Dark text on light fills, white on dark ones (WCAG relative luminance). */
export function textOn(fill: string): string {
  const m = /^#([0-9a-f]{6})$/i.exec(fill);
  if (!m) return '#1b1f24';
  const n = parseInt(m[1]!, 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  return l > 0.4 ? '#1b1f24' : '#ffffff';
}

/* ---------- tile map ---------- */

export interface Tile {
  index: number;
  x: number;
  y: number;
  size: number;
}

/**
 * A square per area, in reading order, as many columns as fit tiles of at
 * least `minTile` px (at most `maxTile`), so 5 desa and 350 desa both fill
 * the width.
 */
export function tileLayout(count: number, width: number, opts: { gap?: number; minTile?: number; maxTile?: number } = {}): { tiles: Tile[]; height: number; columns: number } {
  const gap = opts.gap ?? 4;
  const minTile = opts.minTile ?? 56;
  const maxTile = opts.maxTile ?? 120;
  if (count <= 0) return { tiles: [], height: 0, columns: 0 };
  const maxCols = Math.max(1, Math.floor((width + gap) / (minTile + gap)));
  // Prefer a near-square block, but never more columns than fit.
  const columns = Math.max(1, Math.min(maxCols, count, Math.ceil(Math.sqrt(count * 1.6))));
  const size = Math.min(maxTile, Math.floor((width - gap * (columns - 1)) / columns));
  const tiles = Array.from({ length: count }, (_, i) => ({ index: i, x: (i % columns) * (size + gap), y: Math.floor(i / columns) * (size + gap), size }));
  const rows = Math.ceil(count / columns);
  return { tiles, height: rows * size + (rows - 1) * gap, columns };
}
