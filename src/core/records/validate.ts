/**
 * Checks one recorded event against its concept (docs/fieldwork-api.md
 * "Event values"): the kind fits the code, the code is one the registry
 * knows, the value has the concept's shape, numbers are within the hard
 * limits (limits.ts) and in the concept's canonical unit (units.ts). Every
 * problem is an Issue with the field it belongs to (`events.2.valueNum`,
 * `events.0.value.systolic`), so a form can show it beside the input.
 * Plausibility warnings (plausibility.ts) and questionnaire scores
 * (screening.ts) come after these checks pass.
 */
import { CONCEPTS, type Concept } from '../codes/concepts';
import { recognise } from '../codes/registry';
import { canonicalSystem, SYSTEM } from '../codes/systems';
import type { Issue } from '../i18n/issues';
import { FIRST_GRADE, LAST_GRADE } from '../lifecycle/school-grade';
import { catalogue } from '../protocol/catalogue';
import { FACILITY_PLACES } from '../protocol/delivery-postnatal';
import { dayFromIso } from '../protocol/offset';
import { EPISODE_MAX_DAYS, MAX_GESTATIONAL_WEEKS } from '../protocol/pregnancy';
import type { PlaceKind, ProviderKind } from '../protocol/types';
import type { Sex } from '../people/nik';
import { isIsoDate, type IsoDate } from '../time/dates';
import { HARD_LIMITS, within, type Range } from './limits';
import { EVENT_KINDS, type EventInput, type EventKind, type NormalisedEvent } from './types';
import { CANONICAL_UNIT, toCanonical } from './units';
import { hasScorer } from './screening';

export interface CheckContext {
  person: { sex: Sex; birthDate: IsoDate };
  /** The visit date. */
  occurredOn: IsoDate;
}

export const PROVIDERS: readonly ProviderKind[] = ['doctor', 'midwife', 'nurse', 'dentist', 'kader', 'teacher', 'other'];
export const DELIVERY_PLACES = ['facility', 'home', 'on-the-way'] as const;
export const DELIVERY_OUTCOMES = ['live-birth', 'stillbirth', 'abortion'] as const;
export const DELIVERY_ATTENDANTS = ['doctor', 'midwife', 'nurse', 'other'] as const;
export const GLUCOSE_DEVICES = ['glucometer', 'lab'] as const;

/** ICD-10 code shape (category, optional sub-code), as SATUSEHAT uses WHO ICD-10 2010. */
const ICD10 = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;

/** Which concept kinds an event kind may carry (delivery and note have their own kinds). */
function kindFits(kind: EventKind, concept: Concept): boolean {
  if (concept === 'delivery') return kind === 'delivery';
  if (concept === 'note') return kind === 'note';
  const ck = CONCEPTS[concept].kind;
  switch (kind) {
    case 'measurement': return ck === 'measurement';
    case 'immunization': return ck === 'immunization';
    case 'screening': return ck === 'screening';
    case 'service': return ck === 'service';
    case 'condition': case 'diagnosis': return ck === 'condition';
    default: return false;
  }
}

const doseItems = () => catalogue().flatMap((i) => (i.timing.kind === 'dose' ? [i.timing] : []));
/** The longest vaccine series of the protocol (T1–T5): a dose number above it is a typo. */
export const MAX_DOSE = Math.max(...doseItems().map((t) => t.dose));
/** Doses in an antigen's infant/WUS series (0 when only school items give it). */
const SERIES_LENGTH = new Map<Concept, number>();
for (const t of doseItems()) SERIES_LENGTH.set(t.antigen, Math.max(SERIES_LENGTH.get(t.antigen) ?? 0, t.dose));

/** Visit ordinals (K1–K6, KF1–KF4, KN1–KN3): how many catalogue items count visits of the concept. */
function visitSlots(concept: Concept): number {
  return catalogue().filter((i) => i.match.length === 1 && !i.match[0]!.provider && !i.match[0]!.place
    && i.match[0]!.concepts.length === 1 && i.match[0]!.concepts[0] === concept).length;
}
const VISIT_SLOTS: Partial<Record<Concept, number>> = { 'anc-contact': visitSlots('anc-contact'), kf: visitSlots('kf'), kn: visitSlots('kn') };

