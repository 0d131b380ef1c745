import { api, enc } from './client';
import type { HouseholdDetail, HouseholdInput, HouseholdSummary, Page, PersonHistory } from './types';

export const listHouseholds = (q: { area?: string; q?: string; page?: number; pageSize?: number }) =>
  api.get<Page<HouseholdSummary>>('/api/households', q);

export const getHousehold = (id: string) => api.get<HouseholdDetail>(`/api/households/${enc(id)}`);

export const createHousehold = (input: HouseholdInput & { confirm?: string[] }) =>
  api.post<HouseholdDetail>('/api/households', input);

export const updateHousehold = (id: string, input: Partial<HouseholdInput> & { version: number; confirm?: string[] }) =>
  api.patch<HouseholdDetail>(`/api/households/${enc(id)}`, input);

export const householdHistory = (id: string) => api.get<PersonHistory>(`/api/households/${enc(id)}/history`);
