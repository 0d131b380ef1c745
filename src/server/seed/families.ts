/**
 * Builds families of 3–6 members whose ages follow the national pyramid.
 *
 * Every village starts with a quota per single year of age and sex
 * (its population × the pyramid share, demography.ts). Each family is drawn
 * top-down under household rules — a mother is 16–45 years older than her
 * children (weighted by the fertility rates), a husband a few years older
 * than his wife, an elderly parent older than the child they live with — and
 * within those limits each age is drawn in proportion to the quota still left
 * for it. The family types lean toward elders while the elderly quota lags.
 * The result matches the pyramid closely and the families stay plausible.
 */
import type { Relationship } from '../../core/people/household';
import { fertilityRate, FAMILY_TYPE_WEIGHTS, MAX_AGE, singleYearShares } from './demography';
import type { Random } from './random';

export type Sex = 'M' | 'F';

/** One drawn member; `mother` and `father` are indexes of other members of the same family. */
export interface FamilyMember {
  sex: Sex;
  age: number;
  relationship: Relationship;
  mother: number | null;
  /** also used to pass family names from father to children */
  father: number | null;
}

const SHARES = singleYearShares();
/** The quota floor: an age whose quota is spent can still be drawn, rarely. */
const EPSILON = 0.002;

export class AgeQuota {
  readonly male = new Float64Array(MAX_AGE + 1);
  readonly female = new Float64Array(MAX_AGE + 1);
  private readonly initialElders: number;
  private readonly initialTotal: number;

  constructor(people: number) {
    for (let a = 0; a <= MAX_AGE; a++) {
      this.male[a] = people * SHARES.male[a]!;
      this.female[a] = people * SHARES.female[a]!;
    }
    this.initialTotal = people;
    this.initialElders = this.sumBetween(60, 84);
  }

  of(sex: Sex): Float64Array {
    return sex === 'M' ? this.male : this.female;
  }

  take(sex: Sex, age: number): void {
    this.of(sex)[age]! -= 1;
  }

  private sumBetween(from: number, to: number): number {
    let s = 0;
    for (let a = from; a <= to; a++) s += Math.max(0, this.male[a]!) + Math.max(0, this.female[a]!);
    return s;
  }

  /**
   * How far the elderly quota (60–84; the oldest are too few to steer by)
   * lags the rest: > 1 when elders are under-drawn.
   */
  elderLag(): number {
    const all = this.sumBetween(0, MAX_AGE);
    if (all <= 0 || this.initialElders <= 0) return 1;
    return this.sumBetween(60, 84) / this.initialElders / (all / this.initialTotal);
  }
}

function clampAge(a: number): number {
  return Math.max(0, Math.min(MAX_AGE, a));
}

/** Draws an age in [lo, hi] ∝ (quota left + ε) × kernel(age); -1 when the range is empty. */
function drawAge(rng: Random, quota: Float64Array, lo: number, hi: number, kernel?: (age: number) => number): number {
  lo = clampAge(lo);
  hi = clampAge(hi);
  if (hi < lo) return -1;
  const weights = new Float64Array(hi - lo + 1);
  for (let a = lo; a <= hi; a++) {
    const k = kernel ? kernel(a) : 1;
    weights[a - lo] = k > 0 ? (Math.max(0, quota[a]!) + EPSILON) * k : 0;
  }
  const i = rng.weighted(weights);
  return i < 0 ? -1 : lo + i;
}

/** Sex at a given age ∝ the quota left for each. */
function drawSex(rng: Random, q: AgeQuota, age: number): Sex {
  const m = Math.max(0, q.male[age]!) + EPSILON;
  const f = Math.max(0, q.female[age]!) + EPSILON;
  return rng.next() * (m + f) < m ? 'M' : 'F';
}

/** Grown children still at home thin out with age: many leave to marry, study or work (design weights). */
function stayingHome(age: number): number {
  return age < 25 ? 1 : age < 30 ? 0.7 : age < 36 ? 0.4 : 0;
}

