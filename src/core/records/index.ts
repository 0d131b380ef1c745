/** Recording: event checks, plausibility, facts from events, stored schedules. */
export * from './types';
export * from './units';
export * from './limits';
export * from './validate';
export * from './screening';
export * from './plausibility';
export * from './visit';
export * from './facts';
export * from './stored';
export * from './stages';
export * from './horizon';
export * from './danger-signs';
export * from './derive';
