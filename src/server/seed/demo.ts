/**
 * The demo data a fresh clone starts with (`npm start`, `siklus seed`): the
 * two pilot districts with their ILP network, a synthetic population for
 * Kecamatan Tongauna (Konawe) and Kecamatan Pontianak Utara, and one login per
 * role. Seeded once: a database that already holds people is left alone.
 */
import { readFileSync } from 'node:fs';
import { todayIn, type IsoDate } from '../../core/time/dates';
import type { Database } from '../db/client';
import { importAreas } from '../modules/areas/area-import';
import { importAreaKm2, importPopulation } from '../modules/areas/population-import';
import { createDemoUsers, DEMO_PASSWORD, type DemoLogin, type DemoUserSpec } from './demo-users';
import type { BuiltNetwork } from './network';
import { DEMO_KECAMATAN, konaweDemoPlan, listArea, pontianakDemoPlan, regionProfile } from './plans';
import { Random } from './random';
import { seedDistrict } from './seed-district';
import { recordersOf, seedHistories, type HistorySummary } from './histories';
import { hasSharedData, SHARED_DATA_DIR } from './shared-data';
import { importDemoBoundaries } from '../modules/geo/demo-boundaries';
import { analyzeSeededTables, facilityCounts, registerFigures, type RegisterFigures } from './summary';
import { rebuildIndicators } from '../modules/indicators/indicators.rebuild';

export const DEMO_DISTRICTS = ['74.02', '61.71'] as const;
export const DEMO_PEOPLE = 16_000;
export const DEMO_SEED = 20241206; // the Konawe ILP kick-off, 6 Dec 2024

export interface DemoOptions {
  log?: (line: string) => void;
  /** people in all (default 16,000: half in Tongauna, half in Pontianak Utara) */
  people?: number;
  seed?: number;
  /** reference date for ages and pregnancies (default: today in WIB) */
  today?: IsoDate;
  /** further kabupaten/kota served (their area tree is loaded too) */
  districts?: readonly string[];
  /** folder with idn-area/*.csv (default ../shared/data; null = skip) */
  sharedDataDir?: string | null;
  /** generate service histories and store everyone's schedule (default true) */
  histories?: boolean;
}

export interface DemoSummary extends RegisterFigures {
  seconds: number;
  facilities: Record<string, number>;
  /** dusun, RW and RT created */
  subVillageAreas: number;
  districts: { kabCode: string; name: string; kecamatan: string; people: number; households: number }[];
  /** reference files imported from the shared folder */
  referenceFiles: string[];
  password: string;
  logins: DemoLogin[];
  /** service histories per district (absent when not generated) */
  histories: (HistorySummary & { kabCode: string })[];
}

