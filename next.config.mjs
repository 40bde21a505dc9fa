/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded by plain Node at run time: PGlite ships WASM beside its code, and rate-limiter-flexible
  // imports drizzle-orm by a computed name.
  serverExternalPackages: ['@electric-sql/pglite', 'rate-limiter-flexible', 'drizzle-orm'],
};

export default nextConfig;
