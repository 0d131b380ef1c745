/**
 * Pregnancy facts used by the episode logic and the ANC windows.
 * Gestational age is counted in days from HPHT (day 0).
 */
import type { Offset, Source } from './types';

const W = 7;

/**
 * Trimesters: TM1 0–12 weeks, TM2 >12–24 weeks, TM3 >24 weeks to birth
 * (KMK §IV.A.1.a). ">12 weeks" starts at 12w1d, so TM1 ends on day 84 (12w0d)
 * and TM2 on day 168 (24w0d).
 */
export const TRIMESTER_LAST_DAY = { tm1: 12 * W, tm2: 24 * W } as const;
export const TRIMESTER_SOURCE: Source = { key: 'KMK', clause: '§IV.A.1.a (TM1 0–12 mgg; TM2 >12–24 mgg; TM3 >24 mgg–lahir)' };

/**
 * An episode not closed by a delivery or an end date is treated as ended from
 * 44 weeks: SATUSEHAT closes the ANC EpisodeOfCare by 44 weeks (SS-ANC).
 */
export const EPISODE_MAX_DAYS = 44 * W;
export const EPISODE_MAX_SOURCE: Source = { key: 'SS-ANC', clause: 'EpisodeOfCare ANC ditutup paling lambat 44 minggu' };

/** Naegele's rule: HPL = HPHT + 9 months + 7 days (obstetric convention; SS-ANC records EDD 11778-8). */
export const NAEGELE: Offset = { months: 9, days: 7 };
export const NAEGELE_SOURCE: Source = { key: 'GENERAL-KNOWLEDGE', clause: 'Rumus Naegele (HPHT + 9 bulan + 7 hari)' };

/** Gestational age recorded at registration cannot exceed the episode limit. */
export const MAX_GESTATIONAL_WEEKS = EPISODE_MAX_DAYS / W;
