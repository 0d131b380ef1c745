/**
 * Turns drawn families into register rows for one desa/kelurahan at a time:
 * people with names, birth dates, NIK, phone and JKN numbers, households with
 * KK numbers and an RT address, current pregnancies. Villages are generated
 * one by one so memory stays bounded whatever the population.
 *
 * Everything is drawn from seeded streams (one per village), so the same
 * seed, place list and reference date give the same rows.
 */
import { nikRegionOf } from '../../core/areas/codes';
import { message } from '../../core/i18n/messages';
import type { Relationship } from '../../core/people/household';
import { makeNik } from '../../core/people/nik';
import { addDays, daysInMonth, fromDayNumber, parts, toDayNumber, type IsoDate } from '../../core/time/dates';
import type { AcceptedWarning } from '../db/schema';
import { birthPlace, familyName, personName, pickCulture, type Culture, type CultureMix } from './cultures';
import {
  ELDER_DECEASED_SHARE, ESTIMATED_BIRTH_DATE_SHARE, fertilityRate, HOUSEHOLD_SIZE_WEIGHTS, JKN_SHARE, NIK_DATE_MISMATCH_SHARE,
  NIK_SHARE_NEWBORN, NIK_SHARE_UNDER_1, PHONE_SHARE_ADULT, PREGNANCY_YEARS, YOUNG_ADULT_MOVED_SHARE,
} from './demography';
import { AgeQuota, drawFamily, planHouseholdSizes } from './families';
import { Random } from './random';

/** What the generator needs to know about one desa/kelurahan. */
export interface VillagePlan {
  villageCode: string;
  kabCode: string;
  people: number;
  /** the smallest units households live in (RT codes; dusun/RW when a unit has no RT) */
  homes: readonly string[];
  /** the village's Pustu, where pregnancies are registered (null when none) */
  pustuId: string | null;
}

/** Local colour for a kabupaten/kota. */
export interface RegionProfile {
  mix: CultureMix;
  streets: readonly string[];
  /** birth places of people born locally */
  birthPlaces: readonly string[];
}

export interface PersonRow {
  id: string;
  kabCode: string;
  householdId: string;
  nik: string | null;
  name: string;
  sex: 'M' | 'F';
  birthDate: IsoDate;
  birthDateEstimated: boolean;
  birthPlace: string;
  motherId: string | null;
  relationship: Relationship;
  phone: string | null;
  jknNumber: string | null;
  status: 'alive' | 'deceased' | 'moved';
  statusDate: IsoDate | null;
  areaCode: string;
  villageCode: string;
  acceptedWarnings: AcceptedWarning[];
  /** the person_residence row: since when, until when, why it began */
  residenceFrom: IsoDate;
  residenceTo: IsoDate | null;
  residenceReason: 'birth' | 'registration';
}

export interface HouseholdRow {
  id: string;
  kabCode: string;
  kkNumber: string;
  areaCode: string;
  villageCode: string;
  address: string;
  headPersonId: string;
  /** the family as drawn (for checks and the summary) */
  size: number;
}

export interface PregnancyRow {
  id: string;
  kabCode: string;
  personId: string;
  /** registration date (occurred_on) */
  registeredOn: IsoDate;
  /** HPHT, first day of the last menstrual period */
  lmp: IsoDate;
  facilityId: string | null;
  domicileAreaCode: string;
}

export interface VillagePopulation {
  households: HouseholdRow[];
  persons: PersonRow[];
  pregnancies: PregnancyRow[];
}

/** Mobile prefixes in use in Indonesia (Telkomsel, Indosat, XL, Tri, Smartfren). */
const PHONE_PREFIXES = ['0811', '0812', '0813', '0821', '0822', '0852', '0853', '0857', '0856', '0815', '0817', '0818', '0819', '0877', '0878', '0895', '0896', '0881'];

