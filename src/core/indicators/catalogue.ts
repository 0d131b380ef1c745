/**
 * The indicator catalogue: SPM, klaster dashboards, visits and morbidity as
 * data (docs/indicators.md). Definitions here say what is counted and from
 * where the rule comes; evaluate.ts computes them per person and year from
 * the protocol's own windows (ANC, KF/KN, immunization), the anthropometry
 * categories and the screening scorers.
 *
 * Sources are the reference notes (../shared/docs/reference/ilp-domain.md
 * §4.4 dashboards, §5 services, §6 SPM, §8.2 recording content) and the
 * regulations they summarise. ⚠ items are stated in `note`.
 */
import type { IndicatorDef, IndicatorGroup, IndicatorKind, Lang, SasaranGroup } from './types';

const l = (id: string, en: string): Lang => ({ id, en });

/** SPM attainment target: 100 % of the target population (ilp-domain.md §6.1; PP 2/2018). */
export const SPM_TARGET = 100;

const SPM_SRC = 'ilp-domain.md §6.2; Permenkes 6/2024 (teks tidak terbaca — rincian dari Permenkes 4/2019)';
/**
 * Klaster indicators whose standard applies to every member of the group
 * (every pregnant woman, every birth): the notes give no national target,
 * so 100 % is the default a district may lower to its Renstra target.
 */
const UNIVERSAL_NOTE = 'Catatan tidak memberi target nasional; 100 % berarti standar berlaku untuk setiap sasaran — Dinkes dapat menetapkan target Renstra daerah.';

interface DefInput {
  id: string;
  group: IndicatorGroup;
  order: number;
  kind: IndicatorKind;
  label: Lang;
  numerator: Lang;
  denominator: Lang | null;
  sasaran: SasaranGroup | null;
  target: number | null;
  better?: 'higher' | 'lower';
  ratioOf?: string;
  countsOccurrences?: boolean;
  monthView: IndicatorDef['monthView'];
  source: string;
  note?: string;
}

const def = (d: DefInput): IndicatorDef => ({ better: 'higher', ...d });

const spm = (n: number, slug: string, d: Omit<DefInput, 'id' | 'group' | 'order' | 'kind' | 'target'> & { kind?: IndicatorKind }): IndicatorDef =>
  def({ kind: 'coverage', target: SPM_TARGET, ...d, id: `spm-${String(n).padStart(2, '0')}-${slug}`, group: 'spm', order: n });

