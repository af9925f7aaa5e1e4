import { defineConfig, devices } from '@playwright/test';

/**
 * E2E config. The web server is `scripts/e2e-server.mjs` (fresh temp data dir,
 * migrate, seed, `next start` on 127.0.0.1:$E2E_PORT, after `next build`).
 * scripts/test.sh runs the build first and then `npx playwright test`.
 *
 * Browser: Debian's Chromium (/usr/bin/chromium, or $CHROMIUM_PATH). Never run
 * `npx playwright install`: no browser download is possible on our machines.
 *
 * Projects: `desktop` runs every spec except phone ones; `phone` (Pixel 7
 * viewport/touch/UA) runs specs named `*.phone.spec.ts` and tests tagged
 * `@phone` (e.g. `test('menu', { tag: '@phone' }, ...)`), which desktop skips.
 */

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const isCI = !!process.env.CI;

// Without the background-networking flags Chromium floods this closed network
// with connections that are refused.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const PHONE_FILE = /\.phone\.spec\.ts$/;
const PHONE_TAG = /@phone\b/;

/** A device descriptor without its browser `channel`: we always use our own executable. */
function withoutChannel<T extends object>(device: T): Omit<T, 'channel'> {
  const { channel: _channel, ...rest } = device as T & { channel?: string };
  return rest;
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1, // 2-core machine, one app server
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { ...withoutChannel(devices['Desktop Chrome']), browserName: 'chromium' },
      testIgnore: PHONE_FILE,
      grepInvert: PHONE_TAG,
    },
    {
      name: 'phone',
      use: { ...withoutChannel(devices['Pixel 7']), browserName: 'chromium' },
      // Matched against "<project> <file> <describe…> <title> <tags>".
      grep: [PHONE_TAG, /\.phone\.spec\.ts\b/],
    },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${BASE_URL}/api/health`,
    env: {
      E2E_PORT: String(PORT),
      NEXT_TELEMETRY_DISABLED: '1',
      // Playwright sets FORCE_COLOR=1 for the server; with NO_COLOR (plain CI
      // logs, see scripts/test.sh) drop it (an undefined value is not passed on).
      ...(process.env.NO_COLOR ? { FORCE_COLOR: undefined as unknown as string } : {}),
    },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM to the server's process group, so e2e-server.mjs can stop
    // `next start` and delete its temp data dir; SIGKILL after 15 s.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
