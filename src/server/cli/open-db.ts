import { loadConfig, type Config } from '../config';
import { openDatabase, type Database } from '../db/client';

/** Opens the configured database (PostgreSQL if DATABASE_URL, else PGlite in DATA_DIR), migrated. */
export async function openConfiguredDatabase(config: Config = loadConfig()): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

/** Runs `fn` with the configured database and closes it afterwards. */
export async function withDatabase<T>(fn: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}
