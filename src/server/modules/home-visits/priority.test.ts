import { describe, expect, it } from 'vitest';
import { personPriority, routeOrder } from './home-visits.service';

describe('personPriority (home-visit order within an urgency)', () => {
  it('puts mothers and newborns first, then infants and young children, then everyone else', () => {
    expect(personPriority(['hamil', 'wus', 'pus'])).toBe(1);
    expect(personPriority(['nifas', 'usia-produktif'])).toBe(1);
    expect(personPriority(['neonatus', 'bayi', 'baduta', 'balita'])).toBe(1);
    expect(personPriority(['bayi', 'baduta', 'balita'])).toBe(2);
    expect(personPriority(['balita', 'prasekolah'])).toBe(2);
    expect(personPriority(['prasekolah'])).toBe(3);
    expect(personPriority(['dewasa', 'lansia'])).toBe(3);
    expect(personPriority([])).toBe(3);
  });
});

describe('routeOrder', () => {
  it('puts urgent households first, then late services by priority (missed before overdue within one), absentees last', () => {
    const order = [
      { urgency: 1, priority: 3 }, { urgency: 2, priority: 1 }, { urgency: 3, priority: 1 }, { urgency: 2, priority: 2 },
      { urgency: 3, priority: 2 }, { urgency: 2, priority: 3 }, { urgency: 3, priority: 3 }, { urgency: 4, priority: 1 },
    ] as const;
    const keys = order.map((s) => routeOrder(s).join(','));
    expect(keys).toEqual([...keys].sort());
    // An overdue pregnant woman goes before an adult's missed yearly screening.
    expect(routeOrder({ urgency: 3, priority: 1 }).join(',') < routeOrder({ urgency: 2, priority: 3 }).join(',')).toBe(true);
  });
});
