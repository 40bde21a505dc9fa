import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createSerwistRoute } from '@serwist/turbopack';

// Builds and serves /serwist/sw.js (prerendered at build time). The offline page's revision is the
// commit, so an unchanged build does not announce a new version; `||`, not `??`: git prints ""
// outside a repository.
const revision = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout?.trim() || randomUUID();

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/sw.ts',
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: '/~offline', revision }],
  // The icons are precached; the SVG sources and the source-map files are not needed offline.
  globIgnores: ['public/icons/*.svg', '**/*.map'],
  // No source map beside the worker: nothing to debug in production that the source does not show.
  esbuildOptions: { sourcemap: false },
});
