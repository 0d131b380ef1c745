import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, testEngine, type TestDatabase } from '../testing/test-db';
import { openDatabase, toCsvLine } from './client';
import { DataDirLockedError } from './lock';

describe(`database (${testEngine})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('applies migrations and has the trigram extension', async () => {
    const rows = await t.query<{ n: number }>("select count(*)::int as n from pg_extension where extname = 'pg_trgm'");
    expect(rows[0]?.n).toBe(1);
    const tables = await t.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    );
    expect(tables.map((r) => r.table_name)).toEqual(expect.arrayContaining(['area', 'person', 'household', 'audit_log']));
  });

  it('bulk-loads with COPY, keeping NULL apart from empty strings and quoting', async () => {
    await t.exec('create table copy_probe (a text, b int, c text)');
    const n = await t.copyRows('copy_probe', ['a', 'b', 'c'], [
      ['x, "quoted"\nline', 1, null],
      ['', 2, 'z'],
    ]);
    expect(n).toBe(2);
    const rows = await t.query<{ a: string; b: number; c: string | null }>('select a, b, c from copy_probe order by b');
    expect(rows).toEqual([
      { a: 'x, "quoted"\nline', b: 1, c: null },
      { a: '', b: 2, c: 'z' },
    ]);
  });

  it('returns dates as ISO strings', async () => {
    const rows = await t.query<{ d: string }>("select '2024-02-29'::date as d");
    expect(rows[0]?.d).toBe('2024-02-29');
  });
});

describe('data folder lock', () => {
  it('refuses a second open of the same PGlite folder with a clear error', async () => {
    if (testEngine !== 'pglite') return;
    const dir = mkdtempSync(join(tmpdir(), 'siklus-lock-'));
    const first = await openDatabase({ dataDir: dir, migrate: false });
    try {
      await expect(openDatabase({ dataDir: dir, migrate: false })).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir, migrate: false });
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });
  it('quotes CSV fields', () => {
    expect(toCsvLine(['a', null, 3])).toBe('"a",,"3"\n');
  });
});
