import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import { INDICATORS, indicatorById, isMorbidityId, morbidityIndicator, morbidityIndicatorId, SPM_INDICATORS } from './catalogue';
import { indicatorRules } from './rules';
import { INDICATOR_GROUPS, SASARAN_GROUPS } from './types';

describe('indicator catalogue', () => {
  it('has unique ids and the 12 SPM services in order', () => {
    const ids = INDICATORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(SPM_INDICATORS.map((d) => d.id)).toEqual([
      'spm-01-ibu-hamil', 'spm-02-ibu-bersalin', 'spm-03-bayi-baru-lahir', 'spm-04-balita', 'spm-05-usia-pendidikan-dasar',
      'spm-06-usia-produktif', 'spm-07-usia-lanjut', 'spm-08-hipertensi', 'spm-09-diabetes', 'spm-10-odgj-berat',
      'spm-11-terduga-tb', 'spm-12-risiko-hiv',
    ]);
    // SPM target: 100 % of the target population (ilp-domain.md §6.1).
    for (const d of SPM_INDICATORS) expect([d.kind, d.target, d.sasaran !== null]).toEqual(['coverage', 100, true]);
  });

  it('includes the klaster dashboards and visit counts of the brief', () => {
    for (const id of [
      'k2-k1', 'k2-k6', 'k2-persalinan-faskes', 'k2-kf-lengkap', 'k2-kn-lengkap', 'k2-idl', 'k2-baduta-lengkap',
      'k2-skdn-s', 'k2-skdn-d', 'k2-skdn-n', 'k2-skdn-t', 'k2-skdn-ds', 'k2-skdn-nd', 'k2-gizi-kurang', 'k2-stunting', 'k2-ttd-remaja-putri',
      'k3-ptm-skrining', 'k3-hipertensi-dilayani', 'k3-diabetes-dilayani', 'k3-lansia-skilas', 'k4-tb-skrining', 'k4-tb-terduga', 'k4-tb-ik',
      'visit-puskesmas', 'visit-pustu', 'visit-posyandu', 'visit-rumah',
    ]) expect(indicatorById(id), id).toBeDefined();
  });

  it('every definition is complete and consistent with its kind', () => {
    for (const d of INDICATORS) {
      expect(INDICATOR_GROUPS).toContain(d.group);
      expect(d.source.length, d.id).toBeGreaterThan(10);
      expect(d.label.id && d.label.en && d.numerator.id && d.numerator.en, d.id).toBeTruthy();
      if (d.sasaran) expect(SASARAN_GROUPS).toContain(d.sasaran);
      if (d.kind === 'count') expect(d.denominator, d.id).toBeNull();
      if (d.kind === 'coverage') expect(d.denominator, d.id).not.toBeNull();
      if (d.kind === 'ratio') {
        expect(indicatorById(d.ratioOf!), d.id).toBeDefined();
        expect(d.denominator).not.toBeNull();
      }
      // Stunting, gizi kurang: no coverage target, no traffic light.
      if (d.better === 'lower') expect(d.target, d.id).toBeNull();
      if (d.countsOccurrences) expect(d.kind).toBe('count');
    }
  });

  it('ratios divide by the SKDN step before', () => {
    expect(indicatorById('k2-skdn-ds')?.ratioOf).toBe('k2-skdn-s');
    expect(indicatorById('k2-skdn-nd')?.ratioOf).toBe('k2-skdn-d');
  });

  it('morbidity ids by ICD-10 category', () => {
    expect(morbidityIndicatorId('i10.9')).toBe('dx:I10');
    expect(morbidityIndicatorId(' A15.0 ')).toBe('dx:A15');
    expect(isMorbidityId('dx:I10')).toBe(true);
    for (const bad of ['dx:I1', 'dx:110', 'dx:I10.9', 'I10', 'k2-k1']) expect(isMorbidityId(bad), bad).toBe(false);
    expect(indicatorById('dx:I10')).toMatchObject({ id: 'dx:I10', group: 'utama', kind: 'count', denominator: null });
    expect(morbidityIndicator('dx:J06', { id: 'ISPA', en: 'Upper respiratory infection' }).label.id).toBe('J06 ISPA');
    expect(indicatorById('dx:nope')).toBeUndefined();
    expect(() => morbidityIndicator('k2-k1')).toThrow(RangeError);
  });
});

describe('rules from the protocol', () => {
  const r = indicatorRules(DEFAULT_SETTINGS);
  it('ANC 1-2-3 by trimester and the doctor contacts at K1 and K5 (KMK §IV.A.1.a)', () => {
    expect(r.ancSlots.map((g) => [g.fromDay, g.toDay, g.count])).toEqual([[0, 84, 1], [85, 168, 2], [169, undefined, 3]]);
    expect(r.doctorUsg.map((w) => [w.fromDay, w.toDay])).toEqual([[0, 84], [169, undefined]]);
  });
  it('KF1–KF4 and KN1–KN3 windows in days', () => {
    expect(r.kf.map((w) => [w.fromDay, w.toDay])).toEqual([[0, 2], [3, 7], [8, 28], [29, 42]]);
    expect(r.kn.map((w) => [w.fromDay, w.toDay])).toEqual([[0, 2], [3, 7], [8, 28]]);
  });
  it('follows window overrides and is built once per settings object', () => {
    const s = { ...DEFAULT_SETTINGS, windowOverrides: { 'pnc.kf4': { fromDay: 29, toDay: 60 } } };
    expect(indicatorRules(s).kf.at(-1)).toMatchObject({ fromDay: 29, toDay: 60 });
    expect(indicatorRules(DEFAULT_SETTINGS)).toBe(r);
  });
  it('doses the IDL and baduta lists ask for', () => {
    expect(Object.fromEntries(r.idlDoses)).toEqual({ HB0: 1, BCG: 1, OPV: 4, 'DPT-HB-Hib': 3, IPV: 1, MR: 1 });
    expect(Object.fromEntries(r.badutaDoses)).toEqual({ PCV: 3, 'DPT-HB-Hib': 4, MR: 2 });
  });
});
