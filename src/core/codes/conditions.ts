/**
 * ICD-10 (WHO 2010, as SATUSEHAT uses; fhir-satusehat.md §4.3) categories the
 * engine turns into condition episodes. Matching is by 3-character category
 * (I10 and I10.9 are both hypertension) except where a sub-code is meant (Z20.1).
 */
import { SYSTEM } from './systems';
import type { CodeEntry } from './entry';
import type { Concept } from './concepts';

const S = 'fhir-satusehat.md §4.3';
// I10, E11, E14, A15, A16 are the codes the notes give; the sibling categories
// are standard WHO ICD-10 but not in the notes, hence 'unverified'.
const GIVEN = new Set(['I10', 'E11', 'E14', 'A15', 'A16', 'Z33', 'Z34']);
const c = (code: string, concept: Concept, display: string): CodeEntry =>
  ({ system: SYSTEM.icd10, code, concept, display, evidence: GIVEN.has(code) ? 'confirmed' : 'unverified', source: S });

export const CONDITION_CODES: CodeEntry[] = [
  c('I10', 'hypertension', 'Essential (primary) hypertension'),
  c('I11', 'hypertension', 'Hypertensive heart disease'),
  c('I12', 'hypertension', 'Hypertensive renal disease'),
  c('I13', 'hypertension', 'Hypertensive heart and renal disease'),
  c('I15', 'hypertension', 'Secondary hypertension'),
  c('E10', 'diabetes', 'Type 1 diabetes mellitus'),
  c('E11', 'diabetes', 'Type 2 diabetes mellitus'),
  c('E12', 'diabetes', 'Malnutrition-related diabetes mellitus'),
  c('E13', 'diabetes', 'Other specified diabetes mellitus'),
  c('E14', 'diabetes', 'Unspecified diabetes mellitus'),
  c('A15', 'tb', 'Respiratory tuberculosis, bacteriologically confirmed'),
  c('A16', 'tb', 'Respiratory tuberculosis, not confirmed'),
  c('A17', 'tb', 'Tuberculosis of nervous system'),
  c('A18', 'tb', 'Tuberculosis of other organs'),
  c('A19', 'tb', 'Miliary tuberculosis'),
  c('Z20.1', 'tb-contact', 'Contact with and exposure to tuberculosis'),
  c('Z33', 'pregnancy', 'Pregnant state, incidental'),
  c('Z34', 'pregnancy', 'Supervision of normal pregnancy'),
];
