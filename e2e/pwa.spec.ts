import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, chromium, expect, type Page, test } from './fixtures';
import { CHROMIUM_LAUNCH } from '../playwright.config';
import { DEMO, signIn } from './auth';
import { capture, enterAadhaar, openEkyc } from './ekyc-steps';
import { ekoSandbox, rdSandbox } from './sandbox';

// The installed-app behaviour (stack.md §3–4), with the service worker allowed (the other specs
// block it so that routing and mocks see every request).

test.use({ serviceWorkers: 'allow', permissions: ['local-network-access'] });

const SW_PATH = '/serwist/sw.js';

/** Waits for the worker to be active, then reloads so that it controls the page. */
async function underServiceWorker(page: Page, path = '/login') {
  await page.goto(path);
  const scriptURL = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
  expect(scriptURL).toMatch(/\/serwist\/sw\.js$/);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
}

/** Every URL in every Cache Storage cache of the page's origin. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    }
    return urls;
  });

test('Chromium finds the app installable: manifest, icons and worker, no errors', async ({ baseURL }, testInfo) => {
  // A normal (incognito-like) context always reports "in-incognito"; a profile on disk does not.
  const context: BrowserContext = await chromium.launchPersistentContext(testInfo.outputPath('profile'), { ...CHROMIUM_LAUNCH, baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await underServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const { url, errors } = await cdp.send('Page.getAppManifest');
    expect(url).toMatch(/\/manifest\.webmanifest$/);
    expect(errors).toEqual([]);
    const manifest = await (await page.request.get('/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/', scope: '/', id: '/' });
    expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    expect(manifest.shortcuts.map((s: { url: string }) => s.url)).toEqual(['/senders', '/aeps']);
    for (const icon of manifest.icons) expect((await page.request.get(icon.src)).headers()['content-type']).toBe('image/png');
  } finally {
    await context.close();
  }
});

test('the worker controls the page and precaches the shell, never a page or an API answer', async ({ page }) => {
  await underServiceWorker(page);
  await signIn(page, DEMO.agent);
  await page.goto('/senders?mobile=9000000001');
  await expect(page.getByTestId('sender-card')).toBeVisible();

  const urls = await cachedUrls(page);
  expect(urls).toContain('/~offline');
  expect(urls.some((u) => u.startsWith('/_next/static/'))).toBe(true);
  expect(urls.filter((u) => !/^\/(_next\/static\/|icons\/|~offline$|favicon\.ico$)/.test(u))).toEqual([]);
});

test('/api/* always goes to the network, even when the same call repeats', async ({ page, request }) => {
  await ekoSandbox.reset(request);
  await underServiceWorker(page);
  await signIn(page, DEMO.agent);
  const api: { url: string; fromServiceWorker: boolean }[] = [];
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/api/')) api.push({ url: res.url(), fromServiceWorker: res.fromServiceWorker() });
  });
  for (let i = 0; i < 2; i += 1) {
    await page.goto('/senders?mobile=9000000001');
    await expect(page.getByTestId('sender-card')).toBeVisible();
    // The recipients' call may still be on its way: leaving now would cancel it in the browser
    // after Eko was asked, and the two counts below would differ for that reason alone.
    await page.waitForLoadState('networkidle');
  }
  const lookups = api.filter((r) => r.url.includes('/api/senders/9000000001'));
  expect(lookups.length).toBeGreaterThanOrEqual(2);
  expect(api.filter((r) => r.fromServiceWorker)).toEqual([]);
  // Each lookup reached Eko: nothing answered from a cache.
  const calls = await ekoSandbox.calls(request, '9000000001');
  expect(calls.filter((c) => c.method === 'GET').length).toBe(lookups.length);
});

test('with the network cut, a page shows the offline page in both languages', async ({ page, context }) => {
  await underServiceWorker(page);
  await signIn(page, DEMO.agent);
  await page.goto('/senders');
  await context.setOffline(true);
  try {
    await page.goto('/aeps').catch(() => undefined);
    await expect(page.getByTestId('offline-page')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('आप ऑफ़लाइन हैं');
    // The fallback carries nothing of the agent.
    await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  } finally {
    await context.setOffline(false);
  }
  await page.getByRole('button', { name: /Try again/ }).click();
  await expect(page.getByTestId('aeps-ekyc-status')).toBeVisible();
});

test('the RD service on 127.0.0.1 is reached directly with the worker in control', async ({ page, request }) => {
  await ekoSandbox.reset(request);
  await rdSandbox.reset(request);
  await underServiceWorker(page);
  await signIn(page, DEMO.agent);
  const loopback: boolean[] = [];
  page.on('response', (res) => {
    if (new URL(res.url()).port.startsWith('111')) loopback.push(res.fromServiceWorker());
  });
  await openEkyc(page);
  await enterAadhaar(page);
  await capture(page);
  await expect(page.getByText('UIDAI sent an OTP')).toBeVisible();
  expect(await rdSandbox.captures(request)).toHaveLength(1);
  expect(loopback.length).toBeGreaterThan(0);
  expect(loopback.every((fromSw) => !fromSw)).toBe(true);
});

test('a new version is offered, but not in the middle of an eKYC, and reloading switches to it', async ({ page, request }) => {
  await ekoSandbox.reset(request);
  await underServiceWorker(page);
  await signIn(page, DEMO.agent);
  await openEkyc(page);

  // A new deployment: a different worker script for the same scope installs and waits. (Playwright
  // cannot route the browser's own update check, so the new script is a new URL.)
  await page.evaluate((url) => navigator.serviceWorker.register(url, { scope: '/', type: 'module' }), `${SW_PATH}?deployment=2`);
  await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);
  await expect(page.getByTestId('update-prompt')).toHaveCount(0);

  // Closing the flow ends it: now the prompt may show.
  await page.getByRole('button', { name: 'Cancel eKYC' }).click();
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('status')).toHaveText('A new version of Agent Desk is ready.');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload now' }).click()]);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\?deployment=2$/);
});
