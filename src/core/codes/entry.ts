import type { Concept } from './concepts';

/** How sure the reference notes are of a code (fhir-satusehat.md tags). */
export type Evidence = 'confirmed' | 'secondary' | 'unverified' | 'siklus';

/** One recognised code: an external code mapped to a concept, or a Siklus code. */
export interface CodeEntry {
  system: string;
  code: string;
  concept: Concept;
  display: string;
  evidence: Evidence;
  /** Where the notes give the code, e.g. "fhir-satusehat.md §4.1". */
  source: string;
  /** Dose or visit ordinal the code itself carries (K1, T3, "MR 2"). */
  ordinal?: number;
}
