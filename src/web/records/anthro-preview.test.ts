import { describe, expect, it } from 'vitest';
import { computePreview, loadAnthro } from './anthro-preview';

describe('computePreview', () => {
  it('classifies a stunted two-year-old from the approximate tables and marks it approximate', async () => {
    const m = await loadAnthro();
    // 24-month girl, 78 cm standing: well below −2 SD length-for-age (median ≈ 86 cm).
    const p = computePreview(m, { sex: 'F', birthDate: '2023-06-01', on: '2025-06-01', weightKg: 9.6, lengthHeightCm: 78, position: 'h', previous: { date: '2025-05-02', weightKg: 9.7 } });
    expect(p).not.toBeNull();
    expect(p!.categories.find((c) => c.index === 'pbu')!.category.code).toBe('stunted');
    expect(p!.approximate).toBe(true);
    // lost weight since last month → T
    expect(p!.direction!.code).toBe('T');
  });

  it('says B for a first weighing and nothing without measurements', async () => {
    const m = await loadAnthro();
    expect(computePreview(m, { sex: 'M', birthDate: '2025-01-01', on: '2025-06-01', weightKg: 7.5, position: 'l', previous: null })!.direction!.code).toBe('B');
    expect(computePreview(m, { sex: 'M', birthDate: '2025-01-01', on: '2025-06-01', position: 'l' })).toBeNull();
  });

  it('flags an implausible weight', async () => {
    const m = await loadAnthro();
    const p = computePreview(m, { sex: 'M', birthDate: '2025-01-01', on: '2025-06-01', weightKg: 30, position: 'l' });
    expect(p!.flagged).toContain('wei');
  });
});
