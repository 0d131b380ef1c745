/** IDL and baduta-lengkap status (settings immunization.idlItems / badutaItems, ⚠ [verify]). */
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../protocol/settings-validate';
import { immunizationCoverage } from './coverage';
import type { ScheduleEvent } from './event';

const v = (code: string, date: string): ScheduleEvent => ({ id: `${code}-${date}`, system: 'antigen', code, date });
const child = { sex: 'M' as const, birthDate: '2024-01-10' };
const basic = [
  v('HB0', '2024-01-10'), v('BCG', '2024-01-25'), v('OPV', '2024-01-25'),
  v('DPT-HB-Hib', '2024-03-11'), v('OPV', '2024-03-11'), v('DPT-HB-Hib', '2024-04-11'), v('OPV', '2024-04-11'),
  v('DPT-HB-Hib', '2024-05-13'), v('OPV', '2024-05-13'), v('IPV', '2024-05-13'),
];

describe('immunization coverage', () => {
  it('IDL complete on time with MR1 before 12 months, late after', () => {
    const onTime = immunizationCoverage(child, [...basic, v('MR', '2025-01-09')], '2025-02-01');
    expect(onTime.idl).toEqual({ complete: true, completedOn: '2025-01-09', onTime: true, missing: [] });
    const late = immunizationCoverage(child, [...basic, v('MR', '2025-01-10')], '2025-02-01');
    expect(late.idl).toEqual({ complete: true, completedOn: '2025-01-10', onTime: false, missing: [] });
  });
  it('lists what is missing', () => {
    const c = immunizationCoverage(child, basic.filter((e) => e.code !== 'BCG'), '2025-02-01');
    expect(c.idl).toEqual({ complete: false, completedOn: null, onTime: false, missing: ['imm.bcg', 'imm.mr-1'] });
    expect(c.baduta.missing).toEqual(['imm.pcv-3', 'imm.dpt-hb-hib-4', 'imm.mr-2']);
  });
  it('baduta complete with PCV3, DPT-HB-Hib 4 and MR2 before 24 months', () => {
    const ev = [...basic, v('MR', '2024-10-15'), v('PCV', '2024-03-11'), v('PCV', '2024-04-11'), v('PCV', '2025-01-15'), v('DPT-HB-Hib', '2025-07-15'), v('MR', '2025-07-15')];
    expect(immunizationCoverage(child, ev, '2026-02-01').baduta).toEqual({ complete: true, completedOn: '2025-07-15', onTime: true, missing: [] });
  });
  it('follows the district definition', () => {
    const settings = resolveSettings({ immunization: { idlItems: ['imm.hb0', 'imm.bcg'] } }).settings;
    expect(immunizationCoverage(child, basic, '2024-03-01', settings).idl).toEqual({ complete: true, completedOn: '2024-01-25', onTime: true, missing: [] });
  });
});
