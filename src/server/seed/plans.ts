/**
 * Where generated data goes: the demo network of the two pilot districts
 * (the Puskesmas named in the ILP news, docs/reference/ilp-domain.md §10) and
 * the whole-kabupaten plan used for benchmarks.
 */
import type { Database } from '../db/client';
import { KONAWE_MIX, PONTIANAK_MIX } from './cultures';
import type { NetworkPlan, PopulatedVillage, PuskesmasPlan } from './network';
import type { RegionProfile } from './population';
import type { Random } from './random';

export interface AreaListing {
  kab: { code: string; name: string };
  districts: { code: string; name: string }[];
  villages: { code: string; name: string; districtCode: string }[];
}

/** The kecamatan and desa/kelurahan of a kabupaten/kota, as imported. */
export async function listArea(database: Database, kabCode: string): Promise<AreaListing> {
  const rows = await database.query<{ code: string; name: string; level: string; parent_code: string }>(
    `SELECT code, name, level, parent_code FROM area WHERE kab_code = $1 AND level IN ('regency', 'district', 'village') ORDER BY code`,
    [kabCode],
  );
  const kab = rows.find((r) => r.level === 'regency');
  if (!kab) throw new RangeError(`kabupaten/kota ${kabCode} is not in the area table`);
  return {
    kab: { code: kab.code, name: kab.name },
    districts: rows.filter((r) => r.level === 'district').map((r) => ({ code: r.code, name: r.name })),
    villages: rows.filter((r) => r.level === 'village').map((r) => ({ code: r.code, name: r.name, districtCode: r.parent_code })),
  };
}

const KONAWE_STREETS = [
  'Jl. Poros Unaaha–Kendari', 'Jl. Sapati', 'Jl. Inolobunggadue', 'Jl. Pramuka', 'Jl. Lasandara', 'Jl. Mekongga', 'Jl. Ahmad Yani',
  'Jl. Tebau', 'Lorong Sejahtera', 'Lorong Damai', 'Jl. Pendidikan', 'Jl. Poros Desa',
];
const PONTIANAK_STREETS = [
  'Jl. Khatulistiwa', 'Jl. Gusti Situt Mahmud', 'Jl. Selat Panjang', 'Jl. Budi Utomo', 'Jl. 28 Oktober', 'Jl. Parit Pangeran',
  'Jl. Kebangkitan Nasional', 'Gg. Sepakat', 'Gg. Family', 'Gg. Mawar', 'Jl. Sungai Selamat', 'Gg. Persatuan',
];

/** Names, streets and birth places per kabupaten/kota; other districts get a neutral mix. */
export function regionProfile(kab: { code: string; name: string }): RegionProfile {
  if (kab.code === '74.02') return { mix: KONAWE_MIX, streets: KONAWE_STREETS, birthPlaces: ['Unaaha', 'Konawe', 'Kendari'] };
  if (kab.code === '61.71') return { mix: PONTIANAK_MIX, streets: PONTIANAK_STREETS, birthPlaces: ['Pontianak'] };
  const town = kab.name.replace(/^(Kabupaten|Kota)( Administrasi)? /, '');
  return {
    mix: { jawa: 0.4, bugis: 0.2, melayu: 0.4 },
    streets: ['Jl. Merdeka', 'Jl. Jenderal Sudirman', 'Jl. Diponegoro', 'Jl. Pahlawan', 'Gg. Sejahtera', 'Jl. Pendidikan'],
    birthPlaces: [town],
  };
}

/**
 * Spreads `total` people over villages with realistic variation: log-normal
 * weights (σ 0.5) and kelurahan (urban) about 1.6 times as populous as a desa
 * (design numbers, approximate). Every village gets at least 3 people (one
 * family) and the sum is exactly `total`.
 */
