/**
 * Field work at district scale, through the real HTTP app (routing,
 * validation, scope, audit, CSRF): a Konawe-sized population (270,000 people
 * with service histories and stored schedules) on PostgreSQL, then
 * - the due list of a Posyandu for its next session (several Posyandu, warm:
 *   the first call of each may refresh stale schedules and is not counted);
 * - the registration search (GET /api/people?q=) by name fragment, NIK
 *   prefix and KK number, as the bidan of a desa;
 * - recording a typical Posyandu visit (weight, length, the immunization the
 *   child is due for) with new UUIDs each time, as the Posyandu's kader
 *   (warm: a few visits of other children first, not counted, so the figure
 *   is a running server's and not the JIT compiling the code paths).
 *
 * Database: DATABASE_URL when set (seeded only when Konawe has no people
 * yet, so a kept database is reused), else a throw-away database on
 * SIKLUS_BENCH_PG_URL (default 127.0.0.1:5432), else in-memory PGlite with a
 * note. SIKLUS_BENCH_PEOPLE overrides the size.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { catalogue } from '../../src/core/protocol/catalogue';
import { codesFor } from '../../src/core/codes/registry';
import type { Concept } from '../../src/core/codes/concepts';
import { lmsValueAt } from '../../src/core/anthropometry/lms';
import { ageInDays, todayIn } from '../../src/core/time/dates';
import { loadConfig } from '../../src/server/config';
import { openDatabase, type Database } from '../../src/server/db/client';
import { buildApp } from '../../src/server/http/app';
import { growthReferences } from '../../src/server/modules/records/growth-refs';
import { createDemoUsers, type DemoUserSpec } from '../../src/server/seed/demo-users';
import { benchLogin, type BenchClient } from '../app-client';
import { nextPosyanduDay } from '../../src/server/seed/histories';
import { Random } from '../../src/server/seed/random';
import { seedPopulation } from '../../src/server/seed/scale';
import { percentile, type BenchFigure, type BenchSuite } from '../suite';

const ADMIN_URL = process.env.SIKLUS_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PEOPLE = Number(process.env.SIKLUS_BENCH_PEOPLE ?? 270_000); // Kabupaten Konawe: 269,128 (Dukcapil, Semester II 2024)
const KAB = '74.02';
const POSYANDU = 8;
const DUE_ROUNDS = 15;
const SEARCHES = 240;
const VISITS = 160;
/** Visits per Posyandu recorded before the measured ones and not counted (JIT warm-up). */
const WARM_UP_VISITS = 4;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Place {
  database: Database;
  note: string;
  drop: () => Promise<void>;
}

async function openBenchDatabase(): Promise<Place> {
  if (process.env.DATABASE_URL) {
    return { database: await openDatabase({ databaseUrl: process.env.DATABASE_URL }), note: 'PostgreSQL (DATABASE_URL)', drop: async () => {} };
  }
  const name = `siklus_bench_fw_${randomBytes(4).toString('hex')}`;
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (e) {
    console.log(`PostgreSQL not reachable at ${ADMIN_URL} (${(e as Error).message}): falling back to in-memory PGlite — figures are NOT the PostgreSQL targets' figures.`);
    return { database: await openDatabase({}), note: 'PGlite fallback (PostgreSQL absent)', drop: async () => {} };
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ databaseUrl: url.toString() }),
    note: 'PostgreSQL (throw-away database)',
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

