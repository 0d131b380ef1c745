import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../core/time/dates';
import { UsageError } from '../../cli/command';
import { parseSchedulesRefreshArgs, runSchedulesRefresh } from '../../cli/commands/schedules';
import { CODES, createTestApp, type TestApp } from '../../testing/test-app';
import { testEngine } from '../../testing/test-db';
import { seedFieldwork, type FieldworkFixture } from './fieldwork.testing';

const today = todayIn('Asia/Jakarta');

describe(`siklus schedules refresh (${testEngine})`, () => {
  let t: TestApp;
  let fx: FieldworkFixture;
  beforeAll(async () => {
    t = await createTestApp();
    fx = await seedFieldwork(t, today);
  });
  afterAll(async () => t?.close());

  const STATE = `select stages, flags, horizon_until::text, protocol_version, settings_fingerprint, due_days::text, overdue_days::text, missed_days::text, upcoming_days::text
    from person_schedule_state where person_id = $1`;
  const ITEMS = `select key, item, programme, earliest::text, due::text, latest::text, state, done_on::text, done_event_id, dose, period
    from person_schedule_item where person_id = $1 order by key`;
  const stateOf = async (id: string) => (await t.database.query<Record<string, unknown>>(STATE, [id]))[0];
  const itemsOf = (id: string) => t.database.query<Record<string, unknown>>(ITEMS, [id]);

  it('computes the stale schedules of the area, and only them, as the visits stored them', async () => {
    // The visits stored these schedules: the refresh must give the same rows back.
    const baby = await stateOf(fx.people.baby);
    const stunted = await stateOf(fx.people.stunted);
    const stuntedItems = await itemsOf(fx.people.stunted);
    // The elder has no visit: no schedule is stored until something reads it.
    expect(await stateOf(fx.people.elder)).toBeUndefined();
    expect(baby!.due_days).not.toBeNull();
    expect(stuntedItems.length).toBeGreaterThan(5);
    // Stale three ways: as migration 0005 left them (no status days), no schedule at all, an older protocol.
    await t.database.query('update person_schedule_state set due_days = null, overdue_days = null, missed_days = null, upcoming_days = null where person_id = $1', [fx.people.baby]);
    await t.database.query('delete from person_schedule_item where person_id = $1', [fx.people.stunted]);
    await t.database.query('delete from person_schedule_state where person_id = $1', [fx.people.stunted]);
    await t.database.query(`update person_schedule_state set protocol_version = 'old' where person_id = $1`, [fx.people.thin]);
    // Outside the area asked for (Kelurahan Mekar Sari): left as it is.
    await t.database.query('delete from person_schedule_state where person_id = $1', [t.fx.people.rw1Child]);
    const [{ n: living }] = await t.database.query<{ n: number }>(`select count(*)::int as n from person where status = 'alive' and (area_code = $1 or area_code like $2)`,
      [CODES.tongauna, `${CODES.tongauna}.%`]) as [{ n: number }];

    const log: string[] = [];
    const s = await runSchedulesRefresh(t.database, parseSchedulesRefreshArgs(['--area', CODES.tongauna]), today, (l) => log.push(l));
    expect(s.people).toBe(living);
    // The three made stale here, and everyone of the kelurahan never read yet (the elder, ...).
    expect(s.refreshed).toBeGreaterThanOrEqual(4);
    expect(s.refreshed).toBeLessThanOrEqual(living);
    expect(log.at(-1)).toMatch(new RegExp(`^Schedules for .+ \\(${CODES.tongauna.replaceAll('.', '\\.')}\\) on ${today}: ${s.refreshed} of ${living} living people were stale`));

    expect(await stateOf(fx.people.baby)).toEqual(baby);
    expect(await stateOf(fx.people.stunted)).toEqual(stunted);
    expect(await itemsOf(fx.people.stunted)).toEqual(stuntedItems);
    const [elderDue] = await t.database.query<{ due: boolean }>('select due_days @> $2::date as due from person_schedule_state where person_id = $1', [fx.people.elder, today]);
    expect(elderDue!.due).toBe(true); // SKILAS, due this year
    expect((await itemsOf(fx.people.elder)).length).toBeGreaterThan(5);
    expect((await stateOf(fx.people.thin))!.protocol_version).not.toBe('old');
    expect(await stateOf(t.fx.people.rw1Child)).toBeUndefined();

    // Nothing is stale any more: a second run computes nobody.
    const again = await runSchedulesRefresh(t.database, { areaCode: CODES.tongauna }, today, () => {});
    expect(again.refreshed).toBe(0);
  });

  it('with no area, refreshes every district', async () => {
    const log: string[] = [];
    const s = await runSchedulesRefresh(t.database, parseSchedulesRefreshArgs([]), today, (l) => log.push(l));
    expect(s.area.code).toBe('ID');
    expect(s.refreshed).toBeGreaterThanOrEqual(1); // Mekar Sari's child, left stale above
    expect(await stateOf(t.fx.people.rw1Child)).toBeDefined();
    const [{ n: stale }] = await t.database.query<{ n: number }>(`select count(*)::int as n from person p left join person_schedule_state s on s.person_id = p.id
      where p.status = 'alive' and (s.person_id is null or s.due_days is null)`) as [{ n: number }];
    expect(stale).toBe(0);
  });

  it('refuses bad input with a usage error and changes nothing', async () => {
    expect(() => parseSchedulesRefreshArgs(['--on', '2026-12-01'])).toThrow(UsageError);
    expect(() => parseSchedulesRefreshArgs(['--kab', '74.02'])).toThrow(UsageError);
    expect(() => parseSchedulesRefreshArgs(['74.02'])).toThrow(UsageError);
    await t.database.query('delete from person_schedule_state where person_id = $1', [fx.people.thin]);
    await expect(runSchedulesRefresh(t.database, { areaCode: '74.99' }, today, () => {})).rejects.toThrow(/Unknown area code "74\.99"/);
    await expect(runSchedulesRefresh(t.database, { areaCode: '74.99' }, today, () => {})).rejects.toBeInstanceOf(UsageError);
    expect(await stateOf(fx.people.thin)).toBeUndefined();
  });
});
