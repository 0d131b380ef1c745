/**
 * Delivery, postpartum (nifas) and newborn (neonatal) visits —
 * KMK §IV.A.1.e, §IV.A.2; ilp-domain.md §5.2, Appendix A.
 * Days are 0-based from the delivery / birth date. At date resolution
 * "6 hours – 2 days" is days 0–2 and "48–72 hours" is days 2–3.
 */
import { kmk, src, t } from './build';
import { NIFAS_LAST_DAY } from './stages';
import type { ProtocolSettings } from './settings';
import type { PlaceKind, ProtocolItem } from './types';

/** Health facilities for "delivery in a facility": not home, not Posyandu. */
export const FACILITY_PLACES: PlaceKind[] = ['puskesmas', 'pustu', 'other'];

/** KF windows (days after delivery), KMK §IV.A.1.e. */
const KF: Array<[number, number, number]> = [[1, 0, 2], [2, 3, 7], [3, 8, 28], [4, 29, NIFAS_LAST_DAY]];
/** KN windows (days of age); day windows from implementations, the KMK shows them in an image (ilp-domain.md §5.2). */
const KN: Array<[number, number, number]> = [[1, 0, 2], [2, 3, 7], [3, 8, 28]];
/** SHK heel-prick sample at 48–72 hours (KMK §IV.A.2). */
const SHK_DAYS = { from: 2, to: 3 } as const;

export function deliveryPostnatalItems(_s: ProtocolSettings): ProtocolItem[] {
  return [
    {
      id: 'delivery.facility', programme: 'delivery-postnatal', stage: 'bersalin',
      label: t('Persalinan di fasilitas kesehatan', 'Delivery in a health facility'),
      who: t('Ibu hamil', 'Pregnant women'), where: ['puskesmas', 'other'], by: ['doctor', 'midwife', 'nurse'],
      timing: { kind: 'delivery' },
      match: [{ concepts: ['delivery'], place: FACILITY_PLACES }],
      sources: [kmk('§IV.A.1: persalinan wajib di fasilitas kesehatan oleh tim'), src('SPM', '§6.2 no. 2')],
      note: t('Dipenuhi oleh catatan persalinan dengan tempat fasilitas.', 'Met by a delivery record whose place is a facility.'),
    },
    ...KF.map(([n, from, to]): ProtocolItem => ({
      id: `pnc.kf${n}`, programme: 'delivery-postnatal', stage: 'nifas',
      label: t(`Kunjungan nifas KF${n}`, `Postpartum visit KF${n}`),
      who: t('Ibu nifas', 'Postpartum mothers'),
      where: n === 1 ? ['puskesmas', 'other'] : ['puskesmas', 'pustu', 'home', 'other'],
      by: ['midwife', 'doctor', 'nurse'],
      timing: { kind: 'postpartum', fromDay: from, toDay: to },
      match: [{ concepts: ['kf'] }],
      sources: [kmk('§IV.A.1.e: KF1–KF4')],
    })),
    ...KN.map(([n, from, to]): ProtocolItem => ({
      id: `nn.kn${n}`, programme: 'delivery-postnatal', stage: 'neonatus',
      label: t(`Kunjungan neonatal KN${n}`, `Neonatal visit KN${n}`),
      who: t('Bayi baru lahir', 'Newborns'),
      where: n === 1 ? ['puskesmas', 'other'] : ['puskesmas', 'pustu', 'home', 'other'],
      by: ['midwife', 'doctor', 'nurse'],
      timing: { kind: 'age', earliest: { days: from }, due: { days: to }, latest: { days: to } },
      match: [{ concepts: ['kn'] }],
      sources: [kmk('§IV.A.2: KN lengkap sesuai periode'), src('SPM', '§6.2 no. 3')],
      note: t('Hari per periode dari implementasi; KMK menampilkannya dalam gambar.', 'Day windows from implementations; the KMK shows them in an image.'),
    })),
    {
      id: 'nn.shk', programme: 'delivery-postnatal', stage: 'neonatus',
      label: t('Pengambilan sampel SHK (skrining hipotiroid kongenital)', 'Congenital hypothyroid screening sample (SHK)'),
      who: t('Bayi baru lahir', 'Newborns'), where: ['puskesmas', 'other'],
      timing: { kind: 'age', earliest: { days: SHK_DAYS.from }, due: { days: SHK_DAYS.to }, latest: { days: SHK_DAYS.to } },
      match: [{ concepts: ['shk-sample'] }],
      sources: [kmk('§IV.A.2: sampel tumit SHK')],
    },
  ];
}
