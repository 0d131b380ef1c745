/**
 * Refreshing stored schedules up front (`siklus schedules refresh`): every
 * living person of an area whose stored schedule is stale for a day (no
 * schedule yet, a schema upgrade such as migration 0005's status days, a new
 * protocol version or district settings, a horizon that ends before the day)
 * is computed again now, so that the first due lists do not pay for it. A
 * list for a later day still recomputes the few whose stored schedule ends
 * before that day (core/records/horizon.ts: a monthly item's next window
 * opens, a dose is planned from the computation day). The rule of what is
 * stale is schedule-store.ts staleCondition; this only runs it over a whole
 * area, in the same batches a list uses.
 */
import { eq, sql } from 'drizzle-orm';
import type { IsoDate } from '../../../core/time/dates';
import { area } from '../../db/schema';
import { rows, type DbOrTx } from '../../db/sql';
import { areasSql } from '../due/due.repo';
import { ensureFresh, type RefreshProgress } from './schedule-store';

export interface SchedulesRefreshSummary {
  /** The area refreshed ("ID" for all), with its name. */
  area: { code: string; name: string };
  /** Living people of the area. */
  people: number;
  /** Of them, those whose stored schedule was stale and is now computed again. */
  refreshed: number;
  seconds: number;
}

export class UnknownAreaError extends Error {
  constructor(readonly code: string) {
    super(`Unknown area code "${code}"`);
  }
}

/** Refreshes the stale stored schedules of the living people of `areaCode` (and below; "ID" for all) for today's lists. */
export async function refreshAreaSchedules(
  db: { transaction<T>(fn: (tx: DbOrTx) => Promise<T>): Promise<T> } & DbOrTx,
  opts: { areaCode: string; today: IsoDate; progress?: RefreshProgress },
): Promise<SchedulesRefreshSummary> {
  const started = performance.now();
  let name = 'Indonesia';
  if (opts.areaCode !== 'ID') {
    const [a] = await db.select({ name: area.name }).from(area).where(eq(area.code, opts.areaCode));
    if (!a) throw new UnknownAreaError(opts.areaCode);
    name = a.name;
  }
  const where = areasSql([opts.areaCode], sql`p.area_code`);
  const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from person p where p.status = 'alive' and ${where}`);
  const fresh = await ensureFresh(db, where, opts.today, opts.today, opts.progress);
  return { area: { code: opts.areaCode, name }, people: count!.n, refreshed: fresh.refreshed, seconds: (performance.now() - started) / 1000 };
}
