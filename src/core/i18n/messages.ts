import type { Issue } from './issues';

export type Locale = 'id' | 'en';

/**
 * Validation and warning messages, Bahasa Indonesia first. Written for the
 * person at the keyboard (often a kader): what is wrong and what to do.
 * `{name}` is replaced from the issue's params.
 */
const MESSAGES: Record<string, Record<Locale, string>> = {
  required: { id: 'Wajib diisi.', en: 'Required.' },
  invalid: { id: 'Isian tidak valid.', en: 'Invalid value.' },
  too_long: { id: 'Terlalu panjang (maksimal {max} karakter).', en: 'Too long (at most {max} characters).' },
  too_short: { id: 'Terlalu pendek (minimal {min} karakter).', en: 'Too short (at least {min} characters).' },
  too_small: { id: 'Nilai minimal {min}.', en: 'The minimum is {min}.' },
  too_big: { id: 'Nilai maksimal {max}.', en: 'The maximum is {max}.' },
  invalid_option: { id: 'Pilihan tidak dikenal. Pilih salah satu: {options}.', en: 'Unknown choice. Pick one of: {options}.' },
  wrong_type: { id: 'Jenis isian salah (seharusnya {expected}).', en: 'Wrong type (expected {expected}).' },
  unknown_field: { id: 'Kolom tidak dikenal: {keys}.', en: 'Unknown field(s): {keys}.' },
  digits_only: { id: 'Hanya boleh berisi angka.', en: 'Digits only.' },
  invalid_date: { id: 'Tanggal tidak valid. Gunakan format TTTT-BB-HH.', en: 'Invalid date. Use YYYY-MM-DD.' },
  date_in_future: { id: 'Tanggal tidak boleh setelah hari ini.', en: 'The date cannot be after today.' },
  date_too_old: { id: 'Tanggal terlalu jauh di masa lalu.', en: 'The date is too far in the past.' },
  nik_format: {
    id: 'NIK harus 16 digit angka (terisi {length} digit). Periksa kembali dari KTP atau KK.',
    en: 'A NIK has 16 digits (got {length}). Check it against the KTP or KK.',
  },
  nik_date_block: {
    id: 'Digit 7–12 NIK bukan tanggal lahir yang mungkin. Periksa kembali NIK.',
    en: 'Digits 7–12 of the NIK are not a possible birth date. Check the NIK.',
  },
  nik_region_unknown: {
    id: 'Kode wilayah NIK ({region}) tidak dikenal. Periksa 6 digit pertama NIK.',
    en: 'The NIK region code ({region}) is unknown. Check the first 6 digits.',
  },
  nik_district_unknown: {
    id: 'Kode kecamatan NIK ({region}) tidak ada dalam daftar kecamatan saat ini. Lanjutkan jika NIK sesuai KTP.',
    en: 'The NIK kecamatan code ({region}) is not in the current list. Continue if the NIK matches the KTP.',
  },
  nik_birth_date_mismatch: {
    id: 'Tanggal lahir pada NIK ({nikDate}) berbeda dengan tanggal lahir yang diisi. Periksa keduanya; lanjutkan jika sudah sesuai dokumen.',
    en: 'The birth date in the NIK ({nikDate}) differs from the date entered. Check both; continue if they match the documents.',
  },
  nik_sex_mismatch: {
    id: 'Jenis kelamin menurut NIK berbeda dengan yang diisi (pada NIK perempuan, tanggal ditambah 40). Periksa kembali; lanjutkan jika sudah sesuai dokumen.',
    en: 'The sex encoded in the NIK differs from the one entered (women have 40 added to the day). Check; continue if it matches the documents.',
  },
  nik_duplicate: {
    id: 'NIK ini sudah terdaftar atas nama {name}. Buka data orang tersebut alih-alih mendaftar ulang.',
    en: 'This NIK is already registered to {name}. Open that record instead of registering again.',
  },
  possible_duplicate: {
    id: 'Sudah ada {name} dengan tanggal lahir yang sama di desa/kelurahan ini. Pastikan bukan orang yang sama.',
    en: '{name} with the same birth date already lives in this desa/kelurahan. Make sure it is not the same person.',
  },
  kk_format: {
    id: 'Nomor KK harus 16 digit angka (terisi {length} digit).',
    en: 'A KK number has 16 digits (got {length}).',
  },
  kk_date_block: { id: 'Digit 7–12 nomor KK bukan tanggal yang mungkin. Periksa kembali.', en: 'Digits 7–12 of the KK number are not a possible date.' },
  kk_region_unknown: { id: 'Kode wilayah nomor KK ({region}) tidak dikenal.', en: 'The KK region code ({region}) is unknown.' },
  kk_district_unknown: {
    id: 'Kode kecamatan nomor KK ({region}) tidak ada dalam daftar saat ini. Lanjutkan jika sesuai KK.',
    en: 'The KK kecamatan code ({region}) is not in the current list. Continue if it matches the KK.',
  },
  area_unknown: { id: 'Wilayah {code} tidak dikenal.', en: 'Unknown area {code}.' },
  area_outside_scope: { id: 'Wilayah ini di luar wilayah kerja Anda.', en: 'This area is outside your scope.' },
  area_level_invalid: { id: 'Wilayah harus di tingkat {level}.', en: 'The area must be a {level}.' },
  phone_format: {
    id: 'Nomor HP harus diawali 08 atau +62 dan berisi 9–13 digit.',
    en: 'A phone number starts with 08 or +62 and has 9–13 digits.',
  },
  jkn_format: { id: 'Nomor JKN harus 13 digit angka.', en: 'A JKN number has 13 digits.' },
  mother_not_female: { id: 'Ibu harus perempuan.', en: 'The mother must be female.' },
  mother_too_young: { id: 'Ibu harus lebih tua setidaknya 10 tahun dari anak.', en: 'The mother must be at least 10 years older than the child.' },
  status_date_required: { id: 'Isi tanggal meninggal/pindah.', en: 'Enter the date of death or move.' },
  household_unknown: { id: 'Keluarga tidak ditemukan di wilayah Anda.', en: 'Household not found in your area.' },
  mother_unknown: { id: 'Data ibu tidak ditemukan di wilayah Anda.', en: 'Mother not found in your area.' },
  nik_duplicate_elsewhere: {
    id: 'NIK ini sudah terdaftar di wilayah lain. Hubungi Puskesmas untuk memindahkan data orang tersebut.',
    en: 'This NIK is already registered in another area. Ask the Puskesmas to move that record.',
  },
  kk_duplicate: { id: 'Nomor KK ini sudah terdaftar. Buka keluarga tersebut alih-alih membuat baru.', en: 'This KK number is already registered. Open that household instead.' },
  kk_duplicate_elsewhere: { id: 'Nomor KK ini sudah terdaftar di wilayah lain.', en: 'This KK number is already registered in another area.' },
  head_not_member: { id: 'Kepala keluarga harus anggota keluarga ini.', en: 'The head must be a member of this household.' },
  date_before_birth: { id: 'Tanggal tidak boleh sebelum tanggal lahir.', en: 'The date cannot be before the birth date.' },
  move_same_place: { id: 'Orang ini sudah tinggal di sana.', en: 'This person already lives there.' },
  area_code_format: { id: 'Kode wilayah tidak valid (contoh: 74.02.15.1005).', en: 'Invalid area code (e.g. 74.02.15.1005).' },
  area_not_empty: {
    id: 'Wilayah ini masih berisi RT/RW, keluarga, penduduk atau fasilitas. Pindahkan dulu isinya.',
    en: 'This area still holds sub-units, households, people or facilities. Move them first.',
  },
  facility_parent_unknown: { id: 'Fasilitas induk tidak ditemukan.', en: 'Parent facility not found.' },
  facility_parent_type: { id: 'Induk fasilitas ini harus: {allowed}.', en: 'The parent must be: {allowed}.' },
  facility_parent_other_district: { id: 'Fasilitas induk harus di kabupaten/kota yang sama.', en: 'The parent must be in the same kabupaten/kota.' },
  coverage_other_district: { id: 'Wilayah {code} di luar kabupaten/kota fasilitas ini.', en: 'Area {code} is outside this facility\'s kabupaten/kota.' },
  user_facility_type: { id: 'Peran ini harus terikat pada fasilitas jenis {type}.', en: 'This role must be bound to a facility of type {type}.' },
  username_format: {
    id: 'Nama pengguna 3–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung.',
    en: 'Usernames have 3–40 letters, digits, dots, underscores or dashes.',
  },
  // District protocol settings (core/protocol/settings-validate.ts)
  settings_not_object: { id: 'Pengaturan harus berupa objek JSON.', en: 'Settings must be a JSON object.' },
  setting_unknown: { id: 'Pengaturan tidak dikenal.', en: 'Unknown setting.' },
  setting_type: { id: 'Jenis nilai salah (seharusnya {expected}).', en: 'Wrong value type (expected {expected}).' },
  setting_range: { id: 'Nilai harus antara {min} dan {max}.', en: 'The value must be between {min} and {max}.' },
  setting_order: { id: 'Urutan nilai salah: nilai awal harus sebelum nilai akhir, dan daftar harus urut naik.', en: 'Wrong order: the start must come before the end, and lists must ascend.' },
  setting_item_unknown: { id: 'Layanan {item} tidak ada dalam protokol.', en: 'Service {item} is not in the protocol.' },
  window_order: { id: 'Jendela waktu {item} tidak urut (paling awal ≤ jatuh tempo ≤ paling akhir).', en: 'The window of {item} is out of order (earliest ≤ due ≤ latest).' },
  // Person facts for the life-cycle engine
  pregnancy_start_missing: { id: 'Isi HPHT atau usia kehamilan saat pendaftaran.', en: 'Enter the LMP (HPHT) or the gestational age at registration.' },
  thresholds_order: { id: 'Ambang kuning harus lebih rendah dari ambang hijau.', en: 'The yellow threshold must be below the green one.' },
  gestational_age_range: { id: 'Usia kehamilan harus 0–{max} minggu dan 0–6 hari.', en: 'Gestational age must be 0–{max} weeks and 0–6 days.' },
  condition_end_before_start: { id: 'Tanggal selesai tidak boleh sebelum tanggal mulai.', en: 'The end date cannot be before the start date.' },
  school_grade_range: { id: 'Kelas sekolah harus 1–12.', en: 'School grade must be 1–12.' },
  // Screening scorers
  out_of_range: { id: 'Nilai harus antara {min} dan {max}.', en: 'The value must be between {min} and {max}.' },
  screening_age: { id: 'Skrining ini untuk usia {min} tahun ke atas.', en: 'This screening is for ages {min} and over.' },
  answer_count: { id: 'Isi semua {expected} pertanyaan.', en: 'Answer all {expected} questions.' },
  unknown_item: { id: 'Butir tidak dikenal.', en: 'Unknown item.' },
  bp_diastolic_not_below_systolic: { id: 'Tekanan diastolik harus lebih rendah dari sistolik. Periksa kembali pengukuran.', en: 'The diastolic pressure must be below the systolic. Check the measurement.' },
  glucose_measure_not_for_device: { id: 'Jenis pemeriksaan gula darah ini tidak tersedia untuk alat {device}.', en: 'This glucose measure is not available for a {device}.' },
  password_too_short: { id: 'Kata sandi minimal {min} karakter.', en: 'The password needs at least {min} characters.' },
  username_taken: { id: 'Nama pengguna sudah dipakai.', en: 'This username is taken.' },
  login_failed: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  // Recording events (core/records) — errors
  whole_number: { id: 'Isi bilangan bulat.', en: 'Enter a whole number.' },
  not_expected: { id: 'Isian ini tidak dipakai untuk catatan jenis ini; kosongkan.', en: 'This field is not used for this kind of record; leave it empty.' },
  unit_unknown: { id: 'Satuan {unit} tidak bisa dipakai di sini; gunakan {expected}.', en: 'The unit {unit} cannot be used here; use {expected}.' },
  code_unknown: { id: 'Kode {code} tidak dikenal. Pilih layanan dari daftar.', en: 'Unknown code {code}. Pick the service from the list.' },
  kind_code_mismatch: { id: 'Jenis catatan tidak cocok dengan kode {code} (kode ini untuk jenis {kind}).', en: 'The record kind does not fit code {code} (it is a {kind} code).' },
  diagnosis_system: { id: 'Diagnosis dicatat dengan kode ICD-10.', en: 'Diagnoses are recorded with ICD-10 codes.' },
  icd10_format: { id: 'Kode ICD-10 tidak valid (contoh: I10, J06.9).', en: 'Invalid ICD-10 code (e.g. I10, J06.9).' },
  dose_code_mismatch: { id: 'Dosis berbeda dengan dosis pada kode ({dose}). Periksa dosis ke berapa.', en: 'The dose differs from the dose in the code ({dose}). Check which dose it was.' },
  visit_ordinal_range: { id: 'Kunjungan ke-{max} adalah yang terakhir dalam protokol. Periksa nomor kunjungan.', en: 'Visit {max} is the last one in the protocol. Check the visit number.' },
  pregnancy_sex: { id: 'Catatan kehamilan, persalinan dan nifas hanya untuk perempuan. Periksa orang yang dipilih.', en: 'Pregnancy, delivery and postpartum records are for women only. Check the person.' },
  lmp_or_gestational_age: { id: 'Isi HPHT atau usia kehamilan, salah satu saja.', en: 'Enter the LMP or the gestational age, not both.' },
  lmp_too_old: { id: 'HPHT lebih dari {weeks} minggu yang lalu; kehamilan ini sudah berakhir. Periksa tanggalnya.', en: 'The LMP is more than {weeks} weeks ago; this pregnancy has ended. Check the date.' },
  parity_not_below_gravida: { id: 'Paritas (persalinan sebelumnya) harus lebih kecil dari gravida.', en: 'Parity (previous births) must be below gravida.' },
  delivery_births_required: { id: 'Isi data bayi yang lahir hidup (minimal jenis kelamin).', en: 'Enter the live-born babies (at least their sex).' },
  delivery_births_not_live: { id: 'Data bayi hanya diisi untuk kelahiran hidup.', en: 'Babies are listed only for a live birth.' },
  duplicate_id: { id: 'ID catatan ini dipakai dua kali dalam kunjungan yang sama.', en: 'This record id is used twice in the same visit.' },
  supersede_unknown: { id: 'Catatan yang dikoreksi tidak ditemukan pada orang ini.', en: 'The record being corrected was not found for this person.' },
  supersede_twice: { id: 'Catatan ini sudah dikoreksi. Koreksi catatan yang terbaru.', en: 'This record was already corrected. Correct the latest one.' },
  // Recording events — warnings the user confirms
  anthro_implausible: { id: 'Nilai {index} sangat tidak lazim untuk umur dan jenis kelamin ini (z = {z}). Ukur ulang; simpan bila sudah benar.', en: '{index} is very unusual for this age and sex (z = {z}). Measure again; save if it is right.' },
  bp_implausible: { id: 'Tekanan darah {systolic}/{diastolic} mmHg sangat tidak lazim. Ukur ulang; simpan bila sudah benar.', en: 'A blood pressure of {systolic}/{diastolic} mmHg is very unusual. Measure again; save if it is right.' },
  weight_change_implausible: { id: 'Berat badan sangat berbeda dengan penimbangan {date} ({previous} kg). Periksa satuan dan timbang ulang; simpan bila sudah benar.', en: 'The weight is very different from the weighing on {date} ({previous} kg). Check the unit and weigh again; save if it is right.' },
  value_implausible: { id: 'Nilai {value} {unit} tidak lazim (biasanya {min}–{max}). Periksa kembali; simpan bila sudah benar.', en: 'A value of {value} {unit} is unusual (usually {min}–{max}). Check again; save if it is right.' },
  // Visits and field sessions (server/modules/records, posyandu, home-visits)
  visit_conflict: { id: 'Kunjungan dengan ID ini sudah tersimpan dengan isi lain. Muat ulang data orang ini sebelum menyimpan lagi.', en: 'A visit with this id is stored with different content. Reload the person before saving again.' },
  event_conflict: { id: 'Catatan dengan ID ini sudah tersimpan dengan isi lain. Buat catatan baru atau koreksi catatan lama.', en: 'A record with this id is stored with different content. Make a new record or correct the old one.' },
  person_not_alive: { id: 'Orang ini tercatat meninggal atau pindah; layanan tidak dapat dicatat.', en: 'This person is recorded as deceased or moved away; services cannot be recorded.' },
  facility_unknown: { id: 'Fasilitas tidak ditemukan di wilayah Anda.', en: 'Facility not found in your area.' },
  facility_not_posyandu: { id: 'Pilih sebuah Posyandu.', en: 'Choose a Posyandu.' },
  session_unknown: { id: 'Sesi Posyandu atau kunjungan rumah tidak ditemukan.', en: 'Posyandu session or home visit not found.' },
  session_place_mismatch: { id: 'Tempat kunjungan harus sama dengan sesi ({place}).', en: 'The visit place must match the session ({place}).' },
  session_date_mismatch: { id: 'Tanggal kunjungan harus sama dengan tanggal sesi ({date}).', en: 'The visit date must be the session date ({date}).' },
  session_household_mismatch: { id: 'Orang ini bukan anggota keluarga yang dikunjungi.', en: 'This person is not a member of the visited household.' },
  session_closed: { id: 'Sesi Posyandu ini sudah ditutup.', en: 'This Posyandu session is closed.' },
  session_conflict: { id: 'Kunjungan rumah dengan ID ini sudah tersimpan untuk keluarga atau tanggal lain.', en: 'A home visit with this id is stored for another household or date.' },
  date_too_far: { id: 'Tanggal terlalu jauh ke depan (paling lambat {max}).', en: 'The date is too far ahead (at most {max}).' },
  // Referrals (server/modules/referrals)
  person_unknown: { id: 'Orang ini tidak ditemukan. Cari ulang lalu pilih dari daftar.', en: 'This person was not found. Search again and pick from the list.' },
  referral_person_not_alive: { id: 'Orang ini tercatat meninggal atau pindah, sehingga tidak dapat dirujuk.', en: 'This person is recorded as deceased or moved away and cannot be referred.' },
  referral_facility_unknown: { id: 'Fasilitas tidak ditemukan atau tidak aktif. Pilih dari daftar.', en: 'Facility not found or inactive. Pick one from the list.' },
  referral_from_not_yours: { id: 'Rujukan dikirim dari fasilitas tempat Anda bertugas.', en: 'A referral is sent from the facility you work at.' },
  referral_facility_type: { id: 'Dinas Kesehatan tidak mengirim atau menerima rujukan pasien. Pilih Posyandu, Pustu, Puskesmas, klinik atau rumah sakit.', en: 'The health office does not send or receive patient referrals. Pick a Posyandu, Pustu, Puskesmas, clinic or hospital.' },
  referral_same_facility: { id: 'Fasilitas tujuan sama dengan fasilitas pengirim. Pilih fasilitas lain.', en: 'The target is the sending facility. Pick another facility.' },
  referral_target_level: {
    id: 'Rujukan hanya ke fasilitas yang setingkat atau lebih tinggi (Posyandu → Pustu → Puskesmas → rumah sakit). Untuk mengembalikan pasien, gunakan rujuk balik.',
    en: 'Refer only to the same or a higher level (Posyandu → Pustu → Puskesmas → hospital). To send a patient back, use a back-referral.',
  },
  visit_unknown: { id: 'Kunjungan ini tidak ditemukan untuk orang tersebut.', en: 'This visit was not found for that person.' },
  referral_conflict: { id: 'Rujukan dengan kode yang sama sudah ada dengan isi berbeda. Muat ulang halaman lalu periksa rujukan yang tersimpan.', en: 'A referral with this id already exists with other content. Reload and check the stored referral.' },
  referral_status: { id: 'Rujukan ini sudah berstatus {status}; langkah ini tidak dapat dilakukan lagi. Muat ulang halaman.', en: 'This referral is already {status}; this step is no longer possible. Reload the page.' },
  referral_due_order: { id: 'Batas hari harus urut: gawat darurat ≤ segera ≤ biasa.', en: 'Due days must be ordered: emergency ≤ urgent ≤ routine.' },
  // Kohort registers (server/modules/kohort)
  kohort_month_format: { id: 'Bulan ditulis TTTT-BB, misalnya 2025-08.', en: 'Write the month as YYYY-MM, e.g. 2025-08.' },
  kohort_month_future: { id: 'Bulan ini belum dimulai. Pilih bulan berjalan atau sebelumnya.', en: 'This month has not started. Pick the current or an earlier month.' },
};

export function message(issue: Issue, locale: Locale = 'id'): string {
  const template = MESSAGES[issue.code]?.[locale] ?? MESSAGES.invalid![locale];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(issue.params?.[k] ?? `{${k}}`));
}

export function hasMessage(code: string): boolean {
  return code in MESSAGES;
}

/** Field → message map, the `fields` of an API error. The first issue per field wins. */
export function fieldMessages(issues: Issue[], locale: Locale = 'id'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const f = i.field ?? '_';
    if (!(f in out)) out[f] = message(i, locale);
  }
  return out;
}
