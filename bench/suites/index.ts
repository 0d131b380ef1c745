import type { BenchSuite } from '../suite';
import { anthroSuite } from './anthro';
import { seedSuite } from './seed';

/** Every benchmark suite; `npm run bench [name…]` runs them all or the named ones. */
export const suites: BenchSuite[] = [anthroSuite, seedSuite];
