import { describe, expect, it } from 'vitest';
import { bandsOf } from '../../charts/growth-model';
import { classTone } from '../../charts/vital-bands';
import { cellTone } from './cell-tone';

describe('cellTone', () => {
  it('colours the KMS judgement of each month: N good, T danger, O to act on, B information', () => {
    expect(['N', 'T', 'O', 'B'].map((v) => cellTone('nt_03', v, {}))).toEqual(['good', 'danger', 'warn', 'high']);
    // Weights themselves are not coloured; the judgement beside them is.
    expect(cellTone('bb_03', 9.1, {})).toBeNull();
  });

  it('growth categories take the KMS chart band of their index', () => {
    const stunted = bandsOf('pbu').find((b) => b.code === 'stunted')!;
    expect(cellTone('tb_u', 'Pendek', { tb_u: 'stunted' })).toBe(stunted.tone);
    expect(cellTone('bb_u', 'Berat badan sangat kurang', { bb_u: 'severely_underweight' })).toBe('danger');
  });

  it('result classes take the person page colours; unmarked cells stay plain', () => {
    expect(cellTone('td_kelas', 'Hipertensi derajat 1', { td_kelas: 'ht-1' })).toBe(classTone('ht-1'));
    expect(cellTone('kek', 'KEK', { kek: 'kek' })).toBe('danger');
    expect(cellTone('idl', 'Ya (2025-06-01)', { idl: 'complete' })).toBe('good');
    expect(cellTone('idl', 'Belum', { idl: 'incomplete' })).toBe('none');
    expect(cellTone('nama', 'Siti', {})).toBeNull();
  });
});
