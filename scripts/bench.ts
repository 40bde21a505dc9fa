// `npm run bench`: builds if needed, then measures, side by side in one run, and prints one table:
//   - the sender lookup against the app's trivial route handler (throughput ratio, latency);
//   - RD discovery in Chromium, the app's windowed scan against one port at a time (a device on
//     the first, 12th and last target, none; ports refusing at once and ports stalling);
//   - first-load JavaScript (gzip) per page, the agent pages against a budget;
//   - Lighthouse mobile performance and accessibility of every agent page, interleaved with a
//     control (a bare page under its own root layout, app/(control)) on the same `next start`;
//   - what an agent feels on slow 4G with a 4× slower CPU: Search → limits, Transfer → receipt,
//     beside the control page's load under the same throttle.
// Targets are marked met or missed; a missed target never fails the run (report, don't assert).
// Writes bench-results/latest.{md,json}; `-- --readme` also rewrites the README's table.
// Options: --rounds 3 --duration 5 --connections 10 (route runs), --rd-runs 7, --lighthouse-runs 3,
// --feel-runs 7.
// `--only rd|lookup|lighthouse|feel|bundle` measures one part alone (rd needs no build and no app):
// it prints its rows and writes test-results/bench-<part>.json, never bench-results/ or the README
// (those hold full runs only). Lighthouse reports of every run go to test-results/lighthouse/.
// With BENCH_DATABASE_URL (a PostgreSQL it may write to), the lookup is measured a second time on it.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { LOAD_SENDER } from './load';
import { agentsForLookups, signedInAgents } from './lib/agents';
import { type AppStack, LOAD_STACK, startAppStack } from './lib/app-stack';
import { firstLoadJs, type PageBundle } from './lib/bench/bundle';
import { benchFeel, type FeelFigures } from './lib/bench/feel';
import { type LighthouseFigures, lighthousePages } from './lib/bench/lighthouse';
import { benchRdDiscovery, RD_SCENARIOS, type RdBenchResult } from './lib/bench/rd-discovery';
import {
  bundleRows,
  describeMachine,
  feelRows,
  lighthouseRows,
  markdownReport,
  markdownTable,
  rdRows,
  routeRows,
  type Row,
  updateReadme,
  writeResults,
} from './lib/bench/report';
import { compareWithFloor, type RouteComparison } from './lib/bench/routes';
import { aepsReady, CARD_SENDER, pageScene, SANDBOX_OTP, TRANSFER_FIXTURE } from './lib/bench/scene';
import { round } from './lib/bench/stats';
import { ensureBuild, ROOT } from './lib/build';

const ROUTE_PATH = `/api/senders/${LOAD_SENDER}`;
const FLOOR_PATH = '/api/health';
const CONTROL = '/control';

/** The pages Lighthouse measures, the control first in every round; `path` is what is opened. */
function lighthousePageList(receiptId: string | null, aeps: boolean): { name: string; path: string; signedIn: boolean }[] {
  const { senderMobile, recipientId } = TRANSFER_FIXTURE;
  return [
    { name: CONTROL, path: CONTROL, signedIn: true },
    { name: '/login', path: '/login', signedIn: false },
    { name: '/senders?mobile=', path: `/senders?mobile=${CARD_SENDER}`, signedIn: true },
    { name: '/aeps', path: '/aeps', signedIn: true },
    { name: '/senders/[mobile]/send/[recipientId]', path: `/senders/${senderMobile}/send/${recipientId}`, signedIn: true },
    // The AePS transaction page on its first view, the customer's details (the agent's day is set up).
    ...(aeps ? [{ name: '/aeps/[flow]', path: '/aeps/withdrawal', signedIn: true }] : []),
    ...(receiptId ? [{ name: '/receipts/[id]', path: `/receipts/${receiptId}`, signedIn: true }] : []),
  ];
}

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

const PARTS = ['rd', 'lookup', 'lighthouse', 'feel', 'bundle'] as const;
type Part = (typeof PARTS)[number];

