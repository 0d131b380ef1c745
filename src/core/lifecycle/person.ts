/**
 * The facts about a person the life-cycle engine needs, as the server and the
 * offline app hold them: sex, birth date, pregnancy episodes, condition
 * episodes (registrations such as catin/PUS, TB register entries, known
 * hypertension/diabetes) and, optionally, a recorded school grade.
 */
import type { IsoDate } from '../time/dates';
import type { Sex } from '../people/nik';
import type { ConditionKind } from '../protocol/types';
import type { Issue } from '../i18n/issues';
import { dayFromIso } from '../protocol/offset';
import { MAX_GESTATIONAL_WEEKS } from '../protocol/pregnancy';

export interface PregnancyFacts {
  id: string;
  /** Hari pertama haid terakhir (LMP). */
  hpht?: IsoDate | null;
  /** When HPHT is unknown: gestational age recorded at registration on a date. */
  gestationalAge?: { weeks: number; days?: number; on: IsoDate } | null;
  deliveredOn?: IsoDate | null;
  /** The pregnancy ended without a birth (abortus) or was closed on this date. */
  endedOn?: IsoDate | null;
  outcome?: 'live-birth' | 'stillbirth' | 'abortion' | null;
  /** Births before this pregnancy, for 4T; default: earlier episodes with a delivery. */
  previousBirths?: number | null;
  /** The previous delivery, for 4T; default: the latest earlier episode's delivery. */
  previousDeliveryOn?: IsoDate | null;
}

export interface ConditionFact {
  kind: ConditionKind;
  from: IsoDate;
  /** Inclusive; absent = still active. */
  to?: IsoDate | null;
}

export interface PersonFacts {
  sex: Sex;
  birthDate: IsoDate;
  pregnancies?: PregnancyFacts[];
  conditions?: ConditionFact[];
  /** A recorded school grade (1–12) in the school year of `on`; derived grades are computed from it. */
  schoolGrade?: { grade: number; on: IsoDate } | null;
}

const badDate = (v: unknown) => typeof v !== 'string' || Number.isNaN(dayFromIso(v));

/** Checks the facts; the engine skips a pregnancy or condition with an issue and carries on. */
export function validatePerson(p: PersonFacts): Issue[] {
  const issues: Issue[] = [];
  if (p.sex !== 'M' && p.sex !== 'F') issues.push({ code: 'invalid', field: 'sex' });
  if (badDate(p.birthDate)) issues.push({ code: 'invalid_date', field: 'birthDate' });
  const pregnancies = p.pregnancies ?? [];
  for (let i = 0; i < pregnancies.length; i++) issues.push(...validatePregnancy(pregnancies[i]!, `pregnancies.${i}`));
  const conditions = p.conditions ?? [];
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i]!;
    if (badDate(c.from)) issues.push({ code: 'invalid_date', field: `conditions.${i}.from` });
    else if (c.to != null && (badDate(c.to) || dayFromIso(c.to) < dayFromIso(c.from))) issues.push({ code: 'condition_end_before_start', field: `conditions.${i}.to` });
  }
  if (p.schoolGrade) {
    const g = p.schoolGrade.grade;
    if (!Number.isInteger(g) || g < 1 || g > 12) issues.push({ code: 'school_grade_range', field: 'schoolGrade.grade' });
    if (badDate(p.schoolGrade.on)) issues.push({ code: 'invalid_date', field: 'schoolGrade.on' });
  }
  return issues;
}

export function validatePregnancy(preg: PregnancyFacts, field = 'pregnancy'): Issue[] {
  const issues: Issue[] = [];
  const ga = preg.gestationalAge;
  if (preg.hpht != null) {
    if (badDate(preg.hpht)) issues.push({ code: 'invalid_date', field: `${field}.hpht` });
  } else if (ga) {
    if (badDate(ga.on)) issues.push({ code: 'invalid_date', field: `${field}.gestationalAge.on` });
    const days = ga.days ?? 0;
    if (!Number.isInteger(ga.weeks) || ga.weeks < 0 || ga.weeks > MAX_GESTATIONAL_WEEKS || !Number.isInteger(days) || days < 0 || days > 6) {
      issues.push({ code: 'gestational_age_range', field: `${field}.gestationalAge`, params: { max: MAX_GESTATIONAL_WEEKS } });
    }
  } else {
    issues.push({ code: 'pregnancy_start_missing', field });
  }
  for (const k of ['deliveredOn', 'endedOn'] as const) {
    const v = preg[k];
    if (v == null) continue;
    if (badDate(v)) issues.push({ code: 'invalid_date', field: `${field}.${k}` });
  }
  return issues;
}
