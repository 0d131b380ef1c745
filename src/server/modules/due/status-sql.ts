/**
 * The schedule status of a stored item on a day, as SQL over its window
 * columns. The open-window statuses come from core's definition itself
 * (openStatusRegions asks schedule/status.ts openStatus), so the database
 * and the engine cannot disagree; the state rules are those of
 * core/records/stored.ts storedStatusOn (a property test runs both).
 */
import { sql, type SQL } from 'drizzle-orm';
import { openStatusRegions, historyStart } from '../../../core/records/stored';
import { SUMMARY_STATUSES, type SummaryStatus } from '../../../core/records/status-days';
import type { ScheduleStatus } from '../../../core/schedule/status';
import type { IsoDate } from '../../../core/time/dates';

const REGIONS = openStatusRegions();

/** Comparing the day with a column: sign(day − column) = −1 / 0 / 1. */
function cmp(column: SQL, sign: number, on: IsoDate): SQL {
  if (sign < 0) return sql`${column} > ${on}::date`;
  if (sign === 0) return sql`${column} = ${on}::date`;
  return sql`${column} < ${on}::date`;
}

/** Every (earliest, due, latest) comparison the regions can hold (earliest ≤ due ≤ latest). */
const FEASIBLE = Object.values(REGIONS).flat();
const signKey = (r: readonly number[]) => r.join(',');

/** The day against a column for a set of signs: one comparison (`<=`, `<>`, …), or null for all three. */
function cmpSet(column: SQL, signs: ReadonlySet<number>, on: IsoDate): SQL | null {
  if (signs.size === 3) return null;
  if (signs.size === 1) return cmp(column, [...signs][0]!, on);
  if (!signs.has(1)) return sql`${column} >= ${on}::date`;
  if (!signs.has(-1)) return sql`${column} <= ${on}::date`;
  return sql`${column} <> ${on}::date`;
}

/**
 * The window condition of some open-window statuses. Their regions together are
 * often a box — e.g. due or overdue is just earliest ≤ day ≤ latest — and then
 * one comparison per column says the same as the list of regions: a shorter
 * statement that PostgreSQL plans in a fraction of the time (the due list's
 * plan took 3 ms with the regions spelled out twice).
 */
function openWindow(statuses: readonly ScheduleStatus[], on: IsoDate, t: string): SQL {
  const col = (c: string) => sql.raw(`${t}.${c}`);
  const regions = statuses.flatMap((s) => REGIONS[s]);
  if (!regions.length) return sql`false`;
  const wanted = new Set(regions.map(signKey));
  const cols = ['earliest', 'due', 'latest'] as const;
  const sets = cols.map((_, k) => new Set(regions.map((r) => r[k]!)));
  const box = FEASIBLE.filter((r) => r.every((x, k) => sets[k]!.has(x)));
  if (box.length === wanted.size && box.every((r) => wanted.has(signKey(r)))) {
    const parts = cols.flatMap((c, k) => cmpSet(col(c), sets[k]!, on) ?? []);
    return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
  }
  const parts = regions.map(([se, sd, sl]) => sql`(${cmp(col('earliest'), se, on)} and ${cmp(col('due'), sd, on)} and ${cmp(col('latest'), sl, on)})`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

const OPEN_WINDOW_STATUSES: readonly ScheduleStatus[] = ['due', 'overdue', 'missed', 'upcoming'];

/** Items of table alias `t` whose status on `on` is one of `statuses`. */
export function statusSql(statuses: readonly ScheduleStatus[], on: IsoDate, t = 'i'): SQL {
  const col = (c: string) => sql.raw(`${t}.${c}`);
  const open = sql`(${col('state')} = 'open' or (${col('state')} = 'done' and ${col('done_on')} > ${on}::date))`;
  const parts: SQL[] = [];
  const windows = statuses.filter((s) => OPEN_WINDOW_STATUSES.includes(s));
  if (windows.length) parts.push(sql`(${open} and ${openWindow(windows, on, t)})`);
  for (const s of statuses) {
    if (s === 'done') parts.push(sql`(${col('state')} = 'done' and ${col('done_on')} <= ${on}::date)`);
    else if (s === 'not_applicable') parts.push(sql`${col('state')} = 'not_applicable'`);
    else if (s === 'missed') parts.push(sql`${col('state')} = 'unreachable'`);
  }
  if (!parts.length) return sql`false`;
  // Windows that closed before the history the engine reports are not reported (stored.ts historyStart).
  return sql`(${col('latest')} >= ${historyStart(on)}::date and (${sql.join(parts, sql` or `)}))`;
}

/** Whether the person state rows' status days (schema.ts person_schedule_state) can say who has an item in these statuses. */
export function summaryAnswers(statuses: readonly ScheduleStatus[]): statuses is readonly SummaryStatus[] {
  return statuses.length > 0 && statuses.every((x) => (SUMMARY_STATUSES as readonly string[]).includes(x));
}

/** People whose state row `t` (person_schedule_state) has an item in one of `statuses` on `on` (see summaryAnswers). */
export function statusDaysSql(statuses: readonly SummaryStatus[], on: IsoDate, t = 's'): SQL {
  return sql`(${sql.join(statuses.map((x) => sql`${sql.raw(`${t}.${x}_days`)} @> ${on}::date`), sql` or `)})`;
}
