import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

// "Build if needed": the build is tagged with a hash of everything that goes into it, so
// `npm start` and `npm test` rebuild after a change and skip the 20-60 s otherwise.

export const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
export const NEXT_BIN = require.resolve('next/dist/bin/next', { paths: [ROOT] });
export const TSX_CLI = require.resolve('tsx/cli', { paths: [ROOT] });

const INPUT_DIRS = ['app', 'components', 'lib', 'public'];
const INPUT_FILES = ['next.config.mjs', 'tailwind.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json', 'proxy.ts', 'instrumentation.ts'];
const STAMP = join(ROOT, '.next', 'agent-desk-build-hash');

function walk(dir: string, out: string[]) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (!/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const dir of INPUT_DIRS) walk(join(ROOT, dir), files);
  for (const file of INPUT_FILES) if (existsSync(join(ROOT, file))) files.push(join(ROOT, file));
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function buildIsCurrent(): boolean {
  return existsSync(STAMP) && existsSync(join(ROOT, '.next', 'BUILD_ID')) && readFileSync(STAMP, 'utf8') === sourceHash();
}

/** Runs `next build` unless the last build was made from these exact sources. */
export function ensureBuild(): void {
  if (buildIsCurrent()) {
    console.log('[build] sources unchanged since the last build; skipping next build');
    return;
  }
  const hash = sourceHash();
  console.log('[build] next build …');
  const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    console.error('[build] next build failed');
    process.exit(result.status ?? 1);
  }
  writeFileSync(STAMP, hash);
}
