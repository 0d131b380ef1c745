/**
 * Target groups (sasaran) of a desa and the district's rates
 * (docs/indicators.md): GET/PUT /api/sasaran, GET/PUT /api/indicators/settings.
 */
import { api } from './client';
import type { SasaranGroup } from '../../core/indicators/types';

export type { SasaranGroup };

export interface SasaranRow {
  group: SasaranGroup;
  /** From the desa population and the district's rates; null without a population. */
  estimated: number | null;
  override: number | null;
  /** What the dashboards divide by: the override, else the estimate. */
  value: number | null;
  /** People on the by-name register this year. */
  register: number;
  /** The coverage indicators that divide by this group. */
  indicators: string[];
  /** value − register (never below 0): people still to find; null without a value. */
  gap: number | null;
}

export interface SasaranResponse {
  area: string;
  year: number;
  groups: SasaranRow[];
}

export interface RateRow {
  key: string;
  label: { id: string; en: string };
  value: number;
  default: number;
  overridden: boolean;
  source: string;
  evidence: 'confirmed' | 'unverified';
}

export interface IndicatorSettingsView {
  kabCode: string;
  rates: RateRow[];
  thresholds: { green: number; yellow: number };
  defaultThresholds: { green: number; yellow: number };
}

export const getSasaran = (area: string, year: number) => api.get<SasaranResponse>('/api/sasaran', { area, year });

export const putSasaran = (area: string, year: number, values: Partial<Record<SasaranGroup, number | null>>) =>
  api.put<SasaranResponse>('/api/sasaran', { area, year, values });

export const getIndicatorSettings = (kab?: string) => api.get<IndicatorSettingsView>('/api/indicators/settings', kab ? { kab } : undefined);

export const putIndicatorSettings = (kab: string, body: { rates: Record<string, number | null>; thresholds: { green: number; yellow: number } | null }) =>
  api.put<IndicatorSettingsView>(`/api/indicators/settings?kab=${encodeURIComponent(kab)}`, body);
