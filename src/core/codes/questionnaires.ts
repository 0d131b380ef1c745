/**
 * Questionnaire ids. SATUSEHAT has not published the ILP screening
 * questionnaires (fhir-satusehat.md §1.6: "[open]"), so Siklus defines stable
 * ids; the one Kemkes canonical the notes give (Q0002, 4T risk in the ANC
 * playbook, ilp-domain.md §5.1) maps to ours. A screening event carries the
 * score in valueNum and the answers in value.
 */
import { SYSTEM } from './systems';
import type { CodeEntry } from './entry';
import type { Concept } from './concepts';

const q = (code: string, concept: Concept, display: string, source: string): CodeEntry =>
  ({ system: SYSTEM.questionnaire, code, concept, display, evidence: 'siklus', source });

export const QUESTIONNAIRE_CODES: CodeEntry[] = [
  q('srq-20', 'srq20', 'Self-Reporting Questionnaire 20', 'KMK Tabel 26'),
  q('sdq', 'sdq', 'Strengths and Difficulties Questionnaire', 'KMK §IV.A.3'),
  q('skilas', 'skilas', 'Skrining Lansia Sederhana', 'KMK Formulir 5'),
  q('adl-barthel', 'adl', 'ADL / AKS indeks Barthel modifikasi', 'KMK Tabel 29'),
  q('puma', 'puma', 'PUMA (PPOK)', 'KMK Tabel 19'),
  q('tb-symptoms', 'tb-symptoms', 'Skrining gejala TBC', 'KMK Formulir 1'),
  q('tb-child-score', 'tb-child-score', 'Sistem skoring TBC anak', 'KMK Tabel 11'),
  q('four-t', 'four-t', 'Skrining 4T', 'KMK Bab IV'),
  q('kpsp', 'kpsp', 'Kuesioner Pra Skrining Perkembangan', 'KMK §IV.A.2'),
  q('layak-hamil', 'layak-hamil', 'Skrining layak hamil', 'KMK Tabel 28'),
  q('smoking', 'smoking', 'Skrining perilaku merokok', 'KMK Formulir 2'),
  q('tetanus-status', 'tetanus-status', 'Skrining status imunisasi T', 'KMK §IV.A.1'),
  { system: SYSTEM.kemkesQuestionnaire, code: 'Q0002', concept: 'four-t', display: 'Kemkes Q0002 (4T)', evidence: 'secondary', source: 'ilp-domain.md §5.1 (SS-ANC)' },
];
