/**
 * The whole catalogue: every programme's items for a settings object, with
 * the district's window overrides applied. Items are rebuilt only when the
 * settings change (memoised per settings object).
 */
import { adultItems } from './adult';
import { ancItems } from './anc';
import { t } from './build';
import { deliveryPostnatalItems } from './delivery-postnatal';
import { elderlyItems } from './elderly';
import { growthItems } from './growth';
import { immunizationItems } from './immunization';
import { schoolItems } from './school';
import { DEFAULT_SETTINGS, type ProtocolSettings, type WindowOverride } from './settings';
import { tbItems } from './tb';
import type { ProgrammeDef, ProtocolItem, Timing } from './types';

export const PROGRAMMES: readonly ProgrammeDef[] = [
  { id: 'anc', label: t('Pelayanan antenatal (ANC)', 'Antenatal care') },
  { id: 'delivery-postnatal', label: t('Persalinan, nifas dan neonatal', 'Delivery, postpartum and newborn') },
  { id: 'immunization', label: t('Imunisasi', 'Immunization') },
  { id: 'growth', label: t('Pertumbuhan dan perkembangan balita', 'Child growth and development') },
  { id: 'school', label: t('Anak usia sekolah dan remaja', 'School age and adolescents') },
  { id: 'adult', label: t('Usia dewasa (skrining PTM, catin, PUS)', 'Adults (NCD screening, catin, PUS)') },
  { id: 'elderly', label: t('Lanjut usia', 'Elderly') },
  { id: 'tb', label: t('Tuberkulosis', 'Tuberculosis') },
];

const BUILDERS = [ancItems, deliveryPostnatalItems, immunizationItems, growthItems, schoolItems, adultItems, elderlyItems, tbItems];

/** Timing kinds a window override may change. */
export function overridableKind(timing: Timing): boolean {
  return ['age', 'dose', 'condition-onset', 'gestation', 'postpartum'].includes(timing.kind);
}

export function applyOverride(timing: Timing, o: WindowOverride): Timing {
  switch (timing.kind) {
    case 'age':
    case 'dose':
    case 'condition-onset':
      return { ...timing, earliest: o.earliest ?? timing.earliest, due: o.due ?? timing.due, latest: o.latest ?? timing.latest };
    case 'gestation': {
      const out = { ...timing, fromDay: o.fromDay ?? timing.fromDay };
      if (o.dueDay !== undefined) out.dueDay = o.dueDay;
      if (o.toDay !== undefined) out.toDay = o.toDay;
      return out;
    }
    case 'postpartum':
      return { ...timing, fromDay: o.fromDay ?? timing.fromDay, toDay: o.toDay ?? timing.toDay };
    default:
      return timing;
  }
}

const cache = new WeakMap<ProtocolSettings, ProtocolItem[]>();

/** Every item of the protocol under these settings (default: the national defaults). */
export function catalogue(settings: ProtocolSettings = DEFAULT_SETTINGS): ProtocolItem[] {
  const hit = cache.get(settings);
  if (hit) return hit;
  const items = BUILDERS.flatMap((b) => b(settings)).map((item) => {
    const o = settings.windowOverrides[item.id];
    if (!o || !overridableKind(item.timing)) return item;
    return { ...item, timing: applyOverride(item.timing, o), settings: [...(item.settings ?? []), `windowOverrides.${item.id}`] };
  });
  cache.set(settings, items);
  return items;
}

/** Item ids (they never depend on settings except KPSP ages). */
export function itemById(id: string, settings: ProtocolSettings = DEFAULT_SETTINGS): ProtocolItem | undefined {
  return catalogue(settings).find((i) => i.id === id);
}
