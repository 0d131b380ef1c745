/**
 * Seeds one kabupaten/kota from a plan: its network (facilities, coverage,
 * dusun/RW/RT) and the people of its populated villages, all with COPY.
 * Shared by the demo and the benchmark-sized seed.
 */
import type { IsoDate } from '../../core/time/dates';
import type { Database } from '../db/client';
import { buildNetwork, writeNetwork, type BuiltNetwork, type NetworkPlan } from './network';
import { PopulationGenerator, quotaBlocks, type RegionProfile } from './population';
import { Random } from './random';
import { RegisterWriter, type RegisterCounts } from './register-writer';

export interface DistrictSeedOptions {
  seed: number;
  today: IsoDate;
}

export interface DistrictSeedResult {
  network: BuiltNetwork;
  counts: RegisterCounts;
}

export async function seedDistrict(database: Database, plan: NetworkPlan, profile: RegionProfile, options: DistrictSeedOptions): Promise<DistrictSeedResult> {
  const kab = plan.kabCode;
  const prefix = kab.replace('.', '') + '%';
  const [dinkes] = await database.query<{ id: string }>(
    `SELECT id FROM facility WHERE kab_code = $1 AND type = 'dinkes' ORDER BY created_at, id LIMIT 1`, [kab],
  );
  // NIK/KK numbers of this region already registered (people who moved elsewhere keep theirs).
  const niks = await database.query<{ nik: string }>('SELECT nik FROM person WHERE nik LIKE $1', [prefix]);
  const kks = await database.query<{ kk_number: string }>('SELECT kk_number FROM household WHERE kk_number LIKE $1', [prefix]);

  const network = buildNetwork(new Random(options.seed, 'network', kab), plan, dinkes?.id ?? null);
  await writeNetwork(database, network);

  const generator = new PopulationGenerator(
    { seed: options.seed, today: options.today, existingNiks: new Set(niks.map((r) => r.nik)), existingKks: new Set(kks.map((r) => r.kk_number)) },
    kab,
  );
  const writer = new RegisterWriter(database);
  for (const block of quotaBlocks(network.villages)) {
    for (const v of block.villages) {
      const population = generator.village({ villageCode: v.code, kabCode: kab, people: v.people, homes: v.homes, pustuId: v.pustuId }, profile, block.quota);
      await writer.add(population);
    }
  }
  return { network, counts: await writer.finish() };
}