/** An odd multiplier not divisible by 5: x → (A·x + B) mod 10^10 is a bijection, so JKN numbers never repeat. */
const JKN_A = 7_919_281_613n;
const JKN_B = 1_234_567_891n;
const TEN_DIGITS = 10_000_000_000n;

interface BirthDate {
  day: number;
  date: IsoDate;
  estimated: boolean;
}

const DAY_MS = 86_400_000;
const utcDay = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
const yearOfDay = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

export interface GeneratorOptions {
  seed: number;
  /** the reference date: ages, newborns and pregnancies are relative to it */
  today: IsoDate;
  /** NIK and KK numbers already in the database (never reused) */
  existingNiks?: ReadonlySet<string>;
  existingKks?: ReadonlySet<string>;
}

export class PopulationGenerator {
  private readonly nikSerial = new Map<string, number>();
  private readonly kkSerial = new Map<string, number>();
  private readonly jknBase: bigint;
  private jknCount = 0;
  private readonly todayDay: number;
  private readonly todayParts: { year: number; month: number; day: number };

  constructor(private readonly options: GeneratorOptions, kabCode: string) {
    this.todayDay = toDayNumber(options.today);
    this.todayParts = parts(options.today);
    // Distinct counter ranges per kabupaten/kota keep JKN numbers unique across districts.
    this.jknBase = BigInt(Number(kabCode.replace('.', ''))) * 1_000_000n;
  }

  private nextSerial(counters: Map<string, number>, prefix: string, taken: ReadonlySet<string> | undefined): string {
    for (;;) {
      const n = (counters.get(prefix) ?? 0) + 1;
      if (n > 9999) throw new RangeError(`no serial left for ${prefix}`);
      counters.set(prefix, n);
      const id = `${prefix}${String(n).padStart(4, '0')}`;
      if (!taken?.has(id)) return id;
    }
  }

  private nik(region: string, date: IsoDate, sex: 'M' | 'F'): string {
    const prefix = makeNik(region, date, sex, 0).slice(0, 12);
    return this.nextSerial(this.nikSerial, prefix, this.options.existingNiks);
  }

  private kk(region: string, issued: IsoDate): string {
    const { year, month, day } = parts(issued);
    const prefix = `${region}${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}`;
    return this.nextSerial(this.kkSerial, prefix, this.options.existingKks);
  }

  private jkn(): string {
    const x = (JKN_A * (this.jknBase + BigInt(this.jknCount++)) + JKN_B) % TEN_DIGITS;
    return `000${x.toString().padStart(10, '0')}`;
  }

  /** The day number of the date `years` before the reference date (29 Feb → 28 Feb). */
  private yearsAgo(years: number): number {
    const y = this.todayParts.year - years;
    return utcDay(y, this.todayParts.month, Math.min(this.todayParts.day, daysInMonth(y, this.todayParts.month)));
  }

  /** A birth date for someone `age` whole years old today; estimated dates (1 July, 31 December) for some elders. */
  private birthDate(rng: Random, age: number): BirthDate {
    const hi = this.yearsAgo(age);
    const lo = this.yearsAgo(age + 1) + 1;
    const day = rng.int(lo, hi);
    const year = yearOfDay(day);
    if (year < 1960 && rng.chance(ESTIMATED_BIRTH_DATE_SHARE)) {
      // Older people often know only the year; the register then holds 1 July or 31 December.
      const candidates: number[] = [];
      for (const y of [year - 1, year, year + 1]) {
        for (const d of [utcDay(y, 7, 1), utcDay(y, 12, 31)]) if (d >= lo && d <= hi) candidates.push(d);
      }
      if (candidates.length) {
        const d = rng.pick(candidates);
        return { day: d, date: fromDayNumber(d), estimated: true };
      }
    }
    return { day, date: fromDayNumber(day), estimated: false };
  }

