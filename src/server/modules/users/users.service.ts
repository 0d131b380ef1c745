import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { isAreaCode, kabCodeOf, levelOf } from '../../../core/areas/codes';
import { ROLE_FACILITY, ROLES, type Role } from '../../../core/access/roles';
import type { Issue } from '../../../core/i18n/issues';
import { inScope, type Scope } from '../../access/scope';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../auth/password';
import { appUser, facility } from '../../db/schema';
import type { DbOrTx } from '../../db/sql';
import { getArea } from '../areas/areas.repo';

/** Who may create whom: a manager grants only roles below their own (an admin also admins). */
const RANK: Record<Role, number> = { kader: 1, bidan: 2, petugas_klaster: 3, kepala_puskesmas: 4, dinkes: 5, admin: 6 };

export function canGrant(managerRole: Role, role: Role): boolean {
  return managerRole === 'admin' || RANK[role] < RANK[managerRole];
}

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  facilityId?: string | null;
  areaCode?: string | null;
  phone?: string | null;
  locale?: 'id' | 'en';
}

export interface Binding {
  facilityId: string | null;
  areaCode: string;
  kabCode: string | null;
}

/**
 * Resolves where a user is bound: kader to a Posyandu, bidan to a Pustu,
 * Puskesmas staff to a Puskesmas (their scope is its coverage); dinkes to a
 * kabupaten/kota; admin to any area ("ID" = everything).
 */
export async function resolveBinding(
  db: DbOrTx,
  input: { role: Role; facilityId?: string | null; areaCode?: string | null },
  managerScope: Scope | null,
  issues: Issue[],
): Promise<Binding | undefined> {
  const needs = ROLE_FACILITY[input.role];
  if (needs) {
    if (!input.facilityId) {
      issues.push({ code: 'required', field: 'facilityId' });
      return undefined;
    }
    const f = (await db.select().from(facility).where(eq(facility.id, input.facilityId)))[0];
    if (!f || (managerScope && !inScope(managerScope, f.areaCode))) {
      issues.push({ code: 'facility_parent_unknown', field: 'facilityId' });
      return undefined;
    }
    if (f.type !== needs) {
      issues.push({ code: 'user_facility_type', field: 'facilityId', params: { type: needs } });
      return undefined;
    }
    return { facilityId: f.id, areaCode: f.areaCode, kabCode: f.kabCode };
  }
  const code = input.areaCode ?? '';
  if (!isAreaCode(code)) {
    issues.push({ code: input.areaCode ? 'area_code_format' : 'required', field: 'areaCode' });
    return undefined;
  }
  if (input.role === 'dinkes' && levelOf(code) !== 'regency') {
    issues.push({ code: 'area_level_invalid', field: 'areaCode', params: { level: 'kabupaten/kota' } });
    return undefined;
  }
  if (!(await getArea(db, code))) {
    issues.push({ code: 'area_unknown', field: 'areaCode', params: { code } });
    return undefined;
  }
  if (managerScope && !inScope(managerScope, code)) {
    issues.push({ code: 'area_outside_scope', field: 'areaCode' });
    return undefined;
  }
  return { facilityId: null, areaCode: code, kabCode: kabCodeOf(code) };
}

export function checkUserFields(input: { username?: string; displayName?: string; password?: string; role?: string }, issues: Issue[]): void {
  if (input.displayName !== undefined && input.displayName.trim().length < 2) issues.push({ code: 'too_short', field: 'displayName', params: { min: 2 } });
  if (input.username !== undefined && !/^[a-z0-9._-]{3,40}$/i.test(input.username)) issues.push({ code: 'username_format', field: 'username' });
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    issues.push({ code: 'password_too_short', field: 'password', params: { min: MIN_PASSWORD_LENGTH } });
  }
  if (input.role !== undefined && !(ROLES as readonly string[]).includes(input.role)) issues.push({ code: 'invalid_option', field: 'role', params: { options: ROLES.join(', ') } });
}

export async function usernameTaken(db: DbOrTx, username: string, exceptId?: string): Promise<boolean> {
  const r = await db.select({ id: appUser.id }).from(appUser).where(eq(sql`lower(${appUser.username})`, username.toLowerCase()));
  return r.some((x) => x.id !== exceptId);
}

export async function insertUser(db: DbOrTx, input: UserInput, binding: Binding): Promise<string> {
  const id = randomUUID();
  await db.insert(appUser).values({
    id,
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    facilityId: binding.facilityId,
    areaCode: binding.areaCode,
    kabCode: binding.kabCode,
    phone: input.phone ?? null,
    locale: input.locale ?? 'id',
  });
  return id;
}
