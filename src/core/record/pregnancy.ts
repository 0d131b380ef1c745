/**
 * Pregnancies on the person page and in the kohort ibu: HPHT, HPL,
 * gestational age and trimester (lifecycle/pregnancy.ts), 4T risk
 * (screening/four-t.ts), the ANC contacts K1–K6 with their status and
 * provider and the doctor/USG contacts (the schedule's gestation windows),
 * KEK from the first LiLA (screening/kek.ts), Hb, T status, the delivery and
 * the KF visits. Each fact comes from the engine; this only arranges them.
 */
import type { PersonFacts, PregnancyFacts } from '../lifecycle/person';
import { pregnancyOn, pregnancyStartDay, type PregnancyState, type Trimester } from '../lifecycle/pregnancy';
import { isoFromDay } from '../protocol/offset';
import { EPISODE_MAX_DAYS } from '../protocol/pregnancy';
import type { Text } from '../protocol/types';
import { fourTForPregnancy } from '../screening/four-t';
import { classifyKek } from '../screening/kek';
import type { ScheduleStatus } from '../schedule/status';
import type { ScheduleEntry } from '../schedule/types';
import type { IsoDate } from '../time/dates';
import { numberOf, objectOf, stringOf, type ReadEvent } from './events';

export interface VisitSlot {
  slot: string;
  item: string;
  window: { earliest: IsoDate; due: IsoDate; latest: IsoDate };
  status: ScheduleStatus;
  date: IsoDate | null;
  provider: string | null;
  eventId: string | null;
}

export interface PregnancyView {
  id: string;
  hpht: IsoDate;
  hpl: IsoDate;
  state: PregnancyState;
  gestationalAge: { weeks: number; days: number } | null;
  trimester: Trimester | null;
  deliveredOn: IsoDate | null;
  endedOn: IsoDate | null;
  outcome: string | null;
  fourT: { band: string; label: Text; followUp: Text; flags: string[]; flagLabels: Text[] } | null;
  /** K1–K6. */
  contacts: VisitSlot[];
  /** The doctor contacts with USG (K1 in TM1, K5 in TM3). */
  doctorUsg: VisitSlot[];
  kek: { date: IsoDate; lilaCm: number; band: string; label: Text; kekByKmk: boolean } | null;
  hb: Array<{ date: IsoDate; gPerDl: number }>;
  /** Highest T status known by the end of the pregnancy (Td doses or a T-status screening). */
  tStatus: { dose: number; date: IsoDate } | null;
  delivery: { date: IsoDate; eventId: string; place: string | null; facilityKind: string | null; attendant: string | null; outcome: string | null; births: unknown[] } | null;
  /** KF1–KF4. */
  kf: VisitSlot[];
}

const ANC_ITEM = /^anc\.k([1-6])$/;
const KF_ITEM = /^pnc\.kf([1-4])$/;
const DOCTOR_ITEMS: Record<string, string> = { 'anc.doctor-usg-k1': 'K1', 'anc.doctor-usg-k5': 'K5' };

function slotOf(e: ScheduleEntry, slot: string, byId: Map<string, ReadEvent>): VisitSlot {
  const ev = e.satisfiedBy ? byId.get(e.satisfiedBy.eventId) : undefined;
  return {
    slot, item: e.item, window: e.window, status: e.status, date: e.satisfiedBy?.date ?? null,
    provider: ev ? stringOf(ev.value.provider) : null, eventId: e.satisfiedBy?.eventId ?? null,
  };
}

/** Days of a pregnancy (HPHT to its end or the episode limit) as ISO bounds, inclusive. */
function span(p: PregnancyFacts): [IsoDate, IsoDate] | null {
  const start = pregnancyStartDay(p);
  if (start === null) return null;
  const end = p.deliveredOn ?? p.endedOn ?? isoFromDay(start + EPISODE_MAX_DAYS - 1);
  return [isoFromDay(start), end];
}

