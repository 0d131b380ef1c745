import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `../shared/data` beside the repository: reference extracts for tests and the
 * demo (docs/architecture.md). The product never needs it; callers skip what
 * they would have loaded from it when it is absent.
 */
export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

export function sharedDataFile(...parts: string[]): string {
  return [SHARED_DATA_DIR.replace(/\/$/, ''), ...parts].join('/');
}

export function hasSharedData(dir: string = SHARED_DATA_DIR): boolean {
  return existsSync(dir);
}
