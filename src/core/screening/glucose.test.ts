import { describe, expect, it } from 'vitest';
import { classifyGlucose } from './glucose';
import { band, issues } from './scored.testing';

describe('glucose', () => {
  const g = (device: 'glucometer' | 'lab', measure: 'random' | 'fasting' | 'ogtt-2h' | 'hba1c', value: number, classicSymptoms?: boolean) =>
    band(classifyGlucose({ device, measure, value, ...(classicSymptoms === undefined ? {} : { classicSymptoms }) }));
  it('classes glucometer readings (Tabel 23)', () => {
    expect(g('glucometer', 'random', 99)).toBe('normal');
    expect(g('glucometer', 'random', 100)).toBe('indeterminate');
    expect(g('glucometer', 'random', 139)).toBe('indeterminate');
    expect(g('glucometer', 'random', 140)).toBe('prediabetes');
    expect(g('glucometer', 'random', 199)).toBe('prediabetes');
    expect(g('glucometer', 'random', 200, true)).toBe('diabetes');
    expect(g('glucometer', 'random', 200, false)).toBe('diabetes-unconfirmed');
    expect(g('glucometer', 'fasting', 99)).toBe('normal');
    expect(g('glucometer', 'fasting', 100)).toBe('prediabetes');
    expect(g('glucometer', 'fasting', 125)).toBe('prediabetes');
    expect(g('glucometer', 'fasting', 126)).toBe('diabetes');
  });
  it('classes laboratory readings (Tabel 24)', () => {
    expect(g('lab', 'random', 200)).toBe('diabetes');
    expect(g('lab', 'ogtt-2h', 139)).toBe('normal');
    expect(g('lab', 'ogtt-2h', 140)).toBe('prediabetes');
    expect(g('lab', 'ogtt-2h', 200)).toBe('diabetes');
    expect(g('lab', 'hba1c', 5.6)).toBe('normal');
    expect(g('lab', 'hba1c', 5.7)).toBe('prediabetes');
    expect(g('lab', 'hba1c', 6.4)).toBe('prediabetes');
    expect(g('lab', 'hba1c', 6.5)).toBe('diabetes');
  });
  it('rejects a measure the device table does not have', () => {
    expect(issues(classifyGlucose({ device: 'glucometer', measure: 'hba1c', value: 6 }))[0]).toMatchObject({ code: 'glucose_measure_not_for_device' });
  });
});
