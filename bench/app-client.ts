/** Logs a demo user in to an in-process app (Fastify inject) and returns a client with the session cookie and CSRF token. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../src/server/seed/demo-users';

export interface BenchClient {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, payload: object) => Promise<LightMyRequestResponse>;
}

export async function benchLogin(app: FastifyInstance, username: string): Promise<BenchClient> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
  const cookie = `siklus_session=${r.cookies.find((c) => c.name === 'siklus_session')!.value}`;
  const csrf = r.json().csrfToken as string;
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload: object) => app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf }, payload }),
  };
}
