/**
 * The Siklus database schema (Drizzle). Invariants from docs/architecture:
 * - every row carries its kabupaten/kota code (`kab_code`, e.g. "74.02"), the
 *   future distribution column; provinces and the country root have none;
 * - place (an area code) is the unit of access: codes are hierarchical
 *   ("74.02.15.1005.RW003.RT001"), so a subtree is a prefix;
 * - demographic rows (household, person) are edited in place with every field
 *   change kept in `change_log`; clinical records will be append-only events.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text,
  timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

/** A set of days (PostgreSQL datemultirange), written as its text literal (core/records/status-days.ts multirangeLiteral). */
const dateMultirange = customType<{ data: string; driverData: string }>({ dataType: () => 'datemultirange' });

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Installation settings (served districts, protocol overrides, thresholds). */
export const setting = pgTable('setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

/**
 * The area tree: country root "ID", provinces, kabupaten/kota, kecamatan,
 * desa/kelurahan from Kemendagri (idn-area-data), and sub-village units
 * (dusun, RW, RT) created by users under a desa/kelurahan.
 */
export const area = pgTable('area', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  level: text('level').notNull(), // country | province | regency | district | village | dusun | rw | rt
  kind: text('kind'), // regency: kabupaten|kota; village: desa|kelurahan
  name: text('name').notNull(),
  kabCode: text('kab_code'),
  population: integer('population'),
  populationMale: integer('population_male'),
  populationFemale: integer('population_female'),
  areaKm2: doublePrecision('area_km2'),
  lat: doublePrecision('lat'),
  lng: doublePrecision('lng'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('area_parent_idx').on(t.parentCode),
  index('area_kab_idx').on(t.kabCode, t.level),
  index('area_code_prefix_idx').using('btree', sql`${t.code} text_pattern_ops`),
]);

/** Alternative spellings of an area name ("Parit Mayor" for "Paritmayor"). */
export const areaAlias = pgTable('area_alias', {
  areaCode: text('area_code').notNull(),
  alias: text('alias').notNull(),
  kabCode: text('kab_code'),
}, (t) => [primaryKey({ columns: [t.areaCode, t.alias] }), index('area_alias_alias_idx').on(t.alias)]);

/** Boundary polygons imported from GeoJSON (`siklus boundaries import`). */
export const areaBoundary = pgTable('area_boundary', {
  areaCode: text('area_code').primaryKey(),
  kabCode: text('kab_code'),
  geometry: jsonb('geometry').notNull(),
  source: text('source'),
  importedAt: createdAt(),
});

/** Health facilities placed in the area tree, with the network parent (Posyandu → Pustu → Puskesmas). */
export const facility = pgTable('facility', {
  id: uuid('id').primaryKey(),
  kabCode: text('kab_code').notNull(),
  type: text('type').notNull(), // dinkes | puskesmas | pustu | posyandu | klinik_pratama | praktik_mandiri | rumah_sakit
  name: text('name').notNull(),
  code: text('code'), // Kemenkes facility code where known
  areaCode: text('area_code').notNull(), // where it stands
  parentId: uuid('parent_id'),
  address: text('address'),
  phone: text('phone'),
  lat: doublePrecision('lat'),
  lng: doublePrecision('lng'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('facility_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
  index('facility_parent_idx').on(t.parentId),
  index('facility_kab_type_idx').on(t.kabCode, t.type),
  uniqueIndex('facility_code_uq').on(t.code),
]);

/**
 * The areas a facility serves: a Puskesmas's wilayah kerja (desa/kelurahan;
 * a kecamatan may hold several Puskesmas), a Pustu's desa, a Posyandu's
 * dusun/RW. A desa belongs to one Puskesmas work area.
 */
export const facilityCoverage = pgTable('facility_coverage', {
  facilityId: uuid('facility_id').notNull(),
  areaCode: text('area_code').notNull(),
  facilityType: text('facility_type').notNull(),
  kabCode: text('kab_code').notNull(),
}, (t) => [
  primaryKey({ columns: [t.facilityId, t.areaCode] }),
  index('facility_coverage_area_idx').on(t.areaCode),
  uniqueIndex('puskesmas_work_area_uq').on(t.areaCode).where(sql`facility_type = 'puskesmas'`),
]);

/** A household (keluarga) as on the Kartu Keluarga, at an address down to RT/RW. */
export const household = pgTable('household', {
  id: uuid('id').primaryKey(),
  kabCode: text('kab_code').notNull(),
  kkNumber: text('kk_number'),
  areaCode: text('area_code').notNull(), // most specific unit: RT, RW, dusun or the desa itself
  villageCode: text('village_code').notNull(),
  address: text('address'),
  headPersonId: uuid('head_person_id'),
  lat: doublePrecision('lat'),
  lng: doublePrecision('lng'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('household_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
  index('household_village_idx').on(t.villageCode),
  index('household_kk_idx').on(t.kkNumber),
  // KK search by prefix (LIKE '7402…%'): the default opclass cannot serve LIKE under a non-C collation.
  index('household_kk_prefix_idx').using('btree', sql`${t.kkNumber} text_pattern_ops`),
]);

/** A person: identity, domicile, family links and vital status. */
export const person = pgTable('person', {
  id: uuid('id').primaryKey(),
  kabCode: text('kab_code').notNull(),
  nik: text('nik'),
  name: text('name').notNull(),
  nameSearch: text('name_search').notNull(), // lower-case, accents and punctuation folded
  sex: text('sex').notNull(), // M | F
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  birthDateEstimated: boolean('birth_date_estimated').notNull().default(false),
  birthPlace: text('birth_place'),
  motherId: uuid('mother_id'),
  householdId: uuid('household_id'),
  relationship: text('relationship'), // relation to the household head (KK codes)
  phone: text('phone'),
  jknNumber: text('jkn_number'),
  status: text('status').notNull().default('alive'), // alive | deceased | moved
  statusDate: date('status_date', { mode: 'string' }),
  areaCode: text('area_code').notNull(), // domicile, most specific unit
  villageCode: text('village_code').notNull(),
  /** Warnings the user confirmed when saving (NIK/birth-date mismatch, possible duplicate). */
  acceptedWarnings: jsonb('accepted_warnings').$type<AcceptedWarning[]>().notNull().default([]),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('person_nik_uq').on(t.nik).where(sql`nik is not null`),
  // NIK search by prefix (LIKE), as for the KK above.
  index('person_nik_prefix_idx').using('btree', sql`${t.nik} text_pattern_ops`).where(sql`nik is not null`),
  index('person_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
  index('person_household_idx').on(t.householdId),
  index('person_mother_idx').on(t.motherId),
  index('person_village_birth_idx').on(t.villageCode, t.birthDate),
  index('person_name_trgm_idx').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
]);

export interface AcceptedWarning {
  code: string;
  field?: string;
  message: string;
  at: string;
  by: string | null;
}

/** Where a person lived and when: moving closes one row and opens another. */
export const personResidence = pgTable('person_residence', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kabCode: text('kab_code').notNull(),
  personId: uuid('person_id').notNull(),
  householdId: uuid('household_id'),
  areaCode: text('area_code').notNull(),
  fromDate: date('from_date', { mode: 'string' }),
  toDate: date('to_date', { mode: 'string' }),
  reason: text('reason'),
  recordedBy: uuid('recorded_by'),
  recordedAt: createdAt(),
}, (t) => [index('person_residence_person_idx').on(t.personId)]);

/** Field-by-field history of every edit to a demographic row. */
export const changeLog = pgTable('change_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kabCode: text('kab_code'),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  field: text('field').notNull(),
  oldValue: jsonb('old_value'),
  newValue: jsonb('new_value'),
  userId: uuid('user_id'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('change_log_entity_idx').on(t.entityType, t.entityId, t.at)]);

/** A user account, bound to a place: a facility (its coverage) or an area. */
export const appUser = pgTable('app_user', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(), // kader | bidan | petugas_klaster | kepala_puskesmas | dinkes | admin
  facilityId: uuid('facility_id'),
  areaCode: text('area_code').notNull(), // the place the user is bound to
  kabCode: text('kab_code'),
  phone: text('phone'),
  locale: text('locale').notNull().default('id'),
  active: boolean('active').notNull().default(true),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('app_user_username_uq').on(sql`lower(${t.username})`)]);

/** Login sessions; the cookie holds a random token, the table its SHA-256. */
export const session = pgTable('session', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: createdAt(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('session_user_idx').on(t.userId)]);

/** Every read of a person's record and every write, with who, when, what and from where. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: uuid('user_id'),
  username: text('username'),
  role: text('role'),
  action: text('action').notNull(), // read | create | update | delete | denied | login | login_failed | logout | export
  entityType: text('entity_type'),
  entityId: text('entity_id'),
  personId: uuid('person_id'),
  areaCode: text('area_code'),
  kabCode: text('kab_code'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  method: text('method'),
  path: text('path'),
  statusCode: smallint('status_code'),
  details: jsonb('details'),
}, (t) => [
  index('audit_at_idx').on(t.at),
  index('audit_user_idx').on(t.userId, t.at),
  index('audit_person_idx').on(t.personId, t.at),
  index('audit_entity_idx').on(t.entityType, t.entityId),
  index('audit_action_ip_idx').on(t.action, t.ip, t.at),
  index('audit_action_username_idx').on(t.action, t.username, t.at),
]);

/**
 * Clinical events: append-only, identified by a UUID made where the event was
 * recorded (phone or server) so a retried upload is idempotent. A correction
 * is a new event that names the one it supersedes. Each event carries the
 * person's domicile at the time (for PWS by domicile) and the place that
 * served (for the by-place view).
 */
export const event = pgTable('event', {
  id: uuid('id').primaryKey(),
  kabCode: text('kab_code').notNull(),
  personId: uuid('person_id').notNull(),
  kind: text('kind').notNull(), // condition | measurement | immunization | screening | medication | visit | delivery | ...
  codeSystem: text('code_system'),
  code: text('code').notNull(),
  occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }),
  valueNum: doublePrecision('value_num'),
  value: jsonb('value'),
  unit: text('unit'),
  visitId: uuid('visit_id'),
  facilityId: uuid('facility_id'),
  placeKind: text('place_kind'), // posyandu | pustu | puskesmas | home | other
  domicileAreaCode: text('domicile_area_code').notNull(),
  supersedesId: uuid('supersedes_id'),
  warnings: jsonb('warnings'),
  recordedBy: uuid('recorded_by'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('event_person_idx').on(t.personId, t.occurredOn),
  index('event_domicile_idx').using('btree', sql`${t.domicileAreaCode} text_pattern_ops`, t.occurredOn),
  index('event_kab_code_idx').on(t.kabCode, t.code, t.occurredOn),
  index('event_supersedes_idx').on(t.supersedesId),
  index('event_visit_idx').on(t.visitId),
]);

/**
 * A field session: a Posyandu opening day (one per Posyandu and date) or a
 * kader's home visit to a household. Visits recorded during it point to it.
 */
export const fieldSession = pgTable('field_session', {
  id: uuid('id').primaryKey(),
  kabCode: text('kab_code').notNull(),
  kind: text('kind').notNull(), // posyandu | home_visit
  facilityId: uuid('facility_id'),
  householdId: uuid('household_id'),
  areaCode: text('area_code').notNull(),
  sessionDate: date('session_date', { mode: 'string' }).notNull(),
  openedBy: uuid('opened_by'),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  closedBy: uuid('closed_by'),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  summary: jsonb('summary'),
  notes: text('notes'),
}, (t) => [
  uniqueIndex('field_session_posyandu_day_uq').on(t.facilityId, t.sessionDate).where(sql`kind = 'posyandu'`),
  index('field_session_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.sessionDate),
  index('field_session_household_idx').on(t.householdId, t.sessionDate),
]);

/**
 * A visit (kunjungan): one person served at one place on one day, holding the
 * events recorded then. Its UUID is made where it is recorded, so a retried
 * upload is idempotent.
 */
export const visit = pgTable('visit', {
  id: uuid('id').primaryKey(),
  kabCode: text('kab_code').notNull(),
  personId: uuid('person_id').notNull(),
  sessionId: uuid('session_id'),
  facilityId: uuid('facility_id'),
  placeKind: text('place_kind').notNull(), // posyandu | pustu | puskesmas | home | school | other
  occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }),
  domicileAreaCode: text('domicile_area_code').notNull(),
  notes: text('notes'),
  recordedBy: uuid('recorded_by'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('visit_person_idx').on(t.personId, t.occurredOn),
  index('visit_session_idx').on(t.sessionId),
  index('visit_domicile_idx').using('btree', sql`${t.domicileAreaCode} text_pattern_ops`, t.occurredOn),
  index('visit_facility_idx').on(t.facilityId, t.occurredOn),
]);

/**
 * A referral (rujukan) from one facility to another, with its status kept
 * fresh from its append-only steps (sent, received, handled, back-referred).
 */
export const referral = pgTable('referral', {
  id: uuid('id').primaryKey(),
  kabCode: text('kab_code').notNull(),
  personId: uuid('person_id').notNull(),
  visitId: uuid('visit_id'),
  fromFacilityId: uuid('from_facility_id').notNull(),
  toFacilityId: uuid('to_facility_id').notNull(),
  reason: text('reason').notNull(),
  urgency: text('urgency').notNull(), // emergency | urgent | routine
  findings: jsonb('findings'),
  status: text('status').notNull(), // sent | received | handled | back_referred | cancelled
  dueBy: date('due_by', { mode: 'string' }).notNull(),
  domicileAreaCode: text('domicile_area_code').notNull(),
  outcome: text('outcome'),
  backInstructions: text('back_instructions'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  index('referral_to_idx').on(t.toFacilityId, t.status),
  index('referral_from_idx').on(t.fromFacilityId, t.status),
  index('referral_person_idx').on(t.personId),
  index('referral_domicile_idx').using('btree', sql`${t.domicileAreaCode} text_pattern_ops`),
]);

export const referralStep = pgTable('referral_step', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kabCode: text('kab_code').notNull(),
  referralId: uuid('referral_id').notNull(),
  step: text('step').notNull(), // sent | received | handled | back_referred | cancelled | note
  facilityId: uuid('facility_id'),
  note: text('note'),
  data: jsonb('data'),
  by: uuid('by'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('referral_step_referral_idx').on(t.referralId, t.at)]);

/**
 * Derived state: a person's schedule (the engine's entries) stored with its
 * windows, kept fresh in the same transaction as the writes that change it.
 * Status by date is a query on the windows (due = earliest ≤ day ≤ due …), so
 * due lists need no recomputation as days pass; `horizon_until` says how far
 * ahead recurring instances were generated.
 */
export const personScheduleItem = pgTable('person_schedule_item', {
  personId: uuid('person_id').notNull(),
  key: text('key').notNull(),
  kabCode: text('kab_code').notNull(),
  areaCode: text('area_code').notNull(),
  item: text('item').notNull(),
  programme: text('programme').notNull(),
  earliest: date('earliest', { mode: 'string' }).notNull(),
  due: date('due', { mode: 'string' }).notNull(),
  latest: date('latest', { mode: 'string' }).notNull(),
  /** done | not_applicable | open (status by date follows from the window) | unreachable */
  state: text('state').notNull(),
  doneEventId: uuid('done_event_id'),
  doneOn: date('done_on', { mode: 'string' }),
  dose: smallint('dose'),
  period: text('period'),
}, (t) => [
  primaryKey({ columns: [t.personId, t.key] }),
  index('psi_area_open_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.earliest).where(sql`state = 'open'`),
  index('psi_kab_item_idx').on(t.kabCode, t.item, t.latest),
]);

export const personScheduleState = pgTable('person_schedule_state', {
  personId: uuid('person_id').primaryKey(),
  kabCode: text('kab_code').notNull(),
  computedOn: date('computed_on', { mode: 'string' }).notNull(),
  horizonUntil: date('horizon_until', { mode: 'string' }).notNull(),
  protocolVersion: text('protocol_version').notNull(),
  settingsFingerprint: text('settings_fingerprint').notNull(),
  /** Life-cycle stage spans [{ id, from, to }] (core/records/stages.ts): "who is in stage X on day D" without events. */
  stages: jsonb('stages').notNull().default([]),
  /** Current danger signs [{ code, since, until, eventId }] (core/records/danger-signs.ts), for home-visit routes. */
  flags: jsonb('flags').notNull().default([]),
  /**
   * The days the person has an item in each open-window status (core/records/status-days.ts), so a due list
   * asks this row instead of probing the items. Null on rows stored before the columns existed: such a
   * schedule counts as stale (schedule-store.ts staleCondition) and is computed again when a list reads it.
   */
  dueDays: dateMultirange('due_days'),
  overdueDays: dateMultirange('overdue_days'),
  missedDays: dateMultirange('missed_days'),
  upcomingDays: dateMultirange('upcoming_days'),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('pss_horizon_idx').on(t.horizonUntil)]);

/**
 * WHO growth reference LMS rows, imported by `siklus reference import who`
 * from the text files WHO publishes (2006 standards by day or by length,
 * 2007 reference by month).
 */
export const growthReference = pgTable('growth_reference', {
  table: text('table_name').notNull(), // e.g. weianthro, wfawho2007
  sex: smallint('sex').notNull(), // 1 male, 2 female
  x: doublePrecision('x').notNull(), // age (days or months) or length/height (cm)
  l: doublePrecision('l').notNull(),
  m: doublePrecision('m').notNull(),
  s: doublePrecision('s').notNull(),
  loh: text('loh'), // L or H where the file says
}, (t) => [primaryKey({ columns: [t.table, t.sex, t.x] })]);

export const referenceImport = pgTable('reference_import', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(), // who-growth | population | boundaries
  source: text('source'),
  rows: integer('rows').notNull(),
  details: jsonb('details'),
  importedBy: text('imported_by'),
  importedAt: createdAt(),
});

export type Area = typeof area.$inferSelect;
export type Facility = typeof facility.$inferSelect;
export type Household = typeof household.$inferSelect;
export type Person = typeof person.$inferSelect;
export type AppUser = typeof appUser.$inferSelect;
export type ClinicalEvent = typeof event.$inferSelect;
export type Visit = typeof visit.$inferSelect;
export type Referral = typeof referral.$inferSelect;

/**
 * Indicators (docs/indicators.md): the evaluator's rows per person,
 * indicator and calendar year, filed under the person's current domicile.
 * Kept fresh in the transaction of every write that changes the person's
 * events or facts; `siklus indicators rebuild` recomputes them from events.
 */
export const personIndicator = pgTable('person_indicator', {
  personId: uuid('person_id').notNull(),
  indicator: text('indicator').notNull(),
  year: smallint('year').notNull(),
  kabCode: text('kab_code').notNull(),
  areaCode: text('area_code').notNull(), // domicile, most specific unit
  sex: text('sex').notNull(), // M | F
  ageBand: text('age_band').notNull(),
  registerMonth: smallint('register_month'),
  numeratorMonth: smallint('numerator_month'),
  monthsServed: integer('months_served').notNull().default(0), // bit (m − 1) = served in month m
  counts: integer('counts').array(), // 12 occurrences per month, for count indicators
  facilityId: uuid('facility_id'),
}, (t) => [
  primaryKey({ columns: [t.personId, t.indicator, t.year] }),
  // The people behind a number: an indicator's rows under an area subtree.
  index('person_indicator_drill_idx').using('btree', t.kabCode, t.indicator, t.year, sql`${t.areaCode} text_pattern_ops`),
]);

/**
 * Indicator counters per area at every ancestor level of the domicile (RT,
 * RW, dusun, desa, kecamatan, kabupaten/kota), month, sex and age band: the
 * sums of person_indicator, kept by deltas in the writes' transactions.
 */
export const indicatorCounter = pgTable('indicator_counter', {
  areaCode: text('area_code').notNull(),
  indicator: text('indicator').notNull(),
  year: smallint('year').notNull(),
  month: smallint('month').notNull(),
  sex: text('sex').notNull(),
  ageBand: text('age_band').notNull(),
  kabCode: text('kab_code').notNull(),
  level: text('level').notNull(), // regency | district | village | dusun | rw | rt
  regNew: integer('reg_new').notNull().default(0),
  numNew: integer('num_new').notNull().default(0),
  served: integer('served').notNull().default(0),
  occurrences: integer('occurrences').notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.areaCode, t.indicator, t.year, t.month, t.sex, t.ageBand] }),
  // A dashboard: every indicator of one area and year.
  index('indicator_counter_area_year_idx').on(t.areaCode, t.year),
  // Ranking the child areas of a place on one indicator.
  index('indicator_counter_rank_idx').on(t.kabCode, t.level, t.indicator, t.year),
]);

/** The by-place view: numerators filed under the facility of the first qualifying service. */
export const indicatorFacilityCounter = pgTable('indicator_facility_counter', {
  facilityId: uuid('facility_id').notNull(),
  indicator: text('indicator').notNull(),
  year: smallint('year').notNull(),
  month: smallint('month').notNull(),
  sex: text('sex').notNull(),
  ageBand: text('age_band').notNull(),
  kabCode: text('kab_code').notNull(),
  numNew: integer('num_new').notNull().default(0),
  served: integer('served').notNull().default(0),
  occurrences: integer('occurrences').notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.facilityId, t.indicator, t.year, t.month, t.sex, t.ageBand] }),
  index('indicator_facility_counter_kab_idx').on(t.kabCode, t.indicator, t.year),
]);

/** Dinkes overrides of the estimated target group (sasaran proyeksi) of a desa/kelurahan and year. */
export const sasaran = pgTable('sasaran', {
  areaCode: text('area_code').notNull(),
  year: smallint('year').notNull(),
  sasaranGroup: text('sasaran_group').notNull(),
  kabCode: text('kab_code').notNull(),
  value: integer('value').notNull(),
  note: text('note'),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.areaCode, t.year, t.sasaranGroup] }),
  index('sasaran_kab_year_idx').on(t.kabCode, t.year),
]);
