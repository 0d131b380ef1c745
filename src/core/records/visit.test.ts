import { describe, expect, it } from 'vitest';
import { approximateGrowthReferences } from '../anthropometry/approximate-references';
import { checkVisit } from './visit';
import type { EventInput, RecordEvent } from './types';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const refs = approximateGrowthReferences();
const child = { sex: 'M' as const, birthDate: '2025-03-01' };
const adult = { sex: 'F' as const, birthDate: '1980-01-01' };
const w = (n: number, kg: number): EventInput => ({ id: id(n), kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: kg });

describe('checkVisit', () => {
  it('scores a questionnaire and stores the result with the score in valueNum', () => {
    const answers = Array.from({ length: 20 }, (_, i) => i < 7);
    const r = checkVisit({ person: adult, occurredOn: '2026-03-10', events: [{ id: id(1), kind: 'screening', system: 'questionnaire', code: 'srq-20', value: { answers: { answers } } }], history: [], refs });
    expect(r.issues).toEqual([]);
    expect(r.events[0]!.valueNum).toBe(7);
    expect(r.events[0]!.value).toMatchObject({ answers: { answers }, result: { score: 7, band: 'abnormal', label: { id: expect.any(String) } } });
  });

  it('reports scorer issues under the answers of the right event', () => {
    const r = checkVisit({ person: adult, occurredOn: '2026-03-10', events: [w(1, 60), { id: id(2), kind: 'screening', system: 'questionnaire', code: 'srq-20', value: { answers: { answers: [true] } } }], history: [], refs });
    expect(r.issues).toEqual([{ code: 'answer_count', field: 'events.1.value.answers.answers', params: { expected: 20 } }]);
    expect(r.events).toEqual([]);
  });

  it('warns on WHO flags: a 12-month-old boy of 30 kg', () => {
    const r = checkVisit({ person: child, occurredOn: '2026-03-01', events: [w(1, 30)], history: [], refs });
    expect(r.issues).toEqual([]);
    expect(r.warnings).toEqual([{ code: 'anthro_implausible', field: 'events.0.valueNum', params: { index: 'BB/U', z: expect.any(Number) } }]);
  });

  it('warns on 300/20 mmHg and on half the weight of three weeks ago', () => {
    const history: RecordEvent[] = [{ id: id(9), codeSystem: 'http://loinc.org', code: '29463-7', occurredOn: '2026-02-17', valueNum: 62 }];
    const r = checkVisit({ person: adult, occurredOn: '2026-03-10', events: [w(1, 31), { id: id(2), kind: 'measurement', system: 'loinc', code: '85354-9', value: { systolic: 300, diastolic: 20 } }], history, refs });
    expect(r.warnings.map((x) => [x.code, x.field])).toEqual([
      ['weight_change_implausible', 'events.0.valueNum'],
      ['bp_implausible', 'events.1.value.systolic'],
    ]);
    // A correction of that weighing is compared with nothing (the old one is replaced).
    const corrected = checkVisit({ person: adult, occurredOn: '2026-03-10', events: [{ ...w(1, 31), supersedesId: id(9) }], history, refs });
    expect(corrected.warnings.filter((x) => x.code === 'weight_change_implausible')).toEqual([]);
  });

  it('warns on an adult height of 95 cm but not on one of 160 cm', () => {
    const h = (cm: number): EventInput => ({ id: id(3), kind: 'measurement', system: 'loinc', code: '8302-2', valueNum: cm });
    expect(checkVisit({ person: adult, occurredOn: '2026-03-10', events: [h(95)], history: [], refs }).warnings.map((x) => x.code)).toEqual(['value_implausible']);
    expect(checkVisit({ person: adult, occurredOn: '2026-03-10', events: [h(160)], history: [], refs }).warnings).toEqual([]);
  });

  it('checks corrections: same person, only once, never twice in one batch', () => {
    const history: RecordEvent[] = [
      { id: id(9), codeSystem: 'http://loinc.org', code: '29463-7', occurredOn: '2026-02-17', valueNum: 62 },
      { id: id(8), codeSystem: 'http://loinc.org', code: '29463-7', occurredOn: '2026-02-18', valueNum: 61, supersedesId: id(7) },
      { id: id(7), codeSystem: 'http://loinc.org', code: '29463-7', occurredOn: '2026-02-18', valueNum: 16 },
    ];
    const r = checkVisit({ person: adult, occurredOn: '2026-03-10', events: [{ ...w(1, 60), supersedesId: id(5) }, { ...w(2, 60), supersedesId: id(7) }, { ...w(3, 60), supersedesId: id(9) }, { ...w(4, 60), supersedesId: id(9) }], history, refs });
    expect(r.issues).toEqual([
      { code: 'supersede_unknown', field: 'events.0.supersedesId' },
      { code: 'supersede_twice', field: 'events.1.supersedesId' },
      { code: 'supersede_twice', field: 'events.3.supersedesId' },
    ]);
  });

  it('refuses the same event id twice in one visit', () => {
    const r = checkVisit({ person: adult, occurredOn: '2026-03-10', events: [w(1, 60), w(1, 61)], history: [], refs });
    expect(r.issues).toEqual([{ code: 'duplicate_id', field: 'events.1.id' }]);
  });
});
