/**
 * What one person's indicator row adds to the counters (docs/indicators.md):
 * one row set per ancestor level of the domicile, a facility row for the
 * by-place view. Pure code, shared by the live refresh (deltas) and checked
 * against the set-based rebuild (which computes the same sums in SQL).
 */
import { levelOf, lineage } from '../../../core/areas/codes';
import type { PersonIndicatorRow } from '../../../core/indicators/types';

/** A person_indicator row as stored: the evaluator's row filed under the domicile. */
export interface StoredIndicatorRow extends PersonIndicatorRow {
  personId: string;
  kabCode: string;
  areaCode: string;
}

/** Counter levels, kabupaten/kota down to RT: the domicile's ancestors at these levels get a row set. */
export const COUNTER_LEVELS = ['regency', 'district', 'village', 'dusun', 'rw', 'rt'] as const;
export type CounterLevel = (typeof COUNTER_LEVELS)[number];

const isCounterLevel = (l: string | null): l is CounterLevel => l !== null && (COUNTER_LEVELS as readonly string[]).includes(l);

/** The domicile and its ancestors from the kabupaten/kota down, with their levels. */
export function counterAreas(areaCode: string): Array<{ code: string; level: CounterLevel }> {
  const out: Array<{ code: string; level: CounterLevel }> = [];
  for (const code of lineage(areaCode)) {
    const level = levelOf(code);
    if (isCounterLevel(level)) out.push({ code, level });
  }
  return out;
}

export interface CounterDelta {
  areaCode: string;
  indicator: string;
  year: number;
  month: number;
  sex: string;
  ageBand: string;
  kabCode: string;
  level: CounterLevel;
  regNew: number;
  numNew: number;
  served: number;
  occurrences: number;
}

export interface FacilityDelta {
  facilityId: string;
  indicator: string;
  year: number;
  month: number;
  sex: string;
  ageBand: string;
  numNew: number;
  served: number;
  occurrences: number;
}

/** Per month 1–12: what the row adds (register entry, first service, served, occurrences). */
function monthly(r: PersonIndicatorRow): Array<{ month: number; reg: number; num: number; served: number; occ: number }> {
  const out = [];
  for (let m = 1; m <= 12; m++) {
    const reg = r.registerMonth === m ? 1 : 0;
    const num = r.numeratorMonth === m ? 1 : 0;
    const served = (r.monthsServed >> (m - 1)) & 1;
    const occ = r.counts?.[m - 1] ?? 0;
    if (reg || num || served || occ) out.push({ month: m, reg, num, served, occ });
  }
  return out;
}

/** Sums of counter deltas keyed by counter row; add rows with sign +1 (new) or −1 (old). */
export class DeltaSet {
  readonly counters = new Map<string, CounterDelta>();
  readonly facilities = new Map<string, FacilityDelta>();
  /** True once any delta went down (a correction or a move): counter rows may have dropped to zero. */
  decreased = false;

  add(r: StoredIndicatorRow, sign: 1 | -1): void {
    const months = monthly(r);
    if (months.length === 0) return;
    if (sign < 0) this.decreased = true;
    for (const a of counterAreas(r.areaCode)) {
      for (const m of months) {
        const key = `${a.code}|${r.indicator}|${r.year}|${m.month}|${r.sex}|${r.ageBand}`;
        let d = this.counters.get(key);
        if (!d) {
          d = { areaCode: a.code, indicator: r.indicator, year: r.year, month: m.month, sex: r.sex, ageBand: r.ageBand, kabCode: r.kabCode, level: a.level, regNew: 0, numNew: 0, served: 0, occurrences: 0 };
          this.counters.set(key, d);
        }
        d.regNew += sign * m.reg;
        d.numNew += sign * m.num;
        d.served += sign * m.served;
        d.occurrences += sign * m.occ;
      }
    }
    if (!r.facilityId) return;
    for (const m of months) {
      // The by-place view counts the first qualifying service (and the row's served months and occurrences) at the row's facility.
      if (!m.num && !m.served && !m.occ) continue;
      const key = `${r.facilityId}|${r.indicator}|${r.year}|${m.month}|${r.sex}|${r.ageBand}`;
      let d = this.facilities.get(key);
      if (!d) {
        d = { facilityId: r.facilityId, indicator: r.indicator, year: r.year, month: m.month, sex: r.sex, ageBand: r.ageBand, numNew: 0, served: 0, occurrences: 0 };
        this.facilities.set(key, d);
      }
      d.numNew += sign * m.num;
      d.served += sign * m.served;
      d.occurrences += sign * m.occ;
    }
  }

  /**
   * Deltas that change something (a row and its replacement may cancel out),
   * in key order: concurrent writes lock shared counter rows (the kabupaten's)
   * in the same order, so they wait for each other instead of deadlocking.
   */
  counterRows(): CounterDelta[] {
    return sortedValues(this.counters).filter((d) => d.regNew || d.numNew || d.served || d.occurrences);
  }

  facilityRows(): FacilityDelta[] {
    return sortedValues(this.facilities).filter((d) => d.numNew || d.served || d.occurrences);
  }
}

function sortedValues<T>(m: Map<string, T>): T[] {
  return [...m.keys()].sort().map((k) => m.get(k)!);
}

/** Same stored row (so nothing to write)? */
export function sameRow(a: StoredIndicatorRow, b: StoredIndicatorRow): boolean {
  if (a.areaCode !== b.areaCode || a.kabCode !== b.kabCode || a.sex !== b.sex || a.ageBand !== b.ageBand || a.registerMonth !== b.registerMonth
    || a.numeratorMonth !== b.numeratorMonth || a.monthsServed !== b.monthsServed || (a.facilityId ?? null) !== (b.facilityId ?? null)) return false;
  const ca = a.counts ?? null;
  const cb = b.counts ?? null;
  if (ca === null || cb === null) return ca === cb;
  return ca.length === cb.length && ca.every((v, i) => v === cb[i]);
}

export const rowKey = (r: { personId: string; indicator: string; year: number }) => `${r.personId}|${r.indicator}|${r.year}`;