const VITAMIN_A_VARIANTS = (catalogue().find((i) => i.id === 'growth.vitamin-a')?.variants ?? []).map((v) => v.id);

/** Questionnaires without a core scorer: the answers are kept as given. */
const QUESTIONNAIRE_CONCEPTS = new Set<Concept>(['srq20', 'sdq', 'skilas', 'adl', 'puma', 'tb-symptoms', 'tb-child-score', 'four-t', 'kpsp', 'layak-hamil', 'smoking', 'tetanus-status']);

type Obj = Record<string, unknown>;

/** Collects issues for one event; `at(path)` makes the full field name. */
class Checker {
  readonly issues: Issue[] = [];
  constructor(private readonly index: number) {}

  at(path: string): string {
    return `events.${this.index}.${path}`;
  }

  push(code: string, path: string, params?: Record<string, string | number>): void {
    this.issues.push(params ? { code, field: this.at(path), params } : { code, field: this.at(path) });
  }

  /** A plain object (or absent → {}), with only the allowed keys. */
  object(v: unknown, path: string, allowed: readonly string[]): Obj | null {
    if (v === undefined || v === null) return {};
    if (typeof v !== 'object' || Array.isArray(v)) {
      this.push('wrong_type', path, { expected: 'object' });
      return null;
    }
    const extra = Object.keys(v).filter((k) => !allowed.includes(k));
    if (extra.length) this.push('unknown_field', `${path}.${extra[0]}`, { keys: extra.join(', ') });
    return v as Obj;
  }

  number(v: unknown, path: string, range: Range, opts: { integer?: boolean; required?: boolean } = {}): number | undefined {
    if (v === undefined || v === null) {
      if (opts.required) this.push('required', path);
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.push('wrong_type', path, { expected: 'number' });
      return undefined;
    }
    if (opts.integer && !Number.isInteger(v)) {
      this.push('whole_number', path);
      return undefined;
    }
    if (!within(v, range)) {
      this.push('out_of_range', path, { min: range[0], max: range[1] });
      return undefined;
    }
    return v;
  }

  date(v: unknown, path: string, required = false): IsoDate | undefined {
    if (v === undefined || v === null || v === '') {
      if (required) this.push('required', path);
      return undefined;
    }
    if (!isIsoDate(v)) {
      this.push('invalid_date', path);
      return undefined;
    }
    return v;
  }

  text(v: unknown, path: string, range: Range, required = false): string | undefined {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (required) this.push('required', path);
      return undefined;
    }
    if (typeof v !== 'string') {
      this.push('wrong_type', path, { expected: 'string' });
      return undefined;
    }
    const s = v.trim();
    if (s.length > range[1]) {
      this.push('too_long', path, { max: range[1] });
      return undefined;
    }
    return s;
  }

  choice<T extends string>(v: unknown, path: string, options: readonly T[], required = false): T | undefined {
    if (v === undefined || v === null) {
      if (required) this.push('required', path);
      return undefined;
    }
    if (typeof v !== 'string' || !options.includes(v as T)) {
      this.push('invalid_option', path, { options: options.join(', ') });
      return undefined;
    }
    return v as T;
  }

  boolean(v: unknown, path: string): boolean | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') {
      this.push('wrong_type', path, { expected: 'boolean' });
      return undefined;
    }
    return v;
  }

  /** valueNum must be absent for concepts that carry no number. */
  noNumber(v: unknown): void {
    if (v !== undefined && v !== null) this.push('not_expected', 'valueNum');
  }
}

const days = (iso: IsoDate) => dayFromIso(iso);

/**
 * Checks and normalises one event. Returns the normalised event when it has
 * no issue; issues carry full field names (`events.<index>.…`).
 */
