/**
 * Kohort ibu: one row per pregnancy of a woman of the desa that was ongoing,
 * delivered or in nifas (to day 42) during the month. Columns in the order of
 * the paper register (identity, G/P, HPHT, HPL, 4T risk, K1…K6 with the
 * doctor/USG contacts, T status, LiLA/KEK, Hb, the delivery, KF1…KF4) —
 * contract docs/fieldwork-api.md "Kohort registers", ilp-domain.md §5.1–5.2
 * and §8.3; the notes do not reproduce the printed form, so the order follows
 * the course of a pregnancy as the Buku KIA records it.
 */
import { pregnancyStartDay } from '../lifecycle/pregnancy';
import { isoFromDay } from '../protocol/offset';
import { EPISODE_MAX_DAYS } from '../protocol/pregnancy';
import { NIFAS_LAST_DAY } from '../protocol/stages';
import type { ProtocolSettings } from '../protocol/settings';
import { pregnancyViews } from '../record/pregnancy';
import { addDays, addYears, completedYears, daysBetween, type IsoDate } from '../time/dates';
import { numberOf, objectOf } from '../record/events';
import { addressOf, col, entriesOf, statusNote, type Prepared } from './prepare';
import type { KohortColumn, KohortRow } from './types';

const DELIVERY_PLACE: Record<string, string> = { facility: 'Fasilitas kesehatan', home: 'Rumah', 'on-the-way': 'Di perjalanan' };
const ATTENDANT: Record<string, string> = { doctor: 'Dokter', midwife: 'Bidan', nurse: 'Perawat', other: 'Lainnya' };
const OUTCOME: Record<string, string> = { 'live-birth': 'Lahir hidup', stillbirth: 'Lahir mati', abortion: 'Keguguran' };
const STATE: Record<string, string> = { ongoing: 'Hamil', delivered: 'Bersalin/nifas', ended: 'Kehamilan berakhir', expired: 'Tidak ada catatan persalinan' };

export function ibuColumns(): KohortColumn[] {
  return [
    col('no', 'No', 'No', 'integer'),
    col('nama', 'Nama ibu', "Mother's name"),
    col('nik', 'NIK', 'NIK'),
    col('umur', 'Umur ibu saat HPHT (tahun)', 'Age at LMP (years)', 'integer'),
    col('alamat', 'Alamat (RT/RW)', 'Address (RT/RW)'),
    col('kepala_keluarga', 'Kepala keluarga', 'Head of household'),
    col('gp', 'G/P', 'Gravida/Para'),
    col('hpht', 'HPHT', 'LMP', 'date'),
    col('hpl', 'HPL (taksiran persalinan)', 'Estimated delivery date', 'date'),
    col('usia_kehamilan', 'Usia kehamilan (minggu)', 'Gestational age (weeks)', 'integer'),
    col('risiko_4t', 'Faktor risiko 4T', '4T risk factors'),
    ...[1, 2, 3, 4, 5, 6].map((k) => col(`k${k}`, `K${k}`, `ANC K${k}`, 'date')),
    col('dokter_usg_k1', 'Dokter + USG TM1 (K1)', 'Doctor + USG TM1 (K1)', 'date'),
    col('dokter_usg_k5', 'Dokter + USG TM3 (K5)', 'Doctor + USG TM3 (K5)', 'date'),
    col('status_t', 'Status imunisasi T', 'Tetanus status'),
    col('lila', 'LiLA (cm)', 'MUAC (cm)', 'number'),
    col('kek', 'Status KEK', 'KEK status'),
    col('hb', 'Hb pertama (g/dL)', 'First Hb (g/dL)', 'number'),
    col('hb_akhir', 'Hb terakhir (g/dL)', 'Latest Hb (g/dL)', 'number'),
    col('tgl_persalinan', 'Tanggal persalinan', 'Delivery date', 'date'),
    col('tempat_persalinan', 'Tempat persalinan', 'Place of delivery'),
    col('penolong', 'Penolong persalinan', 'Birth attendant'),
    col('hasil', 'Hasil persalinan', 'Outcome'),
    ...[1, 2, 3, 4].map((k) => col(`kf${k}`, `KF${k}`, `Postpartum KF${k}`, 'date')),
    col('keterangan', 'Keterangan', 'Notes'),
  ];
}

