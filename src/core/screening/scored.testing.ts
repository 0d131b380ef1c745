/** Test helpers: unwrap a scorer's result or its issues. */
import type { Scored } from './result';

export function band<B extends string>(s: Scored<B>): B {
  if (!s.ok) throw new Error(`unexpected issues: ${JSON.stringify(s.issues)}`);
  return s.result.band;
}

export function issues<B extends string>(s: Scored<B>) {
  if (s.ok) throw new Error('expected issues');
  return s.issues;
}
