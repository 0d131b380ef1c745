/**
 * The rules the indicators read, taken from the protocol catalogue of the
 * district's settings (one rule, one place): ANC slot groups and the doctor
 * contacts, KF/KN windows, the facility-delivery match, the concepts of the
 * yearly screenings, the stage bounds. Built once per settings object.
 * The few facts the protocol does not hold (SPM balita counts, ICD-10 blocks
 * of ODGJ berat and STI) are here with their source.
 */
import type { Concept } from '../codes/concepts';
import { catalogue } from '../protocol/catalogue';
import type { ProtocolSettings } from '../protocol/settings';
import { AGE_STAGES } from '../protocol/stages';
import type { Offset, ProtocolItem, StageId } from '../protocol/types';
import { compileGroups, type CompiledGroup } from '../schedule/match';

export interface GestationWindow {
  fromDay: number;
  /** Inclusive gestational day; undefined = until the pregnancy ends. */
  toDay: number | undefined;
}

export interface AncSlotGroup extends GestationWindow {
  /** Contacts needed in the window (K2 and K3 share TM2: 2). */
  count: number;
  groups: CompiledGroup[];
}

export interface MatchRule {
  groups: CompiledGroup[];
}

export interface DayWindowRule extends MatchRule {
  fromDay: number;
  toDay: number;
}

export interface IndicatorRules {
  settings: ProtocolSettings;
  ancSlots: AncSlotGroup[];
  /** First-contact concepts (any ANC contact). */
  ancContact: CompiledGroup[];
  doctorUsg: Array<GestationWindow & MatchRule>;
  facilityDelivery: MatchRule;
  /** Days after delivery, KF1–KF4. */
  kf: DayWindowRule[];
  /** Days of age, KN1–KN3 (age offsets in days). */
  kn: DayWindowRule[];
  stage: (id: StageId) => { from: Offset; to: Offset | undefined };
  adultScreeningFrom: Offset;
  bpConcepts: ReadonlySet<Concept>;
  /** SPM usia produktif: any of these besides the blood pressure (KMK Tabel 19 obesity screening). */
  anthropometryConcepts: ReadonlySet<Concept>;
  glucoseConcepts: ReadonlySet<Concept>;
  skilasConcepts: ReadonlySet<Concept>;
  schoolScreeningConcepts: ReadonlySet<Concept>;
  ttdConcepts: ReadonlySet<Concept>;
  ttdGrades: [number, number];
  tbScreeningConcepts: ReadonlySet<Concept>;
  contactInvestigationConcepts: ReadonlySet<Concept>;
  weighingConcepts: ReadonlySet<Concept>;
  lengthConcepts: ReadonlySet<Concept>;
  /** Doses per antigen the IDL and baduta lists ask for (settings immunization.idlItems / badutaItems). */
  idlDoses: ReadonlyMap<string, number>;
  badutaDoses: ReadonlyMap<string, number>;
}

/**
 * SPM balita (⚠ Permenkes 4/2019 as the notes recall it, ilp-domain.md §6.2
 * no. 4): weighing ≥ 8×/year and length/height ≥ 2×/year, counted as distinct
 * months; prorated for a child who is a balita for part of the year.
 */
export const SPM_BALITA = { weighingMonths: 8, lengthMonths: 2, source: 'ilp-domain.md §6.2 no. 4 (Permenkes 4/2019, dari ingatan ⚠)' } as const;

/** Grades of usia pendidikan dasar: SD and SMP, grades 1–9 (ilp-domain.md §6.2 no. 5 ⚠). */
export const BASIC_EDUCATION_GRADES: [number, number] = [1, 9];

/**
 * ICD-10 blocks (WHO 2010) the notes do not list (⚠ general knowledge):
 * ODGJ berat = schizophrenia and other psychotic disorders F20–F29;
 * sexually transmitted infections A50–A64 (HIV risk group of SPM no. 12);
 * Z03.0 "observation for suspected tuberculosis" closes a presumptive TB case without TB.
 */
export const ICD10_BLOCKS = {
  odgjBerat: ['F20', 'F29'],
  sti: ['A50', 'A64'],
  tbRuledOut: 'Z03.0',
} as const;

/** Attendants counted as the competent delivery team (KMK §IV.A.1: doctor, midwife, nurse). */
export const COMPETENT_ATTENDANTS: ReadonlySet<string> = new Set(['doctor', 'midwife', 'nurse']);

/** Adult BP bands from grade-1 hypertension (KMK Tabel 22) and adolescent stages 1–2 (Tabel 14). */
export const HYPERTENSIVE_BP_BANDS: ReadonlySet<string> = new Set(['ht-1', 'ht-2', 'ht-3', 'isolated-systolic', 'stage-1', 'stage-2']);

/** Glucose class that registers a person with diabetes (KMK Tabel 23–24). */
export const DIABETES_GLUCOSE_BAND = 'diabetes';

