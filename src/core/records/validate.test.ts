import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../codes/systems';
import { message } from '../i18n/messages';
import { checkEvent } from './validate';
import type { EventInput } from './types';

const ctx = { person: { sex: 'F' as const, birthDate: '1995-03-12' }, occurredOn: '2026-03-10' };
const ev = (e: Partial<EventInput>): EventInput => ({ id: '00000000-0000-4000-8000-000000000001', kind: 'measurement', system: 'loinc', code: '29463-7', ...e });
const fields = (r: ReturnType<typeof checkEvent>) => Object.fromEntries(r.issues.map((i) => [i.field, i.code]));

describe('checkEvent', () => {
  it('normalises a weight given in grams to kg and names the canonical system', () => {
    const r = checkEvent(ev({ valueNum: 8450, unit: 'g' }), 0, ctx);
    expect(r.issues).toEqual([]);
    expect(r.event).toMatchObject({ system: SYSTEM.loinc, concept: 'weight', valueNum: 8.45, unit: 'kg', value: null });
  });

  it('converts glucose in mmol/L and haemoglobin in g/L', () => {
    expect(checkEvent(ev({ code: '41653-7', valueNum: 5.5, unit: 'mmol/L' }), 0, ctx).event).toMatchObject({ valueNum: 5.5 * 18.016, unit: 'mg/dL', value: { device: 'glucometer' } });
    expect(checkEvent(ev({ code: '718-7', valueNum: 115, unit: 'g/L' }), 0, ctx).event).toMatchObject({ valueNum: 11.5, unit: 'g/dL' });
  });

  it('refuses a unit of another quantity, an unknown code and a kind that does not fit the code', () => {
    expect(fields(checkEvent(ev({ valueNum: 8, unit: 'cm' }), 2, ctx))).toEqual({ 'events.2.unit': 'unit_unknown' });
    expect(fields(checkEvent(ev({ code: '0000-0', valueNum: 1 }), 1, ctx))).toEqual({ 'events.1.code': 'code_unknown' });
    expect(fields(checkEvent(ev({ kind: 'immunization', valueNum: 8 }), 0, ctx))).toEqual({ 'events.0.kind': 'kind_code_mismatch' });
    expect(fields(checkEvent(ev({ kind: 'measurement', system: 'antigen', code: 'BCG' }), 0, ctx))).toEqual({ 'events.0.kind': 'kind_code_mismatch' });
  });

  it('refuses impossible values with a message per field', () => {
    const r = checkEvent(ev({ valueNum: 0.2 }), 3, ctx);
    expect(fields(r)).toEqual({ 'events.3.valueNum': 'out_of_range' });
    expect(message(r.issues[0]!)).toBe('Nilai harus antara 0.5 dan 400.');
    const bp = checkEvent(ev({ code: '85354-9', value: { systolic: 80, diastolic: 120 } }), 0, ctx);
    expect(fields(bp)).toEqual({ 'events.0.value.diastolic': 'bp_diastolic_not_below_systolic' });
    expect(fields(checkEvent(ev({ code: '85354-9', value: { systolic: 120 } }), 0, ctx))).toEqual({ 'events.0.value.diastolic': 'required' });
    expect(fields(checkEvent(ev({ code: '85354-9', value: { systolic: 120, diastolic: 80, pulse: 70 } }), 0, ctx))).toEqual({ 'events.0.value.pulse': 'unknown_field' });
  });

  it('keeps 300/20 mmHg (possible, if implausible) for the plausibility warning', () => {
    const r = checkEvent(ev({ code: '85354-9', value: { systolic: 300, diastolic: 20 } }), 0, ctx);
    expect(r.issues).toEqual([]);
    expect(r.event?.value).toEqual({ systolic: 300, diastolic: 20 });
  });

  it('length and height carry the position, defaulting by code', () => {
    expect(checkEvent(ev({ code: '8306-3', valueNum: 70 }), 0, ctx).event?.value).toEqual({ position: 'l' });
    expect(checkEvent(ev({ code: '8302-2', valueNum: 150, value: { position: 'h' } }), 0, ctx).event?.value).toEqual({ position: 'h' });
    expect(fields(checkEvent(ev({ code: '8302-2', valueNum: 150, value: { position: 'x' } }), 0, ctx))).toEqual({ 'events.0.value.position': 'invalid_option' });
  });

  it('immunization: the dose number is needed for a series, read from the code, checked against it', () => {
    const base = { kind: 'immunization' as const, system: 'antigen' };
    expect(checkEvent(ev({ ...base, code: 'DPT-HB-Hib', value: { dose: 2, batch: ' 1234A ' } }), 0, ctx).event?.value).toEqual({ dose: 2, batch: '1234A' });
    expect(fields(checkEvent(ev({ ...base, code: 'DPT-HB-Hib' }), 0, ctx))).toEqual({ 'events.0.value.dose': 'required' });
    expect(checkEvent(ev({ ...base, code: 'MR 2' }), 0, ctx).event?.value).toEqual({ dose: 2 });
    expect(fields(checkEvent(ev({ ...base, code: 'MR 2', value: { dose: 1 } }), 0, ctx))).toEqual({ 'events.0.value.dose': 'dose_code_mismatch' });
    expect(checkEvent(ev({ ...base, code: 'BCG' }), 0, ctx).event?.value).toEqual({ dose: 1 });
    expect(fields(checkEvent(ev({ ...base, code: 'OPV', value: { dose: 9 } }), 0, ctx))).toEqual({ 'events.0.value.dose': 'out_of_range' });
    expect(fields(checkEvent(ev({ ...base, code: 'OPV', valueNum: 1, value: { dose: 1 } }), 0, ctx))).toEqual({ 'events.0.valueNum': 'not_expected' });
  });

  it('pregnancy registration: LMP or gestational age, not in the future, only for women', () => {
    const p = { kind: 'condition' as const, system: 'icd10', code: 'z34' };
    expect(checkEvent(ev({ ...p, value: { lmp: '2025-12-01', gravida: 2, parity: 1 } }), 0, ctx).event).toMatchObject({ code: 'Z34', concept: 'pregnancy', value: { lmp: '2025-12-01', gravida: 2, parity: 1 } });
    expect(fields(checkEvent(ev({ ...p, value: {} }), 0, ctx))).toEqual({ 'events.0.value.lmp': 'pregnancy_start_missing' });
    expect(fields(checkEvent(ev({ ...p, value: { lmp: '2026-04-01' } }), 0, ctx))).toEqual({ 'events.0.value.lmp': 'date_in_future' });
    expect(fields(checkEvent(ev({ ...p, value: { gestationalAge: { weeks: 50 } } }), 0, ctx))).toEqual({ 'events.0.value.gestationalAge.weeks': 'out_of_range' });
    expect(fields(checkEvent(ev({ ...p, value: { lmp: '2025-12-01' } }), 0, { ...ctx, person: { sex: 'M', birthDate: '1990-01-01' } }))).toEqual({ 'events.0.code': 'pregnancy_sex' });
  });

  it('delivery: place, attendant and outcome required; a live birth lists its babies', () => {
    const d = { kind: 'delivery' as const, system: 'service', code: 'delivery' };
    const ok = checkEvent(ev({ ...d, value: { place: 'facility', facilityKind: 'puskesmas', attendant: 'midwife', outcome: 'live-birth', births: [{ sex: 'F', birthWeightGrams: 3100, birthLengthCm: 49 }] } }), 0, ctx);
    expect(ok.issues).toEqual([]);
    expect(fields(checkEvent(ev({ ...d, value: { place: 'home', attendant: 'midwife', outcome: 'live-birth' } }), 0, ctx))).toEqual({ 'events.0.value.births': 'delivery_births_required' });
    expect(fields(checkEvent(ev({ ...d, value: { place: 'home', outcome: 'live-birth', births: [{ birthWeightGrams: 12 }] } }), 4, ctx))).toEqual({
      'events.4.value.attendant': 'required', 'events.4.value.births.0.sex': 'required', 'events.4.value.births.0.birthWeightGrams': 'out_of_range',
    });
    expect(fields(checkEvent(ev({ ...d, kind: 'service', value: { place: 'home', attendant: 'midwife', outcome: 'stillbirth' } }), 0, ctx))).toEqual({ 'events.0.kind': 'kind_code_mismatch' });
  });

  it('registrations, grades, visits and notes', () => {
    expect(checkEvent(ev({ kind: 'condition', system: 'service', code: 'catin-registration', value: { marriageDate: '2026-06-01' } }), 0, ctx).event?.concept).toBe('catin-registration');
    expect(fields(checkEvent(ev({ kind: 'condition', system: 'service', code: 'pus', value: { from: '2026-05-01' } }), 0, ctx))).toEqual({ 'events.0.value.from': 'date_in_future' });
    expect(checkEvent(ev({ kind: 'service', system: 'service', code: 'school-grade', valueNum: 5 }), 0, ctx).event?.valueNum).toBe(5);
    expect(fields(checkEvent(ev({ kind: 'service', system: 'service', code: 'school-grade', valueNum: 13 }), 0, ctx))).toEqual({ 'events.0.valueNum': 'out_of_range' });
    expect(fields(checkEvent(ev({ kind: 'service', system: 'service', code: 'K7', value: { provider: 'midwife' } }), 0, ctx))).toEqual({ 'events.0.code': 'visit_ordinal_range' });
    expect(fields(checkEvent(ev({ kind: 'service', system: 'service', code: 'K2', value: {} }), 0, ctx))).toEqual({ 'events.0.value.provider': 'required' });
    expect(checkEvent(ev({ kind: 'note', system: 'service', code: 'note', value: { text: ' Ibu menolak imunisasi ' } }), 0, ctx).event?.value).toEqual({ text: 'Ibu menolak imunisasi' });
    expect(fields(checkEvent(ev({ kind: 'note', system: 'service', code: 'note', value: {} }), 0, ctx))).toEqual({ 'events.0.value.text': 'required' });
  });

  it('diagnosis takes any well-formed ICD-10 code', () => {
    expect(checkEvent(ev({ kind: 'diagnosis', system: 'icd10', code: 'j06.9', value: { note: 'ISPA' } }), 0, ctx).event).toMatchObject({ code: 'J06.9', concept: null, value: { note: 'ISPA' } });
    expect(checkEvent(ev({ kind: 'diagnosis', system: 'icd10', code: 'I10' }), 0, ctx).event?.concept).toBe('hypertension');
    expect(fields(checkEvent(ev({ kind: 'diagnosis', system: 'icd10', code: 'hipertensi' }), 0, ctx))).toEqual({ 'events.0.code': 'icd10_format' });
  });

  it('T status needs the number of doses had', () => {
    const q = { kind: 'screening' as const, system: 'questionnaire', code: 'tetanus-status' };
    expect(checkEvent(ev({ ...q, valueNum: 3 }), 0, ctx).event?.valueNum).toBe(3);
    expect(fields(checkEvent(ev({ ...q }), 0, ctx))).toEqual({ 'events.0.valueNum': 'required' });
  });
});
