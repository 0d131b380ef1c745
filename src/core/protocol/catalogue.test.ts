/** Integrity of the protocol data: ids, sources, codes, settings, gates. */
import { describe, expect, it } from 'vitest';
import { CONCEPTS } from '../codes/concepts';
import { codesFor } from '../codes/registry';
import { PROGRAMMES, catalogue, itemById } from './catalogue';
import { DEFAULT_SETTINGS, SETTING_INFO } from './settings';

const items = catalogue();
const settingAt = (path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), DEFAULT_SETTINGS);

describe('the protocol catalogue', () => {
  it('has unique ids in known programmes', () => {
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const programmes = new Set(PROGRAMMES.map((p) => p.id));
    for (const i of items) expect(programmes.has(i.programme), i.id).toBe(true);
    for (const p of PROGRAMMES) expect(items.some((i) => i.programme === p.id), p.id).toBe(true);
  });
  it('cites a source for every item, with labels in both languages', () => {
    for (const i of items) {
      expect(i.sources.length, i.id).toBeGreaterThan(0);
      expect(i.label.id && i.label.en && i.who.id && i.who.en, i.id).toBeTruthy();
    }
  });
  it('recognises every concept it matches with at least one code', () => {
    for (const i of items) for (const g of i.match) for (const c of g.concepts) {
      expect(CONCEPTS[c], `${i.id}: ${c}`).toBeDefined();
      expect(codesFor(c).length, `${i.id}: ${c}`).toBeGreaterThan(0);
    }
  });
  it('names only settings that exist, gates only boolean settings', () => {
    for (const i of items) {
      for (const p of i.settings ?? []) expect(settingAt(p), `${i.id}: ${p}`).not.toBeUndefined();
      if (i.gate) expect(typeof settingAt(i.gate), `${i.id}: ${i.gate}`).toBe('boolean');
    }
  });
  it('makes every unconfirmed fact a district setting', () => {
    for (const i of items) {
      if (i.sources.some((s) => s.unconfirmed)) expect(i.settings?.length, i.id).toBeGreaterThan(0);
    }
  });
  it('documents every setting with a source', () => {
    const walk = (v: unknown, path: string): string[] =>
      v && typeof v === 'object' && !Array.isArray(v) && path !== 'windowOverrides' && path !== 'immunization.catchUpBeforeMonths'
        ? Object.entries(v).flatMap(([k, x]) => walk(x, path ? `${path}.${k}` : k)) : [path];
    for (const p of walk(DEFAULT_SETTINGS, '')) {
      expect(SETTING_INFO[p], p).toBeDefined();
      expect(SETTING_INFO[p]!.sources.length, p).toBeGreaterThan(0);
    }
  });
  it('has one dose item per row of KMK Tabel 7–8 in dose order', () => {
    const doses = items.filter((i) => i.timing.kind === 'dose' && i.id.startsWith('imm.') && !i.id.startsWith('imm.td'));
    expect(doses.map((i) => i.id)).toEqual([
      'imm.hb0', 'imm.bcg', 'imm.opv-1', 'imm.dpt-hb-hib-1', 'imm.opv-2', 'imm.rv-1', 'imm.pcv-1', 'imm.dpt-hb-hib-2', 'imm.opv-3',
      'imm.rv-2', 'imm.pcv-2', 'imm.dpt-hb-hib-3', 'imm.opv-4', 'imm.rv-3', 'imm.ipv-1', 'imm.mr-1', 'imm.ipv-2', 'imm.je', 'imm.pcv-3',
      'imm.dpt-hb-hib-4', 'imm.mr-2',
    ]);
    expect(itemById('imm.dpt-hb-hib-4')?.timing).toMatchObject({ after: { dose: 3, minInterval: { months: 12 } } });
    expect(itemById('imm.mr-2')?.timing).toMatchObject({ after: { dose: 1, minInterval: { months: 6 } } });
    expect(itemById('imm.pcv-3')?.timing).toMatchObject({ after: { dose: 2, minInterval: { weeks: 8 } } });
  });
});