export const fieldworkSuite: BenchSuite = {
  name: 'fieldwork',
  async run() {
    const place = await openBenchDatabase();
    const { database } = place;
    try {
      const today = todayIn('Asia/Jakarta');
      const [has] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE kab_code = $1', [KAB]);
      const seeded: BenchFigure[] = [];
      if (has!.n === 0) {
        const s = await seedPopulation(database, { area: KAB, people: PEOPLE, seed: 1, today, histories: true, log: (m) => console.log(m) });
        const h = s.histories!;
        seeded.push({
          name: 'seed_270k_with_histories_s', value: s.seconds, unit: 's',
          note: `${s.people} people; histories ${h.visits} visits, ${h.events} events for ${h.withHistory} people, ${h.scheduleItems} schedule items in ${h.seconds.toFixed(0)} s`,
        });
      }
      const [people] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE kab_code = $1', [KAB]);

      // Posyandu with the most under-fives (busy ones), from different desa.
      const posyandu = await database.query<{ id: string; area_code: string; village: string; pustu: string }>(`
        SELECT DISTINCT ON (v.code) f.id, f.area_code, v.code AS village, pu.id AS pustu
        FROM facility f JOIN area v ON v.code = (SELECT parent_code FROM area WHERE code = f.area_code)
        JOIN facility pu ON pu.type = 'pustu' AND pu.area_code = v.code
        WHERE f.kab_code = $1 AND f.type = 'posyandu'
        ORDER BY v.code, (SELECT count(*) FROM person p WHERE p.area_code LIKE f.area_code || '.%' AND p.birth_date > $2::date - 1826) DESC
        LIMIT 200`, [KAB, today]);
      const rng = new Random(1, 'bench-fieldwork');
      const chosen = [...posyandu].sort((a, b) => (a.id < b.id ? -1 : 1)).filter(() => rng.chance(0.1)).slice(0, POSYANDU);
      const specs: DemoUserSpec[] = chosen.flatMap((p, i) => [
        { username: `bench.kader.${i}`, displayName: `Kader ${i}`, role: 'kader', facilityId: p.id, areaCode: p.area_code, kabCode: KAB, place: p.id },
        { username: `bench.bidan.${i}`, displayName: `Bidan ${i}`, role: 'bidan', facilityId: p.pustu, areaCode: p.village, kabCode: KAB, place: p.pustu },
      ]);
      await createDemoUsers(database, specs);

      const app = await buildApp({ database, config: { ...loadConfig({}), cookieSecure: false }, webRoot: null });
      await app.ready();
      try {
        const login = (username: string) => benchLogin(app, username);
        const kaders = await Promise.all(chosen.map((_, i) => login(`bench.kader.${i}`)));
        const bidans = await Promise.all(chosen.map((_, i) => login(`bench.bidan.${i}`)));

        // Due lists for each Posyandu's next session day.
        const dueUrls = chosen.map((p) => `/api/due?facility=${p.id}&on=${nextPosyanduDay(p.id, today)}`);
        let refreshed = 0;
        for (let i = 0; i < chosen.length; i++) {
          const first = await timed(() => kaders[i]!.get(dueUrls[i]!));
          if (first.value.statusCode !== 200) throw new Error(`due list: ${first.value.statusCode} ${first.value.body}`);
          refreshed += first.ms;
        }
        const due: number[] = [];
        let dueRows = 0;
        for (let round = 0; round < DUE_ROUNDS; round++) {
          for (let i = 0; i < chosen.length; i++) {
            const r = await timed(() => kaders[i]!.get(dueUrls[i]!));
            if (r.value.statusCode !== 200) throw new Error(`due list: ${r.value.statusCode}`);
            due.push(r.ms);
            if (round === 0) dueRows += (r.value.json() as { total: number }).total;
          }
        }

        // Registration search: names, NIK prefixes and KK numbers of people in each bidan's desa.
        const queries: { who: number; q: string }[] = [];
        for (let i = 0; i < chosen.length; i++) {
          const sample = await database.query<{ name: string; nik: string | null; kk: string | null }>(`
            SELECT p.name, p.nik, h.kk_number AS kk FROM person p LEFT JOIN household h ON h.id = p.household_id
            WHERE p.village_code = $1 ORDER BY md5(p.id::text) LIMIT 40`, [chosen[i]!.village]);
          for (const s of sample) {
            const kind = rng.int(0, 3);
            const words = s.name.split(/\s+/).filter((w) => w.length >= 3);
            if (kind <= 1 && words.length) {
              const w = rng.pick(words);
              const len = Math.min(w.length, rng.int(3, 6));
              const start = rng.int(0, w.length - len);
              queries.push({ who: i, q: kind === 0 ? w.slice(start, start + len) : `${w} ${rng.pick(words).slice(0, 2)}`.trim() });
            } else if (kind === 2 && s.nik) queries.push({ who: i, q: s.nik.slice(0, rng.int(8, 16)) });
            else if (s.kk) queries.push({ who: i, q: s.kk });
          }
        }
        const search: number[] = [];
        let hits = 0;
        for (let k = 0; k < SEARCHES; k++) {
          const { who, q } = queries[k % queries.length]!;
          const r = await timed(() => bidans[who]!.get(`/api/people?q=${encodeURIComponent(q)}&pageSize=20`));
          if (r.value.statusCode !== 200) throw new Error(`search "${q}": ${r.value.statusCode} ${r.value.body}`);
          if ((r.value.json() as { total: number }).total > 0) hits++;
          search.push(r.ms);
        }

        // A typical Posyandu visit: weight, length and the immunization the child is due for.
        const refs = await growthReferences(database.db);
        const antigenOf = new Map(catalogue().filter((i) => i.programme === 'immunization').map((i) => [i.id, i.match[0]!.concepts[0]! as Concept]));
        const visits: number[] = [];
        let confirmations = 0;
        const perPosyandu = Math.ceil(VISITS / chosen.length);
        type Child = { id: string; sex: 'M' | 'F'; birth_date: string; item: string | null; dose: number | null };
        const record = async (client: BenchClient, i: number, c: Child): Promise<number | null> => {
          const age = ageInDays(c.birth_date, today);
          const w = refs.lms('weianthro', c.sex, age);
          const l = refs.lms('lenanthro', c.sex, age);
          if (!w || !l) return null;
          const events: object[] = [
            { id: randomUUID(), kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: Math.round(lmsValueAt(-0.5, w) * 10) / 10 },
            { id: randomUUID(), kind: 'measurement', system: 'loinc', code: '8306-3', valueNum: Math.round(lmsValueAt(-0.8, l) * 10) / 10, value: { position: 'l' } },
          ];
          const antigen = c.item ? antigenOf.get(c.item) : undefined;
          if (antigen) events.push({ id: randomUUID(), kind: 'immunization', system: codesFor(antigen)[0]!.system, code: codesFor(antigen)[0]!.code, value: { dose: c.dose ?? 1 } });
          const body = { id: randomUUID(), personId: c.id, occurredOn: today, placeKind: 'posyandu', facilityId: chosen[i]!.id, events };
          let r = await timed(() => client.post('/api/visits', body));
          if (r.value.statusCode === 409 && (r.value.json() as { error: string }).error === 'needs_confirmation') {
            // A warning the kader would confirm (e.g. an implausible weight change against the history): resent, both counted.
            confirmations++;
            const codes = ((r.value.json() as { warnings: { code: string }[] }).warnings).map((x) => x.code);
            const again = await timed(() => client.post('/api/visits', { ...body, confirm: codes }));
            r = { ms: r.ms + again.ms, value: again.value };
          }
          if (r.value.statusCode !== 201) throw new Error(`visit: ${r.value.statusCode} ${r.value.body}`);
          return r.ms;
        };
        const childrenSql = (extra: string) => `
            SELECT p.id, p.sex, p.birth_date::text AS birth_date, s.item, s.dose FROM person p
            LEFT JOIN LATERAL (SELECT item, dose FROM person_schedule_item s WHERE s.person_id = p.id AND s.state = 'open'
              AND s.item LIKE 'imm.%' AND s.earliest <= $2::date AND s.latest >= $2::date ORDER BY s.earliest LIMIT 1) s ON true
            WHERE p.area_code LIKE $1 || '.%' AND p.status = 'alive' AND p.birth_date > $2::date - 700 AND p.birth_date < $2::date - 30 ${extra}
            ORDER BY md5(p.id::text)`;
        const childrenOf: Child[][] = [];
        for (const p of chosen) childrenOf.push(await database.query<Child>(`${childrenSql('')} LIMIT ${perPosyandu}`, [p.area_code, today]));
        // A server that has been running: the first visits after start-up compile the code paths (V8's JIT)
        // and are not counted. They record other children of the desa than the measured ones, as its bidan.
        let warmUps = 0;
        for (let i = 0; i < chosen.length; i++) {
          const others = await database.query<Child>(`${childrenSql('AND NOT (p.id = ANY($3::uuid[]))')} LIMIT ${WARM_UP_VISITS}`,
            [chosen[i]!.village, today, childrenOf[i]!.map((c) => c.id)]);
          for (const c of others) if ((await record(bidans[i]!, i, c)) !== null) warmUps++;
        }
        confirmations = 0;
        for (let i = 0; i < chosen.length && visits.length < VISITS; i++) {
          for (const c of childrenOf[i]!.slice(0, perPosyandu)) {
            const ms = await record(kaders[i]!, i, c);
            if (ms !== null) visits.push(ms);
          }
        }

        const common = `${people!.n.toLocaleString('en')} people; ${place.note}`;
        return [
          {
            name: 'due_list_posyandu_p95_ms', value: percentile(due, 95), unit: 'ms', target: { op: '<', value: 20 },
            note: `${chosen.length} Posyandu × ${DUE_ROUNDS}, median ${percentile(due, 50).toFixed(1)} ms, ${dueRows} people due in all; first calls ${refreshed.toFixed(0)} ms; ${common}`,
          },
          {
            name: 'person_search_p95_ms', value: percentile(search, 95), unit: 'ms', target: { op: '<', value: 30 },
            note: `${search.length} searches (name, NIK prefix, KK) by desa bidan, ${hits} with hits, median ${percentile(search, 50).toFixed(1)} ms; ${common}`,
          },
          {
            name: 'record_visit_p95_ms', value: percentile(visits, 95), unit: 'ms', target: { op: '<', value: 15 },
            note: `${visits.length} visits (weight, length, due immunization) after ${warmUps} not counted (warm-up), ${confirmations} confirmed warnings, median ${percentile(visits, 50).toFixed(1)} ms; ${common}`,
          },
          ...seeded,
        ];
      } finally {
        await app.close();
      }
    } finally {
      await place.database.close();
      await place.drop();
    }
  },
};
