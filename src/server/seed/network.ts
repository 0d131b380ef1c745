/**
 * The ILP network of a kabupaten/kota as data (KMK 2015/2023 Bab II): the
 * Dinas Kesehatan, a referral hospital, Puskesmas with explicit work areas
 * (lists of desa/kelurahan; a kecamatan may have several), a Pustu in every
 * populated desa/kelurahan, and below it dusun (desa) or RW (kelurahan) with
 * their RT, each dusun/RW with one Posyandu under the village's Pustu.
 */
import { subVillageCode, villageKind } from '../../core/areas/codes';
import type { FacilityType } from '../../core/facilities/types';
import type { Database } from '../db/client';
import type { Random } from './random';

export interface PuskesmasPlan {
  name: string;
  /** the kecamatan it stands in */
  districtCode: string;
  /** its wilayah kerja: desa/kelurahan codes */
  workArea: readonly string[];
}

export interface PopulatedVillage {
  code: string;
  name: string;
  people: number;
}

export interface NetworkPlan {
  kabCode: string;
  dinkesName: string;
  hospital: { name: string; areaCode: string } | null;
  puskesmas: readonly PuskesmasPlan[];
  /** villages that get a Pustu, dusun/RW and RT, Posyandu, and people */
  populated: readonly PopulatedVillage[];
}

export interface SubVillageRow {
  code: string;
  parentCode: string;
  level: 'dusun' | 'rw' | 'rt';
  name: string;
  kabCode: string;
}

export interface FacilityRow {
  id: string;
  kabCode: string;
  type: FacilityType;
  name: string;
  areaCode: string;
  parentId: string | null;
  address: string | null;
}

export interface CoverageRow {
  facilityId: string;
  areaCode: string;
  facilityType: FacilityType;
  kabCode: string;
}

export interface VillageNetwork {
  code: string;
  name: string;
  people: number;
  pustuId: string;
  /** RT codes where households live */
  homes: string[];
  posyandu: { id: string; name: string; unitCode: string }[];
}

export interface BuiltNetwork {
  kabCode: string;
  dinkesId: string;
  hospitalId: string | null;
  puskesmas: { id: string; name: string; districtCode: string; workArea: readonly string[] }[];
  villages: VillageNetwork[];
  areas: SubVillageRow[];
  facilities: FacilityRow[];
  coverage: CoverageRow[];
}

/**
 * Posyandu are usually named after flowers (Mawar, Melati, Anggrek…); the
 * list is long enough to keep names unique within a desa/kelurahan.
 */
const POSYANDU_NAMES = [
  'Mawar', 'Melati', 'Anggrek', 'Kenanga', 'Dahlia', 'Flamboyan', 'Teratai', 'Cempaka', 'Seroja', 'Bougenville',
  'Nusa Indah', 'Kemuning', 'Asoka', 'Matahari', 'Kamboja', 'Tulip', 'Melur', 'Lavender', 'Sakura', 'Edelweis',
];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

/**
 * How many dusun or RW a village has and how many RT each: a handful, scaled
 * to the population (design numbers: a dusun of ~350 people, an RW of ~700,
 * an RT of ~180; at least 2 units and 1–2 RT each).
 */
export function subVillageShape(kind: 'desa' | 'kelurahan', people: number): { units: number; rtPerUnit: number } {
  if (kind === 'desa') {
    const units = clamp(Math.round(people / 350), 2, 6);
    return { units, rtPerUnit: clamp(Math.round(people / units / 180), 1, 5) };
  }
  const units = clamp(Math.round(people / 700), 2, 15);
  return { units, rtPerUnit: clamp(Math.round(people / units / 180), 2, 8) };
}

