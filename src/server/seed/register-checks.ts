/**
 * Invariants a seeded register must hold, checked against the database (used
 * by the seed tests on both engines). Each check counts offending rows; a
 * clean register yields no violations.
 */
import { checkKk, checkNik, type IdCheckContext } from '../../core/people/nik';
import type { IsoDate } from '../../core/time/dates';
import type { AcceptedWarning } from '../db/schema';
import type { Database } from '../db/client';
import { AGE_GROUPS, groupShares } from './demography';
import { PREGNANCY_CODE } from './register-writer';

export interface RegisterCheck {
  violations: string[];
  /** share of people per AGE_GROUPS entry, and the largest gap to the source shares (percentage points) */
  ageShares: number[];
  maxAgeGapPoints: number;
  people: number;
  pregnancies: number;
  newborns: number;
}

/** Each query returns one row with a count `n` of offending rows. */
const COUNT_CHECKS: Record<string, string> = {
  'person area outside its village or kabupaten': `
    SELECT count(*)::int AS n FROM person p
     WHERE p.kab_code = ANY($1::text[])
       AND (NOT (p.area_code = p.village_code OR p.area_code LIKE p.village_code || '.%') OR left(p.village_code, 5) <> p.kab_code)`,
  'person area or village not in the area table': `
    SELECT count(*)::int AS n FROM person p
     WHERE p.kab_code = ANY($1::text[])
       AND (NOT EXISTS (SELECT 1 FROM area a WHERE a.code = p.area_code)
            OR NOT EXISTS (SELECT 1 FROM area v WHERE v.code = p.village_code AND v.level = 'village'))`,
  'person domicile differs from household': `
    SELECT count(*)::int AS n FROM person p JOIN household h ON h.id = p.household_id
     WHERE p.kab_code = ANY($1::text[])
       AND (p.area_code <> h.area_code OR p.village_code <> h.village_code OR p.kab_code <> h.kab_code)`,
  'person without a household': `
    SELECT count(*)::int AS n FROM person p
     WHERE p.kab_code = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM household h WHERE h.id = p.household_id)`,
  'household area outside its village or kabupaten': `
    SELECT count(*)::int AS n FROM household h
     WHERE h.kab_code = ANY($1::text[])
       AND (NOT h.area_code LIKE h.village_code || '.%' OR left(h.village_code, 5) <> h.kab_code
            OR NOT EXISTS (SELECT 1 FROM area a WHERE a.code = h.area_code AND a.level IN ('rt', 'rw', 'dusun')))`,
  'household head not a member': `
    SELECT count(*)::int AS n FROM household h
     WHERE h.kab_code = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = h.head_person_id AND p.household_id = h.id AND p.relationship = 'kepala')`,
  'household size outside 3–6': `
    SELECT count(*)::int AS n FROM household h
     WHERE h.kab_code = ANY($1::text[])
       AND (SELECT count(*) FROM person p WHERE p.household_id = h.id) NOT BETWEEN 3 AND 6`,
  'duplicate NIK': `
    SELECT (count(nik) - count(DISTINCT nik))::int AS n FROM person WHERE kab_code = ANY($1::text[])`,
  'duplicate or missing KK number': `
    SELECT (count(*) - count(DISTINCT kk_number))::int AS n FROM household WHERE kab_code = ANY($1::text[])`,
  'mother not female, not in the household, or under 15 years older': `
    SELECT count(*)::int AS n FROM person c JOIN person m ON m.id = c.mother_id
     WHERE c.kab_code = ANY($1::text[])
       AND (m.sex <> 'F' OR m.household_id <> c.household_id OR (m.birth_date + interval '15 years')::date > c.birth_date)`,
  'infant without a mother': `
    SELECT count(*)::int AS n FROM person
     WHERE kab_code = ANY($1::text[]) AND birth_date > ($2::date - interval '1 year')::date AND mother_id IS NULL`,
  'not exactly one residence row': `
    SELECT count(*)::int AS n FROM person p
     WHERE p.kab_code = ANY($1::text[])
       AND (SELECT count(*) FROM person_residence r WHERE r.person_id = p.id AND r.area_code = p.area_code AND r.household_id = p.household_id) <> 1`,
  'status date missing, or set while alive': `
    SELECT count(*)::int AS n FROM person
     WHERE kab_code = ANY($1::text[]) AND ((status = 'alive') <> (status_date IS NULL) OR status_date > $2::date OR status_date < birth_date)`,
  'birth date after the reference date': `
    SELECT count(*)::int AS n FROM person WHERE kab_code = ANY($1::text[]) AND birth_date > $2::date`,
  'Posyandu without a Pustu parent in its desa, or without dusun/RW coverage': `
    SELECT count(*)::int AS n FROM facility f
     WHERE f.kab_code = ANY($1::text[]) AND f.type = 'posyandu'
       AND (NOT EXISTS (SELECT 1 FROM facility p WHERE p.id = f.parent_id AND p.type = 'pustu' AND f.area_code LIKE p.area_code || '.%')
            OR NOT EXISTS (SELECT 1 FROM facility_coverage c JOIN area a ON a.code = c.area_code
                            WHERE c.facility_id = f.id AND a.level IN ('dusun', 'rw') AND c.facility_type = 'posyandu'))`,
  'Pustu without a Puskesmas parent whose work area holds its desa': `
    SELECT count(*)::int AS n FROM facility f
     WHERE f.kab_code = ANY($1::text[]) AND f.type = 'pustu'
       AND NOT EXISTS (SELECT 1 FROM facility p JOIN facility_coverage c ON c.facility_id = p.id
                        WHERE p.id = f.parent_id AND p.type = 'puskesmas' AND c.area_code = f.area_code)`,
  'Pustu not covering its own desa': `
    SELECT count(*)::int AS n FROM facility f
     WHERE f.kab_code = ANY($1::text[]) AND f.type = 'pustu'
       AND NOT EXISTS (SELECT 1 FROM facility_coverage c WHERE c.facility_id = f.id AND c.area_code = f.area_code)`,
  'Puskesmas work area not a list of desa/kelurahan': `
    SELECT count(*)::int AS n FROM facility f
     WHERE f.kab_code = ANY($1::text[]) AND f.type = 'puskesmas'
       AND (NOT EXISTS (SELECT 1 FROM facility_coverage c WHERE c.facility_id = f.id)
            OR EXISTS (SELECT 1 FROM facility_coverage c LEFT JOIN area a ON a.code = c.area_code
                        WHERE c.facility_id = f.id AND a.level IS DISTINCT FROM 'village'))`,
  'populated desa/kelurahan without a Pustu': `
    SELECT count(DISTINCT p.village_code)::int AS n FROM person p
     WHERE p.kab_code = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM facility f WHERE f.type = 'pustu' AND f.area_code = p.village_code)`,
  'pregnancy not of a living woman aged 15–49, or dates out of order': `
    SELECT count(*)::int AS n FROM event e JOIN person p ON p.id = e.person_id
     WHERE e.kab_code = ANY($1::text[]) AND e.code_system = $3 AND e.code = $4
       -- current pregnancies: a past one closed by its delivery (seed histories) is not checked against today
       AND NOT EXISTS (SELECT 1 FROM event d WHERE d.person_id = e.person_id AND d.kind = 'delivery' AND d.occurred_on >= e.occurred_on)
       AND (p.sex <> 'F' OR p.status <> 'alive'
            OR date_part('year', age($2::date, p.birth_date)) NOT BETWEEN 15 AND 49
            OR (e.value->>'lmp')::date > e.occurred_on OR e.occurred_on > $2::date
            OR $2::date - (e.value->>'lmp')::date > 42 * 7
            OR e.kind <> 'condition' OR e.domicile_area_code <> p.area_code OR e.kab_code <> p.kab_code)`,
};

