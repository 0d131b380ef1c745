import { describe, expect, it } from 'vitest';
import { approximateGrowthReferences } from '../anthropometry/approximate-references';
import { SYSTEM } from '../codes/systems';
import { dangerSigns } from './danger-signs';
import { personFactsFromEvents } from './facts';
import type { RecordEvent } from './types';

const refs = approximateGrowthReferences();
const ev = (id: string, code: string, on: string, extra: Partial<RecordEvent> = {}): RecordEvent => ({ id, codeSystem: SYSTEM.loinc, code, occurredOn: on, ...extra });

describe('danger signs', () => {
  it('a balita with two months without gain (2T) and BB/U below −3 SD', () => {
    const child = { sex: 'F' as const, birthDate: '2024-06-01' };
    const events = [ev('w1', '29463-7', '2025-12-05', { valueNum: 7.0 }), ev('w2', '29463-7', '2026-01-05', { valueNum: 7.0 }), ev('w3', '29463-7', '2026-02-05', { valueNum: 6.9 })];
    const signs = dangerSigns(personFactsFromEvents(child, events), events, '2026-02-10', refs);
    expect(signs.map((s) => s.code).sort()).toEqual(['growth_2t', 'severely_underweight']);
    expect(signs[0]).toMatchObject({ since: '2026-02-05', until: '2026-04-05', eventId: 'w3' });
    // Two months later the sign is no longer current without a new weighing.
    expect(dangerSigns(personFactsFromEvents(child, events), events, '2026-04-06', refs)).toEqual([]);
  });

  it('grade 3 blood pressure in an adult, presumptive TB from the latest screening', () => {
    const adult = { sex: 'M' as const, birthDate: '1970-01-01' };
    const events = [
      ev('b1', '85354-9', '2026-02-01', { value: { systolic: 185, diastolic: 100 } }),
      { id: 't1', codeSystem: SYSTEM.questionnaire, code: 'tb-symptoms', occurredOn: '2026-01-01', value: { result: { band: 'terduga' } } },
      { id: 't2', codeSystem: SYSTEM.questionnaire, code: 'tb-symptoms', occurredOn: '2026-02-01', value: { result: { band: 'bukan-terduga' } } },
    ];
    expect(dangerSigns(personFactsFromEvents(adult, events), events, '2026-02-02', refs).map((s) => s.code)).toEqual(['bp_grade_3']);
  });

  it('a pregnant woman with KEK, and 4T for a mother of 17', () => {
    const woman = { sex: 'F' as const, birthDate: '2008-09-01' };
    const events = [
      { id: 'r1', codeSystem: SYSTEM.icd10, code: 'Z34', occurredOn: '2026-01-10', value: { lmp: '2025-11-20' } },
      ev('m1', '56072-2', '2026-01-10', { valueNum: 21.5 }),
    ];
    const signs = dangerSigns(personFactsFromEvents(woman, events), events, '2026-02-01', refs);
    expect(signs.map((s) => [s.code, s.since])).toEqual([['pregnancy_kek', '2026-01-10'], ['pregnancy_4t', '2025-11-20']]);
  });
});
