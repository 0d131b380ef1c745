/**
 * A visit draft → the events of POST /api/visits (docs/fieldwork-api.md
 * "Event values"). The form checks what only it knows (a number typed as
 * text, a pair half filled, a questionnaire half answered); then the events
 * go through core's checkVisit — the same function the server runs — so the
 * limits, shapes and plausibility warnings are the server's, seen before
 * sending. Each event is tagged with the draft field that made it, so
 * per-field issues ("events.2.value.systolic") land beside the right input.
 */
import type { EventInput } from '../api/visits';
import { LOINC } from '../../core/codes/loinc';
import { ANTIGENS } from '../../core/codes/concepts';
import { GLUCOSE_CUTS } from '../../core/protocol/cutoffs/glucose';
import { checkVisit } from '../../core/records/visit';
import type { RecordEvent } from '../../core/records/types';
import type { GrowthReferences } from '../../core/anthropometry/growth-references';
import { HEIGHT_FROM_DAY } from '../../core/anthropometry/who-rules';
import { ageInDays, isIsoDate } from '../../core/time/dates';
import { parseCount, parseDecimal } from './numbers';
import type { SlotIds } from './ids';
import { QUESTIONNAIRES, SCREENING_IDS, toAnswers, type ScreeningContext } from './questionnaires';
import { ANC_SLOTS, KF_CODES, KN_CODES, type Position, type VisitDraft, type VisitPerson } from './visit-draft';

/** A problem found in the browser; `code` is a core message code or one of LOCAL_CODES (fieldwork texts). */
export interface DraftIssue {
  code: string;
  params?: Record<string, string | number>;
}

/** Codes whose texts live in the fieldwork catalogue (fw.err.*), not in core messages. */
export const LOCAL_CODES = ['number', 'count', 'pair', 'nothing'] as const;

export interface TaggedEvent {
  event: EventInput;
  /** The draft field that made the event (errors without a finer match land here). */
  field: string;
  /** Finer targets: the server's path inside the event ("value.systolic") → draft field. */
  fields?: Record<string, string>;
}

export interface Built {
  events: TaggedEvent[];
  errors: Record<string, DraftIssue>;
  /** Implausible values core would ask the user to confirm (code, field, params). */
  warnings: (DraftIssue & { field: string })[];
}

export interface BuildContext {
  person: VisitPerson;
  /** The visit date. */
  on: string;
  ids: SlotIds;
  screening: ScreeningContext;
  /** The person's stored events known here (plausibility: weight change since last month). */
  history?: readonly RecordEvent[];
  /** Growth references for the WHO flags, once loaded; null skips them. */
  refs?: GrowthReferences | null;
}

/** Standing or lying by age when the form did not say (WHO: lying before day 731). */
export function defaultPosition(birthDate: string, on: string): Position {
  return isIsoDate(birthDate) && isIsoDate(on) && ageInDays(birthDate, on) < HEIGHT_FROM_DAY ? 'l' : 'h';
}

const GLUCOSE_CODE = {
  glucometer: { random: LOINC.glucoseCapillary, fasting: LOINC.glucoseFasting },
  lab: { random: LOINC.glucoseSerum, fasting: LOINC.glucoseFasting, 'ogtt-2h': LOINC.glucose2h, hba1c: LOINC.hba1c },
} as const;

