import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../open-db';
import { ensureDemoData, type DemoSummary } from '../../seed/demo';
import { seedPopulation, type ScaleSummary } from '../../seed/scale';

function positiveInteger(raw: string | undefined, what: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.replaceAll('_', '')) || Number(raw.replaceAll('_', '')) < 1) throw new UsageError(`${what} must be a positive whole number, got "${raw}"`);
  return Number(raw.replaceAll('_', ''));
}

function facilities(counts: Record<string, number>): string {
  return Object.entries(counts).map(([type, n]) => `${n} ${type}`).join(', ');
}

function printDemo(s: DemoSummary): void {
  console.log(`Demo data seeded in ${s.seconds.toFixed(1)} s:`);
  for (const d of s.districts) console.log(`  ${d.name}, Kecamatan ${d.kecamatan}: ${d.people} people in ${d.households} households`);
  console.log(`  ${s.pregnancies} pregnant women, ${s.newborns} newborns (0–28 days), ${s.elders} elders (60+)`);
  console.log(`  facilities: ${facilities(s.facilities)}; ${s.subVillageAreas} dusun/RW/RT`);
  if (s.referenceFiles.length) console.log(`  reference figures: ${s.referenceFiles.join(', ')}`);
  console.log(`\nDemo logins (password "${s.password}"):`);
  for (const l of s.logins) console.log(`  ${l.username.padEnd(20)} ${l.role.padEnd(18)} ${l.place}`);
}

function printScale(s: ScaleSummary): void {
  console.log(`Seeded ${s.people} people in ${s.households} households across ${s.kecamatan} kecamatan and ${s.villages} desa/kelurahan of ${s.kabCode}.`);
  console.log(`  ${s.pregnancies} pregnant women, ${s.newborns} newborns, ${s.elders} elders (60+)`);
  console.log(`  facilities: ${facilities(s.facilities)}; ${s.subVillageAreas} dusun/RW/RT`);
  if (s.histories) console.log(`  histories: ${s.histories.visits} visits, ${s.histories.events} events for ${s.histories.withHistory} people; ${s.histories.scheduleItems} schedule items stored (${s.histories.seconds.toFixed(1)} s)`);
  console.log(`  elapsed: ${s.seconds.toFixed(1)} s (generate and load ${s.loadSeconds.toFixed(1)} s, analyze ${s.analyzeSeconds.toFixed(1)} s)`);
}

/** `siklus seed`: the demo data once, or a synthetic kabupaten/kota of any size. */
export const seedCommand: Command = {
  name: 'seed',
  summary: 'Seed demo data once (no options), or a synthetic population: --area 74.02 --people 270000 [--seed N] [--histories]',
  usage: 'siklus seed [--area <kab/kota code> --people <n> [--seed <n>] [--histories]]',
  async run(args) {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { area: { type: 'string' }, people: { type: 'string' }, seed: { type: 'string' }, histories: { type: 'boolean' } }, strict: true, allowPositionals: false }));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const people = positiveInteger(values.people, '--people');
    const seed = positiveInteger(values.seed, '--seed');
    if ((values.area === undefined) !== (people === undefined)) throw new UsageError('Give --area and --people together (or neither, for the demo).');
    return withDatabase(async (database, config) => {
      if (values.area !== undefined) {
        printScale(await seedPopulation(database, { area: values.area, people: people!, seed, histories: values.histories, log: (m) => console.log(m) }));
        return 0;
      }
      const summary = await ensureDemoData(database, { log: (m) => console.log(m), seed, districts: config.districts });
      if (!summary) {
        console.log('The database already holds people (or a Puskesmas network without people); the demo data was not added.');
        return 0;
      }
      printDemo(summary);
      return 0;
    });
  },
};
