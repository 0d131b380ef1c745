import { describe, expect, it } from 'vitest';
import { ALL_CODES, codesFor, recognise } from './registry';
import { ANTIGENS, CONCEPTS } from './concepts';
import { SYSTEM } from './systems';

describe('code registry', () => {
  it('recognises the LOINC codes named in the notes', () => {
    expect(recognise(SYSTEM.loinc, '29463-7')?.concept).toBe('weight');
    expect(recognise(SYSTEM.loinc, '8306-3')?.concept).toBe('length');
    expect(recognise(SYSTEM.loinc, '85354-9')?.concept).toBe('bp');
    expect(recognise(SYSTEM.loinc, '8480-6')?.concept).toBe('bp-systolic');
    expect(recognise(SYSTEM.loinc, '718-7')?.concept).toBe('hb');
    expect(recognise('loinc', '9843-4')?.concept).toBe('head');
    expect(recognise(SYSTEM.loinc, '0000-0')).toBeUndefined();
  });
  it('maps KFA and CVX codes to programme antigens', () => {
    expect(recognise(SYSTEM.kfa, 'VG19')?.concept).toBe('BCG');
    expect(recognise(SYSTEM.kfa, '93001283')?.concept).toBe('DPT-HB-Hib');
    expect(recognise(SYSTEM.cvx, '10')?.concept).toBe('IPV');
    expect(recognise(SYSTEM.cvx, '178')?.concept).toBe('OPV');
    expect(recognise(SYSTEM.kfa, 'VG139')?.concept).toBe('Td');
    // VG89 POLIO is ambiguous (bOPV or IPV): deliberately unmapped.
    expect(recognise(SYSTEM.kfa, 'VG89')).toBeUndefined();
  });
  it('reads an ordinal from Siklus family codes', () => {
    expect(recognise('antigen', 'MR 2')).toEqual({ concept: 'MR', ordinal: 2 });
    expect(recognise('antigen', 'DPT-HB-Hib-3')).toEqual({ concept: 'DPT-HB-Hib', ordinal: 3 });
    expect(recognise('antigen', 'HB0')).toEqual({ concept: 'HB0' });
    expect(recognise('antigen', 'T4')).toEqual({ concept: 'Td', ordinal: 4 });
    expect(recognise('service', 'K5')).toEqual({ concept: 'anc-contact', ordinal: 5 });
    expect(recognise('service', 'KF2')).toEqual({ concept: 'kf', ordinal: 2 });
    expect(recognise('service', 'KN1')).toEqual({ concept: 'kn', ordinal: 1 });
    expect(recognise('service', 'XYZ1')).toBeUndefined();
    // External systems never get ordinal parsing.
    expect(recognise(SYSTEM.cvx, '1981')).toBeUndefined();
  });
  it('matches ICD-10 by category and by exact sub-code', () => {
    expect(recognise('icd-10', 'I10')?.concept).toBe('hypertension');
    expect(recognise(SYSTEM.icd10, 'e11.9')?.concept).toBe('diabetes');
    expect(recognise(SYSTEM.icd10, 'A16.2')?.concept).toBe('tb');
    expect(recognise(SYSTEM.icd10, 'Z20.1')?.concept).toBe('tb-contact');
    expect(recognise(SYSTEM.icd10, 'Z20.5')).toBeUndefined();
    expect(recognise(SYSTEM.icd10, 'I20')).toBeUndefined();
  });
  it('maps the Kemkes 4T questionnaire to ours', () => {
    expect(recognise(SYSTEM.kemkesQuestionnaire, 'Q0002')?.concept).toBe('four-t');
    expect(recognise('questionnaire', 'srq-20')?.concept).toBe('srq20');
  });
  it('has a Siklus code for every antigen and every concept is reachable', () => {
    for (const a of ANTIGENS) expect(recognise(SYSTEM.antigen, a)?.concept).toBe(a);
    for (const c of Object.keys(CONCEPTS)) expect(codesFor(c as keyof typeof CONCEPTS).length, c).toBeGreaterThan(0);
    const keys = ALL_CODES.map((e) => `${e.system}|${e.code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('returns nothing without a system', () => {
    expect(recognise(null, '29463-7')).toBeUndefined();
  });
});
