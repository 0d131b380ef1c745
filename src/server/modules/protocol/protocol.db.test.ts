import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSchedule } from '../../../core/schedule/engine';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app';
import { testEngine } from '../../testing/test-db';
import { districtSettings } from './district-settings';

describe(`protocol API (${testEngine})`, () => {
  let t: TestApp;
  let dinkes: Client;
  let kader: Client;
  beforeAll(async () => {
    t = await createTestApp();
    dinkes = await t.login('dinkes');
    kader = await t.login('kader');
  });
  afterAll(async () => t?.close());

  it('serves the catalogue with sources for every item', async () => {
    const r = await kader.get('/api/protocol');
    expect(r.statusCode).toBe(200);
    const p = r.json();
    expect(p.kabCode).toBe('74.02');
    expect(p.protocolVersion).toMatch(/^ILP-2015-2023/);
    expect(p.items.length).toBeGreaterThan(50);
    expect(p.items.every((i: { sources: unknown[] }) => i.sources.length > 0)).toBe(true);
    for (const prog of ['anc', 'delivery-postnatal', 'immunization', 'growth', 'school', 'adult', 'elderly', 'tb']) {
      expect(p.items.some((i: { programme: string }) => i.programme === prog), prog).toBe(true);
    }
  });

  it('lets the district Dinkes switch JE on, which changes schedules; refuses bad settings per field', async () => {
    const bad = await dinkes.put('/api/protocol/settings?kab=74.02', { settings: { immunization: { jeEndemic: 'ya' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields['immunization.jeEndemic']).toMatch(/boolean/);
    expect((await kader.put('/api/protocol/settings?kab=74.02', { settings: {} })).statusCode).toBe(403);
    expect((await dinkes.put('/api/protocol/settings?kab=61.71', { settings: {} })).statusCode).toBe(403);

    const person = { sex: 'M' as const, birthDate: '2025-01-10' };
    const before = computeSchedule({ person, events: [], on: '2025-11-20', settings: await districtSettings(t.database.db, '74.02') });
    expect(before.entries.find((e) => e.item.includes('je'))?.status).toBe('not_applicable');

    const ok = await dinkes.put('/api/protocol/settings?kab=74.02', { settings: { immunization: { jeEndemic: true } } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().changedSettings).toContain('immunization.jeEndemic');
    const after = computeSchedule({ person, events: [], on: '2025-11-20', settings: await districtSettings(t.database.db, '74.02') });
    expect(after.entries.find((e) => e.item.includes('je'))?.status).not.toBe('not_applicable');
    expect(after.settingsFingerprint).not.toBe(before.settingsFingerprint);
    const stored = (await kader.get('/api/protocol/settings')).json();
    expect(stored.stored).toEqual({ immunization: { jeEndemic: true } });
    const audit = await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where entity_type = 'protocol_settings' and action = 'update'");
    expect(audit[0]!.n).toBe(1);
  });
});
