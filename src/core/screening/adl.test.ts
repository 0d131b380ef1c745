import { describe, expect, it } from 'vitest';
import { scoreAdl } from './adl';
import { band, issues } from './scored.testing';

describe('ADL (Barthel)', () => {
  it('bands each edge: 20/19, 12/11, 9/8, 5/4', () => {
    const cases: Array<[number, string, string]> = [
      [20, 'independent', 'A'], [19, 'mild', 'B'], [12, 'mild', 'B'], [11, 'moderate', 'B'], [9, 'moderate', 'B'],
      [8, 'severe', 'C'], [5, 'severe', 'C'], [4, 'total', 'C'], [0, 'total', 'C'],
    ];
    for (const [total, b, grade] of cases) {
      const r = scoreAdl({ total });
      expect(band(r), String(total)).toBe(b);
      expect(r.ok && r.result.details?.grade).toBe(grade);
    }
  });
  it('sums the ten items and checks each item maximum', () => {
    const items = { bowel: 2, bladder: 2, grooming: 1, toilet: 2, feeding: 2, transfer: 3, mobility: 3, dressing: 2, stairs: 2, bathing: 1 };
    const r = scoreAdl({ items });
    expect(r.ok && r.result.score).toBe(20);
    expect(band(scoreAdl({ items: { ...items, transfer: 0, mobility: 0, stairs: 0 } }))).toBe('mild'); // 12
    expect(issues(scoreAdl({ items: { ...items, grooming: 2 } }))[0]).toMatchObject({ code: 'out_of_range', field: 'items.grooming' });
    expect(issues(scoreAdl({ total: 21 }))[0]).toMatchObject({ code: 'out_of_range', field: 'total' });
    expect(issues(scoreAdl({ total: 10.5 }))[0]).toMatchObject({ code: 'invalid', field: 'total' });
  });
});
