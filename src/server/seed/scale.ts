/**
 * A whole kabupaten/kota of synthetic people for load tests and benchmarks:
 * every kecamatan gets a Puskesmas, every desa/kelurahan a Pustu, dusun/RW with
 * RT and a Posyandu each, and people spread over all villages. Loaded with
 * COPY in batches, then the statistics are refreshed.
 */
import { levelOf } from '../../core/areas/codes';
import { todayIn, type IsoDate } from '../../core/time/dates';
import type { Database } from '../db/client';
import { importAreas } from '../modules/areas/area-import';
import { seedHistories, type HistorySummary } from './histories';
import type { HistoryDepth } from './histories-plan';
import { kabupatenPlan, listArea, regionProfile } from './plans';
import { Random } from './random';
import { seedDistrict } from './seed-district';
import { analyzeSeededTables, facilityCounts, registerFigures, type RegisterFigures } from './summary';
import { rebuildIndicators } from '../modules/indicators/indicators.rebuild';

export interface ScaleOptions {
  /** the kabupaten/kota, e.g. "74.02" */
  area: string;
  people: number;
  seed?: number;
  today?: IsoDate;
  log?: (line: string) => void;
  /** also generate service histories and store everyone's schedule (`--histories`) */
  histories?: boolean;
  /** how much history (histories-plan.ts HistoryDepth); default 'standard' */
  historyDepth?: HistoryDepth;
}

export interface ScaleSummary extends RegisterFigures {
  kabCode: string;
  kecamatan: number;
  villages: number;
  facilities: Record<string, number>;
  subVillageAreas: number;
  /** generation and loading */
  loadSeconds: number;
  /** statistics refresh */
  analyzeSeconds: number;
  /** service histories and stored schedules, when asked for */
  histories: HistorySummary | null;
  seconds: number;
}

export class SeedRefused extends Error {}

export async function seedPopulation(database: Database, options: ScaleOptions): Promise<ScaleSummary> {
  const log = options.log ?? (() => {});
  const kab = options.area;
  if (levelOf(kab) !== 'regency') throw new RangeError(`"${kab}" is not a kabupaten/kota code like 74.02`);
  if (!Number.isInteger(options.people) || options.people < 1) throw new RangeError('people must be a positive whole number');
  const seed = options.seed ?? 1;
  const today = options.today ?? todayIn('Asia/Jakarta');
  const started = performance.now();

  await importAreas(database, { districts: [kab] });
  const [existing] = await database.query<{ people: boolean; network: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM person WHERE kab_code = $1) AS people,
            EXISTS (SELECT 1 FROM facility WHERE kab_code = $1 AND type IN ('puskesmas', 'pustu', 'posyandu')) AS network`,
    [kab],
  );
  if (existing?.people || existing?.network) {
    throw new SeedRefused(`${kab} already has people or a Puskesmas network; seed a fresh database (or another kabupaten/kota).`);
  }
  const listing = await listArea(database, kab);
  const plan = kabupatenPlan(new Random(seed, 'plan', kab), listing, options.people);
  log(`Seeding ${options.people} people in ${listing.kab.name}: ${listing.districts.length} kecamatan, ${listing.villages.length} desa/kelurahan…`);
  const { network } = await seedDistrict(database, plan, regionProfile(listing.kab), { seed, today });
  let histories: HistorySummary | null = null;
  if (options.histories) {
    log('Generating service histories and storing schedules…');
    histories = await seedHistories(database, { kabCode: kab, seed, today, depth: options.historyDepth });
  }
  // Dashboards and the visit benchmark work on computed indicator rows and counters.
  const indicators = await rebuildIndicators(database.db, { kab, today });
  log(`Indicators: ${indicators.rows} rows for ${indicators.people} people (${indicators.seconds.toFixed(1)} s, ${Math.round(indicators.peoplePerSecond)} people/s).`);
  const loaded = performance.now();
  await analyzeSeededTables(database);
  const analyzed = performance.now();
  const figures = await registerFigures(database, today, [kab]);
  return {
    ...figures,
    kabCode: kab,
    kecamatan: listing.districts.length,
    villages: listing.villages.length,
    facilities: facilityCounts([network]),
    subVillageAreas: network.areas.length,
    loadSeconds: (loaded - started) / 1000,
    analyzeSeconds: (analyzed - loaded) / 1000,
    histories,
    seconds: (analyzed - started) / 1000,
  };
}
