import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../protocol/settings-validate';
import type { PersonFacts } from './person';
import { lifeCycleOn } from './stages';

const ids = (p: PersonFacts, on: string, events?: Array<{ system: string; code: string; date: string }>) =>
  lifeCycleOn(p, on, events ? { events } : {}).stages.map((s) => s.id);

describe('life-cycle stages on a date', () => {
  it('a newborn is neonatus, bayi, baduta and balita; neonatus ends after day 28', () => {
    const baby = { sex: 'M' as const, birthDate: '2025-01-10' };
    expect(ids(baby, '2025-02-07')).toEqual(['neonatus', 'bayi', 'baduta', 'balita']);
    expect(ids(baby, '2025-02-08')).toEqual(['bayi', 'baduta', 'balita']);
    expect(lifeCycleOn(baby, '2025-01-10').stages[0]).toEqual({ id: 'neonatus', label: { id: 'Bayi baru lahir (neonatus)', en: 'Newborn' }, basis: 'age', since: '2025-01-10', until: '2025-02-07' });
  });
  it('bayi to 11 months, baduta to 23, balita to 59', () => {
    const c = { sex: 'F' as const, birthDate: '2020-03-15' };
    expect(ids(c, '2021-03-14')).toContain('bayi');
    expect(ids(c, '2021-03-15')).not.toContain('bayi');
    expect(ids(c, '2022-03-14')).toContain('baduta');
    expect(ids(c, '2022-03-15')).not.toContain('baduta');
    expect(ids(c, '2025-03-14')).toContain('balita');
    expect(ids(c, '2025-03-15')).toEqual(['prasekolah']);
  });
  it('stages overlap: remaja inside usia sekolah, usia produktif from 15', () => {
    expect(ids({ sex: 'M', birthDate: '2010-05-20' }, '2025-05-20')).toEqual(['usia-sekolah', 'remaja', 'usia-produktif']);
    expect(ids({ sex: 'F', birthDate: '2010-05-20' }, '2025-05-19')).toEqual(['usia-sekolah', 'remaja']);
    expect(ids({ sex: 'F', birthDate: '2010-05-20' }, '2025-05-20')).toEqual(['usia-sekolah', 'remaja', 'usia-produktif', 'wus']);
    expect(ids({ sex: 'M', birthDate: '2007-05-20' }, '2025-05-20')).toEqual(['usia-produktif', 'dewasa']);
    expect(ids({ sex: 'M', birthDate: '1965-05-20' }, '2025-05-19')).toEqual(['usia-produktif', 'dewasa']);
    expect(ids({ sex: 'M', birthDate: '1965-05-20' }, '2025-05-20')).toEqual(['lansia']);
  });
  it('WUS bounds follow the district setting', () => {
    const w = { sex: 'F' as const, birthDate: '1975-05-20' };
    expect(ids(w, '2025-05-19')).toContain('wus');
    expect(ids(w, '2025-05-20')).not.toContain('wus');
    const settings = resolveSettings({ wus: { ageTo: 55 } }).settings;
    expect(lifeCycleOn(w, '2025-05-20', { settings }).stages.map((s) => s.id)).toContain('wus');
  });
  it('pregnancy, delivery day and nifas to day 42', () => {
    const m: PersonFacts = { sex: 'F', birthDate: '1995-06-01', pregnancies: [{ id: 'g1', hpht: '2025-01-06', deliveredOn: '2025-09-22', outcome: 'live-birth' }] };
    const during = lifeCycleOn(m, '2025-05-01');
    expect(during.stages.map((s) => s.id)).toEqual(['usia-produktif', 'dewasa', 'wus', 'hamil']);
    expect(during.pregnancy).toMatchObject({ id: 'g1', state: 'ongoing', trimester: 2, gestationalAge: { weeks: 16, days: 3 } }); // 115 days
    expect(during.conditions).toEqual([{ kind: 'pregnant', label: { id: 'Hamil', en: 'Pregnant' }, since: '2025-01-06' }]);
    expect(ids(m, '2025-09-22')).toEqual(['usia-produktif', 'dewasa', 'wus', 'bersalin', 'nifas']);
    expect(ids(m, '2025-11-03')).toContain('nifas');
    expect(ids(m, '2025-11-04')).not.toContain('nifas');
    expect(lifeCycleOn(m, '2025-10-01').pregnancy).toMatchObject({ state: 'delivered', postpartumDay: 9 });
  });
  it('catin and PUS from registrations; HT/DM and TB from codes or facts', () => {
    const p: PersonFacts = { sex: 'F', birthDate: '1995-06-01', conditions: [{ kind: 'pus', from: '2020-01-01' }, { kind: 'tb-contact', from: '2025-01-01', to: '2025-03-01' }] };
    const s = lifeCycleOn(p, '2025-02-01', { events: [{ system: 'icd-10', code: 'E11.9', date: '2024-05-05' }] });
    expect(s.stages.map((x) => x.id)).toEqual(['usia-produktif', 'dewasa', 'wus', 'pus']);
    expect(s.conditions.map((c) => [c.kind, c.since, c.until])).toEqual([
      ['diabetes', '2024-05-05', undefined], ['pus', '2020-01-01', undefined], ['tb-contact', '2025-01-01', undefined],
    ]);
    expect(lifeCycleOn(p, '2025-03-02').conditions.map((c) => c.kind)).toEqual(['pus']);
  });
  it('reports invalid facts', () => {
    expect(lifeCycleOn({ sex: 'F', birthDate: '2025-02-30' }, '2025-03-01').issues).toEqual([{ code: 'invalid_date', field: 'birthDate' }]);
  });
});