export function checkEvent(input: EventInput, index: number, ctx: CheckContext): { event: NormalisedEvent | null; issues: Issue[] } {
  const c = new Checker(index);
  if (!(EVENT_KINDS as readonly string[]).includes(input.kind)) {
    c.push('invalid_option', 'kind', { options: EVENT_KINDS.join(', ') });
    return { event: null, issues: c.issues };
  }
  const system = canonicalSystem(typeof input.system === 'string' ? input.system.trim() : null);
  const rawCode = typeof input.code === 'string' ? input.code.trim() : '';
  if (!system) c.push('required', 'system');
  if (!rawCode) c.push('required', 'code');
  if (!system || !rawCode) return { event: null, issues: c.issues };
  const code = system === SYSTEM.icd10 ? rawCode.toUpperCase() : rawCode;
  const recognised = recognise(system, code);

  if (input.kind === 'diagnosis') {
    // Any ICD-10 code may be a diagnosis; recognised ones also feed the engine.
    if (system !== SYSTEM.icd10) c.push('diagnosis_system', 'system');
    else if (!ICD10.test(code)) c.push('icd10_format', 'code');
    c.noNumber(input.valueNum);
    const v = c.object(input.value, 'value', ['note']);
    const note = v ? c.text(v.note, 'value.note', HARD_LIMITS.resultChars) : undefined;
    if (c.issues.length) return { event: null, issues: c.issues };
    return done(input, system, code, recognised?.concept ?? null, null, note ? { note } : null, null);
  }
  if (!recognised) {
    c.push('code_unknown', 'code', { code });
    return { event: null, issues: c.issues };
  }
  const concept = recognised.concept;
  if (!kindFits(input.kind, concept)) {
    c.push('kind_code_mismatch', 'kind', { code, kind: CONCEPTS[concept].kind });
    return { event: null, issues: c.issues };
  }
  const out = checkValue(c, concept, recognised.ordinal, input, ctx);
  if (!out && !c.issues.length) c.push('invalid', 'value');
  if (c.issues.length || !out) return { event: null, issues: c.issues };
  return done(input, system, code, concept, out.valueNum, out.value, out.unit);
}

function done(input: EventInput, system: string, code: string, concept: Concept | null, valueNum: number | null, value: Obj | null, unit: string | null): { event: NormalisedEvent; issues: Issue[] } {
  return {
    event: {
      id: input.id, kind: input.kind, system, code, concept, valueNum,
      value: value && Object.keys(value).length ? value : null, unit, supersedesId: input.supersedesId ?? null,
    },
    issues: [],
  };
}

interface Checked {
  valueNum: number | null;
  value: Obj | null;
  unit: string | null;
}

/** A numeric measurement in its canonical unit within a hard range. */
function quantity(c: Checker, concept: Concept, input: EventInput, range: Range, opts: { integer?: boolean } = {}): number | undefined {
  const canonical = CANONICAL_UNIT[concept]!;
  const raw = input.valueNum;
  if (raw === undefined || raw === null) {
    c.push('required', 'valueNum');
    return undefined;
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    c.push('wrong_type', 'valueNum', { expected: 'number' });
    return undefined;
  }
  const conv = toCanonical(raw, input.unit, canonical);
  if (!conv.ok) {
    c.push('unit_unknown', 'unit', { unit: String(input.unit), expected: conv.expected });
    return undefined;
  }
  return c.number(conv.value, 'valueNum', range, { ...opts, required: true });
}

function checkValue(c: Checker, concept: Concept, ordinal: number | undefined, input: EventInput, ctx: CheckContext): Checked | null {
  const kind = CONCEPTS[concept].kind;
  if (kind === 'measurement') return checkMeasurement(c, concept, input);
  if (kind === 'immunization') return checkImmunization(c, concept, ordinal, input);
  if (kind === 'screening' || QUESTIONNAIRE_CONCEPTS.has(concept)) return checkQuestionnaire(c, concept, input);
  if (kind === 'condition') return checkCondition(c, concept, input, ctx);
  return checkService(c, concept, ordinal, input, ctx);
}

