/**
 * The life-cycle stages and conditions a person is in on a date, with
 * Indonesian labels — what the person page and the Posyandu day show.
 */
import type { IsoDate } from '../time/dates';
import { recognise } from '../codes/registry';
import type { Concept } from '../codes/concepts';
import type { Issue } from '../i18n/issues';
import { addOffset, completedMonthsAt, dayFromIso, isoFromDay } from '../protocol/offset';
import { DEFAULT_SETTINGS, type ProtocolSettings } from '../protocol/settings';
import { settingsFingerprint } from '../protocol/settings-validate';
import { AGE_STAGES, CONDITION_STAGES, NIFAS_LAST_DAY, WUS_STAGE } from '../protocol/stages';
import type { StageId, Text } from '../protocol/types';
import { PROTOCOL_VERSION } from '../protocol/version';
import type { ConditionKey } from './conditions';
import { buildLifeContext } from './context';
import type { PersonFacts } from './person';
import { pregnancyOn, type PregnancySummary } from './pregnancy';

export interface StageMembership {
  id: StageId;
  label: Text;
  basis: 'age' | 'pregnancy' | 'delivery' | 'postpartum' | 'condition';
  since: IsoDate;
  /** Last day in the stage, when known. */
  until?: IsoDate;
}

export interface ConditionMembership {
  kind: ConditionKey;
  label: Text;
  since: IsoDate;
  until?: IsoDate;
}

export interface LifeCycleStatus {
  on: IsoDate;
  age: { days: number; months: number; years: number };
  stages: StageMembership[];
  conditions: ConditionMembership[];
  /** The ongoing pregnancy, or the latest delivered one while in nifas. */
  pregnancy?: PregnancySummary;
  protocolVersion: string;
  settingsFingerprint: string;
  issues: Issue[];
}

const CONDITION_LABELS: Record<ConditionKey, Text> = {
  pregnant: { id: 'Hamil', en: 'Pregnant' },
  hypertension: { id: 'Hipertensi', en: 'Hypertension' },
  diabetes: { id: 'Diabetes melitus', en: 'Diabetes' },
  tb: { id: 'Kasus indeks TBC', en: 'TB index case' },
  'tb-contact': { id: 'Kontak TBC', en: 'TB contact' },
  pus: { id: 'PUS', en: 'PUS' },
  catin: { id: 'Catin', en: 'Catin' },
};

const stageLabel = (id: StageId) => CONDITION_STAGES.find((s) => s.id === id)!.label;

/** Condition events are taken from `events` (ICD-10 codes); everything else comes from the facts. */
export function lifeCycleOn(
  person: PersonFacts,
  on: IsoDate,
  opts: { settings?: ProtocolSettings; events?: ReadonlyArray<{ system: string | null; code: string; date: IsoDate }> } = {},
): LifeCycleStatus {
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const onDay = dayFromIso(on);
  const condEvents: Array<{ concept: Concept; day: number }> = [];
  for (const e of opts.events ?? []) {
    const r = recognise(e.system, e.code);
    const day = dayFromIso(e.date);
    if (r && !Number.isNaN(day)) condEvents.push({ concept: r.concept, day });
  }
  const { ctx, issues } = buildLifeContext(person, onDay, settings, condEvents);
  if (Number.isNaN(onDay)) issues.push({ code: 'invalid_date', field: 'on' });
  if (!ctx || Number.isNaN(onDay) || onDay < ctx.birthDay) {
    return { on, age: { days: 0, months: 0, years: 0 }, stages: [], conditions: [], protocolVersion: PROTOCOL_VERSION, settingsFingerprint: settingsFingerprint(settings), issues };
  }
  const months = completedMonthsAt(ctx.birthDay, onDay);
  const stages: StageMembership[] = [];
  for (const s of AGE_STAGES) {
    const from = addOffset(ctx.birthDay, s.from);
    const to = s.to ? addOffset(ctx.birthDay, s.to) - 1 : Infinity;
    if (onDay >= from && onDay <= to) stages.push({ id: s.id, label: s.label, basis: 'age', since: isoFromDay(from), ...(to < Infinity ? { until: isoFromDay(to) } : {}) });
  }
  if (ctx.sex === 'F') {
    const from = addOffset(ctx.birthDay, { years: settings.wus.ageFrom });
    const to = addOffset(ctx.birthDay, { years: settings.wus.ageTo }) - 1;
    if (onDay >= from && onDay <= to) stages.push({ id: 'wus', label: WUS_STAGE.label, basis: 'age', since: isoFromDay(from), until: isoFromDay(to) });
  }
  let pregnancy: PregnancySummary | undefined;
  for (const p of ctx.pregnancies) {
    if (p.end === 'open') {
      stages.push({ id: 'hamil', label: stageLabel('hamil'), basis: 'pregnancy', since: isoFromDay(p.startDay) });
      pregnancy = pregnancyOn(p.facts, on) ?? undefined;
    }
    if (p.deliveryDay !== null && onDay >= p.deliveryDay && onDay <= p.deliveryDay + NIFAS_LAST_DAY) {
      if (onDay === p.deliveryDay) stages.push({ id: 'bersalin', label: stageLabel('bersalin'), basis: 'delivery', since: isoFromDay(p.deliveryDay), until: isoFromDay(p.deliveryDay) });
      stages.push({ id: 'nifas', label: stageLabel('nifas'), basis: 'postpartum', since: isoFromDay(p.deliveryDay), until: isoFromDay(p.deliveryDay + NIFAS_LAST_DAY) });
      pregnancy ??= pregnancyOn(p.facts, on) ?? undefined;
    }
  }
  const conditions: ConditionMembership[] = [];
  for (const [kind, ivs] of ctx.conditions) {
    const iv = ivs.find(([a, b]) => onDay >= a && onDay <= b);
    if (!iv) continue;
    // An ongoing pregnancy's end is not known yet (its interval runs to the 44-week limit).
    const known = iv[1] < Infinity && !(kind === 'pregnant' && ctx.pregnancies.some((p) => p.end === 'open' && p.startDay === iv[0]));
    conditions.push({ kind, label: CONDITION_LABELS[kind], since: isoFromDay(iv[0]), ...(known ? { until: isoFromDay(iv[1]) } : {}) });
    if (kind === 'catin' || kind === 'pus') {
      stages.push({ id: kind, label: stageLabel(kind), basis: 'condition', since: isoFromDay(iv[0]), ...(iv[1] < Infinity ? { until: isoFromDay(iv[1]) } : {}) });
    }
  }
  conditions.sort((a, b) => a.kind.localeCompare(b.kind));
  return {
    on, age: { days: onDay - ctx.birthDay, months, years: Math.floor(months / 12) }, stages, conditions,
    ...(pregnancy ? { pregnancy } : {}), protocolVersion: PROTOCOL_VERSION, settingsFingerprint: settingsFingerprint(settings), issues,
  };
}
