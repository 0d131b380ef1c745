import { resolve } from 'node:path';
import { isAreaCode, levelOf } from '../core/areas/codes';

/**
 * Configuration from the environment. Documented in the README:
 * PORT (default 3000), HOST (0.0.0.0), DATA_DIR (./data, the embedded
 * database), DATABASE_URL (PostgreSQL; when set, DATA_DIR is not used for the
 * database), SIKLUS_DISTRICTS (kabupaten/kota served, default 74.02,61.71),
 * SESSION_HOURS (12), SESSION_CACHE_SECONDS (30: how long a resolved session is
 * reused without a database round trip; 0 turns it off), COOKIE_SECURE (true
 * behind HTTPS), TZ_AREA (Asia/Jakarta).
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  districts: string[];
  sessionHours: number;
  sessionCacheSeconds: number;
  cookieSecure: boolean;
  timeZone: string;
  logLevel: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const districts = (env.SIKLUS_DISTRICTS ?? '74.02,61.71').split(',').map((s) => s.trim()).filter(Boolean);
  for (const d of districts) {
    if (!isAreaCode(d) || levelOf(d) !== 'regency') throw new ConfigError(`SIKLUS_DISTRICTS: "${d}" is not a kabupaten/kota code like 74.02`);
  }
  const sessionHours = Number(env.SESSION_HOURS ?? 12);
  if (!(sessionHours > 0)) throw new ConfigError('SESSION_HOURS must be a positive number');
  const sessionCacheSeconds = Number(env.SESSION_CACHE_SECONDS ?? 30);
  if (!(sessionCacheSeconds >= 0 && sessionCacheSeconds <= 3600)) throw new ConfigError('SESSION_CACHE_SECONDS must be a number of seconds from 0 to 3600');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    districts,
    sessionHours,
    sessionCacheSeconds,
    cookieSecure: env.COOKIE_SECURE === 'true',
    timeZone: env.TZ_AREA ?? 'Asia/Jakarta',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