export const SPM_INDICATORS: readonly IndicatorDef[] = [
  spm(1, 'ibu-hamil', {
    label: l('Pelayanan kesehatan ibu hamil', 'Antenatal care (pregnant women)'),
    numerator: l('Ibu hamil dengan minimal 6 kontak ANC (1-2-3 per trimester), 2 di antaranya dokter dengan USG (K1 di TM1, K5 di TM3)', 'Pregnant women with ≥ 6 ANC contacts (1-2-3 by trimester), two of them a doctor with ultrasound (K1 in TM1, K5 in TM3)'),
    denominator: l('Ibu hamil (kehamilan yang berlangsung dalam tahun itu)', 'Pregnant women (pregnancies ongoing during the year)'),
    sasaran: 'ibu-hamil', monthView: 'achieved',
    source: `${SPM_SRC} no. 1; KMK HK.01.07/MENKES/2015/2023 §IV.A.1.a (ilp-domain.md §5.1)`,
    note: 'Standar ILP (6 kontak 1-2-3, dokter + USG di K1 dan K5) dipakai menggantikan 4 kontak Permenkes 4/2019; ⚠ diasumsikan sama dengan Permenkes 6/2024. 10T per kunjungan tidak dinilai. Dihitung pada bulan kontak yang melengkapi pola.',
  }),
  spm(2, 'ibu-bersalin', {
    label: l('Pelayanan kesehatan ibu bersalin', 'Delivery care'),
    numerator: l('Persalinan di fasilitas kesehatan ditolong tenaga kesehatan', 'Deliveries in a health facility attended by a health worker'),
    denominator: l('Ibu bersalin: persalinan tercatat, atau HPL, dalam tahun itu', 'Delivering women: recorded delivery, or due date, in the year'),
    sasaran: 'ibu-bersalin', monthView: 'achieved',
    source: `${SPM_SRC} no. 2; KMK §IV.A.1 (persalinan di fasilitas oleh tim)`,
    note: 'Penolong dokter, bidan atau perawat dianggap tim kompeten (⚠ susunan tim 3 orang tidak dicatat). Kehamilan tanpa catatan persalinan masuk register pada bulan HPL.',
  }),
  spm(3, 'bayi-baru-lahir', {
    label: l('Pelayanan kesehatan bayi baru lahir', 'Newborn care'),
    numerator: l('Bayi dengan KN1, KN2 dan KN3 masing-masing pada periodenya', 'Newborns with KN1, KN2 and KN3 each in its period'),
    denominator: l('Bayi lahir hidup (masa neonatal 0–28 hari dalam tahun itu)', 'Live births (neonatal days 0–28 within the year)'),
    sasaran: 'bayi-lahir-hidup', monthView: 'achieved',
    source: `${SPM_SRC} no. 3; KMK §IV.A.2 (KN lengkap 3 kali sesuai periode)`,
    note: 'Periode KN dari implementasi (KMK menampilkannya sebagai gambar). Pelayanan esensial 0–6 jam tidak dicatat terpisah; ⚠ Permenkes 6/2024 mungkin menambah SHK.',
  }),
  spm(4, 'balita', {
    label: l('Pelayanan kesehatan balita', 'Under-five care'),
    numerator: l('Balita ditimbang ≥ 8 bulan dan diukur panjang/tinggi ≥ 2 bulan dalam setahun (proporsional bila menjadi balita sebagian tahun)', 'Under-fives weighed in ≥ 8 months and measured for length/height in ≥ 2 months of the year (pro rata for part of the year)'),
    denominator: l('Anak umur 0–59 bulan dalam tahun itu', 'Children aged 0–59 months during the year'),
    sasaran: 'balita', monthView: 'achieved',
    source: `${SPM_SRC} no. 4 (Permenkes 4/2019 dari ingatan)`,
    note: '⚠ Standar Permenkes 4/2019 dicatat dari ingatan dan teks 6/2024 belum terbaca: hanya penimbangan (≥ 8×) dan panjang/tinggi (≥ 2×) dinilai; perkembangan, vitamin A dan imunisasi dilihat di indikator klaster 2.',
  }),
  spm(5, 'usia-pendidikan-dasar', {
    label: l('Pelayanan kesehatan usia pendidikan dasar', 'Basic-education-age health screening'),
    numerator: l('Anak kelas 1–9 dengan penjaringan atau pemeriksaan berkala dalam tahun itu', 'Children in grades 1–9 with an entry or periodic school health check in the year'),
    denominator: l('Anak kelas 1–9 (kelas tercatat, atau dari umur)', 'Children in grades 1–9 (recorded grade, or from age)'),
    sasaran: 'usia-pendidikan-dasar', monthView: 'served',
    source: `${SPM_SRC} no. 5; KMK §IV.A.3 (UKS/M penjaringan dan pemeriksaan berkala)`,
    note: '⚠ Sasaran kelas 1–9 (satu aplikasi memakai kelas 1 dan 7 saja). Kelas tanpa catatan dihitung dari umur (pengaturan school.grade1Age).',
  }),
  spm(6, 'usia-produktif', {
    label: l('Pelayanan kesehatan usia produktif', 'Productive-age screening'),
    numerator: l('Penduduk 15–59 tahun dengan skrining PTM (tekanan darah dan BB/IMT/lingkar perut) dalam tahun itu', 'Residents aged 15–59 screened for NCD (blood pressure and weight/BMI/waist) in the year'),
    denominator: l('Penduduk 15–59 tahun', 'Residents aged 15–59'),
    sasaran: 'usia-produktif', monthView: 'achieved',
    source: `${SPM_SRC} no. 6; KMK Tabel 19 (skrining obesitas dan hipertensi mulai 15 tahun)`,
    note: '⚠ Batas umur dari SPM, bukan KMK. Gula darah (≥ 40 tahun), SRQ-20 dan IVA/SADANIS tidak disyaratkan; dilihat di indikator klaster 3.',
  }),
  spm(7, 'usia-lanjut', {
    label: l('Pelayanan kesehatan usia lanjut', 'Elderly screening'),
    numerator: l('Lansia dengan SKILAS dan tekanan darah dalam tahun itu', 'Elderly with SKILAS and a blood pressure in the year'),
    denominator: l('Penduduk umur ≥ 60 tahun', 'Residents aged 60 and over'),
    sasaran: 'usia-lanjut', monthView: 'achieved',
    source: `${SPM_SRC} no. 7; KMK Tabel 29 (skrining geriatri tahunan: SKILAS, tekanan darah …)`,
    note: 'Standar ILP (SKILAS) dipakai; dari isi Tabel 29 hanya SKILAS dan tekanan darah disyaratkan.',
  }),
  spm(8, 'hipertensi', {
    label: l('Pelayanan kesehatan penderita hipertensi', 'Hypertension care'),
    numerator: l('Penderita hipertensi ≥ 15 tahun yang diukur tekanan darahnya', 'People with hypertension aged 15+ whose blood pressure was measured'),
    denominator: l('Penduduk ≥ 15 tahun dengan diagnosis hipertensi (I10–I15) atau tekanan darah kelas hipertensi', 'Residents 15+ with a hypertension diagnosis (I10–I15) or a blood pressure in a hypertensive class'),
    sasaran: 'hipertensi', monthView: 'served',
    source: `${SPM_SRC} no. 8; KMK Tabel 22 (kelas tekanan darah dewasa), Tabel 14 (remaja)`,
    note: '⚠ Permenkes 4/2019: pemeriksaan bulanan + edukasi + terapi; di sini dilayani = tekanan darah diukur (pembilang tahunan saat pertama kali, per bulan di monthsServed).',
  }),
  spm(9, 'diabetes', {
    label: l('Pelayanan kesehatan penderita diabetes melitus', 'Diabetes care'),
    numerator: l('Penderita DM ≥ 15 tahun yang diperiksa gula darahnya', 'People with diabetes aged 15+ whose blood glucose was checked'),
    denominator: l('Penduduk ≥ 15 tahun dengan diagnosis DM (E10–E14) atau gula darah kelas diabetes', 'Residents 15+ with a diabetes diagnosis (E10–E14) or a glucose in the diabetes class'),
    sasaran: 'diabetes', monthView: 'served',
    source: `${SPM_SRC} no. 9; KMK Tabel 23–24 (kelas gula darah)`,
    note: '⚠ Permenkes 4/2019: pemeriksaan bulanan; di sini dilayani = gula darah diperiksa. GDS glukometer ≥ 200 tanpa gejala klasik belum dihitung sebagai diabetes.',
  }),
  spm(10, 'odgj-berat', {
    label: l('Pelayanan kesehatan ODGJ berat', 'Severe mental illness care'),
    numerator: l('ODGJ berat yang dilayani (diagnosis F20–F29 dicatat pada kunjungan)', 'People with severe mental illness served (F20–F29 recorded at a visit)'),
    denominator: l('Penduduk dengan diagnosis F20–F29', 'Residents with an F20–F29 diagnosis'),
    sasaran: 'odgj-berat', monthView: 'served',
    source: `${SPM_SRC} no. 10; ICD-10 WHO 2010 blok F20–F29 (skizofrenia dan gangguan psikotik)`,
    note: '⚠ Blok ICD-10 untuk "ODGJ berat" tidak ada di catatan (pengetahuan umum; beberapa daerah menambah F30–F31). Kunjungan kontrol mencatat ulang diagnosisnya.',
  }),
  spm(11, 'terduga-tb', {
    label: l('Pelayanan kesehatan orang terduga TBC', 'Presumptive TB care'),
    numerator: l('Terduga TBC yang mendapat kesimpulan pemeriksaan: diagnosis TBC (A15–A19), skoring TBC anak, atau observasi bukan TBC (Z03.0)', 'Presumptive TB cases with a diagnostic conclusion: TB diagnosis (A15–A19), child TB score, or TB ruled out (Z03.0)'),
    denominator: l('Orang dengan hasil skrining gejala "terduga TBC"', 'People screened "presumptive TB"'),
    sasaran: 'terduga-tb', monthView: 'achieved',
    source: `${SPM_SRC} no. 11; KMK §IV.A.2, Formulir 1 (skrining gejala TBC)`,
    note: '⚠ Pemeriksaan bakteriologis (TCM/BTA) belum punya kode di Siklus; kesimpulannya dicatat sebagai diagnosis. Z03.0 (ICD-10 WHO) tidak ada di catatan.',
  }),
  spm(12, 'risiko-hiv', {
    label: l('Pelayanan kesehatan orang dengan risiko terinfeksi HIV', 'HIV testing of people at risk'),
    numerator: l('Orang berisiko yang dites HIV selama masa risikonya', 'People at risk tested for HIV during their risk period'),
    denominator: l('Ibu hamil, pasien TBC dan pasien IMS (A50–A64) dalam tahun itu', 'Pregnant women, TB patients and STI patients (A50–A64) in the year'),
    sasaran: 'risiko-hiv', monthView: 'achieved',
    source: `${SPM_SRC} no. 12; KMK Gambar 13 (tes HIV ibu hamil)`,
    note: 'Populasi kunci (penasun, LSL, waria, penjaja seks) tidak dicatat di Siklus. ⚠ Blok IMS A50–A64 dari ICD-10 WHO, tidak ada di catatan.',
  }),
];

