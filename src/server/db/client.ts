import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as schema from './schema';
import { acquireDataDirLock } from './lock';
import { PipelinePool } from './pipeline';

export type Schema = typeof schema;
/** A Drizzle database over either engine; repositories take this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  readonly engine: Engine;
  readonly db: Db;
  /** Run SQL that returns rows, with $1.. parameters. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Run one or more statements without parameters. */
  exec(text: string): Promise<void>;
  /** Bulk load with COPY (CSV); rows are arrays in column order, null for NULL. */
  copyRows(table: string, columns: string[], rows: Iterable<unknown[]>): Promise<number>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** Extensions the schema needs, created before migrations on both engines. */
const EXTENSIONS_SQL = 'CREATE EXTENSION IF NOT EXISTS pg_trgm;';

export interface OpenOptions {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string;
  /** Folder for the embedded database; omitted = in memory (tests). */
  dataDir?: string;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.databaseUrl ? await openPostgres(opts.databaseUrl, opts.poolSize) : await openPglite(opts.dataDir);
  if (opts.migrate !== false) {
    try {
      await runMigrations(database);
    } catch (e) {
      await database.close();
      throw e;
    }
  }
  return database;
}

export async function runMigrations(database: Database): Promise<void> {
  await database.exec(EXTENSIONS_SQL);
  if (database.engine === 'pglite') {
    await migratePglite(database.db as Parameters<typeof migratePglite>[0], { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    await migratePg(database.db as Parameters<typeof migratePg>[0], { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/** CSV for COPY: quote every non-null value, so an empty string stays distinct from NULL. */
export function toCsvLine(row: unknown[]): string {
  let out = '';
  for (let i = 0; i < row.length; i++) {
    if (i > 0) out += ',';
    const v = row[i];
    if (v === null || v === undefined) continue;
    const s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    out += '"' + s.replaceAll('"', '""') + '"';
  }
  return out + '\n';
}

function copySql(table: string, columns: string[], source: string): string {
  const cols = columns.map((c) => `"${c}"`).join(', ');
  return `COPY "${table}" (${cols}) FROM ${source} WITH (FORMAT csv)`;
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const release = dataDir ? acquireDataDirLock(dataDir) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: dataDir ? join(dataDir, 'pgdata') : undefined, extensions: { pg_trgm },
      // DATE stays an ISO string, as with node-postgres below.
      parsers: { 1082: (v: string) => v },
    });
  } catch (e) {
    release();
    throw e;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    async query<T>(text: string, params?: unknown[]) {
      const r = await client.query<T>(text, params as unknown[] | undefined);
      return r.rows;
    },
    async exec(text: string) {
      await client.exec(text);
    },
    async copyRows(table, columns, rows) {
      const chunks: string[] = [];
      let n = 0;
      for (const row of rows) {
        chunks.push(toCsvLine(row));
        n++;
      }
      if (n === 0) return 0;
      await client.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob(chunks) });
      return n;
    },
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection can die (server restart, network): log it; the pool replaces it.
  // Without a listener, node-postgres would crash the process on such an error.
  pool.on('error', (e) => console.error(`PostgreSQL connection lost: ${e.message}`));
  // Drizzle's transactions go through PipelinePool: `begin` and `commit` ride with statements (pipeline.ts).
  const db = drizzlePg({ client: new PipelinePool(pool) as unknown as pg.Pool, schema }) as unknown as Db;
  // Fail early with a clear message when the server is unreachable.
  const probe = await pool.connect().catch(async (e: Error) => {
    await pool.end();
    throw new Error(`Cannot connect to PostgreSQL at DATABASE_URL: ${e.message}`);
  });
  probe.release();
  return {
    engine: 'postgres',
    db,
    async query<T>(text: string, params?: unknown[]) {
      const r = await pool.query(text, params as unknown[] | undefined);
      return r.rows as T[];
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async copyRows(table, columns, rows) {
      const c = await pool.connect();
      let n = 0;
      try {
        const stream = c.query(copyFrom(copySql(table, columns, 'STDIN')));
        const lines = (function* () {
          let batch = '';
          for (const row of rows) {
            batch += toCsvLine(row);
            n++;
            if (batch.length > 1 << 16) {
              yield batch;
              batch = '';
            }
          }
          if (batch) yield batch;
        })();
        await pipeline(Readable.from(lines), stream);
      } finally {
        c.release();
      }
      return n;
    },
    async close() {
      await pool.end();
    },
  };
}

// node-postgres parses DATE into a local-time JS Date; keep the ISO string instead.
pg.types.setTypeParser(1082, (v: string) => v);
