import { api } from './client';
import type { ProtocolDescription } from '../../core/protocol/describe';

/**
 * The ILP protocol as the server describes it under a district's settings
 * (GET /api/protocol), and the district settings themselves (Dinkes/admin).
 * The shapes are core's: the server returns describeProtocol() as is.
 */
export type { ItemDescription, SettingDescription, StageDescription, ProtocolDescription } from '../../core/protocol/describe';
export type { CutoffTable } from '../../core/protocol/cutoffs/band';
export type { Source, Text } from '../../core/protocol/types';

export interface ProtocolResponse extends ProtocolDescription {
  kabCode: string | null;
}

/** Only what the district changed; everything else is the national default. */
export type StoredSettings = Record<string, unknown>;

export interface SettingsSaved {
  kabCode: string;
  stored: StoredSettings;
  changedSettings: string[];
  settingsFingerprint: string;
}

export const getProtocol = (kab?: string | null) => api.get<ProtocolResponse>('/api/protocol', { kab: kab ?? undefined });

export const getStoredSettings = (kab: string) => api.get<{ kabCode: string; stored: StoredSettings }>('/api/protocol/settings', { kab });

export const saveSettings = (kab: string, settings: StoredSettings) =>
  api.put<SettingsSaved>(`/api/protocol/settings?kab=${encodeURIComponent(kab)}`, { settings });
