/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded by plain Node at run time: PGlite ships WASM beside its code, rate-limiter-flexible
  // imports drizzle-orm by a computed name, and ioredis (loaded only with RATE_LIMIT_STORE=redis)
  // is handed to rate-limiter-flexible, which is external too.
  serverExternalPackages: ['@electric-sql/pglite', 'rate-limiter-flexible', 'drizzle-orm', 'ioredis'],
};

export default nextConfig;
