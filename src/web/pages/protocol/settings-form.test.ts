import { describe, expect, it } from 'vitest';
import { describeProtocol } from '../../../core/protocol/describe';
import { resolveSettings } from '../../../core/protocol/settings-validate';
import { fieldMessages } from '../../../core/i18n/messages';
import {
  buildStored, differsFromDefault, fromFormValue, initialForm, kindOf, overrideFields, overrideRowOfField, overridableItems, settingOfField, toFormValue,
  type OverrideRow,
} from './settings-form';

const national = describeProtocol();
const paths = national.settings.map((s) => s.path);

describe('settings form', () => {
  it('gives every setting of the protocol a kind and round-trips its default', () => {
    for (const s of national.settings) {
      const kind = kindOf(s);
      expect(fromFormValue(kind, toFormValue(kind, s.default)), s.path).toEqual(s.default);
    }
  });

  it('stores nothing when the form holds the national defaults', () => {
    expect(buildStored(national.settings, initialForm(national.settings))).toEqual({});
  });

  it('stores only what changed, nested by path, and the server-side validator accepts it', () => {
    const form = initialForm(national.settings);
    form['immunization.jeEndemic'] = true;
    form['adult.sadanisEveryYears'] = '5';
    form['growth.kpspAgesMonths'] = '3, 6, 9, 12';
    form['immunization.catchUpBeforeMonths'] = { ...(form['immunization.catchUpBeforeMonths'] as Record<string, string>), RV: '18' };
    const stored = buildStored(national.settings, form);
    expect(stored).toEqual({
      immunization: { jeEndemic: true, catchUpBeforeMonths: { RV: 18 } },
      adult: { sadanisEveryYears: 5 },
      growth: { kpspAgesMonths: [3, 6, 9, 12] },
    });
    const resolved = resolveSettings(stored);
    expect(resolved.issues).toEqual([]);
    expect(resolved.settings.immunization.catchUpBeforeMonths.BCG).toBe(12);
    const s = national.settings.find((x) => x.path === 'adult.sadanisEveryYears')!;
    expect(differsFromDefault(s, '5')).toBe(true);
    expect(differsFromDefault(s, '3')).toBe(false);
  });

  it('sends what the user typed, so the server names the field that is wrong', () => {
    const form = initialForm(national.settings);
    form['wus.ageFrom'] = '70';
    form['school.grade1Age'] = 'tujuh';
    form['growth.kpspAgesMonths'] = '3, x';
    const { issues } = resolveSettings(buildStored(national.settings, form));
    const fields = Object.keys(fieldMessages(issues));
    expect(fields).toContain('wus.ageFrom');
    expect(fields).toContain('school.grade1Age');
    expect(fields).toContain('growth.kpspAgesMonths.1');
    expect(fields.map((f) => settingOfField(f, paths))).toEqual(expect.arrayContaining(['wus.ageFrom', 'school.grade1Age', 'growth.kpspAgesMonths']));
  });

  it('edits window overrides as months and days per bound, or days of gestation', () => {
    const items = overridableItems().map((i) => i.id);
    expect(items).toContain('imm.bcg');
    expect(items).toContain('anc.k1');
    expect(overrideFields('imm.bcg')).toEqual(['earliest.months', 'earliest.days', 'due.months', 'due.days', 'latest.months', 'latest.days']);
    expect(overrideFields('anc.k1')).toEqual(['fromDay', 'dueDay', 'toDay']);
    const rows: OverrideRow[] = [
      { item: 'imm.bcg', values: { 'latest.months': '6', 'latest.days': '' } },
      { item: 'anc.k1', values: { toDay: '90' } },
    ];
    const v = fromFormValue('overrides', rows);
    expect(v).toEqual({ 'imm.bcg': { latest: { months: 6 } }, 'anc.k1': { toDay: 90 } });
    expect(resolveSettings({ windowOverrides: v }).issues).toEqual([]);
    // Years and weeks read back as months and days (the same calendar arithmetic).
    expect(toFormValue('overrides', { 'imm.bcg': { latest: { years: 1, weeks: 2 } } })).toEqual([{ item: 'imm.bcg', values: { 'latest.months': '12', 'latest.days': '14' } }]);
  });

  it('finds the override row of an error on an item id that contains dots', () => {
    const rows: OverrideRow[] = [{ item: 'imm.opv-1', values: {} }, { item: 'imm.bcg', values: {} }];
    expect(overrideRowOfField('windowOverrides.imm.bcg.latest.months', rows)).toBe(1);
    expect(overrideRowOfField('windowOverrides.imm.opv-1', rows)).toBe(0);
    expect(overrideRowOfField('wus.ageTo', rows)).toBe(-1);
    expect(settingOfField('windowOverrides.imm.bcg.latest.months', paths)).toBe('windowOverrides');
    expect(settingOfField('something.else', paths)).toBeNull();
  });
});
