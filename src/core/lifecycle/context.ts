/**
 * Builds the LifeContext the eligibility rules and the schedule engine read:
 * pregnancies and condition episodes as known on the evaluation day, plus
 * lazily computed diabetes-risk days and memoised birth offsets.
 */
import type { Concept } from '../codes/concepts';
import { addOffsetToCivil, civilFromDay, dayFromIso } from '../protocol/offset';
import type { ConditionKind, EligibilitySpec, Offset } from '../protocol/types';
import type { ProtocolSettings } from '../protocol/settings';
import type { Issue } from '../i18n/issues';
import { resolveConditions, type ConditionKey } from './conditions';
import { dmRiskIntervals, type Readings } from './dm-risk';
import type { LifeContext } from './eligibility';
import { gradeZeroYear } from './school-grade';
import type { Intervals } from './intervals';
import { validatePerson, type PersonFacts } from './person';
import { resolvePregnancy, type ResolvedPregnancy } from './pregnancy';

const NO_READINGS: Readings = { bp: [], bmi: [], waist: [] };

/** Where the diabetes-risk rule gets measurements from (the engine's event index). */
export interface ReadingsSource {
  readings(): Readings;
}

const NONE: ReadingsSource = { readings: () => NO_READINGS };

/**
 * A class, not an object of closures: the engine builds one per schedule and
 * per-call closures cost (tsx wraps every function it creates).
 */
class Context implements LifeContext {
  readonly sex: PersonFacts['sex'];
  readonly eligibility = new Map<EligibilitySpec, Intervals>();
  readonly gradeZeroYear: number;
  private readonly ages = new Map<Offset, number>();
  private readonly by: number;
  private readonly bm: number;
  private readonly bd: number;
  private dm: Intervals | undefined;

  constructor(
    readonly person: PersonFacts,
    readonly birthDay: number,
    readonly onDay: number,
    readonly settings: ProtocolSettings,
    readonly pregnancies: ResolvedPregnancy[],
    readonly conditions: Map<ConditionKey, Intervals>,
    readonly onsets: Map<ConditionKind, number[]>,
    private readonly source: ReadingsSource,
  ) {
    this.sex = person.sex;
    [this.by, this.bm, this.bd] = civilFromDay(birthDay);
    this.gradeZeroYear = gradeZeroYear(person, birthDay, settings);
  }

  dmRisk(): Intervals {
    return (this.dm ??= dmRiskIntervals(this.sex, this.source.readings(), this.conditions.get('hypertension') ?? []));
  }

  age(o: Offset): number {
    let d = this.ages.get(o);
    if (d === undefined) this.ages.set(o, (d = addOffsetToCivil(this.by, this.bm, this.bd, o)));
    return d;
  }
}

function byStart(a: ResolvedPregnancy, b: ResolvedPregnancy): number {
  return a.startDay - b.startDay;
}

export function buildLifeContext(
  person: PersonFacts,
  onDay: number,
  settings: ProtocolSettings,
  conditionEvents: ReadonlyArray<{ concept: Concept; day: number }> = [],
  readings: ReadingsSource = NONE,
): { ctx: LifeContext | null; issues: Issue[] } {
  const issues = validatePerson(person);
  const birthDay = dayFromIso(person.birthDate);
  if (Number.isNaN(birthDay) || (person.sex !== 'M' && person.sex !== 'F')) return { ctx: null, issues };
  const pregnancies: ResolvedPregnancy[] = [];
  for (const p of person.pregnancies ?? []) {
    const r = resolvePregnancy(p, onDay);
    if (r) pregnancies.push(r);
  }
  if (pregnancies.length > 1) pregnancies.sort(byStart);
  const { intervals, onsets } = resolveConditions(person, conditionEvents, pregnancies, onDay);
  return { ctx: new Context(person, birthDay, onDay, settings, pregnancies, intervals, onsets, readings), issues };
}
