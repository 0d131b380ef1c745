/**
 * Kohort registers (GET /api/kohort/:kind): the register of a desa/kelurahan
 * for a month as JSON, or the same table as a CSV/XLSX download (the browser
 * follows a plain link; the session cookie goes with it and the server names
 * the file).
 */
import { api, enc, withQuery } from './client';
import type { KohortCell, KohortColumn, KohortKind } from '../../core/kohort/types';

export { KOHORT_KINDS } from '../../core/kohort/types';
export type { KohortCell, KohortColumn, KohortKind };

export interface KohortRowView {
  personId: string;
  pregnancyId?: string;
  /** Column key → band or category code of a classified cell. */
  marks: Record<string, string>;
  [key: string]: KohortCell | Record<string, string> | undefined;
}

export interface KohortResponse {
  kind: KohortKind;
  month: string;
  monthStart: string;
  on: string;
  village: { code: string; name: string; kind: string | null };
  columns: KohortColumn[];
  rows: KohortRowView[];
  approximate: boolean;
}

export function getKohort(kind: KohortKind, village: string, month: string): Promise<KohortResponse> {
  return api.get<KohortResponse>(`/api/kohort/${enc(kind)}`, { village, month });
}

export function kohortDownloadUrl(kind: KohortKind, village: string, month: string, format: 'csv' | 'xlsx'): string {
  return withQuery(`/api/kohort/${enc(kind)}`, { village, month, format });
}
