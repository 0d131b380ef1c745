import { describe, expect, it } from 'vitest';
import { rng } from '../schedule/fixtures.testing';
import { addDays } from '../time/dates';
import { inDayRanges, multirangeLiteral, statusDays, SUMMARY_STATUSES } from './status-days';
import { STORED_HISTORY_DAYS, storedStatusOn, STORED_STATES, type StoredItem } from './stored';

const BASE = '2026-01-01';

function randomItem(r: () => number, k: number): StoredItem {
  const earliest = addDays(BASE, Math.floor(r() * 400) - 200);
  const due = addDays(earliest, Math.floor(r() * 40));
  const latest = addDays(due, Math.floor(r() * 60));
  const state = STORED_STATES[Math.floor(r() * STORED_STATES.length)]!;
  // Done before, inside or after the window, or (rarely) without a date.
  const doneOn = state === 'done' && r() > 0.1 ? addDays(earliest, Math.floor(r() * 120) - 30) : null;
  return { key: `k${k}`, item: 'x', programme: 'p', earliest, due, latest, state, doneEventId: null, doneOn, dose: null, period: null };
}

describe('statusDays', () => {
  it('lists a person on exactly the days one of their items has the status (storedStatusOn), at every window edge', () => {
    const r = rng(7);
    for (let n = 0; n < 400; n++) {
      const items = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, k) => randomItem(r, k));
      const days = statusDays(items);
      // Every edge of every item (a day either side), and random days.
      const probe = items.flatMap((i) => [i.earliest, i.due, i.latest, addDays(i.latest, STORED_HISTORY_DAYS), ...(i.doneOn ? [i.doneOn] : [])]
        .flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]));
      for (let k = 0; k < 10; k++) probe.push(addDays(BASE, Math.floor(r() * 1200) - 600));
      for (const on of probe) {
        for (const s of SUMMARY_STATUSES) {
          const want = items.some((i) => storedStatusOn(i, on) === s);
          expect(inDayRanges(days[s], on), `${s} on ${on} for ${JSON.stringify(items)}`).toBe(want);
        }
      }
    }
  });

  it('a due window: due from earliest to due, overdue to latest, missed for the stored history after, upcoming before', () => {
    const item: StoredItem = { key: 'a', item: 'x', programme: 'p', earliest: '2026-03-01', due: '2026-03-10', latest: '2026-04-30', state: 'open', doneEventId: null, doneOn: null, dose: null, period: null };
    expect(statusDays([item])).toEqual({
      upcoming: [[null, '2026-02-28']], due: [['2026-03-01', '2026-03-10']], overdue: [['2026-03-11', '2026-04-30']],
      missed: [['2026-05-01', addDays('2026-04-30', STORED_HISTORY_DAYS)]],
    });
    // Done on 5 March: open only on the days before.
    expect(statusDays([{ ...item, state: 'done', doneOn: '2026-03-05' }])).toEqual({ upcoming: [[null, '2026-02-28']], due: [['2026-03-01', '2026-03-04']], overdue: [], missed: [] });
    expect(statusDays([{ ...item, state: 'not_applicable' }])).toEqual({ upcoming: [], due: [], overdue: [], missed: [] });
    expect(statusDays([{ ...item, state: 'unreachable' }]).missed).toEqual([[null, addDays('2026-04-30', STORED_HISTORY_DAYS)]]);
  });

  it('merges overlapping and adjacent days into as few ranges as possible, in day order', () => {
    const item = (key: string, earliest: string, due: string, latest: string): StoredItem =>
      ({ key, item: 'x', programme: 'p', earliest, due, latest, state: 'open', doneEventId: null, doneOn: null, dose: null, period: null });
    const d = statusDays([item('b', '2026-03-11', '2026-03-20', '2026-03-25'), item('a', '2026-03-01', '2026-03-10', '2026-03-12'), item('c', '2026-06-01', '2026-06-02', '2026-06-03')]);
    expect(d.due).toEqual([['2026-03-01', '2026-03-20'], ['2026-06-01', '2026-06-02']]);
    expect(d.upcoming).toEqual([[null, '2026-05-31']]);
  });

  it('writes PostgreSQL multirange literals', () => {
    expect(multirangeLiteral([])).toBe('{}');
    expect(multirangeLiteral([['2026-01-01', '2026-01-31'], [null, '2025-12-01'], ['2027-01-01', null]])).toBe('{[2026-01-01,2026-01-31],(,2025-12-01],[2027-01-01,)}');
  });
});