export function buildEvents(d: VisitDraft, ctx: BuildContext): Built {
  const events: TaggedEvent[] = [];
  const errors: Record<string, DraftIssue> = {};
  const fail = (field: string, code: string, params?: Record<string, string | number>) => {
    if (!errors[field]) errors[field] = params ? { code, params } : { code };
  };

  /** A typed decimal, or undefined after noting that it is not a number (limits: core's checkVisit below). */
  const num = (field: string, raw: string): number | undefined => {
    const p = parseDecimal(raw);
    if (!p.ok) {
      if (!p.empty) fail(field, 'number');
      return undefined;
    }
    return p.value;
  };
  const count = (field: string, raw: string, required = false): number | undefined => {
    const p = parseCount(raw);
    if (!p.ok) {
      if (!p.empty) fail(field, 'count');
      else if (required) fail(field, 'required');
      return undefined;
    }
    return p.value;
  };
  const add = (slot: string, field: string, e: Omit<EventInput, 'id'>, fields?: Record<string, string>) => {
    events.push({ event: { id: ctx.ids.for(slot), ...e }, field, ...(fields ? { fields } : {}) });
  };

  // ── weighing and measuring ──
  const m = d.measure;
  const weight = num('measure.weight', m.weight);
  if (weight !== undefined) add('weight', 'measure.weight', { kind: 'measurement', system: 'loinc', code: LOINC.weight, valueNum: weight, unit: 'kg' });
  const lh = num('measure.lengthHeight', m.lengthHeight);
  if (lh !== undefined) {
    const position = m.position || defaultPosition(ctx.person.birthDate, ctx.on);
    add('length-height', 'measure.lengthHeight', {
      kind: 'measurement', system: 'loinc', code: position === 'l' ? LOINC.length : LOINC.height, valueNum: lh, unit: 'cm', value: { position },
    }, { 'value.position': 'measure.position' });
  }
  const head = num('measure.head', m.head);
  if (head !== undefined) add('head', 'measure.head', { kind: 'measurement', system: 'loinc', code: LOINC.head, valueNum: head, unit: 'cm' });
  const muac = num('measure.muac', m.muac);
  if (muac !== undefined) add('muac', 'measure.muac', { kind: 'measurement', system: 'loinc', code: LOINC.muac, valueNum: muac, unit: 'cm' });

  // ── blood pressure, glucose, Hb, waist ──
  const v = d.vitals;
  if (v.systolic.trim() || v.diastolic.trim()) {
    const sys = num('vitals.systolic', v.systolic);
    const dia = num('vitals.diastolic', v.diastolic);
    if (!v.systolic.trim()) fail('vitals.systolic', 'pair');
    if (!v.diastolic.trim()) fail('vitals.diastolic', 'pair');
    if (sys !== undefined && dia !== undefined) {
      add('bp', 'vitals.systolic', { kind: 'measurement', system: 'loinc', code: LOINC.bpPanel, value: { systolic: sys, diastolic: dia }, unit: 'mm[Hg]' }, {
        'value.systolic': 'vitals.systolic',
        'value.diastolic': 'vitals.diastolic',
      });
    }
  }
  if (v.glucose.trim()) {
    const cut = GLUCOSE_CUTS[v.glucoseDevice][v.glucoseMeasure];
    const codes = GLUCOSE_CODE[v.glucoseDevice] as Partial<Record<string, string>>;
    const code = codes[v.glucoseMeasure];
    if (!cut || !code) fail('vitals.glucoseMeasure', 'glucose_measure_not_for_device', { device: v.glucoseDevice });
    else {
      const g = num('vitals.glucose', v.glucose);
      if (g !== undefined) {
        // Classic symptoms matter only where the table needs them (random glucose by glucometer).
        const symptoms = cut.needsSymptoms ? { classicSymptoms: v.classicSymptoms } : {};
        add('glucose', 'vitals.glucose', { kind: 'measurement', system: 'loinc', code, valueNum: g, unit: cut.unit, value: { device: v.glucoseDevice, ...symptoms } }, {
          'value.device': 'vitals.glucoseDevice',
          'value.classicSymptoms': 'vitals.classicSymptoms',
        });
      }
    }
  }
  const hb = num('vitals.hb', v.hb);
  if (hb !== undefined) add('hb', 'vitals.hb', { kind: 'measurement', system: 'loinc', code: LOINC.hb, valueNum: hb, unit: 'g/dL' });
  const waist = num('vitals.waist', v.waist);
  if (waist !== undefined) add('waist', 'vitals.waist', { kind: 'measurement', system: 'loinc', code: LOINC.waist, valueNum: waist, unit: 'cm' });

  // ── immunization ──
  for (const row of d.vaccines) {
    const f = `vaccines.${row.key}`;
    if (!(ANTIGENS as readonly string[]).includes(row.antigen)) fail(`${f}.antigen`, 'required');
    const dose = count(`${f}.dose`, row.dose, true);
    if ((ANTIGENS as readonly string[]).includes(row.antigen) && dose !== undefined) {
      const batch = row.batch.trim();
      add(`imm:${row.key}`, `${f}.antigen`, { kind: 'immunization', system: 'antigen', code: row.antigen, value: { dose, ...(batch ? { batch } : {}) } }, {
        'value.dose': `${f}.dose`,
        'value.batch': `${f}.batch`,
      });
    }
  }

  // ── vitamin A, TTD, deworming ──
  const s = d.supplements;
  if (s.vitaminA) add('vitamin-a', 'supplements.vitaminA', { kind: 'service', system: 'service', code: 'vitamin-a', value: s.vitaminAVariant ? { variant: s.vitaminAVariant } : {} });
  const ttd = count('supplements.ttd', s.ttd);
  if (ttd !== undefined) add('ttd', 'supplements.ttd', { kind: 'service', system: 'service', code: 'ttd', valueNum: ttd });
  if (s.deworming) add('deworming', 'supplements.deworming', { kind: 'service', system: 'service', code: 'deworming', value: {} });

  // ── other services with a result ──
  for (const [code, sv] of Object.entries(d.services)) {
    if (!sv.done) continue;
    const result = sv.result.trim();
    add(`service:${code}`, `services.${code}`, { kind: 'service', system: 'service', code, value: result ? { result } : {} }, { 'value.result': `services.${code}` });
  }

  // ── screenings ──
  for (const id of SCREENING_IDS) {
    const def = QUESTIONNAIRES[id];
    const c = toAnswers(def, d.screenings[id], ctx.screening);
    const base = `screenings.${id}`;
    if (c.state === 'incomplete') {
      for (const e of c.errors) fail(`${base}.${e.field}`, e.code);
      fail(base, 'answer_count', { expected: def.questions.length });
    } else if (c.state === 'ready') {
      if (def.minAgeYears !== undefined && ctx.screening.ageYears < def.minAgeYears) fail(base, 'screening_age', { min: def.minAgeYears });
      else add(`screening:${id}`, base, { kind: 'screening', system: 'questionnaire', code: id, value: { answers: c.answers } });
    }
  }

  // ── pregnancy registration, ANC contact ──
  const pg = d.pregnancy;
  if (pg.register) {
    const lmp = pg.lmp.trim();
    const weeks = count('pregnancy.gaWeeks', pg.gaWeeks);
    const gravida = count('pregnancy.gravida', pg.gravida);
    const parity = count('pregnancy.parity', pg.parity);
    // Both given: the HPHT wins (core refuses both; the weeks were only the fallback).
    add('pregnancy', 'pregnancy.lmp', {
      kind: 'condition', system: 'icd10', code: 'Z34',
      value: {
        ...(lmp ? { lmp } : weeks !== undefined ? { gestationalAge: { weeks } } : {}),
        ...(gravida !== undefined ? { gravida } : {}),
        ...(parity !== undefined ? { parity } : {}),
      },
    }, { 'value.lmp': 'pregnancy.lmp', 'value.gestationalAge': 'pregnancy.gaWeeks', 'value.gravida': 'pregnancy.gravida', 'value.parity': 'pregnancy.parity' });
  }
  const a = d.anc;
  if (a.slot) {
    if (!(ANC_SLOTS as readonly string[]).includes(a.slot)) fail('anc.slot', 'required');
    if (!a.provider) fail('anc.provider', 'required');
    const tfu = num('anc.tfu', a.tfu);
    const djj = count('anc.djj', a.djj);
    if (a.provider && !errors['anc.tfu'] && !errors['anc.djj']) {
      add('anc', 'anc.slot', {
        kind: 'service', system: 'service', code: a.slot,
        value: { provider: a.provider, ...(tfu !== undefined ? { tfu } : {}), ...(djj !== undefined ? { djj } : {}) },
      }, { 'value.provider': 'anc.provider', 'value.tfu': 'anc.tfu', 'value.djj': 'anc.djj' });
    }
  }

  // ── KF / KN ──
  const pn = d.postnatal;
  if (pn.code) {
    if (![...KF_CODES, ...KN_CODES].includes(pn.code as never)) fail('postnatal.code', 'required');
    else {
      const findings = pn.findings.trim();
      add('postnatal', 'postnatal.code', { kind: 'service', system: 'service', code: pn.code, value: findings ? { findings } : {} }, { 'value.findings': 'postnatal.findings' });
    }
  }

  // ── delivery ──
  const dl = d.delivery;
  if (dl.record) {
    if (!dl.place) fail('delivery.place', 'required');
    if (!dl.attendant) fail('delivery.attendant', 'required');
    if (!dl.outcome) fail('delivery.outcome', 'required');
    const births = dl.births.map((b) => {
      const f = `delivery.births.${b.key}`;
      if (!b.sex) fail(`${f}.sex`, 'required');
      const grams = count(`${f}.weightGrams`, b.weightGrams);
      const cm = num(`${f}.lengthCm`, b.lengthCm);
      const name = b.name.trim();
      return {
        sex: b.sex,
        ...(name ? { name } : {}),
        ...(grams !== undefined ? { birthWeightGrams: grams } : {}),
        ...(cm !== undefined ? { birthLengthCm: cm } : {}),
      };
    });
    const fields: Record<string, string> = {
      'value.place': 'delivery.place', 'value.attendant': 'delivery.attendant', 'value.outcome': 'delivery.outcome', 'value.births': 'delivery.births',
    };
    dl.births.forEach((b, i) => {
      for (const k of ['sex', 'name']) fields[`value.births.${i}.${k}`] = `delivery.births.${b.key}.${k}`;
      fields[`value.births.${i}.birthWeightGrams`] = `delivery.births.${b.key}.weightGrams`;
      fields[`value.births.${i}.birthLengthCm`] = `delivery.births.${b.key}.lengthCm`;
    });
    if (dl.place && dl.attendant && dl.outcome) {
      add('delivery', 'delivery.outcome', {
        kind: 'delivery', system: 'service', code: 'delivery',
        value: { place: dl.place, attendant: dl.attendant, outcome: dl.outcome, ...(dl.outcome === 'live-birth' ? { births } : {}) },
      }, fields);
    }
  }

  // ── diagnoses, note ──
  for (const row of d.diagnoses) {
    const f = `diagnoses.${row.key}`;
    const code = row.code.trim().toUpperCase();
    const note = row.note.trim();
    if (!code && !note) continue;
    if (!code) fail(`${f}.code`, 'required');
    else add(`dx:${row.key}`, `${f}.code`, { kind: 'diagnosis', system: 'icd10', code, value: note ? { note } : {} }, { 'value.note': `${f}.note` });
  }
  const text = d.note.trim();
  if (text) add('note', 'note', { kind: 'note', system: 'service', code: 'note', value: { text } });

  if (events.length === 0 && Object.keys(errors).length === 0) fail('_', 'nothing');

  // The server's own checks, on what the form could build.
  const warnings: Built['warnings'] = [];
  if (events.length) {
    const check = checkVisit({
      person: { sex: ctx.person.sex, birthDate: ctx.person.birthDate },
      occurredOn: ctx.on,
      events: events.map((e) => e.event),
      history: ctx.history ?? [],
      refs: ctx.refs ?? null,
    });
    for (const i of check.issues) fail(fieldForServerPath(i.field ?? '_', events), i.code, i.params);
    for (const w of check.warnings) warnings.push({ field: fieldForServerPath(w.field ?? '_', events), code: w.code, ...(w.params ? { params: w.params } : {}) });
  }
  return { events, errors, warnings };
}

/**
 * The draft field for a server error path: "events.2.value.systolic" → the
 * field that made event 2, its finer target when there is one. Paths outside
 * the events ("occurredOn") stay as they are.
 */
export function fieldForServerPath(path: string, tagged: readonly TaggedEvent[]): string {
  const m = /^events\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!m) return path;
  const t = tagged[Number(m[1])];
  if (!t) return '_';
  const rest = m[2];
  if (rest && t.fields) {
    // the longest known prefix of the rest of the path
    const parts = rest.split('.');
    for (let n = parts.length; n > 0; n--) {
      const hit = t.fields[parts.slice(0, n).join('.')];
      if (hit) return hit;
    }
  }
  return t.field;
}
