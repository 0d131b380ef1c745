/**
 * Adult and elderly screening (PTM and others) — KMK Tabel 19, Tabel 28;
 * ilp-domain.md §5.5. Yearly items are one instance per calendar year (the
 * SPM counts January–December). "> N years" is read as from the (N+1)th
 * birthday, "≥ N years" from the Nth.
 */
import type { Concept } from '../codes/concepts';
import { kmk, src, t } from './build';
import type { ProtocolSettings } from './settings';
import type { EligibilitySpec, Offset, ProtocolItem, Source, Text } from './types';

/** Most adult screenings start at 15 — KMK Tabel 19 (obesity, hypertension, mental health, vision). */
export const ADULT_SCREENING_FROM: Offset = { years: 15 };
/** Diabetes for all ≥ 40; COPD (PUMA) and cataract ≥ 40 — KMK Tabel 19. */
const FROM_40: Offset = { years: 40 };
/** Stroke/heart-disease risk tests for HT/DM "> 40 years" — KMK Tabel 19. */
const OVER_40: Offset = { years: 41 };
/** Breast (SADANIS) for women "> 15 years" — KMK Tabel 19. */
const OVER_15: Offset = { years: 16 };
/** Cervix (IVA / HPV-DNA) for women "> 30 years", sexually active — KMK Tabel 19. */
const OVER_30: Offset = { years: 31 };
/** IVA every 3 years (yearly for high risk, not modelled) — KMK Tabel 19. */
const IVA_EVERY: Offset = { years: 3 };
/** Colorectal, medium risk from 50 — KMK Tabel 19. */
const FROM_50: Offset = { years: 50 };

const T19 = (what: string): Source => kmk(`Tabel 19: ${what}`);
const WHERE_ALL = ['puskesmas', 'pustu', 'posyandu'] as const;

const yearly = (id: string, label: Text, who: Text, eligibility: EligibilitySpec, concepts: Concept[][], sources: Source[], extra: Partial<ProtocolItem> = {}): ProtocolItem => ({
  id, programme: 'adult', stage: 'usia-produktif', label, who, where: [...WHERE_ALL],
  timing: { kind: 'yearly' }, eligibility, match: concepts.map((c) => ({ concepts: c })), sources, ...extra,
});

const ALL_FROM_15 = t('Penduduk umur skrining dewasa ke atas', 'Residents from the adult screening age');

