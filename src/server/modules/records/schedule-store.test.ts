import { describe, expect, it } from 'vitest';
import type { StoredItem } from '../../../core/records/stored';
import { itemChanges, type StoredItemTuple } from './schedule-store';

const person = { id: 'p', sex: 'F' as const, birthDate: '2025-01-01', status: 'alive', areaCode: '74.02.02.1001.RW002.RT001', kabCode: '74.02' };
const item = (key: string, over: Partial<StoredItem> = {}): StoredItem => ({
  key, item: key, programme: 'immunization', earliest: '2025-03-01', due: '2025-03-01', latest: '2025-12-31', state: 'open',
  doneEventId: null, doneOn: null, dose: 1, period: null, ...over,
});
const tuple = (i: StoredItem, area = person.areaCode): StoredItemTuple =>
  [i.key, i.item, i.programme, i.earliest, i.due, i.latest, i.state, i.doneEventId, i.doneOn, i.dose, i.period, person.kabCode, area];

describe('itemChanges', () => {
  it('sends the new and changed items and the keys no longer derived, nothing for an unchanged item', () => {
    const same = item('a');
    const before = item('b');
    const after = item('b', { state: 'done', doneOn: '2025-03-02', doneEventId: 'E0F1A2B3-0000-4000-8000-000000000001' });
    const r = itemChanges(person, [same, after, item('c')], [tuple(same), tuple(before), tuple(item('old'))]);
    expect(r.changed.map((i) => i.key)).toEqual(['b', 'c']);
    expect(r.gone).toEqual(['old']);
  });

  it('compares ids in lower case (the database stores uuids so) and notices every field and a moved person', () => {
    const done = item('a', { state: 'done', doneOn: '2025-03-02', doneEventId: 'E0F1A2B3-0000-4000-8000-000000000001' });
    const stored = tuple({ ...done, doneEventId: done.doneEventId!.toLowerCase() });
    expect(itemChanges(person, [done], [stored]).changed).toEqual([]);
    const fields: Array<Partial<StoredItem>> = [{ item: 'x' }, { programme: 'x' }, { earliest: '2025-03-02' }, { due: '2025-03-02' }, { latest: '2026-01-01' },
      { state: 'unreachable' }, { doneEventId: 'e0f1a2b3-0000-4000-8000-000000000002' }, { doneOn: '2025-03-03' }, { dose: 2 }, { period: '2025-03' }];
    for (const f of fields) expect(itemChanges(person, [{ ...done, ...f }], [stored]).changed, JSON.stringify(f)).toHaveLength(1);
    expect(itemChanges(person, [done], [tuple(done, '74.02.02.1001.RW001.RT001')]).changed).toHaveLength(1);
  });
});
