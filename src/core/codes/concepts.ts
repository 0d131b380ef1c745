/**
 * Concepts: what the engine understands an event to be, whatever code system
 * it arrived in. Several codes map to one concept (LOINC 85354-9 and 8480-6
 * are both a blood-pressure measurement; KFA VG19 and CVX 19 are both BCG).
 * Protocol items name concepts, never raw codes.
 */
export type ConceptKind = 'measurement' | 'immunization' | 'screening' | 'service' | 'condition';

interface ConceptDef {
  kind: ConceptKind;
  label: { id: string; en: string };
}

const def = (kind: ConceptKind, id: string, en: string): ConceptDef => ({ kind, label: { id, en } });

export const CONCEPTS = {
  // measurements (LOINC, fhir-satusehat.md §4.1)
  weight: def('measurement', 'Berat badan', 'Body weight'),
  height: def('measurement', 'Tinggi badan', 'Body height'),
  length: def('measurement', 'Panjang badan', 'Body length (lying)'),
  head: def('measurement', 'Lingkar kepala', 'Head circumference'),
  muac: def('measurement', 'Lingkar lengan atas (LiLA)', 'Mid-upper arm circumference (MUAC)'),
  waist: def('measurement', 'Lingkar perut', 'Waist circumference'),
  bmi: def('measurement', 'Indeks massa tubuh (IMT)', 'Body mass index'),
  bp: def('measurement', 'Tekanan darah', 'Blood pressure'),
  'bp-systolic': def('measurement', 'Tekanan darah sistolik', 'Systolic blood pressure'),
  'bp-diastolic': def('measurement', 'Tekanan darah diastolik', 'Diastolic blood pressure'),
  'glucose-capillary': def('measurement', 'Gula darah kapiler (glukometer)', 'Capillary blood glucose (glucometer)'),
  'glucose-random': def('measurement', 'Gula darah sewaktu', 'Random blood glucose'),
  'glucose-fasting': def('measurement', 'Gula darah puasa', 'Fasting glucose'),
  'glucose-2h': def('measurement', 'Gula darah 2 jam', '2-hour glucose'),
  hba1c: def('measurement', 'HbA1c', 'HbA1c'),
  hb: def('measurement', 'Hemoglobin', 'Haemoglobin'),
  lmp: def('measurement', 'HPHT', 'Last menstrual period'),
  edd: def('measurement', 'HPL', 'Estimated delivery date'),
  gravida: def('measurement', 'Gravida', 'Gravida'),
  parity: def('measurement', 'Paritas', 'Parity'),
  fundal: def('measurement', 'Tinggi fundus uteri', 'Fundal height'),
  fhr: def('measurement', 'Denyut jantung janin', 'Fetal heart rate'),
  // immunizations: Kemenkes programme antigen families (KMK Tabel 7, 8, 17)
  HB0: def('immunization', 'Hepatitis B 0 (HB0)', 'Hepatitis B birth dose'),
  BCG: def('immunization', 'BCG', 'BCG'),
  OPV: def('immunization', 'Polio tetes (bOPV)', 'Oral polio vaccine (bOPV)'),
  IPV: def('immunization', 'Polio suntik (IPV)', 'Inactivated polio vaccine'),
  'DPT-HB-Hib': def('immunization', 'DPT-HB-Hib', 'DTP-HepB-Hib (pentavalent)'),
  RV: def('immunization', 'Rotavirus (RV)', 'Rotavirus'),
  PCV: def('immunization', 'Pneumokokus (PCV)', 'Pneumococcal conjugate'),
  MR: def('immunization', 'Campak-Rubela (MR)', 'Measles-rubella'),
  JE: def('immunization', 'Japanese Encephalitis (JE)', 'Japanese encephalitis'),
  DT: def('immunization', 'DT', 'Diphtheria-tetanus (paediatric)'),
  Td: def('immunization', 'Td', 'Tetanus-diphtheria (Td/TT)'),
  HPV: def('immunization', 'HPV', 'Human papillomavirus'),
  // questionnaires and scored screenings (Siklus questionnaire ids)
  srq20: def('screening', 'SRQ-20', 'SRQ-20 (mental health)'),
  sdq: def('screening', 'SDQ', 'Strengths and Difficulties Questionnaire'),
  skilas: def('screening', 'SKILAS (skrining lansia sederhana)', 'SKILAS simple elderly screening'),
  adl: def('screening', 'ADL / AKS (indeks Barthel)', 'ADL (modified Barthel index)'),
  puma: def('screening', 'PUMA (PPOK)', 'PUMA (COPD)'),
  'tb-symptoms': def('screening', 'Skrining gejala TBC', 'TB symptom screening'),
  'tb-child-score': def('screening', 'Skoring TBC anak', 'Child TB score'),
  'four-t': def('screening', 'Skrining 4T', '4T risk screening'),
  kpsp: def('screening', 'KPSP (perkembangan)', 'KPSP development pre-screening'),
  'layak-hamil': def('screening', 'Skrining layak hamil', 'Fitness-for-pregnancy screening'),
  smoking: def('screening', 'Skrining merokok', 'Smoking screening'),
  'tetanus-status': def('screening', 'Skrining status T', 'Tetanus (T) status screening'),
  // services (Siklus service codes)
  'anc-contact': def('service', 'Kunjungan ANC', 'ANC contact'),
  usg: def('service', 'USG', 'Obstetric ultrasound'),
  'dental-check': def('service', 'Pemeriksaan gigi', 'Dental check'),
  'lab-blood-group': def('service', 'Golongan darah', 'Blood group'),
  'lab-urine-protein': def('service', 'Protein urine', 'Urine protein'),
  'lab-hiv': def('service', 'Tes HIV', 'HIV test'),
  'lab-syphilis': def('service', 'Tes sifilis', 'Syphilis test'),
  'lab-hbsag': def('service', 'Tes HBsAg', 'HBsAg test'),
  'lab-cholesterol': def('service', 'Profil lipid', 'Lipid profile'),
  'malaria-test': def('service', 'Tes malaria (RDT/mikroskopis)', 'Malaria test (RDT/microscopy)'),
  delivery: def('service', 'Persalinan', 'Delivery'),
  kf: def('service', 'Kunjungan nifas (KF)', 'Postpartum visit (KF)'),
  kn: def('service', 'Kunjungan neonatal (KN)', 'Neonatal visit (KN)'),
  'shk-sample': def('service', 'Pengambilan sampel SHK', 'Congenital hypothyroid screening sample'),
  'vitamin-a': def('service', 'Vitamin A', 'Vitamin A'),
  deworming: def('service', 'Obat cacing', 'Deworming'),
  ttd: def('service', 'Tablet tambah darah (TTD)', 'Iron-folic acid tablet'),
  pkat: def('service', 'PKAT', 'Integrated child health check (PKAT)'),
  'school-screening': def('service', 'Penjaringan / pemeriksaan berkala', 'School health screening'),
  'catin-check': def('service', 'Pemeriksaan kesehatan catin', 'Pre-marriage health check'),
  'tb-contact-investigation': def('service', 'Investigasi kontak TBC', 'TB contact investigation'),
  'tpt-evaluation': def('service', 'Evaluasi TPT', 'TB preventive therapy evaluation'),
  iva: def('service', 'IVA / tes HPV-DNA', 'VIA / HPV-DNA test'),
  sadanis: def('service', 'SADANIS', 'Clinical breast examination'),
  'colorectal-screening': def('service', 'Skrining kanker kolorektal', 'Colorectal cancer screening'),
  ecg: def('service', 'EKG', 'ECG'),
  'vision-screening': def('service', 'Pemeriksaan tajam penglihatan', 'Visual acuity screening'),
  'hearing-screening': def('service', 'Pemeriksaan pendengaran', 'Hearing screening'),
  'cataract-screening': def('service', 'Skrining katarak', 'Cataract screening'),
  'school-grade': def('service', 'Kelas sekolah', 'School grade'),
  note: def('service', 'Catatan', 'Note'),
  // conditions (ICD-10 WHO 2010, fhir-satusehat.md §4.3)
  hypertension: def('condition', 'Hipertensi', 'Hypertension'),
  diabetes: def('condition', 'Diabetes melitus', 'Diabetes mellitus'),
  tb: def('condition', 'Tuberkulosis', 'Tuberculosis'),
  'tb-contact': def('condition', 'Kontak TBC', 'TB contact'),
  pregnancy: def('condition', 'Hamil', 'Pregnancy'),
  // registrations that open a condition episode (Siklus service codes)
  pus: def('condition', 'Pasangan usia subur (PUS)', 'Couple of reproductive age (PUS)'),
  'catin-registration': def('condition', 'Terdaftar sebagai catin', 'Registered bride/groom-to-be (catin)'),
} as const satisfies Record<string, ConceptDef>;

export type Concept = keyof typeof CONCEPTS;

export const ANTIGENS = ['HB0', 'BCG', 'OPV', 'IPV', 'DPT-HB-Hib', 'RV', 'PCV', 'MR', 'JE', 'DT', 'Td', 'HPV'] as const;
export type Antigen = (typeof ANTIGENS)[number];

export function isConcept(s: string): s is Concept {
  return Object.prototype.hasOwnProperty.call(CONCEPTS, s);
}