/** The days a pregnancy belongs in the register: from HPHT to the end of nifas (or the end of the episode). */
function registerSpan(p: { hpht?: string | null; deliveredOn?: string | null; endedOn?: string | null; outcome?: string | null }, start: number): [IsoDate, IsoDate] {
  const hpht = isoFromDay(start);
  if (p.deliveredOn && p.outcome !== 'abortion') return [hpht, addDays(p.deliveredOn, NIFAS_LAST_DAY)];
  if (p.endedOn) return [hpht, p.endedOn];
  return [hpht, isoFromDay(start + EPISODE_MAX_DAYS - 1)];
}

export function ibuRows(p: Prepared, monthStart: IsoDate, on: IsoDate, settings: ProtocolSettings): KohortRow[] {
  if (p.person.sex !== 'F') return [];
  const inMonth = (p.facts.pregnancies ?? []).filter((preg) => {
    const start = pregnancyStartDay(preg);
    if (start === null) return false;
    const [from, to] = registerSpan(preg, start);
    return from <= on && to >= monthStart;
  });
  if (inMonth.length === 0) return [];
  // A pregnancy and its nifas last under a year: one year of history holds every window of the register.
  const entries = entriesOf(p, on, addYears(monthStart, -1), settings);
  const views = new Map(pregnancyViews(p.facts, entries, p.read, on).map((v) => [v.id, v]));
  const byId = new Map(p.read.map((r) => [r.e.id, r]));
  return inMonth.flatMap((preg): KohortRow[] => {
    const v = views.get(preg.id);
    if (!v) return [];
    const registration = byId.get(preg.id)?.value ?? {};
    const gravida = numberOf(objectOf(registration).gravida);
    const parity = preg.previousBirths ?? numberOf(objectOf(registration).parity);
    // Gestational age today while pregnant, at the birth once delivered.
    const weeks = v.gestationalAge ? v.gestationalAge.weeks : v.deliveredOn ? Math.floor(daysBetween(v.hpht, v.deliveredOn) / 7) : null;
    const slot = (list: typeof v.contacts, s: string) => list.find((c) => c.slot === s)?.date ?? null;
    return [{
      personId: p.person.id,
      pregnancyId: preg.id,
      cells: {
        nama: p.person.name,
        nik: p.person.nik,
        umur: completedYears(p.person.birthDate, v.hpht),
        alamat: addressOf(p.person.areaCode),
        kepala_keluarga: p.person.headName ?? null,
        gp: gravida !== null || parity !== null ? `G${gravida ?? '?'} P${parity ?? '?'}` : null,
        hpht: v.hpht,
        hpl: v.hpl,
        usia_kehamilan: weeks,
        risiko_4t: v.fourT ? (v.fourT.flagLabels.length ? v.fourT.flagLabels.map((f) => f.id).join(', ') : 'Tidak ada') : null,
        k1: slot(v.contacts, 'K1'), k2: slot(v.contacts, 'K2'), k3: slot(v.contacts, 'K3'),
        k4: slot(v.contacts, 'K4'), k5: slot(v.contacts, 'K5'), k6: slot(v.contacts, 'K6'),
        dokter_usg_k1: slot(v.doctorUsg, 'K1'),
        dokter_usg_k5: slot(v.doctorUsg, 'K5'),
        status_t: v.tStatus ? `T${v.tStatus.dose}` : null,
        lila: v.kek?.lilaCm ?? null,
        kek: v.kek ? v.kek.label.id : null,
        // The first Hb (at K1) and the latest (TM3) — the two the ANC service asks for.
        hb: v.hb[0]?.gPerDl ?? null,
        hb_akhir: v.hb.length > 1 ? v.hb.at(-1)!.gPerDl : null,
        tgl_persalinan: v.deliveredOn ?? (v.outcome === 'abortion' ? v.endedOn : null),
        tempat_persalinan: v.delivery?.place ? DELIVERY_PLACE[v.delivery.place] ?? v.delivery.place : null,
        penolong: v.delivery?.attendant ? ATTENDANT[v.delivery.attendant] ?? v.delivery.attendant : null,
        hasil: v.outcome ? OUTCOME[v.outcome] ?? v.outcome : null,
        kf1: slot(v.kf, 'KF1'), kf2: slot(v.kf, 'KF2'), kf3: slot(v.kf, 'KF3'), kf4: slot(v.kf, 'KF4'),
        keterangan: statusNote(p.person) ?? STATE[v.state] ?? null,
      },
      marks: {
        ...(v.fourT ? { risiko_4t: v.fourT.band } : {}),
        ...(v.kek ? { kek: v.kek.band } : {}),
      },
    }];
  });
}
