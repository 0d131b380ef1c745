import { describe, expect, it } from 'vitest';
import { offersFor, sectionsOf, serviceCodeFor, type DueLike } from './due-offers';

const entry = (item: string, status: DueLike['status'] = 'due', extra: Partial<DueLike> = {}): DueLike => ({
  key: `${item}#1`, item, label: item, status, window: { earliest: '2025-01-01', due: '2025-02-01', latest: '2025-12-31' }, ...extra,
});

describe('offersFor', () => {
  it('opens the form of each due item', () => {
    const offers = offersFor([
      entry('imm.dpt-hb-hib-2', 'overdue', { dose: 2 }),
      entry('growth.weighing'),
      entry('anc.k4'),
      entry('elderly.skilas'),
      entry('pnc.kf2'),
      entry('nn.kn1'),
      entry('growth.vitamin-a', 'due', { variant: 'merah' }),
      entry('adult.vision'),
    ]);
    expect(offers.map((o) => [o.section, o.antigen ?? o.ancSlot ?? o.screening ?? o.postnatalCode ?? o.serviceCode ?? o.variant ?? o.concept])).toEqual([
      ['immunization', 'DPT-HB-Hib'],
      ['measure', 'weight'],
      ['anc', 'K4'],
      ['screening', 'skilas'],
      ['postnatal', 'KF2'],
      ['postnatal', 'KN1'],
      ['supplements', 'merah'],
      ['services', 'vision'],
    ]);
    expect(offers[0]!.dose).toBe(2);
  });

  it('skips what is done, upcoming or missed', () => {
    expect(offersFor([entry('imm.bcg', 'done'), entry('imm.mr-1', 'upcoming'), entry('imm.opv-1', 'missed')])).toEqual([]);
  });

  it('offers every group of a multi-part item', () => {
    const sections = offersFor([entry('anc.lab-first')]).map((o) => o.section);
    expect(sections[0]).toBe('vitals');
    expect(sections.slice(1).every((s) => s === 'services')).toBe(true);
    expect(sections).toHaveLength(6);
  });

  it('orders sections as the form shows them', () => {
    expect(sectionsOf(offersFor([entry('imm.bcg'), entry('growth.weighing'), entry('elderly.adl')]))).toEqual(['measure', 'screening', 'immunization']);
  });
});

describe('serviceCodeFor', () => {
  it('finds the Siklus service code of a concept', () => {
    expect(serviceCodeFor('vision-screening')).toBe('vision');
    expect(serviceCodeFor('weight')).toBeUndefined();
  });
});
