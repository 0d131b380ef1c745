/** Elderly (lansia) — KMK Tabel 29, Formulir 5; ilp-domain.md §5.6. Yearly SKILAS and ADL. */
import { kmk, t } from './build';
import type { ProtocolSettings } from './settings';
import { AGE_STAGES } from './stages';
import type { ProtocolItem } from './types';

const lansia = AGE_STAGES.find((s) => s.id === 'lansia')!;

export function elderlyItems(_s: ProtocolSettings): ProtocolItem[] {
  const base = {
    programme: 'elderly', stage: 'lansia', who: t('Lansia', 'Elderly'),
    where: ['posyandu', 'pustu', 'puskesmas'], timing: { kind: 'yearly' }, eligibility: { ageFrom: lansia.from },
  } as const;
  return [
    { ...base, where: [...base.where], id: 'elderly.skilas', label: t('Skrining lansia sederhana (SKILAS)', 'Simple elderly screening (SKILAS)'), match: [{ concepts: ['skilas'] }], sources: [kmk('Tabel 29, Formulir 5: skrining geriatri tahunan')] },
    { ...base, where: [...base.where], id: 'elderly.adl', label: t('Penilaian ADL/AKS (indeks Barthel)', 'ADL assessment (Barthel index)'), match: [{ concepts: ['adl'] }], sources: [kmk('Tabel 29: ADL/AKS tahunan')] },
  ];
}
