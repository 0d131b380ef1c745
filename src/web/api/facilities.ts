import { api, enc } from './client';
import type { FacilityDetail, FacilityInput, FacilitySummary } from './types';

export const listFacilities = (q: { area?: string; type?: string; q?: string }) =>
  api.get<{ items: FacilitySummary[] }>('/api/facilities', q);

export const getFacility = (id: string) => api.get<FacilityDetail>(`/api/facilities/${enc(id)}`);

export const createFacility = (input: FacilityInput) =>
  api.post<FacilityDetail>('/api/facilities', input);

export const updateFacility = (id: string, input: Partial<FacilityInput> & { version: number }) =>
  api.patch<FacilityDetail>(`/api/facilities/${enc(id)}`, input);

export const setCoverage = (id: string, areaCodes: string[]) =>
  api.put<FacilityDetail>(`/api/facilities/${enc(id)}/coverage`, { areaCodes });
