/**
 * `npm test`: every test of Siklus, ending with one line "N passed, N failed".
 *
 *  1. prepares the machine: Debian Chromium (apt-get install -y chromium when
 *     missing) and PostgreSQL (started when down);
 *  2. type-checks (tsc --noEmit; counted as one test);
 *  3. unit tests (vitest project "unit");
 *  4. database tests on embedded PGlite, then on PostgreSQL (project "db");
 *  5. builds the web app and runs the browser tests in Chromium (Playwright).
 *
 * A stage that crashes before reporting counts as one failure, so a broken
 * stage can never look green.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tmp = join(root, '.tmp', 'test-results');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

interface Tally {
  stage: string;
  passed: number;
  failed: number;
  note?: string;
}
const tallies: Tally[] = [];
const only = process.argv.slice(2); // e.g. `npm test -- unit db-pglite`
const want = (stage: string) => only.length === 0 || only.includes(stage);

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n$ ${[cmd, ...args].join(' ')}${Object.keys(env).length ? `  (${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')})` : ''}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ port, host });
    s.once('connect', () => {
      s.end();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

async function prepare(): Promise<void> {
  if (want('browser') && !existsSync('/usr/bin/chromium')) {
    console.log('Installing Debian Chromium for the browser tests…');
    const apt = process.getuid?.() === 0 ? 'apt-get' : 'sudo';
    const args = process.getuid?.() === 0 ? ['install', '-y', 'chromium'] : ['apt-get', 'install', '-y', 'chromium'];
    if (run(apt, args, { DEBIAN_FRONTEND: 'noninteractive' }) !== 0) {
      run(apt, process.getuid?.() === 0 ? ['update'] : ['apt-get', 'update']);
      run(apt, args, { DEBIAN_FRONTEND: 'noninteractive' });
    }
  }
  if (want('db-postgres') && !process.env.SIKLUS_TEST_PG_URL && !(await portOpen(5432))) {
    console.log('Starting PostgreSQL…');
    const versions = existsSync('/etc/postgresql') ? spawnSync('ls', ['/etc/postgresql']).stdout.toString().trim().split('\n') : [];
    for (const v of versions) run('pg_ctlcluster', ['--skip-systemctl-redirect', v, 'main', 'start']);
    for (let i = 0; i < 30 && !(await portOpen(5432)); i++) await new Promise((r) => setTimeout(r, 500));
  }
}

function vitest(stage: string, project: string, env: Record<string, string> = {}): void {
  const out = join(tmp, `${stage}.json`);
  const code = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
  if (!existsSync(out)) {
    tallies.push({ stage, passed: 0, failed: 1, note: `vitest exited ${code} without a report` });
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; testResults: { status: string; message?: string }[] };
  // A test file that fails to load has no tests but a failed status: count it.
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.message).length;
  const failed = r.numFailedTests + (r.numFailedTests === 0 ? brokenFiles : 0) + (code !== 0 && r.numFailedTests === 0 && brokenFiles === 0 ? 1 : 0);
  tallies.push({ stage, passed: r.numPassedTests, failed });
}

function playwright(): void {
  if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) {
    tallies.push({ stage: 'browser', passed: 0, failed: 1, note: 'vite build failed' });
    return;
  }
  const out = join(tmp, 'browser.json');
  const code = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (!existsSync(out)) {
    tallies.push({ stage: 'browser', passed: 0, failed: 1, note: `playwright exited ${code} without a report` });
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };
  const failed = r.stats.unexpected + (r.errors?.length ?? 0) + (code !== 0 && r.stats.unexpected === 0 && !(r.errors?.length) ? 1 : 0);
  tallies.push({ stage: 'browser', passed: r.stats.expected + r.stats.flaky, failed });
}

await prepare();
if (want('typecheck')) {
  const code = run('npx', ['tsc', '--noEmit']);
  tallies.push({ stage: 'typecheck', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
}
if (want('unit')) vitest('unit', 'unit');
if (want('db-pglite')) vitest('db-pglite', 'db', { SIKLUS_TEST_DB: 'pglite' });
if (want('db-postgres')) vitest('db-postgres', 'db', { SIKLUS_TEST_DB: 'postgres' });
if (want('browser')) playwright();

console.log('\nSummary');
for (const t of tallies) console.log(`  ${t.stage.padEnd(12)} ${String(t.passed).padStart(5)} passed ${String(t.failed).padStart(4)} failed${t.note ? `  (${t.note})` : ''}`);
const passed = tallies.reduce((s, t) => s + t.passed, 0);
const failed = tallies.reduce((s, t) => s + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
