/**
 * Validates a district's settings object (as stored by the server per
 * kabupaten) against the defaults: unknown paths, wrong types, out-of-range
 * numbers and windows that end before they start are Issues with the dot path
 * as `field`. Valid input is merged over the defaults.
 */
import type { Issue } from '../i18n/issues';
import { catalogue, overridableKind } from './catalogue';
import { DEFAULT_SETTINGS, type ProtocolSettings } from './settings';
import { addOffset, dayFromCivil } from './offset';
import type { Offset } from './types';

/** Plausibility bounds per numeric setting (not clinical facts: they only stop typos). */
const RANGES: Record<string, [number, number]> = {
  'immunization.hb0LateUntilDay': [0, 28],
  'immunization.catchUpBeforeMonths': [1, 216],
  'immunization.idlBeforeMonths': [1, 60],
  'immunization.badutaBeforeMonths': [1, 60],
  'tetanus.t1ToT2Weeks': [1, 52],
  'tetanus.t2ToT3Months': [1, 60],
  'tetanus.t3ToT4Years': [1, 10],
  'tetanus.t4ToT5Years': [1, 10],
  'wus.ageFrom': [10, 60],
  'wus.ageTo': [10, 60],
  'growth.dewormingFromMonths': [0, 59],
  'growth.kpspAgesMonths': [1, 120],
  'school.grade1Age': [5, 9],
  'school.schoolYearStartMonth': [1, 12],
  'adult.sadanisEveryYears': [1, 10],
  'tb.contactInvestigationWithinDays': [1, 365],
  'tb.contactScreeningWithinDays': [1, 365],
};
const OFFSET_KEYS = ['years', 'months', 'weeks', 'days'] as const;
const OFFSET_RANGE = 1200;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface SettingsResult {
  settings: ProtocolSettings;
  issues: Issue[];
}

/** Merges `input` over the defaults. With issues, `settings` is the defaults untouched. */
export function resolveSettings(input: Json): SettingsResult {
  if (input === undefined || input === null) return { settings: DEFAULT_SETTINGS, issues: [] };
  const issues: Issue[] = [];
  if (!isObject(input)) return { settings: DEFAULT_SETTINGS, issues: [{ code: 'settings_not_object' }] };
  const merged = mergeNode(DEFAULT_SETTINGS as unknown as Record<string, Json>, input, '', issues) as unknown as ProtocolSettings;
  if (issues.length === 0) crossChecks(merged, issues);
  return issues.length ? { settings: DEFAULT_SETTINGS, issues } : { settings: merged, issues };
}

function mergeNode(def: Record<string, Json>, input: Record<string, Json>, prefix: string, issues: Issue[]): Record<string, Json> {
  const out: Record<string, Json> = { ...def };
  for (const [k, v] of Object.entries(input)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (!(k in def)) {
      issues.push({ code: 'setting_unknown', field: path });
      continue;
    }
    const d = def[k];
    if (path === 'windowOverrides') out[k] = checkOverrides(v, issues);
    else if (typeof d === 'boolean') {
      if (typeof v === 'boolean') out[k] = v;
      else issues.push({ code: 'setting_type', field: path, params: { expected: 'boolean' } });
    } else if (typeof d === 'number') {
      const r = RANGES[path] ?? RANGES[prefix];
      if (checkInt(v, r, path, issues)) out[k] = v;
    } else if (Array.isArray(d)) {
      out[k] = checkArray(d, v, path, issues);
    } else if (isObject(d)) {
      if (isObject(v)) out[k] = mergeNode(d, v, path, issues);
      else issues.push({ code: 'setting_type', field: path, params: { expected: 'object' } });
    }
  }
  return out;
}

function checkInt(v: Json, range: [number, number] | undefined, path: string, issues: Issue[]): v is number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    issues.push({ code: 'setting_type', field: path, params: { expected: 'integer' } });
    return false;
  }
  if (range && (v < range[0] || v > range[1])) {
    issues.push({ code: 'setting_range', field: path, params: { min: range[0], max: range[1] } });
    return false;
  }
  return true;
}

function checkArray(def: Json[], v: Json, path: string, issues: Issue[]): Json[] {
  if (!Array.isArray(v)) {
    issues.push({ code: 'setting_type', field: path, params: { expected: 'array' } });
    return def;
  }
  if (typeof def[0] === 'number') {
    const ok = v.every((x, i) => checkInt(x, RANGES[path], `${path}.${i}`, issues));
    if (!ok) return def;
    if (v.length === 0 || v.some((x, i) => i > 0 && (x as number) <= (v[i - 1] as number))) {
      issues.push({ code: 'setting_order', field: path });
      return def;
    }
    return [...v];
  }
  const known = new Set(catalogue().map((i) => i.id));
  v.forEach((x, i) => {
    if (typeof x !== 'string') issues.push({ code: 'setting_type', field: `${path}.${i}`, params: { expected: 'string' } });
    else if (!known.has(x)) issues.push({ code: 'setting_item_unknown', field: `${path}.${i}`, params: { item: x } });
  });
  return [...v];
}