const k2 = (order: number, d: Omit<DefInput, 'group' | 'order'>): IndicatorDef => def({ ...d, group: 'klaster2', order });
const K2_DASH = 'ilp-domain.md §4.4 (Dashboard Klaster 2, KMK Bab X.2)';

export const KLASTER2_INDICATORS: readonly IndicatorDef[] = [
  k2(1, {
    id: 'k2-k1', kind: 'coverage', target: 100, sasaran: 'ibu-hamil', monthView: 'achieved',
    label: l('K1 (kontak ANC pertama)', 'K1 (first ANC contact)'),
    numerator: l('Ibu hamil dengan kontak ANC pertama kehamilannya', 'Pregnant women with their first ANC contact of the pregnancy'),
    denominator: l('Ibu hamil', 'Pregnant women'),
    source: `${K2_DASH}; KMK §IV.A.1.a; §8.2 (% K1–K6)`,
    note: `K1 akses: kontak pertama pada umur kehamilan berapa pun. ${UNIVERSAL_NOTE}`,
  }),
  k2(2, {
    id: 'k2-k6', kind: 'coverage', target: 100, sasaran: 'ibu-hamil', monthView: 'achieved',
    label: l('K6 (6 kontak ANC 1-2-3)', 'K6 (six ANC contacts 1-2-3)'),
    numerator: l('Ibu hamil dengan 1 kontak di TM1, 2 di TM2 dan 3 di TM3', 'Pregnant women with 1 contact in TM1, 2 in TM2 and 3 in TM3'),
    denominator: l('Ibu hamil', 'Pregnant women'),
    source: `${K2_DASH}; KMK §IV.A.1.a (minimal 6 kontak)`,
    note: `Syarat dokter + USG ada di SPM 1. ${UNIVERSAL_NOTE}`,
  }),
  k2(3, {
    id: 'k2-persalinan-faskes', kind: 'coverage', target: 100, sasaran: 'ibu-bersalin', monthView: 'achieved',
    label: l('Persalinan di fasilitas kesehatan', 'Deliveries in a health facility'),
    numerator: l('Persalinan di Puskesmas, Pustu atau fasilitas lain', 'Deliveries at a Puskesmas, Pustu or another facility'),
    denominator: l('Ibu bersalin (persalinan tercatat atau HPL dalam tahun itu)', 'Delivering women (recorded delivery or due date in the year)'),
    source: `${K2_DASH}; KMK §IV.A.1 (persalinan wajib di fasilitas kesehatan)`,
    note: UNIVERSAL_NOTE,
  }),
  k2(4, {
    id: 'k2-kf-lengkap', kind: 'coverage', target: 100, sasaran: 'ibu-bersalin', monthView: 'achieved',
    label: l('KF lengkap', 'Complete postpartum visits (KF)'),
    numerator: l('Ibu nifas dengan KF1–KF4 masing-masing pada periodenya', 'Postpartum mothers with KF1–KF4 each in its period'),
    denominator: l('Ibu nifas (hari 0–42 setelah persalinan dalam tahun itu)', 'Postpartum mothers (days 0–42 after delivery within the year)'),
    source: `${K2_DASH}; KMK §IV.A.1.e (KF1–KF4)`,
    note: `Sasaran proyeksi nifas = ibu bersalin (ilp-domain.md §6.3). ${UNIVERSAL_NOTE}`,
  }),
  k2(5, {
    id: 'k2-kn-lengkap', kind: 'coverage', target: 100, sasaran: 'bayi-lahir-hidup', monthView: 'achieved',
    label: l('KN lengkap', 'Complete neonatal visits (KN)'),
    numerator: l('Bayi dengan KN1–KN3 masing-masing pada periodenya', 'Newborns with KN1–KN3 each in its period'),
    denominator: l('Bayi baru lahir (0–28 hari dalam tahun itu)', 'Newborns (days 0–28 within the year)'),
    source: `${K2_DASH}; KMK §IV.A.2 (KN lengkap 3 kali)`,
    note: `Sama dengan pembilang SPM 3. ${UNIVERSAL_NOTE}`,
  }),
  k2(6, {
    id: 'k2-idl', kind: 'coverage', target: 100, sasaran: 'bayi', monthView: 'achieved',
    label: l('Imunisasi dasar lengkap (IDL)', 'Complete basic immunization (IDL)'),
    numerator: l('Bayi yang melengkapi imunisasi dasar sebelum umur 12 bulan', 'Infants completing basic immunization before 12 months of age'),
    denominator: l('Bayi (0–11 bulan dalam tahun itu)', 'Infants (0–11 months during the year)'),
    source: `${K2_DASH}; KMK Tabel 7; reference-data.md §2 (daftar antigen IDL)`,
    note: `Antigen dan batas umur dari pengaturan immunization.idlItems/idlBeforeMonths (⚠ apakah PCV/RV dihitung belum pasti). Dihitung pada bulan dosis terakhir. ${UNIVERSAL_NOTE}`,
  }),
  k2(7, {
    id: 'k2-baduta-lengkap', kind: 'coverage', target: 100, sasaran: 'baduta', monthView: 'achieved',
    label: l('Imunisasi baduta lengkap', 'Complete baduta booster immunization'),
    numerator: l('Anak yang melengkapi imunisasi lanjutan baduta sebelum umur 24 bulan', 'Children completing the baduta boosters before 24 months of age'),
    denominator: l('Anak umur 12–23 bulan dalam tahun itu', 'Children aged 12–23 months during the year'),
    source: `${K2_DASH}; KMK Tabel 8 (imunisasi lanjutan baduta)`,
    note: `Antigen dari pengaturan immunization.badutaItems (⚠ definisi indikator perlu konfirmasi). ${UNIVERSAL_NOTE}`,
  }),
  k2(8, {
    id: 'k2-skdn-s', kind: 'count', target: null, sasaran: 'balita', monthView: 'served',
    label: l('S — balita di wilayah', 'S — under-fives in the area'),
    numerator: l('Balita 0–59 bulan terdaftar (per bulan: yang berumur balita pada bulan itu)', 'Registered under-fives 0–59 months (per month: those of under-five age that month)'),
    denominator: null,
    source: `${K2_DASH}; ilp-domain.md §5.3 (SKDN)`,
  }),
  k2(9, {
    id: 'k2-skdn-d', kind: 'count', target: null, sasaran: null, monthView: 'served',
    label: l('D — balita ditimbang', 'D — under-fives weighed'),
    numerator: l('Balita yang ditimbang pada bulan itu', 'Under-fives weighed in the month'),
    denominator: null,
    source: `${K2_DASH}; ilp-domain.md §5.3 (SKDN)`,
  }),
  k2(10, {
    id: 'k2-skdn-n', kind: 'count', target: null, sasaran: null, monthView: 'served',
    label: l('N — berat badan naik', 'N — weight gained adequately'),
    numerator: l('Balita ditimbang yang naik sesuai KBM dibanding bulan lalu', 'Under-fives weighed whose gain since last month reached the minimum (KBM)'),
    denominator: null,
    source: `${K2_DASH}; ilp-domain.md §5.3; KBM dari core/anthropometry/growth-monitoring.ts`,
    note: '⚠ Tabel KBM dari KMS (Permenkes 155/2010) [verify]. O (tidak ditimbang bulan lalu) dan B (baru) bukan N maupun T.',
  }),
  k2(11, {
    id: 'k2-skdn-t', kind: 'count', target: null, sasaran: null, better: 'lower', monthView: 'served',
    label: l('T — berat badan tidak naik', 'T — weight not gained adequately'),
    numerator: l('Balita ditimbang yang tidak naik sesuai KBM dibanding bulan lalu', 'Under-fives weighed whose gain since last month was below the minimum (KBM)'),
    denominator: null,
    source: `${K2_DASH}; ilp-domain.md §5.3; KBM dari core/anthropometry/growth-monitoring.ts`,
    note: '⚠ Tabel KBM [verify]. O dan B tidak dihitung.',
  }),
  k2(12, {
    id: 'k2-skdn-ds', kind: 'ratio', target: null, sasaran: null, ratioOf: 'k2-skdn-s', monthView: 'served',
    label: l('D/S — partisipasi penimbangan', 'D/S — weighing participation'),
    numerator: l('Balita ditimbang (D)', 'Under-fives weighed (D)'),
    denominator: l('Balita di wilayah (S)', 'Under-fives in the area (S)'),
    source: `${K2_DASH}; ilp-domain.md §5.3 (D/S)`,
    note: 'Catatan tidak memberi target D/S; warna tidak dihitung sampai Dinkes menetapkannya.',
  }),
  k2(13, {
    id: 'k2-skdn-nd', kind: 'ratio', target: null, sasaran: null, ratioOf: 'k2-skdn-d', monthView: 'served',
    label: l('N/D — keberhasilan penimbangan', 'N/D — growth success'),
    numerator: l('Balita naik berat badan (N)', 'Under-fives gaining weight (N)'),
    denominator: l('Balita ditimbang (D)', 'Under-fives weighed (D)'),
    source: `${K2_DASH}; ilp-domain.md §5.3 (N/D)`,
    note: 'Catatan tidak memberi target N/D.',
  }),
  k2(14, {
    id: 'k2-gizi-kurang', kind: 'coverage', target: null, better: 'lower', sasaran: null, monthView: 'served',
    label: l('Gizi kurang (wasting)', 'Wasting (gizi kurang)'),
    numerator: l('Balita dengan BB/PB atau BB/TB −3 sampai < −2 SD', 'Under-fives with weight-for-length/height −3 to < −2 SD'),
    denominator: l('Balita yang diukur BB dan PB/TB', 'Under-fives measured for weight and length/height'),
    source: `${K2_DASH}; Permenkes 2/2020 (kategori "Gizi kurang"), core/anthropometry/permenkes.ts`,
    note: 'Prevalensi di antara balita yang diukur; ilp-domain.md §8.2 juga menyebut underweight "gizi kurang" — lihat k2-bb-kurang.',
  }),
  k2(15, {
    id: 'k2-gizi-buruk', kind: 'coverage', target: null, better: 'lower', sasaran: null, monthView: 'served',
    label: l('Gizi buruk (severe wasting)', 'Severe wasting (gizi buruk)'),
    numerator: l('Balita dengan BB/PB atau BB/TB < −3 SD atau edema', 'Under-fives with weight-for-length/height < −3 SD or oedema'),
    denominator: l('Balita yang diukur BB dan PB/TB', 'Under-fives measured for weight and length/height'),
    source: `ilp-domain.md §8.2 (morbiditas bayi); Permenkes 2/2020, core/anthropometry/permenkes.ts`,
  }),
  k2(16, {
    id: 'k2-bb-kurang', kind: 'coverage', target: null, better: 'lower', sasaran: null, monthView: 'served',
    label: l('Berat badan kurang (underweight)', 'Underweight'),
    numerator: l('Balita dengan BB/U < −2 SD', 'Under-fives with weight-for-age < −2 SD'),
    denominator: l('Balita yang ditimbang', 'Under-fives weighed'),
    source: `ilp-domain.md §8.2 (underweight); Permenkes 2/2020, core/anthropometry/permenkes.ts`,
  }),
  k2(17, {
    id: 'k2-stunting', kind: 'coverage', target: null, better: 'lower', sasaran: null, monthView: 'served',
    label: l('Stunting (pendek dan sangat pendek)', 'Stunting (stunted and severely stunted)'),
    numerator: l('Balita dengan PB/U atau TB/U < −2 SD', 'Under-fives with length/height-for-age < −2 SD'),
    denominator: l('Balita yang diukur PB/TB', 'Under-fives measured for length/height'),
    source: `${K2_DASH}; Permenkes 2/2020, core/anthropometry/permenkes.ts`,
  }),
  k2(18, {
    id: 'k2-ttd-remaja-putri', kind: 'coverage', target: 100, sasaran: 'remaja-putri', monthView: 'served',
    label: l('Remaja putri mendapat TTD', 'Adolescent girls receiving iron-folic acid (TTD)'),
    numerator: l('Siswi kelas 7–12 yang mendapat TTD', 'Girls in grades 7–12 who received TTD'),
    denominator: l('Remaja putri kelas 7–12 (kelas tercatat, atau dari umur)', 'Girls in grades 7–12 (recorded grade, or from age)'),
    source: `${K2_DASH}; KMK §IV.A.3 (TTD mingguan kelas 7–12)`,
    note: `Per bulan: yang mendapat TTD pada bulan itu. ⚠ Kepatuhan minum (1 tablet/minggu) tidak dinilai. ${UNIVERSAL_NOTE}`,
  }),
];

