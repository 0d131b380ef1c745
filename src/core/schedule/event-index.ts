/**
 * Events as the engine reads them: recognised once, dated in day numbers,
 * grouped by concept and sorted, with events after the evaluation date
 * dropped. Built once per schedule.
 */
import type { Concept } from '../codes/concepts';
import { recognise } from '../codes/registry';
import type { Issue } from '../i18n/issues';
import type { Readings } from '../lifecycle/dm-risk';
import { dayFromIso } from '../protocol/offset';
import type { PlaceKind, ProviderKind } from '../protocol/types';
import type { ScheduleEvent } from './event';

export interface IndexedEvent {
  id: string;
  day: number;
  concept: Concept;
  ordinal: number | undefined;
  provider: ProviderKind | null | undefined;
  place: PlaceKind | null | undefined;
  valueNum: number | null | undefined;
  value: unknown;
}

const CONDITION_CONCEPTS = new Set<Concept>(['hypertension', 'diabetes', 'tb', 'tb-contact', 'pregnancy']);

/** The events of one schedule request, by concept (a class: no per-call closures). */
export class EventIndex {
  readonly byConcept = new Map<Concept, IndexedEvent[]>();
  readonly conditionEvents: Array<{ concept: Concept; day: number }> = [];
  readonly issues: Issue[] = [];
  private readonly days: number[] = [];
  private contacts: number[] | undefined;
  private measured: Readings | undefined;

  constructor(events: readonly ScheduleEvent[], onDay: number) {
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      const day = typeof e.date === 'string' ? dayFromIso(e.date) : NaN;
      if (Number.isNaN(day)) {
        this.issues.push({ code: 'invalid_date', field: `events.${i}.date` });
        continue;
      }
      if (day > onDay) continue;
      this.days.push(day);
      const r = typeof e.code === 'string' ? recognise(e.system, e.code) : undefined;
      if (!r) continue;
      if (CONDITION_CONCEPTS.has(r.concept)) {
        this.conditionEvents.push({ concept: r.concept, day });
        continue;
      }
      const ie: IndexedEvent = {
        id: e.id, day, concept: r.concept, ordinal: e.dose ?? r.ordinal, provider: e.provider, place: e.place,
        valueNum: e.valueNum, value: e.value,
      };
      const list = this.byConcept.get(r.concept);
      if (list) list.push(ie);
      else this.byConcept.set(r.concept, [ie]);
    }
    for (const list of this.byConcept.values()) if (list.length > 1 && !isSorted(list)) list.sort(byDayThenId);
  }

  /** Distinct days with any event (a "contact"), ascending; computed on first use. */
  contactDays(): number[] {
    return (this.contacts ??= distinctSorted(this.days));
  }

  /** Readings for the diabetes-risk rule; computed on first use. */
  readings(): Readings {
    return (this.measured ??= buildReadings(this.byConcept));
  }
}

export function indexEvents(events: readonly ScheduleEvent[], onDay: number): EventIndex {
  return new EventIndex(events, onDay);
}

function isSorted(list: IndexedEvent[]): boolean {
  for (let i = 1; i < list.length; i++) if (byDayThenId(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

function distinctSorted(days: number[]): number[] {
  const a = new Float64Array(days).sort();
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) out.push(a[i]!);
  return out;
}

function byDayThenId(a: IndexedEvent, b: IndexedEvent): number {
  return a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Readings for the diabetes-risk rule: BP pairs, BMI (recorded or from weight + latest height), waist. */
function buildReadings(by: Map<Concept, IndexedEvent[]>): Readings {
  const bpByDay = new Map<number, { sys?: number; dia?: number }>();
  const put = (day: number, k: 'sys' | 'dia', v: number | undefined) => {
    if (v === undefined) return;
    const r = bpByDay.get(day) ?? {};
    r[k] = Math.max(r[k] ?? -Infinity, v);
    bpByDay.set(day, r);
  };
  for (const e of by.get('bp') ?? []) {
    const o = typeof e.value === 'object' && e.value !== null ? (e.value as Record<string, unknown>) : {};
    put(e.day, 'sys', num(o.systolic));
    put(e.day, 'dia', num(o.diastolic));
  }
  for (const e of by.get('bp-systolic') ?? []) put(e.day, 'sys', num(e.valueNum));
  for (const e of by.get('bp-diastolic') ?? []) put(e.day, 'dia', num(e.valueNum));
  const bp = [...bpByDay].filter(([, r]) => r.sys !== undefined || r.dia !== undefined)
    .map(([day, r]) => ({ day, sys: r.sys ?? 0, dia: r.dia ?? 0 })).sort((a, b) => a.day - b.day);

  const heights = [...(by.get('height') ?? []), ...(by.get('length') ?? [])].filter((e) => num(e.valueNum)).sort((a, b) => a.day - b.day);
  const bmiByDay = new Map<number, number>();
  for (const e of by.get('weight') ?? []) {
    const w = num(e.valueNum);
    let h: number | undefined;
    for (const x of heights) if (x.day <= e.day) h = x.valueNum!;
    if (w !== undefined && h) bmiByDay.set(e.day, w / ((h / 100) * (h / 100)));
  }
  for (const e of by.get('bmi') ?? []) {
    const v = num(e.valueNum);
    if (v !== undefined) bmiByDay.set(e.day, v);
  }
  const bmi = [...bmiByDay].map(([day, value]) => ({ day, value })).sort((a, b) => a.day - b.day);
  const waist = (by.get('waist') ?? []).filter((e) => num(e.valueNum) !== undefined).map((e) => ({ day: e.day, value: e.valueNum! }));
  return { bp, bmi, waist };
}
