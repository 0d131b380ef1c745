/** A due list, fresh: stale stored schedules of the places are recomputed first, then the page is read. */
import { sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../core/i18n/messages';
import { DEFAULT_SETTINGS, type ProtocolSettings } from '../../../core/protocol/settings';
import type { StageId } from '../../../core/protocol/types';
import type { ScheduleStatus } from '../../../core/schedule/status';
import type { IsoDate } from '../../../core/time/dates';
import type { Db } from '../../db/client';
import type { DbOrTx } from '../../db/sql';
import { rows } from '../../db/sql';
import { districtSettings } from '../protocol/district-settings';
import { readFresh } from '../records/schedule-store';
import type { AuthContext } from '../../auth/session';
import { areasSql, guardedDueList, type DuePage, type ListAudit } from './due.repo';
import { facilityAreasFrom, facilityAreasSql, facilityPlace, type ListPlace } from './due.scope';

export interface DueRequest {
  codes: readonly string[];
  on: IsoDate;
  today: IsoDate;
  statuses: readonly ScheduleStatus[];
  stage?: StageId;
  programmes?: readonly string[];
  items?: readonly string[];
  page: number;
  pageSize: number;
  /** Only these people (a Posyandu attendee). */
  personIds?: readonly string[];
}

/** Settings of the districts a list spans, by kab code. */
export async function settingsLookup(db: DbOrTx, codes: readonly string[]): Promise<(kab: string) => ProtocolSettings> {
  const kabs = codes.includes('ID')
    ? (await rows<{ k: string }>(db, sql`select substr(key, 10) as k from setting where key like 'protocol:%'`)).map((r) => r.k)
    : [...new Set(codes.map((c) => c.slice(0, 5)).filter((k) => k.length === 5))];
  const m = new Map<string, ProtocolSettings>();
  for (const k of kabs) m.set(k, await districtSettings(db, k));
  return (kab) => m.get(kab) ?? DEFAULT_SETTINGS;
}

function whereOf(codes: readonly string[], personIds: readonly string[] | undefined): SQL {
  const where = areasSql(codes, sql`p.area_code`);
  return personIds ? sql`(${where} and p.id in (${sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `)}))` : where;
}

/** `audit`, when given, makes the list's statement write its audit row (see ListAudit). */
export async function freshDueList(db: Db, r: DueRequest, locale: Locale, audit?: ListAudit['sql']): Promise<DuePage & { refreshed: number }> {
  const where = whereOf(r.codes, r.personIds);
  const { value, refreshed } = await readFresh(db, null, r.on, r.today, (tx, settingsOf, stale, refreshed) =>
    guardedDueList(tx, { where, on: r.on, statuses: r.statuses, stage: r.stage, programmes: r.programmes, items: r.items }, r, locale, settingsOf, stale,
      audit ? { sql: audit, refreshed } : undefined));
  return { ...value, refreshed };
}

/**
 * freshDueList of a facility's areas (cut to the user's scope), the facility and its coverage read
 * in the list transaction's first statement (no round trip of their own). Unknown facility → 404,
 * outside the scope → 403 (audited), as listPlace.
 */
export async function freshFacilityDueList(
  db: Db, auth: AuthContext, facilityId: string, r: Omit<DueRequest, 'codes'>, locale: Locale, audit: (place: ListPlace) => ListAudit['sql'],
): Promise<DuePage & { refreshed: number; place: ListPlace }> {
  let place: ListPlace | null = null;
  let where: SQL | null = null;
  const { value, refreshed } = await readFresh(db, {
    sql: facilityAreasSql(facilityId),
    resolve: (v) => {
      place = facilityPlace(auth, locale, facilityId, facilityAreasFrom(v));
      where = whereOf(place.codes, r.personIds);
    },
  }, r.on, r.today, (tx, settingsOf, stale, refreshed) =>
    guardedDueList(tx, { where: where!, on: r.on, statuses: r.statuses, stage: r.stage, programmes: r.programmes, items: r.items }, r, locale, settingsOf, stale,
      { sql: audit(place!), refreshed }));
  return { ...value, refreshed, place: place! };
}
