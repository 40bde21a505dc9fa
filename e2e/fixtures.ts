import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { test as base } from '@playwright/test';
import { STORAGE_DUMP } from './storage-dump';

// Every spec imports `test` from here. After each test, whatever the browser kept for the app
// (cookies, localStorage, sessionStorage, IndexedDB, Cache Storage) is written beside the test's
// results; after the run, npm test scans those files for Aadhaar numbers, PID payloads and OTPs
// (scripts/scan-sensitive.ts). A test that left a page open on the app leaves a dump.

export * from '@playwright/test';

/** Runs in the page: everything the origin stored, as text. */
async function collectStorage() {
  const entries = (store: Storage) => Object.fromEntries(Array.from({ length: store.length }, (_, i) => store.key(i)!).map((k) => [k, store.getItem(k)]));
  const indexedDb: Record<string, unknown> = {};
  for (const info of (await indexedDB.databases?.()) ?? []) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(info.name!);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const name of Array.from(db.objectStoreNames)) {
      indexedDb[`${info.name}/${name}`] = await new Promise((resolve) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(`unreadable: ${req.error?.name}`);
      });
    }
    db.close();
  }
  const cacheStorage: Record<string, string> = {};
  if ('caches' in self) {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        const res = await cache.match(req);
        const type = res?.headers.get('content-type') ?? '';
        // Next's content-hashed build files are the same for everyone and hold no data (their
        // code does mention '<PidData', which is what the RD parser looks for). Every other text
        // body is dumped; images and fonts cannot hold a typed number.
        const buildFile = new URL(req.url).pathname.startsWith('/_next/static/');
        cacheStorage[`${name} ${req.url}`] = res && !buildFile && /text|json|javascript|xml/.test(type) ? await res.text() : `(${type})`;
      }
    }
  }
  return { origin: location.origin, localStorage: entries(localStorage), sessionStorage: entries(sessionStorage), indexedDb, cacheStorage };
}

/**
 * Each test reaches the app from an address of its own, as if through the one proxy the e2e
 * server trusts (TRUST_PROXY_HOPS=1 in playwright.config.ts): sign-in budgets per address
 * (lib/rate-limit/rules.ts) then count one test's wrong passwords, as they would one shop's,
 * instead of the whole suite's from 127.0.0.1.
 */
function addressOf(testId: string): string {
  const [a, b, c] = createHash('sha256').update(testId).digest();
  return `10.${a}.${b}.${c! || 1}`;
}

export const test = base.extend<{ browserStorageDump: void }>({
  // Only the app's own requests carry the address: a browser never adds X-Forwarded-For, and on a
  // request to the scanner (127.0.0.1:111xx) the extra header would force a CORS preflight that
  // real RD services refuse, so extraHTTPHeaders (which goes on every request) cannot be used.
  context: async ({ context, baseURL }, use, testInfo) => {
    const origin = new URL(baseURL!).origin;
    const address = addressOf(testInfo.testId);
    await context.route(
      (url) => url.origin === origin,
      (route) => route.fallback({ headers: { ...route.request().headers(), 'x-forwarded-for': address } }),
    );
    await use(context);
  },
  request: async ({ playwright, baseURL, extraHTTPHeaders }, use, testInfo) => {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { ...extraHTTPHeaders, 'x-forwarded-for': addressOf(testInfo.testId) } });
    await use(request);
    await request.dispose();
  },
  browserStorageDump: [
    async ({ context }, use, testInfo) => {
      await use();
      const pages = [];
      for (const page of context.pages()) {
        if (page.isClosed() || !page.url().startsWith('http')) continue;
        pages.push(await page.evaluate(collectStorage).catch((err: Error) => ({ url: page.url(), unreadable: err.message })));
      }
      const dump = { test: testInfo.titlePath.join(' › '), cookies: await context.cookies(), pages };
      await writeFile(testInfo.outputPath(STORAGE_DUMP), JSON.stringify(dump));
    },
    { auto: true },
  ],
});
