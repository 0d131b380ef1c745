import { describe, expect, it } from 'vitest';
import { flatReferences } from '../anthropometry/test-support/flat-references';
import { SYSTEM } from '../codes/systems';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import { addMonths } from '../time/dates';
import { buildRecordSections, readEvents, screeningsView, vitalsView, type RecordInputEvent } from '.';
import { growthView } from './growth';

const ev = (id: string, date: string, system: string, code: string, valueNum: number | null, value: Record<string, unknown> | null = null, supersedesId: string | null = null): RecordInputEvent =>
  ({ id, codeSystem: system, code, occurredOn: date, valueNum, value, supersedesId });

describe('growth view', () => {
  // Flat references: every table is L=1, M=10, S=0.1, so z = value − 10 and the SD lines are 7…13.
  const refs = flatReferences();

  it('scores each measuring day, last value of a day wins, and draws the SD lines from the LMS tables', () => {
    const birth = '2025-01-10';
    const events = readEvents([
      ev('a', '2025-03-10', SYSTEM.loinc, '29463-7', 9),
      ev('b', '2025-03-10', SYSTEM.loinc, '29463-7', 11.5), // re-weighed the same day
      ev('c', '2025-03-10', SYSTEM.loinc, '8306-3', 10.2),
      ev('d', '2025-04-12', SYSTEM.loinc, '9843-4', 8),
    ]);
    const g = growthView({ sex: 'F', birthDate: birth }, events, '2025-05-01', refs);
    expect(g.points.map((p) => [p.date, p.weight, p.z.wfa, p.z.lhfa, p.z.hc])).toEqual([['2025-03-10', 11.5, 1.5, 0.2, null], ['2025-04-12', null, null, null, -2]]);
    expect(g.approximate).toBe(false);
    expect(g.curves.wfa[0]).toEqual({ ageDays: 0, sd: { '-3': 7, '-2': 8, '-1': 9, '0': 10, '1': 11, '2': 12, '3': 13 } });
    // Monthly samples to two months past today's age (3 months 21 days → 6 months).
    expect(g.curves.wfa.map((p) => p.ageDays)).toEqual([0, 30, 61, 91, 122, 152, 183]);
    expect(g.curves.hc).toHaveLength(7);
  });

  it('leaves adults out: their weights are vitals, not growth points', () => {
    const events = readEvents([ev('a', '2024-01-01', SYSTEM.loinc, '29463-7', 60)]);
    const g = growthView({ sex: 'M', birthDate: '1980-01-01' }, events, '2024-06-01', refs);
    expect(g.points).toEqual([]);
    expect(g.curves.wfa).toEqual([]);
    expect(vitalsView({ sex: 'M', birthDate: '1980-01-01' }, events).weight).toEqual([{ date: '2024-01-01', eventId: 'a', kg: 60 }]);
  });
});

describe('vitals and screenings', () => {
  it('classifies blood pressure by age and glucose by device and measure', () => {
    const v = vitalsView({ sex: 'F', birthDate: '1960-01-01' }, readEvents([
      ev('bp', '2025-01-01', SYSTEM.loinc, '85354-9', null, { systolic: 150, diastolic: 95 }),
      ev('g1', '2025-01-01', SYSTEM.loinc, '41653-7', 210, { classicSymptoms: false }),
      ev('g2', '2025-01-02', SYSTEM.loinc, '1558-6', 130),
      ev('a1', '2025-01-02', SYSTEM.loinc, '4548-4', 6.0),
    ]));
    expect(v.bp[0]!.class!.band).toBe('ht-1');
    expect(v.glucose.map((g) => [g.device, g.measure, g.class!.band])).toEqual([
      ['glucometer', 'random', 'diabetes-unconfirmed'], ['lab', 'fasting', 'diabetes'], ['lab', 'hba1c', 'prediabetes'],
    ]);
  });

  it('keeps the latest result per questionnaire with the stored band', () => {
    const result = (score: number, band: string) => ({ answers: {}, result: { score, band, label: { id: band, en: band }, followUp: { id: 'x', en: 'x' } } });
    const s = screeningsView(readEvents([
      ev('s1', '2024-01-01', SYSTEM.questionnaire, 'srq-20', 7, result(7, 'abnormal')),
      ev('s2', '2025-01-01', SYSTEM.questionnaire, 'srq-20', 2, result(2, 'normal')),
      ev('p1', '2024-06-01', SYSTEM.questionnaire, 'puma', 6, result(6, 'high-risk')),
    ]));
    expect(s.map((x) => [x.concept, x.date, x.score, x.band, x.count])).toEqual([['srq20', '2025-01-01', 2, 'normal', 2], ['puma', '2024-06-01', 6, 'high-risk', 1]]);
  });

  it('names what SKILAS flagged, from the labels the scorer stored', () => {
    const mobility = { id: 'Keterbatasan mobilitas', en: 'Limited mobility' };
    const vision = { id: 'Gangguan penglihatan', en: 'Visual impairment' };
    const flagged = { answers: {}, result: { score: 2, band: 'refer', label: { id: 'r', en: 'r' }, followUp: { id: 'x', en: 'x' }, details: { domains: ['mobility', 'vision'], domainLabels: [mobility, vision] } } };
    const [skilas] = screeningsView(readEvents([ev('k', '2025-02-01', SYSTEM.questionnaire, 'skilas', 2, flagged)]));
    expect(skilas!.findings).toEqual([mobility, vision]);
    const [srq] = screeningsView(readEvents([ev('q', '2025-02-01', SYSTEM.questionnaire, 'srq-20', 2, { answers: {}, result: { score: 2, band: 'normal' } })]));
    expect(srq!.findings).toEqual([]);
  });
});

describe('buildRecordSections', () => {
  it('applies corrections and ignores events after the evaluation date', () => {
    const birth = '2025-01-01';
    const r = buildRecordSections({
      person: { sex: 'M', birthDate: birth },
      events: [
        ev('w1', addMonths(birth, 1), SYSTEM.loinc, '29463-7', 3.0),
        ev('w2', addMonths(birth, 1), SYSTEM.loinc, '29463-7', 4.4, null, 'w1'),
        ev('b', addMonths(birth, 2), SYSTEM.antigen, 'BCG', null, { dose: 1, batch: 'X1' }),
        ev('late', addMonths(birth, 6), SYSTEM.antigen, 'MR', null, { dose: 1 }),
      ],
      on: addMonths(birth, 3),
      settings: DEFAULT_SETTINGS,
      refs: flatReferences(),
    });
    expect(r.growth.points.map((p) => p.weight)).toEqual([4.4]);
    expect(r.immunization.rows.find((x) => x.item === 'imm.bcg')).toMatchObject({ status: 'done', batch: 'X1', onTime: false });
    expect(r.immunization.rows.find((x) => x.item === 'imm.mr-1')!.status).toBe('upcoming');
    expect(r.immunization.rows.some((x) => x.item === 'imm.je')).toBe(false); // not an endemic district
    const order = r.immunization.rows.map((x) => x.item);
    expect(order.indexOf('imm.hb0')).toBeLessThan(order.indexOf('imm.bcg'));
    expect(order.indexOf('imm.dpt-hb-hib-1')).toBeLessThan(order.indexOf('imm.dpt-hb-hib-2'));
  });
});
