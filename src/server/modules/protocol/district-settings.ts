import { eq, sql, type SQL } from 'drizzle-orm';
import { canonicalJson, resolveSettings } from '../../../core/protocol/settings-validate';
import { DEFAULT_SETTINGS, type ProtocolSettings } from '../../../core/protocol/settings';
import { setting } from '../../db/schema';
import type { DbOrTx } from '../../db/sql';

/**
 * District protocol settings (JE endemic, local windows, the ⚠ facts), stored
 * per kabupaten/kota in `setting` under "protocol:<kab>". One resolved object
 * per district stays in memory: the engine caches its compiled protocol per
 * settings object, so handing it a fresh object per request would recompile.
 */
const KEY_PREFIX = 'protocol:';
const key = (kabCode: string) => `${KEY_PREFIX}${kabCode}`;
/** The `setting` key of a district's protocol settings. */
export const districtSettingsKey = key;
/** districtSettingsKey in SQL, of a kab code the statement reads. */
export const districtSettingsKeySql = (kabCode: SQL): SQL => sql`${KEY_PREFIX} || ${kabCode}`;
const cache = new Map<string, { text: string; settings: ProtocolSettings }>();

export async function storedSettingsJson(db: DbOrTx, kabCode: string): Promise<unknown | null> {
  const r = await db.select({ value: setting.value }).from(setting).where(eq(setting.key, key(kabCode)));
  return (r[0]?.value as unknown | undefined) ?? null;
}

/** The resolved settings of a district (national defaults where it set nothing). */
export async function districtSettings(db: DbOrTx, kabCode: string | null): Promise<ProtocolSettings> {
  if (!kabCode) return DEFAULT_SETTINGS;
  return settingsFromStored(kabCode, await storedSettingsJson(db, kabCode));
}

/** districtSettings for a stored value already read (with other things, in one round trip). */
export function settingsFromStored(kabCode: string, stored: unknown | null): ProtocolSettings {
  if (stored === null || stored === undefined) return DEFAULT_SETTINGS;
  const text = canonicalJson(stored);
  const hit = cache.get(kabCode);
  if (hit && hit.text === text) return hit.settings;
  // Stored settings were validated on save; a later protocol version may reject an old key, then defaults apply to it.
  const { settings } = resolveSettings(stored);
  cache.set(kabCode, { text, settings });
  return settings;
}

export async function saveDistrictSettings(db: DbOrTx, kabCode: string, value: unknown): Promise<void> {
  await db
    .insert(setting)
    .values({ key: key(kabCode), value })
    .onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } });
  cache.delete(kabCode);
}
