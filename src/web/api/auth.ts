import { api, setCsrfToken } from './client';
import type { Session } from './types';

export async function login(username: string, password: string): Promise<Session> {
  const s = await api.post<Session>('/api/auth/login', { username, password });
  setCsrfToken(s.csrfToken);
  return s;
}

export async function me(): Promise<Session> {
  const s = await api.get<Session>('/api/auth/me');
  setCsrfToken(s.csrfToken);
  return s;
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(currentPassword: string, newPassword: string): Promise<unknown> {
  return api.post('/api/auth/password', { currentPassword, newPassword });
}
