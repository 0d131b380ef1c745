/**
 * Boundary geometry for the web map: checks (GeoJSON Polygon/MultiPolygon,
 * closed rings, lon/lat ranges) and a light simplification (Douglas–Peucker
 * per ring, then rounding), so a kabupaten's desa travel to a phone in tens of
 * kilobytes and draw without a tile server.
 */

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];

export type BoundaryGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };

/**
 * Simplification tolerance in degrees. 0.0001° is about 11 m on the ground:
 * a desa 2 km across keeps its outline and its area within about 1.5 %,
 * and the many nearly collinear points of surveyed boundaries go. Coordinates keep 5 decimals (about 1.1 m),
 * finer than any screen can show at district size.
 */
export const SIMPLIFY_TOLERANCE_DEG = 0.0001;
export const COORD_DECIMALS = 5;

export type GeometryCheck = { ok: true; geometry: BoundaryGeometry } | { ok: false; problems: string[] };

function isPosition(p: unknown): p is [number, number] {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

function checkRing(ring: unknown, where: string, problems: string[]): Ring | null {
  if (!Array.isArray(ring)) {
    problems.push(`${where}: a ring must be an array of positions`);
    return null;
  }
  if (ring.length < 4) {
    problems.push(`${where}: a ring needs at least 4 positions, found ${ring.length}`);
    return null;
  }
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const p: unknown = ring[i];
    if (!isPosition(p)) {
      problems.push(`${where}, position ${i + 1}: not a [longitude, latitude] pair of numbers`);
      return null;
    }
    const [lon, lat] = p;
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      // Files converted from [lat, lng] sources are the usual cause (see shared/data/SOURCES.md).
      problems.push(`${where}, position ${i + 1}: [${lon}, ${lat}] is outside longitude −180…180 / latitude −90…90 (are the pairs [lat, lon]?)`);
      return null;
    }
    out.push([lon, lat]);
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    problems.push(`${where}: the ring is not closed (its first and last positions differ)`);
    return null;
  }
  return out;
}

function checkPolygon(poly: unknown, where: string, problems: string[]): PolygonCoords | null {
  if (!Array.isArray(poly) || poly.length === 0) {
    problems.push(`${where}: a polygon must be a non-empty array of rings`);
    return null;
  }
  const rings: PolygonCoords = [];
  poly.forEach((ring, i) => {
    const r = checkRing(ring, `${where}, ring ${i + 1}`, problems);
    if (r) rings.push(r);
  });
  return rings.length === poly.length ? rings : null;
}

/** Checks a GeoJSON geometry; only Polygon and MultiPolygon are boundaries. */
export function checkGeometry(geometry: unknown): GeometryCheck {
  const problems: string[] = [];
  if (!geometry || typeof geometry !== 'object') return { ok: false, problems: ['the feature has no geometry'] };
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') {
    const p = checkPolygon(g.coordinates, 'polygon', problems);
    return p ? { ok: true, geometry: { type: 'Polygon', coordinates: p } } : { ok: false, problems };
  }
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return { ok: false, problems: ['a MultiPolygon needs at least one polygon'] };
    const polys: PolygonCoords[] = [];
    g.coordinates.forEach((poly, i) => {
      const p = checkPolygon(poly, `polygon ${i + 1}`, problems);
      if (p) polys.push(p);
    });
    return problems.length ? { ok: false, problems } : { ok: true, geometry: { type: 'MultiPolygon', coordinates: polys } };
  }
  return { ok: false, problems: [`geometry type ${String(g.type)} is not a boundary (Polygon or MultiPolygon)`] };
}

/** Squared distance from p to the segment a–b, in the plane of the coordinates. */
function segmentDistance2(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let x = a[0];
  let y = a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 > 0) {
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    x += t * dx;
    y += t * dy;
  }
  return (p[0] - x) ** 2 + (p[1] - y) ** 2;
}

/** Douglas–Peucker on an open polyline (iterative: rings of tens of thousands of points must not overflow the stack). */
export function douglasPeucker(points: readonly Position[], tolerance: number): Position[] {
  const n = points.length;
  if (n <= 2) return points.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length) {
    const [s, e] = stack.pop()!;
    let max = 0;
    let at = -1;
    for (let i = s + 1; i < e; i++) {
      const d = segmentDistance2(points[i]!, points[s]!, points[e]!);
      if (d > max) {
        max = d;
        at = i;
      }
    }
    if (at >= 0 && max > tol2) {
      keep[at] = 1;
      stack.push([s, at], [at, e]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/**
 * Simplifies a closed ring and rounds it. The ring is split at its point
 * farthest from the start, so both halves keep their ends; consecutive
 * duplicates left by rounding are dropped. A ring that would fall below 4
 * positions (a triangle) keeps its rounded original instead.
 */
export function simplifyRing(ring: Ring, tolerance: number, decimals: number): Ring {
  const rounded = (r: readonly Position[]): Ring => {
    const out: Ring = [];
    for (const [x, y] of r) {
      const p: Position = [round(x, decimals), round(y, decimals)];
      const prev = out[out.length - 1];
      if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
    }
    return out;
  };
  const open = ring.slice(0, -1);
  if (open.length < 4) return rounded(ring);
  let far = 1;
  let farD = -1;
  for (let i = 1; i < open.length; i++) {
    const d = (open[i]![0] - open[0]![0]) ** 2 + (open[i]![1] - open[0]![1]) ** 2;
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const a = douglasPeucker(ring.slice(0, far + 1), tolerance);
  const b = douglasPeucker(ring.slice(far), tolerance);
  const simplified = rounded([...a, ...b.slice(1)]);
  if (simplified.length >= 4) return simplified;
  const fallback = rounded(ring);
  return fallback.length >= 4 ? fallback : ring;
}

export function simplifyGeometry(g: BoundaryGeometry, tolerance = SIMPLIFY_TOLERANCE_DEG, decimals = COORD_DECIMALS): BoundaryGeometry {
  const poly = (p: PolygonCoords): PolygonCoords => p.map((r) => simplifyRing(r, tolerance, decimals));
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: poly(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(poly) };
}

export function countPositions(g: BoundaryGeometry): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
}

/** Planar ring area in square degrees (shoelace); for checks that simplification keeps the shape. */
export function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return Math.abs(s) / 2;
}

/** Area of the outer rings minus holes, in square degrees. */
export function geometryArea(g: BoundaryGeometry): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.reduce((sum, p) => sum + ringArea(p[0]!) - p.slice(1).reduce((h, r) => h + ringArea(r), 0), 0);
}
