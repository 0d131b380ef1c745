/**
 * Who an item applies to, as the set of days a person qualifies: age band ∩
 * sex ∩ condition episodes ∩ derived rules ∩ school grades, or a union of such
 * sets (`anyOf`). Everything here works on day numbers for the engine.
 */
import type { Sex } from '../people/nik';
import { addOffset } from '../protocol/offset';
import type { ProtocolSettings } from '../protocol/settings';
import type { Eligibility, EligibilitySpec } from '../protocol/types';
import type { ConditionKey } from './conditions';
import { intersect, normalise, union, type Interval, type Intervals } from './intervals';
import type { PersonFacts } from './person';
import type { ResolvedPregnancy } from './pregnancy';
import { gradeInSchoolYear, schoolYearBounds, schoolYearOf } from './school-grade';

export interface LifeContext {
  person: PersonFacts;
  birthDay: number;
  sex: Sex;
  onDay: number;
  settings: ProtocolSettings;
  pregnancies: ResolvedPregnancy[];
  conditions: Map<ConditionKey, Intervals>;
  /** Days with a diabetes risk factor; computed on first use. */
  dmRisk(): Intervals;
  /** School years (start year → grade) the person is in school, up to a little after onDay. */
  schoolYears(): ReadonlyArray<{ year: number; grade: number }>;
}

const EMPTY: Intervals = [];

/** School years listed past the evaluation day, so upcoming school items can be shown. */
const SCHOOL_YEARS_AHEAD = 2;

export function schoolYearsFor(person: PersonFacts, birthDay: number, onDay: number, s: ProtocolSettings): Array<{ year: number; grade: number }> {
  const startMonth = s.school.schoolYearStartMonth;
  const out: Array<{ year: number; grade: number }> = [];
  const first = schoolYearOf(birthDay, startMonth);
  const last = schoolYearOf(onDay, startMonth) + SCHOOL_YEARS_AHEAD;
  for (let y = first; y <= last; y++) {
    const g = gradeInSchoolYear(person, birthDay, y, s);
    if (g !== null) out.push({ year: y, grade: g });
  }
  return out;
}

function single(e: Eligibility, ctx: LifeContext): Intervals {
  if (e.sex && e.sex !== ctx.sex) return EMPTY;
  const from = e.ageFrom ? addOffset(ctx.birthDay, e.ageFrom) : ctx.birthDay;
  const to = e.ageTo ? addOffset(ctx.birthDay, e.ageTo) - 1 : Infinity;
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
    const years: Interval[] = ctx.schoolYears().filter((y) => y.grade >= g1 && y.grade <= g2).map((y) => schoolYearBounds(y.year, m));
    set = intersect(set, normalise(years));
  }
  return set;
}

/** The days on which a person qualifies for an item. */
export function eligibleDays(spec: EligibilitySpec | undefined, ctx: LifeContext): Intervals {
  if (!spec) return [[ctx.birthDay, Infinity]];
  if ('anyOf' in spec) {
    let out: Intervals = EMPTY;
    for (const e of spec.anyOf) out = union(out, single(e, ctx));
    return out;
  }
  return single(spec, ctx);
}
