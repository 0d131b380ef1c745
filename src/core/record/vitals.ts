/**
 * Vital signs on the person page: blood pressure with its class (KMK Tabel
 * 22 adults, Tabel 14 children), blood glucose with its class by device and
 * measure (Tabel 23/24), weights and haemoglobin — oldest first, as charts
 * read them. Classes come from core/screening; nothing is re-derived here.
 */
import type { Concept } from '../codes/concepts';
import type { Sex } from '../people/nik';
import type { GlucoseDevice, GlucoseMeasure } from '../protocol/cutoffs/glucose';
import type { Text } from '../protocol/types';
import { classifyBp } from '../screening/blood-pressure';
import { classifyGlucose } from '../screening/glucose';
import { completedYears, type IsoDate } from '../time/dates';
import { numberOf, type ReadEvent } from './events';

export interface ClassView { band: string; label: Text; followUp: Text }

export interface VitalsView {
  bp: Array<{ date: IsoDate; eventId: string; systolic: number; diastolic: number; class: ClassView | null }>;
  glucose: Array<{ date: IsoDate; eventId: string; value: number; unit: string; measure: GlucoseMeasure; device: GlucoseDevice; class: ClassView | null }>;
  weight: Array<{ date: IsoDate; eventId: string; kg: number }>;
  hb: Array<{ date: IsoDate; eventId: string; gPerDl: number }>;
}

/** Which glucose measure a concept records, and the device when the event does not say. */
const GLUCOSE: Partial<Record<Concept, { measure: GlucoseMeasure; device: GlucoseDevice }>> = {
  'glucose-capillary': { measure: 'random', device: 'glucometer' },
  'glucose-random': { measure: 'random', device: 'lab' },
  'glucose-fasting': { measure: 'fasting', device: 'lab' },
  'glucose-2h': { measure: 'ogtt-2h', device: 'lab' },
  hba1c: { measure: 'hba1c', device: 'lab' },
};

const cls = (r: { ok: true; result: { band: string; label: Text; followUp: Text } } | { ok: false }): ClassView | null =>
  r.ok ? { band: r.result.band, label: r.result.label, followUp: r.result.followUp } : null;

export function vitalsView(person: { sex: Sex; birthDate: IsoDate }, events: readonly ReadEvent[]): VitalsView {
  const out: VitalsView = { bp: [], glucose: [], weight: [], hb: [] };
  for (const r of events) {
    const date = r.e.occurredOn;
    const v = numberOf(r.e.valueNum);
    if (r.concept === 'bp') {
      const s = numberOf(r.value.systolic);
      const d = numberOf(r.value.diastolic);
      if (s === null || d === null) continue;
      out.bp.push({ date, eventId: r.e.id, systolic: s, diastolic: d, class: cls(classifyBp({ systolic: s, diastolic: d, ageYears: completedYears(person.birthDate, date), sex: person.sex })) });
    } else if (GLUCOSE[r.concept] && v !== null) {
      const g = GLUCOSE[r.concept]!;
      const device: GlucoseDevice = r.value.device === 'glucometer' || r.value.device === 'lab' ? r.value.device : g.device;
      // A glucometer reading may be fasting when the event says so; the concept decides otherwise.
      const measure: GlucoseMeasure = r.concept === 'glucose-capillary' && r.value.measure === 'fasting' ? 'fasting' : g.measure;
      const symptoms = typeof r.value.classicSymptoms === 'boolean' ? r.value.classicSymptoms : undefined;
      out.glucose.push({
        date, eventId: r.e.id, value: v, unit: measure === 'hba1c' ? '%' : 'mg/dL', measure, device,
        class: cls(classifyGlucose({ device, measure, value: v, ...(symptoms !== undefined ? { classicSymptoms: symptoms } : {}) })),
      });
    } else if (r.concept === 'weight' && v !== null) {
      out.weight.push({ date, eventId: r.e.id, kg: v });
    } else if (r.concept === 'hb' && v !== null) {
      out.hb.push({ date, eventId: r.e.id, gPerDl: v });
    }
  }
  return out;
}
