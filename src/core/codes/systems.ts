/**
 * Code-system URIs the engine recognises. External systems are the ones
 * SATUSEHAT uses (fhir-satusehat.md §1.6, §4); the Siklus systems hold the
 * programme codes no external system gives us (antigen families, ILP
 * questionnaires, services such as vitamin A or a KF visit). The Siklus base is
 * one constant so a registered canonical can replace it in one place.
 */
export const SIKLUS_CODE_BASE = 'https://siklus.id/fhir/CodeSystem/';

export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  /** KFA product (93xxxxxx) and vaccine-group (VGxx) codes share this system. */
  kfa: 'http://sys-ids.kemkes.go.id/kfa',
  /** SATUSEHAT ANC custom codes (e.g. ANC.SS.DE3 LiLA). */
  kemkesAnc: 'http://terminology.kemkes.go.id/CodeSystem/anc-custom-codes',
  /** Kemkes questionnaire canonicals: system = this base, code = "Q0002". */
  kemkesQuestionnaire: 'https://fhir.kemkes.go.id/Questionnaire',
  antigen: `${SIKLUS_CODE_BASE}program-antigen`,
  questionnaire: `${SIKLUS_CODE_BASE}questionnaire`,
  service: `${SIKLUS_CODE_BASE}service`,
} as const;

export type SystemName = keyof typeof SYSTEM;

/** Short names accepted in place of the URI (the CLI, fixtures, hand-typed imports). */
export const SYSTEM_ALIASES: Readonly<Record<string, string>> = {
  loinc: SYSTEM.loinc,
  snomed: SYSTEM.snomed,
  'icd-10': SYSTEM.icd10,
  icd10: SYSTEM.icd10,
  cvx: SYSTEM.cvx,
  kfa: SYSTEM.kfa,
  antigen: SYSTEM.antigen,
  questionnaire: SYSTEM.questionnaire,
  service: SYSTEM.service,
};

export function canonicalSystem(system: string | null | undefined): string | null {
  if (!system) return null;
  return SYSTEM_ALIASES[system] ?? system;
}
