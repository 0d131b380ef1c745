/**
 * District settings of the indicators, stored in `setting` under
 * "indicators:<kab>": the traffic-light thresholds (ilp-domain §4.4 calls
 * them a design choice a district may change) and the rates that turn a desa
 * population into estimated target groups (core/indicators/sasaran.ts).
 */
import { eq } from 'drizzle-orm';
import { setting } from '../../db/schema';
import type { DbOrTx } from '../../db/sql';
import { validateThresholds } from '../../../core/indicators/colours';
import { validateSasaranRates, type SasaranRates } from '../../../core/indicators/sasaran';
import type { Thresholds } from './figures';

const key = (kab: string) => `indicators:${kab}`;

export interface IndicatorSettings {
  /** { green, yellow } in percent of the prorated target. */
  thresholds?: unknown;
  /** Rate overrides as plain numbers ({ cbr: 17.2 }), merged over core's defaults. */
  rates?: unknown;
}

export async function indicatorSettings(db: DbOrTx, kab: string): Promise<IndicatorSettings> {
  const [r] = await db.select({ value: setting.value }).from(setting).where(eq(setting.key, key(kab)));
  const v = r?.value;
  return v && typeof v === 'object' ? (v as IndicatorSettings) : {};
}

/** The district's thresholds; stored values that no longer validate fall back to the defaults. */
export async function districtThresholds(db: DbOrTx, kab: string): Promise<Thresholds> {
  return validateThresholds((await indicatorSettings(db, kab)).thresholds).thresholds;
}

/** The district's sasaran rates: its overrides over the defaults (invalid ones are left out). */
export async function districtRates(db: DbOrTx, kab: string): Promise<SasaranRates> {
  return validateSasaranRates((await indicatorSettings(db, kab)).rates).rates;
}

export async function saveIndicatorSettings(db: DbOrTx, kab: string, value: IndicatorSettings): Promise<void> {
  await db.insert(setting).values({ key: key(kab), value }).onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } });
}
