/** Figures printed after seeding, and the statistics refresh that follows a bulk load. */
import type { IsoDate } from '../../core/time/dates';
import type { Database } from '../db/client';
import type { BuiltNetwork } from './network';
import { PREGNANCY_CODE } from './register-writer';

export interface RegisterFigures {
  people: number;
  households: number;
  /** current pregnancies recorded */
  pregnancies: number;
  /** alive, 0–28 days old */
  newborns: number;
  /** alive, 60 or older (lansia) */
  elders: number;
}

export async function registerFigures(database: Database, today: IsoDate, kabCodes: string[]): Promise<RegisterFigures> {
  const [r] = await database.query<Record<keyof RegisterFigures, number>>(
    `SELECT (SELECT count(*) FROM person WHERE kab_code = ANY($1::text[]))::int AS people,
            (SELECT count(*) FROM household WHERE kab_code = ANY($1::text[]))::int AS households,
            (SELECT count(*) FROM event e WHERE kab_code = ANY($1::text[]) AND code_system = $3 AND code = $4
               -- current ones: a past pregnancy closed by its delivery (seed histories) is not counted
               AND NOT EXISTS (SELECT 1 FROM event d WHERE d.person_id = e.person_id AND d.kind = 'delivery' AND d.occurred_on >= e.occurred_on))::int AS pregnancies,
            (SELECT count(*) FROM person WHERE kab_code = ANY($1::text[]) AND status = 'alive'
                AND birth_date BETWEEN $2::date - 28 AND $2::date)::int AS newborns,
            (SELECT count(*) FROM person WHERE kab_code = ANY($1::text[]) AND status = 'alive'
                AND birth_date <= ($2::date - interval '60 years')::date)::int AS elders`,
    [kabCodes, today, PREGNANCY_CODE.system, PREGNANCY_CODE.code],
  );
  return r!;
}

export function facilityCounts(networks: readonly BuiltNetwork[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of networks) for (const f of n.facilities) counts[f.type] = (counts[f.type] ?? 0) + 1;
  return counts;
}

const SEEDED_TABLES = ['area', 'facility', 'facility_coverage', 'household', 'person', 'person_residence', 'event', 'app_user'];

/**
 * Fresh statistics after a bulk load, so the planner sees the new row counts.
 * PGlite never autovacuums, so there it is VACUUM ANALYZE (docs/architecture.md).
 */
export async function analyzeSeededTables(database: Database): Promise<void> {
  const verb = database.engine === 'pglite' ? 'VACUUM ANALYZE' : 'ANALYZE';
  await database.exec(`${verb} ${SEEDED_TABLES.map((t) => `"${t}"`).join(', ')}`);
}
