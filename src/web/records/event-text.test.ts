import { describe, expect, it } from 'vitest';
import { eventValueText } from './event-text';

const t = (key: string, p?: Record<string, string | number>) => `${key}${p ? JSON.stringify(p) : ''}`;
const num = (n: number | null | undefined) => (n === null || n === undefined ? '–' : String(n).replace('.', ','));
const label = (l: { id: string; en: string } | null | undefined) => l?.id ?? '';

describe('eventValueText', () => {
  it('says a measurement with its unit', () => {
    expect(eventValueText({ kind: 'measurement', valueNum: 8.5, value: null, unit: 'kg' }, t as never, num, label)).toBe('8,5 kg');
    expect(eventValueText({ kind: 'measurement', valueNum: null, value: { systolic: 150, diastolic: 95 }, unit: 'mm[Hg]' }, t as never, num, label)).toBe('150/95 mmHg');
  });
  it('says a screening result and a dose', () => {
    const s = eventValueText({ kind: 'screening', valueNum: 6, value: { answers: {}, result: { score: 6, label: { id: 'Abnormal', en: 'Abnormal' } } }, unit: null }, t as never, num, label);
    expect(s).toBe('fw.score{"score":"6"} · Abnormal');
    expect(eventValueText({ kind: 'immunization', valueNum: null, value: { dose: 2, batch: 'X1' }, unit: null }, t as never, num, label)).toBe('fw.doseN{"n":2} · batch X1');
  });
  it('says a delivery: outcome, place, attendant and each baby', () => {
    const v = { place: 'facility', attendant: 'midwife', outcome: 'live-birth', births: [{ sex: 'M', birthWeightGrams: 3100, birthLengthCm: 49 }, { sex: 'F' }] };
    expect(eventValueText({ kind: 'delivery', valueNum: null, value: v, unit: null }, t as never, num, label))
      .toBe('fw.outcome.live-birth · fw.deliveryPlace.facility · fw.provider.midwife · fw.baby{"n":1}: person.male, 3100 g, 49 cm · fw.baby{"n":2}: person.female');
    // A value the app does not know is left out rather than shown as a message key.
    expect(eventValueText({ kind: 'delivery', valueNum: null, value: { outcome: 'stillbirth', place: 'boat' }, unit: null }, t as never, num, label)).toBe('fw.outcome.stillbirth');
  });
});
