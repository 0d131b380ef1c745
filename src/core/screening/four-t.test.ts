import { describe, expect, it } from 'vitest';
import { fourTForPregnancy, scoreFourT, type FourTInput } from './four-t';
import { band } from './scored.testing';

describe('4T', () => {
  const base: FourTInput = { ageYears: 25, previousBirths: 1, monthsSincePreviousDelivery: 36 };
  it('flags each T at its edge', () => {
    const flags = (i: Partial<FourTInput>) => {
      const r = scoreFourT({ ...base, ...i });
      return r.ok ? r.result.details?.flags : undefined;
    };
    expect(flags({})).toEqual([]);
    expect(flags({ ageYears: 19 })).toEqual(['too-young']);
    expect(flags({ ageYears: 20 })).toEqual([]);
    expect(flags({ ageYears: 35 })).toEqual([]);
    expect(flags({ ageYears: 36 })).toEqual(['too-old']);
    expect(flags({ monthsSincePreviousDelivery: 23 })).toEqual(['too-close']);
    expect(flags({ monthsSincePreviousDelivery: 24 })).toEqual([]);
    expect(flags({ monthsSincePreviousDelivery: null })).toEqual([]);
    expect(flags({ previousBirths: 3 })).toEqual([]);
    expect(flags({ previousBirths: 4 })).toEqual(['too-many']);
    expect(band(scoreFourT({ ...base, previousBirths: 4 }))).toBe('risk');
  });
  it('reads a pregnancy episode and earlier deliveries', () => {
    const mother = {
      sex: 'F' as const, birthDate: '2006-05-01',
      pregnancies: [
        { id: 'p1', hpht: '2023-01-01', deliveredOn: '2023-10-01', outcome: 'live-birth' as const },
        { id: 'p2', hpht: '2025-09-01' },
      ],
    };
    const r = fourTForPregnancy(mother, mother.pregnancies[1]!);
    // 19 years at HPHT; 23 months since the previous delivery; one earlier birth
    expect(r.ok && r.result.details?.flags).toEqual(['too-young', 'too-close']);
    const later = { ...mother.pregnancies[1]!, hpht: '2026-05-01' };
    const r2 = fourTForPregnancy({ ...mother, pregnancies: [mother.pregnancies[0]!, later] }, later);
    expect(r2.ok && r2.result.details?.flags).toEqual([]);
  });
});
