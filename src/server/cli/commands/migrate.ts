import type { Command } from '../command';
import { withDatabase } from '../open-db';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Create or upgrade the database schema (the app also does this at start)',
  usage: 'siklus migrate',
  async run() {
    await withDatabase(async (database) => {
      const rows = await database.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
      console.log(`Database schema is up to date on ${database.engine} (${rows[0]?.n ?? 0} migrations applied).`);
    });
  },
};
