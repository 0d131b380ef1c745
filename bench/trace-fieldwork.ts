/**
 * Where a field-work request spends its time: every database round trip of a
 * due list and of a recorded visit, with its time, on a database the
 * fieldwork suite seeded (DATABASE_URL, with the bench.kader.N users).
 *
 *   DATABASE_URL=postgres://…/siklus_perf npx tsx bench/trace-fieldwork.ts [rounds]
 *
 * Prints, per request kind, the median request time, the round trips per
 * request and the median time of each statement (first 90 characters).
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { lmsValueAt } from '../src/core/anthropometry/lms';
import { ageInDays, todayIn } from '../src/core/time/dates';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { buildApp } from '../src/server/http/app';
import { growthReferences } from '../src/server/modules/records/growth-refs';
import { DEMO_PASSWORD } from '../src/server/seed/demo-users';
import { nextPosyanduDay } from '../src/server/seed/histories';
import { percentile } from './suite';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: a database the fieldwork suite seeded');
const rounds = Number(process.argv[2] ?? 30);
// `due` or `visit` to trace one kind only (visits make their children's schedules stale for the next Posyandu day).
const only = process.argv[3];

let trace: { sql: string; ms: number }[] | null = null;
const dump = process.env.TRACE_DUMP ? new Map<string, { text: string; values?: unknown[] }>() : null;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const q = args[0] as string | { text: string };
  const text = typeof q === 'string' ? q : q?.text;
  const started = performance.now();
  const t = trace;
  const done = () => {
    // Literals (parameters written into combined statements, db/pipeline.ts) as ?, so a kind of statement is one line.
    t?.push({ sql: text.replace(/'(?:[^']|'')*'/g, '?').replace(/\s+/g, ' ').slice(0, 90), ms: performance.now() - started });
    // TRACE_DUMP=file: the last statement of each kind with its parameters, for EXPLAIN.
    if (t && dump) dump.set(text.replace(/\s+/g, ' ').slice(0, 90), { text, values: (Array.isArray(args[1]) ? args[1] : (q as { values?: unknown[] }).values) as unknown[] | undefined });
  };
  // The pool's own query() passes a callback (no promise); transactions await a promise.
  const last = args.length - 1;
  if (t && text && typeof args[last] === 'function') {
    const cb = args[last] as (...a: unknown[]) => void;
    args[last] = (...a: unknown[]) => {
      done();
      cb(...a);
    };
  }
  const r = (original as (...a: unknown[]) => unknown).apply(this, args);
  if (t && text && r && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).then(done, () => {});
  return r;
} as typeof pg.Client.prototype.query;

const database = await openDatabase({ databaseUrl: url });
const app = await buildApp({ database, config: { ...loadConfig({}), cookieSecure: false }, webRoot: null });
await app.ready();
const today = todayIn('Asia/Jakarta');
const [kader] = await database.query<{ facility_id: string; area_code: string }>(`select facility_id, area_code from app_user where username = $1`, [process.env.TRACE_KADER ?? 'bench.kader.0']);
const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: process.env.TRACE_KADER ?? 'bench.kader.0', password: DEMO_PASSWORD } });
const cookie = `siklus_session=${r.cookies.find((c) => c.name === 'siklus_session')!.value}`;
const csrf = r.json().csrfToken as string;

type Sample = { ms: number; statements: { sql: string; ms: number }[] };
async function traced(fn: () => Promise<{ statusCode: number; body: string }>, ok: number): Promise<Sample> {
  trace = [];
  const t = performance.now();
  const res = await fn();
  const ms = performance.now() - t;
  await new Promise((done) => setImmediate(done));
  const statements = trace;
  trace = null;
  if (res.statusCode !== ok) throw new Error(`${res.statusCode} ${res.body}`);
  return { ms, statements };
}

function report(title: string, samples: Sample[]): void {
  const per = new Map<string, number[]>();
  for (const s of samples) for (const st of s.statements) (per.get(st.sql) ?? per.set(st.sql, []).get(st.sql)!).push(st.ms);
  const trips = samples.map((s) => s.statements.length);
  const dbMs = samples.map((s) => s.statements.reduce((a, b) => a + b.ms, 0));
  console.log(`\n== ${title}: ${samples.length} requests, median ${percentile(samples.map((s) => s.ms), 50).toFixed(2)} ms, p95 ${percentile(samples.map((s) => s.ms), 95).toFixed(2)} ms,`
    + ` round trips ${percentile(trips, 50)}, median time in the database ${percentile(dbMs, 50).toFixed(2)} ms`);
  for (const [sql, ms] of per) console.log(`${(ms.length / samples.length).toFixed(1).padStart(4)}× ${percentile(ms, 50).toFixed(2).padStart(6)} ms  ${sql}`);
  // The slowest requests, split into database and the rest: is the tail the database's or the process's?
  const slow = samples.map((s, i) => ({ i, ms: s.ms, db: s.statements.reduce((a, b) => a + b.ms, 0), each: s.statements.map((x) => x.ms.toFixed(1)) }))
    .sort((a, b) => b.ms - a.ms).slice(0, 5);
  for (const x of slow) console.log(`  slow #${x.i}: ${x.ms.toFixed(1)} ms, database ${x.db.toFixed(1)} ms (${x.each.join(' + ')}), rest ${(x.ms - x.db).toFixed(1)} ms`);
}

const dueUrl = `/api/due?facility=${kader!.facility_id}&on=${nextPosyanduDay(kader!.facility_id, today)}`;
await app.inject({ method: 'GET', url: dueUrl, headers: { cookie } });
const due: Sample[] = [];
for (let i = 0; i < (only === 'visit' ? 0 : rounds); i++) due.push(await traced(() => app.inject({ method: 'GET', url: dueUrl, headers: { cookie } }), 200));
report('due list', due);

const refs = await growthReferences(database.db);
const visits: Sample[] = [];
// Children of every bench Posyandu, each recorded by its kader (a kader's scope is their Posyandu's area).
const kaders = await database.query<{ username: string; facility_id: string; area_code: string }>(`select username, facility_id, area_code from app_user where username like 'bench.kader.%' order by username`);
for (const k of kaders) {
  if (only === 'due' || visits.length >= rounds) break;
  const lr = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: k.username, password: DEMO_PASSWORD } });
  const kCookie = `siklus_session=${lr.cookies.find((c) => c.name === 'siklus_session')!.value}`;
  const kCsrf = lr.json().csrfToken as string;
  const children = await database.query<{ id: string; sex: 'M' | 'F'; birth_date: string }>(`
    select p.id, p.sex, p.birth_date::text as birth_date from person p
    where p.area_code like $1 || '.%' and p.status = 'alive' and p.birth_date > $2::date - 700 and p.birth_date < $2::date - 30
    order by md5(p.id::text || $3) limit ${rounds - visits.length}`, [k.area_code, today, randomUUID()]);
  for (const c of children) {
    const age = ageInDays(c.birth_date, today);
    const w = refs.lms('weianthro', c.sex, age)!;
    const body = {
      id: randomUUID(), personId: c.id, occurredOn: today, placeKind: 'posyandu', facilityId: k.facility_id,
      events: [{ id: randomUUID(), kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: Math.round(lmsValueAt(-0.5, w) * 10) / 10 }],
      confirm: ['weight_change', 'weight_implausible', 'weight_not_gained', 'z_implausible'],
    };
    const s = await traced(() => app.inject({ method: 'POST', url: '/api/visits', headers: { cookie: kCookie, 'x-csrf-token': kCsrf }, payload: body }), 201).catch((e: Error) => {
      console.log(`visit skipped: ${e.message.slice(0, 200)}`);
      return null;
    });
    if (s) visits.push(s);
  }
}
report('record a visit', visits);
await app.close();
await database.close();
if (dump) writeFileSync(process.env.TRACE_DUMP!, JSON.stringify([...dump.values()], null, 1));