function checkOffset(v: Json, path: string, issues: Issue[]): v is Offset {
  if (!isObject(v)) {
    issues.push({ code: 'setting_type', field: path, params: { expected: 'offset' } });
    return false;
  }
  let ok = true;
  for (const [k, x] of Object.entries(v)) {
    if (!(OFFSET_KEYS as readonly string[]).includes(k)) {
      issues.push({ code: 'setting_unknown', field: `${path}.${k}` });
      ok = false;
    } else if (!checkInt(x, [-OFFSET_RANGE, OFFSET_RANGE], `${path}.${k}`, issues)) ok = false;
  }
  return ok;
}

function checkOverrides(v: Json, issues: Issue[]): Json {
  if (!isObject(v)) {
    issues.push({ code: 'setting_type', field: 'windowOverrides', params: { expected: 'object' } });
    return {};
  }
  const items = new Map(catalogue().map((i) => [i.id, i]));
  for (const [id, o] of Object.entries(v)) {
    const path = `windowOverrides.${id}`;
    const item = items.get(id);
    if (!item || !overridableKind(item.timing)) {
      issues.push({ code: 'setting_item_unknown', field: path, params: { item: id } });
      continue;
    }
    if (!isObject(o)) {
      issues.push({ code: 'setting_type', field: path, params: { expected: 'object' } });
      continue;
    }
    const dayKinds = item.timing.kind === 'gestation' || item.timing.kind === 'postpartum';
    const allowed = dayKinds ? ['fromDay', 'toDay', ...(item.timing.kind === 'gestation' ? ['dueDay'] : [])] : ['earliest', 'due', 'latest'];
    for (const [k, x] of Object.entries(o)) {
      if (!allowed.includes(k)) issues.push({ code: 'setting_unknown', field: `${path}.${k}` });
      else if (dayKinds) checkInt(x, [0, OFFSET_RANGE], `${path}.${k}`, issues);
      else checkOffset(x, `${path}.${k}`, issues);
    }
  }
  return structuredClone(v);
}

/** Reference birth dates for window-order checks: a month end catches day clamping. */
const REF_DAYS = [dayFromCivil(2000, 1, 31), dayFromCivil(2001, 6, 15)];

function crossChecks(s: ProtocolSettings, issues: Issue[]): void {
  if (s.wus.ageFrom >= s.wus.ageTo) {
    // The window checks below would only repeat this problem per item.
    issues.push({ code: 'setting_order', field: 'wus.ageTo' });
    return;
  }
  for (const item of catalogue(s)) {
    const tm = item.timing;
    const field = s.windowOverrides[item.id] ? `windowOverrides.${item.id}` : (item.settings?.[0] ?? item.id);
    if (tm.kind === 'age' || tm.kind === 'dose' || tm.kind === 'condition-onset') {
      const bad = REF_DAYS.some((b) => {
        const e = addOffset(b, tm.earliest);
        const d = addOffset(b, tm.due);
        const l = addOffset(b, tm.latest);
        return e > d || d > l || e < b;
      });
      if (bad) issues.push({ code: 'window_order', field, params: { item: item.id } });
    } else if (tm.kind === 'gestation' || tm.kind === 'postpartum') {
      const due = tm.kind === 'gestation' ? (tm.dueDay ?? tm.toDay) : tm.toDay;
      const to = tm.toDay;
      if ((due !== undefined && due < tm.fromDay) || (to !== undefined && due !== undefined && due > to)) {
        issues.push({ code: 'window_order', field, params: { item: item.id } });
      }
    }
  }
}

/** Canonical JSON (sorted keys) so equal settings have equal fingerprints. */
export function canonicalJson(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** 53-bit string hash (cyrb53), hex. Not cryptographic: it names a settings version. */
function cyrb53(str: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

const fingerprints = new WeakMap<ProtocolSettings, string>();

/** Names the settings a result was computed with ("s-…"); stored beside results. */
export function settingsFingerprint(s: ProtocolSettings): string {
  let f = fingerprints.get(s);
  if (!f) {
    f = `s-${cyrb53(canonicalJson(s))}`;
    fingerprints.set(s, f);
  }
  return f;
}

/** Paths where the settings differ from the national defaults. */
export function changedSettings(s: ProtocolSettings): string[] {
  const out: string[] = [];
  const walk = (d: Json, v: Json, path: string) => {
    if (isObject(d) && isObject(v) && path !== 'windowOverrides') {
      for (const k of Object.keys(d)) walk(d[k], v[k], path ? `${path}.${k}` : k);
    } else if (canonicalJson(d) !== canonicalJson(v)) out.push(path);
  };
  walk(DEFAULT_SETTINGS, s, '');
  return out;
}
