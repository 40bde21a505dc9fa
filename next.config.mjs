/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The sandbox and scripts are separate processes; keep them out of the app's type-check surface.
  typescript: { tsconfigPath: 'tsconfig.json' },
};

export default nextConfig;
