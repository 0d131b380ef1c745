import type { BenchSuite } from '../suite';
import { anthroSuite } from './anthro';
import { fieldworkSuite } from './fieldwork';
import { indicatorsSuite } from './indicators';
import { seedSuite } from './seed';
import { scheduleSuite } from './schedule';

/** Every benchmark suite; `npm run bench [name…]` runs them all or the named ones. */
export const suites: BenchSuite[] = [anthroSuite, scheduleSuite, seedSuite, fieldworkSuite, indicatorsSuite];
