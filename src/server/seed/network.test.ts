import { describe, expect, it } from 'vitest';
import { levelOf } from '../../core/areas/codes';
import { buildNetwork, subVillageShape, type NetworkPlan } from './network';
import { Random } from './random';

const plan: NetworkPlan = {
  kabCode: '74.02',
  dinkesName: 'Dinas Kesehatan Kabupaten Konawe',
  hospital: { name: 'RSUD Konawe', areaCode: '74.02' },
  puskesmas: [{ name: 'Puskesmas Tongauna', districtCode: '74.02.15', workArea: ['74.02.15.1005', '74.02.15.2006'] }],
  populated: [
    { code: '74.02.15.1005', name: 'Mekar Sari', people: 3000 },
    { code: '74.02.15.2006', name: 'Lalonggowuna', people: 900 },
  ],
};

describe('buildNetwork', () => {
  const built = buildNetwork(new Random(1), plan);

  it('builds Dinkes → Puskesmas → Pustu → Posyandu with coverage at the right levels', () => {
    const byType = (t: string) => built.facilities.filter((f) => f.type === t);
    expect(byType('dinkes')).toHaveLength(1);
    expect(byType('rumah_sakit')).toHaveLength(1);
    const [pkm] = byType('puskesmas');
    expect(pkm!.parentId).toBe(built.dinkesId);
    expect(built.coverage.filter((c) => c.facilityId === pkm!.id).map((c) => c.areaCode)).toEqual(['74.02.15.1005', '74.02.15.2006']);
    for (const pustu of byType('pustu')) {
      expect(pustu.parentId).toBe(pkm!.id);
      expect(built.coverage.filter((c) => c.facilityId === pustu.id).map((c) => c.areaCode)).toEqual([pustu.areaCode]);
    }
    for (const v of built.villages) {
      const names = v.posyandu.map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
      for (const p of v.posyandu) {
        const f = built.facilities.find((x) => x.id === p.id)!;
        expect(f.parentId).toBe(v.pustuId);
        expect(levelOf(p.unitCode)).toBe(v.code[9] === '1' ? 'rw' : 'dusun');
        expect(built.coverage.filter((c) => c.facilityId === p.id).map((c) => c.areaCode)).toEqual([p.unitCode]);
      }
      expect(v.homes.every((h) => levelOf(h) === 'rt' && h.startsWith(`${v.code}.`))).toBe(true);
    }
  });

  it('makes RW in a kelurahan and dusun in a desa, a handful each, scaled to the population', () => {
    expect(subVillageShape('kelurahan', 3000).units).toBe(4);
    expect(subVillageShape('desa', 900).units).toBe(3);
    expect(subVillageShape('desa', 20).units).toBe(2);
    expect(subVillageShape('kelurahan', 100_000).units).toBe(15);
    const units = built.areas.filter((a) => a.level !== 'rt');
    expect(units.map((a) => a.code)).toEqual([
      '74.02.15.1005.RW001', '74.02.15.1005.RW002', '74.02.15.1005.RW003', '74.02.15.1005.RW004',
      '74.02.15.2006.DSN01', '74.02.15.2006.DSN02', '74.02.15.2006.DSN03',
    ]);
  });

  it('rejects a desa in two work areas, outside its kecamatan, or populated without a Puskesmas', () => {
    const twice = { ...plan, puskesmas: [...plan.puskesmas, { name: 'Puskesmas Lain', districtCode: '74.02.15', workArea: ['74.02.15.2006'] }] };
    expect(() => buildNetwork(new Random(1), twice)).toThrow(/two Puskesmas work areas/);
    const outside = { ...plan, puskesmas: [{ name: 'Puskesmas X', districtCode: '74.02.02', workArea: ['74.02.15.1005'] }] };
    expect(() => buildNetwork(new Random(1), outside)).toThrow(/not in kecamatan 74.02.02/);
    const orphan = { ...plan, populated: [...plan.populated, { code: '74.02.15.2007', name: 'Asao', people: 10 }] };
    expect(() => buildNetwork(new Random(1), orphan)).toThrow(/in no Puskesmas work area/);
  });
});
