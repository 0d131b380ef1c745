import { describe, expect, it } from 'vitest';
import { FACILITY_TYPES, type FacilityType } from '../../../core/facilities/types';
import { checkTarget, DEFAULT_REFERRAL_SETTINGS, dueByFor, isOverdue, REFERRAL_LEVEL, TRANSITIONS } from './referral-rules';

const f = (type: FacilityType, id: string = type) => ({ id, type });

describe('referral rules', () => {
  it('allows up and horizontal, refuses down, self and the health office', () => {
    expect(checkTarget(f('posyandu'), f('pustu'))).toBe('ok');
    expect(checkTarget(f('posyandu'), f('rumah_sakit'))).toBe('ok');
    expect(checkTarget(f('puskesmas', 'a'), f('puskesmas', 'b'))).toBe('ok');
    expect(checkTarget(f('puskesmas'), f('klinik_pratama'))).toBe('ok');
    expect(checkTarget(f('klinik_pratama'), f('puskesmas'))).toBe('ok');
    expect(checkTarget(f('puskesmas'), f('pustu'))).toBe('referral_target_level');
    expect(checkTarget(f('rumah_sakit'), f('puskesmas'))).toBe('referral_target_level');
    expect(checkTarget(f('pustu'), f('pustu'))).toBe('referral_same_facility');
    expect(checkTarget(f('pustu'), f('dinkes'))).toBe('referral_facility_type');
    expect(checkTarget(f('dinkes'), f('puskesmas'))).toBe('referral_facility_type');
    // Every facility type has a level decision.
    expect(Object.keys(REFERRAL_LEVEL).sort()).toEqual([...FACILITY_TYPES].sort());
  });

  it('due dates per urgency and overdue only while open, after the due date', () => {
    expect(dueByFor('2025-08-30', 'emergency', DEFAULT_REFERRAL_SETTINGS)).toBe('2025-08-30');
    expect(dueByFor('2025-08-30', 'urgent', DEFAULT_REFERRAL_SETTINGS)).toBe('2025-09-02');
    expect(dueByFor('2025-08-30', 'routine', DEFAULT_REFERRAL_SETTINGS)).toBe('2025-09-13');
    expect(isOverdue({ status: 'sent', dueBy: '2025-08-30' }, '2025-08-30')).toBe(false);
    expect(isOverdue({ status: 'received', dueBy: '2025-08-30' }, '2025-08-31')).toBe(true);
    expect(isOverdue({ status: 'handled', dueBy: '2025-08-30' }, '2025-09-30')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueBy: '2025-08-30' }, '2025-09-30')).toBe(false);
  });

  it('a closed referral takes no further status step', () => {
    for (const t of Object.values(TRANSITIONS)) {
      expect(t.from).not.toContain('back_referred');
      expect(t.from).not.toContain('cancelled');
    }
  });
});