export async function checkRegister(database: Database, kabCodes: string[], today: IsoDate): Promise<RegisterCheck> {
  const violations: string[] = [];
  const allParams = [kabCodes, today, PREGNANCY_CODE.system, PREGNANCY_CODE.code];
  for (const [name, sql] of Object.entries(COUNT_CHECKS)) {
    // Pass exactly the parameters the statement uses ($1 … $n).
    const used = Math.max(...[...sql.matchAll(/\$(\d)/g)].map((m) => Number(m[1])));
    const [r] = await database.query<{ n: number }>(sql, allParams.slice(0, used));
    if (r!.n !== 0) violations.push(`${name}: ${r!.n}`);
  }

  // NIK and KK numbers against the core checks (the same the registration form uses).
  const kabs = new Set((await database.query<{ code: string }>(`SELECT code FROM area WHERE level = 'regency'`)).map((r) => r.code));
  const districts = new Set((await database.query<{ code: string }>(`SELECT code FROM area WHERE level = 'district'`)).map((r) => r.code));
  const ctx: IdCheckContext = { knownKab: (k) => kabs.has(k), knownDistrict: (d) => districts.has(d) };
  const people = await database.query<{ nik: string; birth_date: string; sex: 'M' | 'F'; accepted_warnings: AcceptedWarning[] }>(
    'SELECT nik, birth_date, sex, accepted_warnings FROM person WHERE kab_code = ANY($1::text[]) AND nik IS NOT NULL', [kabCodes],
  );
  let badNik = 0;
  let unflagged = 0;
  for (const p of people) {
    const r = checkNik(p.nik, { birthDate: p.birth_date, sex: p.sex }, ctx);
    const accepted = new Set(p.accepted_warnings.map((w) => w.code));
    if (r.errors.length) badNik++;
    else if (r.warnings.some((w) => !accepted.has(w.code))) unflagged++;
  }
  if (badNik) violations.push(`NIK failing checkNik: ${badNik}`);
  if (unflagged) violations.push(`NIK warning not flagged in accepted_warnings: ${unflagged}`);
  const kks = await database.query<{ kk_number: string }>('SELECT kk_number FROM household WHERE kab_code = ANY($1::text[])', [kabCodes]);
  const badKk = kks.filter((k) => {
    const r = checkKk(k.kk_number, ctx);
    return r.errors.length > 0 || r.warnings.length > 0;
  }).length;
  if (badKk) violations.push(`KK number failing checkKk: ${badKk}`);

  const ages = await database.query<{ age: number; n: number }>(
    `SELECT date_part('year', age($2::date, birth_date))::int AS age, count(*)::int AS n
       FROM person WHERE kab_code = ANY($1::text[]) GROUP BY 1`,
    [kabCodes, today],
  );
  const total = ages.reduce((s, a) => s + a.n, 0);
  const ageShares = AGE_GROUPS.map((g) => ages.filter((a) => a.age >= g.from && a.age <= g.to).reduce((s, a) => s + a.n, 0) / Math.max(total, 1));
  const source = groupShares();
  const maxAgeGapPoints = Math.max(...ageShares.map((s, i) => Math.abs(s - source[i]!) * 100));

  const [counts] = await database.query<{ pregnancies: number; newborns: number }>(
    `SELECT (SELECT count(*) FROM event e WHERE kab_code = ANY($1::text[]) AND code_system = $3 AND code = $4
               AND NOT EXISTS (SELECT 1 FROM event d WHERE d.person_id = e.person_id AND d.kind = 'delivery' AND d.occurred_on >= e.occurred_on))::int AS pregnancies,
            (SELECT count(*) FROM person WHERE kab_code = ANY($1::text[]) AND birth_date BETWEEN $2::date - 28 AND $2::date)::int AS newborns`,
    [kabCodes, today, PREGNANCY_CODE.system, PREGNANCY_CODE.code],
  );
  return { violations, ageShares, maxAgeGapPoints, people: total, pregnancies: counts!.pregnancies, newborns: counts!.newborns };
}
