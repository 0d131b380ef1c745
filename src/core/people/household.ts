/**
 * Relationship to the head of the household, as printed on the Kartu
 * Keluarga ("status hubungan dalam keluarga", Dukcapil).
 */
export const RELATIONSHIPS = [
  'kepala', 'suami', 'istri', 'anak', 'menantu', 'cucu', 'orang_tua', 'mertua', 'famili_lain', 'pembantu', 'lainnya',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const RELATIONSHIP_LABEL: Record<Relationship, { id: string; en: string }> = {
  kepala: { id: 'Kepala keluarga', en: 'Head of household' },
  suami: { id: 'Suami', en: 'Husband' },
  istri: { id: 'Istri', en: 'Wife' },
  anak: { id: 'Anak', en: 'Child' },
  menantu: { id: 'Menantu', en: 'Child-in-law' },
  cucu: { id: 'Cucu', en: 'Grandchild' },
  orang_tua: { id: 'Orang tua', en: 'Parent' },
  mertua: { id: 'Mertua', en: 'Parent-in-law' },
  famili_lain: { id: 'Famili lain', en: 'Other relative' },
  pembantu: { id: 'Pembantu', en: 'Domestic worker' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

export const PERSON_STATUSES = ['alive', 'deceased', 'moved'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const PERSON_STATUS_LABEL: Record<PersonStatus, { id: string; en: string }> = {
  alive: { id: 'Hidup', en: 'Alive' },
  deceased: { id: 'Meninggal', en: 'Deceased' },
  moved: { id: 'Pindah', en: 'Moved away' },
};