/** A husband's age relative to his wife: mostly 0–8 years older (design kernel). */
function spouseGap(gap: number): number {
  if (gap < -3 || gap > 15) return 0;
  return Math.exp(-((gap - 4) ** 2) / (2 * 4 ** 2));
}

/**
 * Draws `count` children of a mother aged `motherAge`: each age weighted by
 * the quota and by the fertility rate at the mother's age then; siblings at
 * least two years apart where possible. Returns ages (may be fewer when the
 * mother is too young for that many).
 */
function drawChildren(rng: Random, q: AgeQuota, motherAge: number, count: number, taken: number[] = [], minAge = 0): number[] {
  const ages: number[] = [];
  const hi = Math.min(motherAge - 16, 35);
  if (hi < minAge) return ages;
  const base = new Float64Array(hi + 1);
  for (let a = minAge; a <= hi; a++) base[a] = (Math.max(0, q.male[a]! + q.female[a]!) + EPSILON) * fertilityRate(motherAge - a) * stayingHome(a);
  const weights = new Float64Array(hi + 1);
  for (let n = 0; n < count; n++) {
    const used = [...taken, ...ages];
    let age = -1;
    for (const gap of [2, 1]) {
      for (let a = 0; a <= hi; a++) weights[a] = used.some((u) => Math.abs(u - a) < gap) ? 0 : base[a]!;
      age = rng.weighted(weights);
      if (age >= 0) break;
    }
    if (age < 0) break;
    ages.push(age);
  }
  return ages;
}

type FamilyType = 'nuclear' | 'withElder' | 'threeGenerations' | 'singleParent';

function drawType(rng: Random, q: AgeQuota, size: number): FamilyType {
  const lag = Math.min(20, Math.max(0.05, q.elderLag() ** 2));
  const types: FamilyType[] = ['nuclear', 'withElder', 'threeGenerations', 'singleParent'];
  const w = [
    FAMILY_TYPE_WEIGHTS.nuclear,
    FAMILY_TYPE_WEIGHTS.withElder * lag,
    size >= 4 ? FAMILY_TYPE_WEIGHTS.threeGenerations * lag : 0,
    FAMILY_TYPE_WEIGHTS.singleParent,
  ];
  return types[rng.weighted(w)]!;
}

class FamilyBuilder {
  readonly members: FamilyMember[] = [];
  constructor(private readonly q: AgeQuota) {}

  add(sex: Sex, age: number, relationship: Relationship, mother: number | null = null, father: number | null = null): number {
    this.q.take(sex, age);
    this.members.push({ sex, age, relationship, mother, father });
    return this.members.length - 1;
  }
}

/**
 * Children of `mother` (index, or null when she is not in the household)
 * added as `relationship`. Without their mother in the household they are at
 * least a year old: an infant is always registered with its mother.
 */
function addChildren(
  rng: Random, q: AgeQuota, b: FamilyBuilder, motherAge: number, count: number, relationship: Relationship,
  mother: number | null, father: number | null,
): void {
  for (const age of drawChildren(rng, q, motherAge, count, [], mother === null ? 1 : 0)) b.add(drawSex(rng, q, age), age, relationship, mother, father);
}

/**
 * Look-ahead: how many children a mother of this age could still draw from
 * the quota (ages she could have borne, weighted by the fertility rate then
 * and by staying home). Used to prefer mothers whose children's ages are not
 * yet used up, so the family fits the pyramid instead of overfilling it.
 */
function childSupply(q: AgeQuota, motherAge: number): number {
  let supply = 0;
  const hi = Math.min(motherAge - 16, 35);
  for (let c = 0; c <= hi; c++) {
    supply += (Math.max(0, q.male[c]!) + Math.max(0, q.female[c]!)) * (fertilityRate(motherAge - c) / 130) * stayingHome(c);
  }
  return supply;
}

