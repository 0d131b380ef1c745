import { describe, expect, it } from 'vitest';
import { DEFAULT_SASARAN_RATES, estimateSasaran, SASARAN_RATE_KEYS, validateSasaranRates } from './sasaran';
import { SASARAN_GROUPS } from './types';

describe('estimated sasaran', () => {
  it('a desa of 10,000 people with the default rates (worked by hand)', () => {
    // Live births 16 ‰ = 160; ibu hamil 1.1 × 160 = 176; bersalin 1.05 × 160 = 168; population ≥ 15 = 7,667.
    expect(estimateSasaran(10_000)).toEqual({
      'ibu-hamil': 176, 'ibu-bersalin': 168, 'bayi-lahir-hidup': 160, bayi: 160, baduta: 320, balita: 780,
      'usia-pendidikan-dasar': 1400, 'remaja-putri': 450, 'usia-produktif': 6670, 'usia-lanjut': 1000,
      hipertensi: 2361, // 0.308 × 7,667 = 2,361.4
      diabetes: 153, // 0.02 × 7,667 = 153.3
      'odgj-berat': 22, 'terduga-tb': 385,
      'risiko-hiv': 215, // 176 pregnant + 38.5 TB cases
      penduduk: 10_000,
    });
  });

  it('every group, whole people, zero for an empty desa', () => {
    expect(Object.keys(estimateSasaran(1234)).sort()).toEqual([...SASARAN_GROUPS].sort());
    for (const v of Object.values(estimateSasaran(1234))) expect(Number.isInteger(v)).toBe(true);
    expect(Object.values(estimateSasaran(0)).every((v) => v === 0)).toBe(true);
    expect(() => estimateSasaran(-1)).toThrow(RangeError);
    expect(() => estimateSasaran(Number.NaN)).toThrow(RangeError);
  });

  it('every rate has a source and an evidence flag; only the census share is confirmed', () => {
    for (const k of SASARAN_RATE_KEYS) {
      const r = DEFAULT_SASARAN_RATES[k];
      expect(r.source.length, k).toBeGreaterThan(5);
      expect(['confirmed', 'unverified']).toContain(r.evidence);
    }
    expect(SASARAN_RATE_KEYS.filter((k) => DEFAULT_SASARAN_RATES[k].evidence === 'confirmed')).toEqual(['share15Plus']);
  });
});

describe('district overrides', () => {
  it('merges valid numbers and marks them as the district\'s', () => {
    const { rates, issues } = validateSasaranRates({ cbr: 18, shareLansia: 0.12 });
    expect(issues).toEqual([]);
    expect(rates.cbr).toMatchObject({ value: 18, evidence: 'confirmed', source: 'Ditetapkan Dinas Kesehatan' });
    expect(rates.shareBalita).toBe(DEFAULT_SASARAN_RATES.shareBalita);
    expect(estimateSasaran(10_000, rates)['bayi-lahir-hidup']).toBe(180);
    expect(estimateSasaran(10_000, rates)['usia-lanjut']).toBe(1200);
  });

  it('reports unknown names, non-numbers and implausible values in Indonesian, keeping the defaults', () => {
    const { rates, issues } = validateSasaranRates({ cbr: 160, nope: 1, shareBalita: '0.1', prevalenceDiabetes: -0.1 });
    expect(issues).toEqual([
      { field: 'cbr', message: 'Angka kelahiran kasar (per 1.000 penduduk): 160 di luar rentang wajar 1–60.' },
      { field: 'nope', message: 'Tarif "nope" tidak dikenal.' },
      { field: 'shareBalita', message: 'Proporsi balita 0–4 th: harus berupa angka.' },
      { field: 'prevalenceDiabetes', message: 'Prevalensi DM (diagnosis dokter) ≥ 15 th: -0.1 di luar rentang wajar 0–0.5.' },
    ]);
    expect(rates).toEqual(DEFAULT_SASARAN_RATES);
    expect(validateSasaranRates([1]).issues[0]!.message).toMatch(/objek/);
    expect(validateSasaranRates(undefined)).toEqual({ rates: DEFAULT_SASARAN_RATES, issues: [] });
  });
});
