/**
 * The demographic numbers the generator follows, each with its source. Where
 * a figure is derived or a design choice, the comment says so.
 */

export interface AgeGroup {
  from: number;
  /** inclusive; the last group is open (75+), spread up to MAX_AGE */
  to: number;
  /** thousands of people */
  male: number;
  female: number;
}

export const MAX_AGE = 99;

/**
 * Indonesia's population by five-year age group and sex, in thousands.
 * - 5–9 … 55–59: BPS, Hasil Long Form Sensus Penduduk 2020, national tables
 *   (sensus.bps.go.id, "Jumlah Penduduk menurut Kelompok Umur dan Jenis Kelamin").
 * - 70–74 (1,943,260 M / 2,205,321 F) and 75+ (2,221,406 M / 2,805,338 F):
 *   BPS SP2020 release of 21 Jan 2021.
 * - 0–4, 60–64, 65–69 are derived from the SP2020 release's shares of the
 *   270.20 M total (0–14 = 23.33 %, 60+ = 9.78 %, 65+ = 5.95 %) by subtracting
 *   the groups above; their sex split uses the SP2020 sex ratio 107 for 0–4
 *   and an approximate 96 and 92 for 60–64 and 65–69.
 * Mixing the two tabulations makes the shares approximate (within ~0.3 %).
 */
export const AGE_GROUPS: readonly AgeGroup[] = [
  { from: 0, to: 4, male: 9788, female: 9148 },
  { from: 5, to: 9, male: 11242, female: 10772 },
  { from: 10, to: 14, male: 11356, female: 10732 },
  { from: 15, to: 19, male: 11433, female: 10731 },
  { from: 20, to: 24, male: 11553, female: 10937 },
  { from: 25, to: 29, male: 11486, female: 10978 },
  { from: 30, to: 34, male: 11215, female: 10851 },
  { from: 35, to: 39, male: 10743, female: 10505 },
  { from: 40, to: 44, male: 10207, female: 10088 },
  { from: 45, to: 49, male: 9378, female: 9349 },
  { from: 50, to: 54, male: 8241, female: 8260 },
  { from: 55, to: 59, male: 6945, female: 7016 },
  { from: 60, to: 64, male: 5070, female: 5279 },
  { from: 65, to: 69, male: 3307, female: 3594 },
  { from: 70, to: 74, male: 1943, female: 2205 },
  { from: 75, to: MAX_AGE, male: 2221, female: 2805 },
];

/** Within 75+, each further year of age holds this fraction of the one before (approximate survival). */
const OLDEST_DECLINE = 0.86;

export interface SingleYearShares {
  /** share of the whole population at each age 0..MAX_AGE */
  male: Float64Array;
  female: Float64Array;
}

/** The pyramid as shares per single year of age and sex (summing to 1). */
export function singleYearShares(): SingleYearShares {
  const male = new Float64Array(MAX_AGE + 1);
  const female = new Float64Array(MAX_AGE + 1);
  let total = 0;
  for (const g of AGE_GROUPS) total += g.male + g.female;
  for (const g of AGE_GROUPS) {
    const weights: number[] = [];
    for (let a = g.from; a <= g.to; a++) weights.push(g.to === MAX_AGE ? OLDEST_DECLINE ** (a - g.from) : 1);
    const sum = weights.reduce((x, y) => x + y, 0);
    for (let a = g.from; a <= g.to; a++) {
      male[a] = (g.male / total) * (weights[a - g.from]! / sum);
      female[a] = (g.female / total) * (weights[a - g.from]! / sum);
    }
  }
  return { male, female };
}

/** Share of the population in each AGE_GROUPS entry (both sexes), for checks. */
export function groupShares(): number[] {
  const total = AGE_GROUPS.reduce((s, g) => s + g.male + g.female, 0);
  return AGE_GROUPS.map((g) => (g.male + g.female) / total);
}