/** Seeds the demo when the database holds no people yet; returns null otherwise. */
export async function ensureDemoData(database: Database, options: DemoOptions = {}): Promise<DemoSummary | null> {
  const log = options.log ?? (() => {});
  const [hasPeople] = await database.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM person) AS any');
  if (hasPeople?.any) return null;
  const [network] = await database.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM facility WHERE kab_code = ANY($1::text[]) AND type IN ('puskesmas', 'pustu', 'posyandu')`,
    [[...DEMO_DISTRICTS]],
  );
  if (network!.n > 0) {
    log('Not adding demo data: Konawe or Pontianak already has Puskesmas, Pustu or Posyandu but no people.');
    return null;
  }

  const started = performance.now();
  const seed = options.seed ?? DEMO_SEED;
  const today = options.today ?? todayIn('Asia/Jakarta');
  const people = options.people ?? DEMO_PEOPLE;
  if (!Number.isInteger(people) || people < 200) throw new RangeError('the demo needs at least 200 people');

  // PGlite has one connection, so the whole seed is one transaction there: a
  // crash leaves nothing half-made. (On PostgreSQL COPY uses pooled connections.)
  const atomic = database.engine === 'pglite';
  if (atomic) await database.exec('BEGIN');
  try {
    const districts = [...new Set([...DEMO_DISTRICTS, ...(options.districts ?? [])])];
    log(`Loading areas for ${districts.join(', ')}…`);
    await importAreas(database, { districts });
    const referenceFiles = await importSharedFigures(database, options.sharedDataDir === undefined ? SHARED_DATA_DIR : options.sharedDataDir, log);

    const konaweListing = await listArea(database, '74.02');
    const pontianakListing = await listArea(database, '61.71');
    const half = Math.floor(people / 2);
    const plans = [
      konaweDemoPlan(new Random(seed, 'plan', '74.02'), konaweListing, half),
      pontianakDemoPlan(new Random(seed, 'plan', '61.71'), pontianakListing, people - half),
    ];
    const built: BuiltNetwork[] = [];
    const districtsOut: DemoSummary['districts'] = [];
    for (const plan of plans) {
      const listing = plan.kabCode === '74.02' ? konaweListing : pontianakListing;
      const kecamatan = listing.districts.find((d) => d.code === (plan.kabCode === '74.02' ? DEMO_KECAMATAN.konawe : DEMO_KECAMATAN.pontianak))!;
      log(`Generating ${plan.populated.reduce((s, v) => s + v.people, 0)} people in Kecamatan ${kecamatan.name}, ${listing.kab.name}…`);
      const r = await seedDistrict(database, plan, regionProfile(listing.kab), { seed, today });
      built.push(r.network);
      districtsOut.push({ kabCode: plan.kabCode, name: listing.kab.name, kecamatan: kecamatan.name, people: r.counts.persons, households: r.counts.households });
    }

    // Desa populations are not in the shared data. The demo says its register found 93 % of each
    // populated desa's residents, so the estimated target groups exceed the by-name register by a
    // gap to find (sweeping), as in a real desa.
    await database.exec(`UPDATE area a SET population = round(c.n / ${DEMO_REGISTER_COMPLETENESS})::int
      FROM (SELECT village_code, count(*) AS n FROM person GROUP BY village_code) c
      WHERE a.code = c.village_code AND a.population IS NULL`);

    log('Creating demo users…');
    const logins = await createDemoUsers(database, demoUserSpecs(built[0]!, built[1]!));
    const histories: DemoSummary['histories'] = [];
    if (options.histories !== false) {
      for (const plan of plans) {
        const h = await seedHistories(database, { kabCode: plan.kabCode, seed, today, recordedBy: await recordersOf(database, plan.kabCode), schedules: 'none' });
        log(`Service histories for ${plan.kabCode}: ${h.visits} visits, ${h.events} events for ${h.withHistory} people (${h.seconds.toFixed(1)} s).`);
        histories.push({ kabCode: plan.kabCode, ...h });
      }
    }
    if (atomic) await database.exec('COMMIT');
    // Boundaries for the maps, in their own transaction (after the seed's, which PGlite cannot nest).
    await importDemoBoundaries(database, options.sharedDataDir === undefined ? SHARED_DATA_DIR : options.sharedDataDir, log);
    await analyzeSeededTables(database);
    // Dashboards show numbers from the first start: every person's indicator rows and the counters.
    const indicators = await rebuildIndicators(database.db, { today, log });
    log(`Indicators: ${indicators.rows} rows for ${indicators.people} people (${indicators.seconds.toFixed(1)} s).`);
    const figures = await registerFigures(database, today, [...DEMO_DISTRICTS]);
    return {
      ...figures,
      seconds: (performance.now() - started) / 1000,
      facilities: facilityCounts(built),
      subVillageAreas: built.reduce((s, b) => s + b.areas.length, 0),
      districts: districtsOut,
      referenceFiles,
      password: DEMO_PASSWORD,
      logins,
      histories,
    };
  } catch (e) {
    if (atomic) await database.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Population and land area of provinces and kab/kota from the shared folder, when it is there. */
async function importSharedFigures(database: Database, dir: string | null, log: (line: string) => void): Promise<string[]> {
  if (!dir || !hasSharedData(`${dir.replace(/\/$/, '')}/idn-area`)) return [];
  const base = `${dir.replace(/\/$/, '')}/idn-area`;
  const done: string[] = [];
  for (const [file, importer] of [
    ['population-prov-kabkota-2025.csv', importPopulation],
    ['area-km2-prov-kabkota-2024.csv', importAreaKm2],
  ] as const) {
    const path = `${base}/${file}`;
    if (!hasSharedData(path)) continue;
    const r = await importer(database, readFileSync(path, 'utf8'), { source: file, importedBy: 'demo' });
    log(`Imported ${file}: ${r.applied} areas.`);
    done.push(file);
  }
  return done;
}

/** Share of a demo desa's residents on its by-name register (a demo assumption, not a published figure). */
const DEMO_REGISTER_COMPLETENESS = 0.93;

function demoUserSpecs(konawe: BuiltNetwork, pontianak: BuiltNetwork): DemoUserSpec[] {
  const tongauna = konawe.puskesmas.find((p) => p.name === 'Puskesmas Tongauna')!;
  // One of three Puskesmas in Kecamatan Pontianak Utara: its work area is two of the four kelurahan, not the kecamatan.
  const siantanTengahPkm = pontianak.puskesmas.find((p) => p.name === 'Puskesmas Siantan Tengah')!;
  const mekarSari = konawe.villages.find((v) => v.code === '74.02.15.1005');
  const siantanHulu = pontianak.villages.find((v) => v.code === '61.71.04.1001');
  if (!mekarSari || !siantanHulu) throw new Error('the demo network lacks Kelurahan Mekar Sari or Siantan Hulu');
  const mekarPosyandu = mekarSari.posyandu[0]!;
  const siantanPosyandu = siantanHulu.posyandu[0]!;
  return [
    { username: 'admin', displayName: 'Admin Siklus', role: 'admin', facilityId: null, areaCode: 'ID', kabCode: null, place: 'Indonesia' },
    { username: 'dinkes.konawe', displayName: 'Hasriani Tamburaka, S.K.M.', role: 'dinkes', facilityId: null, areaCode: '74.02', kabCode: '74.02', place: 'Kabupaten Konawe' },
    { username: 'kapus.tongauna', displayName: 'dr. Asrul Lakidende', role: 'kepala_puskesmas', facilityId: tongauna.id, areaCode: tongauna.districtCode, kabCode: '74.02', place: 'Puskesmas Tongauna' },
    { username: 'klaster.tongauna', displayName: 'Nurlela Silondae, S.Kep., Ns.', role: 'petugas_klaster', facilityId: tongauna.id, areaCode: tongauna.districtCode, kabCode: '74.02', place: 'Puskesmas Tongauna' },
    { username: 'bidan.mekarsari', displayName: 'Sri Wahyuni, A.Md.Keb.', role: 'bidan', facilityId: mekarSari.pustuId, areaCode: mekarSari.code, kabCode: '74.02', place: 'Pustu Mekar Sari' },
    { username: 'kader.mekarsari', displayName: 'Hasnawati', role: 'kader', facilityId: mekarPosyandu.id, areaCode: mekarPosyandu.unitCode, kabCode: '74.02', place: `${mekarPosyandu.name}, Kelurahan Mekar Sari` },
    { username: 'dinkes.pontianak', displayName: 'Utin Mardiana, S.K.M.', role: 'dinkes', facilityId: null, areaCode: '61.71', kabCode: '61.71', place: 'Kota Pontianak' },
    { username: 'kapus.siantantengah', displayName: 'dr. Rizky Pratama', role: 'kepala_puskesmas', facilityId: siantanTengahPkm.id, areaCode: siantanTengahPkm.districtCode, kabCode: '61.71', place: 'Puskesmas Siantan Tengah' },
    { username: 'kader.siantanhulu', displayName: 'Rosnani', role: 'kader', facilityId: siantanPosyandu.id, areaCode: siantanPosyandu.unitCode, kabCode: '61.71', place: `${siantanPosyandu.name}, Kelurahan Siantan Hulu` },
  ];
}