export function buildNetwork(rng: Random, plan: NetworkPlan, existingDinkesId: string | null = null): BuiltNetwork {
  const kab = plan.kabCode;
  const facilities: FacilityRow[] = [];
  const coverage: CoverageRow[] = [];
  const areas: SubVillageRow[] = [];

  const dinkesId = existingDinkesId ?? rng.uuid();
  if (!existingDinkesId) {
    facilities.push({ id: dinkesId, kabCode: kab, type: 'dinkes', name: plan.dinkesName, areaCode: kab, parentId: null, address: null });
    coverage.push({ facilityId: dinkesId, areaCode: kab, facilityType: 'dinkes', kabCode: kab });
  }
  let hospitalId: string | null = null;
  if (plan.hospital) {
    hospitalId = rng.uuid();
    facilities.push({ id: hospitalId, kabCode: kab, type: 'rumah_sakit', name: plan.hospital.name, areaCode: plan.hospital.areaCode, parentId: dinkesId, address: null });
  }

  const puskesmasOf = new Map<string, string>();
  const puskesmas: BuiltNetwork['puskesmas'] = [];
  for (const p of plan.puskesmas) {
    const id = rng.uuid();
    puskesmas.push({ id, name: p.name, districtCode: p.districtCode, workArea: p.workArea });
    facilities.push({ id, kabCode: kab, type: 'puskesmas', name: p.name, areaCode: p.districtCode, parentId: dinkesId, address: null });
    for (const v of p.workArea) {
      if (puskesmasOf.has(v)) throw new RangeError(`desa/kelurahan ${v} is in two Puskesmas work areas`);
      if (!v.startsWith(`${p.districtCode}.`)) throw new RangeError(`${p.name}: ${v} is not in kecamatan ${p.districtCode}`);
      puskesmasOf.set(v, id);
      coverage.push({ facilityId: id, areaCode: v, facilityType: 'puskesmas', kabCode: kab });
    }
  }

  const villages: VillageNetwork[] = [];
  for (const v of plan.populated) {
    const kind = villageKind(v.code);
    if (!kind) throw new RangeError(`not a desa/kelurahan code: ${v.code}`);
    const parent = puskesmasOf.get(v.code);
    if (!parent) throw new RangeError(`desa/kelurahan ${v.code} (${v.name}) is in no Puskesmas work area`);
    const label = kind === 'desa' ? 'Desa' : 'Kelurahan';
    const pustuId = rng.uuid();
    facilities.push({ id: pustuId, kabCode: kab, type: 'pustu', name: `Pustu ${v.name}`, areaCode: v.code, parentId: parent, address: `${label} ${v.name}` });
    coverage.push({ facilityId: pustuId, areaCode: v.code, facilityType: 'pustu', kabCode: kab });

    const { units, rtPerUnit } = subVillageShape(kind, v.people);
    const homes: string[] = [];
    const posyandu: VillageNetwork['posyandu'] = [];
    const names = [...POSYANDU_NAMES];
    for (let u = 1; u <= units; u++) {
      const level = kind === 'desa' ? 'dusun' : 'rw';
      const unitCode = subVillageCode(v.code, level, u);
      const unitName = level === 'dusun' ? `Dusun ${ROMAN[u - 1]}` : `RW ${String(u).padStart(3, '0')}`;
      areas.push({ code: unitCode, parentCode: v.code, level, name: unitName, kabCode: kab });
      // Some units are a little larger than others.
      const rts = clamp(rtPerUnit + (rng.chance(0.3) ? 1 : 0) - (rtPerUnit > 1 && rng.chance(0.2) ? 1 : 0), 1, 9);
      for (let r = 1; r <= rts; r++) {
        const rt = subVillageCode(unitCode, 'rt', r);
        areas.push({ code: rt, parentCode: unitCode, level: 'rt', name: `RT ${String(r).padStart(3, '0')}`, kabCode: kab });
        homes.push(rt);
      }
      const flower = names.splice(rng.int(0, names.length - 1), 1)[0]!;
      const id = rng.uuid();
      const name = `Posyandu ${flower}`;
      posyandu.push({ id, name, unitCode });
      facilities.push({ id, kabCode: kab, type: 'posyandu', name, areaCode: unitCode, parentId: pustuId, address: `${unitName}, ${label} ${v.name}` });
      coverage.push({ facilityId: id, areaCode: unitCode, facilityType: 'posyandu', kabCode: kab });
    }
    villages.push({ code: v.code, name: v.name, people: v.people, pustuId, homes, posyandu });
  }
  return { kabCode: kab, dinkesId, hospitalId, puskesmas, villages, areas, facilities, coverage };
}

/** Writes the network's sub-village areas, facilities and coverage with COPY. */
export async function writeNetwork(database: Database, built: BuiltNetwork): Promise<void> {
  await database.copyRows('area', ['code', 'parent_code', 'level', 'name', 'kab_code'],
    built.areas.map((a) => [a.code, a.parentCode, a.level, a.name, a.kabCode]));
  await database.copyRows('facility', ['id', 'kab_code', 'type', 'name', 'area_code', 'parent_id', 'address'],
    built.facilities.map((f) => [f.id, f.kabCode, f.type, f.name, f.areaCode, f.parentId, f.address]));
  await database.copyRows('facility_coverage', ['facility_id', 'area_code', 'facility_type', 'kab_code'],
    built.coverage.map((c) => [c.facilityId, c.areaCode, c.facilityType, c.kabCode]));
}
