/**
 * Tuberculosis — KMK §IV.A.2–3 (children, adolescents), Tabel 19 (adults),
 * Formulir 1 (contact investigation); ilp-domain.md §4.3, §5.3–5.5.
 * Symptom screening at every contact for children, adolescents, pregnant
 * women and risk groups; monthly for risk groups; contact investigation for
 * index cases; symptom screening and TPT evaluation for contacts.
 */
import { kmk, t } from './build';
import type { ProtocolSettings } from './settings';
import { AGE_STAGES } from './stages';
import type { ProtocolItem } from './types';

const usiaSekolah = AGE_STAGES.find((s) => s.id === 'usia-sekolah')!;

export function tbItems(s: ProtocolSettings): ProtocolItem[] {
  const ci = s.tb.contactInvestigationWithinDays;
  const cs = s.tb.contactScreeningWithinDays;
  return [
    {
      id: 'tb.screen-contact', programme: 'tb', stage: 'balita',
      label: t('Skrining gejala TBC setiap kunjungan', 'TB symptom screening at every contact'),
      who: t('Anak, remaja, ibu hamil, kontak TBC, penyandang DM', 'Children, adolescents, pregnant women, TB contacts, people with diabetes'),
      where: ['posyandu', 'pustu', 'puskesmas', 'home'], by: ['kader', 'nurse', 'midwife', 'doctor'],
      timing: { kind: 'per-contact' },
      eligibility: { anyOf: [{ ageTo: usiaSekolah.to! }, { conditions: ['pregnant', 'tb-contact', 'diabetes'] }] },
      match: [{ concepts: ['tb-symptoms'] }],
      sources: [kmk('§IV.A.2–3: gejala TBC setiap kunjungan (anak, remaja)'), kmk('§IV.A.1.a: setiap kunjungan ANC'), kmk('Tabel 19: kelompok risiko')],
      note: t('Kunjungan = hari dengan catatan layanan apa pun.', 'A contact = a day with any recorded service.'),
    },
    {
      id: 'tb.screen-monthly', programme: 'tb', stage: 'dewasa',
      label: t('Skrining gejala TBC bulanan (kelompok risiko)', 'Monthly TB symptom screening (risk groups)'),
      who: t('Kontak TBC dan penyandang DM', 'TB contacts and people with diabetes'),
      where: ['posyandu', 'pustu', 'puskesmas', 'home'],
      timing: { kind: 'monthly' },
      eligibility: { conditions: ['tb-contact', 'diabetes'] },
      match: [{ concepts: ['tb-symptoms'] }],
      gate: 'tb.riskGroupMonthly', settings: ['tb.riskGroupMonthly'],
      sources: [kmk('Tabel 19: kelompok risiko idealnya setiap bulan')],
    },
    {
      id: 'tb.contact-investigation', programme: 'tb', stage: 'dewasa',
      label: t('Investigasi kontak (TBC.16K)', 'Contact investigation (TBC.16K)'),
      who: t('Kasus indeks TBC', 'TB index cases'), where: ['home'], by: ['kader', 'nurse'],
      timing: { kind: 'condition-onset', condition: 'tb', earliest: {}, due: { days: ci }, latest: { days: ci } },
      match: [{ concepts: ['tb-contact-investigation'] }],
      settings: ['tb.contactInvestigationWithinDays'],
      sources: [kmk('Formulir 1: investigasi kontak, minimal 20 kontak per kasus indeks')],
    },
    {
      id: 'tb.contact-screening', programme: 'tb', stage: 'dewasa',
      label: t('Skrining gejala kontak TBC', 'TB contact symptom screening'),
      who: t('Kontak serumah/erat', 'Household and close contacts'), where: ['home', 'pustu', 'puskesmas'],
      timing: { kind: 'condition-onset', condition: 'tb-contact', earliest: {}, due: { days: cs }, latest: { days: cs } },
      match: [{ concepts: ['tb-symptoms'] }],
      settings: ['tb.contactScreeningWithinDays'],
      sources: [kmk('Formulir 1 (TBC.16K)')],
    },
    {
      id: 'tb.tpt-evaluation', programme: 'tb', stage: 'dewasa',
      label: t('Evaluasi kelayakan TPT', 'TB preventive therapy evaluation'),
      who: t('Kontak TBC', 'TB contacts'), where: ['puskesmas'], by: ['doctor'],
      timing: { kind: 'condition-onset', condition: 'tb-contact', earliest: {}, due: { days: cs }, latest: { days: cs } },
      match: [{ concepts: ['tpt-evaluation'] }],
      settings: ['tb.contactScreeningWithinDays'],
      sources: [kmk('§IV.A.2: kontak tanpa gejala dirujuk untuk uji tuberkulin/kelayakan TPT')],
    },
  ];
}
