// `npm test`: lint, unit + integration (vitest: route handlers against the Eko sandbox over HTTP, the
// database on in-memory PGlite), a production build if the sources changed, the client-bundle
// secret scan, a 10 s load test of the built app, then Playwright end to end in Debian's
// Chromium. With TEST_DATABASE_URL (CI sets it), the database-facing suites run a second time
// against that PostgreSQL, and two instances of the build are started on it (with TEST_REDIS_URL,
// sharing that Redis for their counters). With TEST_REDIS_URL (CI sets it), the Redis rate-limit
// store test runs in both passes; without it, it is skipped. After the build, the database-fault
// test stops and restarts a PostgreSQL and a Redis of its own under the built app.
// Ends with one "N passed, N failed" line.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { STORAGE_DUMP } from '../e2e/storage-dump';
import { scanStaticBundle } from './check-bundle-secrets';
import { ensureBuild, ROOT } from './lib/build';
import { describeRun } from './lib/http-load';
import { bareNextStartProblems, startRefusalProblems } from './lib/start-refusal';
import { LOAD_SENDER, runLoadTest } from './load';
import { findSensitive, scanDirectory, scanPostgres } from './scan-sensitive';

const results = join(ROOT, 'test-results');
const tally = { passed: 0, failed: 0, skipped: 0 };
const postgres = process.env.TEST_DATABASE_URL;