/** Look-ahead for a parent living with a child of `childAge`: the elderly quota left at plausible ages. */
function parentSupply(q: AgeQuota, childAge: number): number {
  let supply = 0;
  for (let a = childAge + 16; a <= Math.min(MAX_AGE, childAge + 50); a++) supply += Math.max(0, q.male[a]!) + Math.max(0, q.female[a]!);
  return supply;
}

/** Near 1 when the quota ahead easily covers `needed`, falling smoothly as it runs short. */
function coverage(supply: number, needed: number): number {
  if (needed <= 0) return 1;
  const r = supply / (2 * needed);
  return (r * r) / (1 + r * r) + 0.001;
}

/** A couple: the wife's age drawn so she can have `kids` children (and live with `elders` parents), the husband's from the gap kernel. */
function drawCouple(rng: Random, q: AgeQuota, kids: number, minWife = 18, maxWife = 64, elders = 0): { wife: number; husband: number } {
  let wife = drawAge(rng, q.female, Math.max(minWife, 16 + kids + (kids > 0 ? 1 : 0)), maxWife,
    (a) => coverage(kids > 0 ? childSupply(q, a) : 0, kids) * coverage(elders > 0 ? parentSupply(q, a) : 0, elders));
  if (wife < 0) wife = Math.max(minWife, 16 + kids);
  let husband = drawAge(rng, q.male, Math.max(18, wife - 3), wife + 15, (a) => spouseGap(a - wife));
  if (husband < 0) husband = Math.min(MAX_AGE, wife + 4);
  return { wife, husband };
}

function nuclear(rng: Random, q: AgeQuota, size: number): FamilyMember[] {
  const b = new FamilyBuilder(q);
  const kids = size - 2;
  const { wife, husband } = drawCouple(rng, q, kids);
  const h = b.add('M', husband, 'kepala');
  const w = b.add('F', wife, 'istri');
  addChildren(rng, q, b, wife, kids, 'anak', w, h);
  return b.members;
}

function withElder(rng: Random, q: AgeQuota, size: number): FamilyMember[] {
  const b = new FamilyBuilder(q);
  const elders = size >= 5 && rng.chance(0.3) ? 2 : 1;
  const kids = size - 2 - elders;
  const { wife, husband } = drawCouple(rng, q, kids, 25, 55, elders);
  const h = b.add('M', husband, 'kepala');
  const w = b.add('F', wife, 'istri');
  addChildren(rng, q, b, wife, kids, 'anak', w, h);
  // The elder is the head's parent (orang_tua) or the wife's (mertua), on a
  // side whose parents' ages still have quota; with none left, one more child.
  const headSide = parentSupply(q, husband);
  const wifeSide = parentSupply(q, wife);
  if (headSide < elders && wifeSide < elders) {
    addChildren(rng, q, b, wife, elders, 'anak', w, h);
    return b.members;
  }
  const ofHead = headSide >= elders && (wifeSide < elders || rng.chance(0.5));
  const childAge = ofHead ? husband : wife;
  const child = ofHead ? h : w;
  const relationship: Relationship = ofHead ? 'orang_tua' : 'mertua';
  if (elders === 2) {
    let mum = drawAge(rng, q.female, childAge + 16, childAge + 45, (a) => fertilityRate(a - childAge));
    if (mum < 0) mum = Math.min(MAX_AGE, childAge + 25);
    let dad = drawAge(rng, q.male, mum - 3, mum + 15, (a) => spouseGap(a - mum));
    if (dad < 0) dad = Math.min(MAX_AGE, mum + 4);
    b.members[child]!.father = b.add('M', dad, relationship);
    b.members[child]!.mother = b.add('F', mum, relationship);
  } else {
    const lo = childAge + 16;
    const mumAge = drawAge(rng, q.female, lo, childAge + 45, (a) => fertilityRate(a - childAge));
    const dadAge = drawAge(rng, q.male, childAge + 18, childAge + 55);
    const femaleWeight = mumAge < 0 ? 0 : Math.max(0, q.female[mumAge]!) + EPSILON;
    const maleWeight = dadAge < 0 ? 0 : Math.max(0, q.male[dadAge]!) + EPSILON;
    if (femaleWeight === 0 && maleWeight === 0) {
      b.add('F', clampAge(childAge + 25), relationship);
    } else if (rng.next() * (femaleWeight + maleWeight) < femaleWeight) {
      b.members[child]!.mother = b.add('F', mumAge, relationship);
    } else {
      b.members[child]!.father = b.add('M', dadAge, relationship);
    }
  }
  return b.members;
}

