import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeZScores } from '../../../core/anthropometry/zscores';
import { exactReferences, WHO_DATA_DIR } from '../../../core/anthropometry/test-support/who-data';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db';
import { growthReferenceVersion, loadGrowthReferences } from './growth-references.repo';
import { importWhoGrowthFolder, WhoGrowthImportError } from './who-growth-import';

/** Rows per table in WHO's files (both sexes), ../shared/data/who-growth/SOURCES.md. */
const EXPECTED_ROWS = {
  weianthro: 3654,
  lenanthro: 3654,
  bmianthro: 3654,
  hcanthro: 3654,
  acanthro: 3472,
  tsanthro: 3472,
  ssanthro: 3472,
  wflanthro: 1302,
  wfhanthro: 1102,
  hfawho2007: 340,
  bfawho2007: 340,
  wfawho2007: 124,
};
const TOTAL = Object.values(EXPECTED_ROWS).reduce((a, b) => a + b, 0);

let database: TestDatabase;
let scratch: string;

beforeAll(async () => {
  database = await createTestDatabase();
  scratch = await mkdtemp(join(tmpdir(), 'siklus-who-'));
});

afterAll(async () => {
  await database?.destroy();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function fingerprint() {
  const [g] = await database.query<{ n: string; sum_m: number }>('SELECT count(*) AS n, coalesce(sum(m), 0) AS sum_m FROM growth_reference');
  const [i] = await database.query<{ n: string }>("SELECT count(*) AS n FROM reference_import WHERE kind = 'who-growth'");
  return { rows: Number(g!.n), sumM: Number(g!.sum_m), imports: Number(i!.n) };
}

describe('before any import', () => {
  it('falls back to the approximate jsgrowup tables, and has no 5–19 y reference', async () => {
    const refs = await loadGrowthReferences(database);
    expect(refs.version).toBeNull();
    expect(refs.status.weianthro).toBe('approximate');
    expect(refs.status.acanthro).toBe('missing');
    expect(refs.status.hfawho2007).toBe('missing');
    const r = computeZScores({ sex: 'F', age: { days: 300 }, weightKg: 8 }, refs);
    expect(r.indices.wei).toMatchObject({ status: 'ok', approximate: true });
  });
});

describe('siklus reference import who', () => {
  it('loads every WHO table of a folder (sub-folders included) in one import', async () => {
    const r = await importWhoGrowthFolder(database, WHO_DATA_DIR, { importedBy: 'test' });
    expect(Object.fromEntries(r.tables.map((t) => [t.table, t.rows]))).toEqual(EXPECTED_ROWS);
    expect(r.rows).toBe(TOTAL);
    expect(r.tables.find((t) => t.table === 'weianthro')).toMatchObject({ file: 'wgs2006-daily/weianthro.txt', from: 0, to: 1826, unit: 'days' });
    expect(r.tables.find((t) => t.table === 'wflanthro')).toMatchObject({ from: 45, to: 110, unit: 'cm' });
    expect(await fingerprint()).toMatchObject({ rows: TOTAL, imports: 1 });

    const [rec] = await database.query<{ source: string; rows: number; imported_by: string; details: { tables: Record<string, { sha256: string }> } }>(
      "SELECT source, rows, imported_by, details FROM reference_import WHERE kind = 'who-growth'",
    );
    expect(rec).toMatchObject({ source: WHO_DATA_DIR.replace(/\/$/, ''), rows: TOTAL, imported_by: 'test' });
    expect(rec!.details.tables.weianthro!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await growthReferenceVersion(database)).toBe(r.importId);
  });

  it('stores the values exactly: z-scores from the database equal those from the files', async () => {
    const loaded = await loadGrowthReferences(database);
    const files = exactReferences();
    expect(Object.values(loaded.status).every((s) => s === 'exact')).toBe(true);
    const inputs = [
      { sex: 'M' as const, age: { days: 365 }, weightKg: 16, lengthHeightCm: 80, measure: 'l' as const, headCm: 47, muacCm: 15 },
      { sex: 'F' as const, age: { months: 150.5 }, weightKg: 40, lengthHeightCm: 160 },
      { sex: 'F' as const, age: { days: 900 }, weightKg: 12.3, lengthHeightCm: 88.35, measure: 'h' as const },
    ];
    for (const input of inputs) expect(computeZScores(input, loaded)).toEqual(computeZScores(input, files));
  });

  it('replaces the rows of the tables it imports again (no duplicates)', async () => {
    const before = await fingerprint();
    const r = await importWhoGrowthFolder(database, join(WHO_DATA_DIR, 'ref2007-monthly'));
    expect(r.tables.map((t) => t.table).sort()).toEqual(['bfawho2007', 'hfawho2007', 'wfawho2007']);
    const after = await fingerprint();
    expect(after.rows).toBe(before.rows);
    expect(after.sumM).toBeCloseTo(before.sumM, 6);
    expect(after.imports).toBe(before.imports + 1);
  });

  it('changes nothing when one file is malformed, and names the file and line', async () => {
    const bad = join(scratch, 'bad');
    await cp(join(WHO_DATA_DIR, 'wgs2006-daily'), bad, { recursive: true });
    const path = join(bad, 'hcanthro.txt');
    const lines = (await readFile(path, 'utf8')).split('\r\n');
    lines[99] = '1\t98\t1\tforty\t0.03';
    await writeFile(path, lines.join('\r\n'));
    const before = await fingerprint();

    const error = await importWhoGrowthFolder(database, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhoGrowthImportError);
    expect((error as WhoGrowthImportError).problems).toEqual([{ file: 'hcanthro.txt', line: 100, message: 'm "forty" is not a number' }]);
    expect((error as Error).message).toContain('hcanthro.txt, line 100: m "forty" is not a number');
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses a folder without WHO tables, or with the same table twice', async () => {
    const empty = join(scratch, 'empty');
    await cp(join(WHO_DATA_DIR, 'wgs2006-monthly-json'), empty, { recursive: true });
    await expect(importWhoGrowthFolder(database, empty)).rejects.toThrow(/No WHO growth table files/);
    await expect(importWhoGrowthFolder(database, join(scratch, 'missing'))).rejects.toThrow(/is not a folder/);

    const twice = join(scratch, 'twice');
    await cp(join(WHO_DATA_DIR, 'ref2007-monthly'), join(twice, 'a'), { recursive: true });
    await cp(join(WHO_DATA_DIR, 'ref2007-monthly', 'wfawho2007.txt'), join(twice, 'b', 'wfawho2007.txt'));
    await expect(importWhoGrowthFolder(database, twice)).rejects.toThrow(/b\/wfawho2007.txt: wfawho2007 is also in a\/wfawho2007.txt/);
  });
});
