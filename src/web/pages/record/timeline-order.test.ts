import { describe, expect, it } from 'vitest';
import { orderVisitEvents } from './timeline-order';

const ev = (id: string, kind: string, label: string, supersedesId: string | null = null) => ({ id, kind, label, supersedesId });

describe('order of a visit\'s events', () => {
  it('puts measurements first, then immunizations and services, by label within a kind', () => {
    const out = orderVisitEvents([
      ev('1', 'immunization', 'Rotavirus (RV) 1'),
      ev('2', 'measurement', 'Panjang badan'),
      ev('3', 'service', 'Vitamin A'),
      ev('4', 'measurement', 'Berat badan'),
      ev('5', 'immunization', 'BCG 1'),
      ev('6', 'condition', 'Hipertensi'),
    ]);
    expect(out.map((e) => e.id)).toEqual(['4', '2', '5', '1', '3', '6']);
  });

  it('keeps a correction right after the event it corrects', () => {
    const out = orderVisitEvents([ev('w2', 'measurement', 'Berat badan', 'w1'), ev('l', 'measurement', 'Panjang badan'), ev('w1', 'measurement', 'Berat badan')]);
    expect(out.map((e) => e.id)).toEqual(['w1', 'w2', 'l']);
  });
});
