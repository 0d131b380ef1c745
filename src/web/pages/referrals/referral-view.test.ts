import { describe, expect, it } from 'vitest';
import { actionsFor, findingsFromRows, findingText, sideOf } from './referral-view';
import type { FacilityType } from '../../../core/facilities/types';

const fac = (id: string, type: FacilityType) => ({ id, name: id, type, areaCode: '74.02.15' });
const ref = (toType: FacilityType = 'puskesmas') => ({ from: fac('posy', 'posyandu'), to: fac('pkm', toType) });
const me = (id: string | null) => ({ facility: id ? { id, name: id, type: 'posyandu' as const } : null });

describe('referral sides and actions', () => {
  it('lets the receiving facility receive, handle and back-refer in status order', () => {
    const side = sideOf(me('pkm'), ref());
    expect(side).toEqual({ sender: false, receiver: true, onBehalf: false });
    expect(actionsFor('sent', side)).toEqual(['receive', 'handle', 'cancel', 'note']);
    expect(actionsFor('received', side)).toEqual(['handle', 'cancel', 'note']);
    expect(actionsFor('handled', side)).toEqual(['back_refer', 'note']);
    expect(actionsFor('back_referred', side)).toEqual(['note']);
  });

  it('lets the sender cancel an open referral and add notes, nothing of the receiver', () => {
    const side = sideOf(me('posy'), ref());
    expect(side.sender).toBe(true);
    expect(actionsFor('sent', side)).toEqual(['cancel', 'note']);
    expect(actionsFor('handled', side)).toEqual(['note']);
  });

  it('lets the sender record the answer of a hospital, which has no Siklus users', () => {
    const side = sideOf(me('posy'), ref('rumah_sakit'));
    expect(side).toEqual({ sender: true, receiver: true, onBehalf: true });
    expect(actionsFor('sent', side)).toContain('handle');
  });

  it('gives a user of neither facility no actions', () => {
    expect(actionsFor('sent', sideOf(me(null), ref()))).toEqual([]);
    expect(actionsFor('sent', sideOf(me('other'), ref()))).toEqual([]);
  });
});

describe('findings', () => {
  it('keeps filled rows, numbers as numbers (comma decimals too), text as text', () => {
    expect(findingsFromRows([
      { key: 'BB', value: '8,2' },
      { key: 'Tekanan darah', value: '150/95' },
      { key: ' ', value: 'x' },
      { key: 'Suhu', value: '' },
    ])).toEqual({ BB: 8.2, 'Tekanan darah': '150/95' });
    expect(findingsFromRows([{ key: '', value: '' }])).toBeNull();
  });

  it('reads values back as text', () => {
    const num = (n: number) => n.toLocaleString('id-ID');
    expect(findingText(8.2, 'ya', 'tidak', num)).toBe('8,2');
    expect(findingText(true, 'ya', 'tidak', num)).toBe('ya');
    expect(findingText(['batuk', 2], 'ya', 'tidak', num)).toBe('batuk, 2');
    expect(findingText(null, 'ya', 'tidak', num)).toBe('–');
  });
});
