import { describe, expect, it } from 'vitest';
import { inScope, isNavigable, isScopeAncestor, narrowTo } from './scope';

describe('scope', () => {
  const kader = { codes: ['74.02.15.1005.RW001'] };
  const puskesmas = { codes: ['74.02.15.1001', '74.02.15.1005'] };
  it('contains its subtree only', () => {
    expect(inScope(kader, '74.02.15.1005.RW001.RT002')).toBe(true);
    expect(inScope(kader, '74.02.15.1005.RW002')).toBe(false);
    expect(inScope(kader, '74.02.15.1005')).toBe(false);
    expect(inScope(puskesmas, '74.02.15.1005.RW009')).toBe(true);
    expect(inScope({ codes: ['ID'] }, '61.71.04.1001')).toBe(true);
  });
  it('lets users navigate down through ancestors', () => {
    expect(isScopeAncestor(kader, '74.02')).toBe(true);
    expect(isScopeAncestor(kader, '74.02.15.1005.RW001')).toBe(false);
    expect(isNavigable(kader, '74.02.15.1005')).toBe(true);
    expect(isNavigable(kader, '74.02.15.1004')).toBe(false);
  });
  it('narrows an area to the scoped parts inside it', () => {
    expect(narrowTo(puskesmas, '74.02.15')).toEqual(['74.02.15.1001', '74.02.15.1005']);
    expect(narrowTo(puskesmas, '74.02.15.1005.RW001')).toEqual(['74.02.15.1005.RW001']);
    expect(narrowTo(kader, '61.71')).toEqual([]);
  });
});
