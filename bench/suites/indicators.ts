/**
 * PWS/SPM indicators at district scale (issue 5), through the real HTTP app:
 * a Konawe-sized district (270,000 people, ≥ 5 million events from the
 * histories generator at depth 'deep') on PostgreSQL, then
 * - indicators_rebuild_s: rebuildIndicators for the district (every person's
 *   rows of the current and previous year, then the counters);
 * - dashboard_kabupaten_p95_ms / dashboard_desa_p95_ms: GET /api/indicators
 *   for the kabupaten (as its Dinkes user) and for a desa (as its bidan);
 * - indicator_freshness_ms: from sending a visit (POST /api/visits, a
 *   weighing of a balita of the desa not yet weighed this month) until the
 *   desa dashboard shows a changed figure, worst of several;
 * - dashboard_kabupaten_pglite_p95_ms: the kabupaten dashboard on embedded
 *   PGlite, with a smaller district (its size in the note).
 *
 * Databases: SIKLUS_BENCH_INDICATORS_URL when set, else `siklus_perf5` on
 * SIKLUS_BENCH_PG_URL's server (created when missing). Seeded only when
 * Konawe has no people there, so a seeded database is reused (the seed
 * takes tens of minutes). SIKLUS_BENCH_PEOPLE and
 * SIKLUS_BENCH_PGLITE_PEOPLE override the sizes.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { lmsValueAt } from '../../src/core/anthropometry/lms';
import { ageInDays, todayIn } from '../../src/core/time/dates';
import { loadConfig } from '../../src/server/config';
import { openDatabase, type Database } from '../../src/server/db/client';
import { buildApp } from '../../src/server/http/app';
import { rebuildIndicators } from '../../src/server/modules/indicators/indicators.rebuild';
import { growthReferences } from '../../src/server/modules/records/growth-refs';
import { createDemoUsers } from '../../src/server/seed/demo-users';
import { benchLogin } from '../app-client';
import { seedPopulation } from '../../src/server/seed/scale';
import { percentile, type BenchFigure, type BenchSuite } from '../suite';

const ADMIN_URL = process.env.SIKLUS_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PEOPLE = Number(process.env.SIKLUS_BENCH_PEOPLE ?? 270_000); // Kabupaten Konawe: 269,128 (Dukcapil, Semester II 2024)
const PGLITE_PEOPLE = Number(process.env.SIKLUS_BENCH_PGLITE_PEOPLE ?? 10_000);
const KAB = '74.02';
const DB_NAME = 'siklus_perf5';
const DASHBOARD_ROUNDS = 30;
const FRESHNESS_ROUNDS = 8;
const MIN_EVENTS = 5_000_000;

async function ensureDatabase(): Promise<string> {
  if (process.env.SIKLUS_BENCH_INDICATORS_URL) return process.env.SIKLUS_BENCH_INDICATORS_URL;
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await client.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/** Seeds the district with deep histories when it has no people; the seed's own figures when it ran. */
async function seeded(database: Database, people: number, today: string): Promise<{ note: string | null; seconds: number | null }> {
  const [has] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE kab_code = $1', [KAB]);
  if (has!.n > 0) return { note: null, seconds: null };
  const s = await seedPopulation(database, { area: KAB, people, seed: 1, today, histories: true, historyDepth: 'deep', log: (m) => console.log(m) });
  const h = s.histories!;
  return { note: `seeded ${s.people} people, ${h.visits} visits, ${h.events} events in ${s.seconds.toFixed(0)} s`, seconds: s.seconds };
}

interface Dashboards {
  kabupaten: number[];
  desa: number[];
  freshness: number[];
  desaCode: string;
}

