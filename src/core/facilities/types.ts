import type { AreaLevel } from '../areas/codes';

/**
 * Facility types of the ILP network (KMK 2015/2023 Bab II): Puskesmas in the
 * kecamatan, a Pustu in every desa/kelurahan, a Posyandu in every dusun/RW,
 * plus the partner facilities (jejaring) and hospitals that receive referrals.
 */
export const FACILITY_TYPES = ['dinkes', 'puskesmas', 'pustu', 'posyandu', 'klinik_pratama', 'praktik_mandiri', 'rumah_sakit'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export const FACILITY_LABEL: Record<FacilityType, { id: string; en: string }> = {
  dinkes: { id: 'Dinas Kesehatan', en: 'District Health Office' },
  puskesmas: { id: 'Puskesmas', en: 'Community health centre' },
  pustu: { id: 'Pustu', en: 'Village health post (Pustu)' },
  posyandu: { id: 'Posyandu', en: 'Posyandu' },
  klinik_pratama: { id: 'Klinik pratama', en: 'Primary clinic' },
  praktik_mandiri: { id: 'Praktik mandiri', en: 'Independent practice' },
  rumah_sakit: { id: 'Rumah sakit', en: 'Hospital' },
};

/** The network parent a facility may have (Posyandu → Pustu or Puskesmas → Dinkes). */
export const ALLOWED_PARENT: Record<FacilityType, readonly FacilityType[]> = {
  dinkes: [],
  puskesmas: ['dinkes'],
  pustu: ['puskesmas'],
  posyandu: ['pustu', 'puskesmas'],
  klinik_pratama: ['puskesmas', 'dinkes'],
  praktik_mandiri: ['puskesmas', 'dinkes'],
  rumah_sakit: ['dinkes'],
};

/** The area levels a facility's coverage (its wilayah) is made of. */
export const COVERAGE_LEVELS: Record<FacilityType, readonly AreaLevel[]> = {
  dinkes: ['regency'],
  puskesmas: ['village'], // wilayah kerja: an explicit list of desa/kelurahan
  pustu: ['village'],
  posyandu: ['dusun', 'rw', 'rt', 'village'],
  klinik_pratama: [],
  praktik_mandiri: [],
  rumah_sakit: [],
};

/** The area level a facility of this type stands in. */
export const LOCATION_LEVELS: Record<FacilityType, readonly AreaLevel[]> = {
  dinkes: ['regency', 'district', 'village'],
  puskesmas: ['district', 'village', 'dusun', 'rw', 'rt'],
  pustu: ['village', 'dusun', 'rw', 'rt'],
  posyandu: ['village', 'dusun', 'rw', 'rt'],
  klinik_pratama: ['district', 'village', 'dusun', 'rw', 'rt'],
  praktik_mandiri: ['district', 'village', 'dusun', 'rw', 'rt'],
  rumah_sakit: ['regency', 'district', 'village', 'dusun', 'rw', 'rt'],
};

export function isFacilityType(v: unknown): v is FacilityType {
  return typeof v === 'string' && (FACILITY_TYPES as readonly string[]).includes(v);
}