function checkMeasurement(c: Checker, concept: Concept, input: EventInput): Checked | null {
  const L = HARD_LIMITS;
  switch (concept) {
    case 'bp': {
      c.noNumber(input.valueNum);
      const v = c.object(input.value, 'value', ['systolic', 'diastolic']);
      if (!v) return null;
      const unitOk = input.unit == null || toCanonical(1, input.unit, 'mm[Hg]').ok;
      if (!unitOk) c.push('unit_unknown', 'unit', { unit: String(input.unit), expected: 'mm[Hg]' });
      const s = c.number(v.systolic, 'value.systolic', L.systolic, { required: true });
      const d = c.number(v.diastolic, 'value.diastolic', L.diastolic, { required: true });
      if (s !== undefined && d !== undefined && d >= s) c.push('bp_diastolic_not_below_systolic', 'value.diastolic');
      return { valueNum: null, value: { systolic: s, diastolic: d }, unit: 'mm[Hg]' };
    }
    case 'lmp':
    case 'edd': {
      c.noNumber(input.valueNum);
      const v = c.object(input.value, 'value', ['date']);
      const date = v ? c.date(v.date, 'value.date', true) : undefined;
      return { valueNum: null, value: { date }, unit: null };
    }
    case 'length':
    case 'height': {
      const n = quantity(c, concept, input, L.lengthHeightCm);
      const v = c.object(input.value, 'value', ['position']);
      const position = v ? (c.choice(v.position, 'value.position', ['l', 'h'] as const) ?? (concept === 'length' ? 'l' : 'h')) : undefined;
      return { valueNum: n ?? null, value: { position }, unit: 'cm' };
    }
    case 'glucose-capillary':
    case 'glucose-random':
    case 'glucose-fasting':
    case 'glucose-2h':
    case 'hba1c': {
      const n = quantity(c, concept, input, concept === 'hba1c' ? L.hba1cPercent : L.glucoseMgDl);
      const v = c.object(input.value, 'value', ['device', 'classicSymptoms']);
      if (!v) return null;
      const device = c.choice(v.device, 'value.device', GLUCOSE_DEVICES) ?? (concept === 'glucose-capillary' ? 'glucometer' : 'lab');
      const symptoms = c.boolean(v.classicSymptoms, 'value.classicSymptoms');
      return { valueNum: n ?? null, value: { device, ...(symptoms !== undefined ? { classicSymptoms: symptoms } : {}) }, unit: CANONICAL_UNIT[concept]! };
    }
    default: {
      const range: Partial<Record<Concept, [Range, boolean?]>> = {
        weight: [L.weightKg], head: [L.headCm], muac: [L.muacCm], waist: [L.waistCm], bmi: [L.bmi], fundal: [L.fundalCm],
        'bp-systolic': [L.systolic], 'bp-diastolic': [L.diastolic], hb: [L.hbGdl], fhr: [L.fhrBpm, true],
        gravida: [L.gravida, true], parity: [L.parity, true],
      };
      const r = range[concept];
      if (!r) {
        c.push('code_unknown', 'code', { code: input.code });
        return null;
      }
      const n = quantity(c, concept, input, r[0], { integer: r[1] === true });
      c.object(input.value, 'value', []);
      return { valueNum: n ?? null, value: null, unit: CANONICAL_UNIT[concept]! };
    }
  }
}

function checkImmunization(c: Checker, antigen: Concept, ordinal: number | undefined, input: EventInput): Checked | null {
  c.noNumber(input.valueNum);
  const v = c.object(input.value, 'value', ['dose', 'doseNumber', 'batch', 'kfaCode']);
  if (!v) return null;
  const given = c.number(v.dose ?? v.doseNumber, 'value.dose', [1, MAX_DOSE], { integer: true });
  if (given !== undefined && ordinal !== undefined && given !== ordinal) c.push('dose_code_mismatch', 'value.dose', { dose: ordinal });
  if (ordinal !== undefined && (ordinal < 1 || ordinal > MAX_DOSE)) c.push('out_of_range', 'code', { min: 1, max: MAX_DOSE });
  const series = SERIES_LENGTH.get(antigen) ?? 0;
  let dose = given ?? ordinal;
  // A one-dose antigen (HB0, BCG, JE) needs no dose number; a series does, to know which dose it was.
  if (dose === undefined && series === 1) dose = 1;
  if (dose === undefined && series > 1 && v.dose === undefined && v.doseNumber === undefined) c.push('required', 'value.dose');
  const batch = c.text(v.batch, 'value.batch', [1, 40]);
  const kfaCode = c.text(v.kfaCode, 'value.kfaCode', [1, 20]);
  return { valueNum: null, value: { ...(dose !== undefined ? { dose } : {}), ...(batch ? { batch } : {}), ...(kfaCode ? { kfaCode } : {}) }, unit: null };
}