/** The dashboards and the write-to-dashboard time through the HTTP app. */
async function measure(database: Database, today: string, rounds: number, freshnessRounds: number): Promise<Dashboards> {
  // The desa with the most under-fives not yet weighed this month (the freshness test weighs them), its Pustu's bidan, and the Dinkes.
  const [desa] = await database.query<{ code: string; pustu: string }>(`
    SELECT v.code, pu.id AS pustu FROM area v JOIN facility pu ON pu.type = 'pustu' AND pu.area_code = v.code
    WHERE v.code LIKE $1 || '.%' AND v.level = 'village'
    ORDER BY (SELECT count(*) FROM person p WHERE p.village_code = v.code AND p.status = 'alive' AND p.birth_date > $2::date - 1700 AND p.birth_date < $2::date - 60
      AND NOT EXISTS (SELECT 1 FROM event e WHERE e.person_id = p.id AND e.code = '29463-7' AND e.occurred_on >= date_trunc('month', $2::date))) DESC, v.code
    LIMIT 1`, [KAB, today]);
  if (!desa) throw new Error('no desa with a Pustu in the district');
  await createDemoUsers(database, [
    { username: 'bench.dinkes', displayName: 'Dinkes', role: 'dinkes', facilityId: null, areaCode: KAB, kabCode: KAB, place: KAB },
    // One bidan per desa: a later run may pick another desa (its under-fives weighed by this one).
    { username: `bench.bidan.${desa.code}`, displayName: 'Bidan desa', role: 'bidan', facilityId: desa.pustu, areaCode: desa.code, kabCode: KAB, place: desa.pustu },
  ]);
  const app = await buildApp({ database, config: { ...loadConfig({}), cookieSecure: false }, webRoot: null });
  await app.ready();
  try {
    const login = (username: string) => benchLogin(app, username);
    const dinkes = await login('bench.dinkes');
    const bidan = await login(`bench.bidan.${desa.code}`);
    const kabUrl = `/api/indicators?area=${KAB}`;
    const desaUrl = `/api/indicators?area=${desa.code}`;
    const get = async (c: typeof dinkes, url: string) => {
      const r = await timed(() => c.get(url));
      if (r.value.statusCode !== 200) throw new Error(`${url}: ${r.value.statusCode} ${r.value.body}`);
      return r;
    };
    // First calls (plans, caches) are not counted.
    await get(dinkes, kabUrl);
    await get(bidan, desaUrl);
    const kabupaten: number[] = [];
    const desaMs: number[] = [];
    for (let k = 0; k < rounds; k++) {
      kabupaten.push((await get(dinkes, kabUrl)).ms);
      desaMs.push((await get(bidan, desaUrl)).ms);
    }

    // Freshness: a weighing of a balita of the desa not weighed this month, then the desa dashboard until it changes.
    const refs = await growthReferences(database.db);
    const children = await database.query<{ id: string; sex: 'M' | 'F'; birth_date: string }>(`
      SELECT p.id, p.sex, p.birth_date::text AS birth_date FROM person p
      WHERE p.village_code = $1 AND p.status = 'alive' AND p.birth_date > $2::date - 1700 AND p.birth_date < $2::date - 60
        AND NOT EXISTS (SELECT 1 FROM event e WHERE e.person_id = p.id AND e.code = '29463-7' AND e.occurred_on >= date_trunc('month', $2::date))
      ORDER BY md5(p.id::text) LIMIT ${freshnessRounds}`, [desa.code, today]);
    const freshness: number[] = [];
    const figures = (body: string) => JSON.stringify((JSON.parse(body) as { indicators: unknown[] }).indicators);
    for (const c of children) {
      const before = figures((await get(bidan, desaUrl)).value.body);
      const lms = refs.lms('weianthro', c.sex, ageInDays(c.birth_date, today));
      if (!lms) continue;
      const body = {
        id: randomUUID(), personId: c.id, occurredOn: today, placeKind: 'pustu', facilityId: desa.pustu,
        events: [{ id: randomUUID(), kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: Math.round(lmsValueAt(-0.5, lms) * 10) / 10 }],
      };
      const started = performance.now();
      let r = await bidan.post('/api/visits', body);
      if (r.statusCode === 409 && (r.json() as { error: string }).error === 'needs_confirmation') {
        r = await bidan.post('/api/visits', { ...body, confirm: (r.json() as { warnings: { code: string }[] }).warnings.map((w) => w.code) });
      }
      if (r.statusCode !== 201) throw new Error(`visit: ${r.statusCode} ${r.body}`);
      // Polled until a figure moves (the refresh runs in the visit's transaction: the first reading should show it).
      for (;;) {
        const now = figures((await get(bidan, desaUrl)).value.body);
        if (now !== before) break;
        if (performance.now() - started > 10_000) throw new Error(`the desa dashboard did not change within 10 s of a weighing of ${c.id}`);
      }
      freshness.push(performance.now() - started);
    }
    return { kabupaten, desa: desaMs, freshness, desaCode: desa.code };
  } finally {
    await app.close();
  }
}