const k3 = (order: number, d: Omit<DefInput, 'group' | 'order'>): IndicatorDef => def({ ...d, group: 'klaster3', order });
const K3_DASH = 'ilp-domain.md §4.4 (Dashboard Klaster 3, KMK Bab X.2)';

export const KLASTER3_INDICATORS: readonly IndicatorDef[] = [
  k3(1, {
    id: 'k3-ptm-skrining', kind: 'coverage', target: 100, sasaran: null, monthView: 'served',
    label: l('Skrining PTM (tekanan darah) ≥ 15 tahun', 'NCD screening (blood pressure), 15+'),
    numerator: l('Penduduk ≥ 15 tahun yang diukur tekanan darahnya', 'Residents 15+ whose blood pressure was measured'),
    denominator: l('Penduduk ≥ 15 tahun', 'Residents 15+'),
    source: `${K3_DASH}; KMK Tabel 19 (hipertensi ≥ 15 tahun, ≥ 1×/tahun)`,
    note: UNIVERSAL_NOTE,
  }),
  k3(2, {
    id: 'k3-hipertensi-dilayani', kind: 'coverage', target: 100, sasaran: null, monthView: 'served',
    label: l('Penderita hipertensi terdiagnosis dilayani', 'Diagnosed hypertension served'),
    numerator: l('Penderita dengan diagnosis hipertensi yang diukur tekanan darahnya', 'People diagnosed with hypertension whose blood pressure was measured'),
    denominator: l('Penduduk dengan diagnosis hipertensi (I10–I15)', 'Residents with a hypertension diagnosis (I10–I15)'),
    source: `${K3_DASH}; KMK §V.C.1 (pemantauan bulanan penderita kronis di Pustu)`,
    note: `Per bulan: dilayani pada bulan itu (pemantauan bulanan). ${UNIVERSAL_NOTE}`,
  }),
  k3(3, {
    id: 'k3-diabetes-dilayani', kind: 'coverage', target: 100, sasaran: null, monthView: 'served',
    label: l('Penderita diabetes terdiagnosis dilayani', 'Diagnosed diabetes served'),
    numerator: l('Penderita dengan diagnosis DM yang diperiksa gula darahnya', 'People diagnosed with diabetes whose glucose was checked'),
    denominator: l('Penduduk dengan diagnosis DM (E10–E14)', 'Residents with a diabetes diagnosis (E10–E14)'),
    source: `${K3_DASH}; KMK §5.5 (DM terkendali: gula darah bulanan di Posyandu/Pustu)`,
    note: UNIVERSAL_NOTE,
  }),
  k3(4, {
    id: 'k3-lansia-skilas', kind: 'coverage', target: 100, sasaran: 'usia-lanjut', monthView: 'served',
    label: l('Lansia diskrining (SKILAS)', 'Elderly screened (SKILAS)'),
    numerator: l('Lansia dengan SKILAS dalam tahun itu', 'Elderly with SKILAS in the year'),
    denominator: l('Penduduk ≥ 60 tahun', 'Residents 60+'),
    source: `${K3_DASH}; KMK Tabel 29, Formulir 5 (SKILAS ≥ 1×/tahun)`,
    note: UNIVERSAL_NOTE,
  }),
];