/** Questionnaire answers: kept for the scorer (screening.ts scores them after these checks). */
function checkQuestionnaire(c: Checker, concept: Concept, input: EventInput): Checked | null {
  const v = c.object(input.value, 'value', ['answers']);
  if (!v) return null;
  const answers = v.answers;
  // Scored instruments need their answers; the score (valueNum) is the server's, never the client's.
  if (hasScorer(concept)) return { valueNum: null, value: answers === undefined || answers === null ? null : { answers }, unit: null };
  if (answers !== undefined && answers !== null && (typeof answers !== 'object')) {
    c.push('wrong_type', 'value.answers', { expected: 'object' });
    return null;
  }
  let valueNum: number | null = null;
  if (concept === 'tetanus-status') {
    // The number of T doses already had (T status): the engine credits doses 1..n.
    valueNum = c.number(input.valueNum, 'valueNum', [0, MAX_DOSE], { integer: true, required: true }) ?? null;
  } else if (concept === 'kpsp') {
    const a = (answers ?? {}) as Obj;
    const o = c.object(a, 'value.answers', ['questions', 'yes']);
    const q = o ? c.number(o.questions, 'value.answers.questions', [1, 20], { integer: true, required: true }) : undefined;
    const yes = o ? c.number(o.yes, 'value.answers.yes', [0, 20], { integer: true, required: true }) : undefined;
    if (q !== undefined && yes !== undefined && yes > q) c.push('out_of_range', 'value.answers.yes', { min: 0, max: q });
    valueNum = yes ?? null;
  } else if (answers === undefined || answers === null) {
    if (input.valueNum === undefined || input.valueNum === null) c.push('required', 'value.answers');
    else valueNum = c.number(input.valueNum, 'valueNum', [0, 1000]) ?? null;
  }
  return { valueNum, value: answers === undefined || answers === null ? null : { answers }, unit: null };
}

function checkCondition(c: Checker, concept: Concept, input: EventInput, ctx: CheckContext): Checked | null {
  c.noNumber(input.valueNum);
  const on = ctx.occurredOn;
  if (concept === 'pregnancy') {
    const v = c.object(input.value, 'value', ['lmp', 'gestationalAge', 'gravida', 'parity', 'endedOn']);
    if (!v) return null;
    if (ctx.person.sex !== 'F') c.push('pregnancy_sex', 'code');
    const lmp = c.date(v.lmp, 'value.lmp');
    let ga: { weeks: number; days?: number } | undefined;
    if (v.gestationalAge !== undefined && v.gestationalAge !== null) {
      const g = c.object(v.gestationalAge, 'value.gestationalAge', ['weeks', 'days']);
      const weeks = g ? c.number(g.weeks, 'value.gestationalAge.weeks', [0, MAX_GESTATIONAL_WEEKS], { integer: true, required: true }) : undefined;
      const d = g ? c.number(g.days, 'value.gestationalAge.days', [0, 6], { integer: true }) : undefined;
      if (weeks !== undefined) ga = d !== undefined ? { weeks, days: d } : { weeks };
    }
    if (lmp === undefined && ga === undefined && v.lmp === undefined && v.gestationalAge === undefined) c.push('pregnancy_start_missing', 'value.lmp');
    if (lmp !== undefined && ga !== undefined) c.push('lmp_or_gestational_age', 'value.gestationalAge');
    if (lmp !== undefined) {
      if (lmp > on) c.push('date_in_future', 'value.lmp');
      else if (days(on) - days(lmp) >= EPISODE_MAX_DAYS) c.push('lmp_too_old', 'value.lmp', { weeks: MAX_GESTATIONAL_WEEKS });
      else if (lmp < ctx.person.birthDate) c.push('date_before_birth', 'value.lmp');
    }
    const gravida = c.number(v.gravida, 'value.gravida', HARD_LIMITS.gravida, { integer: true });
    const parity = c.number(v.parity, 'value.parity', HARD_LIMITS.parity, { integer: true });
    if (gravida !== undefined && parity !== undefined && parity >= gravida) c.push('parity_not_below_gravida', 'value.parity');
    const endedOn = c.date(v.endedOn, 'value.endedOn');
    if (endedOn !== undefined && endedOn > on) c.push('date_in_future', 'value.endedOn');
    return {
      valueNum: null,
      value: {
        ...(lmp !== undefined ? { lmp } : {}), ...(ga ? { gestationalAge: ga } : {}),
        ...(gravida !== undefined ? { gravida } : {}), ...(parity !== undefined ? { parity } : {}), ...(endedOn ? { endedOn } : {}),
      },
      unit: null,
    };
  }
  const registration = concept === 'pus' || concept === 'catin-registration';
  const v = c.object(input.value, 'value', registration ? ['from', 'to', 'marriageDate'] : ['from', 'to']);
  if (!v) return null;
  const from = c.date(v.from, 'value.from');
  const to = c.date(v.to, 'value.to');
  const marriageDate = registration ? c.date(v.marriageDate, 'value.marriageDate') : undefined;
  // A registration starts when it is made or earlier; only its end may lie ahead (a wedding date).
  if (from !== undefined && from > on) c.push('date_in_future', 'value.from');
  if (from !== undefined && from < ctx.person.birthDate) c.push('date_before_birth', 'value.from');
  if (to !== undefined && to < (from ?? on)) c.push('condition_end_before_start', 'value.to');
  return {
    valueNum: null,
    value: { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(marriageDate ? { marriageDate } : {}) },
    unit: null,
  };
}

