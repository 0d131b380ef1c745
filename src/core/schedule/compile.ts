/**
 * The catalogue compiled for the engine, once per settings object: match
 * groups as sets, gates resolved, dose items grouped into series, and one
 * evaluator per item or series.
 */
import { catalogue } from '../protocol/catalogue';
import type { ProtocolSettings } from '../protocol/settings';
import { settingsFingerprint } from '../protocol/settings-validate';
import { offsetMaxDays, offsetMinDays } from '../protocol/offset';
import type { EligibilitySpec, Offset, ProtocolItem } from '../protocol/types';
import { seriesEvaluator } from './doses';
import type { CompiledItem } from './emit';
import { compileGroups } from './match';
import { onceEvaluator, type Evaluator } from './once';
import { recurringEvaluator } from './recurring';

export interface CompiledProtocol {
  settings: ProtocolSettings;
  fingerprint: string;
  evaluators: Evaluator[];
}

const ONCE = new Set(['age', 'condition-onset', 'episode', 'gestation', 'delivery', 'postpartum']);

/**
 * Age bounds of an item relative to birth, in days, for a cheap early exit:
 * an item whose every window ends before the reported history, or opens
 * after the horizon, is skipped without any calendar arithmetic.
 */
interface AgeBounds {
  maxEnd: number | null;
  minStart: number | null;
}

function eligibilityBounds(spec: EligibilitySpec | undefined): AgeBounds {
  if (!spec) return { maxEnd: null, minStart: null };
  const list = 'anyOf' in spec ? spec.anyOf : [spec];
  let maxEnd: number | null = -Infinity;
  let minStart: number | null = Infinity;
  for (const e of list) {
    maxEnd = maxEnd === null || !e.ageTo ? null : Math.max(maxEnd, offsetMaxDays(e.ageTo));
    minStart = minStart === null || !e.ageFrom ? null : Math.min(minStart, offsetMinDays(e.ageFrom));
  }
  return { maxEnd, minStart };
}

function boundsOf(items: ProtocolItem[]): AgeBounds {
  const t = items[0]!.timing;
  if (t.kind === 'age') return { maxEnd: offsetMaxDays(t.latest), minStart: offsetMinDays(t.earliest) };
  if (t.kind === 'dose') {
    const b = eligibilityBounds(items[0]!.eligibility);
    const latest = Math.max(...items.map((i) => offsetMaxDays((i.timing as { latest: Offset }).latest)));
    return { maxEnd: b.maxEnd === null ? latest : Math.min(latest, b.maxEnd), minStart: b.minStart };
  }
  return eligibilityBounds(items[0]!.eligibility);
}

function guarded(ev: Evaluator, b: AgeBounds): Evaluator {
  if (b.maxEnd === null && b.minStart === null) return ev;
  const maxEnd = b.maxEnd ?? Infinity;
  const minStart = b.minStart ?? -Infinity;
  return (ec) => {
    const birth = ec.life.birthDay;
    if (birth + maxEnd < ec.fromDay || birth + minStart > ec.horizonDay) return;
    ev(ec);
  };
}

function settingAt(s: ProtocolSettings, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), s);
}

function compileItem(item: ProtocolItem, s: ProtocolSettings, rank: number, specs: Map<string, EligibilitySpec>): CompiledItem {
  const gateOff = item.gate && settingAt(s, item.gate) !== true ? item.gate : null;
  let eligibility = item.eligibility;
  if (eligibility) {
    // One object per distinct rule: eligibleDays() memoises per object and person.
    const k = JSON.stringify(eligibility);
    eligibility = specs.get(k) ?? (specs.set(k, eligibility), eligibility);
  }
  return { item, id: item.id, programme: item.programme, groups: compileGroups(item.match), gateOff, eligibility, rank, prefix: `${item.id}@` };
}

const cache = new WeakMap<ProtocolSettings, CompiledProtocol>();

export function compileProtocol(settings: ProtocolSettings): CompiledProtocol {
  const hit = cache.get(settings);
  if (hit) return hit;
  const items = catalogue(settings);
  const evaluators: Evaluator[] = [];
  const series = new Map<string, CompiledItem[]>();
  const specs = new Map<string, EligibilitySpec>();
  for (const [rank, item] of items.entries()) {
    const c = compileItem(item, settings, rank, specs);
    const t = item.timing;
    if (t.kind === 'dose') {
      const list = series.get(t.antigen);
      if (list) list.push(c);
      else series.set(t.antigen, [c]);
    } else if (ONCE.has(t.kind)) evaluators.push(guarded(onceEvaluator(c), boundsOf([item])));
    else evaluators.push(guarded(recurringEvaluator(c), boundsOf([item])));
  }
  for (const list of series.values()) evaluators.push(guarded(seriesEvaluator(list), boundsOf(list.map((c) => c.item))));
  const compiled: CompiledProtocol = { settings, fingerprint: settingsFingerprint(settings), evaluators };
  cache.set(settings, compiled);
  return compiled;
}