function onlyFlag(): Part | null {
  const i = process.argv.indexOf('--only');
  if (i < 0) return null;
  const part = process.argv[i + 1] as Part;
  if (!PARTS.includes(part)) throw new Error(`--only takes one of ${PARTS.join(', ')}`);
  return part;
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

/** `--only <part>`: that part's rows alone, printed; a partial run never replaces the full figures. */
function writePartial(part: Part, machine: ReturnType<typeof describeMachine>, rows: Row[], notes: string[], raw: unknown) {
  machine.loadAfter = round(loadavg()[0]!, 2);
  console.log(`\n${markdownReport(rows, machine, new Date(), notes)}\n`);
  writeResults(join(ROOT, 'test-results', `bench-${part}.json`), `${JSON.stringify({ date: new Date().toISOString(), machine, rows, raw }, null, 2)}\n`);
  console.log(`[bench] wrote test-results/bench-${part}.json (bench-results/ and the README keep the last full run)`);
}

async function rdOnly(runs: number, chromiumPath: string) {
  const machine = describeMachine();
  const notes: string[] = [];
  const { rd, rdError } = await rdDiscovery(runs, chromiumPath, notes);
  writePartial('rd', machine, rdRows(rd, rdError), notes, rd);
}

/** Lighthouse over every agent page and the control, interleaved; never throws. */
async function lighthouseAll(
  stack: AppStack,
  cookie: string,
  pages: ReturnType<typeof lighthousePageList>,
  runs: number,
  chromiumPath: string,
  notes: string[],
) {
  console.log(`[bench] Lighthouse: ${pages.map((p) => p.name).join(', ')} × ${runs}`);
  try {
    const lighthouse = await lighthousePages({
      origin: stack.origin,
      pages: pages.map((p) => ({ name: p.name, path: p.path, cookie: p.signedIn ? cookie : undefined })),
      runs,
      chromePath: chromiumPath,
      reportsDir: join(ROOT, 'test-results', 'lighthouse'),
    });
    for (const f of lighthouse) notes.push(...f.problems.map((p) => `Lighthouse ${f.name}: a run failed (${p})`));
    return { lighthouse, lighthouseError: null };
  } catch (err) {
    return { lighthouse: null, lighthouseError: message(err) };
  }
}

/** Search → limits and Transfer → receipt on slow 4G; never throws. */
async function feelAll(stack: AppStack, cookie: string, runs: number, chromiumPath: string, notes: string[]) {
  console.log(`[bench] slow 4G: control load, Search → limits, Transfer → receipt × ${runs}`);
  try {
    const feel = await benchFeel({
      scene: { origin: stack.origin, cookie, searchMobile: CARD_SENDER, transfer: { ...TRANSFER_FIXTURE, otp: SANDBOX_OTP } },
      runs,
      chromiumPath,
    });
    notes.push(...feel.problems.map((p) => `slow 4G, a run failed: ${p}`));
    return { feel, feelError: null };
  } catch (err) {
    return { feel: null, feelError: message(err) };
  }
}

/** An agent of its own for the pages (its lookup budget untouched by the route runs), and the receipt to open. */
/** `withAeps`: also set the agent's AePS up for the day (needs the stack's RD sandbox). */
async function pageAgent(
  stack: AppStack,
  chromiumPath: string,
  withAeps: boolean,
  notes: string[],
): Promise<{ cookie: string; receiptId: string | null; aeps: boolean }> {
  const [cookie] = await signedInAgents(stack.origin, 1);
  let receiptId: string | null = null;
  let aeps = false;
  try {
    receiptId = (await pageScene(stack.origin, cookie!)).receiptId;
  } catch (err) {
    notes.push(`no receipt to measure: ${message(err)}`);
  }
  try {
    if (withAeps) {
      await aepsReady(stack.origin, cookie!, chromiumPath);
      aeps = true;
    }
  } catch (err) {
    notes.push(`no AePS transaction page to measure (the agent's eKYC and daily authentication): ${message(err)}`);
  }
  return { cookie: cookie!, receiptId, aeps };
}

/** `--only lookup|lighthouse|feel|bundle`: one part on a fresh app (bundle needs none). */
async function partOnly(
  part: Exclude<Part, 'rd'>,
  options: { rounds: number; durationS: number; connections: number; lighthouseRuns: number; feelRuns: number },
  chromiumPath: string,
) {
  const machine = describeMachine();
  const notes: string[] = [];
  ensureBuild();
  if (part === 'bundle') {
    let bundles: PageBundle[] | null = null;
    let bundleError: string | null = null;
    try {
      bundles = firstLoadJs();
    } catch (err) {
      bundleError = message(err);
    }
    return writePartial(part, machine, bundleRows(bundles, bundleError), notes, bundles);
  }
  const databaseUrl = part === 'lookup' ? process.env.BENCH_DATABASE_URL : undefined;
  const stack = await startAppStack({
    ...LOAD_STACK,
    databaseUrl,
    rdSandbox: part === 'lighthouse',
    logFile: join(ROOT, 'test-results', `bench-server-${part}.log`),
  });
  try {
    if (part === 'lookup') {
      const { routes, routeError } = await lookupAgainstFloor(stack, await lookupAgents(stack, options), options, notes);
      return writePartial(part, machine, routeRows(routes, routeError, ROUTE_PATH, FLOOR_PATH, databaseUrl ? 'PostgreSQL' : undefined), notes, routes);
    }
    const { cookie, receiptId, aeps } = await pageAgent(stack, chromiumPath, part === 'lighthouse', notes);
    if (part === 'lighthouse') {
      const { lighthouse, lighthouseError } = await lighthouseAll(
        stack,
        cookie,
        lighthousePageList(receiptId, aeps),
        options.lighthouseRuns,
        chromiumPath,
        notes,
      );
      const names = lighthousePageList(receiptId, aeps).map((p) => p.name);
      return writePartial(part, machine, lighthouseRows(lighthouse, lighthouseError, names, CONTROL), notes, lighthouse);
    }
    const { feel, feelError } = await feelAll(stack, cookie, options.feelRuns, chromiumPath, notes);
    return writePartial(part, machine, feelRows(feel, feelError), notes, feel);
  } finally {
    await stack.stop();
  }
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
    feelRuns: numberFlag('feel-runs', 7),
  };
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const only = onlyFlag();
  if (only === 'rd') return rdOnly(options.rdRuns, chromiumPath);
  if (only) return partOnly(only, options, chromiumPath);
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
  let feel: FeelFigures | null = null;
  let feelError: string | null = lighthouseError;
  let pageNames: string[] = lighthousePageList(null, false).map((p) => p.name);
  console.log(`[bench] starting the built app on :${LOAD_STACK.appPort} (Eko sandbox on :${LOAD_STACK.ekoPort}, ${LOAD_STACK.dataDir})`);
  const stack = await startAppStack({ ...LOAD_STACK, rdSandbox: !lighthouseError, logFile: join(ROOT, 'test-results', 'bench-server.log') });
  try {
    const cookies = await lookupAgents(stack, options);
    ({ routes, routeError } = await lookupAgainstFloor(stack, cookies, options, notes));
    if (!lighthouseError) {
      const agent = await pageAgent(stack, chromiumPath, true, notes);
      const pages = lighthousePageList(agent.receiptId, agent.aeps);
      pageNames = pages.map((p) => p.name);
      ({ lighthouse, lighthouseError } = await lighthouseAll(stack, agent.cookie, pages, options.lighthouseRuns, chromiumPath, notes));
      ({ feel, feelError } = await feelAll(stack, agent.cookie, options.feelRuns, chromiumPath, notes));
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
    ...lighthouseRows(lighthouse, lighthouseError, pageNames, CONTROL),
    ...feelRows(feel, feelError),
  ];
  const report = markdownReport(rows, machine, date, notes);
  console.log(`\n${markdownTable(rows)}\n`);
  for (const note of notes) console.log(`note: ${note}`);
  console.log(`${machine.cores} cores, ${machine.memoryGiB} GiB, load ${machine.loadBefore} → ${machine.loadAfter}`);

  writeResults(join(ROOT, 'bench-results', 'latest.md'), `# Benchmark: latest run\n\n${report}\n`);
  writeResults(
    join(ROOT, 'bench-results', 'latest.json'),
    `${JSON.stringify({ date: date.toISOString(), machine, options, rows, raw: { routes, pgRoutes, rd, bundles, lighthouse, feel } }, null, 2)}\n`,
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
