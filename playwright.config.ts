import { defineConfig, devices } from '@playwright/test';

// End-to-end tests against the production build (`next start`) with the Eko sandbox as its own
// process, in Debian's Chromium (never a Playwright browser download).

export const APP_PORT = 3199;
export const EKO_SANDBOX_PORT = 4199;
/** Debian's Chromium (no Playwright browser download), without its calls to Google's services. */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // This machine has no internet: keep Chromium from dialling out at start.
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  // The sandbox keeps state (onboarded senders, response shape); one worker keeps tests independent.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  // Its own folder: Playwright empties it at every start, and npm test keeps the server logs and
  // vitest reports beside it, in test-results/.
  outputDir: 'test-results/e2e',
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // The service worker would hide requests from page.route and response checks; e2e/pwa.spec.ts
    // allows it and tests it.
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'tablet', use: { ...devices['Galaxy Tab S9'], launchOptions: CHROMIUM_LAUNCH } },
    // What does not depend on the viewport project (install, offline, headers) and the viewport sweeps
    // run once, in the tablet project.
    {
      name: 'desktop',
      testIgnore: /(pwa|layout|security-headers)\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 900 }, launchOptions: CHROMIUM_LAUNCH },
    },
  ],
  webServer: [
    {
      name: 'eko-sandbox',
      command: 'node node_modules/tsx/dist/cli.mjs sandbox/eko/main.ts',
      url: `http://127.0.0.1:${EKO_SANDBOX_PORT}/health`,
      env: { EKO_SANDBOX_PORT: String(EKO_SANDBOX_PORT) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      name: 'rd-sandbox',
      command: 'node node_modules/tsx/dist/cli.mjs sandbox/rd/main.ts',
      url: 'http://127.0.0.1:11290/health',
      env: { RD_SANDBOX_TIMEOUT_DELAY_MS: '800' },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      name: 'app',
      // A fresh embedded database per run (or the PostgreSQL in E2E_DATABASE_URL, reset by scripts/test.ts).
      command: `rm -rf .data/e2e && node node_modules/tsx/dist/cli.mjs scripts/serve.ts -p ${APP_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${APP_PORT}/api/health`,
      env: {
        EKO_SANDBOX_URL: `http://127.0.0.1:${EKO_SANDBOX_PORT}/ekoapi/v3`,
        // Short, so the timeout fixture is quick to test; real deployments keep the default.
        EKO_TIMEOUT_MS: '3000',
        NEXT_TELEMETRY_DISABLED: '1',
        DATA_DIR: '.data/e2e',
        // The suite stands in for the proxy: each test says its own client address (e2e/fixtures.ts).
        TRUST_PROXY_HOPS: '1',
        // Sandbox mode on a PostgreSQL must be declared intended (lib/config/schema.ts).
        ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL, SANDBOX: '1' } : {}),
      },
      reuseExistingServer: false,
      timeout: 60_000,
      // The server's log goes into Playwright's output; npm test scans it for Aadhaar numbers and PID.
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
