/** The Posyandu a user works with: a kader's own, or those in a bidan's (or higher) area. */
import { listFacilities } from '../../api/facilities';
import type { Me } from '../../api/types';

export interface PosyanduRef {
  id: string;
  name: string;
  areaCode: string;
}

export async function myPosyandus(me: Me): Promise<PosyanduRef[]> {
  if (me.facility?.type === 'posyandu') return [{ id: me.facility.id, name: me.facility.name, areaCode: me.place.code }];
  const r = await listFacilities({ type: 'posyandu', area: me.place.code });
  return r.items.map((f) => ({ id: f.id, name: f.name, areaCode: f.areaCode })).sort((a, b) => a.name.localeCompare(b.name));
}
