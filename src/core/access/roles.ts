import type { FacilityType } from '../facilities/types';

/**
 * Roles. A user is bound to a place: a facility (its coverage is the scope)
 * or an area. Access policy is data here, used by the server and the app.
 */
export const ROLES = ['kader', 'bidan', 'petugas_klaster', 'kepala_puskesmas', 'dinkes', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, { id: string; en: string }> = {
  kader: { id: 'Kader Posyandu', en: 'Posyandu cadre' },
  bidan: { id: 'Bidan/Perawat Pustu', en: 'Pustu midwife/nurse' },
  petugas_klaster: { id: 'Petugas Klaster Puskesmas', en: 'Puskesmas cluster staff' },
  kepala_puskesmas: { id: 'Kepala Puskesmas', en: 'Head of Puskesmas' },
  dinkes: { id: 'Dinas Kesehatan', en: 'District Health Office' },
  admin: { id: 'Administrator', en: 'Administrator' },
};

/** The facility type a role is bound to; null = bound to an area (kab/kota, province or ID). */
export const ROLE_FACILITY: Record<Role, FacilityType | null> = {
  kader: 'posyandu',
  bidan: 'pustu',
  petugas_klaster: 'puskesmas',
  kepala_puskesmas: 'puskesmas',
  dinkes: null,
  admin: null,
};

export interface Permissions {
  /** register and edit households and people */
  editRegistry: boolean;
  /** manage users of places in scope */
  manageUsers: boolean;
  /** create and edit facilities and sub-village areas */
  managePlaces: boolean;
  /** browse the audit log */
  viewAudit: boolean;
}

export const ROLE_PERMISSIONS: Record<Role, Permissions> = {
  kader: { editRegistry: true, manageUsers: false, managePlaces: false, viewAudit: false },
  bidan: { editRegistry: true, manageUsers: false, managePlaces: true, viewAudit: false },
  petugas_klaster: { editRegistry: true, manageUsers: false, managePlaces: false, viewAudit: false },
  kepala_puskesmas: { editRegistry: true, manageUsers: true, managePlaces: true, viewAudit: true },
  dinkes: { editRegistry: true, manageUsers: true, managePlaces: true, viewAudit: true },
  admin: { editRegistry: true, manageUsers: true, managePlaces: true, viewAudit: true },
};

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}
