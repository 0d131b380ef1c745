/**
 * Who an item applies to, as the set of days a person qualifies: age band ∩
 * sex ∩ condition episodes ∩ derived rules ∩ school grades, or a union of such
 * sets (`anyOf`). Everything here works on day numbers for the engine.
 */
import type { Sex } from '../people/nik';
import type { ProtocolSettings } from '../protocol/settings';
import type { ConditionKind, Eligibility, EligibilitySpec, Offset } from '../protocol/types';
import type { ConditionKey } from './conditions';
import { intersect, union, type Intervals } from './intervals';
import type { PersonFacts } from './person';
import type { ResolvedPregnancy } from './pregnancy';
import { FIRST_GRADE, LAST_GRADE, schoolYearBounds } from './school-grade';

export interface LifeContext {
  person: PersonFacts;
  birthDay: number;
  sex: Sex;
  onDay: number;
  settings: ProtocolSettings;
  pregnancies: ResolvedPregnancy[];
  conditions: Map<ConditionKey, Intervals>;
  /** Onset days per condition (episode starts and onset-only diagnosis codes). */
  onsets: Map<ConditionKind, number[]>;
  /** Days with a diabetes risk factor; computed on first use. */
  dmRisk(): Intervals;
  /** eligibleDays() results by rule object. */
  eligibility: Map<EligibilitySpec, Intervals>;
  /** birthDay + offset, memoised per offset object (the catalogue's offsets are shared objects). */
  age(o: Offset): number;
  /** The school year of "grade 0" (grade g falls in gradeZeroYear + g); see school-grade.ts. */
  gradeZeroYear: number;
}

const EMPTY: Intervals = [];

function single(e: Eligibility, ctx: LifeContext): Intervals {
  if (e.sex && e.sex !== ctx.sex) return EMPTY;
  const from = e.ageFrom ? ctx.age(e.ageFrom) : ctx.birthDay;
  const to = e.ageTo ? ctx.age(e.ageTo) - 1 : Infinity;
  let set: Intervals = from <= to ? [[from, to]] : EMPTY;
  if (set.length && e.conditions) {
    let c: Intervals = EMPTY;
    for (const k of e.conditions) c = union(c, ctx.conditions.get(k) ?? EMPTY);
    set = intersect(set, c);
  }
  if (set.length && e.rule === 'dm-risk') set = intersect(set, ctx.dmRisk());
  if (set.length && e.rule === 'ever-pregnant-or-pus') {
    const starts = [...ctx.pregnancies.map((p) => p.startDay), ...(ctx.conditions.get('pus') ?? EMPTY).map((iv) => iv[0])];
    set = starts.length ? intersect(set, [[Math.min(...starts), Infinity]]) : EMPTY;
  }
  if (set.length && e.grades) {
    const [g1, g2] = e.grades;
    const m = ctx.settings.school.schoolYearStartMonth;
    const lo = Math.max(g1, FIRST_GRADE);
    const hi = Math.min(g2, LAST_GRADE);
    set = lo > hi ? EMPTY : intersect(set, [[schoolYearBounds(ctx.gradeZeroYear + lo, m)[0], schoolYearBounds(ctx.gradeZeroYear + hi, m)[1]]]);
  }
  return set;
}

/** The days on which a person qualifies for an item (memoised per rule object and person). */
export function eligibleDays(spec: EligibilitySpec | undefined, ctx: LifeContext): Intervals {
  if (!spec) return [[ctx.birthDay, Infinity]];
  const hit = ctx.eligibility.get(spec);
  if (hit) return hit;
  let out: Intervals;
  if ('anyOf' in spec) {
    out = EMPTY;
    for (const e of spec.anyOf) out = union(out, single(e, ctx));
  } else out = single(spec, ctx);
  ctx.eligibility.set(spec, out);
  return out;
}