function checkService(c: Checker, concept: Concept, ordinal: number | undefined, input: EventInput, ctx: CheckContext): Checked | null {
  const slots = VISIT_SLOTS[concept];
  if (slots !== undefined && ordinal !== undefined && (ordinal < 1 || ordinal > slots)) c.push('visit_ordinal_range', 'code', { max: slots });
  switch (concept) {
    case 'ttd': {
      const n = quantity(c, concept, input, HARD_LIMITS.ttdTablets, { integer: true });
      c.object(input.value, 'value', []);
      return { valueNum: n ?? null, value: null, unit: '{tablet}' };
    }
    case 'school-grade': {
      const n = quantity(c, concept, input, [FIRST_GRADE, LAST_GRADE], { integer: true });
      c.object(input.value, 'value', []);
      return { valueNum: n ?? null, value: null, unit: '{grade}' };
    }
    case 'note': {
      c.noNumber(input.valueNum);
      const v = c.object(input.value, 'value', ['text']);
      const text = v ? c.text(v.text, 'value.text', HARD_LIMITS.noteChars, true) : undefined;
      return { valueNum: null, value: { text }, unit: null };
    }
    case 'vitamin-a': {
      c.noNumber(input.valueNum);
      const v = c.object(input.value, 'value', ['variant']);
      const variant = v ? c.choice(v.variant, 'value.variant', VITAMIN_A_VARIANTS) : undefined;
      return { valueNum: null, value: variant ? { variant } : null, unit: null };
    }
    case 'anc-contact': {
      c.noNumber(input.valueNum);
      const v = c.object(input.value, 'value', ['provider', 'tfu', 'djj', 'presentation', 'note']);
      if (!v) return null;
      const provider = c.choice(v.provider, 'value.provider', PROVIDERS, true);
      const tfu = c.number(v.tfu, 'value.tfu', HARD_LIMITS.fundalCm);
      const djj = c.number(v.djj, 'value.djj', HARD_LIMITS.fhrBpm, { integer: true });
      const presentation = c.text(v.presentation, 'value.presentation', [1, 40]);
      const note = c.text(v.note, 'value.note', HARD_LIMITS.resultChars);
      if (ctx.person.sex !== 'F') c.push('pregnancy_sex', 'code');
      return {
        valueNum: null,
        value: { provider, ...(tfu !== undefined ? { tfu } : {}), ...(djj !== undefined ? { djj } : {}), ...(presentation ? { presentation } : {}), ...(note ? { note } : {}) },
        unit: null,
      };
    }
    case 'kf':
    case 'kn': {
      c.noNumber(input.valueNum);
      const v = c.object(input.value, 'value', ['findings', 'provider']);
      if (!v) return null;
      const findings = c.text(v.findings, 'value.findings', HARD_LIMITS.resultChars);
      const provider = c.choice(v.provider, 'value.provider', PROVIDERS);
      if (concept === 'kf' && ctx.person.sex !== 'F') c.push('pregnancy_sex', 'code');
      return { valueNum: null, value: { ...(findings ? { findings } : {}), ...(provider ? { provider } : {}) }, unit: null };
    }
    case 'delivery':
      return checkDelivery(c, input, ctx);
    default: {
      c.noNumber(input.valueNum);
      const v = c.object(input.value, 'value', ['result', 'provider']);
      if (!v) return null;
      const result = c.text(v.result, 'value.result', HARD_LIMITS.resultChars);
      const provider = c.choice(v.provider, 'value.provider', PROVIDERS);
      return { valueNum: null, value: { ...(result ? { result } : {}), ...(provider ? { provider } : {}) }, unit: null };
    }
  }
}

