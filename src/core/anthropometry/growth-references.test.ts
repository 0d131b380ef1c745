import { describe, expect, it } from 'vitest';
import { approximateGrowthReferences } from './approximate-references';
import { createGrowthReferences, groupGrowthRows, NO_GROWTH_REFERENCES, withFallback } from './growth-references';
import type { GrowthTableRow } from './growth-tables';
import { exactReferences } from './test-support/who-data';

describe('exact references from WHO tables', () => {
  const refs = exactReferences();

  it('gives the row itself on a table key', () => {
    expect(refs.lms('weianthro', 'M', 730)).toEqual({ l: -0.0136, m: 12.1482, s: 0.11425, approximate: false });
    expect(refs.lms('bmianthro', 'M', 731)).toEqual({ l: -0.6187, m: 16.0189, s: 0.07785, approximate: false });
    expect(refs.lms('hfawho2007', 'F', 150)).toEqual({ l: 1, m: 154.0041, s: 0.04483, approximate: false });
  });

  it('interpolates linearly between 0.1 cm rows (anthro weight-for-length)', () => {
    // girls 84.8 cm: M 11.1707, 84.9 cm: M 11.1952; 84.83 is 30% of the way.
    const at = refs.lms('wflanthro', 'F', 84.83)!;
    expect(at.m).toBeCloseTo(11.1707 + 0.3 * (11.1952 - 11.1707), 10);
    expect(at.l).toBeCloseTo(-0.3833, 10);
    expect(at.s).toBeCloseTo(0.08899, 10);
  });

  it('interpolates between whole months (anthroplus)', () => {
    // boys BMI 100 mo: L −1.5252 M 15.8344 S 0.09693; 101 mo: L −1.5399 M 15.8597 S 0.09735
    const at = refs.lms('bfawho2007', 'M', 100.25)!;
    expect(at.l).toBeCloseTo(-1.5252 + 0.25 * (-1.5399 + 1.5252), 10);
    expect(at.m).toBeCloseTo(15.8344 + 0.25 * (15.8597 - 15.8344), 10);
    expect(at.s).toBeCloseTo(0.09693 + 0.25 * (0.09735 - 0.09693), 10);
  });

  it('has nothing outside a table', () => {
    expect(refs.lms('acanthro', 'M', 90)).toBeUndefined();
    expect(refs.lms('acanthro', 'M', 91)).toBeDefined();
    expect(refs.lms('wflanthro', 'M', 44.9)).toBeUndefined();
    expect(refs.lms('wfawho2007', 'M', 121.5)).toBeUndefined();
  });

  it('reports which tables it has', () => {
    const only = exactReferences(['weianthro']);
    expect(only.availability('weianthro')).toBe('exact');
    expect(only.availability('hfawho2007')).toBe('missing');
    expect(only.lms('hfawho2007', 'M', 100)).toBeUndefined();
  });
});

describe('building references', () => {
  const row = (sex: 1 | 2, x: number): GrowthTableRow => ({ sex, x, l: 1, m: 10 + x, s: 0.1, loh: null });

  it('groups flat database rows by table', () => {
    const grouped = groupGrowthRows([{ table: 'hcanthro', ...row(1, 0) }, { table: 'hcanthro', ...row(2, 0) }, { table: 'weianthro', ...row(1, 0) }]);
    expect(Object.keys(grouped).sort()).toEqual(['hcanthro', 'weianthro']);
    expect(grouped.hcanthro).toHaveLength(2);
  });

  it('rejects a table with one sex or rows off the grid', () => {
    expect(() => createGrowthReferences({ hcanthro: [row(1, 0), row(1, 1)] })).toThrow(/both sexes/);
    expect(() => createGrowthReferences({ hcanthro: [row(1, 0), row(1, 2), row(2, 0), row(2, 1)] })).toThrow(/not 1 apart/);
  });

  it('reads rows in any order', () => {
    const refs = createGrowthReferences({ hcanthro: [row(1, 2), row(2, 0), row(1, 0), row(2, 1), row(1, 1), row(2, 2)] });
    expect(refs.lms('hcanthro', 'M', 1.5)!.m).toBeCloseTo(11.5, 12);
  });
});

describe('withFallback', () => {
  it('takes exact tables where imported and the approximate ones elsewhere', () => {
    const refs = withFallback(exactReferences(['weianthro']), approximateGrowthReferences());
    expect(refs.availability('weianthro')).toBe('exact');
    expect(refs.lms('weianthro', 'F', 100)!.approximate).toBe(false);
    expect(refs.availability('lenanthro')).toBe('approximate');
    expect(refs.lms('lenanthro', 'F', 100)!.approximate).toBe(true);
    // The fallback has no MUAC, skinfold or 5–19 year tables.
    expect(refs.availability('acanthro')).toBe('missing');
    expect(refs.availability('hfawho2007')).toBe('missing');
  });

  it('has nothing at all without tables', () => {
    expect(NO_GROWTH_REFERENCES.availability('weianthro')).toBe('missing');
    expect(withFallback(NO_GROWTH_REFERENCES, NO_GROWTH_REFERENCES).lms('weianthro', 'M', 1)).toBeUndefined();
  });
});
