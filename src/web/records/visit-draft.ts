/**
 * What a kader has typed for one visit, as text (so nothing typed is lost on
 * an error, and "8,5" stays "8,5" until it is sent). build-events.ts turns it
 * into the API's events.
 */
import type { GlucoseDevice, GlucoseMeasure } from '../../core/protocol/cutoffs/glucose';
import type { Sex } from '../../core/people/nik';
import type { ScreeningId } from './questionnaires';

export type Position = 'l' | 'h';

export interface MeasureDraft {
  weight: string;
  lengthHeight: string;
  position: Position | '';
  head: string;
  muac: string;
}

export interface VitalsDraft {
  systolic: string;
  diastolic: string;
  glucose: string;
  glucoseDevice: GlucoseDevice;
  glucoseMeasure: GlucoseMeasure;
  /** Polyuria, polydipsia, polyphagia or unexplained weight loss (glucometer GDS needs them for "diabetes"). */
  classicSymptoms: boolean;
  hb: string;
  waist: string;
}

export interface VaccineRow {
  /** Stable key of the row (and of its event id). */
  key: string;
  antigen: string;
  dose: string;
  batch: string;
}

export interface SupplementDraft {
  vitaminA: boolean;
  vitaminAVariant: '' | 'biru' | 'merah';
  /** Tablets given (TTD). */
  ttd: string;
  deworming: boolean;
}

export type ProviderKind = 'doctor' | 'midwife' | 'nurse';
export const ANC_SLOTS = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6'] as const;
export type AncSlot = (typeof ANC_SLOTS)[number];

export interface AncDraft {
  /** '' = no ANC contact recorded in this visit. */
  slot: AncSlot | '';
  provider: ProviderKind | '';
  /** Fundal height, cm. */
  tfu: string;
  /** Fetal heart rate, beats per minute. */
  djj: string;
}

export interface PregnancyDraft {
  register: boolean;
  /** HPHT; or the gestational age in weeks when the HPHT is not known. */
  lmp: string;
  gaWeeks: string;
  gravida: string;
  parity: string;
}

export const KF_CODES = ['KF1', 'KF2', 'KF3', 'KF4'] as const;
export const KN_CODES = ['KN1', 'KN2', 'KN3'] as const;

export interface PostnatalDraft {
  /** KF1…KF4 or KN1…KN3 done in this visit (at most one of each family). */
  code: string;
  findings: string;
}

export interface BirthDraft {
  key: string;
  sex: Sex | '';
  name: string;
  weightGrams: string;
  lengthCm: string;
}

export type DeliveryPlace = 'facility' | 'home' | 'on-the-way';
export type Attendant = 'doctor' | 'midwife' | 'nurse' | 'other';
export type DeliveryOutcome = 'live-birth' | 'stillbirth' | 'abortion';

export interface DeliveryDraft {
  record: boolean;
  place: DeliveryPlace | '';
  attendant: Attendant | '';
  outcome: DeliveryOutcome | '';
  births: BirthDraft[];
}

export interface DiagnosisRow {
  key: string;
  code: string;
  note: string;
}

/** A service with an optional result (USG, vision, lab, …), keyed by its service code. */
export interface ServiceDraft {
  done: boolean;
  result: string;
}

/** Answers per questionnaire, as each questionnaire's draft (questionnaires.ts). */
export type ScreeningDrafts = Partial<Record<ScreeningId, Record<string, string>>>;

export interface VisitDraft {
  measure: MeasureDraft;
  vitals: VitalsDraft;
  vaccines: VaccineRow[];
  supplements: SupplementDraft;
  services: Record<string, ServiceDraft>;
  screenings: ScreeningDrafts;
  anc: AncDraft;
  pregnancy: PregnancyDraft;
  postnatal: PostnatalDraft;
  delivery: DeliveryDraft;
  diagnoses: DiagnosisRow[];
  note: string;
}

export function emptyDraft(): VisitDraft {
  return {
    measure: { weight: '', lengthHeight: '', position: '', head: '', muac: '' },
    vitals: { systolic: '', diastolic: '', glucose: '', glucoseDevice: 'glucometer', glucoseMeasure: 'random', classicSymptoms: false, hb: '', waist: '' },
    vaccines: [],
    supplements: { vitaminA: false, vitaminAVariant: '', ttd: '', deworming: false },
    services: {},
    screenings: {},
    anc: { slot: '', provider: '', tfu: '', djj: '' },
    pregnancy: { register: false, lmp: '', gaWeeks: '', gravida: '', parity: '' },
    postnatal: { code: '', findings: '' },
    delivery: { record: false, place: '', attendant: '', outcome: '', births: [] },
    diagnoses: [],
    note: '',
  };
}

/** The person the visit is for, as the forms need it. */
export interface VisitPerson {
  id: string;
  sex: Sex;
  birthDate: string;
  name: string;
}
