import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue';
import { describeProtocol, offsetText, windowText } from './describe';
import { resolveSettings } from './settings-validate';
import { PROTOCOL_VERSION } from './version';

describe('the readable protocol', () => {
  const d = describeProtocol();
  it('describes every item, setting, stage and status as plain JSON data', () => {
    expect(d.protocolVersion).toBe(PROTOCOL_VERSION);
    expect(d.items.map((i) => i.id)).toEqual(catalogue().map((i) => i.id));
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    expect(d.statuses.map((s) => s.id)).toEqual(['upcoming', 'due', 'overdue', 'done', 'missed', 'not_applicable']);
    expect(d.stages.map((s) => s.id)).toContain('lansia');
    expect(d.cutoffs.map((c) => c.id)).toEqual(expect.arrayContaining(['srq20', 'adl', 'puma', 'bp-adult', 'bp-child', 'tb-child-score', 'kek', 'glucose-lab', 'imt']));
  });
  it('puts windows and target groups into words from the same data the engine runs', () => {
    const item = (id: string) => d.items.find((i) => i.id === id)!;
    expect(item('imm.dpt-hb-hib-4').window).toEqual({
      id: 'umur 18 bulan s.d. < 60 bulan; tepat waktu s.d. < 24 bulan; ≥ 12 bulan setelah dosis 3',
      en: 'age 18 months to < 60 months; on time to < 24 months; ≥ 12 months after dose 3',
    });
    expect(item('anc.k2').window.id).toBe('usia kehamilan 12 mgg 1 hr s.d. 24 mgg');
    expect(item('pnc.kf4').window.en).toBe('days 29–42 after delivery');
    expect(item('growth.vitamin-a').window.id).toBe('setiap Februari dan Agustus');
    expect(item('adult.lipid').who.en).toBe('People with hypertension and/or diabetes (age ≥ 41 years, hypertension or diabetes)');
    expect(item('adult.iva').recordedAs[0]!.concepts.map((c) => c.concept)).toEqual(['iva']);
    expect(item('anc.doctor-usg-k1').recordedAs).toEqual([
      { concepts: [{ concept: 'anc-contact', label: { id: 'Kunjungan ANC', en: 'ANC contact' } }], provider: ['doctor'] },
      { concepts: [{ concept: 'usg', label: { id: 'USG', en: 'Obstetric ultrasound' } }] },
    ]);
  });
  it('flags items resting on unconfirmed facts and shows gates under the settings', () => {
    const item = (id: string) => d.items.find((i) => i.id === id)!;
    expect(item('imm.rv-1').unconfirmed).toBe(true); // catch-up limit is a ⚠ setting
    expect(item('anc.k1').unconfirmed).toBe(false);
    expect(item('imm.je').gate).toEqual({ setting: 'immunization.jeEndemic', on: false });
    const local = describeProtocol(resolveSettings({ immunization: { jeEndemic: true } }).settings);
    expect(local.items.find((i) => i.id === 'imm.je')!.gate).toEqual({ setting: 'immunization.jeEndemic', on: true });
    expect(local.changedSettings).toEqual(['immunization.jeEndemic']);
    expect(local.settings.find((s) => s.path === 'immunization.jeEndemic')).toMatchObject({ value: true, default: false, changed: true });
  });
  it('words offsets', () => {
    expect(offsetText({})).toEqual({ id: 'lahir', en: 'birth' });
    expect(offsetText({ months: 3, days: -1 })).toEqual({ id: '< 3 bulan', en: '< 3 months' });
    expect(offsetText({ years: 1, months: 6 })).toEqual({ id: '1 tahun 6 bulan', en: '1 year 6 months' });
    expect(windowText({ kind: 'condition-onset', condition: 'tb', earliest: {}, due: { days: 14 }, latest: { days: 14 } }).en).toBe('within 14 days of TB (index case)');
  });
});
