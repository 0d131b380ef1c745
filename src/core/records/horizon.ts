/**
 * How long a stored schedule stays true. A schedule computed on day C gives
 * the engine's statuses for a later day D from its windows alone while
 * nothing date-dependent has moved; the horizon is the last such day. After
 * it (or when the protocol version or the district's settings change) the
 * stored schedule is stale and is computed again before a due list uses it.
 *
 * What moves with the evaluation date in the engine (schedule/*):
 * - recurring items report past instances and only their next one: once the
 *   next instance opens, the one after it is missing → the day before the
 *   earliest of every stored upcoming recurring instance;
 * - an open condition episode (catin until the wedding is known) is due
 *   "through the evaluation date" → the computation day itself, until done;
 * - a vaccine dose whose previous dose is still open is planned one minimum
 *   interval after the evaluation date (catch-up planning, doses.ts) → the
 *   computation day, or the day the previous dose's window opens when later;
 * - a registered condition that starts or ends after the computation day
 *   (a wedding date ahead) → the day before that date;
 * - the look-ahead for upcoming items → C + STORED_HORIZON_DAYS.
 * A property test (horizon.test.ts) checks stored statuses against the
 * engine on days up to the horizon over random histories.
 */
import type { PersonFacts } from '../lifecycle/person';
import { catalogue } from '../protocol/catalogue';
import { dayFromIso, isoFromDay } from '../protocol/offset';
import type { ProtocolSettings } from '../protocol/settings';
import type { ProtocolItem, Timing } from '../protocol/types';
import type { Schedule } from '../schedule/types';
import type { IsoDate } from '../time/dates';
import { STORED_HORIZON_DAYS } from './stored';

const RECURRING = new Set<Timing['kind']>(['monthly', 'months-of-year', 'yearly', 'weekly', 'every', 'school-grade']);

const byId = new WeakMap<ProtocolSettings, Map<string, ProtocolItem>>();
function itemsOf(settings: ProtocolSettings): Map<string, ProtocolItem> {
  let m = byId.get(settings);
  if (!m) byId.set(settings, (m = new Map(catalogue(settings).map((i) => [i.id, i]))));
  return m;
}

export function storedHorizon(schedule: Schedule, facts: PersonFacts, settings: ProtocolSettings): IsoDate {
  const on = dayFromIso(schedule.on);
  let h = on + STORED_HORIZON_DAYS;
  const items = itemsOf(settings);
  const doneDose = new Map<string, { done: boolean; earliest: number }>();
  for (const e of schedule.entries) {
    const t = items.get(e.item)?.timing;
    if (t?.kind === 'dose') doneDose.set(`${t.antigen}#${t.dose}`, { done: e.status === 'done', earliest: dayFromIso(e.window.earliest) });
  }
  for (const e of schedule.entries) {
    const t = items.get(e.item)?.timing;
    if (!t) continue;
    if (RECURRING.has(t.kind) && e.status === 'upcoming') h = Math.min(h, dayFromIso(e.window.earliest) - 1);
    else if (t.kind === 'episode' && e.status !== 'done' && e.status !== 'not_applicable' && dayFromIso(e.window.latest) === on) h = on;
    else if (t.kind === 'dose' && t.after && e.status !== 'done' && e.status !== 'not_applicable') {
      const prev = doneDose.get(`${t.antigen}#${t.after.dose}`);
      if (!prev) h = on;
      else if (!prev.done) h = Math.min(h, Math.max(on, prev.earliest));
    }
  }
  for (const c of facts.conditions ?? []) {
    for (const d of [c.from, c.to]) {
      if (d == null) continue;
      const day = dayFromIso(d);
      if (day > on) h = Math.min(h, day - 1);
    }
  }
  return isoFromDay(Math.max(h, on));
}