export function adultItems(s: ProtocolSettings): ProtocolItem[] {
  return [
    yearly('adult.obesity', t('Skrining obesitas (BB/IMT dan lingkar perut)', 'Obesity screening (weight/BMI and waist)'), ALL_FROM_15,
      { ageFrom: ADULT_SCREENING_FROM }, [['weight', 'bmi'], ['waist']], [T19('obesitas')]),
    yearly('adult.bp', t('Skrining hipertensi (tekanan darah)', 'Hypertension screening (blood pressure)'), ALL_FROM_15,
      { ageFrom: ADULT_SCREENING_FROM }, [['bp', 'bp-systolic']], [T19('hipertensi')]),
    yearly('adult.glucose', t('Skrining diabetes (gula darah)', 'Diabetes screening (blood glucose)'),
      t('Sasaran skrining diabetes', 'Diabetes screening target'),
      { anyOf: [{ ageFrom: FROM_40 }, { ageFrom: ADULT_SCREENING_FROM, ageTo: FROM_40, rule: 'dm-risk' }, { ageFrom: ADULT_SCREENING_FROM, conditions: ['tb'] }] },
      [['glucose-capillary', 'glucose-random', 'glucose-fasting', 'glucose-2h', 'hba1c']], [T19('diabetes')],
      { note: t('Faktor risiko: obesitas, obesitas sentral, tekanan darah tinggi (hasil ukur terakhir atau diagnosis hipertensi).', 'Risk factors: obesity, central obesity, high blood pressure (latest measurement or a hypertension diagnosis).') }),
    yearly('adult.lipid', t('Profil lipid (risiko stroke dan penyakit jantung)', 'Lipid profile (stroke and heart-disease risk)'),
      t('Penyandang hipertensi dan/atau DM', 'People with hypertension and/or diabetes'),
      { ageFrom: OVER_40, conditions: ['hypertension', 'diabetes'] }, [['lab-cholesterol']], [T19('risiko stroke dan jantung')], { where: ['puskesmas'] }),
    yearly('adult.ecg', t('EKG (risiko penyakit jantung)', 'ECG (heart-disease risk)'),
      t('Penyandang hipertensi dan/atau DM', 'People with hypertension and/or diabetes'),
      { ageFrom: OVER_40, conditions: ['hypertension', 'diabetes'] }, [['ecg']], [T19('risiko penyakit jantung')], { where: ['puskesmas'] }),
    {
      id: 'adult.sadanis', programme: 'adult', stage: 'usia-produktif',
      label: t('Pemeriksaan payudara klinis (SADANIS)', 'Clinical breast examination (SADANIS)'),
      who: t('Perempuan', 'Women'), where: ['puskesmas', 'pustu'], by: ['doctor', 'midwife'],
      timing: { kind: 'every', interval: { years: s.adult.sadanisEveryYears } },
      eligibility: { sex: 'F', ageFrom: OVER_15 },
      match: [{ concepts: ['sadanis'] }],
      sources: [T19('kanker payudara'), src('KMK', 'teks vs judul Tabel 19 berbeda tentang frekuensi', true)],
      settings: ['adult.sadanisEveryYears'],
    },
    {
      id: 'adult.iva', programme: 'adult', stage: 'usia-produktif',
      label: t('Deteksi dini kanker leher rahim (IVA / HPV-DNA)', 'Cervical cancer screening (VIA / HPV-DNA)'),
      who: t('Perempuan yang sudah berhubungan seksual', 'Sexually active women'), where: ['puskesmas', 'pustu'], by: ['doctor', 'midwife'],
      timing: { kind: 'every', interval: IVA_EVERY },
      eligibility: { sex: 'F', ageFrom: OVER_30, rule: 'ever-pregnant-or-pus' },
      match: [{ concepts: ['iva'] }],
      sources: [T19('kanker leher rahim')],
      note: t('"Aktif seksual" didekati dengan pernah hamil atau terdaftar PUS; risiko tinggi (tahunan) belum dimodelkan.', '"Sexually active" is approximated by any pregnancy or PUS registration; the yearly high-risk rule is not modelled.'),
    },
    yearly('adult.colorectal', t('Skrining kanker kolorektal (colok dubur, darah samar)', 'Colorectal cancer screening (DRE, FOBT)'),
      t('Risiko sedang', 'Medium risk'), { ageFrom: FROM_50 }, [['colorectal-screening']], [T19('kanker kolorektal')], { where: ['puskesmas'] }),
    yearly('adult.mental', t('Skrining kesehatan jiwa (SRQ-20)', 'Mental health screening (SRQ-20)'), ALL_FROM_15,
      { ageFrom: ADULT_SCREENING_FROM }, [['srq20', 'sdq']], [T19('kesehatan jiwa'), kmk('§IV.A.3: SDQ untuk umur di bawah dewasa')],
      { note: t('SRQ-20 untuk dewasa; SDQ diterima untuk remaja.', 'SRQ-20 for adults; SDQ accepted for adolescents.') }),
    yearly('adult.copd', t('Skrining PPOK (PUMA)', 'COPD screening (PUMA)'), t('Penduduk', 'Residents'),
      { ageFrom: FROM_40 }, [['puma']], [T19('PPOK')]),
    yearly('adult.vision', t('Skrining tajam penglihatan', 'Visual acuity screening'), ALL_FROM_15,
      { ageFrom: ADULT_SCREENING_FROM }, [['vision-screening']], [T19('penglihatan')]),
    yearly('adult.cataract', t('Skrining katarak', 'Cataract screening'), t('Penduduk', 'Residents'),
      { ageFrom: FROM_40 }, [['cataract-screening']], [T19('katarak')], { where: ['puskesmas'] }),
    yearly('adult.hearing', t('Skrining pendengaran', 'Hearing screening'), ALL_FROM_15,
      { ageFrom: ADULT_SCREENING_FROM }, [['hearing-screening']], [src('PKG', 'pemeriksaan telinga', true)],
      { gate: 'adult.hearingScreening', settings: ['adult.hearingScreening'] }),
    yearly('adult.smoking', t('Skrining perilaku merokok', 'Smoking screening'), ALL_FROM_15,
      { ageFrom: ADULT_SCREENING_FROM }, [['smoking']], [src('SPM', '§6.2 no. 6', true)],
      { gate: 'adult.smokingScreening', settings: ['adult.smokingScreening'] }),
    {
      id: 'adult.catin', programme: 'adult', stage: 'catin',
      label: t('Pelayanan kesehatan catin', 'Pre-marriage health service'),
      who: t('Calon pengantin', 'Brides/grooms-to-be'), where: ['puskesmas'], by: ['doctor', 'midwife'],
      timing: { kind: 'episode', condition: 'catin' },
      match: [{ concepts: ['catin-check'] }],
      sources: [kmk('Tabel 28: sekali sebelum menikah')],
    },
    {
      id: 'adult.layak-hamil', programme: 'adult', stage: 'pus',
      label: t('Skrining layak hamil', 'Fitness-for-pregnancy screening'),
      who: t('Perempuan PUS', 'Women in PUS couples'), where: ['puskesmas', 'pustu', 'posyandu'],
      timing: { kind: 'yearly' },
      eligibility: { sex: 'F', conditions: ['pus'] },
      match: [{ concepts: ['layak-hamil'] }],
      sources: [kmk('Tabel 28: skrining layak hamil PUS')],
    },
  ];
}