function threeGenerations(rng: Random, q: AgeQuota, size: number): FamilyMember[] {
  const b = new FamilyBuilder(q);
  const seniors = size >= 5 && rng.chance(0.7) ? 2 : size === 4 ? 1 : rng.chance(0.5) ? 2 : 1;
  const widowHead = seniors === 1 && rng.chance(0.65);
  let grandchildren = size - seniors - 2;
  const extraChild = grandchildren >= 2 && rng.chance(0.3) ? 1 : 0;
  grandchildren -= extraChild;

  // Ages: the senior woman (or widower), then the married child, then grandchildren.
  let seniorWoman = -1;
  let seniorMan = -1;
  if (seniors === 2 || widowHead) {
    seniorWoman = drawAge(rng, q.female, 45, 90);
    if (seniors === 2) {
      seniorMan = drawAge(rng, q.male, seniorWoman - 3, seniorWoman + 15, (a) => spouseGap(a - seniorWoman));
      if (seniorMan < 0) seniorMan = clampAge(seniorWoman + 4);
    }
  } else {
    seniorMan = drawAge(rng, q.male, 50, 90);
  }
  const parentAge = seniorWoman >= 0 ? seniorWoman : seniorMan;
  const minYoungParent = 18 + grandchildren;
  const childKernel = (a: number) => (seniorWoman >= 0 ? fertilityRate(seniorWoman - a) : seniorMan - a >= 18 && seniorMan - a <= 55 ? 1 : 0);
  const combined = new Float64Array(MAX_AGE + 1);
  for (let a = 0; a <= MAX_AGE; a++) combined[a] = q.male[a]! + q.female[a]!;
  const daughterStays = rng.chance(0.5);
  // A daughter who stays is the grandchildren's mother: prefer ages whose children's quota is not used up.
  const marriedKernel = daughterStays ? (a: number) => childKernel(a) * coverage(childSupply(q, a), grandchildren) : childKernel;
  let married = drawAge(rng, combined, minYoungParent, parentAge - 16, marriedKernel);
  if (married < 0) married = clampAge(Math.max(minYoungParent, parentAge - 25));

  let head: number;
  let seniorMother: number | null = null;
  let seniorFather: number | null = null;
  if (seniors === 2) {
    head = b.add('M', seniorMan, 'kepala');
    seniorFather = head;
    seniorMother = b.add('F', seniorWoman, 'istri');
  } else if (widowHead) {
    head = b.add('F', seniorWoman, 'kepala');
    seniorMother = head;
  } else {
    head = b.add('M', seniorMan, 'kepala');
    seniorFather = head;
  }
  const child = b.add(daughterStays ? 'F' : 'M', married, 'anak', seniorMother, seniorFather);
  // The in-law: a husband a few years older than the daughter, or a wife a few years younger than the son.
  let inLawAge: number;
  if (daughterStays) {
    inLawAge = drawAge(rng, q.male, married - 3, married + 15, (a) => spouseGap(a - married));
    if (inLawAge < 0) inLawAge = clampAge(married + 4);
  } else {
    inLawAge = drawAge(rng, q.female, Math.max(16 + grandchildren + 1, married - 15), married + 3,
      (a) => spouseGap(married - a) * coverage(childSupply(q, a), grandchildren));
    if (inLawAge < 0) inLawAge = Math.max(16 + grandchildren + 1, married - 4);
  }
  const inLaw = b.add(daughterStays ? 'M' : 'F', inLawAge, 'menantu');
  const youngMother = daughterStays ? child : inLaw;
  const youngFather = daughterStays ? inLaw : child;
  addChildren(rng, q, b, b.members[youngMother]!.age, grandchildren, 'cucu', youngMother, youngFather);
  if (extraChild && seniorWoman >= 0) {
    const [age] = drawChildren(rng, q, seniorWoman, 1, [married]);
    if (age !== undefined) b.add(drawSex(rng, q, age), age, 'anak', seniorMother, seniorFather);
  }
  return b.members;
}

