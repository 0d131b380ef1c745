import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Browser tests of the web app against the real server with demo data.
 * The server starts on a free port with a fresh DATA_DIR (the config is
 * evaluated again in each worker; the values travel in the environment).
 * Set E2E_BASE_URL to test a server that is already running instead.
 * Browser: Debian's Chromium (never a downloaded one).
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Removes data folders of earlier runs whose server is gone (each holds ~90 MB of demo data). */
function sweepOldDataDirs(): void {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('siklus-e2e-')) continue;
    const dir = join(tmpdir(), name);
    try {
      if (Date.now() - statSync(dir).mtimeMs < 10 * 60_000) continue;
      let pid = 0;
      try {
        pid = Number(readFileSync(join(dir, 'siklus.lock'), 'utf8'));
      } catch {
        /* no lock: the server is not running */
      }
      if (!pid || !alive(pid)) rmSync(dir, { recursive: true, force: true });
    } catch {
      /* another run is cleaning up, or it is not ours */
    }
  }
}

const external = process.env.E2E_BASE_URL;
if (!external) {
  if (!process.env.E2E_DATA_DIR) {
    sweepOldDataDirs();
    process.env.E2E_DATA_DIR = mkdtempSync(join(tmpdir(), 'siklus-e2e-'));
  }
  process.env.E2E_PORT ??= String(await freePort());
}
const baseURL = external ?? `http://127.0.0.1:${process.env.E2E_PORT}`;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};

export default defineConfig({
  testDir: 'src/web/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: '.tmp/test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: '.tmp/playwright-report' }]] : [['list']],
  use: {
    baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromium,
  },
  projects: [
    {
      name: 'phone',
      use: {
        browserName: 'chromium',
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: devices['Pixel 7']?.userAgent,
      },
    },
    {
      name: 'desktop',
      use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: external
    ? undefined
    : {
        command: 'npx vite build --logLevel warn && npx tsx src/server/cli/main.ts serve --demo',
        url: `${baseURL}/api/health`,
        timeout: 300_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
        env: {
          PORT: process.env.E2E_PORT!,
          HOST: '127.0.0.1',
          DATA_DIR: process.env.E2E_DATA_DIR!,
          SIKLUS_DISTRICTS: process.env.SIKLUS_DISTRICTS ?? '74.02,61.71',
        },
      },
});
