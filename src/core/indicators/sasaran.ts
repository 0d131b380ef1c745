/**
 * Estimated target groups (sasaran proyeksi) of a desa/kelurahan from its
 * population and rates — the first of the two denominators (ilp-domain.md
 * §6.3: live births = CBR × population; ibu hamil ≈ 1.1 × live births; ibu
 * bersalin/nifas ≈ 1.05 × live births; age groups from the population
 * structure; HT/DM = prevalence × population ≥ 15). Kemenkes (Pusdatin)
 * publishes the official "data sasaran program" every year: a Dinkes
 * replaces these defaults with it (per district rates here, per desa
 * overrides in the `sasaran` table).
 *
 * Evidence: the notes give the formulas as general knowledge (⚠), and
 * SP2020 published only broad age bands (0–14 = 23.33 %, 15–64 = 70.72 %,
 * 65+ = 5.95 %; BPS release of 21 Jan 2021), so every rate below is
 * 'unverified' except where a figure is quoted from a source: a district
 * must check them against its own Pusdatin targets.
 */
import type { SasaranGroup } from './types';

export type SasaranEvidence = 'confirmed' | 'unverified';

export interface SasaranRate {
  value: number;
  label: { id: string; en: string };
  source: string;
  evidence: SasaranEvidence;
}

export const SASARAN_RATE_KEYS = [
  'cbr', 'ibuHamilPerLiveBirth', 'ibuBersalinPerLiveBirth', 'infantPerLiveBirth', 'badutaPerLiveBirth',
  'shareBalita', 'sharePendidikanDasar', 'shareRemajaPutri', 'shareProduktif', 'shareLansia', 'share15Plus',
  'prevalenceHipertensi', 'prevalenceDiabetes', 'prevalenceOdgjBerat', 'rateTerdugaTb', 'incidenceTb',
] as const;
export type SasaranRateKey = (typeof SASARAN_RATE_KEYS)[number];
export type SasaranRates = Record<SasaranRateKey, SasaranRate>;

const SP2020 = 'BPS, rilis Sensus Penduduk 2020 (21 Jan 2021): 0–14 th 23,33 %, 15–64 th 70,72 %, 65+ th 5,95 %';
const R63 = 'ilp-domain.md §6.3 (rumus praktik Puskesmas, pengetahuan umum ⚠)';

const rate = (value: number, id: string, en: string, source: string, evidence: SasaranEvidence = 'unverified'): SasaranRate =>
  ({ value, label: { id, en }, source, evidence });

export const DEFAULT_SASARAN_RATES: SasaranRates = {
  cbr: rate(16, 'Angka kelahiran kasar (per 1.000 penduduk)', 'Crude birth rate (per 1,000)', `${R63}; nilai nasional sekitar SP2020 (TFR 2,18), bukan kutipan`),
  ibuHamilPerLiveBirth: rate(1.1, 'Ibu hamil per lahir hidup', 'Pregnant women per live birth', R63),
  ibuBersalinPerLiveBirth: rate(1.05, 'Ibu bersalin/nifas per lahir hidup', 'Delivering women per live birth', R63),
  infantPerLiveBirth: rate(1, 'Bayi per lahir hidup', 'Infants per live birth', `${R63} (bayi = lahir hidup)`),
  badutaPerLiveBirth: rate(2, 'Baduta per lahir hidup (dua kohort kelahiran)', 'Under-twos per live birth (two birth cohorts)', 'Siklus: dua kohort kelahiran tahunan, tanpa koreksi kematian'),
  shareBalita: rate(0.078, 'Proporsi balita 0–4 th', 'Share aged 0–4', `${R63}; sepertiga dari 0–14 th (${SP2020})`),
  sharePendidikanDasar: rate(0.14, 'Proporsi usia pendidikan dasar (7–15 th, 9 angkatan)', 'Share of basic-education age (7–15, 9 cohorts)', `9/15 dari 0–14 th (${SP2020})`),
  shareRemajaPutri: rate(0.045, 'Proporsi remaja putri kelas 7–12 (≈ 12–17 th)', 'Share of girls in grades 7–12 (≈ 12–17)', `6 angkatan × 1,55 % × 49,4 % perempuan (${SP2020})`),
  shareProduktif: rate(0.667, 'Proporsi usia produktif 15–59 th', 'Share aged 15–59', `15–64 th dikurangi 60–64 th (${SP2020})`),
  shareLansia: rate(0.1, 'Proporsi lansia ≥ 60 th', 'Share aged 60+', `65+ th ditambah 60–64 th (${SP2020}); BPS Statistik Penduduk Lanjut Usia 2020`),
  share15Plus: rate(0.7667, 'Proporsi penduduk ≥ 15 th', 'Share aged 15+', SP2020, 'confirmed'),
  prevalenceHipertensi: rate(0.308, 'Prevalensi hipertensi (hasil ukur) ≥ 15 th', 'Hypertension prevalence (measured), 15+', 'Survei Kesehatan Indonesia 2023 (pengetahuan umum, tidak di catatan)'),
  prevalenceDiabetes: rate(0.02, 'Prevalensi DM (diagnosis dokter) ≥ 15 th', 'Diabetes prevalence (doctor-diagnosed), 15+', 'Riskesdas 2018 (pengetahuan umum, tidak di catatan); hasil pemeriksaan darah jauh lebih tinggi'),
  prevalenceOdgjBerat: rate(0.0022, 'ODGJ berat per penduduk', 'Severe mental illness per resident', 'Riskesdas 2018: 7 per mil rumah tangga, dibagi 3,14 jiwa per KK (Dukcapil 2020) — pengetahuan umum'),
  rateTerdugaTb: rate(0.0385, 'Terduga TBC per penduduk (10 × insidens)', 'Presumptive TB per resident (10 × incidence)', 'insidens TBC 385/100.000 (WHO 2022) × 10 — pengetahuan umum'),
  incidenceTb: rate(0.00385, 'Insidens TBC per penduduk', 'TB incidence per resident', 'WHO Global TB Report 2023: Indonesia 385/100.000 (pengetahuan umum, tidak di catatan)'),
};

