import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../build';

// First-load JavaScript per page. Next 16 dropped the "First Load JS" column from `next build`;
// .next/diagnostics/route-bundle-stats.json lists each route's first-load chunks (uncompressed),
// so the gzip size is measured here, at zlib's default level (what `next start` compresses with).

interface RouteBundleStat {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
}

export interface PageBundle {
  route: string;
  chunks: number;
  rawBytes: number;
  gzipBytes: number;
}

export const BUNDLE_STATS = join(ROOT, '.next', 'diagnostics', 'route-bundle-stats.json');

export function firstLoadJs(statsFile = BUNDLE_STATS): PageBundle[] {
  if (!existsSync(statsFile)) throw new Error(`${statsFile} is missing: run next build first`);
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as RouteBundleStat[];
  const gzipped = new Map<string, number>(); // chunks are shared between routes: compress each once
  const gzipOf = (chunk: string) => {
    let size = gzipped.get(chunk);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(ROOT, chunk))).length;
      gzipped.set(chunk, size);
    }
    return size;
  };
  return stats
    .map((s) => ({
      route: s.route,
      chunks: s.firstLoadChunkPaths.length,
      rawBytes: s.firstLoadUncompressedJsBytes,
      gzipBytes: s.firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipOf(chunk), 0),
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}
