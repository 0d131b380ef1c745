import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../core/anthropometry/csv';
import { WHO_DATA_DIR } from '../../../core/anthropometry/test-support/who-data';
import { UsageError } from '../../cli/command';
import { runAnthroCommand } from '../../cli/commands/anthro';
import { describeWhoImport } from '../../cli/commands/reference-who';
import { createTestDatabase, testEngine, type TestDatabase } from '../../testing/test-db';
import { loadGrowthReferences } from './growth-references.repo';
import { importWhoGrowthFolder } from './who-growth-import';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Two good rows, a bad one, a 5–19 y one. */
const CSV = [
  'id,sex,age_months,weight,height,measure,oedema,muac',
  'a,1,12,8.1,71,l,n,11.3',
  'b,9,12,8.1,71,l,n,',
  'c,2,100,25,128,,n,',
  'd,2,30,12,88,l,,14',
].join('\n');

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'siklus-anthro-'));
  await writeFile(join(dir, 'in.csv'), CSV);
});

afterAll(async () => {
  await database?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function io(refs = () => loadGrowthReferences(database)) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { references: refs, stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) } };
}

const records = (text: string) => {
  const [head, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(head!.cells.map((h, i) => [h, r.cells[i] ?? ''])));
};

describe('siklus anthro (command function, test database)', () => {
  it('works before any import with approximate 0–5 y z-scores and says what is missing', async () => {
    const t = io();
    expect(await runAnthroCommand([join(dir, 'in.csv')], t.io)).toBe(0);
    const rows = records(t.out.join(''));
    expect(rows.find((r) => r.id === 'a')).toMatchObject({ approx: '1', zwei: '-1.59' });
    expect(rows.find((r) => r.id === 'c')!.notes).toContain('WHO 2007 reference');
    expect(t.err.join('')).toContain('line 3 (id b): sex must be 1 (male) or 2 (female), found "9"');
    expect(t.err.join('')).toContain('4 rows, 3 scored, 1 bad');
    expect(t.err.join('')).toContain('approximate z-scores');
  });

  it('uses the imported WHO tables and writes --out', async () => {
    const imported = await importWhoGrowthFolder(database, WHO_DATA_DIR);
    expect(describeWhoImport(imported)).toMatch(/^Imported 28240 rows of 12 WHO growth tables/);
    const t = io();
    const out = join(dir, 'out.csv');
    expect(await runAnthroCommand([join(dir, 'in.csv'), '--out', out], t.io)).toBe(0);
    expect(t.out).toEqual([]);
    const rows = records(await readFile(out, 'utf8'));
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(rows[0]).toMatchObject({ agedays: '365', zwei: '-1.59', zlen: '-1.99', cat_muac: 'Gizi buruk (LiLA merah)', approx: '0', reference: 'WHO2006' });
    expect(rows[1]).toMatchObject({ zwei: '', error: 'sex must be 1 (male) or 2 (female), found "9"' });
    expect(rows[2]).toMatchObject({ reference: 'WHO2007', approx: '0' });
    expect(rows[2]!.zbmi).not.toBe('');
    // 30 months, lying: 88 − 0.7 cm
    expect(rows[3]).toMatchObject({ agedays: '913', clenhei: '87.30' });
    expect(t.err.join('')).toContain(`written to ${out}`);
    expect(t.err.join('')).not.toContain('approximate');
  });

  it('reports a bad file and bad arguments', async () => {
    await writeFile(join(dir, 'nosex.csv'), 'id,age_days\n1,2\n');
    const t = io();
    expect(await runAnthroCommand([join(dir, 'nosex.csv')], t.io)).toBe(1);
    expect(t.err.join('')).toContain('the header needs a column "sex"');
    await expect(runAnthroCommand([], io().io)).rejects.toThrow(UsageError);
    await expect(runAnthroCommand(['a.csv', '--bogus'], io().io)).rejects.toThrow(/Unknown option --bogus/);
    await expect(runAnthroCommand(['a.csv', '--out'], io().io)).rejects.toThrow(/--out needs a file name/);
  });
});

/** End to end through the real CLI, on an embedded database in a temporary DATA_DIR. */
describe.runIf(testEngine === 'pglite')('siklus CLI end to end (PGlite DATA_DIR)', () => {
  const run = (args: string[], dataDir: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      execFile(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/server/cli/main.ts'), ...args], { env, cwd: ROOT }, (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('imports the WHO folder, then scores a CSV', async () => {
    const dataDir = join(dir, 'data');
    const imported = await run(['reference', 'import', 'who', WHO_DATA_DIR], dataDir);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Imported 28240 rows of 12 WHO growth tables/);
    expect(imported.stdout).toMatch(/weianthro\s+3654 rows {2}0–1826 days/);

    const scored = await run(['anthro', join(dir, 'in.csv')], dataDir);
    expect(scored.code).toBe(0);
    const rows = records(scored.stdout);
    expect(rows[0]).toMatchObject({ id: 'a', zwei: '-1.59', approx: '0' });
    expect(scored.stderr).toContain('line 3 (id b): sex must be 1 (male) or 2 (female), found "9"');
  }, 120_000);
});