const k4 = (order: number, d: Omit<DefInput, 'group' | 'order'>): IndicatorDef => def({ ...d, group: 'klaster4', order });
const K4_DASH = 'ilp-domain.md §4.4 (Dashboard Klaster 4, KMK Bab X.2)';

export const KLASTER4_INDICATORS: readonly IndicatorDef[] = [
  k4(1, {
    id: 'k4-tb-skrining', kind: 'count', target: null, sasaran: null, monthView: 'served',
    label: l('Diskrining gejala TBC', 'Screened for TB symptoms'),
    numerator: l('Orang dengan skrining gejala TBC', 'People screened for TB symptoms'),
    denominator: null,
    source: `${K4_DASH}; KMK Formulir 1`,
  }),
  k4(2, {
    id: 'k4-tb-terduga', kind: 'count', target: null, sasaran: null, monthView: 'served',
    label: l('Terduga TBC ditemukan', 'Presumptive TB found'),
    numerator: l('Orang dengan hasil skrining "terduga TBC"', 'People screened "presumptive TB"'),
    denominator: null,
    source: `${K4_DASH}; KMK §IV.A.2 (hasil bukan terduga / kontak erat / terduga)`,
  }),
  k4(3, {
    id: 'k4-tb-ik', kind: 'coverage', target: 100, sasaran: null, monthView: 'achieved',
    label: l('Investigasi kontak dilakukan', 'Contact investigation done'),
    numerator: l('Kasus indeks TBC yang investigasi kontaknya dicatat', 'TB index cases with a contact investigation recorded'),
    denominator: l('Kasus indeks TBC (diagnosis A15–A19)', 'TB index cases (diagnosis A15–A19)'),
    source: `${K4_DASH}; KMK Formulir 1 (TBC.16K, minimal 20 kontak per indeks)`,
    note: 'Jumlah kontak (≥ 20) tidak dinilai; kasus indeks tetap di register sampai investigasinya tercatat atau akhir tahun diagnosis. Semua kode TBC dihitung sebagai indeks (⚠ seharusnya terkonfirmasi bakteriologis atau TBC anak).',
  }),
];

