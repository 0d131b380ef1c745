/**
 * Streams generated households, people, residences and pregnancy events to
 * the database with COPY, in batches, so memory stays bounded. On PostgreSQL
 * the tables of one batch load in parallel (one pooled connection each) while
 * the next batch is being generated.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { codesFor } from '../../core/codes/registry';
import { normalizeName } from '../../core/people/names';
import type { Database } from '../db/client';
import type { HouseholdRow, PersonRow, PregnancyRow, VillagePopulation } from './population';

/**
 * The pregnancy code from the engine's code registry (src/core/codes), so the
 * schedule engine recognises seeded pregnancies: ICD-10 Z34 "Supervision of
 * normal pregnancy" (fhir-satusehat.md §4.3; SNOMED 77386006 is not in the
 * registry).
 */
const pregnancyEntry = codesFor('pregnancy').find((c) => c.code === 'Z34') ?? codesFor('pregnancy')[0];
if (!pregnancyEntry) throw new Error('the code registry has no pregnancy code');
export const PREGNANCY_CODE = { system: pregnancyEntry.system, code: pregnancyEntry.code } as const;

export interface RegisterCounts {
  households: number;
  persons: number;
  pregnancies: number;
}

const HOUSEHOLD_COLUMNS = ['id', 'kab_code', 'kk_number', 'area_code', 'village_code', 'address', 'head_person_id'];
const PERSON_COLUMNS = [
  'id', 'kab_code', 'nik', 'name', 'name_search', 'sex', 'birth_date', 'birth_date_estimated', 'birth_place', 'mother_id',
  'household_id', 'relationship', 'phone', 'jkn_number', 'status', 'status_date', 'area_code', 'village_code', 'accepted_warnings',
];
const RESIDENCE_COLUMNS = ['kab_code', 'person_id', 'household_id', 'area_code', 'from_date', 'to_date', 'reason'];
const EVENT_COLUMNS = ['id', 'kab_code', 'person_id', 'kind', 'code_system', 'code', 'occurred_on', 'value', 'facility_id', 'place_kind', 'domicile_area_code'];

function householdRow(h: HouseholdRow): unknown[] {
  return [h.id, h.kabCode, h.kkNumber, h.areaCode, h.villageCode, h.address, h.headPersonId];
}

function personRow(p: PersonRow): unknown[] {
  return [
    p.id, p.kabCode, p.nik, p.name, normalizeName(p.name), p.sex, p.birthDate, p.birthDateEstimated, p.birthPlace, p.motherId,
    p.householdId, p.relationship, p.phone, p.jknNumber, p.status, p.statusDate, p.areaCode, p.villageCode, p.acceptedWarnings,
  ];
}

function residenceRow(p: PersonRow): unknown[] {
  return [p.kabCode, p.id, p.householdId, p.areaCode, p.residenceFrom, p.residenceTo, p.residenceReason];
}

function pregnancyRow(e: PregnancyRow): unknown[] {
  return [
    e.id, e.kabCode, e.personId, 'condition', PREGNANCY_CODE.system, PREGNANCY_CODE.code, e.registeredOn, { lmp: e.lmp },
    e.facilityId, e.facilityId ? 'pustu' : null, e.domicileAreaCode,
  ];
}

export class RegisterWriter {
  private households: HouseholdRow[] = [];
  private persons: PersonRow[] = [];
  private pregnancies: PregnancyRow[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  readonly counts: RegisterCounts = { households: 0, persons: 0, pregnancies: 0 };

  constructor(private readonly database: Database, private readonly batchSize = 25_000) {}

  async add(village: VillagePopulation): Promise<void> {
    this.households.push(...village.households);
    this.persons.push(...village.persons);
    this.pregnancies.push(...village.pregnancies);
    this.counts.households += village.households.length;
    this.counts.persons += village.persons.length;
    this.counts.pregnancies += village.pregnancies.length;
    if (this.persons.length >= this.batchSize) await this.flush();
    // Let the COPY streams of the previous batch move while we generate.
    await yieldToEventLoop();
  }

  /** Starts loading what is buffered; waits for the batch before it first, so at most one is in flight. */
  private async flush(): Promise<void> {
    await this.inFlight;
    const households = this.households;
    const persons = this.persons;
    const pregnancies = this.pregnancies;
    this.households = [];
    this.persons = [];
    this.pregnancies = [];
    const loads: (() => Promise<number>)[] = [
      () => this.database.copyRows('household', HOUSEHOLD_COLUMNS, households.map(householdRow)),
      () => this.database.copyRows('person', PERSON_COLUMNS, (function* () { for (const p of persons) yield personRow(p); })()),
      () => this.database.copyRows('person_residence', RESIDENCE_COLUMNS, (function* () { for (const p of persons) yield residenceRow(p); })()),
      () => this.database.copyRows('event', EVENT_COLUMNS, pregnancies.map(pregnancyRow)),
    ];
    this.inFlight = this.database.engine === 'postgres'
      ? Promise.all(loads.map((load) => load())).then(() => undefined)
      : loads.reduce<Promise<unknown>>((p, load) => p.then(load), Promise.resolve()).then(() => undefined);
    // Surface a failure at the next await rather than as an unhandled rejection.
    this.inFlight.catch(() => undefined);
  }

  async finish(): Promise<RegisterCounts> {
    await this.flush();
    await this.inFlight;
    return this.counts;
  }
}
