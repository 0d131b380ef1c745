import { describe, expect, it } from 'vitest';
import { gestationBar } from './gestation-model';
import { TRIMESTER_LAST_DAY } from '../../core/protocol/pregnancy';

const slot = (slot: string, status: string, date: string | null) => ({
  slot, item: `anc.${slot.toLowerCase()}`, status, date, provider: null, eventId: null,
  window: { earliest: '2026-01-01', due: '2026-01-01', latest: '2026-01-01' },
}) as never;

describe('gestationBar', () => {
  // HPHT 1 Jan 2026, HPL 8 Oct 2026 (Naegele): 280 days.
  const p = { hpht: '2026-01-01', hpl: '2026-10-08', state: 'ongoing' as const, contacts: [slot('K1', 'done', '2026-03-12'), slot('K2', 'done', '2026-04-23'), slot('K3', 'due', null)] };

  it('splits HPHT→HPL at the trimester boundaries of core', () => {
    const b = gestationBar(p, '2026-07-16');
    expect(b.trimesters.map((t) => [t.n, +t.from.toFixed(1), +t.to.toFixed(1)])).toEqual([
      [1, 0, +((TRIMESTER_LAST_DAY.tm1 / 280) * 100).toFixed(1)],
      [2, +((TRIMESTER_LAST_DAY.tm1 / 280) * 100).toFixed(1), +((TRIMESTER_LAST_DAY.tm2 / 280) * 100).toFixed(1)],
      [3, +((TRIMESTER_LAST_DAY.tm2 / 280) * 100).toFixed(1), 100],
    ]);
    expect(b.marks.map((m) => m.weeks)).toEqual([12, 24]);
  });

  it('places today and the contacts done at their gestational age', () => {
    const b = gestationBar(p, '2026-07-16'); // day 196 = 28 weeks
    expect(b.today).toEqual({ pct: 70, weeks: 28 });
    expect(b.contacts).toEqual([
      { slot: 'K1', date: '2026-03-12', pct: 25, weeks: 10 },
      { slot: 'K2', date: '2026-04-23', pct: 40, weeks: 16 },
    ]);
  });

  it('has no today marker once the pregnancy is over, and keeps late dates at the end', () => {
    expect(gestationBar({ ...p, state: 'delivered' }, '2026-07-16').today).toBeNull();
    expect(gestationBar(p, '2026-10-20').today?.pct).toBe(100);
  });
});
