/**
 * The schedule status of a stored item on a day, as SQL over its window
 * columns. The open-window statuses come from core's definition itself
 * (openStatusRegions asks schedule/status.ts openStatus), so the database
 * and the engine cannot disagree; the state rules are those of
 * core/records/stored.ts storedStatusOn (a property test runs both).
 */
import { sql, type SQL } from 'drizzle-orm';
import { openStatusRegions, historyStart } from '../../../core/records/stored';
import type { ScheduleStatus } from '../../../core/schedule/status';
import type { IsoDate } from '../../../core/time/dates';

const REGIONS = openStatusRegions();

/** Comparing the day with a column: sign(day − column) = −1 / 0 / 1. */
function cmp(column: SQL, sign: number, on: IsoDate): SQL {
  if (sign < 0) return sql`${column} > ${on}::date`;
  if (sign === 0) return sql`${column} = ${on}::date`;
  return sql`${column} < ${on}::date`;
}

function openWindow(status: ScheduleStatus, on: IsoDate, t: string): SQL {
  const col = (c: string) => sql.raw(`${t}.${c}`);
  const parts = REGIONS[status].map(([se, sd, sl]) => sql`(${cmp(col('earliest'), se, on)} and ${cmp(col('due'), sd, on)} and ${cmp(col('latest'), sl, on)})`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** Items of table alias `t` whose status on `on` is one of `statuses`. */
export function statusSql(statuses: readonly ScheduleStatus[], on: IsoDate, t = 'i'): SQL {
  const col = (c: string) => sql.raw(`${t}.${c}`);
  const open = sql`(${col('state')} = 'open' or (${col('state')} = 'done' and ${col('done_on')} > ${on}::date))`;
  const parts: SQL[] = [];
  for (const s of statuses) {
    if (s === 'done') parts.push(sql`(${col('state')} = 'done' and ${col('done_on')} <= ${on}::date)`);
    else if (s === 'not_applicable') parts.push(sql`${col('state')} = 'not_applicable'`);
    else {
      parts.push(sql`(${open} and ${openWindow(s, on, t)})`);
      if (s === 'missed') parts.push(sql`${col('state')} = 'unreachable'`);
    }
  }
  if (!parts.length) return sql`false`;
  // Windows that closed before the history the engine reports are not reported (stored.ts historyStart).
  return sql`(${col('latest')} >= ${historyStart(on)}::date and (${sql.join(parts, sql` or `)}))`;
}
