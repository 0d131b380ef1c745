/**
 * The pregnancy bar of the record: HPHT to HPL with the trimesters (core's
 * TRIMESTER_LAST_DAY, KMK §IV.A.1.a), where the pregnancy is today, and the
 * ANC contacts done, each at its gestational age. Positions are percentages
 * of HPHT→HPL; anything past HPL sits at the end.
 */
import { TRIMESTER_LAST_DAY } from '../../core/protocol/pregnancy';
import { dayFromIso } from '../../core/protocol/offset';
import type { PregnancyView } from '../../core/record/pregnancy';

export interface GestationBar {
  trimesters: { n: 1 | 2 | 3; from: number; to: number }[];
  /** Where the pregnancy is on `on` (ongoing pregnancies only). */
  today: { pct: number; weeks: number } | null;
  contacts: { slot: string; date: string; pct: number; weeks: number }[];
  /** The trimester boundaries in whole weeks. */
  marks: { weeks: number; pct: number }[];
}

const clampPct = (v: number) => Math.max(0, Math.min(100, v));

export function gestationBar(p: Pick<PregnancyView, 'hpht' | 'hpl' | 'state' | 'contacts'>, on: string): GestationBar {
  const start = dayFromIso(p.hpht);
  const total = dayFromIso(p.hpl) - start;
  const pct = (gaDays: number) => clampPct((gaDays / total) * 100);
  const ga = (iso: string) => dayFromIso(iso) - start;
  const { tm1, tm2 } = TRIMESTER_LAST_DAY;
  const todayGa = ga(on);
  return {
    trimesters: [
      { n: 1, from: 0, to: pct(tm1) },
      { n: 2, from: pct(tm1), to: pct(tm2) },
      { n: 3, from: pct(tm2), to: 100 },
    ],
    today: p.state === 'ongoing' && todayGa >= 0 ? { pct: pct(todayGa), weeks: Math.floor(todayGa / 7) } : null,
    contacts: p.contacts
      .filter((c) => c.status === 'done' && c.date)
      .map((c) => ({ slot: c.slot, date: c.date!, pct: pct(ga(c.date!)), weeks: Math.floor(ga(c.date!) / 7) })),
    marks: [tm1, tm2].map((d) => ({ weeks: d / 7, pct: pct(d) })),
  };
}
