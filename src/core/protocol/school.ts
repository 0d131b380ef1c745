/**
 * School-age children and adolescents — KMK §IV.A.3 (PKPR, UKS/M), Tabel 17;
 * ilp-domain.md §5.4. School items follow the grade (recorded, or derived
 * from age by the school.grade1Age setting). Age-based yearly screenings here
 * cover school-age children below the adult screening age; from that age the
 * adult items (adult.ts, same yearly frequency) apply.
 */
import type { Concept } from '../codes/concepts';
import { kmk, t } from './build';
import { ADULT_SCREENING_FROM } from './adult';
import type { ProtocolSettings } from './settings';
import { AGE_STAGES } from './stages';
import type { Eligibility, ProtocolItem, Text } from './types';

const usiaSekolah = AGE_STAGES.find((s) => s.id === 'usia-sekolah')!;
/** Penjaringan (entry screening) in grades 1, 7 and 10; periodic check in the other grades — KMK §IV.A.3 UKS/M. */
const PENJARINGAN_GRADES = [1, 7, 10];
const BERKALA_GRADES = [2, 3, 4, 5, 6, 8, 9, 11, 12];
/** Hb for girls in grades 7 and 10 — KMK §IV.A.3. */
const HB_GRADES = [7, 10];
/** Weekly TTD for girls in SMP/SMA grades 7–12 — KMK §IV.A.3. */
const TTD_GRADES: [number, number] = [7, 12];
/** Smoking questionnaire for students in grades 4–12 — KMK §IV.A.3 (Formulir 2). */
const SMOKING_GRADES: [number, number] = [4, 12];

const CHILD_AGES: Eligibility = { ageFrom: usiaSekolah.from, ageTo: ADULT_SCREENING_FROM };

const yearly = (id: string, label: Text, concepts: Concept[][], clause: string, extra: Partial<Eligibility> = {}): ProtocolItem => ({
  id, programme: 'school', stage: 'usia-sekolah', label,
  who: t('Anak usia sekolah dan remaja di bawah umur skrining dewasa', 'School-age children below the adult screening age'),
  where: ['school', 'puskesmas', 'pustu', 'posyandu'],
  timing: { kind: 'yearly' },
  eligibility: { ...CHILD_AGES, ...extra },
  match: concepts.map((c) => ({ concepts: c })),
  sources: [kmk(clause)],
});

export function schoolItems(_s: ProtocolSettings): ProtocolItem[] {
  return [
    {
      id: 'school.penjaringan', programme: 'school', stage: 'usia-sekolah',
      label: t('Penjaringan kesehatan (UKS/M)', 'School entry health screening'),
      who: t('Murid kelas awal jenjang', 'Pupils entering a school level'), where: ['school'], by: ['teacher', 'nurse'],
      timing: { kind: 'school-grade', grades: PENJARINGAN_GRADES },
      match: [{ concepts: ['school-screening'] }],
      sources: [kmk('§IV.A.3 UKS/M: penjaringan')],
      settings: ['school.grade1Age', 'school.schoolYearStartMonth'],
    },
    {
      id: 'school.berkala', programme: 'school', stage: 'usia-sekolah',
      label: t('Pemeriksaan berkala (UKS/M)', 'Periodic school health check'),
      who: t('Murid kelas lain', 'Pupils of the other grades'), where: ['school'], by: ['teacher', 'nurse'],
      timing: { kind: 'school-grade', grades: BERKALA_GRADES },
      match: [{ concepts: ['school-screening'] }],
      sources: [kmk('§IV.A.3 UKS/M: pemeriksaan berkala')],
      settings: ['school.grade1Age', 'school.schoolYearStartMonth'],
    },
    {
      id: 'school.hb-girls', programme: 'school', stage: 'remaja',
      label: t('Pemeriksaan Hb remaja putri', 'Haemoglobin check, adolescent girls'),
      who: t('Siswi', 'Schoolgirls'), where: ['school', 'puskesmas', 'pustu'], by: ['nurse', 'midwife'],
      timing: { kind: 'school-grade', grades: HB_GRADES },
      eligibility: { sex: 'F' },
      match: [{ concepts: ['hb'] }],
      sources: [kmk('§IV.A.3: Hb remaja putri di sekolah (gejala bukan syarat)')],
      settings: ['school.grade1Age', 'school.schoolYearStartMonth'],
    },
    {
      id: 'school.ttd', programme: 'school', stage: 'remaja',
      label: t('Tablet tambah darah mingguan', 'Weekly iron-folic acid tablet'),
      who: t('Siswi SMP/SMA', 'Girls in secondary school'), where: ['school'], by: ['teacher'],
      timing: { kind: 'weekly' },
      eligibility: { sex: 'F', grades: TTD_GRADES },
      match: [{ concepts: ['ttd'] }],
      sources: [kmk('§IV.A.3: TTD mingguan sepanjang tahun (Aksi Bergizi)')],
      settings: ['school.grade1Age', 'school.schoolYearStartMonth'],
    },
    yearly('school.obesity', t('Skrining obesitas (BB, TB)', 'Obesity screening (weight, height)'), [['weight'], ['height']], '§IV.A.3: obesitas'),
    yearly('school.bp', t('Skrining hipertensi (tekanan darah)', 'Hypertension screening (blood pressure)'), [['bp', 'bp-systolic']], '§IV.A.3: hipertensi'),
    yearly('school.vision', t('Skrining penglihatan', 'Vision screening'), [['vision-screening']], '§IV.A.3: penglihatan'),
    yearly('school.hearing', t('Skrining pendengaran', 'Hearing screening'), [['hearing-screening']], '§IV.A.3: pendengaran'),
    yearly('school.mental', t('Skrining kesehatan jiwa (SDQ)', 'Mental health screening (SDQ)'), [['sdq']], '§IV.A.3: kesehatan jiwa (SDQ)'),
    yearly('school.smoking', t('Skrining merokok', 'Smoking screening'), [['smoking']], '§IV.A.3: merokok (Formulir 2)', { grades: SMOKING_GRADES }),
  ];
}