/** Visit place kinds counted on Dashboard Utama (ilp-domain.md §4.4): Puskesmas, Pustu, Posyandu, home visits. */
export const VISIT_INDICATOR_PLACES = { 'visit-puskesmas': 'puskesmas', 'visit-pustu': 'pustu', 'visit-posyandu': 'posyandu', 'visit-rumah': 'home' } as const;

const visit = (order: number, id: keyof typeof VISIT_INDICATOR_PLACES, label: Lang): IndicatorDef => def({
  id, group: 'utama', order, kind: 'count', target: null, sasaran: null, countsOccurrences: true, monthView: 'served',
  label, numerator: l('Kunjungan (satu per kunjungan tercatat)', 'Visits (one per recorded visit)'), denominator: null,
  source: 'ilp-domain.md §4.4 (Dashboard Utama: kunjungan Puskesmas, Pustu, Posyandu, kunjungan rumah)',
  note: 'Orang (numerator) dihitung sekali per tahun; kunjungan dihitung per bulan di counts.',
});

export const VISIT_INDICATORS: readonly IndicatorDef[] = [
  visit(1, 'visit-puskesmas', l('Kunjungan Puskesmas', 'Puskesmas visits')),
  visit(2, 'visit-pustu', l('Kunjungan Pustu', 'Pustu visits')),
  visit(3, 'visit-posyandu', l('Kunjungan Posyandu', 'Posyandu visits')),
  visit(4, 'visit-rumah', l('Kunjungan rumah', 'Home visits')),
];