/**
 * Rounded to whole people: a desa's target is a count. Groups derived from
 * live births use the unrounded live births, so rounding happens once.
 */
export function estimateSasaran(population: number, rates: SasaranRates = DEFAULT_SASARAN_RATES): Record<SasaranGroup, number> {
  if (!Number.isFinite(population) || population < 0) throw new RangeError(`population must be a non-negative number: ${population}`);
  const v = (k: SasaranRateKey) => rates[k].value;
  const liveBirths = (v('cbr') / 1000) * population;
  const pop15 = v('share15Plus') * population;
  const ibuHamil = v('ibuHamilPerLiveBirth') * liveBirths;
  const raw: Record<SasaranGroup, number> = {
    'ibu-hamil': ibuHamil,
    'ibu-bersalin': v('ibuBersalinPerLiveBirth') * liveBirths,
    'bayi-lahir-hidup': liveBirths,
    bayi: v('infantPerLiveBirth') * liveBirths,
    baduta: v('badutaPerLiveBirth') * liveBirths,
    balita: v('shareBalita') * population,
    'usia-pendidikan-dasar': v('sharePendidikanDasar') * population,
    'remaja-putri': v('shareRemajaPutri') * population,
    'usia-produktif': v('shareProduktif') * population,
    'usia-lanjut': v('shareLansia') * population,
    hipertensi: v('prevalenceHipertensi') * pop15,
    diabetes: v('prevalenceDiabetes') * pop15,
    'odgj-berat': v('prevalenceOdgjBerat') * population,
    'terduga-tb': v('rateTerdugaTb') * population,
    // SPM 12 risk groups the system can estimate: pregnant women and TB patients (key populations are not estimated).
    'risiko-hiv': ibuHamil + v('incidenceTb') * population,
    penduduk: population,
  };
  const out = {} as Record<SasaranGroup, number>;
  for (const k of Object.keys(raw) as SasaranGroup[]) out[k] = Math.round(raw[k]);
  return out;
}

export interface SasaranIssue {
  field: string;
  message: string;
}

/** Plausible bounds per rate (typo guards): per-1000 birth rate, factors, shares and prevalences. */
export const SASARAN_RATE_BOUNDS: Record<SasaranRateKey, [number, number]> = {
  cbr: [1, 60],
  ibuHamilPerLiveBirth: [0.5, 2],
  ibuBersalinPerLiveBirth: [0.5, 2],
  infantPerLiveBirth: [0.5, 1.5],
  badutaPerLiveBirth: [1, 3],
  shareBalita: [0, 0.3],
  sharePendidikanDasar: [0, 0.4],
  shareRemajaPutri: [0, 0.2],
  shareProduktif: [0.2, 0.9],
  shareLansia: [0, 0.5],
  share15Plus: [0.3, 1],
  prevalenceHipertensi: [0, 0.8],
  prevalenceDiabetes: [0, 0.5],
  prevalenceOdgjBerat: [0, 0.05],
  rateTerdugaTb: [0, 0.2],
  incidenceTb: [0, 0.05],
};

/**
 * Checks a district's overrides (`{ cbr: 17.2, shareLansia: 0.11 }`, plain
 * numbers) and merges them over the defaults; an overridden rate is marked
 * as the district's own. Messages are in Indonesian for the settings page.
 */
export function validateSasaranRates(input: unknown, base: SasaranRates = DEFAULT_SASARAN_RATES): { rates: SasaranRates; issues: SasaranIssue[] } {
  const issues: SasaranIssue[] = [];
  const rates: SasaranRates = { ...base };
  if (input === undefined || input === null) return { rates, issues };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { rates, issues: [{ field: '', message: 'Tarif sasaran harus berupa objek { nama: angka }.' }] };
  }
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (!(SASARAN_RATE_KEYS as readonly string[]).includes(k)) {
      issues.push({ field: k, message: `Tarif "${k}" tidak dikenal.` });
      continue;
    }
    const key = k as SasaranRateKey;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      issues.push({ field: k, message: `${base[key].label.id}: harus berupa angka.` });
      continue;
    }
    const [lo, hi] = SASARAN_RATE_BOUNDS[key];
    if (v < lo || v > hi) {
      issues.push({ field: k, message: `${base[key].label.id}: ${v} di luar rentang wajar ${lo}–${hi}.` });
      continue;
    }
    rates[key] = { ...base[key], value: v, source: 'Ditetapkan Dinas Kesehatan', evidence: 'confirmed' };
  }
  return { rates, issues };
}
