/**
 * What the KMS-style growth chart draws, from the record's growth view: the
 * WHO SD curves of one index, the coloured bands between them (one per
 * Permenkes 2/2020 category, bounded where the regulation bounds it), and
 * the child's points with their category and N/T judgement. Every bound
 * comes from core/anthropometry (PERMENKES_BANDS); the colours are the only
 * thing decided here.
 */
import { DAYS_PER_MONTH } from '../../core/anthropometry/who-rules';
import { PERMENKES_BANDS, type PermenkesBand, type PermenkesIndex } from '../../core/anthropometry/permenkes';
import type { WeighingCode } from '../../core/anthropometry/growth-monitoring';
import type { GrowthPoint, GrowthView, SdLine, SdValues } from '../../core/record/growth';

export const GROWTH_INDICES = ['wfa', 'lhfa', 'wfl'] as const;
export type GrowthIndex = (typeof GROWTH_INDICES)[number];

/** The Permenkes table each chart is read against. */
export const PERMENKES_OF: Record<GrowthIndex, PermenkesIndex> = { wfa: 'bbu', lhfa: 'pbu', wfl: 'bbpb' };

/** Band colours by how far from normal a category is (KMS: green is good, yellow a warning, red a danger). */
export type BandTone = 'good' | 'watch' | 'warn' | 'danger' | 'high';
const TONE: Record<string, BandTone> = {
  severely_underweight: 'danger',
  underweight: 'warn',
  normal_weight: 'good',
  risk_of_overweight: 'watch',
  severely_stunted: 'danger',
  stunted: 'warn',
  normal_height: 'good',
  tall: 'high',
  severely_wasted: 'danger',
  wasted: 'warn',
  normal: 'good',
  possible_risk_of_overweight: 'watch',
  overweight: 'warn',
  obese: 'danger',
};

export interface Band {
  code: string;
  label: { id: string; en: string };
  tone: BandTone;
  /** SD lines bounding the band; null = the edge of the chart. */
  lower: SdLine | null;
  upper: SdLine | null;
}

export interface CurvePoint {
  x: number;
  sd: SdValues;
}

export interface ChildPoint {
  x: number;
  y: number;
  date: string;
  ageDays: number;
  category: { code: string; id: string; en: string } | null;
  z: number | null;
  outcome: WeighingCode | null;
  flagged: boolean;
}

export interface GrowthSeries {
  index: GrowthIndex;
  /** x is age in months, or length/height in cm for weight-for-length. */
  xKind: 'months' | 'cm';
  /** y unit: kg or cm. */
  yUnit: 'kg' | 'cm';
  /** wfl only: lying length (under 2 years) or standing height. */
  position?: 'l' | 'h';
  curve: CurvePoint[];
  bands: Band[];
  points: ChildPoint[];
}

const asLine = (z: number): SdLine | null => {
  const s = String(z) as SdLine;
  return ['-3', '-2', '-1', '0', '1', '2', '3'].includes(s) ? s : null;
};

/** The categories of a Permenkes index as bands between SD lines. */
export function bandsOf(index: PermenkesIndex): Band[] {
  const list: readonly PermenkesBand[] = PERMENKES_BANDS[index === 'imtu' ? 'bbpb' : index];
  return list.map((b, i) => ({
    code: b.code,
    label: { id: b.id, en: b.en },
    tone: TONE[b.code] ?? 'good',
    lower: i === 0 ? null : asLine(list[i - 1]!.upTo!.z),
    upper: b.upTo ? asLine(b.upTo.z) : null,
  }));
}

const months = (days: number) => days / DAYS_PER_MONTH;

/** The series of one index; null when the child has nothing to draw for it. */
export function growthSeries(view: GrowthView, index: GrowthIndex): GrowthSeries | null {
  const pIndex = PERMENKES_OF[index];
  const outcomes = new Map(view.weighings.map((w) => [w.date, w.outcome]));
  const point = (p: GrowthPoint, x: number, y: number, z: number | null): ChildPoint => {
    const c = p.categories[pIndex];
    return {
      x, y, date: p.date, ageDays: p.ageDays, z,
      category: c ? { code: c.code, id: c.id, en: c.en } : null,
      outcome: index === 'wfa' ? (outcomes.get(p.date) ?? null) : null,
      flagged: p.flags.includes(index === 'wfa' ? 'wei' : index === 'lhfa' ? 'len' : 'wfl'),
    };
  };
  if (index === 'wfa' || index === 'lhfa') {
    const curve = (index === 'wfa' ? view.curves.wfa : view.curves.lhfa).map((c) => ({ x: months(c.ageDays), sd: c.sd }));
    const points = view.points
      .filter((p) => (index === 'wfa' ? p.weight : p.lengthOrHeight) !== null)
      .map((p) => point(p, months(p.ageDays), (index === 'wfa' ? p.weight : p.lengthOrHeight)!, index === 'wfa' ? p.z.wfa : p.z.lhfa));
    if (curve.length === 0 && points.length === 0) return null;
    return { index, xKind: 'months', yUnit: index === 'wfa' ? 'kg' : 'cm', curve, bands: bandsOf(pIndex), points };
  }
  // Weight-for-length (lying) or -height (standing): the position of the latest measurement decides.
  const both = view.points.filter((p) => p.weight !== null && p.lengthOrHeight !== null && p.position !== null);
  const latest = both[both.length - 1];
  const position = latest?.position ?? (view.curves.wfl.length ? 'l' : 'h');
  const curve = (position === 'l' ? view.curves.wfl : view.curves.wfh).map((c) => ({ x: c.lengthCm, sd: c.sd }));
  const points = both.filter((p) => p.position === position).map((p) => point(p, p.lengthOrHeight!, p.weight!, p.z.wfl));
  if (curve.length === 0 && points.length === 0) return null;
  return { index, xKind: 'cm', yUnit: 'kg', position, curve, bands: bandsOf(pIndex), points };
}

/** The chart's x range: the curve's, widened to the child's points. */
export function xExtent(s: GrowthSeries): [number, number] {
  const xs = [...s.curve.map((c) => c.x), ...s.points.map((p) => p.x)];
  if (xs.length === 0) return [0, 1];
  // Start on a whole month or centimetre; end where the curves (or the last point) end.
  return [Math.floor(Math.min(...xs)), Math.max(...xs)];
}

/** The y range: the −3 to +3 SD curves and the points, with a little room. */
export function yExtent(s: GrowthSeries): [number, number] {
  const ys = [...s.curve.flatMap((c) => [c.sd['-3'], c.sd['3']]), ...s.points.map((p) => p.y)];
  if (ys.length === 0) return [0, 1];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = (hi - lo) * 0.04 || 1;
  return [Math.max(0, lo - pad), hi + pad];
}