export const indicatorsSuite: BenchSuite = {
  name: 'indicators',
  async run() {
    const today = todayIn('Asia/Jakarta');
    const figures: BenchFigure[] = [];

    // PostgreSQL, Konawe-sized.
    const database = await openDatabase({ databaseUrl: await ensureDatabase() });
    try {
      const seed = await seeded(database, PEOPLE, today);
      const [size] = await database.query<{ people: number; events: number }>(
        'SELECT (SELECT count(*) FROM person WHERE kab_code = $1)::int AS people, (SELECT count(*) FROM event WHERE kab_code = $1)::int AS events', [KAB]);
      const sizeNote = `${size!.people.toLocaleString('en')} people, ${size!.events.toLocaleString('en')} events${size!.events < MIN_EVENTS ? ' (fewer than the 5 million asked)' : ''}; PostgreSQL`;
      const rebuild = await rebuildIndicators(database.db, { kab: KAB, today, log: (m) => console.log(m) });
      figures.push({
        name: 'indicators_rebuild_s', value: rebuild.seconds, unit: 's',
        note: `${rebuild.people} people, ${rebuild.rows} rows, ${rebuild.counters} counters, years ${rebuild.years.join('+')}, ${Math.round(rebuild.peoplePerSecond)} people/s; ${sizeNote}`,
      });
      const m = await measure(database, today, DASHBOARD_ROUNDS, FRESHNESS_ROUNDS);
      figures.push(
        {
          name: 'dashboard_kabupaten_p95_ms', value: percentile(m.kabupaten, 95), unit: 'ms', target: { op: '<', value: 100 },
          note: `GET /api/indicators?area=${KAB} as Dinkes × ${m.kabupaten.length}, median ${percentile(m.kabupaten, 50).toFixed(1)} ms; ${sizeNote}`,
        },
        {
          name: 'dashboard_desa_p95_ms', value: percentile(m.desa, 95), unit: 'ms', target: { op: '<', value: 50 },
          note: `GET /api/indicators?area=${m.desaCode} as its bidan × ${m.desa.length}, median ${percentile(m.desa, 50).toFixed(1)} ms; ${sizeNote}`,
        },
        {
          // No under-five left unweighed this month in any desa: no figure (NaN), said in the note.
          name: 'indicator_freshness_ms', value: m.freshness.length ? Math.max(...m.freshness) : NaN, unit: 'ms', target: { op: '<', value: 1000 },
          note: `worst of ${m.freshness.length} weighings from POST /api/visits to a changed desa dashboard, median ${percentile(m.freshness, 50).toFixed(1)} ms; ${sizeNote}`,
        },
      );
      if (seed.seconds !== null) figures.push({ name: 'seed_deep_histories_s', value: seed.seconds, unit: 's', note: seed.note! });
    } finally {
      await database.close();
    }

    // PGlite, a smaller district (seeding millions of events into the embedded engine would take hours).
    const lite = await openDatabase({});
    try {
      const s = await seedPopulation(lite, { area: KAB, people: PGLITE_PEOPLE, seed: 1, today, histories: true, historyDepth: 'deep' });
      const m = await measure(lite, today, DASHBOARD_ROUNDS, 0);
      figures.push({
        name: 'dashboard_kabupaten_pglite_p95_ms', value: percentile(m.kabupaten, 95), unit: 'ms', target: { op: '<', value: 100 },
        note: `GET /api/indicators?area=${KAB} × ${m.kabupaten.length}, median ${percentile(m.kabupaten, 50).toFixed(1)} ms, desa p95 ${percentile(m.desa, 95).toFixed(1)} ms; `
          + `${s.people.toLocaleString('en')} people, ${s.histories!.events.toLocaleString('en')} events; PGlite in memory`,
      });
    } finally {
      await lite.close();
    }
    return figures;
  },
};