export function pregnancyViews(facts: PersonFacts, entries: readonly ScheduleEntry[], events: readonly ReadEvent[], on: IsoDate): PregnancyView[] {
  const byId = new Map(events.map((r) => [r.e.id, r]));
  const out: PregnancyView[] = [];
  for (const p of facts.pregnancies ?? []) {
    const s = pregnancyOn(p, on);
    const bounds = span(p);
    if (!s || !bounds) continue;
    const [from, to] = bounds;
    const mine = entries.filter((e) => e.episode === p.id);
    const contacts: VisitSlot[] = [];
    const doctorUsg: VisitSlot[] = [];
    const kf: VisitSlot[] = [];
    for (const e of mine) {
      const k = ANC_ITEM.exec(e.item);
      if (k) contacts.push(slotOf(e, `K${k[1]}`, byId));
      const f = KF_ITEM.exec(e.item);
      if (f) kf.push(slotOf(e, `KF${f[1]}`, byId));
      const d = DOCTOR_ITEMS[e.item];
      if (d) doctorUsg.push(slotOf(e, d, byId));
    }
    contacts.sort((a, b) => a.slot.localeCompare(b.slot));
    kf.sort((a, b) => a.slot.localeCompare(b.slot));
    const during = events.filter((r) => r.e.occurredOn >= from && r.e.occurredOn <= to);
    const lila = during.find((r) => r.concept === 'muac' && numberOf(r.e.valueNum) !== null);
    const kekScore = lila ? classifyKek({ lilaCm: numberOf(lila.e.valueNum)! }) : null;
    const four = fourTForPregnancy(facts, p);
    // T status known by the end of the pregnancy: the highest Td dose given or screened before it ended.
    const tEntries = entries.filter((e) => /^imm\.td-\d$/.test(e.item) && e.status === 'done' && e.satisfiedBy && e.satisfiedBy.date <= to);
    const tTop = tEntries.reduce<ScheduleEntry | null>((best, e) => (!best || (e.dose ?? 0) > (best.dose ?? 0) ? e : best), null);
    const endDate = p.deliveredOn ?? p.endedOn ?? null;
    const deliveryEv = endDate ? events.find((r) => r.concept === 'delivery' && r.e.occurredOn === endDate) : undefined;
    const dv = deliveryEv?.value ?? {};
    out.push({
      id: p.id,
      hpht: s.hpht,
      hpl: s.hpl,
      state: s.state,
      gestationalAge: s.gestationalAge ? { weeks: s.gestationalAge.weeks, days: s.gestationalAge.days } : null,
      trimester: s.trimester ?? null,
      deliveredOn: p.deliveredOn ?? null,
      endedOn: p.endedOn ?? (s.state === 'expired' ? s.endedOn ?? null : null),
      outcome: p.outcome ?? null,
      fourT: four.ok ? {
        band: four.result.band, label: four.result.label, followUp: four.result.followUp,
        flags: (objectOf(four.result.details).flags as string[] | undefined) ?? [],
        flagLabels: (objectOf(four.result.details).flagLabels as Text[] | undefined) ?? [],
      } : null,
      contacts,
      doctorUsg,
      kek: lila && kekScore?.ok ? {
        date: lila.e.occurredOn, lilaCm: numberOf(lila.e.valueNum)!, band: kekScore.result.band, label: kekScore.result.label,
        kekByKmk: objectOf(kekScore.result.details).kekByKmk === true,
      } : null,
      hb: during.filter((r) => r.concept === 'hb' && numberOf(r.e.valueNum) !== null).map((r) => ({ date: r.e.occurredOn, gPerDl: numberOf(r.e.valueNum)! })),
      tStatus: tTop ? { dose: tTop.dose ?? 0, date: tTop.satisfiedBy!.date } : null,
      delivery: deliveryEv ? {
        date: deliveryEv.e.occurredOn, eventId: deliveryEv.e.id, place: stringOf(dv.place), facilityKind: stringOf(dv.facilityKind),
        attendant: stringOf(dv.attendant), outcome: stringOf(dv.outcome), births: Array.isArray(dv.births) ? dv.births : [],
      } : null,
      kf,
    });
  }
  // Newest pregnancy first.
  return out.sort((a, b) => (a.hpht < b.hpht ? 1 : a.hpht > b.hpht ? -1 : 0));
}
