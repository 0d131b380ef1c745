import type { Database } from './client';

/**
 * PGlite never autovacuums, so the app does it: ANALYZE at start (fresh
 * statistics for the planner) and VACUUM ANALYZE every few hours, skipped
 * while a previous run is still going. PostgreSQL's autovacuum covers itself.
 */
export const VACUUM_INTERVAL_HOURS = 6;

export async function vacuumAnalyze(database: Database): Promise<number> {
  const t0 = performance.now();
  await database.exec(database.engine === 'pglite' ? 'VACUUM ANALYZE' : 'ANALYZE');
  return performance.now() - t0;
}

export function startMaintenance(database: Database, log: (msg: string) => void, intervalHours = VACUUM_INTERVAL_HOURS): () => void {
  if (database.engine !== 'pglite') return () => {};
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const ms = await vacuumAnalyze(database);
      log(`VACUUM ANALYZE done in ${Math.round(ms)} ms`);
    } catch (e) {
      log(`VACUUM ANALYZE failed: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, intervalHours * 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
