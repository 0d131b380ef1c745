/**
 * Siklus service codes: things done to a person that no measurement, vaccine
 * or questionnaire code names (an ANC contact, a KF visit, vitamin A, a lab
 * test whose LOINC the notes do not give). Visit codes accept an ordinal
 * ("K1", "KF2", "KN3"); the engine assigns visits to slots by their date.
 */
import { SYSTEM } from './systems';
import type { CodeEntry } from './entry';
import type { Concept } from './concepts';

const s = (code: string, concept: Concept, display: string, source: string): CodeEntry =>
  ({ system: SYSTEM.service, code, concept, display, evidence: 'siklus', source });

export const SERVICE_CODES: CodeEntry[] = [
  s('anc', 'anc-contact', 'Kunjungan antenatal (K1–K6)', 'KMK §IV.A.1.a'),
  s('K', 'anc-contact', 'Kunjungan antenatal Kn', 'KMK §IV.A.1.a'),
  s('usg', 'usg', 'USG obstetri', 'KMK §IV.A.1.a'),
  s('dental', 'dental-check', 'Pemeriksaan gigi dan mulut', 'KMK §IV.A.1.a'),
  s('lab-blood-group', 'lab-blood-group', 'Golongan darah', 'KMK Gambar 13'),
  s('lab-urine-protein', 'lab-urine-protein', 'Protein urine', 'KMK Gambar 13'),
  s('lab-hiv', 'lab-hiv', 'Tes HIV', 'KMK Gambar 13'),
  s('lab-syphilis', 'lab-syphilis', 'Tes sifilis', 'KMK Gambar 13'),
  s('lab-hbsag', 'lab-hbsag', 'Tes HBsAg', 'KMK Gambar 13'),
  s('lab-lipid', 'lab-cholesterol', 'Profil lipid', 'KMK Tabel 19'),
  s('malaria-test', 'malaria-test', 'Tes malaria', 'KMK §IV.A.1.a'),
  s('delivery', 'delivery', 'Persalinan', 'KMK §IV.A.1'),
  s('KF', 'kf', 'Kunjungan nifas', 'KMK §IV.A.1.e'),
  s('KN', 'kn', 'Kunjungan neonatal', 'KMK §IV.A.2'),
  s('shk', 'shk-sample', 'Sampel SHK', 'KMK §IV.A.2'),
  s('vitamin-a', 'vitamin-a', 'Kapsul vitamin A', 'KMK §IV.A.2.g'),
  s('deworming', 'deworming', 'Obat cacing', 'KMK §IV.A.2.g'),
  s('ttd', 'ttd', 'Tablet tambah darah', 'KMK §IV.A.3'),
  s('pkat', 'pkat', 'Pemeriksaan Kesehatan Anak Terintegrasi', 'KMK §IV.A.2'),
  s('school-screening', 'school-screening', 'Penjaringan / pemeriksaan berkala', 'KMK §IV.A.3 (UKS/M)'),
  s('catin', 'catin-check', 'Pelayanan kesehatan catin', 'KMK Tabel 28'),
  s('tb-contact-investigation', 'tb-contact-investigation', 'Investigasi kontak (TBC.16K)', 'KMK Formulir 1'),
  s('tpt-evaluation', 'tpt-evaluation', 'Evaluasi TPT kontak', 'KMK §IV.A.2'),
  s('iva', 'iva', 'IVA', 'KMK Tabel 19'),
  s('hpv-dna', 'iva', 'Tes HPV-DNA', 'KMK Tabel 19'),
  s('sadanis', 'sadanis', 'SADANIS', 'KMK Tabel 19'),
  s('colorectal', 'colorectal-screening', 'Colok dubur + darah samar feses', 'KMK Tabel 19'),
  s('ecg', 'ecg', 'EKG', 'KMK Tabel 19'),
  s('vision', 'vision-screening', 'Tajam penglihatan', 'KMK Tabel 19'),
  s('hearing', 'hearing-screening', 'Tes bisik / garpu tala', 'KMK §IV.A.3'),
  s('cataract', 'cataract-screening', 'Skrining katarak', 'KMK Tabel 19'),
  // Registrations and records that are facts rather than services (core/records reads them).
  s('pus', 'pus', 'Pendaftaran pasangan usia subur', 'KMK §V.C.2'),
  s('catin-registration', 'catin-registration', 'Pendaftaran calon pengantin', 'KMK §V.C.2'),
  s('school-grade', 'school-grade', 'Kelas sekolah yang dicatat', 'KMK §IV.A.3 (kelas BIAS)'),
  s('note', 'note', 'Catatan bebas', 'Siklus'),
];
