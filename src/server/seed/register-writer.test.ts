import { describe, expect, it } from 'vitest';
import { recognise } from '../../core/codes/registry';
import { PREGNANCY_CODE } from './register-writer';

describe('PREGNANCY_CODE', () => {
  it('is a code the engine recognises as a pregnancy', () => {
    expect(recognise(PREGNANCY_CODE.system, PREGNANCY_CODE.code)?.concept).toBe('pregnancy');
    expect(PREGNANCY_CODE).toEqual({ system: 'http://hl7.org/fhir/sid/icd-10', code: 'Z34' });
  });
});
