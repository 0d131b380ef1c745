import { describe, expect, it } from 'vitest';
import { buildEvents, defaultPosition, fieldForServerPath, type BuildContext } from './build-events';
import { SlotIds } from './ids';
import { emptyDraft, type VisitDraft } from './visit-draft';
import { LOINC } from '../../core/codes/loinc';
import { HARD_LIMITS } from '../../core/records/limits';

const baby = { id: 'p1', sex: 'F' as const, birthDate: '2025-01-10', name: 'Siti' };
const ctx = (over: Partial<BuildContext> = {}): BuildContext => ({
  person: baby,
  on: '2025-06-10',
  ids: new SlotIds(),
  screening: { sex: 'F', ageYears: 0, on: '2025-06-10' },
  ...over,
});
const draft = (f: (d: VisitDraft) => void): VisitDraft => {
  const d = emptyDraft();
  f(d);
  return d;
};

describe('buildEvents', () => {
  it('asks for something to record', () => {
    expect(buildEvents(emptyDraft(), ctx()).errors).toEqual({ _: { code: 'nothing' } });
  });

  it('makes weight and length with a decimal comma, lying for a baby', () => {
    const b = buildEvents(draft((d) => Object.assign(d.measure, { weight: '6,4', lengthHeight: '62.5' })), ctx());
    expect(b.errors).toEqual({});
    expect(b.events.map((e) => e.event)).toEqual([
      expect.objectContaining({ kind: 'measurement', system: 'loinc', code: LOINC.weight, valueNum: 6.4, unit: 'kg' }),
      expect.objectContaining({ code: LOINC.length, valueNum: 62.5, unit: 'cm', value: { position: 'l' } }),
    ]);
  });

  it('uses standing height when the form says so, whatever the age', () => {
    const b = buildEvents(draft((d) => Object.assign(d.measure, { lengthHeight: '80', position: 'h' })), ctx());
    expect(b.events[0]!.event).toMatchObject({ code: LOINC.height, value: { position: 'h' } });
  });

  it('keeps the same ids when the same draft is built again (retry)', () => {
    const c = ctx();
    const d = draft((x) => Object.assign(x.measure, { weight: '6,4' }));
    expect(buildEvents(d, c).events[0]!.event.id).toBe(buildEvents(d, c).events[0]!.event.id);
  });

  it('refuses text, and values outside core\'s hard limits, with the field named', () => {
    const b = buildEvents(draft((d) => Object.assign(d.measure, { weight: 'enam', muac: '1000' })), ctx());
    expect(b.errors['measure.weight']).toEqual({ code: 'number' });
    expect(b.errors['measure.muac']).toMatchObject({ code: 'out_of_range', params: { min: HARD_LIMITS.muacCm[0], max: HARD_LIMITS.muacCm[1] } });
  });

  it('raises core\'s plausibility warnings before sending', () => {
    const adult = { id: 'p2', sex: 'M' as const, birthDate: '1970-01-01', name: 'Budi' };
    const bp = buildEvents(draft((d) => Object.assign(d.vitals, { systolic: '290', diastolic: '40' })), ctx({ person: adult }));
    expect(bp.errors).toEqual({});
    expect(bp.warnings.map((w) => [w.code, w.field])).toContainEqual(['bp_implausible', 'vitals.systolic']);
    const history = [{ id: 'h1', codeSystem: 'http://loinc.org', code: LOINC.weight, occurredOn: '2025-05-10', valueNum: 6.2 }];
    const halved = buildEvents(draft((d) => (d.measure.weight = '3,1')), ctx({ history }));
    expect(halved.warnings.map((w) => [w.code, w.field])).toContainEqual(['weight_change_implausible', 'measure.weight']);
  });

  it('needs both blood pressures, diastolic below systolic', () => {
    expect(buildEvents(draft((d) => (d.vitals.systolic = '120')), ctx()).errors['vitals.diastolic']).toEqual({ code: 'pair' });
    expect(buildEvents(draft((d) => Object.assign(d.vitals, { systolic: '80', diastolic: '90' })), ctx()).errors['vitals.diastolic'])
      .toEqual({ code: 'bp_diastolic_not_below_systolic' });
    const ok = buildEvents(draft((d) => Object.assign(d.vitals, { systolic: '150', diastolic: '95' })), ctx());
    expect(ok.events[0]!.event).toMatchObject({ code: LOINC.bpPanel, value: { systolic: 150, diastolic: 95 } });
  });

  it('codes glucose by device and measure', () => {
    const glucometer = buildEvents(draft((d) => (d.vitals.glucose = '210')), ctx());
    expect(glucometer.events[0]!.event).toMatchObject({ code: LOINC.glucoseCapillary, unit: 'mg/dL', value: { device: 'glucometer' } });
    const hba1c = buildEvents(draft((d) => Object.assign(d.vitals, { glucose: '6,8', glucoseDevice: 'lab', glucoseMeasure: 'hba1c' })), ctx());
    expect(hba1c.events[0]!.event).toMatchObject({ code: LOINC.hba1c, unit: '%', valueNum: 6.8 });
    const wrong = buildEvents(draft((d) => Object.assign(d.vitals, { glucose: '6,8', glucoseMeasure: 'hba1c' })), ctx());
    expect(wrong.errors['vitals.glucoseMeasure']?.code).toBe('glucose_measure_not_for_device');
  });

  it('records a vaccine with dose and batch, and needs the dose', () => {
    const b = buildEvents(draft((d) => d.vaccines.push({ key: 'a', antigen: 'DPT-HB-Hib', dose: '2', batch: ' 2231A ' })), ctx());
    expect(b.events[0]!.event).toMatchObject({ kind: 'immunization', system: 'antigen', code: 'DPT-HB-Hib', value: { dose: 2, batch: '2231A' } });
    const noDose = buildEvents(draft((d) => d.vaccines.push({ key: 'a', antigen: 'MR', dose: '', batch: '' })), ctx());
    expect(noDose.errors['vaccines.a.dose']).toEqual({ code: 'required' });
  });

  it('scores nothing itself but sends complete questionnaires, and names missing answers', () => {
    const answers: Record<string, string> = {};
    for (let i = 1; i <= 20; i++) answers[`q${i}`] = i <= 6 ? 'y' : 'n';
    const adult = ctx({ screening: { sex: 'F', ageYears: 30, on: '2025-06-10' } });
    const b = buildEvents(draft((d) => (d.screenings['srq-20'] = answers)), adult);
    expect(b.events[0]!.event).toMatchObject({ kind: 'screening', system: 'questionnaire', code: 'srq-20' });
    expect((b.events[0]!.event.value as { answers: { answers: boolean[] } }).answers.answers.filter(Boolean)).toHaveLength(6);
    const partial = buildEvents(draft((d) => (d.screenings['srq-20'] = { q1: 'y' })), adult);
    expect(partial.errors['screenings.srq-20.q2']).toEqual({ code: 'required' });
    expect(partial.errors['screenings.srq-20']?.code).toBe('answer_count');
  });

  it('registers a pregnancy by HPHT or by weeks, never in the future', () => {
    const lmp = buildEvents(draft((d) => Object.assign(d.pregnancy, { register: true, lmp: '2025-03-01', gravida: '2' })), ctx());
    expect(lmp.events[0]!.event).toMatchObject({ kind: 'condition', system: 'icd10', code: 'Z34', value: { lmp: '2025-03-01', gravida: 2 } });
    const weeks = buildEvents(draft((d) => Object.assign(d.pregnancy, { register: true, gaWeeks: '20' })), ctx());
    expect(weeks.events[0]!.event.value).toEqual({ gestationalAge: { weeks: 20 } });
    expect(buildEvents(draft((d) => Object.assign(d.pregnancy, { register: true })), ctx()).errors['pregnancy.lmp']?.code).toBe('pregnancy_start_missing');
    expect(buildEvents(draft((d) => Object.assign(d.pregnancy, { register: true, lmp: '2025-07-01' })), ctx()).errors['pregnancy.lmp'])
      .toEqual({ code: 'date_in_future' });
  });

  it('records an ANC contact only with its provider', () => {
    expect(buildEvents(draft((d) => (d.anc.slot = 'K4')), ctx()).errors['anc.provider']).toEqual({ code: 'required' });
    const b = buildEvents(draft((d) => Object.assign(d.anc, { slot: 'K4', provider: 'midwife', tfu: '28', djj: '140' })), ctx());
    expect(b.events[0]!.event).toMatchObject({ kind: 'service', code: 'K4', value: { provider: 'midwife', tfu: 28, djj: 140 } });
  });

  it('needs a baby for a live birth', () => {
    const d = draft((x) => Object.assign(x.delivery, { record: true, place: 'facility', attendant: 'midwife', outcome: 'live-birth' }));
    expect(buildEvents(d, ctx()).errors['delivery.births']?.code).toBe('delivery_births_required');
    d.delivery.births.push({ key: 'b1', sex: 'M', name: '', weightGrams: '3200', lengthCm: '49,5' });
    const b = buildEvents(d, ctx());
    expect(b.errors).toEqual({});
    expect(b.events[0]!.event.value).toEqual({ place: 'facility', attendant: 'midwife', outcome: 'live-birth', births: [{ sex: 'M', birthWeightGrams: 3200, birthLengthCm: 49.5 }] });
  });

  it('checks the ICD-10 shape of a diagnosis', () => {
    expect(buildEvents(draft((d) => d.diagnoses.push({ key: 'x', code: 'hipertensi', note: '' })), ctx()).errors['diagnoses.x.code']?.code)
      .toBe('icd10_format');
    const b = buildEvents(draft((d) => d.diagnoses.push({ key: 'x', code: 'i10', note: 'kontrol' })), ctx());
    expect(b.events[0]!.event).toMatchObject({ kind: 'diagnosis', system: 'icd10', code: 'I10', value: { note: 'kontrol' } });
  });
});

describe('fieldForServerPath', () => {
  it('maps server paths to the fields that made the events', () => {
    const b = buildEvents(draft((d) => {
      d.measure.weight = '7';
      Object.assign(d.vitals, { systolic: '120', diastolic: '80' });
    }), ctx());
    expect(fieldForServerPath('events.0.valueNum', b.events)).toBe('measure.weight');
    expect(fieldForServerPath('events.1.value.diastolic', b.events)).toBe('vitals.diastolic');
    expect(fieldForServerPath('events.1.value', b.events)).toBe('vitals.systolic');
    expect(fieldForServerPath('occurredOn', b.events)).toBe('occurredOn');
    expect(fieldForServerPath('events.9.code', b.events)).toBe('_');
  });
});

describe('defaultPosition', () => {
  it('is lying before day 731 and standing after', () => {
    expect(defaultPosition('2024-01-01', '2025-12-30')).toBe('l');
    expect(defaultPosition('2023-01-01', '2025-06-01')).toBe('h');
  });
});
