import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue';
import { DEFAULT_SETTINGS } from './settings';
import { canonicalJson, changedSettings, resolveSettings, settingsFingerprint } from './settings-validate';

describe('district settings', () => {
  it('default to the national settings', () => {
    expect(resolveSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, issues: [] });
    expect(resolveSettings({})).toEqual({ settings: DEFAULT_SETTINGS, issues: [] });
  });
  it('merge a partial object and survive a JSON round trip', () => {
    const { settings, issues } = resolveSettings(JSON.parse(JSON.stringify({ immunization: { jeEndemic: true, catchUpBeforeMonths: { RV: 8 } } })));
    expect(issues).toEqual([]);
    expect(settings.immunization.jeEndemic).toBe(true);
    expect(settings.immunization.catchUpBeforeMonths).toEqual({ ...DEFAULT_SETTINGS.immunization.catchUpBeforeMonths, RV: 8 });
    expect(settings.tetanus).toEqual(DEFAULT_SETTINGS.tetanus);
    expect(changedSettings(settings)).toEqual(['immunization.jeEndemic', 'immunization.catchUpBeforeMonths.RV']);
    expect(DEFAULT_SETTINGS.immunization.jeEndemic).toBe(false); // defaults untouched
  });
  it('report unknown paths, wrong types and out-of-range values by path', () => {
    expect(resolveSettings({ immunization: { jeEndemik: true } }).issues).toEqual([{ code: 'setting_unknown', field: 'immunization.jeEndemik' }]);
    expect(resolveSettings({ immunization: { jeEndemic: 'ya' } }).issues).toEqual([{ code: 'setting_type', field: 'immunization.jeEndemic', params: { expected: 'boolean' } }]);
    expect(resolveSettings({ school: { schoolYearStartMonth: 13 } }).issues).toEqual([{ code: 'setting_range', field: 'school.schoolYearStartMonth', params: { min: 1, max: 12 } }]);
    expect(resolveSettings({ tb: { contactInvestigationWithinDays: 7.5 } }).issues).toEqual([{ code: 'setting_type', field: 'tb.contactInvestigationWithinDays', params: { expected: 'integer' } }]);
    expect(resolveSettings({ growth: { kpspAgesMonths: [6, 3] } }).issues).toEqual([{ code: 'setting_order', field: 'growth.kpspAgesMonths' }]);
    expect(resolveSettings({ immunization: { idlItems: ['imm.hb0', 'imm.nope'] } }).issues).toEqual([{ code: 'setting_item_unknown', field: 'immunization.idlItems.1', params: { item: 'imm.nope' } }]);
    expect(resolveSettings({ wus: { ageFrom: 50, ageTo: 40 } }).issues).toEqual([{ code: 'setting_order', field: 'wus.ageTo' }]);
    expect(resolveSettings([1]).issues).toEqual([{ code: 'settings_not_object' }]);
    // With any issue nothing of the input is applied.
    expect(resolveSettings({ immunization: { jeEndemic: true, hb0LateUntilDay: -1 } }).settings).toBe(DEFAULT_SETTINGS);
  });
  it('reject a catch-up age that would close a window before it is due', () => {
    expect(resolveSettings({ immunization: { catchUpBeforeMonths: { MR: 20 } } }).issues).toEqual([
      { code: 'window_order', field: 'immunization.catchUpBeforeMonths.MR', params: { item: 'imm.mr-2' } },
    ]);
  });
  it('accept a local window and apply it to the catalogue', () => {
    const { settings, issues } = resolveSettings({ windowOverrides: { 'nn.kn1': { latest: { days: 3 } }, 'pnc.kf1': { toDay: 3 } } });
    expect(issues).toEqual([]);
    const kn1 = catalogue(settings).find((i) => i.id === 'nn.kn1')!;
    expect(kn1.timing).toMatchObject({ kind: 'age', earliest: { days: 0 }, due: { days: 2 }, latest: { days: 3 } });
    expect(kn1.settings).toContain('windowOverrides.nn.kn1');
    expect(catalogue(settings).find((i) => i.id === 'pnc.kf1')!.timing).toMatchObject({ fromDay: 0, toDay: 3 });
  });
  it('reject bad local windows', () => {
    expect(resolveSettings({ windowOverrides: { 'growth.weighing': { latest: { days: 3 } } } }).issues).toEqual([
      { code: 'setting_item_unknown', field: 'windowOverrides.growth.weighing', params: { item: 'growth.weighing' } },
    ]);
    expect(resolveSettings({ windowOverrides: { 'nn.kn1': { latest: { days: 1 } } } }).issues).toEqual([
      { code: 'window_order', field: 'windowOverrides.nn.kn1', params: { item: 'nn.kn1' } },
    ]);
    expect(resolveSettings({ windowOverrides: { 'nn.kn1': { toDay: 3 } } }).issues).toEqual([{ code: 'setting_unknown', field: 'windowOverrides.nn.kn1.toDay' }]);
    expect(resolveSettings({ windowOverrides: { 'nn.kn1': { latest: { hours: 48 } } } }).issues).toEqual([{ code: 'setting_unknown', field: 'windowOverrides.nn.kn1.latest.hours' }]);
  });
  it('fingerprint by content, not by object identity or key order', () => {
    const a = resolveSettings({ immunization: { jeEndemic: true }, school: { grade1Age: 6 } }).settings;
    const b = resolveSettings({ school: { grade1Age: 6 }, immunization: { jeEndemic: true } }).settings;
    expect(a).not.toBe(b);
    expect(settingsFingerprint(a)).toBe(settingsFingerprint(b));
    expect(settingsFingerprint(a)).not.toBe(settingsFingerprint(DEFAULT_SETTINGS));
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
  });
});
