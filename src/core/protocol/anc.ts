/**
 * ANC (antenatal care) — KMK §IV.A.1.a, Tabel 4, Gambar 13; ilp-domain.md §5.1.
 * Minimum 6 contacts: 1 in TM1, 2 in TM2, 3 in TM3; a doctor with USG at K1
 * (TM1) and K5 (TM3); a dentist at K1; the first-visit lab panel; random
 * glucose at K3; LiLA for KEK; T-status screening; malaria test in high-
 * endemic districts. TB screening at every contact is in tb.ts.
 */
import { kmk, src, t } from './build';
import { TRIMESTER_LAST_DAY as TM } from './pregnancy';
import type { ProtocolSettings } from './settings';
import type { ProtocolItem, Timing } from './types';

const TM1: Timing = { kind: 'gestation', fromDay: 0, toDay: TM.tm1 };
const TM2_FROM = TM.tm1 + 1;
const TM3_FROM = TM.tm2 + 1;
const ANC_RULE = kmk('§IV.A.1.a: kontak ANC minimal per trimester');
const WHO_PREGNANT = t('Ibu hamil', 'Pregnant women');

const slot = (n: number, fromDay: number, toDay: number | undefined, group: string, order: number): ProtocolItem => ({
  id: `anc.k${n}`,
  programme: 'anc',
  stage: 'hamil',
  label: t(`Kunjungan ANC K${n}`, `ANC contact K${n}`),
  who: WHO_PREGNANT,
  where: n === 1 || n === 5 ? ['puskesmas'] : ['puskesmas', 'pustu'],
  by: n === 1 || n === 5 ? ['doctor'] : ['midwife', 'doctor'],
  timing: toDay === undefined ? { kind: 'gestation', fromDay, slot: { group, order } } : { kind: 'gestation', fromDay, toDay, slot: { group, order } },
  match: [{ concepts: ['anc-contact'] }],
  sources: [ANC_RULE, kmk('Tabel 4: Pustu K2, K3, K4, K6 untuk kehamilan normal')],
});

