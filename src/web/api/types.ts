/**
 * Types of the Siklus JSON API as the web app uses them. They follow the
 * server's routes (src/server/modules/**); the web never imports server code,
 * so these are written out here and kept in step with /api/openapi.json.
 */
import type { AreaLevel } from '../../core/areas/codes';
import type { FacilityType } from '../../core/facilities/types';
import type { Role, Permissions } from '../../core/access/roles';
import type { Relationship, PersonStatus } from '../../core/people/household';
import type { Sex } from '../../core/people/nik';

export type { AreaLevel, FacilityType, Role, Permissions, Relationship, PersonStatus, Sex };

export interface PlaceRef {
  code: string;
  name: string;
  level: AreaLevel;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale: string;
  facility: { id: string; name: string; type: FacilityType } | null;
  place: PlaceRef;
  scope: PlaceRef[];
  permissions: Permissions;
}

export interface Session {
  user: Me;
  csrfToken: string;
}

export interface Area {
  code: string;
  name: string;
  level: AreaLevel;
  kind?: string | null;
  population?: number | null;
  areaKm2?: number | null;
  /** inside the user's scope (false for ancestors shown only for navigation) */
  inScope?: boolean;
}

export interface AreaWithCounts extends Area {
  households: number;
  people: number;
}

export interface FacilitySummary {
  id: string;
  name: string;
  type: FacilityType;
  code: string | null;
  areaCode: string;
  areaName: string;
  parentId: string | null;
  parentName: string | null;
}

export interface AreaDetail {
  area: Area;
  ancestors: Area[];
  children: AreaWithCounts[];
  facilities: FacilitySummary[];
  counts: { households: number; people: number };
}

export type FacilityCounts = Partial<Record<FacilityType, number>>;

export interface HomeData {
  place: PlaceRef;
  counts: { households: number; people: number; facilities: FacilityCounts };
}

export interface Facility extends Omit<FacilitySummary, 'areaName' | 'parentName'> {
  areaName: string | null;
  parentName?: string | null;
  address: string | null;
  phone: string | null;
  active?: boolean;
  version: number;
}

export interface FacilityDetail {
  facility: Facility;
  parent: FacilitySummary | null;
  children: FacilitySummary[];
  coverage: Area[];
  counts: { households?: number; people?: number; [k: string]: number | undefined };
}

export interface FacilityInput {
  type: FacilityType;
  name: string;
  code?: string | null;
  areaCode: string;
  parentId?: string | null;
  address?: string | null;
  phone?: string | null;
  coverage?: string[];
}

export interface HouseholdSummary {
  id: string;
  kkNumber: string | null;
  address: string | null;
  areaCode: string;
  areaName: string;
  rt: string | null;
  rw: string | null;
  dusun: string | null;
  villageCode: string;
  villageName: string;
  headPersonId?: string | null;
  headName: string | null;
  memberCount: number;
  version?: number;
}

export interface Household extends HouseholdSummary {
  headPersonId: string | null;
  version: number;
}

export interface PersonSummary {
  id: string;
  nik: string | null;
  name: string;
  sex: Sex;
  birthDate: string;
  status: PersonStatus;
  statusDate?: string | null;
  householdId: string | null;
  relationship: Relationship | null;
  motherId?: string | null;
  areaCode: string;
  villageCode?: string;
  villageName: string | null;
}

export interface HouseholdDetail {
  household: Household;
  members: PersonSummary[];
  lineage: Area[];
}

export interface HouseholdInput {
  kkNumber?: string | null;
  areaCode: string;
  address?: string | null;
  headPersonId?: string | null;
}

export interface Person {
  id: string;
  nik: string | null;
  name: string;
  sex: Sex;
  birthDate: string;
  birthDateEstimated: boolean;
  birthPlace: string | null;
  motherId: string | null;
  householdId: string | null;
  relationship: Relationship | null;
  phone: string | null;
  jknNumber: string | null;
  status: PersonStatus;
  statusDate: string | null;
  areaCode: string;
  villageCode: string;
  acceptedWarnings?: AcceptedWarning[];
  version: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface Residence {
  id?: number;
  householdId: string | null;
  areaCode: string;
  areaName?: string | null;
  villageName?: string | null;
  fromDate: string | null;
  toDate: string | null;
  reason: string | null;
  recordedAt?: string;
}

export interface AcceptedWarning {
  code: string;
  field?: string;
  message: string;
  at: string;
  by: string | null;
}

export interface PersonDetail {
  person: Person;
  household: HouseholdSummary | null;
  mother: PersonSummary | null;
  children: PersonSummary[];
  lineage: Area[];
  residences: Residence[];
}

export interface PersonInput {
  nik?: string | null;
  name: string;
  sex: Sex;
  birthDate: string;
  birthDateEstimated?: boolean;
  birthPlace?: string | null;
  motherId?: string | null;
  householdId?: string | null;
  relationship?: Relationship | null;
  phone?: string | null;
  jknNumber?: string | null;
  areaCode?: string | null;
  confirm?: string[];
}

export interface Change {
  at: string;
  userId?: string | null;
  userName: string | null;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

export interface PersonHistory {
  changes: Change[];
  residences: Residence[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  facilityId: string | null;
  facilityName?: string | null;
  facilityType?: FacilityType | null;
  areaCode: string;
  areaName?: string | null;
  phone?: string | null;
  locale?: string;
  active: boolean;
  lastLoginAt?: string | null;
}

export interface UserInput {
  username: string;
  displayName: string;
  role: Role;
  facilityId?: string | null;
  areaCode?: string | null;
  phone?: string | null;
  password: string;
  locale?: string;
}

export interface AuditEntry {
  id: number | string;
  at: string;
  userId: string | null;
  username: string | null;
  role: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  personId: string | null;
  areaCode: string | null;
  ip: string | null;
  method: string | null;
  path: string | null;
  statusCode: number | null;
  personName?: string | null;
  userAgent?: string | null;
  details?: unknown;
}

export interface ApiWarning {
  code: string;
  field?: string;
  message: string;
}

/** The JSON body of every error response. */
export interface ApiErrorBody {
  error: string;
  message: string;
  fields?: Record<string, string>;
  warnings?: ApiWarning[];
  existing?: { id: string; name?: string } | null;
  retryAfterSeconds?: number;
}
