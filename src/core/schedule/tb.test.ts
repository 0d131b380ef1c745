/** TB (KMK §IV.A.2–3, Tabel 19, Formulir 1): screening at contacts, monthly for risk groups, contact investigation. */
import { describe, expect, it } from 'vitest';
import type { PersonFacts } from '../lifecycle/person';
import { resolveSettings } from '../protocol/settings-validate';
import { computeSchedule } from './engine';
import type { ScheduleEvent } from './event';
import { rows } from './fixtures.testing';

const view = (p: PersonFacts, events: ScheduleEvent[], on: string, prefixes: string[], settings?: unknown) =>
  rows(computeSchedule({ person: p, events, on, ...(settings ? { settings: resolveSettings(settings).settings } : {}) })
    .entries.filter((e) => prefixes.some((x) => e.key.startsWith(x))));
const tbq = (id: string, date: string): ScheduleEvent => ({ id, system: 'questionnaire', code: 'tb-symptoms', date });

describe('a household contact of a TB case', () => {
  const contact: PersonFacts = { sex: 'M', birthDate: '1990-02-01', conditions: [{ kind: 'tb-contact', from: '2025-05-10', to: '2025-08-31' }] };
  it('needs symptom screening and TPT evaluation after identification, monthly screening and screening at each contact', () => {
    expect(view(contact, [tbq('s1', '2025-05-12'), { id: 'v', system: 'loinc', code: '85354-9', date: '2025-06-02', value: { systolic: 120, diastolic: 80 } }], '2025-06-20', ['tb.'])).toEqual([
      'tb.screen-monthly@2025-05 done 2025-05-10/2025-05-31/2025-05-31 by s1',
      'tb.contact-screening@2025-05-10 done 2025-05-10/2025-05-24/2025-05-24 by s1',
      'tb.tpt-evaluation@2025-05-10 missed 2025-05-10/2025-05-24/2025-05-24',
      'tb.screen-contact@C2025-05-12 done 2025-05-12/2025-05-12/2025-05-12 by s1',
      'tb.screen-monthly@2025-06 due 2025-06-01/2025-06-30/2025-06-30',
      'tb.screen-contact@C2025-06-02 missed 2025-06-02/2025-06-02/2025-06-02',
      'tb.screen-monthly@2025-07 upcoming 2025-07-01/2025-07-31/2025-07-31',
    ]);
  });
  it('screening within 14 days (⚠ district setting) counts, on day 15 it does not', () => {
    expect(view(contact, [tbq('s', '2025-05-24')], '2025-06-01', ['tb.contact-screening'])).toEqual(['tb.contact-screening@2025-05-10 done 2025-05-10/2025-05-24/2025-05-24 by s']);
    expect(view(contact, [tbq('s', '2025-05-25')], '2025-06-01', ['tb.contact-screening'])).toEqual(['tb.contact-screening@2025-05-10 missed 2025-05-10/2025-05-24/2025-05-24']);
    expect(view(contact, [tbq('s', '2025-05-25')], '2025-06-01', ['tb.contact-screening'], { tb: { contactScreeningWithinDays: 21 } }))
      .toEqual(['tb.contact-screening@2025-05-10 done 2025-05-10/2025-05-31/2025-05-31 by s']);
  });
  it('monthly screening stops with the contact episode and can be switched off', () => {
    expect(view(contact, [], '2025-10-01', ['tb.screen-monthly@2025-09'])).toEqual([]);
    expect(view(contact, [], '2025-06-20', ['tb.screen-monthly@2025-06'], { tb: { riskGroupMonthly: false } }))
      .toEqual(['tb.screen-monthly@2025-06 not_applicable 2025-06-01/2025-06-30/2025-06-30 setting:tb.riskGroupMonthly']);
  });
});

describe('a TB index case', () => {
  it('needs contact investigation within 14 days of diagnosis (from the ICD-10 code)', () => {
    const p: PersonFacts = { sex: 'F', birthDate: '1980-02-01' };
    const dx: ScheduleEvent = { id: 'dx', system: 'icd-10', code: 'A15.0', date: '2025-04-01' };
    expect(view(p, [dx, { id: 'ik', system: 'service', code: 'tb-contact-investigation', date: '2025-04-14' }], '2025-04-20', ['tb.']))
      .toEqual(['tb.contact-investigation@2025-04-01 done 2025-04-01/2025-04-15/2025-04-15 by ik']);
    expect(view(p, [dx], '2025-04-16', ['tb.'])).toEqual(['tb.contact-investigation@2025-04-01 missed 2025-04-01/2025-04-15/2025-04-15']);
  });
  it('an episode from the TB register makes diabetes screening due for an adult under 40', () => {
    const p: PersonFacts = { sex: 'M', birthDate: '1995-02-01', conditions: [{ kind: 'tb', from: '2025-04-01', to: '2025-10-01' }] };
    // While the episode runs its end is not known yet (time travel): the whole year is open.
    expect(view(p, [], '2025-04-20', ['adult.glucose'])).toEqual([
      'adult.glucose@2025 due 2025-04-01/2025-12-31/2025-12-31', 'adult.glucose@2026 upcoming 2026-01-01/2026-12-31/2026-12-31',
    ]);
    // Seen after the episode closed, the window ends with it.
    expect(view(p, [{ id: 'g', system: 'loinc', code: '41653-7', date: '2025-09-30', valueNum: 110 }], '2025-11-01', ['adult.glucose']))
      .toEqual(['adult.glucose@2025 done 2025-04-01/2025-10-01/2025-10-01 by g']);
  });
});

describe('TB screening at every contact', () => {
  it('applies to children and pregnant women, not to other adults', () => {
    const visit: ScheduleEvent = { id: 'w', system: 'loinc', code: '29463-7', date: '2025-03-03', valueNum: 60 };
    expect(view({ sex: 'M', birthDate: '2015-01-01' }, [visit], '2025-03-10', ['tb.'])).toEqual(['tb.screen-contact@C2025-03-03 missed 2025-03-03/2025-03-03/2025-03-03']);
    expect(view({ sex: 'M', birthDate: '1985-01-01' }, [visit], '2025-03-10', ['tb.'])).toEqual([]);
    const pregnant: PersonFacts = { sex: 'F', birthDate: '1995-01-01', pregnancies: [{ id: 'g', hpht: '2025-01-06' }] };
    expect(view(pregnant, [visit, tbq('t', '2025-03-03')], '2025-03-03', ['tb.'])).toEqual(['tb.screen-contact@C2025-03-03 done 2025-03-03/2025-03-03/2025-03-03 by t']);
  });
  it('is due on the contact day itself', () => {
    expect(view({ sex: 'M', birthDate: '2015-01-01' }, [{ id: 'w', system: 'loinc', code: '29463-7', date: '2025-03-03' }], '2025-03-03', ['tb.']))
      .toEqual(['tb.screen-contact@C2025-03-03 due 2025-03-03/2025-03-03/2025-03-03']);
  });
});
