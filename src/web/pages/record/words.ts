/**
 * Words for the record, referral and protocol pages that are UI vocabulary
 * rather than clinical rules (place kinds, providers). Clinical labels come
 * from core (statuses, bands, categories, catalogue labels).
 */
import type { MessageKey, Params } from '../../i18n';
import type { PlaceKind, ProviderKind } from '../../../core/protocol/types';

type T = (key: MessageKey, params?: Params) => string;

const PLACE_KEYS: Record<PlaceKind, MessageKey> = {
  posyandu: 'rec.place.posyandu',
  pustu: 'rec.place.pustu',
  puskesmas: 'rec.place.puskesmas',
  home: 'rec.place.home',
  school: 'rec.place.school',
  other: 'rec.place.other',
};

const PROVIDER_KEYS: Record<ProviderKind, MessageKey> = {
  doctor: 'rec.provider.doctor',
  midwife: 'rec.provider.midwife',
  nurse: 'rec.provider.nurse',
  dentist: 'rec.provider.dentist',
  kader: 'rec.provider.kader',
  teacher: 'rec.provider.teacher',
  other: 'rec.provider.other',
};

export function placeKindLabel(t: T, k: string | null | undefined): string {
  if (!k) return '–';
  const key = PLACE_KEYS[k as PlaceKind];
  return key ? t(key) : k;
}

export function providerLabel(t: T, k: string | null | undefined): string {
  if (!k) return '–';
  const key = PROVIDER_KEYS[k as ProviderKind];
  return key ? t(key) : k;
}
