/// <reference lib="webworker" />
import { CacheFirst, ExpirationPlugin, NetworkOnly, type PrecacheEntry, Serwist, type SerwistGlobalConfig, StaleWhileRevalidate } from 'serwist';

// The service worker (stack.md §3). It precaches the app shell (Next's hashed static files, the
// icons and the offline page) so the app opens at once on a weak signal. Pages, /api/* and RSC
// fetches always go to the network: money data is never served stale, and nothing that carries an
// agent, a sender, an Aadhaar number or PID data is ever stored. There is no catch-all route, so
// whatever no route matches (the API, the RD service on 127.0.0.1, anything cross-origin) is not
// touched by the worker at all.

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const sameOrigin = (url: URL) => url.origin === self.location.origin;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // A new version waits until the agent accepts the reload prompt (never mid-eKYC).
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: true,
  runtimeCaching: [
    {
      // Content-hashed build output: a URL never changes meaning.
      matcher: ({ url, request }) => sameOrigin(url) && request.method === 'GET' && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({
        cacheName: 'static-assets',
        plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 60 * 60 })],
      }),
    },
    {
      matcher: ({ url, request }) => sameOrigin(url) && request.method === 'GET' && (url.pathname.startsWith('/icons/') || url.pathname === '/favicon.ico'),
      handler: new StaleWhileRevalidate({ cacheName: 'icons', plugins: [new ExpirationPlugin({ maxEntries: 20 })] }),
    },
    {
      // Pages: network only, so the offline fallback below can answer when the network is gone.
      matcher: ({ url, request }) => sameOrigin(url) && request.mode === 'navigate',
      handler: new NetworkOnly(),
    },
  ],
  fallbacks: {
    entries: [{ url: '/~offline', matcher: ({ request }) => request.destination === 'document' }],
  },
});

serwist.addEventListeners();
