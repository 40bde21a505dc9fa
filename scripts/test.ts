// `npm test`: unit + integration (vitest, route handlers against the Eko sandbox over HTTP),
// a production build (if the sources changed), the client-bundle secret scan, then Playwright
// end to end in Debian's Chromium. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, ROOT } from './lib/build';
import { scanStaticBundle } from './check-bundle-secrets';

const results = join(ROOT, 'test-results');
mkdirSync(results, { recursive: true });

const tally = { passed: 0, failed: 0, skipped: 0 };
const step = (name: string, cmd: string, args: string[]) => {
  console.log(`\n=== ${name} ===`);
  return spawnSync(process.execPath, [cmd, ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
};
const readJson = (file: string) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

// 1. unit + integration
const vitestJson = join(results, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitest = step('unit and integration (vitest)', join(ROOT, 'node_modules/vitest/vitest.mjs'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const v = readJson(vitestJson);
if (v) {
  tally.passed += v.numPassedTests;
  tally.failed += v.numFailedTests;
  tally.skipped += v.numPendingTests + v.numTodoTests;
} else if (vitest.status !== 0) tally.failed += 1;

// 2. build, then the secret scan of the client bundle
console.log('\n=== build ===');
ensureBuild();
const scan = scanStaticBundle();
if (scan.leaks.length > 0) {
  console.error(`FAIL credential values in the client bundle:\n${scan.leaks.join('\n')}`);
  tally.failed += 1;
} else {
  console.log(`ok: no credential in ${scan.scanned} client bundle files`);
  tally.passed += 1;
}

// 3. end to end, in Debian's Chromium; a fresh Debian machine (as root) gets it from apt.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath) && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('\n=== installing Debian chromium (apt-get) ===');
  spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' });
}
if (!existsSync(chromiumPath)) {
  console.error('Chromium not found at /usr/bin/chromium (apt-get install -y chromium) or $CHROMIUM_PATH');
  tally.failed += 1;
} else {
  const pwJson = join(results, 'playwright.json');
  rmSync(pwJson, { force: true });
  const pw = step('end to end (Playwright, Debian Chromium)', join(ROOT, 'node_modules/@playwright/test/cli.js'), ['test']);
  const p = readJson(pwJson);
  if (p?.stats) {
    tally.passed += p.stats.expected + p.stats.flaky;
    tally.failed += p.stats.unexpected;
    tally.skipped += p.stats.skipped;
  } else if (pw.status !== 0) tally.failed += 1;
}

console.log(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(tally.failed > 0 ? 1 : 0);