function run(title: string, script: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n=== ${title} ===`);
  return spawnSync(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
}

const readJson = (file: string) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

function vitest(title: string, env: Record<string, string>, extra: string[] = []) {
  const out = join(results, `vitest-${title.replace(/\W+/g, '-')}.json`);
  rmSync(out, { force: true });
  const res = run(
    `vitest: ${title}`,
    'node_modules/vitest/vitest.mjs',
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra],
    env,
  );
  const v = readJson(out);
  if (v) {
    tally.passed += v.numPassedTests;
    tally.failed += v.numFailedTests;
    tally.skipped += v.numPendingTests + v.numTodoTests;
  }
  if (!v || (res.status !== 0 && v.numFailedTests === 0)) tally.failed += 1; // crashed without a report
}

const DATABASE_SPECS = [
  'e2e/senders.spec.ts',
  'e2e/sender-ekyc.spec.ts',
  'e2e/aeps.spec.ts',
  'e2e/admin.spec.ts',
  'e2e/authz.spec.ts',
  'e2e/money.spec.ts',
  'e2e/aeps-transactions.spec.ts',
];

/** Runs Playwright with its output (the app server's log included) teed into a file. */
function playwright(title: string, env: Record<string, string>, logFile: string, args: string[] = []): Promise<void> {
  const out = join(results, 'playwright.json');
  rmSync(out, { force: true });
  console.log(`\n=== end to end (${title}) ===`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', ...args], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      log.write(chunk);
      // The console gets Playwright's progress; the app's per-request JSON lines go to the log only.
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (!line.startsWith('[app] {')) process.stdout.write(`${line}\n`);
    });
    stream.on('end', () => {
      if (partial && !partial.startsWith('[app] {')) process.stdout.write(`${partial}\n`);
    });
  }
  return new Promise((resolve) => {
    child.on('close', (code) => {
      log.end();
      const p = readJson(out);
      if (p?.stats) {
        tally.passed += p.stats.expected + p.stats.flaky;
        tally.failed += p.stats.unexpected;
        tally.skipped += p.stats.skipped;
      }
      if (!p?.stats || (code !== 0 && !p.stats.unexpected)) tally.failed += 1;
      resolve();
    });
  });
}

/** A check that counts as one test in the summary line. */
function check(name: string, problems: string[]) {
  if (problems.length > 0) {
    console.error(`FAIL ${name}:\n  ${problems.join('\n  ')}`);
    tally.failed += 1;
  } else {
    console.log(`ok: ${name}`);
    tally.passed += 1;
  }
}

function storageDumps(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) storageDumps(join(dir, entry.name), out);
    else if (entry.name === STORAGE_DUMP) out.push(join(dir, entry.name));
  }
  return out;
}

async function scanAfterE2e(logFile: string, databaseUrl: string | null) {
  // A scan of nothing would pass: a missing or empty log is a failure in itself.
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  check(
    'no Aadhaar number, OTP or PID payload in the server log',
    log.includes('"msg":"request"') ? findSensitive(log).map((f) => `${f} in ${logFile}`) : [`no request lines in ${logFile}`],
  );
  const db = databaseUrl
    ? (await scanPostgres(databaseUrl)).map((h) => `${h.found.join(', ')} in table ${h.table}`)
    : scanDirectory(join(ROOT, '.data/e2e/pglite')).map((h) => `${h.found.join(', ')} in ${h.file}`);
  check(`no Aadhaar number, OTP or PID payload in the database (${databaseUrl ? 'PostgreSQL' : 'PGlite'})`, db);
  // What each test's browser kept (e2e/fixtures.ts): cookies, Web Storage, IndexedDB, Cache Storage.
  const dumps = storageDumps(join(results, 'e2e'));
  const leaks = dumps.flatMap((file) => findSensitive(readFileSync(file, 'utf8')).map((f) => `${f} in ${file}`));
  check(`no Aadhaar number, OTP or PID payload in browser storage (${dumps.length} tests)`, dumps.length > 0 ? leaks : ['no browser storage dumps written']);
}

/** An empty PostgreSQL database for the end-to-end run (migrations recreate everything). */
async function resetPostgres(url: string) {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('drop schema if exists drizzle cascade; drop schema public cascade; create schema public;');
  await client.end();
}

async function main() {
  mkdirSync(results, { recursive: true });

  // The boundaries and code rules (eslint.config.mjs), zero warnings allowed, and one format.
  console.log('\n=== lint ===');
  const lint = spawnSync(process.execPath, [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '.', '--max-warnings', '0'], { cwd: ROOT, stdio: 'inherit' });
  check('lint (eslint . --max-warnings 0)', lint.status === 0 ? [] : [`eslint exited with ${lint.status}`]);
  const format = spawnSync(process.execPath, [join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--check', '.'], { cwd: ROOT, stdio: 'inherit' });
  check('format (prettier --check .)', format.status === 0 ? [] : ['files not in the one format: npm run format']);

  vitest('in-memory PGlite', { TEST_DATABASE_URL: '' });
  // One shared database: test files take turns.
  // The fuzzer's 1,000 cases per route ran above; here a quarter of them look for what only
  // PostgreSQL refuses (a NUL in text, a year 0 date), keeping CI well under 30 minutes.
  // SANDBOX=1: sandbox mode on a PostgreSQL is refused unless said to be intended (lib/config/schema.ts).
  if (postgres) vitest('PostgreSQL', { TEST_DATABASE_URL: postgres, SANDBOX: '1', FUZZ_CASES: '250' }, ['--no-file-parallelism']);

  console.log('\n=== build ===');
  ensureBuild();
  const scan = scanStaticBundle();
  check(`no credential in the ${scan.scanned} client bundle files`, scan.leaks);
  check('the built app refuses sandbox mode on an undeclared PostgreSQL (DATABASE_URL without EKO_BASE_URL or SANDBOX=1)', await startRefusalProblems());
  check('the built app refuses to run under a bare next start (no client addresses without scripts/serve.ts)', await bareNextStartProblems());

  // Two instances of this build on the PostgreSQL (and the Redis, when named), on ports the kernel
  // picks: what each instance must share, over HTTP (test/two-instances.test.ts). It empties the
  // database; the end-to-end PostgreSQL pass below starts from an empty one anyway.
  if (postgres) vitest('two instances on PostgreSQL', { TEST_DATABASE_URL: postgres }, ['--config', 'vitest.instances.config.mts']);

  // The built app on a PostgreSQL and a Redis of the test's own, each stopped and started again
  // under it (test/database-faults.test.ts). Needs Debian's postgresql and redis-server, and fails
  // saying so without them: it never touches TEST_DATABASE_URL or TEST_REDIS_URL.
  vitest('database and Redis faults', {}, ['--config', 'vitest.database-faults.config.mts']);

  // On its own ports (3299, 4299, .data/load), so it never meets the e2e servers. Asserts that
  // every request was answered, never how fast: the machine may be small and shared.
  console.log('\n=== load test ===');
  const load = await runLoadTest({ durationS: 10, connections: 200 });
  if (load.run) console.log(describeRun(load.run));
  check(`load: 200 connections for 10 s on GET /api/senders/${LOAD_SENDER}, every answer 2xx in time (${load.elapsedS.toFixed(0)} s)`, load.problems);

  // End to end, in Debian's Chromium; a fresh Debian machine (as root) gets it from apt.
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium) && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('\n=== installing Debian chromium (apt-get) ===');
    spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' });
  }
  if (!existsSync(chromium)) {
    console.error(`Chromium not found at ${chromium}: apt-get install -y chromium, or set CHROMIUM_PATH`);
    tally.failed += 1;
  } else {
    const pgliteLog = join(results, 'e2e-pglite.log');
    await playwright('embedded PGlite', { E2E_DATABASE_URL: '' }, pgliteLog);
    await scanAfterE2e(pgliteLog, null);
    if (postgres) {
      await resetPostgres(postgres);
      const pgLog = join(results, 'e2e-postgres.log');
      // The specs whose outcome rests on the database (accounts, audit rows, activity, metrics,
      // AePS dates, the authorisation matrix), in one project: neither the viewport nor the
      // language depends on it, and this keeps CI well under 30 minutes.
      await playwright('PostgreSQL, desktop', { E2E_DATABASE_URL: postgres, SANDBOX: '1' }, pgLog, ['--project=desktop', ...DATABASE_SPECS]);
      await scanAfterE2e(pgLog, postgres);
    }
  }

  console.log(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  process.exit(tally.failed > 0 ? 1 : 0);
}

main().catch((err: Error) => {
  console.error(err);
  console.log(`\n${tally.passed} passed, ${tally.failed + 1} failed, ${tally.skipped} skipped`);
  process.exit(1);
});