  /**
   * Generates one village. `quota` is the age/sex quota it draws from; villages
   * smaller than about a thousand people share one (see quotaBlocks), so even
   * a thinly spread population follows the pyramid.
   */
  village(plan: VillagePlan, profile: RegionProfile, quota: AgeQuota = new AgeQuota(plan.people)): VillagePopulation {
    const rng = new Random(this.options.seed, 'village', plan.villageCode);
    const region = nikRegionOf(plan.villageCode);
    if (!region) throw new RangeError(`not a village code: ${plan.villageCode}`);
    if (plan.homes.length === 0) throw new RangeError(`village ${plan.villageCode} has no RT/RW/dusun to live in`);
    const out: VillagePopulation = { households: [], persons: [], pregnancies: [] };
    const { today } = this.options;
    const mismatchAt = `${today}T00:00:00.000Z`;

    for (const size of planHouseholdSizes(rng, plan.people, HOUSEHOLD_SIZE_WEIGHTS)) {
      const family = drawFamily(rng, quota, size);
      const householdId = rng.uuid();
      const areaCode = rng.pick(plan.homes);
      const ids = family.map(() => rng.uuid());

      // Culture and family names: children follow the father where he is known.
      const hhCulture = pickCulture(rng, profile.mix);
      const head = family.findIndex((m) => m.relationship === 'kepala');
      const wifeIndex = family.findIndex((m) => m.relationship === 'istri');
      const wifeCulture = rng.chance(0.85) ? hhCulture : pickCulture(rng, profile.mix);
      const cultures: Culture[] = new Array(family.length);
      const surnames: (string | null)[] = new Array(family.length);
      const cultureOf = (i: number): Culture => {
        if (cultures[i]) return cultures[i]!;
        const m = family[i]!;
        let c: Culture;
        switch (m.relationship) {
          case 'kepala':
            c = hhCulture;
            break;
          case 'istri':
            c = wifeCulture;
            break;
          case 'orang_tua':
            c = head >= 0 ? cultureOf(head) : hhCulture;
            break;
          case 'mertua':
            c = wifeIndex >= 0 ? cultureOf(wifeIndex) : hhCulture;
            break;
          case 'menantu':
            c = rng.chance(0.7) ? hhCulture : pickCulture(rng, profile.mix);
            break;
          default:
            c = m.father !== null ? cultureOf(m.father) : m.mother !== null ? cultureOf(m.mother) : hhCulture;
        }
        cultures[i] = c;
        return c;
      };
      const surnameOf = (i: number): string | null => {
        if (surnames[i] !== undefined) return surnames[i]!;
        const m = family[i]!;
        const s = m.father !== null && cultureOf(m.father) === cultureOf(i) ? surnameOf(m.father) : familyName(rng, cultureOf(i));
        surnames[i] = s;
        return s;
      };

      // Birth dates; children of one mother at least 300 days apart.
      const dates = family.map((m) => this.birthDate(rng, m.age));
      for (let i = 0; i < family.length; i++) {
        const m = family[i]!;
        const parent = m.mother ?? m.father;
        if (parent === null) continue;
        for (let attempt = 0; attempt < 12; attempt++) {
          const day = dates[i]!.day;
          const clash = family.some((o, j) => j < i && (o.mother ?? o.father) === parent && Math.abs(dates[j]!.day - day) < 300);
          if (!clash) break;
          dates[i] = this.birthDate(rng, m.age);
        }
      }

      // NIK: infants often have none yet (not yet added to the KK).
      const hasNik = family.map((m, i) => {
        const days = this.todayDay - dates[i]!.day;
        if (days <= 28) return rng.chance(NIK_SHARE_NEWBORN);
        if (m.age === 0) return rng.chance(NIK_SHARE_UNDER_1);
        return true;
      });

      // KK issued after the youngest member with a NIK was born, before any baby still missing from it.
      let latestListed = -Infinity;
      let earliestUnlisted = Infinity;
      family.forEach((_, i) => {
        const d = dates[i]!.day;
        if (hasNik[i]) latestListed = Math.max(latestListed, d);
        else earliestUnlisted = Math.min(earliestUnlisted, d);
      });
      const kkLo = Math.max(latestListed + 14, this.todayDay - 12 * 365);
      const kkHi = Math.min(this.todayDay - 1, earliestUnlisted - 1);
      const issued = fromDayNumber(kkHi >= kkLo ? rng.int(kkLo, kkHi) : Math.min(this.todayDay - 1, Math.max(kkLo, latestListed + 1)));
      const kkNumber = this.kk(region, issued);

      // The household began with the couple, before their first child.
      const headChildren = family.map((m, i) => (m.relationship === 'anak' ? dates[i]!.day : Infinity));
      const firstChild = Math.min(...headChildren);
      const since = Number.isFinite(firstChild) ? firstChild - rng.int(100, 1500) : toDayNumber(issued) - rng.int(0, 2000);

      const household: HouseholdRow = {
        id: householdId,
        kabCode: plan.kabCode,
        kkNumber,
        areaCode,
        villageCode: plan.villageCode,
        address: `${rng.pick(profile.streets)} No. ${rng.int(1, 120)}`,
        headPersonId: ids[head >= 0 ? head : 0]!,
        size: family.length,
      };
      out.households.push(household);

      family.forEach((m, i) => {
        const { date: birth, estimated, day: birthDay } = dates[i]!;
        const birthYear = yearOfDay(birthDay);
        const culture = cultureOf(i);
        const name = personName(rng, culture, m.sex, birthYear, surnameOf(i));
        let nik: string | null = null;
        const acceptedWarnings: AcceptedWarning[] = [];
        if (hasNik[i]) {
          if (m.age >= 17 && rng.chance(NIK_DATE_MISMATCH_SHARE)) {
            // A deliberate, flagged data problem: the NIK carries another date (a typo or an old estimate).
            let other = addDays(birth, rng.chance(0.5) ? rng.int(1, 400) : -rng.int(1, 400));
            if (toDayNumber(other) > this.todayDay) other = addDays(birth, -rng.int(1, 400));
            nik = this.nik(region, other, m.sex);
            const o = parts(other);
            const nikDate = `${String(o.day).padStart(2, '0')}-${String(o.month).padStart(2, '0')}-${String(o.year % 100).padStart(2, '0')}`;
            acceptedWarnings.push({
              code: 'nik_birth_date_mismatch',
              field: 'nik',
              message: message({ code: 'nik_birth_date_mismatch', field: 'nik', params: { nikDate } }),
              at: mismatchAt,
              by: null,
            });
          } else {
            nik = this.nik(region, birth, m.sex);
          }
        }
        let status: PersonRow['status'] = 'alive';
        let statusDate: IsoDate | null = null;
        if (m.age >= 60 && rng.chance(ELDER_DECEASED_SHARE)) {
          status = 'deceased';
          statusDate = fromDayNumber(Math.max(birthDay + 1, this.todayDay - rng.int(1, 365)));
        } else if (m.relationship === 'anak' && m.age >= 18 && m.age <= 30 && rng.chance(YOUNG_ADULT_MOVED_SHARE)) {
          status = 'moved';
          statusDate = fromDayNumber(this.todayDay - rng.int(1, 730));
        }
        const elderJoined = m.relationship === 'orang_tua' || m.relationship === 'mertua' || m.relationship === 'famili_lain';
        let from = elderJoined ? rng.int(Math.min(since, this.todayDay - 30), this.todayDay - 30) : since;
        from = Math.max(from, birthDay);
        const residenceFrom = fromDayNumber(from);
        const phone = status === 'alive' && m.age >= 17 && m.age <= 69 && rng.chance(PHONE_SHARE_ADULT)
          ? rng.pick(PHONE_PREFIXES) + rng.digits(rng.chance(0.7) ? 8 : 9)
          : null;
        out.persons.push({
          id: ids[i]!,
          kabCode: plan.kabCode,
          householdId,
          nik,
          name,
          sex: m.sex,
          birthDate: birth,
          birthDateEstimated: estimated,
          birthPlace: birthPlace(rng, culture, birthYear, profile.birthPlaces),
          motherId: m.mother !== null ? ids[m.mother]! : null,
          relationship: m.relationship,
          phone,
          jknNumber: nik !== null && rng.chance(JKN_SHARE) ? this.jkn() : null,
          status,
          statusDate,
          areaCode,
          villageCode: plan.villageCode,
          acceptedWarnings,
          residenceFrom,
          residenceTo: status === 'moved' ? statusDate : null,
          residenceReason: from === birthDay ? 'birth' : 'registration',
        });
      });
    }
    out.pregnancies = this.pregnancies(rng, plan, out.persons);
    return out;
  }

