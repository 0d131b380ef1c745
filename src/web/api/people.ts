import { api, enc } from './client';
import type { Page, PersonDetail, PersonHistory, PersonInput, PersonStatus, PersonSummary } from './types';

export const searchPeople = (q: { q?: string; area?: string; page?: number; pageSize?: number }) =>
  api.get<Page<PersonSummary>>('/api/people', q);

export const getPerson = (id: string) => api.get<PersonDetail>(`/api/people/${enc(id)}`);

export const createPerson = (input: PersonInput) => api.post<PersonDetail>('/api/people', input);

export const updatePerson = (id: string, input: Partial<PersonInput> & { version: number }) =>
  api.patch<PersonDetail>(`/api/people/${enc(id)}`, input);

export interface MoveInput {
  householdId?: string | null;
  areaCode?: string;
  date: string;
  reason?: string | null;
  relationship?: string | null;
}

export const movePerson = (id: string, input: MoveInput) => api.post<PersonDetail>(`/api/people/${enc(id)}/move`, input);

export const setPersonStatus = (id: string, status: PersonStatus, date: string | null) =>
  api.post<PersonDetail>(`/api/people/${enc(id)}/status`, { status, date });

export const personHistory = (id: string) => api.get<PersonHistory>(`/api/people/${enc(id)}/history`);
