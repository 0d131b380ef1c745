/**
 * Kohort lansia: the people of the desa aged 60 and over (AGE_STAGES lansia)
 * with the yearly geriatric screening of KMK Tabel 29 (ilp-domain.md §5.6):
 * weight, height and IMT, blood pressure, blood glucose, SKILAS and ADL —
 * each the latest recorded up to the register date, with its date and class
 * from core/screening. The notes mark the register's printed content as not
 * researched (§8.3 ⚠), so the columns follow the screening list in its order.
 */
import { addOffset, dayFromIso, isoFromDay } from '../protocol/offset';
import { AGE_STAGES } from '../protocol/stages';
import { classifyImt } from '../screening/imt';
import { completedYears, type IsoDate } from '../time/dates';
import { numberOf } from '../record/events';
import { screeningsView } from '../record/screenings';
import { vitalsView } from '../record/vitals';
import { addressOf, col, SEX_LABEL, statusNote, type Prepared } from './prepare';
import type { KohortColumn, KohortPerson, KohortRow } from './types';

const LANSIA = AGE_STAGES.find((s) => s.id === 'lansia')!;

/** Aged 60 or more (AGE_STAGES lansia) by the month's end, as the child registers count age. */
export function isLansia(person: KohortPerson, monthEnd: IsoDate, on: IsoDate): boolean {
  return person.birthDate <= on && isoFromDay(addOffset(dayFromIso(person.birthDate), LANSIA.from)) <= monthEnd;
}

export function lansiaColumns(): KohortColumn[] {
  return [
    col('no', 'No', 'No', 'integer'),
    col('nama', 'Nama', 'Name'),
    col('nik', 'NIK', 'NIK'),
    col('jk', 'L/P', 'Sex'),
    col('tgl_lahir', 'Tanggal lahir', 'Birth date', 'date'),
    col('umur', 'Umur (tahun)', 'Age (years)', 'integer'),
    col('alamat', 'Alamat (RT/RW)', 'Address (RT/RW)'),
    col('bb', 'BB (kg)', 'Weight (kg)', 'number'),
    col('tb', 'TB (cm)', 'Height (cm)', 'number'),
    col('imt', 'IMT', 'BMI', 'number'),
    col('imt_kelas', 'Status IMT', 'BMI class'),
    col('tgl_td', 'Tanggal ukur TD', 'BP date', 'date'),
    col('td', 'Tekanan darah (mmHg)', 'Blood pressure (mmHg)'),
    col('td_kelas', 'Klasifikasi TD', 'BP class'),
    col('tgl_gula', 'Tanggal periksa gula darah', 'Glucose date', 'date'),
    col('gula', 'Gula darah', 'Blood glucose', 'number'),
    col('gula_jenis', 'Jenis pemeriksaan', 'Measure'),
    col('gula_kelas', 'Klasifikasi gula darah', 'Glucose class'),
    col('tgl_skilas', 'Tanggal SKILAS', 'SKILAS date', 'date'),
    col('skilas', 'Hasil SKILAS', 'SKILAS result'),
    col('tgl_adl', 'Tanggal ADL', 'ADL date', 'date'),
    col('adl_skor', 'Skor ADL (0–20)', 'ADL score (0–20)', 'integer'),
    col('adl', 'Tingkat kemandirian (ADL)', 'ADL level'),
    col('keterangan', 'Keterangan', 'Notes'),
  ];
}

const GLUCOSE_MEASURE: Record<string, string> = { random: 'GDS', fasting: 'GDP', 'ogtt-2h': 'GD 2 jam PP', hba1c: 'HbA1c' };

function definedMarks(m: Record<string, string | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function lansiaRow(p: Prepared, on: IsoDate, monthEnd: IsoDate): KohortRow {
  const v = vitalsView(p.person, p.read);
  const heights = p.read.filter((r) => (r.concept === 'height' || r.concept === 'length') && numberOf(r.e.valueNum) !== null);
  const weight = v.weight.at(-1) ?? null;
  const height = heights.at(-1) ? numberOf(heights.at(-1)!.e.valueNum) : null;
  const imt = weight && height !== null ? classifyImt({ weightKg: weight.kg, heightCm: height, ageYears: completedYears(p.person.birthDate, weight.date) }) : null;
  const bp = v.bp.at(-1) ?? null;
  const glucose = v.glucose.at(-1) ?? null;
  const screenings = new Map(screeningsView(p.read).map((s) => [s.concept, s]));
  const skilas = screenings.get('skilas');
  const adl = screenings.get('adl');
  return {
    personId: p.person.id,
    cells: {
      nama: p.person.name,
      nik: p.person.nik,
      jk: SEX_LABEL[p.person.sex] ?? p.person.sex,
      tgl_lahir: p.person.birthDate,
      umur: completedYears(p.person.birthDate, monthEnd),
      alamat: addressOf(p.person.areaCode),
      bb: weight?.kg ?? null,
      tb: height,
      imt: imt?.ok ? imt.result.score ?? null : null,
      imt_kelas: imt?.ok ? imt.result.label.id : null,
      tgl_td: bp?.date ?? null,
      td: bp ? `${bp.systolic}/${bp.diastolic}` : null,
      td_kelas: bp?.class?.label.id ?? null,
      tgl_gula: glucose?.date ?? null,
      gula: glucose?.value ?? null,
      gula_jenis: glucose ? `${GLUCOSE_MEASURE[glucose.measure] ?? glucose.measure} (${glucose.device === 'glucometer' ? 'glukometer' : 'laboratorium'})` : null,
      gula_kelas: glucose?.class?.label.id ?? null,
      tgl_skilas: skilas?.date ?? null,
      skilas: skilas?.result?.id ?? null,
      tgl_adl: adl?.date ?? null,
      adl_skor: adl?.score ?? null,
      adl: adl?.result?.id ?? null,
      keterangan: statusNote(p.person),
    },
    marks: definedMarks({
      imt_kelas: imt?.ok ? imt.result.band : null,
      td_kelas: bp?.class?.band ?? null,
      gula_kelas: glucose?.class?.band ?? null,
      skilas: skilas?.band ?? null,
      adl: adl?.band ?? null,
    }),
  };
}