  /**
   * Current pregnancies: as many as the fertility rates give (Σ ASFR/1000 ×
   * 0.75 over the village's women), drawn among married women 15–49 weighted
   * by ASFR, not among those who gave birth in the last six months.
   */
  private pregnancies(rng: Random, plan: VillagePlan, persons: PersonRow[]): PregnancyRow[] {
    const ageOf = (p: PersonRow) => {
      const b = parts(p.birthDate);
      const t = parts(this.options.today);
      return t.year - b.year - (t.month < b.month || (t.month === b.month && t.day < b.day) ? 1 : 0);
    };
    const recentMothers = new Set<string>();
    for (const p of persons) {
      if (p.motherId && this.todayDay - toDayNumber(p.birthDate) < 183) recentMothers.add(p.motherId);
    }
    let expected = 0;
    const eligible: { person: PersonRow; weight: number }[] = [];
    for (const p of persons) {
      if (p.sex !== 'F' || p.status !== 'alive') continue;
      const rate = fertilityRate(ageOf(p));
      if (rate === 0) continue;
      expected += (rate / 1000) * PREGNANCY_YEARS;
      const married = p.relationship === 'istri' || p.relationship === 'menantu';
      if (married && !recentMothers.has(p.id)) eligible.push({ person: p, weight: rate });
    }
    let count = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    const out: PregnancyRow[] = [];
    while (count-- > 0 && eligible.length) {
      const i = rng.weighted(eligible.map((e) => e.weight));
      const { person } = eligible.splice(i, 1)[0]!;
      // Gestation today 5–40 weeks; registered (first ANC) at 5–16 weeks, never after today.
      const gestationDays = rng.int(5 * 7, 40 * 7);
      const lmpDay = this.todayDay - gestationDays;
      const registeredDay = Math.min(this.todayDay, lmpDay + rng.int(5 * 7, Math.min(gestationDays, 16 * 7)));
      out.push({
        id: rng.uuid(),
        kabCode: plan.kabCode,
        personId: person.id,
        registeredOn: fromDayNumber(registeredDay),
        lmp: fromDayNumber(lmpDay),
        facilityId: plan.pustuId,
        domicileAreaCode: person.areaCode,
      });
    }
    return out;
  }
}

/** Groups consecutive villages into blocks of at least `minPeople` that share one age quota. */
export function quotaBlocks<T extends { people: number }>(villages: readonly T[], minPeople = 1000): { quota: AgeQuota; villages: T[] }[] {
  const blocks: { quota: AgeQuota; villages: T[] }[] = [];
  let current: T[] = [];
  let sum = 0;
  const close = () => {
    if (current.length) blocks.push({ quota: new AgeQuota(sum), villages: current });
    current = [];
    sum = 0;
  };
  for (const v of villages) {
    current.push(v);
    sum += v.people;
    if (sum >= minPeople) close();
  }
  if (current.length && blocks.length && sum < minPeople / 2) {
    // A small tail joins the previous block.
    const last = blocks.pop()!;
    const total = last.villages.reduce((s, v) => s + v.people, 0) + sum;
    blocks.push({ quota: new AgeQuota(total), villages: [...last.villages, ...current] });
  } else close();
  return blocks;
}
