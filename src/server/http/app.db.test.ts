import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { testEngine } from '../testing/test-db';

describe(`HTTP basics (${testEngine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers health without login', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok', database: testEngine });
  });

  it('documents every route in OpenAPI', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe('3.0.3');
    for (const p of ['/api/people/{id}', '/api/households', '/api/areas/{code}', '/api/auth/login', '/api/users', '/api/audit', '/api/facilities/{id}/coverage']) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    const create = doc.paths['/api/people'].post;
    expect(create.requestBody.content['application/json'].schema.properties).toHaveProperty('nik');
    expect(t.app.routeDocs.length).toBeGreaterThanOrEqual(25);
  });

  it('401 without a session, in Indonesian by default and English on request', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/people' });
    expect(r.statusCode).toBe(401);
    expect(r.json()).toEqual({ error: 'unauthenticated', message: 'Silakan masuk terlebih dahulu.' });
    const en = await t.app.inject({ method: 'GET', url: '/api/people', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().message).toBe('Please log in first.');
  });

  it('403 on a write without the CSRF token', async () => {
    const c = await t.login('bidan');
    const r = await t.app.inject({ method: 'POST', url: '/api/households', headers: { cookie: c.cookie }, payload: { areaCode: '74.02.15.1005.RW001' } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error).toBe('csrf');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/households', headers: { cookie: c.cookie, 'x-csrf-token': 'x'.repeat(c.csrf.length) }, payload: { areaCode: '74.02.15.1005.RW001' } });
    expect(wrong.statusCode).toBe(403);
  });

  it('400 invalid_json on malformed JSON, and nothing is written', async () => {
    const c = await t.login('bidan');
    const before = await t.database.query<{ n: number }>('select count(*)::int as n from household');
    const r = await t.app.inject({
      method: 'POST', url: '/api/households',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      payload: '{"areaCode": "74.02.15.1005.RW001",',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('invalid_json');
    const after = await t.database.query<{ n: number }>('select count(*)::int as n from household');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('413 on a 10 MB body, and nothing is written', async () => {
    const c = await t.login('bidan');
    const before = await t.database.query<{ n: number }>('select count(*)::int as n from person');
    const r = await c.post('/api/people', { name: 'x'.repeat(10 * 1024 * 1024), sex: 'F', birthDate: '2000-01-01', areaCode: '74.02.15.1005.RW001' });
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toBe('payload_too_large');
    const after = await t.database.query<{ n: number }>('select count(*)::int as n from person');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('404 JSON for unknown API paths', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toBe('not_found');
  });

  it('sets security headers', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toBe('no-store');
  });
});