const cache = new WeakMap<ProtocolSettings, IndicatorRules>();

function item(items: Map<string, ProtocolItem>, id: string): ProtocolItem {
  const it = items.get(id);
  if (!it) throw new Error(`protocol item ${id} missing: indicator rules need it`);
  return it;
}

const conceptsOf = (it: ProtocolItem): Set<Concept> => new Set(it.match.flatMap((g) => g.concepts));

function dayWindow(it: ProtocolItem): DayWindowRule {
  const t = it.timing;
  if (t.kind === 'postpartum') return { fromDay: t.fromDay, toDay: t.toDay, groups: compileGroups(it.match) };
  if (t.kind === 'age' && isDays(t.earliest) && isDays(t.latest)) return { fromDay: t.earliest.days ?? 0, toDay: t.latest.days ?? 0, groups: compileGroups(it.match) };
  throw new Error(`item ${it.id}: expected a day window`);
}

const isDays = (o: Offset): boolean => !o.years && !o.months && !o.weeks;

export function indicatorRules(settings: ProtocolSettings): IndicatorRules {
  const hit = cache.get(settings);
  if (hit) return hit;
  const list = catalogue(settings);
  const items = new Map(list.map((i) => [i.id, i]));

  // ANC slots: the K items grouped by their slot group (TM1: K1; TM2: K2, K3; TM3: K4–K6).
  const slotGroups = new Map<string, AncSlotGroup>();
  for (const it of list) {
    const t = it.timing;
    if (it.programme !== 'anc' || t.kind !== 'gestation' || !t.slot) continue;
    const g = slotGroups.get(t.slot.group);
    if (g) g.count++;
    else slotGroups.set(t.slot.group, { fromDay: t.fromDay, toDay: t.toDay, count: 1, groups: compileGroups(it.match) });
  }
  const k1 = item(items, 'anc.k1');
  const doctorUsg = ['anc.doctor-usg-k1', 'anc.doctor-usg-k5'].map((id) => {
    const it = item(items, id);
    const t = it.timing;
    if (t.kind !== 'gestation') throw new Error(`${id}: expected a gestation window`);
    return { fromDay: t.fromDay, toDay: t.toDay, groups: compileGroups(it.match) };
  });
  const stage = (id: StageId) => {
    const s = AGE_STAGES.find((x) => x.id === id);
    if (!s) throw new Error(`no age stage ${id}`);
    return { from: s.from, to: s.to };
  };
  const ttd = item(items, 'school.ttd');
  const elig = ttd.eligibility && !('anyOf' in ttd.eligibility) ? ttd.eligibility : undefined;
  const adultBp = item(items, 'adult.bp');
  const adultBpFrom = adultBp.eligibility && !('anyOf' in adultBp.eligibility) ? adultBp.eligibility.ageFrom : undefined;

  // Highest dose of each antigen a list names (dose n needs n events of the antigen).
  const dosesOf = (ids: readonly string[]) => {
    const m = new Map<string, number>();
    for (const id of ids) {
      const t = items.get(id)?.timing;
      if (t?.kind === 'dose') m.set(t.antigen, Math.max(m.get(t.antigen) ?? 0, t.dose));
    }
    return m;
  };

  const rules: IndicatorRules = {
    settings,
    ancSlots: [...slotGroups.values()].sort((a, b) => a.fromDay - b.fromDay),
    ancContact: compileGroups(k1.match),
    doctorUsg,
    facilityDelivery: { groups: compileGroups(item(items, 'delivery.facility').match) },
    kf: list.filter((i) => /^pnc\.kf\d$/.test(i.id)).map(dayWindow),
    kn: list.filter((i) => /^nn\.kn\d$/.test(i.id)).map(dayWindow),
    stage,
    adultScreeningFrom: adultBpFrom ?? { years: 15 },
    bpConcepts: conceptsOf(adultBp),
    anthropometryConcepts: conceptsOf(item(items, 'adult.obesity')),
    glucoseConcepts: conceptsOf(item(items, 'adult.glucose')),
    skilasConcepts: conceptsOf(item(items, 'elderly.skilas')),
    schoolScreeningConcepts: conceptsOf(item(items, 'school.penjaringan')),
    ttdConcepts: conceptsOf(ttd),
    ttdGrades: elig?.grades ?? [7, 12],
    tbScreeningConcepts: conceptsOf(item(items, 'tb.screen-contact')),
    contactInvestigationConcepts: conceptsOf(item(items, 'tb.contact-investigation')),
    weighingConcepts: conceptsOf(item(items, 'growth.weighing')),
    lengthConcepts: conceptsOf(item(items, 'growth.length-height')),
    idlDoses: dosesOf(settings.immunization.idlItems),
    badutaDoses: dosesOf(settings.immunization.badutaItems),
  };
  cache.set(settings, rules);
  return rules;
}