/**
 * Age-specific fertility rates, births per 1,000 women per year. 15–19 (27),
 * 20–24 (97.9), 25–29 (130.6), 30–34 (101.4) and 45–49 (2.8): BPS Long Form
 * SP2020. 35–39 and 40–44 are not in the published summary; they are split
 * (approximately) from the remainder of the Long Form TFR of 2.18.
 * Σ ASFR × women per age gives about 17 births per 1,000 people, close to the
 * crude birth rate of the BPS projection.
 */
export const ASFR: readonly { from: number; to: number; rate: number }[] = [
  { from: 15, to: 19, rate: 27 },
  { from: 20, to: 24, rate: 97.9 },
  { from: 25, to: 29, rate: 130.6 },
  { from: 30, to: 34, rate: 101.4 },
  { from: 35, to: 39, rate: 58 },
  { from: 40, to: 44, rate: 18 },
  { from: 45, to: 49, rate: 2.8 },
];

const FERTILITY_BY_AGE = new Float64Array(MAX_AGE + 1);
for (const g of ASFR) for (let a = g.from; a <= g.to; a++) FERTILITY_BY_AGE[a] = g.rate;

/** Births per 1,000 women of this age per year (0 outside 15–49). */
export function fertilityRate(age: number): number {
  return age >= 0 && age <= MAX_AGE ? FERTILITY_BY_AGE[age]! : 0;
}

/**
 * A pregnancy lasts about 0.75 year, so at any moment the number pregnant is
 * about births per year × 0.75 (crude birth rate × 0.75 of the population,
 * ignoring losses): the chance a woman of age a is pregnant ≈ ASFR(a)/1000 × 0.75.
 */
export const PREGNANCY_YEARS = 0.75;

/**
 * Household sizes of the generated families (3–6 members). Design choice,
 * approximate: mean ≈ 4.05, a little above BPS's ~3.9 persons per household
 * because 1–2 person households are not generated. (Larger means put too
 * many children into the register for the pyramid to hold.)
 */
export const HOUSEHOLD_SIZE_WEIGHTS: Readonly<Record<3 | 4 | 5 | 6, number>> = { 3: 0.36, 4: 0.34, 5: 0.19, 6: 0.11 };

/**
 * Family types, approximate design shares: nuclear families dominate;
 * three-generation households and households with an elderly parent are where
 * most lansia live (lansia rarely live alone: BPS Statistik Penduduk Lanjut
 * Usia reports ~10 % living alone; those 1–2 person households are not
 * generated); female heads (about 15 % of households in Susenas) appear as
 * single mothers and widows.
 */
export const FAMILY_TYPE_WEIGHTS = { nuclear: 0.58, withElder: 0.13, threeGenerations: 0.17, singleParent: 0.12 } as const;

/**
 * Ownership and registration shares (approximate):
 * - mobile phone: BPS Statistik Telekomunikasi Indonesia 2022, ~68 % of
 *   people aged 5+ own one; higher among adults, so 0.7 of people 17–69;
 * - JKN: BPJS Kesehatan reports ~95 % of the population enrolled (2024);
 *   0.9 carry a number in the register;
 * - NIK: children get one when the KK is reissued after birth registration,
 *   so infants often have none yet (design shares below).
 */
export const PHONE_SHARE_ADULT = 0.7;
export const JKN_SHARE = 0.9;
export const NIK_SHARE_UNDER_1 = 0.45;
export const NIK_SHARE_NEWBORN = 0.1;

/** Design choices for "a few" realistic register events (not statistics). */
export const ELDER_DECEASED_SHARE = 0.02; // of people 60+, died in the last year (≈ annual mortality at those ages)
export const YOUNG_ADULT_MOVED_SHARE = 0.04; // of adult children 18–30, moved away in the last two years
export const ESTIMATED_BIRTH_DATE_SHARE = 0.25; // of people born before 1960: date recorded as 1 July or 31 December
export const NIK_DATE_MISMATCH_SHARE = 0.004; // of NIK holders 17+: NIK date block differs from the recorded birth date
