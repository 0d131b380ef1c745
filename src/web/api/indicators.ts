/**
 * PWS/SPM indicators, boundaries and reports (docs/indicators.md, "HTTP
 * API"): dashboard figures per place and period, child areas ranked, the
 * year's trend, the people behind a number, morbidity, boundaries for the
 * map (null when none were imported: the map falls back to tiles) and the
 * report downloads.
 */
import { api, ApiError, enc, withQuery } from './client';
import type { IndicatorPersonView } from '../../core/indicators/types';

export type Mode = 'ytd' | 'month';
export type TrafficColour = 'green' | 'yellow' | 'red';
export type Which = 'served' | 'missed' | 'not-served-in-month';
export type Group = 'spm' | 'klaster2' | 'klaster3' | 'klaster4' | 'utama';
export const GROUPS: readonly Group[] = ['utama', 'klaster2', 'klaster3', 'klaster4', 'spm'];
export const AGE_BANDS = ['0', '1-4', '5-14', '15-44', '45-59', '60+'] as const;

export interface Lang {
  id: string;
  en: string;
}

/** Labels come localised from the server (a string); a { id, en } pair is read in the UI language. */
export type LabelText = string | Lang;

export function labelIn(l: LabelText | null | undefined, locale: string): string {
  if (!l) return '';
  return typeof l === 'string' ? l : locale === 'en' ? l.en : l.id;
}

export interface Figures {
  numerator: number;
  denominatorEstimated: number | null;
  denominatorRegister: number | null;
  coverageEstimated: number | null;
  coverageRegister: number | null;
  target: number | null;
  targetToDate: number | null;
  colour: TrafficColour | null;
}

export interface IndicatorView extends Figures {
  id: string;
  group: Group;
  kind: 'coverage' | 'count' | 'ratio';
  label: LabelText;
  better?: 'higher' | 'lower';
  previous: { numerator: number; coverageEstimated: number | null } | null;
  trend: 'up' | 'down' | 'flat' | null;
}

export interface AreaRef {
  code: string;
  name: string;
  level?: string;
}

export interface IndicatorsResponse {
  area: AreaRef | string;
  period: string;
  mode: Mode;
  indicators: IndicatorView[];
}

export interface AreaFiguresView extends Figures {
  code: string;
  name: string;
  level: string;
  rank: number;
}

/** A month of the trend: year to date and the month alone. */
export interface TrendMonthView {
  month: number;
  ytd: Figures;
  inMonth: Figures;
}

export type PersonView = IndicatorPersonView;

export interface MorbidityView {
  id: string;
  code: string;
  label: LabelText | null;
  people: number;
}

export interface Filters {
  area: string;
  period: string;
  mode: Mode;
  sex?: 'M' | 'F' | '';
  age?: string;
  /** By domicile (default) or by the place that served. */
  view?: 'domicile' | 'facility';
}

const q = (f: Filters) => ({ area: f.area, period: f.period, mode: f.mode, sex: f.sex || undefined, age: f.age || undefined });

/** The list inside an answer, whatever the wrapper key is called (the server names it by what it holds). */
function listOf<T>(data: unknown, keys: readonly string[]): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object') {
    for (const k of keys) {
      const v = (data as Record<string, unknown>)[k];
      if (Array.isArray(v)) return v as T[];
    }
  }
  return [];
}

export function getIndicators(f: Filters, group?: Group): Promise<IndicatorsResponse> {
  return api.get<IndicatorsResponse>('/api/indicators', { ...q(f), group, view: f.view === 'facility' ? 'facility' : undefined });
}

export async function getIndicatorAreas(id: string, f: Filters): Promise<AreaFiguresView[]> {
  return listOf<AreaFiguresView>(await api.get<unknown>(`/api/indicators/${enc(id)}/areas`, q(f)), ['areas', 'children', 'rows']);
}

export async function getIndicatorTrend(id: string, f: Filters, year: number): Promise<TrendMonthView[]> {
  return listOf<TrendMonthView>(
    await api.get<unknown>(`/api/indicators/${enc(id)}/trend`, { area: f.area, year, sex: f.sex || undefined, age: f.age || undefined, view: f.view === 'facility' ? 'facility' : undefined }),
    ['months', 'trend', 'rows'],
  );
}

/** A month's own figures of a trend row. */
export function monthFigures(r: TrendMonthView): Figures | null {
  return r.inMonth ?? null;
}

export async function getIndicatorPeople(id: string, f: Filters, which: Which, page = 1): Promise<{ total: number; people: PersonView[] }> {
  const data = await api.get<{ total?: number; people?: PersonView[] }>(`/api/indicators/${enc(id)}/people`, { area: f.area, period: f.period, which, page });
  const people = listOf<PersonView>(data, ['people', 'rows']);
  return { total: data.total ?? people.length, people };
}

export async function getMorbidity(f: Filters): Promise<MorbidityView[]> {
  return listOf<MorbidityView>(await api.get<unknown>('/api/indicators/morbidity', q(f)), ['diagnoses', 'morbidity', 'rows', 'categories']);
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { code: string; name: string }; geometry: import('../charts/map-model').MapGeometry }[];
}

/** Boundaries of the kecamatan or desa under an area; null when none were imported (404). */
export async function getBoundaries(area: string, level: 'district' | 'village'): Promise<BoundaryCollection | null> {
  try {
    return await api.get<BoundaryCollection>('/api/geo/boundaries', { area, level });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export type ReportKind = 'spm' | 'klaster' | 'pws';

export interface ReportColumn {
  key: string;
  label: string;
  type?: 'text' | 'number' | 'integer' | 'date';
  /** Under a group heading on the printed page (the PWS table's indicator), with this short label. */
  group?: string;
  short?: string;
}

export interface ReportResponse {
  kind: ReportKind;
  title: string[];
  place: { name: string; codes: string[] };
  period: string;
  columns: ReportColumn[];
  rows: Record<string, string | number | null>[];
  /** Status per row and column key (PWS: baik/kurang/cukup/jelek; traffic light colours). */
  marks?: Record<string, string>[];
}

export interface ReportQuery {
  area?: string;
  facility?: string;
  period: string;
  group?: string;
  indicator?: string;
}

export function getReport(kind: ReportKind, r: ReportQuery): Promise<ReportResponse> {
  return api.get<ReportResponse>(`/api/reports/${enc(kind)}`, { ...r });
}

export function reportDownloadUrl(kind: ReportKind, r: ReportQuery, format: 'csv' | 'xlsx'): string {
  return withQuery(`/api/reports/${enc(kind)}`, { ...r, format });
}
