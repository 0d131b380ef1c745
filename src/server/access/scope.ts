import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { COUNTRY_CODE, isWithin, lineage } from '../../core/areas/codes';

/**
 * What a user may see: a set of area codes (subtrees). A kader's scope is the
 * RW(s) of their Posyandu, a bidan's the desa of their Pustu, Puskesmas staff
 * the work area's desa, Dinkes the kabupaten/kota, an admin the area they are
 * bound to ("ID" = the whole installation).
 */
export interface Scope {
  codes: string[];
}

export function scopeAll(scope: Scope): boolean {
  return scope.codes.includes(COUNTRY_CODE);
}

/** Is the place `code` inside the scope (visible with its data)? */
export function inScope(scope: Scope, code: string): boolean {
  return scope.codes.some((s) => isWithin(code, s));
}

/** Is `code` on the way to the scope (an ancestor), so it may be shown for navigation? */
export function isScopeAncestor(scope: Scope, code: string): boolean {
  return scope.codes.some((s) => s !== code && lineage(s).includes(code));
}

/** Visible in a tree browser: inside the scope or an ancestor of it. */
export function isNavigable(scope: Scope, code: string): boolean {
  return inScope(scope, code) || isScopeAncestor(scope, code);
}

/** SQL condition: `column` (an area code) lies inside the scope. Uses the text_pattern_ops indexes. */
export function scopeCondition(scope: Scope, column: AnyColumn | SQL): SQL {
  if (scopeAll(scope)) return sql`true`;
  if (scope.codes.length === 0) return sql`false`;
  const parts = scope.codes.map((c) => sql`(${column} = ${c} or ${column} like ${c + '.%'})`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** The part of `code`'s subtree that is in scope: the code itself, or the scope codes inside it. */
export function narrowTo(scope: Scope, code: string): string[] {
  if (inScope(scope, code)) return [code];
  return scope.codes.filter((s) => isWithin(s, code));
}