/** Every fixed indicator, in dashboard order. Morbidity ids (`dx:…`) are made on demand. */
export const INDICATORS: readonly IndicatorDef[] = [
  ...SPM_INDICATORS, ...KLASTER2_INDICATORS, ...KLASTER3_INDICATORS, ...KLASTER4_INDICATORS, ...VISIT_INDICATORS,
];

const BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));

const MORBIDITY_PREFIX = 'dx:';
const ICD10_CATEGORY = /^[A-Z][0-9]{2}$/;

/** 'I10.9' → 'dx:I10' (ICD-10 3-character category). */
export function morbidityIndicatorId(code: string): string {
  return `${MORBIDITY_PREFIX}${code.trim().toUpperCase().slice(0, 3)}`;
}

export function isMorbidityId(id: string): boolean {
  return id.startsWith(MORBIDITY_PREFIX) && ICD10_CATEGORY.test(id.slice(MORBIDITY_PREFIX.length));
}

/** Order of morbidity indicators after the fixed ones of Dashboard Utama. */
const MORBIDITY_ORDER = 100;

/** The definition of a morbidity indicator: people with a diagnosis of the ICD-10 category in the period. */
export function morbidityIndicator(id: string, display?: Lang): IndicatorDef {
  if (!isMorbidityId(id)) throw new RangeError(`not a morbidity indicator id: ${id}`);
  const cat = id.slice(MORBIDITY_PREFIX.length);
  return def({
    id, group: 'utama', order: MORBIDITY_ORDER, kind: 'count', target: null, sasaran: null, better: 'lower', monthView: 'served',
    label: display ? l(`${cat} ${display.id}`, `${cat} ${display.en}`) : l(`Diagnosis ${cat}`, `Diagnosis ${cat}`),
    numerator: l(`Orang dengan diagnosis ${cat} (ICD-10)`, `People diagnosed ${cat} (ICD-10)`),
    denominator: null,
    source: 'ilp-domain.md §4.4 (Dashboard Utama: beban morbiditas), §8.1 (LB1: diagnosis ICD-10)',
    note: 'Satu orang dihitung sekali per tahun per kategori, per bulan bila didiagnosis pada bulan itu.',
  });
}

export function indicatorById(id: string): IndicatorDef | undefined {
  return BY_ID.get(id) ?? (isMorbidityId(id) ? morbidityIndicator(id) : undefined);
}