export function spreadPeople(rng: Random, villages: readonly { code: string; name: string }[], total: number): PopulatedVillage[] {
  if (total < 3 * villages.length) throw new RangeError(`${total} people are too few for ${villages.length} villages (at least 3 each)`);
  const weights = villages.map((v) => Math.exp(rng.normal(0, 0.5)) * (v.code[9] === '1' ? 1.6 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - 3 * villages.length;
  const people = weights.map((w) => 3 + Math.floor((spare * w) / sum));
  let left = total - people.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % people.length, left--) people[i]! += 1;
  return villages.map((v, i) => ({ code: v.code, name: v.name, people: people[i]! }));
}

/** A Puskesmas per kecamatan serving all its desa/kelurahan, and people in every village. */
export function kabupatenPlan(rng: Random, listing: AreaListing, people: number): NetworkPlan {
  const puskesmas: PuskesmasPlan[] = listing.districts.map((d) => ({
    name: `Puskesmas ${d.name}`,
    districtCode: d.code,
    workArea: listing.villages.filter((v) => v.districtCode === d.code).map((v) => v.code),
  }));
  return {
    kabCode: listing.kab.code,
    dinkesName: `Dinas Kesehatan ${listing.kab.name}`,
    hospital: { name: `RSUD ${listing.kab.name.replace(/^(Kabupaten|Kota) /, '')}`, areaCode: listing.kab.code },
    puskesmas,
    populated: spreadPeople(rng, listing.villages, people),
  };
}

/** The kecamatan whose people the demo generates. */
export const DEMO_KECAMATAN = { konawe: '74.02.15', pontianak: '61.71.04' } as const;

/**
 * Konawe in the demo: the ILP kick-off was in Kelurahan Mekar Sari,
 * Kecamatan Tongauna (6 Dec 2024). Puskesmas Tongauna serves the kecamatan's
 * 10 desa/kelurahan; RSUD Konawe is the referral hospital.
 */
export function konaweDemoPlan(rng: Random, listing: AreaListing, people: number): NetworkPlan {
  const tongauna = listing.villages.filter((v) => v.districtCode === DEMO_KECAMATAN.konawe);
  if (tongauna.length === 0) throw new RangeError('Kecamatan Tongauna (74.02.15) is not in the area table');
  return {
    kabCode: '74.02',
    dinkesName: `Dinas Kesehatan ${listing.kab.name}`,
    hospital: { name: 'RSUD Konawe', areaCode: '74.02' },
    puskesmas: [{ name: 'Puskesmas Tongauna', districtCode: DEMO_KECAMATAN.konawe, workArea: tongauna.map((v) => v.code) }],
    populated: spreadPeople(rng, tongauna, people),
  };
}

/**
 * Pontianak in the demo: the six Puskesmas of the ILP news (Tanjung Hulu,
 * Telaga Biru and Siantan Hulu inaugurated; Paris II, Kom Yos Sudarso and
 * Siantan Tengah planned for 2025). Each stands in its kecamatan. Their work
 * areas are DEMO DATA: the kelurahan each serves is not confirmed in the
 * sources (ilp-domain.md §10.2 and §12 item 9), so the lists below are
 * plausible choices — Pontianak Utara's four kelurahan split among its
 * three Puskesmas, the others given the kelurahan their names or streets
 * suggest. RSUD Sultan Syarif Mohamad Alkadrie is the referral hospital.
 */
const PONTIANAK_PUSKESMAS: readonly PuskesmasPlan[] = [
  { name: 'Puskesmas Siantan Hulu', districtCode: '61.71.04', workArea: ['61.71.04.1001'] },
  { name: 'Puskesmas Siantan Tengah', districtCode: '61.71.04', workArea: ['61.71.04.1002', '61.71.04.1003'] },
  { name: 'Puskesmas Telaga Biru', districtCode: '61.71.04', workArea: ['61.71.04.1004'] },
  { name: 'Puskesmas Tanjung Hulu', districtCode: '61.71.02', workArea: ['61.71.02.1004', '61.71.02.1005'] },
  { name: 'Puskesmas Kom Yos Sudarso', districtCode: '61.71.03', workArea: ['61.71.03.1003'] },
  // "Paris II" is Parit H. Husin II, on the street of that name in Bangka Belitung Darat.
  { name: 'Puskesmas Paris II', districtCode: '61.71.06', workArea: ['61.71.06.1004', '61.71.06.1002'] },
];

export function pontianakDemoPlan(rng: Random, listing: AreaListing, people: number): NetworkPlan {
  const known = new Set(listing.villages.map((v) => v.code));
  for (const p of PONTIANAK_PUSKESMAS) {
    for (const v of p.workArea) if (!known.has(v)) throw new RangeError(`${p.name}: kelurahan ${v} is not in the area table`);
  }
  const utara = listing.villages.filter((v) => v.districtCode === DEMO_KECAMATAN.pontianak);
  return {
    kabCode: '61.71',
    dinkesName: `Dinas Kesehatan ${listing.kab.name}`,
    hospital: { name: 'RSUD Sultan Syarif Mohamad Alkadrie', areaCode: '61.71' },
    puskesmas: PONTIANAK_PUSKESMAS,
    populated: spreadPeople(rng, utara, people),
  };
}
