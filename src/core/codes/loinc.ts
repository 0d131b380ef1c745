/** LOINC codes for measurements (fhir-satusehat.md §4.1; units in UCUM). */
import { SYSTEM } from './systems';
import type { CodeEntry } from './entry';
import type { Concept } from './concepts';

const S = 'fhir-satusehat.md §4.1';
const ANC = 'ilp-domain.md §5.1 (SS-ANC)';
const l = (code: string, concept: Concept, display: string, evidence: CodeEntry['evidence'], source = S): CodeEntry =>
  ({ system: SYSTEM.loinc, code, concept, display, evidence, source });

export const LOINC = {
  weight: '29463-7',
  height: '8302-2',
  length: '8306-3',
  head: '9843-4',
  muac: '56072-2',
  waist: '8280-0',
  bmi: '39156-5',
  bpPanel: '85354-9',
  systolic: '8480-6',
  diastolic: '8462-4',
  glucoseCapillary: '41653-7',
  glucoseBlood: '2339-0',
  glucoseSerum: '2345-7',
  glucoseFasting: '1558-6',
  glucose2h: '1521-4',
  hba1c: '4548-4',
  hb: '718-7',
  lmp: '8665-2',
  edd: '11778-8',
  gravida: '11996-6',
  parity: '11977-6',
  fundal: '11881-0',
  fhr: '55283-6',
} as const;

export const LOINC_CODES: CodeEntry[] = [
  l(LOINC.weight, 'weight', 'Body weight', 'confirmed'),
  l(LOINC.height, 'height', 'Body height', 'confirmed'),
  l(LOINC.length, 'length', 'Body height --lying', 'secondary'),
  l(LOINC.head, 'head', 'Head Occipital-frontal circumference', 'confirmed'),
  l('8287-5', 'head', 'Head Occipital-frontal circumference by Tape measure', 'secondary'),
  l(LOINC.muac, 'muac', 'Circumference Mid upper arm - right', 'secondary'),
  // The notes give no waist code; 8280-0 is LOINC's waist circumference by tape.
  l(LOINC.waist, 'waist', 'Waist Circumference at umbilicus by Tape measure', 'unverified', 'Siklus choice, not in the notes'),
  l(LOINC.bmi, 'bmi', 'Body mass index', 'confirmed'),
  l(LOINC.bpPanel, 'bp', 'Blood pressure panel', 'confirmed'),
  l(LOINC.systolic, 'bp-systolic', 'Systolic blood pressure', 'confirmed'),
  l(LOINC.diastolic, 'bp-diastolic', 'Diastolic blood pressure', 'confirmed'),
  l(LOINC.glucoseCapillary, 'glucose-capillary', 'Glucose in capillary blood by glucometer', 'unverified'),
  l(LOINC.glucoseBlood, 'glucose-random', 'Glucose in blood', 'secondary'),
  l(LOINC.glucoseSerum, 'glucose-random', 'Glucose in serum or plasma', 'secondary'),
  l(LOINC.glucoseFasting, 'glucose-fasting', 'Fasting glucose in serum or plasma', 'unverified'),
  l(LOINC.glucose2h, 'glucose-2h', 'Glucose 2 h post meal', 'unverified'),
  l(LOINC.hba1c, 'hba1c', 'Hemoglobin A1c', 'secondary'),
  l(LOINC.hb, 'hb', 'Hemoglobin [Mass/volume] in Blood', 'unverified'),
  l(LOINC.lmp, 'lmp', 'Last menstrual period start date', 'secondary', ANC),
  l(LOINC.edd, 'edd', 'Delivery date estimated', 'secondary', ANC),
  l(LOINC.gravida, 'gravida', 'Gravida', 'secondary', ANC),
  l(LOINC.parity, 'parity', 'Parity', 'secondary', ANC),
  l(LOINC.fundal, 'fundal', 'Fundal height', 'secondary', ANC),
  l(LOINC.fhr, 'fhr', 'Fetal heart rate', 'secondary', ANC),
];

/** Non-LOINC codes for the same measurements that SATUSEHAT uses. */
export const OTHER_MEASUREMENT_CODES: CodeEntry[] = [
  { system: SYSTEM.snomed, code: '284473002', concept: 'muac', display: 'Mid upper arm circumference', evidence: 'secondary', source: ANC },
  { system: SYSTEM.kemkesAnc, code: 'ANC.SS.DE3', concept: 'muac', display: 'Lingkar Lengan Atas (LILA)', evidence: 'secondary', source: S },
];
