import { describe, expect, it } from 'vitest';
import { RELATIONSHIPS } from '../../core/people/household';
import { checkKk, checkNik, type IdCheckContext } from '../../core/people/nik';
import { addYears, daysBetween } from '../../core/time/dates';
import { KONAWE_MIX } from './cultures';
import { AGE_GROUPS, groupShares, HOUSEHOLD_SIZE_WEIGHTS } from './demography';
import { AgeQuota, drawFamily, planHouseholdSizes } from './families';
import { PopulationGenerator, quotaBlocks, type PersonRow, type VillagePopulation } from './population';
import { Random } from './random';

const today = '2026-03-01';
const profile = { mix: KONAWE_MIX, streets: ['Jl. Sapati'], birthPlaces: ['Unaaha'] };
const ctx: IdCheckContext = { knownKab: (k) => k === '74.02', knownDistrict: (d) => d.startsWith('74.02.') };

/** Ten villages of Kecamatan Tongauna with `people` in all, generated as the seed does. */
function generate(seed: number, people = 12_000): VillagePopulation {
  const villages = Array.from({ length: 10 }, (_, i) => ({
    villageCode: `74.02.15.${i < 5 ? 1001 + i : 2001 + i}`,
    people: Math.floor(people / 10),
  }));
  const generator = new PopulationGenerator({ seed, today }, '74.02');
  const out: VillagePopulation = { households: [], persons: [], pregnancies: [] };
  for (const block of quotaBlocks(villages)) {
    for (const v of block.villages) {
      const homes = [`${v.villageCode}.RW001.RT001`, `${v.villageCode}.RW001.RT002`];
      const r = generator.village({ villageCode: v.villageCode, kabCode: '74.02', people: v.people, homes, pustuId: null }, profile, block.quota);
      out.households.push(...r.households);
      out.persons.push(...r.persons);
      out.pregnancies.push(...r.pregnancies);
    }
  }
  return out;
}

function ageOn(p: PersonRow): number {
  const [by, bm, bd] = p.birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

describe('planHouseholdSizes', () => {
  it('splits any population of 3 or more into families of 3–6 that add up exactly', () => {
    const rng = new Random(1);
    for (let people = 3; people <= 400; people++) {
      const sizes = planHouseholdSizes(rng, people, HOUSEHOLD_SIZE_WEIGHTS);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(people);
      expect(sizes.every((s) => s >= 3 && s <= 6)).toBe(true);
    }
    expect(() => planHouseholdSizes(rng, 2, HOUSEHOLD_SIZE_WEIGHTS)).toThrow(RangeError);
  });
});

describe('drawFamily', () => {
  it('draws families of the asked size with one head, plausible mothers and known relationships', () => {
    const rng = new Random(2);
    const quota = new AgeQuota(20_000);
    const problems: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const size = 3 + (i % 4);
      const family = drawFamily(rng, quota, size);
      const say = (what: string) => problems.push(`${what}: ${JSON.stringify(family)}`);
      if (family.length !== size) say('size');
      if (family.filter((m) => m.relationship === 'kepala').length !== 1) say('heads');
      if (family.filter((m) => m.relationship === 'istri').length > 1) say('wives');
      for (const m of family) {
        if (!RELATIONSHIPS.includes(m.relationship)) say('relationship');
        if (m.mother !== null && (family[m.mother]!.sex !== 'F' || family[m.mother]!.age - m.age < 16)) say('mother');
        if (m.age === 0 && m.mother === null) say('infant without mother');
      }
    }
    expect(problems.slice(0, 3)).toEqual([]);
  });
});

