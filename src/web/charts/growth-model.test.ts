import { describe, expect, it } from 'vitest';
import { approximateGrowthReferences } from '../../core/anthropometry';
import { PERMENKES_BANDS } from '../../core/anthropometry/permenkes';
import { readEvents } from '../../core/record/events';
import { growthView } from '../../core/record/growth';
import { bandsOf, growthSeries, xExtent, yExtent } from './growth-model';

/** A girl born 2024-01-10, weighed monthly, measured lying twice; the third month she lost weight. */
function view() {
  const ev = (id: string, date: string, code: string, v: number) => ({ id, codeSystem: 'http://loinc.org', code, occurredOn: date, valueNum: v, value: null });
  const events = [
    ev('w1', '2024-02-12', '29463-7', 4.3),
    ev('l1', '2024-02-12', '8306-3', 54.5),
    ev('w2', '2024-03-11', '29463-7', 5.4),
    ev('w3', '2024-04-10', '29463-7', 5.3),
    ev('w4', '2024-05-13', '29463-7', 6.2),
    ev('l4', '2024-05-13', '8306-3', 61.5),
  ];
  return growthView({ sex: 'F', birthDate: '2024-01-10' }, readEvents(events), '2024-05-20', approximateGrowthReferences());
}

describe('growth chart model', () => {
  it('turns every Permenkes category into a band bounded by SD lines, open at the chart edges', () => {
    for (const index of ['bbu', 'pbu', 'bbpb'] as const) {
      const bands = bandsOf(index);
      expect(bands.map((b) => b.code)).toEqual(PERMENKES_BANDS[index].map((b) => b.code));
      expect(bands[0]!.lower).toBeNull();
      expect(bands[bands.length - 1]!.upper).toBeNull();
      // Adjacent bands meet on the same SD line: nothing is left uncoloured.
      for (let i = 1; i < bands.length; i++) expect(bands[i]!.lower).toBe(bands[i - 1]!.upper);
    }
    expect(bandsOf('bbu').find((b) => b.code === 'normal_weight')).toMatchObject({ lower: '-2', upper: '1', tone: 'good', label: { id: 'Berat badan normal' } });
  });

  it('draws weight-for-age by month with the N/T judgements of the weighings', () => {
    const s = growthSeries(view(), 'wfa')!;
    expect(s.xKind).toBe('months');
    expect(s.points.map((p) => p.y)).toEqual([4.3, 5.4, 5.3, 6.2]);
    expect(s.points.map((p) => p.outcome)).toEqual(['B', 'N', 'T', 'N']);
    expect(s.points[0]!.x).toBeCloseTo(33 / 30.4375, 5);
    expect(s.points.every((p) => p.category !== null)).toBe(true);
    // The curves run past the child's age (a margin of KMS columns) and the −3…+3 lines are ordered.
    expect(s.curve[s.curve.length - 1]!.x).toBeGreaterThan(s.points[3]!.x);
    for (const c of s.curve) expect(c.sd['-3']).toBeLessThan(c.sd['3']);
    const [x0, x1] = xExtent(s);
    expect(x0).toBe(0);
    expect(x1).toBeGreaterThanOrEqual(5);
    const [y0, y1] = yExtent(s);
    expect(y0).toBeLessThan(Math.min(...s.curve.map((c) => c.sd['-3'])));
    expect(y1).toBeGreaterThan(6.2);
  });

  it('draws length-for-age and weight-for-length from the days a length was measured', () => {
    const v = view();
    const l = growthSeries(v, 'lhfa')!;
    expect(l.yUnit).toBe('cm');
    expect(l.points.map((p) => p.y)).toEqual([54.5, 61.5]);
    const w = growthSeries(v, 'wfl')!;
    expect(w.xKind).toBe('cm');
    expect(w.position).toBe('l');
    expect(w.points.map((p) => [p.x, p.y])).toEqual([[54.5, 4.3], [61.5, 6.2]]);
    expect(w.bands.map((b) => b.code)).toContain('severely_wasted');
    expect(w.points[0]!.outcome).toBeNull();
  });
});
