/**
 * The catalogue compiled for the engine, once per settings object: match
 * groups as sets, gates resolved, dose items grouped into series, and one
 * evaluator per item or series.
 */
import { catalogue } from '../protocol/catalogue';
import type { ProtocolSettings } from '../protocol/settings';
import { settingsFingerprint } from '../protocol/settings-validate';
import type { ProtocolItem } from '../protocol/types';
import { seriesEvaluator } from './doses';
import type { CompiledItem } from './emit';
import { compileGroups } from './match';
import { onceEvaluator, type Evaluator } from './once';
import { recurringEvaluator } from './recurring';

export interface CompiledProtocol {
  settings: ProtocolSettings;
  fingerprint: string;
  evaluators: Evaluator[];
  /** Item id → position in the catalogue, for a stable entry order. */
  order: Map<string, number>;
}

const ONCE = new Set(['age', 'condition-onset', 'episode', 'gestation', 'delivery', 'postpartum']);

function settingAt(s: ProtocolSettings, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), s);
}

function compileItem(item: ProtocolItem, s: ProtocolSettings): CompiledItem {
  const gateOff = item.gate && settingAt(s, item.gate) !== true ? item.gate : null;
  return { item, id: item.id, programme: item.programme, groups: compileGroups(item.match), gateOff };
}

const cache = new WeakMap<ProtocolSettings, CompiledProtocol>();

export function compileProtocol(settings: ProtocolSettings): CompiledProtocol {
  const hit = cache.get(settings);
  if (hit) return hit;
  const items = catalogue(settings);
  const evaluators: Evaluator[] = [];
  const series = new Map<string, CompiledItem[]>();
  for (const item of items) {
    const c = compileItem(item, settings);
    const t = item.timing;
    if (t.kind === 'dose') {
      const list = series.get(t.antigen);
      if (list) list.push(c);
      else series.set(t.antigen, [c]);
    } else if (ONCE.has(t.kind)) evaluators.push(onceEvaluator(c));
    else evaluators.push(recurringEvaluator(c));
  }
  for (const list of series.values()) evaluators.push(seriesEvaluator(list));
  const compiled: CompiledProtocol = { settings, fingerprint: settingsFingerprint(settings), evaluators, order: new Map(items.map((i, n) => [i.id, n])) };
  cache.set(settings, compiled);
  return compiled;
}