function singleParent(rng: Random, q: AgeQuota, size: number): FamilyMember[] {
  const b = new FamilyBuilder(q);
  const kids = size - 1;
  if (rng.chance(0.85)) {
    // A janda (widowed or divorced mother) heading the family.
    let mum = drawAge(rng, q.female, 17 + kids, 70, (a) => coverage(childSupply(q, a), kids));
    if (mum < 0) mum = 20 + kids;
    const m = b.add('F', mum, 'kepala');
    addChildren(rng, q, b, mum, kids, 'anak', m, null);
  } else {
    // A duda (widower) with his children; their mother is not in the household.
    let dad = drawAge(rng, q.male, 20 + kids, 70);
    if (dad < 0) dad = 25 + kids;
    const d = b.add('M', dad, 'kepala');
    const motherAge = clampAge(dad - 4);
    addChildren(rng, q, b, motherAge, kids, 'anak', null, d);
  }
  return b.members;
}

function drawShaped(rng: Random, quota: AgeQuota, size: number): FamilyMember[] {
  switch (drawType(rng, quota, size)) {
    case 'nuclear':
      return nuclear(rng, quota, size);
    case 'withElder':
      return withElder(rng, quota, size);
    case 'threeGenerations':
      return threeGenerations(rng, quota, size);
    case 'singleParent':
      return singleParent(rng, quota, size);
  }
}

/**
 * One family of exactly `size` members. When the drawn ages leave a place
 * empty (a mother too young for one more child two years apart), a relative
 * (famili lain: a niece, a nephew, an aunt) fills it, so village totals hold.
 */
export function drawFamily(rng: Random, quota: AgeQuota, size: number): FamilyMember[] {
  const members = drawShaped(rng, quota, size);
  while (members.length < size) {
    const combined = new Float64Array(MAX_AGE + 1);
    for (let a = 0; a <= MAX_AGE; a++) combined[a] = quota.male[a]! + quota.female[a]!;
    // A school-age or older relative: small children live with their mothers.
    const age = drawAge(rng, combined, 5, MAX_AGE);
    const sex = drawSex(rng, quota, age);
    quota.take(sex, age);
    members.push({ sex, age, relationship: 'famili_lain', mother: null, father: null });
  }
  return members;
}

/** Household sizes (3–6) that add up to exactly `people` (≥ 3). */
export function planHouseholdSizes(rng: Random, people: number, weights: Readonly<Record<3 | 4 | 5 | 6, number>>): number[] {
  if (people < 3) throw new RangeError('a village needs at least 3 people for one family');
  const sizes: number[] = [];
  const options = [3, 4, 5, 6] as const;
  const w = options.map((s) => weights[s]);
  let sum = 0;
  while (people - sum > 6) {
    const s = options[rng.weighted(w)]!;
    sizes.push(s);
    sum += s;
  }
  let rest = people - sum;
  if (rest >= 3) sizes.push(rest);
  else {
    // 1 or 2 left: one more member in as many households as needed.
    for (let i = 0; rest > 0 && i < sizes.length; i++) {
      if (sizes[i]! < 6) {
        sizes[i]! += 1;
        rest--;
      }
    }
    if (rest > 0) {
      // Every family is already six: split the last one and the rest into 3 + (4 or 5).
      const last = sizes.pop()!;
      sizes.push(3, last + rest - 3);
    }
  }
  return sizes;
}
