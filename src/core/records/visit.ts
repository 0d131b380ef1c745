/**
 * Checks a visit's new events together: each event against its concept
 * (validate.ts), corrections against the person's stored events (a
 * correction names an event of the same person that nothing supersedes yet),
 * questionnaire scores (screening.ts), then plausibility warnings
 * (plausibility.ts) once everything is valid. The server and the offline app
 * call the same function, so both refuse and warn alike.
 */
import type { GrowthReferences } from '../anthropometry/growth-references';
import type { Issue } from '../i18n/issues';
import type { Sex } from '../people/nik';
import type { IsoDate } from '../time/dates';
import { plausibilityWarnings } from './plausibility';
import { hasScorer, scoreAnswers } from './screening';
import type { EventInput, NormalisedEvent, RecordEvent } from './types';
import { checkEvent } from './validate';

export interface VisitCheckInput {
  person: { sex: Sex; birthDate: IsoDate };
  occurredOn: IsoDate;
  /** New events only (stored duplicates are handled by the caller). */
  events: readonly EventInput[];
  /** Index in the request of each event (for field names); default 0..n-1. */
  positions?: readonly number[];
  /** The person's stored events, superseded ones included. */
  history: readonly RecordEvent[];
  refs: GrowthReferences | null;
}

export interface VisitCheck {
  events: NormalisedEvent[];
  issues: Issue[];
  warnings: Issue[];
}

export function checkVisit(input: VisitCheckInput): VisitCheck {
  const issues: Issue[] = [];
  const events: NormalisedEvent[] = [];
  const pos = (k: number) => input.positions?.[k] ?? k;
  const seen = new Set<string>();
  const historyIds = new Set(input.history.map((h) => h.id));
  const supersededBefore = new Set(input.history.map((h) => h.supersedesId).filter((x): x is string => !!x));
  const supersededNow = new Set<string>();

  input.events.forEach((raw, k) => {
    const i = pos(k);
    if (seen.has(raw.id)) {
      issues.push({ code: 'duplicate_id', field: `events.${i}.id` });
      return;
    }
    seen.add(raw.id);
    const r = checkEvent(raw, i, { person: input.person, occurredOn: input.occurredOn });
    issues.push(...r.issues);
    const s = raw.supersedesId;
    if (s) {
      if (s === raw.id || !historyIds.has(s)) issues.push({ code: 'supersede_unknown', field: `events.${i}.supersedesId` });
      else if (supersededBefore.has(s) || supersededNow.has(s)) issues.push({ code: 'supersede_twice', field: `events.${i}.supersedesId` });
      supersededNow.add(s);
    }
    if (!r.event) return;
    const e = r.event;
    if (e.concept && hasScorer(e.concept)) {
      const answers = e.value?.answers;
      const scored = scoreAnswers(e.concept, answers, { sex: input.person.sex, birthDate: input.person.birthDate, on: input.occurredOn }, `events.${i}.value.answers`);
      issues.push(...scored.issues);
      if (scored.result) {
        e.value = { answers, result: scored.result };
        e.valueNum = scored.result.score ?? null;
      }
    }
    events.push(e);
  });
  if (issues.length) return { events: [], issues, warnings: [] };
  const warnings = plausibilityWarnings(events, { person: input.person, occurredOn: input.occurredOn, history: input.history, refs: input.refs })
    .map((w) => remap(w, input.positions));
  return { events, issues, warnings };
}

/** Plausibility fields use the index in `events`; map them to the request's positions. */
function remap(w: Issue, positions: readonly number[] | undefined): Issue {
  if (!positions || !w.field) return w;
  const m = /^events\.(\d+)\.(.*)$/.exec(w.field);
  if (!m) return w;
  return { ...w, field: `events.${positions[Number(m[1])] ?? m[1]}.${m[2]}` };
}
