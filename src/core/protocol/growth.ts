/**
 * Growth and development of balita — KMK §IV.A.2 (g), Tabel 5; ilp-domain.md §5.3.
 * Monthly weighing of balita; length/height in the Bulan Penimbangan;
 * vitamin A twice a year (blue capsule for infants, red for older balita);
 * deworming once a year; KPSP at the SDIDTK ages; PKAT once. Nutrition status itself is computed by
 * anthropometry (not here).
 */
import { kmk, src, t } from './build';
import type { ProtocolSettings } from './settings';
import { AGE_STAGES } from './stages';
import type { Offset, ProtocolItem } from './types';

const balita = AGE_STAGES.find((s) => s.id === 'balita')!;
const bayi = AGE_STAGES.find((s) => s.id === 'bayi')!;
/** Balita upper bound (exclusive): the same bound as the stage. */
const BALITA_TO: Offset = balita.to!;

const FEB = 2;
const AUG = 8;
/** Bulan Penimbangan Balita and vitamin A months — KMK §IV.A.2.g. */
export const WEIGHING_AND_VITAMIN_A_MONTHS = [FEB, AUG];
/** Vitamin A from 6 months — KMK §IV.A.2.g (bayi 6–11 bulan, anak 12–59 bulan). */
const VITAMIN_A_FROM: Offset = { months: 6 };
/** PKAT for infants 6 months to < 7 months — KMK §IV.A.2. */
const PKAT = { from: { months: 6 } as Offset, before: { months: 7 } as Offset };

function kpspItems(ages: number[]): ProtocolItem[] {
  return ages.map((m, i): ProtocolItem => {
    // The next KPSP age closes this one; the last keeps the preceding gap.
    const gap = i + 1 < ages.length ? ages[i + 1]! - m : m - (ages[i - 1] ?? 0);
    return {
      id: `growth.kpsp-${m}`, programme: 'growth', stage: m < 60 ? 'balita' : 'prasekolah',
      label: t(`KPSP umur ${m} bulan`, `KPSP at ${m} months`),
      who: t('Balita dan anak prasekolah', 'Under-fives and preschool children'),
      where: ['posyandu', 'pustu', 'puskesmas'], by: ['midwife', 'nurse', 'kader'],
      timing: { kind: 'age', earliest: { months: m }, due: { months: m + 1, days: -1 }, latest: { months: m + gap, days: -1 } },
      match: [{ concepts: ['kpsp'] }],
      sources: [kmk('§IV.A.2: SDIDTK/KPSP'), src('GENERAL-KNOWLEDGE', 'Pedoman SDIDTK: umur KPSP', true)],
      settings: ['growth.kpspAgesMonths'],
      note: t('Tepat waktu dalam bulan umur tersebut; terlambat sampai umur KPSP berikutnya.', 'On time within that month of age; late until the next KPSP age.'),
    };
  });
}

export function growthItems(s: ProtocolSettings): ProtocolItem[] {
  return [
    {
      id: 'growth.weighing', programme: 'growth', stage: 'balita',
      label: t('Penimbangan bulanan', 'Monthly weighing'),
      who: t('Balita', 'Under-fives'), where: ['posyandu', 'pustu', 'puskesmas'], by: ['kader', 'midwife'],
      timing: { kind: 'monthly' },
      eligibility: { ageTo: BALITA_TO },
      match: [{ concepts: ['weight'] }],
      sources: [kmk('§IV.A.2.g; Standar Pemantauan Pertumbuhan Balita: timbang setiap bulan')],
    },
    {
      id: 'growth.length-height', programme: 'growth', stage: 'balita',
      label: t('Pengukuran panjang/tinggi badan (Bulan Penimbangan)', 'Length/height measurement (weighing month)'),
      who: t('Balita', 'Under-fives'), where: ['posyandu', 'pustu', 'puskesmas'], by: ['kader', 'midwife'],
      timing: { kind: 'months-of-year', months: WEIGHING_AND_VITAMIN_A_MONTHS },
      eligibility: { ageTo: BALITA_TO },
      match: [{ concepts: ['length', 'height'] }],
      sources: [kmk('§IV.A.2.g: Bulan Penimbangan Balita mengukur BB dan PB/TB')],
    },
    {
      id: 'growth.vitamin-a', programme: 'growth', stage: 'balita',
      label: t('Kapsul vitamin A', 'Vitamin A capsule'),
      who: t('Bayi dan anak balita', 'Infants and under-fives'),
      where: ['posyandu', 'pustu', 'puskesmas'], by: ['midwife', 'nurse'],
      timing: { kind: 'months-of-year', months: WEIGHING_AND_VITAMIN_A_MONTHS },
      eligibility: { ageFrom: VITAMIN_A_FROM, ageTo: BALITA_TO },
      variants: [
        { id: 'biru', label: t('kapsul biru (bayi)', 'blue capsule (infant)'), ageFrom: VITAMIN_A_FROM, ageTo: bayi.to! },
        { id: 'merah', label: t('kapsul merah (anak)', 'red capsule (child)'), ageFrom: bayi.to!, ageTo: BALITA_TO },
      ],
      match: [{ concepts: ['vitamin-a'] }],
      sources: [kmk('§IV.A.2.g: vitamin A serentak pada bulan vitamin A')],
      note: t(
        'Varian menurut umur pada hari jendela dibuka. Warna dan dosis kapsul dari pengetahuan umum (⚠), hanya label.',
        'Variant by age on the day the window opens. Capsule colours and doses are general knowledge (⚠), labels only.',
      ),
    },
    {
      id: 'growth.deworming', programme: 'growth', stage: 'balita',
      label: t('Obat cacing', 'Deworming'),
      who: t('Balita', 'Under-fives'), where: ['posyandu', 'pustu', 'puskesmas'], by: ['midwife', 'nurse'],
      timing: { kind: 'months-of-year', months: [AUG] },
      eligibility: { ageFrom: { months: s.growth.dewormingFromMonths }, ageTo: BALITA_TO },
      match: [{ concepts: ['deworming'] }],
      sources: [kmk('§IV.A.2.g: obat cacing balita, sesudah vitamin A')],
      settings: ['growth.dewormingFromMonths'],
    },
    {
      id: 'growth.pkat', programme: 'growth', stage: 'bayi',
      label: t('PKAT (Pemeriksaan Kesehatan Anak Terintegrasi)', 'PKAT integrated child health check'),
      who: t('Bayi', 'Infants'), where: ['puskesmas', 'pustu'], by: ['doctor'],
      timing: { kind: 'age', earliest: PKAT.from, due: { ...PKAT.before, days: -1 }, latest: { ...PKAT.before, days: -1 } },
      match: [{ concepts: ['pkat'] }],
      sources: [kmk('§IV.A.2: PKAT')],
    },
    ...kpspItems(s.growth.kpspAgesMonths),
  ];
}
