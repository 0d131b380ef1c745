/**
 * The session cache (session.ts SessionCache): a resolved session is reused
 * without reading the database, for its time to live only and never past a
 * write through this server that may change it (a deactivated user, a new
 * coverage, a logout).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, facilityCoverage } from '../db/schema';
import { createTestApp, CODES, type TestApp } from '../testing/test-app';
import { testEngine } from '../testing/test-db';
import { SessionCache, type AuthContext } from './session';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('SessionCache', () => {
  const auth = { user: { id: 'u' } } as unknown as AuthContext;
  it('keeps an entry for its time to live, never past the session expiry, and not at all with 0', () => {
    const c = new SessionCache(30_000);
    c.set('a', auth, 0, 1_000_000, 100);
    expect(c.get('a', 30_099)?.auth).toBe(auth);
    expect(c.get('a', 30_100)).toBeUndefined();
    c.set('b', auth, 0, 5_000, 100);
    expect(c.get('b', 4_999)).toBeDefined();
    expect(c.get('b', 5_000)).toBeUndefined();
    const off = new SessionCache(0);
    off.set('a', auth, 0, 1_000_000, 100);
    expect(off.get('a', 101)).toBeUndefined();
  });
});

describe(`session cache in the app (${testEngine})`, () => {
  it('reuses a resolved session: a change made behind the server is seen only after the time to live', async () => {
    const kader = await t.login('kader');
    expect((await kader.get('/api/auth/me')).statusCode).toBe(200);
    // Another process deactivates the user: this server still holds the session for up to 30 s.
    await t.database.db.update(appUser).set({ active: false }).where(eq(appUser.id, t.fx.users.kader));
    expect((await kader.get('/api/auth/me')).statusCode).toBe(200);
    await t.database.db.update(appUser).set({ active: true }).where(eq(appUser.id, t.fx.users.kader));
  });

  it('forgets every session when a user is changed through the server', async () => {
    const kader2 = await t.login('kader2');
    expect((await kader2.get('/api/auth/me')).statusCode).toBe(200);
    const dinkes = await t.login('dinkes');
    expect((await dinkes.patch(`/api/users/${t.fx.users.kader2}`, { active: false })).statusCode).toBe(200);
    expect((await kader2.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('forgets every session when a coverage changes, so the scope is read again', async () => {
    const kader = await t.login('kader');
    // The kader's Posyandu covers RW 1: a person of RW 2 is outside the scope.
    expect((await kader.get(`/api/people/${t.fx.people.rw2Adult}`)).statusCode).toBe(403);
    const dinkes = await t.login('dinkes');
    await t.database.db.delete(facilityCoverage).where(eq(facilityCoverage.facilityId, t.fx.facilities.posyandu2));
    const r = await dinkes.put(`/api/facilities/${t.fx.facilities.posyandu1}/coverage`, { areaCodes: [CODES.rw1, CODES.rw2] });
    expect(r.statusCode, r.body).toBe(200);
    expect((await kader.get(`/api/people/${t.fx.people.rw2Adult}`)).statusCode).toBe(200);
  });

  it('forgets a session at logout', async () => {
    const bidan = await t.login('bidan');
    expect((await bidan.get('/api/auth/me')).statusCode).toBe(200);
    expect((await bidan.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await bidan.get('/api/auth/me')).statusCode).toBe(401);
  });
});
