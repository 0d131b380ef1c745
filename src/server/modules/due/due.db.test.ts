import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../core/protocol/version';
import { personFactsFromEvents, scheduleEventsOf } from '../../../core/records/facts';
import { storedScheduleOptions } from '../../../core/records/stored';
import { computeSchedule } from '../../../core/schedule/engine';
import { addDays, parts, todayIn } from '../../../core/time/dates';
import { sql } from 'drizzle-orm';
import { CODES, createTestApp, type Client, type TestApp } from '../../testing/test-app';
import { testEngine } from '../../testing/test-db';
import { seedFieldwork, type FieldworkFixture } from '../records/fieldwork.testing';
import { personRecordEvents } from '../records/records.repo';
import { statusDaysSql, statusSql, summaryAnswers } from './status-sql';
import { storedStatusOn, type StoredItem } from '../../../core/records/stored';
import type { ScheduleStatus } from '../../../core/schedule/status';
import { rows } from '../../db/sql';

const today = todayIn('Asia/Jakarta');
type DueBody = { on: string; total: number; people: Array<{ person: { id: string; name: string; ageLabel: string; headName: string | null }; stages: string[]; items: Array<{ key: string; item: string; status: string; label: string }> }> };

describe(`due lists (${testEngine})`, () => {
  let t: TestApp;
  let fx: FieldworkFixture;
  let petugas: Client;
  beforeAll(async () => {
    t = await createTestApp();
    fx = await seedFieldwork(t, today);
    petugas = await t.login('petugas');
  });
  afterAll(async () => t?.close());

  /** Everyone of the area with a due or overdue entry, by a fresh engine run per person. */
  async function expectedDue(on: string): Promise<Map<string, string[]>> {
    const people = await t.database.query<{ id: string; sex: 'M' | 'F'; birth_date: string }>(
      `select id, sex, birth_date from person where status = 'alive' and (area_code = $1 or area_code like $2)`, [CODES.tongaunaRw1, `${CODES.tongaunaRw1}.%`]);
    const out = new Map<string, string[]>();
    for (const p of people) {
      const events = await personRecordEvents(t.database.db, p.id);
      const facts = personFactsFromEvents({ sex: p.sex, birthDate: p.birth_date }, events);
      const s = computeSchedule({ person: facts, events: scheduleEventsOf(events), on, options: storedScheduleOptions(on) });
      const keys = s.entries.filter((e) => e.status === 'due' || e.status === 'overdue').map((e) => e.key).sort();
      if (keys.length) out.set(p.id, keys);
    }
    return out;
  }

  /** Every listed item carries its stored window, programme, dose and period. */
  const expectStoredItems = async (body: DueBody) => {
    const stored = new Map((await t.database.query<{ k: string; item: string; programme: string; earliest: string; due: string; latest: string; dose: number | null; period: string | null }>(
      `select person_id || '/' || key as k, item, programme, earliest::text, due::text, latest::text, dose, period from person_schedule_item`)).map((r) => [r.k, r]));
    for (const p of body.people) {
      for (const i of p.items as Array<DueBody['people'][number]['items'][number] & { programme: string; window: object; dose?: number; period?: string }>) {
        const s = stored.get(`${p.person.id}/${i.key}`)!;
        expect(i, i.key).toMatchObject({ item: s.item, programme: s.programme, window: { earliest: s.earliest, due: s.due, latest: s.latest } });
        expect(i.dose ?? null, i.key).toBe(s.dose);
        expect(i.period ?? null, i.key).toBe(s.period);
      }
    }
  };

  it('for the Posyandu today: exactly the people with open windows, with the hand-checked items', async () => {
    const r = await fx.kader.get(`/api/due?facility=${fx.posyandu}`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as DueBody;
    const expected = await expectedDue(today);
    expect(new Set(body.people.map((p) => p.person.id))).toEqual(new Set(expected.keys()));
    expect(body.total).toBe(expected.size);
    for (const p of body.people) expect(p.items.map((i) => i.key).sort(), p.person.name).toEqual(expected.get(p.person.id));
    await expectStoredItems(body);
    const by = (id: string) => body.people.find((p) => p.person.id === id)!;
    const { year, month } = parts(today);
    expect(by(fx.people.pregnant).items.find((i) => i.key === `anc.k4@${fx.pregnancyId}`)).toMatchObject({ status: 'due', label: 'Kunjungan ANC K4' });
    expect(by(fx.people.pregnant).stages).toContain('hamil');
    expect(by(fx.people.baby).items.find((i) => i.item === 'imm.dpt-hb-hib-2')?.status).toBe('due');
    expect(by(fx.people.stunted).items.find((i) => i.key === `growth.weighing@${year}-${String(month).padStart(2, '0')}`)?.status).toBe('due');
    expect(by(fx.people.elder).items.find((i) => i.key === `elderly.skilas@${year}`)?.status).toBe('due');
    expect(by(fx.people.elder).stages).toContain('lansia');
    expect(by(fx.people.baby).person).toMatchObject({ ageLabel: '3 bln', headName: 'Nurhayati Lasanudin' });
    // Ordered by household, then age.
    const lasanudin = body.people.filter((p) => [fx.people.pregnant, fx.people.baby, fx.people.stunted, fx.people.elder].includes(p.person.id)).map((p) => p.person.id);
    expect(lasanudin).toEqual([fx.people.elder, fx.people.pregnant, fx.people.stunted, fx.people.baby]);
  });

  it('filters by stage, programme and item, and pages', async () => {
    const hamil = (await fx.kader.get(`/api/due?facility=${fx.posyandu}&stage=hamil`)).json() as DueBody;
    expect(hamil.people.map((p) => p.person.id)).toEqual([fx.people.pregnant]);
    const imm = (await fx.kader.get(`/api/due?facility=${fx.posyandu}&programme=immunization`)).json() as DueBody;
    expect(imm.people.every((p) => p.items.every((i) => i.item.startsWith('imm.')))).toBe(true);
    expect(imm.people.map((p) => p.person.id)).toContain(fx.people.baby);
    const skilas = (await fx.kader.get(`/api/due?facility=${fx.posyandu}&item=elderly.skilas`)).json() as DueBody;
    expect(skilas.people.map((p) => p.person.id)).toEqual([fx.people.elder]);
    const all = (await fx.kader.get(`/api/due?facility=${fx.posyandu}`)).json() as DueBody;
    const p1 = (await fx.kader.get(`/api/due?facility=${fx.posyandu}&pageSize=2&page=1`)).json() as DueBody;
    const p2 = (await fx.kader.get(`/api/due?facility=${fx.posyandu}&pageSize=2&page=2`)).json() as DueBody;
    expect(p1.total).toBe(all.total);
    expect([...p1.people, ...p2.people].map((p) => p.person.id)).toEqual(all.people.slice(0, 4).map((p) => p.person.id));
    // A page past the end: no one, the total still counted; each list audited once with its counts.
    const past = (await fx.kader.get(`/api/due?facility=${fx.posyandu}&pageSize=2&page=999`)).json() as DueBody;
    expect(past).toMatchObject({ total: all.total, people: [] });
    const audits = await t.database.query<{ details: Record<string, unknown>; entity_id: string; user_id: string; path: string; kab_code: string }>(
      `select details, entity_id, user_id, path, kab_code from audit_log where action = 'list' and entity_type = 'due' order by id desc limit 3`);
    expect(audits.map((a) => a.details)).toEqual([
      { on: today, results: 0, total: all.total, refreshed: 0 },
      { on: today, results: 2, total: all.total, refreshed: 0 },
      { on: today, results: 2, total: all.total, refreshed: 0 },
    ]);
    expect(audits[0]).toMatchObject({ entity_id: fx.posyandu, path: `/api/due?facility=${fx.posyandu}&pageSize=2&page=999` });
  });

  it('a date ahead: due lists for a later session day follow the engine on that day', async () => {
    const on = addDays(today, 45);
    const body = (await fx.kader.get(`/api/due?facility=${fx.posyandu}&on=${on}`)).json() as DueBody;
    const expected = await expectedDue(on);
    expect(new Set(body.people.map((p) => p.person.id))).toEqual(new Set(expected.keys()));
    for (const p of body.people) expect(p.items.map((i) => i.key).sort(), p.person.name).toEqual(expected.get(p.person.id));
    await expectStoredItems(body);
  });

  it('refreshes stale schedules first: a settings change, an old protocol version, a passed horizon', async () => {
    await t.database.query(`update person_schedule_state set protocol_version = 'old', horizon_until = computed_on where person_id = $1`, [fx.people.elder]);
    await t.database.query(`delete from person_schedule_state where person_id = $1`, [fx.people.baby]);
    await t.database.query(`delete from person_schedule_item where person_id = $1`, [fx.people.baby]);
    const r = (await fx.kader.get(`/api/due?facility=${fx.posyandu}`)).json() as DueBody;
    expect(r.people.map((p) => p.person.id)).toContain(fx.people.baby);
    // One audit row for the list, written with the reading after the refresh, which it counts.
    const [a] = await t.database.query<{ details: Record<string, unknown> }>(`select details from audit_log where action = 'list' and entity_type = 'due' order by id desc limit 1`);
    expect(a!.details).toEqual({ on: today, results: r.people.length, total: r.total, refreshed: expect.any(Number) });
    expect(a!.details.refreshed).toBeGreaterThanOrEqual(2); // the two made stale here, and those an earlier test computed for a later day
    const [st] = await t.database.query<{ protocol_version: string }>('select protocol_version from person_schedule_state where person_id = $1', [fx.people.elder]);
    expect(st!.protocol_version).toBe(PROTOCOL_VERSION);
    // JE becomes endemic in Konawe: every stored schedule there is stale and the baby's JE dose appears as upcoming.
    const dinkes = await t.login('dinkes');
    expect((await dinkes.put('/api/protocol/settings?kab=74.02', { settings: { immunization: { jeEndemic: true } } })).statusCode).toBeLessThan(300);
    const up = (await fx.kader.get(`/api/due?facility=${fx.posyandu}&status=upcoming&item=imm.je`)).json() as DueBody;
    expect(up.people.map((p) => p.person.id)).toContain(fx.people.baby);
  });

  it('scope: a kader of another Posyandu gets 403 (audited); Puskesmas staff see the whole kelurahan', async () => {
    const kader = await t.login('kader');
    const r = await kader.get(`/api/due?facility=${fx.posyandu}`);
    expect(r.statusCode).toBe(403);
    const [a] = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'denied' and entity_type = 'facility' and entity_id = $1`, [fx.posyandu]);
    expect(a!.n).toBe(1);
    const wide = (await petugas.get(`/api/due?area=${CODES.tongauna}&pageSize=200`)).json() as DueBody;
    expect(wide.people.map((p) => p.person.id)).toContain(fx.people.pregnant);
  });

  it('the SQL status of stored items equals storedStatusOn on many days', async () => {
    const items = await t.database.query<{ person_id: string; key: string; item: string; programme: string; earliest: string; due: string; latest: string; state: StoredItem['state']; done_on: string | null; done_event_id: string | null; dose: number | null; period: string | null }>('select * from person_schedule_item');
    expect(items.length).toBeGreaterThan(50);
    for (const d of [-400, -30, -1, 0, 1, 15, 60, 200]) {
      const on = addDays(today, d);
      // Single statuses and the sets the lists ask for (whose windows the SQL merges into one box where it can).
      const sets: ScheduleStatus[][] = [['due'], ['overdue'], ['missed'], ['upcoming'], ['done'], ['not_applicable'], ['due', 'overdue'],
        ['due', 'overdue', 'missed'], ['due', 'overdue', 'missed', 'upcoming'], ['upcoming', 'due'], ['overdue', 'missed'], ['missed', 'done']];
      for (const statuses of sets) {
        const got = (await rows<{ k: string }>(t.database.db, sql`select i.person_id || '/' || i.key as k from person_schedule_item i where ${statusSql(statuses, on)}`)).map((x) => x.k).sort();
        const want = items.filter((i) => statuses.includes(storedStatusOn({ key: i.key, item: i.item, programme: i.programme, earliest: i.earliest, due: i.due, latest: i.latest, state: i.state, doneEventId: i.done_event_id, doneOn: i.done_on, dose: i.dose, period: i.period }, on)!))
          .map((i) => `${i.person_id}/${i.key}`).sort();
        expect(got, `${statuses.join('+')} on ${on}`).toEqual(want);
        // The state rows' status days list the same people as their items (the due list asks those rows).
        if (!summaryAnswers(statuses)) continue;
        const listed = (await rows<{ id: string }>(t.database.db, sql`select s.person_id as id from person_schedule_state s where ${statusDaysSql(statuses, on)}`)).map((x) => x.id).sort();
        expect(listed, `status days ${statuses.join('+')} on ${on}`).toEqual([...new Set(want.map((k) => k.split('/')[0]!))].sort());
      }
    }
  });
});