/** Where the delivery took place, as the engine's place kinds ("delivery in a facility" reads it). */
export function deliveryPlaceKind(value: Obj | null): PlaceKind | null {
  if (!value) return null;
  if (value.place === 'facility') {
    const k = value.facilityKind;
    return typeof k === 'string' && (FACILITY_PLACES as string[]).includes(k) ? (k as PlaceKind) : 'other';
  }
  // At home or on the way: not a health facility.
  return value.place === 'home' || value.place === 'on-the-way' ? 'home' : null;
}

function checkDelivery(c: Checker, input: EventInput, ctx: CheckContext): Checked | null {
  c.noNumber(input.valueNum);
  const v = c.object(input.value, 'value', ['pregnancyId', 'place', 'facilityKind', 'attendant', 'outcome', 'births', 'gestationalAgeWeeks']);
  if (!v) return null;
  if (ctx.person.sex !== 'F') c.push('pregnancy_sex', 'code');
  const place = c.choice(v.place, 'value.place', DELIVERY_PLACES, true);
  const facilityKind = c.choice(v.facilityKind, 'value.facilityKind', FACILITY_PLACES);
  const attendant = c.choice(v.attendant, 'value.attendant', DELIVERY_ATTENDANTS, true);
  const outcome = c.choice(v.outcome, 'value.outcome', DELIVERY_OUTCOMES, true);
  const pregnancyId = c.text(v.pregnancyId, 'value.pregnancyId', [1, 64]);
  const gaWeeks = c.number(v.gestationalAgeWeeks, 'value.gestationalAgeWeeks', [0, MAX_GESTATIONAL_WEEKS], { integer: true });
  const births: Obj[] = [];
  if (v.births !== undefined && v.births !== null) {
    if (!Array.isArray(v.births)) c.push('wrong_type', 'value.births', { expected: 'array' });
    else {
      const [, maxBirths] = HARD_LIMITS.birthsPerDelivery;
      if (v.births.length > maxBirths) c.push('too_big', 'value.births', { max: maxBirths });
      v.births.slice(0, maxBirths).forEach((b, j) => {
        const p = `value.births.${j}`;
        const o = c.object(b, p, ['sex', 'name', 'birthWeightGrams', 'birthLengthCm', 'personId']);
        if (!o) return;
        if (o.personId !== undefined) c.push('not_expected', `${p}.personId`);
        const sex = c.choice(o.sex, `${p}.sex`, ['M', 'F'] as const, true);
        const name = c.text(o.name, `${p}.name`, [2, 100]);
        const grams = c.number(o.birthWeightGrams, `${p}.birthWeightGrams`, [HARD_LIMITS.weightKg[0] * 1000, HARD_LIMITS.weightKg[1] * 1000], { integer: true });
        const cm = c.number(o.birthLengthCm, `${p}.birthLengthCm`, HARD_LIMITS.lengthHeightCm);
        births.push({ sex, ...(name ? { name } : {}), ...(grams !== undefined ? { birthWeightGrams: grams } : {}), ...(cm !== undefined ? { birthLengthCm: cm } : {}) });
      });
    }
  }
  if (outcome === 'live-birth' && births.length === 0) c.push('delivery_births_required', 'value.births');
  if (outcome !== undefined && outcome !== 'live-birth' && births.length > 0) c.push('delivery_births_not_live', 'value.births');
  return {
    valueNum: null,
    value: {
      place, ...(facilityKind ? { facilityKind } : {}), attendant, outcome,
      ...(pregnancyId ? { pregnancyId } : {}), ...(gaWeeks !== undefined ? { gestationalAgeWeeks: gaWeeks } : {}),
      ...(births.length ? { births } : {}),
    },
    unit: null,
  };
}
