import { api, enc } from './client';
import type { AuditEntry, Page, User, UserInput } from './types';

export const listUsers = (q: { q?: string; role?: string; active?: 'true' | 'false' } = {}) =>
  api.get<{ items: User[] }>('/api/users', q);

export const getUser = (id: string) => api.get<User>(`/api/users/${enc(id)}`);

export const createUser = (input: UserInput) => api.post<User>('/api/users', input);

export const updateUser = (id: string, input: Partial<Omit<UserInput, 'password'>> & { active?: boolean }) =>
  api.patch<User>(`/api/users/${enc(id)}`, input);

export const resetPassword = (id: string, password: string) =>
  api.post<unknown>(`/api/users/${enc(id)}/password`, { password });

export interface AuditQuery {
  userId?: string;
  personId?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const listAudit = (q: AuditQuery) => api.get<Page<AuditEntry>>('/api/audit', { ...q });
