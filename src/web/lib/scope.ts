import { lineage } from '../../core/areas/codes';
import type { Me } from '../api/types';

/** The deepest area containing all of the user's scope: where pickers start. */
export function scopeRoot(me: Me): string {
  const codes = me.scope.length ? me.scope.map((s) => s.code) : [me.place.code];
  const chains = codes.map((c) => lineage(c));
  let common: string[] = chains[0] ?? ['ID'];
  for (const ch of chains.slice(1)) {
    let i = 0;
    while (i < common.length && i < ch.length && common[i] === ch[i]) i++;
    common = common.slice(0, i);
  }
  return common[common.length - 1] ?? 'ID';
}
