import { describe, expect, it } from 'vitest';
import { toneOf } from './tone';
import { PERMENKES_BANDS } from '../../core/anthropometry/permenkes';

describe('toneOf', () => {
  it('greens the normal bands and reds the severe ones of Permenkes 2/2020', () => {
    expect(PERMENKES_BANDS.bbu.map((b) => toneOf(b.code))).toEqual(['alert', 'watch', 'ok', 'watch']);
    expect(PERMENKES_BANDS.pbu.map((b) => toneOf(b.code))).toEqual(['alert', 'watch', 'ok', 'ok']);
    expect(PERMENKES_BANDS.bbpb.map((b) => toneOf(b.code))).toEqual(['alert', 'alert', 'ok', 'watch', 'watch', 'watch']);
  });
  it('is neutral without a band', () => {
    expect(toneOf(null)).toBe('neutral');
    expect(toneOf('indeterminate')).toBe('neutral');
  });
});
