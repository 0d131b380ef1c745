/**
 * The code registry: every code the engine recognises, and `recognise()`,
 * which turns an event's (system, code) into a concept and an optional
 * ordinal. Lookups are memoised because the same few codes repeat in every
 * person's history.
 */
import { CONDITION_CODES } from './conditions';
import type { Concept } from './concepts';
import type { CodeEntry } from './entry';
import { LOINC_CODES, OTHER_MEASUREMENT_CODES } from './loinc';
import { QUESTIONNAIRE_CODES } from './questionnaires';
import { SERVICE_CODES } from './services';
import { canonicalSystem, SYSTEM } from './systems';
import { VACCINE_CODES } from './vaccines';

export const ALL_CODES: readonly CodeEntry[] = [
  ...LOINC_CODES, ...OTHER_MEASUREMENT_CODES, ...VACCINE_CODES, ...QUESTIONNAIRE_CODES, ...SERVICE_CODES, ...CONDITION_CODES,
];

export interface Recognised {
  concept: Concept;
  /** Ordinal carried by the code itself ("MR 2" → 2, "KF3" → 3, "T4" → 4). */
  ordinal?: number;
}

const key = (system: string, code: string) => `${system}|${code}`;
const exact = new Map<string, Recognised>();
for (const e of ALL_CODES) {
  const k = key(e.system, e.system === SYSTEM.icd10 ? e.code.toUpperCase() : e.code);
  if (exact.has(k)) throw new Error(`duplicate code ${k}`);
  exact.set(k, e.ordinal === undefined ? { concept: e.concept } : { concept: e.concept, ordinal: e.ordinal });
}

/** Siklus systems accept a trailing ordinal after a family code. */
const ORDINAL_SYSTEMS = new Set<string>([SYSTEM.antigen, SYSTEM.service, SYSTEM.questionnaire]);
const TRAILING_ORDINAL = /^(.*?\D)[\s-]?(\d{1,2})$/;

// system (as given) → code → result; nested maps avoid building a key string per event.
const memo = new Map<string, Map<string, Recognised | null>>();
let memoSize = 0;

export function recognise(system: string | null | undefined, code: string): Recognised | undefined {
  if (!system) return undefined;
  let bySystem = memo.get(system);
  if (bySystem) {
    const hit = bySystem.get(code);
    if (hit !== undefined) return hit ?? undefined;
  }
  const sys = canonicalSystem(system)!;
  const found = lookup(sys, code.trim()) ?? null;
  if (memoSize > 50_000) { // bounded: codes are few, junk input must not grow it forever
    memo.clear();
    memoSize = 0;
    bySystem = undefined;
  }
  if (!bySystem) memo.set(system, (bySystem = new Map()));
  bySystem.set(code, found);
  memoSize++;
  return found ?? undefined;
}

function lookup(sys: string, code: string): Recognised | undefined {
  if (sys === SYSTEM.icd10) {
    const c = code.toUpperCase();
    return exact.get(key(sys, c)) ?? exact.get(key(sys, c.slice(0, 3)));
  }
  const direct = exact.get(key(sys, code));
  if (direct) return direct;
  if (!ORDINAL_SYSTEMS.has(sys)) return undefined;
  const m = TRAILING_ORDINAL.exec(code);
  if (!m) return undefined;
  const base = exact.get(key(sys, m[1]!.replace(/[\s-]+$/, '')));
  return base ? { concept: base.concept, ordinal: Number(m[2]) } : undefined;
}

/** The codes that map to a concept (for documentation and FHIR mapping). */
export function codesFor(concept: Concept): CodeEntry[] {
  return ALL_CODES.filter((e) => e.concept === concept);
}
