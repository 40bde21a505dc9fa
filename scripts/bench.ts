// `npm run bench`: builds if needed, then measures, side by side in one run, and prints one table:
//   - the sender lookup against the app's trivial route handler (throughput ratio, latency);
//   - RD discovery in Chromium, the app's windowed scan against one port at a time (a device on
//     the first, 12th and last target, none; ports refusing at once and ports stalling);
//   - first-load JavaScript (gzip) per page;
//   - Lighthouse mobile performance and accessibility of /login and /senders.
// Targets are marked met or missed; a missed target never fails the run (report, don't assert).
// Writes bench-results/latest.{md,json}; `-- --readme` also rewrites the README's table.
// Options: --rounds 3 --duration 5 --connections 10 (route runs), --rd-runs 7, --lighthouse-runs 3.
// `--only rd` measures RD discovery alone (no build, no app): it prints its rows and writes
// test-results/bench-rd.json, never bench-results/ or the README (those hold full runs only).
// With BENCH_DATABASE_URL (a PostgreSQL it may write to), the lookup is measured a second time on it.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { LOAD_SENDER } from './load';
import { agentsForLookups, signedInAgents } from './lib/agents';
import { type AppStack, LOAD_STACK, startAppStack } from './lib/app-stack';
import { firstLoadJs, type PageBundle } from './lib/bench/bundle';
import { type LighthouseFigures, lighthousePages } from './lib/bench/lighthouse';
import { benchRdDiscovery, RD_SCENARIOS, type RdBenchResult } from './lib/bench/rd-discovery';
import { bundleRows, describeMachine, lighthouseRows, markdownReport, markdownTable, rdRows, routeRows, updateReadme, writeResults } from './lib/bench/report';
import { compareWithFloor, type RouteComparison } from './lib/bench/routes';
import { round } from './lib/bench/stats';
import { ensureBuild, ROOT } from './lib/build';

const ROUTE_PATH = `/api/senders/${LOAD_SENDER}`;
const FLOOR_PATH = '/api/health';
const LIGHTHOUSE_PAGES = ['/login', '/senders'];

function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a positive whole number`);
  return value;
}

const message = (err: unknown) => (err as Error).message.split('\n')[0]!;

/**
 * Agents for the lookup rounds, created through the admin API and signed in: the lookup is limited
 * per agent, and the rounds go round-robin over enough agents that none exceeds its budget.
 */
async function lookupAgents(stack: AppStack, options: { rounds: number; durationS: number }): Promise<string[]> {
  const count = agentsForLookups(options.rounds * options.durationS);
  const started = Date.now();
  const cookies = await signedInAgents(stack.origin, count);
  console.log(`[bench] ${count} agents created and signed in (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return cookies;
}

function onlyFlag(): 'rd' | null {
  const i = process.argv.indexOf('--only');
  if (i < 0) return null;
  if (process.argv[i + 1] !== 'rd') throw new Error('--only takes rd');
  return 'rd';
}

/** RD discovery in the browser, with its notes; never throws (a failure becomes a row). */
async function rdDiscovery(runs: number, chromiumPath: string, notes: string[]): Promise<{ rd: RdBenchResult | null; rdError: string | null }> {
  console.log(`[bench] RD discovery: ${RD_SCENARIOS.length} scenarios × ${runs} runs of each strategy (one run of the one-by-one scan where ports stall)`);
  try {
    const rd = await benchRdDiscovery({ runs, chromiumPath });
    for (const t of rd.timings) notes.push(...t.problems.map((p) => `RD discovery, ${t.scenario}: ${p}`));
    return { rd, rdError: null };
  } catch (err) {
    return { rd: null, rdError: message(err) };
  }
}

