/**
 * KEK (chronic energy deficiency) by LiLA — KMK §IV.A.1.a (KEK < 23.5 cm) and
 * the SATUSEHAT interpretation bands (SS-ANC): < 23 KEK, 23–< 23.5 risk, ≥ 23.5 normal.
 */
import { kmk, src, t } from '../build';
import type { BandDef, CutoffTable } from './band';

export const KEK_LILA_BELOW_CM = 23.5;
export const KEK_SATUSEHAT_BELOW_CM = 23;

export type KekBand = 'kek' | 'risk' | 'normal';
const KEK_FU = t('Tata laksana oleh dokter; makanan tambahan +500 kkal/hari selama ≥ 90 hari; kunjungan rumah kader.', 'Doctor management; supplementary food +500 kcal/day for ≥ 90 days; kader home visits.');
export const KEK_BANDS: Record<KekBand, BandDef<KekBand>> = {
  kek: { band: 'kek', label: t('KEK', 'Chronic energy deficiency'), followUp: KEK_FU },
  risk: { band: 'risk', label: t('Risiko KEK', 'At risk of KEK'), followUp: KEK_FU },
  normal: { band: 'normal', label: t('Normal', 'Normal'), followUp: t('Edukasi gizi seimbang.', 'Balanced-diet education.') },
};
/** SATUSEHAT clinical-term code for KEK (fhir-satusehat.md §4.2). */
export const KEK_SATUSEHAT_CODE = 'OI000018';
export const KEK_SOURCES = [kmk('§IV.A.1.a (KEK)'), src('SS-ANC', 'kode interpretasi LiLA')];
export const KEK_TABLE: CutoffTable = {
  id: 'kek', label: t('KEK menurut LiLA', 'KEK by MUAC'),
  rows: [
    t(`LiLA < ${KEK_SATUSEHAT_BELOW_CM} cm → KEK`, `MUAC < ${KEK_SATUSEHAT_BELOW_CM} cm → KEK`),
    t(`${KEK_SATUSEHAT_BELOW_CM}–<${KEK_LILA_BELOW_CM} cm → risiko KEK (KEK menurut KMK)`, `${KEK_SATUSEHAT_BELOW_CM}–<${KEK_LILA_BELOW_CM} cm → at risk (KEK by the KMK)`),
    t(`≥ ${KEK_LILA_BELOW_CM} cm → normal`, `≥ ${KEK_LILA_BELOW_CM} cm → normal`),
  ],
  sources: KEK_SOURCES,
};
