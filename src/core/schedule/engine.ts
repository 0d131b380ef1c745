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
  const { ctx, issues } = buildLifeContext(req.person, onDay, settings, idx.conditionEvents, idx);
  issues.push(...idx.issues);
  if (!ctx || onDay < ctx.birthDay) return { ...base, entries: [], issues };
  const opts = req.options ?? {};
  let fromDay = opts.from !== undefined ? dayFromIso(opts.from) : onDay - DEFAULT_HISTORY_DAYS;
  if (Number.isNaN(fromDay)) {
    issues.push({ code: 'invalid_date', field: 'options.from' });
    fromDay = onDay - DEFAULT_HISTORY_DAYS;
  }
  const horizon = opts.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const ec: EvalCtx = { life: ctx, idx, onDay, fromDay, horizonDay: onDay + Math.max(0, horizon), out: [], sortKeys: [] };
  for (const ev of compiled.evaluators) ev(ec);
  return { ...base, entries: sortEntries(ec), issues };
}

/**
 * Order: by earliest date, then catalogue order, then evaluation order (the
 * sort is stable and evaluation is deterministic).
 */
function sortEntries(ec: EvalCtx): ScheduleEntry[] {
  const out = ec.out;
  const n = out.length;
  if (n > SORT_MAX_ENTRIES) throw new RangeError(`too many schedule entries: ${n}`);
  // One number per entry packs (earliest, catalogue rank, position): a native
  // numeric sort of a typed array, no comparator calls. Bounds keep it below 2^53.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = ec.sortKeys[i]! * SORT_MAX_ENTRIES + i;
  keys.sort();
  const sorted = new Array<ScheduleEntry>(n);
  for (let i = 0; i < n; i++) sorted[i] = out[keys[i]! % SORT_MAX_ENTRIES]!;
  return sorted;
}

const SORT_MAX_ENTRIES = 65_536;
