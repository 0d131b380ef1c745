/**
 * The schedule engine: person facts + recorded events + a date → every
 * applicable item with its window, status and the event that satisfied it.
 * Pure and deterministic; the server and the kader's phone run the same code.
 */
import { buildLifeContext } from '../lifecycle/context';
import { dayFromIso } from '../protocol/offset';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import { PROTOCOL_VERSION } from '../protocol/version';
import { compileProtocol } from './compile';
import type { EvalCtx } from './emit';
import { indexEvents } from './event-index';
import type { Schedule, ScheduleEntry, ScheduleRequest } from './types';

/** Default history reported: two years back from the evaluation date. */
export const DEFAULT_HISTORY_DAYS = 730;
/** Default look-ahead for upcoming items. */
export const DEFAULT_HORIZON_DAYS = 365;

export function computeSchedule(req: ScheduleRequest): Schedule {
  const settings = req.settings ?? DEFAULT_SETTINGS;
  const compiled = compileProtocol(settings);
  const base = { on: req.on, protocolVersion: PROTOCOL_VERSION, settingsFingerprint: compiled.fingerprint };
  const onDay = dayFromIso(req.on);
  if (Number.isNaN(onDay)) return { ...base, entries: [], issues: [{ code: 'invalid_date', field: 'on' }] };
  const idx = indexEvents(req.events, onDay);
  const { ctx, issues } = buildLifeContext(req.person, onDay, settings, idx.conditionEvents, idx.readings);
  issues.push(...idx.issues);
  if (!ctx || onDay < ctx.birthDay) return { ...base, entries: [], issues };
  const opts = req.options ?? {};
  let fromDay = opts.from !== undefined ? dayFromIso(opts.from) : onDay - DEFAULT_HISTORY_DAYS;
  if (Number.isNaN(fromDay)) {
    issues.push({ code: 'invalid_date', field: 'options.from' });
    fromDay = onDay - DEFAULT_HISTORY_DAYS;
  }
  const horizon = opts.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const ec: EvalCtx = { life: ctx, idx, onDay, fromDay, horizonDay: onDay + Math.max(0, horizon), out: [] };
  for (const ev of compiled.evaluators) ev(ec);
  const order = compiled.order;
  ec.out.sort((a, b) => cmp(a, b, order));
  return { ...base, entries: ec.out, issues };
}

/** Stable order: by earliest date, then catalogue order, then key. */
function cmp(a: ScheduleEntry, b: ScheduleEntry, order: Map<string, number>): number {
  if (a.window.earliest !== b.window.earliest) return a.window.earliest < b.window.earliest ? -1 : 1;
  const d = order.get(a.item)! - order.get(b.item)!;
  if (d) return d;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
