/**
 * Vaccines. The Siklus programme-antigen system has one code per Kemenkes
 * antigen family (KMK Tabel 7, 8, 17 names); the dose travels as the event's
 * dose number, or as a trailing ordinal in the code ("MR 2", "DPT-HB-Hib-3").
 * KFA vaccine-group, KFA product and CVX codes map to a family only where the
 * notes give them (fhir-satusehat.md §4.4) and the mapping is unambiguous:
 * KFA VG89 POLIO covers both bOPV and IPV and VG107 DTAP / VG17 HIB do not say
 * "pentavalent", so those groups are left unmapped and the product code decides.
 */
import { ANTIGENS, CONCEPTS, type Antigen } from './concepts';
import type { CodeEntry } from './entry';
import { SYSTEM } from './systems';

const V = 'fhir-satusehat.md §4.4';

const siklus: CodeEntry[] = ANTIGENS.map((a) => ({
  system: SYSTEM.antigen, code: a, concept: a, display: CONCEPTS[a].label.id, evidence: 'siklus' as const, source: 'KMK Tabel 7, 8, 17',
}));

const ext = (system: string, code: string, concept: Antigen, display: string): CodeEntry =>
  ({ system, code, concept, display, evidence: 'secondary', source: V });

export const VACCINE_CODES: CodeEntry[] = [
  ...siklus,
  // TT is the older name of the tetanus toxoid given to WUS; it counts toward T status like Td.
  { system: SYSTEM.antigen, code: 'TT', concept: 'Td', display: 'TT (tetanus toksoid)', evidence: 'siklus', source: 'reference-data.md §2' },
  // Tetanus status is recorded as T1–T5 (SS-ANC Immunization dose T1–T5).
  { system: SYSTEM.antigen, code: 'T', concept: 'Td', display: 'Status T (T1–T5)', evidence: 'siklus', source: 'ilp-domain.md §5.1 (SS-ANC)' },
  ext(SYSTEM.kfa, 'VG19', 'BCG', 'KFA vaccine group BCG'),
  ext(SYSTEM.kfa, 'VG45', 'HB0', 'KFA vaccine group HepB (monovalent: the birth dose)'),
  ext(SYSTEM.kfa, 'VG03', 'MR', 'KFA vaccine group MMR/MR'),
  { system: SYSTEM.kfa, code: 'VG139', concept: 'Td', display: 'KFA vaccine group Td', evidence: 'secondary', source: 'ilp-domain.md §5.1 (SS-ANC)' },
  ext(SYSTEM.kfa, '93005208', 'BCG', 'BCG Bio Farma 20 dose'),
  ext(SYSTEM.kfa, '93001282', 'DPT-HB-Hib', 'Pentabio 1 dose'),
  ext(SYSTEM.kfa, '93001283', 'DPT-HB-Hib', 'Pentabio 5 dose'),
  ext(SYSTEM.kfa, '93001284', 'DPT-HB-Hib', 'Pentabio 10 dose'),
  ext(SYSTEM.kfa, '93005477', 'HB0', 'HepB recombinant Bio Farma'),
  ext(SYSTEM.kfa, '93004972', 'OPV', 'bOPV Bio Farma 10 dose'),
  ext(SYSTEM.kfa, '93004968', 'OPV', 'bOPV Bio Farma 20 dose'),
  ext(SYSTEM.kfa, '93004736', 'IPV', 'IPV'),
  ext(SYSTEM.kfa, '93004947', 'IPV', 'IPV'),
  ext(SYSTEM.kfa, '93005779', 'MR', 'MR Bio Farma'),
  ext(SYSTEM.kfa, '93005781', 'MR', 'MR Bio Farma'),
  ext(SYSTEM.kfa, '93005780', 'MR', 'MR Bio Farma'),
  ext(SYSTEM.cvx, '19', 'BCG', 'BCG'),
  ext(SYSTEM.cvx, '198', 'DPT-HB-Hib', 'DTP-hepB-Hib pentavalent'),
  ext(SYSTEM.cvx, '43', 'HB0', 'Hep B, adult/unspecified (monovalent)'),
  ext(SYSTEM.cvx, '178', 'OPV', 'bOPV'),
  ext(SYSTEM.cvx, '10', 'IPV', 'IPV'),
  ext(SYSTEM.cvx, '4', 'MR', 'M/R'),
  ext(SYSTEM.cvx, '04', 'MR', 'M/R'),
];
