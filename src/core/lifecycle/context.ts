/**
 * Builds the LifeContext the eligibility rules and the schedule engine read:
 * pregnancies and condition episodes as known on the evaluation day, plus
 * lazily computed diabetes-risk days and school years.
 */
import type { Concept } from '../codes/concepts';
import { addOffsetToCivil, civilFromDay, dayFromIso } from '../protocol/offset';
import type { Offset } from '../protocol/types';
import type { ProtocolSettings } from '../protocol/settings';
import type { Issue } from '../i18n/issues';
import { resolveConditions } from './conditions';
import { dmRiskIntervals, type Readings } from './dm-risk';
import type { LifeContext } from './eligibility';
import { gradeZeroYear } from './school-grade';
import type { Intervals } from './intervals';
import { validatePerson, type PersonFacts } from './person';
import { resolvePregnancy, type ResolvedPregnancy } from './pregnancy';

const NO_READINGS: Readings = { bp: [], bmi: [], waist: [] };

export function buildLifeContext(
  person: PersonFacts,
  onDay: number,
  settings: ProtocolSettings,
  conditionEvents: ReadonlyArray<{ concept: Concept; day: number }> = [],
  readings: () => Readings = () => NO_READINGS,
): { ctx: LifeContext | null; issues: Issue[] } {
  const issues = validatePerson(person);
  const birthDay = dayFromIso(person.birthDate);
  if (Number.isNaN(birthDay) || (person.sex !== 'M' && person.sex !== 'F')) return { ctx: null, issues };
  const pregnancies: ResolvedPregnancy[] = [];
  for (const p of person.pregnancies ?? []) {
    const r = resolvePregnancy(p, onDay);
    if (r) pregnancies.push(r);
  }
  pregnancies.sort((a, b) => a.startDay - b.startDay);
  const { intervals: conditions, onsets } = resolveConditions(person, conditionEvents, pregnancies, onDay);
  const ages = new Map<Offset, number>();
  const [by, bm, bd] = civilFromDay(birthDay);
  let dm: Intervals | undefined;
  const ctx: LifeContext = {
    person, birthDay, sex: person.sex, onDay, settings, pregnancies, conditions, onsets, eligibility: new Map(),
    dmRisk: () => (dm ??= dmRiskIntervals(person.sex, readings(), conditions.get('hypertension') ?? [])),
    age: (o) => {
      let d = ages.get(o);
      if (d === undefined) ages.set(o, (d = addOffsetToCivil(by, bm, bd, o)));
      return d;
    },
    gradeZeroYear: gradeZeroYear(person, birthDay, settings),
  };
  return { ctx, issues };
}
