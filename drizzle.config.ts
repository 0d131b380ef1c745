import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/server/db/schema.ts with `npm run db:generate`
// and applied by the app (PGlite and PostgreSQL alike) at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './drizzle',
});
