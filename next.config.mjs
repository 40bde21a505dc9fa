/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded by plain Node at run time: PGlite ships WASM beside its code, and rate-limiter-flexible
  // imports drizzle-orm by a computed name. pino is on Next's default list already; named here so
  // lib/log.ts does not depend on that default.
  serverExternalPackages: ['@electric-sql/pglite', 'rate-limiter-flexible', 'drizzle-orm', 'pino'],
};

export default nextConfig;
