import { parseArgs } from 'node:util';
import { loadConfig } from '../../config';
import { vacuumAnalyze, startMaintenance } from '../../db/maintenance';
import { buildApp } from '../../http/app';
import { UsageError, type Command } from '../command';
import { openConfiguredDatabase } from '../open-db';
import { importAreas } from '../../modules/areas/area-import';
import { ensureDemoData, type DemoSummary } from '../../seed/demo';
import { importDemoGrowthTables } from '../../seed/demo-growth-tables';
import { startIndicatorYearTimer } from '../../modules/indicators/indicators.rebuild';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the web app and API (with --demo: seed demo data once on an empty database)',
  usage: 'siklus serve [--demo] [--port N]',
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { demo: { type: 'boolean' }, port: { type: 'string' } }, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const config = loadConfig(parsed.values.port ? { ...process.env, PORT: parsed.values.port } : process.env);
    const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
    console.log(`Siklus: opening ${where}…`);
    const database = await openConfiguredDatabase(config);
    // The area tree of the served districts is reference data: load what is missing (idempotent, fast).
    const areas = await importAreas(database, { districts: config.districts });
    if (areas.inserted > 0) console.log(`Loaded ${areas.inserted} areas (provinces, kabupaten/kota; kecamatan and desa of ${config.districts.join(', ')}).`);
    let summary: DemoSummary | null = null;
    if (parsed.values.demo) {
      summary = await ensureDemoData(database, { log: (m: string) => console.log(m), districts: config.districts });
      if (summary) console.log(`Demo data: ${summary.people.toLocaleString('en')} people in ${summary.households.toLocaleString('en')} households, seeded in ${summary.seconds.toFixed(1)} s.`);
      await importDemoGrowthTables(database);
    }
    await vacuumAnalyze(database);
    const stopMaintenance = startMaintenance(database, (m) => console.log(m));
    // Indicator rows of a new year (at start, then hourly): in the background, dashboards keep reading meanwhile.
    const stopIndicatorYear = startIndicatorYearTimer(database, config.timeZone, (m) => console.log(m));
    const app = await buildApp({ database, config, logger: process.env.LOG_REQUESTS === 'true' });
    const shutdown = async () => {
      stopMaintenance();
      stopIndicatorYear();
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    await app.listen({ port: config.port, host: config.host });
    const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
    console.log(`\nSiklus is running at http://${shownHost}:${config.port}/`);
    if (summary) {
      console.log(`\nDemo logins (password "${summary.password}"):`);
      for (const l of summary.logins) console.log(`  ${l.username.padEnd(22)} ${l.role.padEnd(18)} ${l.place}`);
    }
    // Keep running until a signal arrives.
    await new Promise(() => {});
  },
};
