/**
 * Transactions through PipelinePool (pipeline.ts) keep their meaning while
 * `begin` and `commit` ride with statements: what commits, what rolls back,
 * and (on PostgreSQL) how many round trips a transaction takes.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../testing/test-db';
import { commitWith, sendWithNext } from './pipeline';
import { rows } from './sql';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.exec('create table pipe_probe (id int primary key, note text)');
  await t.exec("create table pipe_lock (id int primary key, n int); insert into pipe_lock values (1, 0)");
});
afterAll(async () => {
  await t?.destroy();
});

/** The queries node-postgres sends while `fn` runs (PostgreSQL only; PGlite has none). */
async function sent<T>(fn: () => Promise<T>): Promise<{ value: T; texts: string[] }> {
  const texts: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    texts.push(typeof q === 'string' ? q : q?.text ?? '');
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
  try {
    return { value: await fn(), texts };
  } finally {
    pg.Client.prototype.query = original;
  }
}

const ids = async () => (await rows<{ id: number }>(t.db, sql`select id from pipe_probe order by id`)).map((r) => r.id);

describe(`transactions with begin and commit riding along (${testEngine})`, () => {
  it('commits with the statement marked last, in two round trips for two statements', async () => {
    const { value, texts } = await sent(() => t.db.transaction(async (tx) => {
      await tx.execute(sql`insert into pipe_probe values (${1}, ${"it's"})`);
      commitWith(tx);
      return rows<{ n: number }>(tx, sql`insert into pipe_probe values (${2}, ${'b\\c'}) returning id as n`);
    }));
    expect(value).toEqual([{ n: 2 }]);
    expect(await rows(t.db, sql`select id, note from pipe_probe order by id`)).toEqual([{ id: 1, note: "it's" }, { id: 2, note: 'b\\c' }]);
    if (testEngine === 'postgres') {
      expect(texts).toHaveLength(2);
      expect(texts[0]).toMatch(/^begin;\ninsert into pipe_probe values \('1', 'it''s'\)$/);
      expect(texts[1]).toMatch(/;\ncommit$/);
    }
  });

  it('rolls back everything when the statement carrying the commit fails', async () => {
    await expect(t.db.transaction(async (tx) => {
      await tx.execute(sql`insert into pipe_probe values (${3}, 'x')`);
      commitWith(tx);
      await tx.execute(sql`insert into pipe_probe values (${1}, 'duplicate key')`);
    })).rejects.toThrow();
    expect(await ids()).toEqual([1, 2]);
  });

  it('rolls back when the code throws between statements, and sends nothing for an empty transaction', async () => {
    await expect(t.db.transaction(async (tx) => {
      await tx.execute(sql`insert into pipe_probe values (${4}, 'x')`);
      throw new Error('stop');
    })).rejects.toThrow('stop');
    expect(await ids()).toEqual([1, 2]);
    const { texts } = await sent(() => t.db.transaction(async () => 5));
    expect(texts).toEqual([]);
  });

  it('refuses a statement after the one that committed (it would run outside the transaction)', async () => {
    const attempt = t.db.transaction(async (tx) => {
      commitWith(tx);
      await tx.execute(sql`insert into pipe_probe values (${6}, 'last')`);
      await tx.execute(sql`insert into pipe_probe values (${7}, 'too late')`);
    });
    if (testEngine === 'postgres') {
      const e = await attempt.then(() => null, (x: Error & { cause?: Error }) => x);
      expect(`${e?.message} ${e?.cause?.message}`).toMatch(/after the one that committed/);
      expect(await ids()).toEqual([1, 2, 6]);
    } else {
      await attempt;
      expect(await ids()).toEqual([1, 2, 6, 7]);
    }
  });

  it('sends a statement along with the next one, in one round trip, its rows as objects (a builder statement asks for arrays)', async () => {
    const { value, texts } = await sent(() => t.db.transaction(async (tx) => {
      const after = sendWithNext<{ id: number; note: string }>(tx, sql`select id, note from pipe_probe where id = ${2}`);
      const locked = await tx.select({ n: sql<number>`n` }).from(sql`pipe_lock`).where(sql`id = ${1}`).for('update');
      return { locked, after: await after() };
    }));
    expect(value).toEqual({ locked: [{ n: 0 }], after: [{ id: 2, note: 'b\\c' }] });
    if (testEngine === 'postgres') {
      expect(texts).toHaveLength(2);
      expect(texts[0]).toMatch(/^begin;\nselect .* for update;\nselect id, note from pipe_probe where id = '2'$/);
      expect(texts[1]).toBe('commit');
    }
  });

  it('fails the statement sent along when the one ahead of it fails', async () => {
    await expect(t.db.transaction(async (tx) => {
      const after = sendWithNext(tx, sql`select 1`);
      await tx.execute(sql`select 1 / 0`).catch(() => null);
      return after();
    })).rejects.toThrow();
  });

  it.runIf(testEngine === 'postgres')('reads what a transaction holding the lock committed: the statement sent along runs after the lock, in its own snapshot', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const hasLock = new Promise<void>((r) => (locked = r));
    const writer = t.db.transaction(async (tx) => {
      await tx.execute(sql`select n from pipe_lock where id = 1 for update`);
      await tx.execute(sql`insert into pipe_probe values (${20}, 'committed while the reader waited')`);
      locked();
      await held;
    });
    await hasLock;
    const reader = t.db.transaction(async (tx) => {
      const after = sendWithNext<{ id: number }>(tx, sql`select id from pipe_probe where id = ${20}`);
      await tx.execute(sql`select n from pipe_lock where id = 1 for update`);
      return after();
    });
    // The reader is waiting for the lock when the writer commits.
    await new Promise((r) => setTimeout(r, 100));
    release();
    await writer;
    expect(await reader).toEqual([{ id: 20 }]);
  });
});