/** `--only rd`: the RD rows alone, printed; a partial run never replaces the full figures. */
async function rdOnly(runs: number, chromiumPath: string) {
  const machine = describeMachine();
  const notes: string[] = [];
  const { rd, rdError } = await rdDiscovery(runs, chromiumPath, notes);
  machine.loadAfter = round(loadavg()[0]!, 2);
  const rows = rdRows(rd, rdError);
  console.log(`\n${markdownReport(rows, machine, new Date(), notes)}\n`);
  writeResults(join(ROOT, 'test-results', 'bench-rd.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, rows, raw: rd }, null, 2)}\n`);
  console.log('[bench] wrote test-results/bench-rd.json (bench-results/ and the README keep the last full run)');
}

/** The sender lookup against the floor route on one running app. */
async function lookupAgainstFloor(
  stack: AppStack,
  cookies: readonly string[],
  options: { rounds: number; durationS: number; connections: number },
  notes: string[],
): Promise<{ routes: RouteComparison | null; routeError: string | null }> {
  try {
    console.log(`[bench] routes: ${options.rounds} rounds × ${options.durationS} s each, ${options.connections} connections, ${cookies.length} agents`);
    const routes = await compareWithFloor({
      routeUrl: `${stack.origin}${ROUTE_PATH}`,
      floorUrl: `${stack.origin}${FLOOR_PATH}`,
      rotate: cookies.map((cookie) => ({ cookie })),
      appCpuSeconds: stack.appCpuSeconds,
      checkRoute: (body) => (body as { sender?: { mobile?: string } } | null)?.sender?.mobile === LOAD_SENDER,
      ...options,
    });
    notes.push(...routes.problems.map((p) => `route run not all 2xx: ${p}`));
    return { routes, routeError: null };
  } catch (err) {
    return { routes: null, routeError: message(err) };
  }
}

async function main() {
  const options = {
    rounds: numberFlag('rounds', 3),
    durationS: numberFlag('duration', 5),
    connections: numberFlag('connections', 10),
    rdRuns: numberFlag('rd-runs', 7),
    lighthouseRuns: numberFlag('lighthouse-runs', 3),
  };
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (onlyFlag() === 'rd') return rdOnly(options.rdRuns, chromiumPath);
  const machine = describeMachine();
  const date = new Date();
  const notes: string[] = [];

  ensureBuild();

  let bundles: PageBundle[] | null = null;
  let bundleError: string | null = null;
  try {
    bundles = firstLoadJs();
  } catch (err) {
    bundleError = message(err);
  }

  let routes: RouteComparison | null = null;
  let routeError: string | null = null;
  let lighthouse: LighthouseFigures[] | null = null;
  let lighthouseError: string | null = existsSync(chromiumPath) ? null : `no Chromium at ${chromiumPath}`;
  console.log(`[bench] starting the built app on :${LOAD_STACK.appPort} (Eko sandbox on :${LOAD_STACK.ekoPort}, ${LOAD_STACK.dataDir})`);
  const stack = await startAppStack({ ...LOAD_STACK, logFile: join(ROOT, 'test-results', 'bench-server.log') });
  try {
    const cookies = await lookupAgents(stack, options);
    // Lighthouse opens /senders without a ?mobile=, so no lookup: any agent's session will do.
    const cookie = cookies[0]!;
    ({ routes, routeError } = await lookupAgainstFloor(stack, cookies, options, notes));
    if (!lighthouseError) {
      console.log(`[bench] Lighthouse: ${LIGHTHOUSE_PAGES.join(', ')} × ${options.lighthouseRuns}`);
      try {
        lighthouse = await lighthousePages({
          origin: stack.origin,
          pages: LIGHTHOUSE_PAGES.map((path) => ({ path, cookie: path === '/login' ? undefined : cookie })),
          runs: options.lighthouseRuns,
          chromePath: chromiumPath,
        });
        for (const f of lighthouse) notes.push(...f.problems.map((p) => `Lighthouse ${f.path}: a run failed (${p})`));
      } catch (err) {
        lighthouseError = message(err);
      }
    }
  } finally {
    await stack.stop();
  }

  // The same comparison with PostgreSQL behind the app (what production runs), when one is named.
  let pgRoutes: RouteComparison | null = null;
  let pgRouteError: string | null = null;
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (databaseUrl) {
    console.log('[bench] the lookup again, on PostgreSQL (BENCH_DATABASE_URL)');
    const pgStack = await startAppStack({ ...LOAD_STACK, databaseUrl, logFile: join(ROOT, 'test-results', 'bench-server-postgres.log') });
    try {
      ({ routes: pgRoutes, routeError: pgRouteError } = await lookupAgainstFloor(pgStack, await lookupAgents(pgStack, options), options, notes));
    } finally {
      await pgStack.stop();
    }
  }

  // After the app has stopped: discovery is timed in the browser alone, not against a busy server.
  const { rd, rdError } = await rdDiscovery(options.rdRuns, chromiumPath, notes);

  machine.loadAfter = round(loadavg()[0]!, 2);
  const rows = [
    ...routeRows(routes, routeError, ROUTE_PATH, FLOOR_PATH),
    ...(databaseUrl ? routeRows(pgRoutes, pgRouteError, ROUTE_PATH, FLOOR_PATH, 'PostgreSQL') : []),
    ...rdRows(rd, rdError),
    ...bundleRows(bundles, bundleError),
    ...lighthouseRows(lighthouse, lighthouseError, LIGHTHOUSE_PAGES),
  ];
  const report = markdownReport(rows, machine, date, notes);
  console.log(`\n${markdownTable(rows)}\n`);
  for (const note of notes) console.log(`note: ${note}`);
  console.log(`${machine.cores} cores, ${machine.memoryGiB} GiB, load ${machine.loadBefore} → ${machine.loadAfter}`);

  writeResults(join(ROOT, 'bench-results', 'latest.md'), `# Benchmark: latest run\n\n${report}\n`);
  writeResults(
    join(ROOT, 'bench-results', 'latest.json'),
    `${JSON.stringify({ date: date.toISOString(), machine, options, rows, raw: { routes, rd, bundles, lighthouse } }, null, 2)}\n`,
  );
  console.log('[bench] wrote bench-results/latest.md and latest.json');
  if (process.argv.includes('--readme')) {
    console.log(
      updateReadme(join(ROOT, 'README.md'), report)
        ? '[bench] updated the Benchmarks table in README.md'
        : '[bench] README.md has no bench markers; left alone',
    );
  }
}

main().catch((err: unknown) => {
  console.error(`[bench] ${(err as Error).stack ?? err}`);
  process.exit(1);
});
