/**
 * The z-score categories and growth direction shown while the kader types,
 * from core/anthropometry with the approximate WHO tables (the exact tables
 * live on the server). The module and its tables load on first use, so a page
 * without a child never downloads them. The server's answer replaces this.
 */
import { useEffect, useState } from 'react';
import type * as Anthro from '../../core/anthropometry';
import type { PermenkesCategory, PermenkesIndex } from '../../core/anthropometry/permenkes';
import type { MuacBand } from '../../core/anthropometry/muac';
import type { WeighingOutcome } from '../../core/anthropometry/growth-monitoring';
import type { AnthroIndex } from '../../core/anthropometry/who-rules';
import { ageInDays, isIsoDate } from '../../core/time/dates';
import type { Sex } from '../../core/people/nik';
import type { Position } from './visit-draft';

type AnthroModule = typeof Anthro;
let loading: Promise<AnthroModule> | null = null;

export function loadAnthro(): Promise<AnthroModule> {
  return (loading ??= import('../../core/anthropometry'));
}

/** The anthropometry module once loaded (null while loading, or when not needed). */
export function useAnthro(needed: boolean): AnthroModule | null {
  const [mod, setMod] = useState<AnthroModule | null>(null);
  useEffect(() => {
    if (!needed || mod) return;
    let live = true;
    void loadAnthro().then((m) => live && setMod(m));
    return () => {
      live = false;
    };
  }, [needed, mod]);
  return mod;
}

export interface PreviewInput {
  sex: Sex;
  birthDate: string;
  on: string;
  weightKg?: number;
  lengthHeightCm?: number;
  position: Position;
  headCm?: number;
  muacCm?: number;
  /** The last weighing before this one (for N/T). */
  previous?: { date: string; weightKg: number } | null;
}

export interface Preview {
  categories: { index: PermenkesIndex; category: PermenkesCategory; z: number | null }[];
  muac: MuacBand | null;
  direction: WeighingOutcome | null;
  /** Indices whose z-score is outside WHO's plausible range: measure again. */
  flagged: AnthroIndex[];
  approximate: boolean;
}

const Z_OF: Record<PermenkesIndex, AnthroIndex> = { bbu: 'wei', pbu: 'len', bbpb: 'wfl', imtu: 'bmi' };

export function computePreview(m: AnthroModule, p: PreviewInput): Preview | null {
  if (!isIsoDate(p.birthDate) || !isIsoDate(p.on) || p.on < p.birthDate) return null;
  if (p.weightKg === undefined && p.lengthHeightCm === undefined && p.muacCm === undefined && p.headCm === undefined) return null;
  const days = ageInDays(p.birthDate, p.on);
  const r = m.computeZScores(
    {
      sex: p.sex,
      age: { days },
      weightKg: p.weightKg ?? null,
      lengthHeightCm: p.lengthHeightCm ?? null,
      measure: p.position,
      headCm: p.headCm ?? null,
      muacCm: p.muacCm ?? null,
    },
    m.approximateGrowthReferences(),
  );
  const cats = m.classifyPermenkes(r);
  const categories = (['bbu', 'pbu', 'bbpb'] as const)
    .filter((k) => cats[k])
    .map((k) => ({ index: k, category: cats[k]!, z: r.indices[Z_OF[k]].z }));
  const direction = p.weightKg !== undefined && p.previous && p.previous.date < p.on
    ? m.judgeWeighing(p.birthDate, { date: p.on, weightKg: p.weightKg }, p.previous)
    : p.weightKg !== undefined && p.previous === null
      ? m.judgeWeighing(p.birthDate, { date: p.on, weightKg: p.weightKg }, undefined)
      : null;
  const flagged = (Object.keys(r.indices) as AnthroIndex[]).filter((k) => r.indices[k].flag === true);
  return { categories, muac: m.classifyMuac(p.muacCm ?? null, r.ageMonths), direction, flagged, approximate: r.approximate };
}
