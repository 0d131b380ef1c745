import { api, enc } from './client';
import type { Area, AreaDetail, HomeData } from './types';

export const getHome = () => api.get<HomeData>('/api/home');

export const getArea = (code: string) => api.get<AreaDetail>(`/api/areas/${enc(code)}`);

export const searchAreas = (q: { q?: string; within?: string; level?: string }) =>
  api.get<{ items: Area[] }>('/api/areas', q);

export interface SubAreaInput {
  parentCode: string;
  level: 'dusun' | 'rw' | 'rt';
  number: number;
  name?: string | null;
}

export const createArea = (input: SubAreaInput) => api.post<{ area: Area } | Area>('/api/areas', input);
export const renameArea = (code: string, name: string) => api.patch<unknown>(`/api/areas/${enc(code)}`, { name });
export const deleteArea = (code: string) => api.del<unknown>(`/api/areas/${enc(code)}`);