export function ancItems(_s: ProtocolSettings): ProtocolItem[] {
  return [
    slot(1, 0, TM.tm1, 'tm1', 1),
    slot(2, TM2_FROM, TM.tm2, 'tm2', 1),
    slot(3, TM2_FROM, TM.tm2, 'tm2', 2),
    slot(4, TM3_FROM, undefined, 'tm3', 1),
    slot(5, TM3_FROM, undefined, 'tm3', 2),
    slot(6, TM3_FROM, undefined, 'tm3', 3),
    {
      id: 'anc.doctor-usg-k1', programme: 'anc', stage: 'hamil',
      label: t('Pemeriksaan dokter dan USG (K1, TM1)', 'Doctor visit with ultrasound (K1, TM1)'),
      who: WHO_PREGNANT, where: ['puskesmas'], by: ['doctor'], timing: TM1,
      match: [{ concepts: ['anc-contact'], provider: ['doctor'] }, { concepts: ['usg'] }],
      sources: [kmk('§IV.A.1.a: kontak dokter pada K1 dan K5, masing-masing dengan USG')],
    },
    {
      id: 'anc.doctor-usg-k5', programme: 'anc', stage: 'hamil',
      label: t('Pemeriksaan dokter dan USG (K5, TM3)', 'Doctor visit with ultrasound (K5, TM3)'),
      who: WHO_PREGNANT, where: ['puskesmas'], by: ['doctor'], timing: { kind: 'gestation', fromDay: TM3_FROM },
      match: [{ concepts: ['anc-contact'], provider: ['doctor'] }, { concepts: ['usg'] }],
      sources: [kmk('§IV.A.1.a: kontak dokter pada K1 dan K5, masing-masing dengan USG')],
    },
    {
      id: 'anc.dental', programme: 'anc', stage: 'hamil',
      label: t('Pemeriksaan gigi (K1)', 'Dental check (K1)'),
      who: WHO_PREGNANT, where: ['puskesmas'], by: ['dentist'],
      timing: { kind: 'gestation', fromDay: 0, dueDay: TM.tm1 },
      match: [{ concepts: ['dental-check'] }],
      sources: [kmk('§IV.A.1.a: kontak dokter gigi pada K1')],
    },
    {
      id: 'anc.lab-first', programme: 'anc', stage: 'hamil',
      label: t('Laboratorium kunjungan pertama (Hb, golongan darah, protein urine, HIV, sifilis, HBsAg)', 'First-visit lab panel (Hb, blood group, urine protein, HIV, syphilis, HBsAg)'),
      who: WHO_PREGNANT, where: ['puskesmas', 'pustu'],
      timing: { kind: 'gestation', fromDay: 0, dueDay: TM.tm1 },
      match: [
        { concepts: ['hb'] }, { concepts: ['lab-blood-group'] }, { concepts: ['lab-urine-protein'] },
        { concepts: ['lab-hiv'] }, { concepts: ['lab-syphilis'] }, { concepts: ['lab-hbsag'] },
      ],
      sources: [kmk('Gambar 13 (keterangan): panel laboratorium ANC; eliminasi tiga penyakit (HIV, sifilis, hepatitis B)')],
    },
    {
      id: 'anc.lab-glucose', programme: 'anc', stage: 'hamil',
      label: t('Gula darah sewaktu (K3)', 'Random blood glucose (K3)'),
      who: WHO_PREGNANT, where: ['puskesmas', 'pustu'],
      timing: { kind: 'gestation', fromDay: TM2_FROM, dueDay: TM.tm2 },
      match: [{ concepts: ['glucose-random', 'glucose-capillary'] }],
      sources: [kmk('Gambar 13: gula darah sewaktu pada K3 (K3 jatuh di TM2)')],
    },
    {
      id: 'anc.lila', programme: 'anc', stage: 'hamil',
      label: t('Ukur LiLA (skrining KEK) pada kunjungan pertama', 'MUAC (KEK screening) at the first visit'),
      who: WHO_PREGNANT, where: ['puskesmas', 'pustu', 'posyandu'],
      timing: { kind: 'gestation', fromDay: 0, dueDay: TM.tm1 },
      match: [{ concepts: ['muac'] }],
      sources: [kmk('§IV.A.1.a: status gizi ibu hamil dengan LiLA (KEK)'), src('SS-ANC', 'LiLA pada kunjungan pertama')],
      note: t('Klasifikasi KEK: screening/kek.ts.', 'KEK classification: screening/kek.ts.'),
    },
    {
      id: 'anc.t-status', programme: 'anc', stage: 'hamil',
      label: t('Skrining status imunisasi T', 'Tetanus (T) status screening'),
      who: WHO_PREGNANT, where: ['puskesmas', 'pustu'],
      timing: { kind: 'gestation', fromDay: 0, dueDay: TM.tm1 },
      match: [{ concepts: ['tetanus-status', 'Td'] }],
      sources: [kmk('§IV.A.1.a: skrining status T dan lengkapi sesuai interval')],
      note: t('Dosis Td berikutnya: item imm.td-*.', 'Next Td doses: items imm.td-*.'),
    },
    {
      id: 'anc.malaria-test', programme: 'anc', stage: 'hamil',
      label: t('Tes malaria pada kunjungan pertama', 'Malaria test at the first visit'),
      who: t('Ibu hamil di daerah endemis tinggi malaria', 'Pregnant women in high malaria-endemic areas'),
      where: ['puskesmas', 'pustu'],
      timing: { kind: 'gestation', fromDay: 0, dueDay: TM.tm1 },
      match: [{ concepts: ['malaria-test'] }],
      gate: 'pregnancy.malariaHighEndemic',
      settings: ['pregnancy.malariaHighEndemic'],
      sources: [kmk('§IV.A.1.a: mikroskopis atau RDT pada ANC pertama di daerah endemis tinggi')],
    },
  ];
}