describe('PopulationGenerator', () => {
  const a = generate(11);

  it('is deterministic: the same seed gives the same people, another seed others', () => {
    const again = generate(11);
    expect(again.persons.map((p) => [p.nik, p.name, p.birthDate])).toEqual(a.persons.map((p) => [p.nik, p.name, p.birthDate]));
    expect(again.households.map((h) => h.kkNumber)).toEqual(a.households.map((h) => h.kkNumber));
    const other = generate(12);
    const same = other.persons.filter((p, i) => p.name === a.persons[i]?.name && p.birthDate === a.persons[i]?.birthDate).length;
    expect(same / other.persons.length).toBeLessThan(0.05);
  });

  it('follows the age pyramid within one percentage point per five-year group, and about 102 men per 100 women', () => {
    const source = groupShares();
    const ages = a.persons.map(ageOn);
    AGE_GROUPS.forEach((g, i) => {
      const share = ages.filter((x) => x >= g.from && x <= g.to).length / ages.length;
      expect(Math.abs(share - source[i]!) * 100, `${g.from}–${g.to}`).toBeLessThan(1);
    });
    const men = a.persons.filter((p) => p.sex === 'M').length;
    expect(men / (a.persons.length - men)).toBeGreaterThan(0.97);
    expect(men / (a.persons.length - men)).toBeLessThan(1.07);
  });

  it('gives valid, unique NIK, KK and JKN numbers; NIK problems are flagged, infants often have no NIK', () => {
    const niks = a.persons.filter((p) => p.nik !== null);
    expect(new Set(niks.map((p) => p.nik)).size).toBe(niks.length);
    const bad = niks.filter((p) => {
      const r = checkNik(p.nik!, { birthDate: p.birthDate, sex: p.sex }, ctx);
      const flagged = p.acceptedWarnings.map((w) => w.code).join();
      return r.errors.length > 0 || r.warnings.map((w) => w.code).join() !== flagged || !p.nik!.startsWith('740215');
    });
    expect(bad).toEqual([]);
    expect(niks.some((p) => p.acceptedWarnings.length > 0)).toBe(true);
    const infants = a.persons.filter((p) => daysBetween(p.birthDate, today) < 365);
    expect(infants.filter((p) => p.nik === null).length / infants.length).toBeGreaterThan(0.3);
    const kks = a.households.map((h) => h.kkNumber);
    expect(new Set(kks).size).toBe(kks.length);
    expect(kks.filter((kk) => checkKk(kk, ctx).errors.length + checkKk(kk, ctx).warnings.length > 0)).toEqual([]);
    const jkn = a.persons.flatMap((p) => (p.jknNumber ? [p.jknNumber] : []));
    expect(new Set(jkn).size).toBe(jkn.length);
    expect(jkn.every((j) => /^\d{13}$/.test(j))).toBe(true);
    expect(jkn.length / a.persons.length).toBeGreaterThan(0.8);
    const phones = a.persons.flatMap((p) => (p.phone ? [p.phone] : []));
    expect(phones.every((ph) => /^08\d{10,11}$/.test(ph))).toBe(true);
  });

  it('links children to mothers in the household, 15+ years older, and keeps siblings apart', () => {
    const byId = new Map(a.persons.map((p) => [p.id, p]));
    const linked = a.persons.filter((p) => p.motherId);
    const wrong = linked.filter((p) => {
      const m = byId.get(p.motherId!)!;
      return m.householdId !== p.householdId || addYears(m.birthDate, 15) > p.birthDate;
    });
    expect(wrong).toEqual([]);
    expect(linked.length / a.persons.length).toBeGreaterThan(0.4);
    const children = new Map<string, string[]>();
    for (const p of a.persons) if (p.motherId) children.set(p.motherId, [...(children.get(p.motherId) ?? []), p.birthDate]);
    const close: string[][] = [];
    for (const dates of children.values()) {
      const sorted = [...dates].sort();
      for (let i = 1; i < sorted.length; i++) if (daysBetween(sorted[i - 1]!, sorted[i]!) < 300) close.push(sorted);
    }
    expect(close).toEqual([]);
  });

  it('records current pregnancies at about Σ ASFR × 0.75 of married women 15–49', () => {
    const share = a.pregnancies.length / a.persons.length;
    expect(share).toBeGreaterThan(0.009);
    expect(share).toBeLessThan(0.017);
    const byId = new Map(a.persons.map((p) => [p.id, p]));
    for (const e of a.pregnancies) {
      const p = byId.get(e.personId)!;
      expect(p.sex).toBe('F');
      expect(['istri', 'menantu']).toContain(p.relationship);
      expect(ageOn(p)).toBeGreaterThanOrEqual(15);
      expect(ageOn(p)).toBeLessThanOrEqual(49);
      expect(e.lmp < e.registeredOn && e.registeredOn <= today).toBe(true);
      expect(daysBetween(e.lmp, today)).toBeLessThanOrEqual(40 * 7);
    }
  });

  it('marks a few people deceased or moved, with a date', () => {
    const gone = a.persons.filter((p) => p.status !== 'alive');
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.length / a.persons.length).toBeLessThan(0.02);
    for (const p of gone) {
      expect(p.statusDate! > p.birthDate && p.statusDate! <= today).toBe(true);
      if (p.status === 'deceased') expect(ageOn(p)).toBeGreaterThanOrEqual(60);
    }
  });
});
