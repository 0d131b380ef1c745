/**
 * A district's referral settings (due days per urgency, access after
 * closing), stored per kabupaten/kota in `setting` under "referrals:<kab>"
 * as the part that differs from the defaults of referral-rules.ts.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { setting } from '../../db/schema';
import type { DbOrTx } from '../../db/sql';
import { DEFAULT_REFERRAL_SETTINGS, type ReferralSettings } from './referral-rules';

const key = (kabCode: string) => `referrals:${kabCode}`;

/** Bounds are plausibility guards: a referral due after 90 days is no longer a referral. */
const days = z.number().int().min(0).max(90);
export const referralSettingsBody = z
  .object({
    dueDays: z.object({ emergency: days, urgent: days, routine: days }).partial().strict().optional(),
    accessDaysAfterClose: z.number().int().min(0).max(365).optional(),
  })
  .strict()
  .refine((s) => {
    const d = { ...DEFAULT_REFERRAL_SETTINGS.dueDays, ...s.dueDays };
    return d.emergency <= d.urgent && d.urgent <= d.routine;
  }, { params: { code: 'referral_due_order' }, path: ['dueDays'] });
export type StoredReferralSettings = z.output<typeof referralSettingsBody>;

export function resolveReferralSettings(stored: StoredReferralSettings | null): ReferralSettings {
  return {
    dueDays: { ...DEFAULT_REFERRAL_SETTINGS.dueDays, ...stored?.dueDays },
    accessDaysAfterClose: stored?.accessDaysAfterClose ?? DEFAULT_REFERRAL_SETTINGS.accessDaysAfterClose,
  };
}

export async function storedReferralSettings(db: DbOrTx, kabCode: string): Promise<StoredReferralSettings | null> {
  const r = await db.select({ value: setting.value }).from(setting).where(eq(setting.key, key(kabCode)));
  if (!r[0]) return null;
  // Stored values were validated on save; an unreadable value falls back to the defaults.
  const parsed = referralSettingsBody.safeParse(r[0].value);
  return parsed.success ? parsed.data : null;
}

export async function referralSettings(db: DbOrTx, kabCode: string | null): Promise<ReferralSettings> {
  return resolveReferralSettings(kabCode ? await storedReferralSettings(db, kabCode) : null);
}

export async function saveReferralSettings(db: DbOrTx, kabCode: string, value: StoredReferralSettings): Promise<void> {
  await db
    .insert(setting)
    .values({ key: key(kabCode), value })
    .onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } });
}
