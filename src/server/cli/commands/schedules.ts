/**
 * `siklus schedules refresh [--area CODE]`: computes the stale stored
 * schedules of an area now (after an upgrade, a protocol or settings change),
 * so that the first due lists do not (records/schedules-refresh.ts). It
 * computes for today, as a visit does: a schedule computed for a later day
 * would be stale for today's lists (schedule-store.ts staleCondition).
 */
import { parseArgs } from 'node:util';
import { todayIn, type IsoDate } from '../../../core/time/dates';
import { refreshAreaSchedules, UnknownAreaError, type SchedulesRefreshSummary } from '../../modules/records/schedules-refresh';
import type { Database } from '../../db/client';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../open-db';

/** How often a long refresh says how far it is. */
const PROGRESS_EVERY_SECONDS = 10;

export interface SchedulesRefreshArgs {
  areaCode: string;
}

export function parseSchedulesRefreshArgs(args: string[]): SchedulesRefreshArgs {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { area: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return { areaCode: values.area ?? 'ID' };
}

export function describeSchedulesRefresh(s: SchedulesRefreshSummary, today: IsoDate): string {
  const rate = s.refreshed && s.seconds > 0 ? ` (${Math.round(s.refreshed / s.seconds)} people/s)` : '';
  return `Schedules for ${s.area.name} (${s.area.code}) on ${today}: ${s.refreshed} of ${s.people} living people were stale and are computed again, in ${s.seconds.toFixed(1)} s${rate}.`;
}

/** The command on an open database; `log` gets progress and the summary line. */
export async function runSchedulesRefresh(database: Pick<Database, 'db'>, args: SchedulesRefreshArgs, today: IsoDate, log: (line: string) => void): Promise<SchedulesRefreshSummary> {
  const started = performance.now();
  let last = started;
  try {
    const s = await refreshAreaSchedules(database.db, {
      areaCode: args.areaCode, today,
      progress: (done, stale) => {
        if (done < stale && performance.now() - last < PROGRESS_EVERY_SECONDS * 1000) return;
        last = performance.now();
        log(`  ${done} of ${stale} stale schedules computed (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      },
    });
    log(describeSchedulesRefresh(s, today));
    return s;
  } catch (e) {
    if (e instanceof UnknownAreaError) throw new UsageError(`${e.message}: give a province, kabupaten/kota, kecamatan, desa/kelurahan, dusun, RW or RT code such as 74.02.`);
    throw e;
  }
}

export const schedulesCommand: Command = {
  name: 'schedules refresh',
  summary: 'Compute now the stale stored schedules of an area (after an upgrade or a protocol/settings change), so the first due lists do not',
  usage: 'siklus schedules refresh [--area <area code, default all>]',
  async run(args) {
    const parsed = parseSchedulesRefreshArgs(args);
    return withDatabase(async (database, config) => {
      await runSchedulesRefresh(database, parsed, todayIn(config.timeZone), (m) => console.log(m));
      return 0;
    });
  },
};
