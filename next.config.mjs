import { withSerwist } from '@serwist/turbopack';

// Headers that are the same on every response. The pages' Content-Security-Policy carries a
// per-response nonce and is set in proxy.ts.
const everywhere = [
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Location for AePS (same origin only); nothing else the app does needs a powerful feature.
  { key: 'Permissions-Policy', value: 'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

// Responses that are never documents that run scripts (JSON, the worker script): nothing may load
// from them and nobody may frame them.
const notAPage = [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Two root layouts (app/(app) and the bench's app/(control)): an address no route matches gets
  // app/global-not-found.tsx, as no single layout can wrap it.
  experimental: {
    globalNotFound: true,
    // Fewer, larger client chunks: by default Turbopack keeps the framework's chunks apart and
    // splits each page into many small ones, and every chunk is a request (a round trip on a
    // weak signal) and a gzip stream that compresses alone. Merged, each agent page's first load
    // is ~4.6 KiB smaller and 2–5 requests fewer, for 2 KiB more over all agent pages together
    // (code shared by several pages now sits in more than one chunk). Measured in issue 16.
    turbopackChunking: { minChunkSize: 1_000_000, maxMergeChunkSize: 1_000_000 },
  },
  // Loaded by plain Node at run time: PGlite ships WASM beside its code, rate-limiter-flexible
  // imports drizzle-orm by a computed name, and ioredis (loaded only with RATE_LIMIT_STORE=redis)
  // is handed to rate-limiter-flexible, which is external too. pino is on Next's default list
  // already; named here so lib/log.ts does not depend on that default.
  serverExternalPackages: ['@electric-sql/pglite', 'rate-limiter-flexible', 'drizzle-orm', 'ioredis', 'pino'],
  async headers() {
    return [
      { source: '/:path*', headers: everywhere },
      {
        // HSTS only where the app is served over TLS by name: browsers ignore it over http, and on
        // localhost it would pin every other local app to https.
        source: '/:path*',
        missing: [{ type: 'host', value: '(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d+)?' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }],
      },
      { source: '/api/:path*', headers: notAPage },
      {
        // The worker script must be re-checked on every load (a CDN would otherwise keep it a year);
        // its CSP governs the worker's own fetches, which stay on this origin.
        source: '/serwist/:path*',
        headers: [
          { key: 'Cache-Control', value: 'no-cache, no-store, must-revalidate' },
          { key: 'Content-Security-Policy', value: "default-src 'self'; frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

export default withSerwist(nextConfig);
