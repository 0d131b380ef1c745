import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../core/protocol/settings';
import { itemLabel, periodWords } from './schedule-view';

describe('item labels with their period', () => {
  it('says a month in words in the user language, and keeps a year as it is', () => {
    expect(periodWords('2026-03', 'id')).toBe('Maret 2026');
    expect(periodWords('2026-03', 'en')).toBe('March 2026');
    expect(periodWords('2026', 'id')).toBe('2026');
  });
  it('adds the period to a recurring item and leaves other periods (school years) out', () => {
    const monthly = itemLabel(DEFAULT_SETTINGS, 'growth.weighing', 'id', '2026-11');
    expect(monthly).toMatch(/ · November 2026$/);
    expect(itemLabel(DEFAULT_SETTINGS, 'growth.weighing', 'id', 'SY2025')).not.toContain('SY2025');
  });
});
