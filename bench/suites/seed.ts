import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/server/db/client';
import { seedPopulation } from '../../src/server/seed/scale';
import type { BenchSuite } from '../suite';

/** Admin connection used to create and drop the throw-away database. */
const ADMIN_URL = process.env.SIKLUS_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PEOPLE = 270_000; // Kabupaten Konawe: 269,128 people (Dukcapil, Semester II 2024)

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A Konawe-sized synthetic population seeded into a fresh PostgreSQL database. */
export const seedSuite: BenchSuite = {
  name: 'seed',
  async run() {
    const name = `siklus_bench_seed_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      const database = await openDatabase({ databaseUrl: url.toString() });
      try {
        const started = performance.now();
        const s = await seedPopulation(database, { area: '74.02', people: PEOPLE, seed: 1 });
        const seconds = (performance.now() - started) / 1000;
        return [{
          name: 'seed_270k_people_s',
          value: seconds,
          unit: 's',
          target: { op: '<', value: 60 },
          note: `${s.households} households, ${s.facilities.posyandu ?? 0} Posyandu; load ${s.loadSeconds.toFixed(1)} s, analyze ${s.analyzeSeconds.toFixed(1)} s`,
        }];
      } finally {
        await database.close();
      }
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  },
};
