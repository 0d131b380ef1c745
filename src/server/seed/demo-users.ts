/**
 * Demo accounts, one per role, all with one shared password that the demo
 * prints. Names are invented. An existing account with the same username is
 * left alone (and not listed as a demo login, since its password is unknown).
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../core/access/roles';
import { hashPassword } from '../auth/password';
import type { Database } from '../db/client';

export const DEMO_PASSWORD = 'siklus-demo';

export interface DemoUserSpec {
  username: string;
  displayName: string;
  role: Role;
  facilityId: string | null;
  /** the place the user is bound to: the facility's area, or the area itself */
  areaCode: string;
  kabCode: string | null;
  /** for the printed list, e.g. "Posyandu Mawar, Kelurahan Mekar Sari" */
  place: string;
}

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  place: string;
}

export async function createDemoUsers(database: Database, specs: readonly DemoUserSpec[]): Promise<DemoLogin[]> {
  const hashes = await Promise.all(specs.map(() => hashPassword(DEMO_PASSWORD)));
  const rows = specs.map((s, i) => ({
    id: randomUUID(), username: s.username, display_name: s.displayName, password_hash: hashes[i]!, role: s.role,
    facility_id: s.facilityId, area_code: s.areaCode, kab_code: s.kabCode,
  }));
  const created = await database.query<{ username: string }>(
    `INSERT INTO app_user (id, username, display_name, password_hash, role, facility_id, area_code, kab_code)
     SELECT r.id, r.username, r.display_name, r.password_hash, r.role, r.facility_id, r.area_code, r.kab_code
       FROM jsonb_to_recordset($1::jsonb)
         AS r(id uuid, username text, display_name text, password_hash text, role text, facility_id uuid, area_code text, kab_code text)
     ON CONFLICT DO NOTHING
     RETURNING username`,
    [JSON.stringify(rows)],
  );
  const made = new Set(created.map((c) => c.username));
  return specs.filter((s) => made.has(s.username)).map((s) => ({
    username: s.username, password: DEMO_PASSWORD, role: s.role, displayName: s.displayName, place: s.place,
  }));
}
