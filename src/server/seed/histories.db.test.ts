import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lmsZ } from '../../core/anthropometry/lms';
import { hasScorer } from '../../core/records/screening';
import type { EventInput, RecordEvent } from '../../core/records/types';
import { checkVisit } from '../../core/records/visit';
import { recognise } from '../../core/codes/registry';
import { addDays, ageInDays, todayIn } from '../../core/time/dates';
import { growthReferences } from '../modules/records/growth-refs';
import { createTestDatabase, type TestDatabase } from '../testing/test-db';
import { createDemoUsers } from './demo-users';
import { recordersOf, seedHistories, type HistorySummary } from './histories';
import { seedPopulation } from './scale';

const today = todayIn('Asia/Jakarta');
const PEOPLE = 2500;
const SEED = 11;

interface EventRow {
  id: string;
  person_id: string;
  visit_id: string;
  kind: string;
  code_system: string;
  code: string;
  occurred_on: string;
  value_num: number | null;
  value: Record<string, unknown> | null;
  unit: string | null;
  warnings: Array<{ code: string }> | null;
  place_kind: string;
  facility_id: string | null;
  recorded_by: string | null;
}

describe('seedHistories', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  let summary: HistorySummary;
  let kader: { id: string; facility_id: string };
  beforeAll(async () => {
    a = await createTestDatabase();
    b = await createTestDatabase();
    await seedPopulation(a, { area: '74.02', people: PEOPLE, seed: SEED, today });
    // A kader for the busiest Posyandu, so her visits carry her id.
    const [busy] = await a.query<{ id: string; area_code: string }>(`
      SELECT f.id, f.area_code FROM facility f WHERE f.type = 'posyandu'
      ORDER BY (SELECT count(*) FROM person p WHERE p.area_code LIKE f.area_code || '.%') DESC, f.id LIMIT 1`);
    await createDemoUsers(a, [{ username: 'kader.uji', displayName: 'Kader Uji', role: 'kader', facilityId: busy!.id, areaCode: busy!.area_code, kabCode: '74.02', place: 'uji' }]);
    kader = (await a.query<{ id: string; facility_id: string }>(`SELECT id, facility_id FROM app_user WHERE username = 'kader.uji'`))[0]!;
    summary = await seedHistories(a, { kabCode: '74.02', seed: SEED, today, recordedBy: await recordersOf(a, '74.02') });
    // The same seed through the scale seed's flag, in another database.
    await seedPopulation(b, { area: '74.02', people: PEOPLE, seed: SEED, today, histories: true });
  }, 300_000);
  afterAll(async () => {
    await a?.destroy();
    await b?.destroy();
  });

  const events = (db: TestDatabase) => db.query<EventRow>(`
    SELECT e.id, e.person_id, e.visit_id, e.kind, e.code_system, e.code, e.occurred_on::text AS occurred_on, e.value_num, e.value, e.unit,
           e.warnings, e.place_kind, e.facility_id, e.recorded_by
    FROM event e WHERE e.visit_id IS NOT NULL ORDER BY e.person_id, e.occurred_on, e.id`);

  it('writes visits and events for children, pregnant women, adults and elders, and a schedule for everyone', async () => {
    expect(summary.people).toBe(PEOPLE);
    expect(summary.schedules).toBe(PEOPLE);
    expect(summary.withHistory).toBeGreaterThan(PEOPLE * 0.1);
    expect(summary.events).toBeGreaterThan(summary.visits);
    const [n] = await a.query<{ states: number; alive: number; visits: number; orphans: number }>(`
      SELECT (SELECT count(*)::int FROM person_schedule_state) AS states, (SELECT count(*)::int FROM person) AS alive,
             (SELECT count(*)::int FROM visit) AS visits,
             (SELECT count(*)::int FROM event e WHERE e.visit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.id = e.visit_id)) AS orphans`);
    expect(n).toMatchObject({ states: PEOPLE, visits: summary.visits, orphans: 0 });
    const concepts = new Set((await events(a)).map((e) => recognise(e.code_system, e.code)?.concept));
    for (const c of ['HB0', 'BCG', 'DPT-HB-Hib', 'MR', 'weight', 'length', 'height', 'vitamin-a', 'anc-contact', 'usg', 'muac', 'bp', 'glucose-capillary', 'skilas']) {
      expect(concepts, c).toContain(c);
    }
  });

  it('stores events that pass core\'s visit checks as POST /api/visits runs them, with the warnings a user would have confirmed', async () => {
    const rows = await events(a);
    const people = new Map((await a.query<{ id: string; sex: 'M' | 'F'; birth_date: string }>('SELECT id, sex, birth_date::text AS birth_date FROM person')).map((p) => [p.id, p]));
    const prior = await a.query<{ id: string; person_id: string; code_system: string; code: string; occurred_on: string; value: unknown }>(
      `SELECT id, person_id, code_system, code, occurred_on::text AS occurred_on, value FROM event WHERE visit_id IS NULL`);
    const refs = await growthReferences(a.db);
    const history = new Map<string, RecordEvent[]>();
    for (const e of prior) history.set(e.person_id, [...(history.get(e.person_id) ?? []), { id: e.id, codeSystem: e.code_system, code: e.code, occurredOn: e.occurred_on, value: e.value }]);
    const byVisit = new Map<string, EventRow[]>();
    for (const e of rows) byVisit.set(e.visit_id, [...(byVisit.get(e.visit_id) ?? []), e]);
    const visits = [...byVisit.values()].sort((x, y) => (x[0]!.occurred_on < y[0]!.occurred_on ? -1 : 1));
    let checked = 0;
    let warned = 0;
    for (const v of visits) {
      const first = v[0]!;
      const p = people.get(first.person_id)!;
      const inputs: EventInput[] = v.map((e) => {
        const concept = recognise(e.code_system, e.code)?.concept;
        const scored = concept ? hasScorer(concept) : false;
        return {
          id: e.id, kind: e.kind as EventInput['kind'], system: e.code_system, code: e.code,
          valueNum: scored ? null : e.value_num, value: scored ? { answers: e.value!.answers } : e.value, unit: e.unit,
        };
      });
      const h = history.get(p.id) ?? [];
      const r = checkVisit({ person: { sex: p.sex, birthDate: p.birth_date }, occurredOn: first.occurred_on, events: inputs, history: h, refs });
      expect(r.issues, `${p.id} ${first.occurred_on}`).toEqual([]);
      const stored = v.flatMap((e) => (e.warnings ?? []).map((w) => w.code)).sort();
      expect(r.warnings.map((w) => w.code).sort(), `${p.id} ${first.occurred_on}`).toEqual(stored);
      warned += stored.length;
      // Stored as the API stores them: the checked value, number and unit.
      r.events.forEach((n, i) => {
        expect([n.valueNum, n.unit, n.system]).toEqual([v[i]!.value_num, v[i]!.unit, v[i]!.code_system]);
      });
      h.push(...v.map((e) => ({ id: e.id, codeSystem: e.code_system, code: e.code, occurredOn: e.occurred_on, valueNum: e.value_num, value: e.value, placeKind: e.place_kind })));
      history.set(p.id, h);
      checked++;
    }
    expect(checked).toBe(summary.visits);
    expect(warned).toBeLessThan(summary.events * 0.02);
  }, 120_000);

  it('places visits at the person\'s own Posyandu, Pustu or Puskesmas (home visits the Pustu\'s, school checks the Puskesmas\'), recorded by its user', async () => {
    const [bad] = await a.query<{ n: number }>(`
      SELECT count(*)::int AS n FROM visit v JOIN person p ON p.id = v.person_id
      WHERE (v.facility_id IS NULL) <> (v.place_kind = 'other') OR v.place_kind NOT IN ('posyandu', 'pustu', 'puskesmas', 'home', 'school', 'other')
         OR v.place_kind <> 'other' AND NOT EXISTS (SELECT 1 FROM facility_coverage c JOIN facility f ON f.id = c.facility_id
                        WHERE c.facility_id = v.facility_id
                          -- home visits are the Pustu's, school checks the Puskesmas' (histories-plan.ts facilityAt)
                          AND f.type = CASE v.place_kind WHEN 'home' THEN 'pustu' WHEN 'school' THEN 'puskesmas' ELSE v.place_kind END
                          AND (p.area_code = c.area_code OR p.area_code LIKE c.area_code || '.%'))
         OR v.occurred_on >= $1::date OR v.occurred_on < p.birth_date
         OR v.recorded_at < v.occurred_on::timestamptz - interval '1 day'`, [today]);
    expect(bad!.n).toBe(0);
    const mine = await a.query<{ recorded_by: string | null; n: number }>(
      `SELECT recorded_by, count(*)::int AS n FROM visit WHERE facility_id = $1 GROUP BY 1`, [kader.facility_id]);
    expect(mine.length).toBe(1);
    expect(mine[0]!.recorded_by).toBe(kader.id);
    const [others] = await a.query<{ n: number }>(`SELECT count(*)::int AS n FROM visit WHERE recorded_by IS NULL`);
    expect(others!.n).toBe(0); // everyone else's visits fall back to the district's field user
  });

  it('gives the same histories for the same seed', async () => {
    const strip = (rows: EventRow[]) => rows.map(({ recorded_by: _r, warnings, ...e }) => ({ ...e, warnings: warnings?.map((w) => w.code) ?? null }));
    const x = strip(await events(a));
    const y = strip(await events(b));
    expect(y.length).toBe(x.length);
    expect(y).toEqual(x);
    const visits = (db: TestDatabase) => db.query(`SELECT id, person_id, occurred_on::text, place_kind, facility_id, recorded_at FROM visit ORDER BY id`);
    expect(await visits(b)).toEqual(await visits(a));
  });

  it('leaves stored schedules with done, due, overdue and missed items in sensible proportions', async () => {
    const status = await a.query<{ item: string; status: string; n: number }>(`
      SELECT CASE WHEN i.item LIKE 'imm.%' THEN 'imm' WHEN i.item LIKE 'anc.k%' THEN 'anc' ELSE i.item END AS item,
             CASE WHEN i.state <> 'open' THEN i.state WHEN $1::date < i.earliest THEN 'upcoming' WHEN $1::date <= i.due THEN 'due'
                  WHEN $1::date <= i.latest THEN 'overdue' ELSE 'missed' END AS status, count(*)::int AS n
      FROM person_schedule_item i JOIN person p ON p.id = i.person_id
      WHERE i.item LIKE 'imm.%' OR i.item LIKE 'anc.k%' OR i.item IN ('growth.weighing', 'adult.bp', 'elderly.skilas')
      GROUP BY 1, 2`, [today]);
    const share = (item: string, s: string[], of: string[]) => {
      const n = (list: string[]) => status.filter((r) => r.item === item && list.includes(r.status)).reduce((t, r) => t + r.n, 0);
      return n(s) / Math.max(1, n(of));
    };
    // Children's doses whose window has closed or is open: most given, some late or missed.
    const imm = ['done', 'due', 'overdue', 'missed', 'unreachable'];
    expect(share('imm', ['done'], imm)).toBeGreaterThan(0.6);
    expect(share('imm', ['done'], imm)).toBeLessThan(0.95);
    expect(share('imm', ['missed', 'unreachable'], imm)).toBeGreaterThan(0.02);
    expect(share('imm', ['due', 'overdue'], imm)).toBeGreaterThan(0.02);
    // Monthly weighings of the stored year: most months weighed, this month's still due for many.
    const weigh = ['done', 'due', 'overdue', 'missed'];
    expect(share('growth.weighing', ['done'], weigh)).toBeGreaterThan(0.45);
    expect(share('growth.weighing', ['done'], weigh)).toBeLessThan(0.95);
    expect(share('growth.weighing', ['due'], weigh)).toBeGreaterThan(0.02);
    expect(share('anc', ['done'], ['done', 'overdue', 'missed'])).toBeGreaterThan(0.6);
    // Adults' yearly BP: a minority is checked at all (SIKLUS choice 30–55 %), so most are open.
    expect(share('adult.bp', ['done'], ['done', 'due', 'overdue', 'missed'])).toBeGreaterThan(0.1);
    expect(share('adult.bp', ['done'], ['done', 'due', 'overdue', 'missed'])).toBeLessThan(0.6);
  });

  it('grows children around the WHO medians, with a share stunted', async () => {
    const refs = await growthReferences(a.db);
    const last = await a.query<{ sex: 'M' | 'F'; birth_date: string; occurred_on: string; value_num: number }>(`
      SELECT DISTINCT ON (p.id) p.sex, p.birth_date::text AS birth_date, e.occurred_on::text AS occurred_on, e.value_num
      FROM event e JOIN person p ON p.id = e.person_id
      WHERE e.code IN ('8306-3', '8302-2') AND e.occurred_on > $1::date
      ORDER BY p.id, e.occurred_on DESC`, [addDays(today, -365)]);
    const z = last.flatMap((r) => {
      const lms = refs.lms('lenanthro', r.sex, ageInDays(r.birth_date, r.occurred_on));
      return lms ? [lmsZ(r.value_num, lms)] : [];
    });
    expect(z.length).toBeGreaterThan(50);
    const mean = z.reduce((s, v) => s + v, 0) / z.length;
    const stunted = z.filter((v) => v < -2).length / z.length;
    expect(mean).toBeGreaterThan(-1.8);
    expect(mean).toBeLessThan(-0.6);
    expect(stunted).toBeGreaterThan(0.08);
    expect(stunted).toBeLessThan(0.4);
  });
});
