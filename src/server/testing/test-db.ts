import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from '../db/client';

/**
 * A fresh, migrated database for one test file, on the engine named by
 * SIKLUS_TEST_DB (pglite by default, or postgres). PostgreSQL tests create a
 * throw-away database on SIKLUS_TEST_PG_URL and drop it afterwards.
 */
export const testEngine: Engine = process.env.SIKLUS_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

const PG_ADMIN_URL = process.env.SIKLUS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends Database {
  /** Drops the database (postgres) or discards it (pglite). */
  destroy(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testEngine === 'pglite') {
    const database = await openDatabase({});
    return Object.assign(database, { destroy: () => database.close() });
  }
  const name = `siklus_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  return Object.assign(database, {
    async destroy() {
      await database.close();
      // pool.end() resolves before every backend has seen its Terminate; dropping with
      // FORCE then kills backends whose clients are still closing (an unhandled FATAL
      // 57P01). So wait for the connections to go, and force only as a last resort.
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            await a.query(`DROP DATABASE IF EXISTS ${name}`);
            break;
          } catch (e) {
            if ((e as { code?: string }).code !== '55006' || attempt >= 50) {
              await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
              break;
            }
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      } finally {
        await a.end();
      }
    },
  });
}
