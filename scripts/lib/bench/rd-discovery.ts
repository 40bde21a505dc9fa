import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { build } from 'esbuild';
import { type DiscoveryOptions, discoverRdServices, discoverSequentially, type ProbeTarget, probeOrder } from '../../../lib/rd/discovery';
import { createRdSandbox } from '../../../sandbox/rd/server';
import { ROOT } from '../build';
import { median } from './stats';

// RD discovery as the app ships it (the probe order of Eko's production client, a few probes at a
// time) against one port at a time in the old order (http 21100–21120, then https), timed where
// it really runs: in Chromium, on a page served from 127.0.0.1, probing the RD sandbox over
// loopback with real CORS preflights. The page is opened over Chromium's DevTools pipe but never
// attached to, so no request of it is instrumented, as in an agent's browser (Playwright's
// per-request instrumentation roughly doubled what a probe costs). The bench owns its own port
// range (not 11100–11120, which the e2e suite's RD sandbox uses) and passes it explicitly.

export const BENCH_RD_PORTS = Array.from({ length: 21 }, (_, i) => 21100 + i);
/** The sandbox always opens a second device port and a control port: both outside the range. */
const SPARE_PORT = 21121;
const CONTROL_PORT = 21122;

/**
 * 'refusing': every port without the device is closed, which Linux refuses at once. 'stalled':
 * every such port takes the connection and never answers, which is what a Windows PC does for a
 * closed loopback port (it retries the connect for about 2 s) and what a port held by another
 * program does anywhere: there each probe costs its whole timeout.
 */
export type RdNetwork = 'refusing' | 'stalled';

export interface RdScenario {
  id: string;
  network: RdNetwork;
  /** Where the device answers (the sandbox serves https there when the target is https), or none. */
  device: ProbeTarget | null;
}

const ORDER = probeOrder(BENCH_RD_PORTS);
const target = (n: number): ProbeTarget => ORDER[n - 1]!;
/** 1-based place of a target in the app's probe order and in the one-by-one order. */
export const placeInProbeOrder = (t: ProbeTarget) => ORDER.findIndex((o) => o.scheme === t.scheme && o.port === t.port) + 1;
export const placeOneByOne = (t: ProbeTarget) => (t.scheme === 'http' ? 0 : BENCH_RD_PORTS.length) + BENCH_RD_PORTS.indexOf(t.port) + 1;

export const RD_SCENARIOS: RdScenario[] = [
  { id: 'first', network: 'refusing', device: target(1) },
  { id: 'twelfth', network: 'refusing', device: target(12) },
  // The worst place for the app against one by one: 41st in probe order, 21st in the old order.
  { id: 'http-last', network: 'refusing', device: { scheme: 'http', port: BENCH_RD_PORTS.at(-1)! } },
  { id: 'last', network: 'refusing', device: target(ORDER.length) },
  { id: 'absent', network: 'refusing', device: null },
  { id: 'stalled', network: 'stalled', device: null },
  { id: 'stalled-twelfth', network: 'stalled', device: target(12) },
  { id: 'stalled-last', network: 'stalled', device: target(ORDER.length) },
];

/** The probe timeout on stalling ports (the app's is 2 s; 400 ms keeps a one-by-one run under 17 s). */
export const STALLED_PROBE_TIMEOUT_MS = 400;
/** What the all-ports-at-once scan took with every port stalling, in the 2026-12-01 bench (Chromium 156). */
export const ALL_AT_ONCE_STALLED_MS = 466;

export interface RdTiming {
  scenario: string;
  network: RdNetwork;
  device: (ProbeTarget & { probeOrder: number; oneByOneOrder: number }) | null;
  probeTimeoutMs: number | null;
  concurrentMs: number;
  sequentialMs: number;
  concurrentRuns: number[];
  sequentialRuns: number[];
  problems: string[];
}

export interface RdBenchResult {
  environment: string;
  timings: RdTiming[];
}

type Strategy = 'discoverRdServices' | 'discoverSequentially';
type Tuning = Pick<DiscoveryOptions, 'concurrency' | 'stallAfterMs' | 'headStartMs'>;
interface Outcome {
  ms: number;
  found: ProbeTarget | null;
}
type Runner = (strategy: Strategy, probeTimeoutMs: number | undefined, tuning: Tuning) => Promise<Outcome>;

const CHROMIUM_FLAGS = [
  '--headless=new',
  // This machine runs as root, where Chromium's sandbox cannot start (Playwright passes the same).
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // The sandbox's self-signed certificate, as an agent's browser accepts a driver's.
  '--ignore-certificate-errors',
  '--remote-debugging-pipe',
];

/** lib/rd/discovery.ts and its imports as one script that sets `window.__rdDiscovery`. */
async function discoveryBundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'lib/rd/discovery.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__rdDiscovery',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

interface RunRequest {
  strategy: Strategy;
  options: DiscoveryOptions;
}

/**
 * Pages on 127.0.0.1 (a real origin, so the probes are cross-origin with preflights, as in the
 * app): /run/<id> times one discovery and posts what it found to /result/<id>.
 */
async function pageServer(bundle: string) {
  const runs = new Map<string, { request: RunRequest; done: (o: Outcome) => void }>();
  const server: Server = createServer((req, res) => {
    const [, kind, id = ''] = (req.url ?? '').split('/');
    const run = runs.get(id);
    if (kind === 'run' && run) {
      const script = `${bundle}
;(async () => {
  const { strategy, options } = ${JSON.stringify(run.request)};
  const started = performance.now();
  const found = await __rdDiscovery[strategy](options);
  const ms = performance.now() - started;
  await fetch('/result/${id}', { method: 'POST', body: JSON.stringify({ ms, found: found && { scheme: found.scheme, port: found.port } }) });
})();`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(`<!doctype html><html lang="en"><title>RD discovery bench</title><script>${script.replace(/<\//g, '<\\/')}</script></html>`);
    }
    if (kind === 'result' && run && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.end('ok');
        runs.delete(id);
        run.done(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Outcome);
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let seq = 0;
  return {
    server,
    /** The URL that runs `request` once, and the outcome it will post. */
    prepare(request: RunRequest): { url: string; outcome: Promise<Outcome> } {
      const id = String(++seq);
      const outcome = new Promise<Outcome>((done) => runs.set(id, { request, done }));
      return { url: `${origin}/run/${id}`, outcome };
    },
  };
}

/** Just enough of the DevTools protocol over Chromium's pipe (fd 3 in, fd 4 out; NUL-separated JSON). */
function devtoolsPipe(input: Writable, output: Readable) {
  let seq = 0;
  let buffer = '';
  const waiting = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end)) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
      buffer = buffer.slice(end + 1);
      const w = message.id === undefined ? undefined : waiting.get(message.id);
      if (!w) continue;
      waiting.delete(message.id!);
      if (message.error) w.reject(new Error(message.error.message));
      else w.resolve(message.result ?? {});
    }
  });
  return (method: string, params: Record<string, unknown> = {}) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, { resolve, reject });
      input.write(`${JSON.stringify({ id, method, params })}\0`);
    });
}

async function launchChromium(chromiumPath: string) {
  const profile = mkdtempSync(join(tmpdir(), 'agentdesk-rd-bench-'));
  const child = spawn(chromiumPath, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const send = devtoolsPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const version = String((await send('Browser.getVersion')).product ?? 'Chromium').replace(/^(Headless)?Chrome\//, 'Chromium ');
  return {
    send,
    version,
    async close() {
      await send('Browser.close').catch(() => undefined);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function browserRunner(browser: Awaited<ReturnType<typeof launchChromium>>, pages: Awaited<ReturnType<typeof pageServer>>): Runner {
  return async (strategy, probeTimeoutMs, tuning) => {
    // A fresh browser context per run: no warm sockets and no cached preflight, like an agent's
    // first discovery of the day (the app remembers the port for the rest of the session).
    const { browserContextId } = await browser.send('Target.createBrowserContext');
    try {
      const { url, outcome } = pages.prepare({ strategy, options: { ports: BENCH_RD_PORTS, probeTimeoutMs, ...tuning } });
      await browser.send('Target.createTarget', { url, browserContextId });
      return await Promise.race([
        outcome,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the bench page did not report within 60 s')), 60_000)),
      ]);
    } finally {
      await browser.send('Target.disposeBrowserContext', { browserContextId });
    }
  };
}

function nodeRunner(): Runner {
  // Node's fetch would refuse the sandbox's self-signed certificate; this fallback only times.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const impl = { discoverRdServices, discoverSequentially };
  return async (strategy, probeTimeoutMs, tuning) => {
    const started = performance.now();
    const found = await impl[strategy]({ ports: BENCH_RD_PORTS, probeTimeoutMs, ...tuning });
    return { ms: performance.now() - started, found: found && { scheme: found.scheme, port: found.port } };
  };
}

/** Listeners on every bench port but `except` that take connections and never answer. */
async function stallingPorts(except: number | null): Promise<() => Promise<void>> {
  const sockets = new Set<Socket>();
  const servers: TcpServer[] = BENCH_RD_PORTS.filter((port) => port !== except).map((port) => {
    const server = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    server.listen(port, '127.0.0.1');
    return server;
  });
  await Promise.all(servers.map((s) => new Promise((resolve) => s.once('listening', resolve))));
  return async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  };
}

const same = (a: ProbeTarget | null, b: ProbeTarget | null) => (a === null ? b === null : b !== null && a.scheme === b.scheme && a.port === b.port);
const describeTarget = (t: ProbeTarget | null) => (t ? `${t.scheme}:${t.port}` : 'nothing');

async function timeScenario(scenario: RdScenario, run: Runner, runs: number, tuning: Tuning): Promise<RdTiming> {
  const { device } = scenario;
  const sandbox =
    device && createRdSandbox({ port: device.port, otherPort: SPARE_PORT, controlPort: CONTROL_PORT, scenario: 'ready', https: device.scheme === 'https' });
  await sandbox?.listen();
  const stalled = scenario.network === 'stalled';
  const closeStalling = stalled ? await stallingPorts(device?.port ?? null) : null;
  const probeTimeoutMs = stalled ? STALLED_PROBE_TIMEOUT_MS : undefined;
  const concurrentRuns: number[] = [];
  const sequentialRuns: number[] = [];
  const problems = new Set<string>();
  try {
    for (let i = 0; i < runs; i++) {
      // Alternate which strategy goes first, so neither always runs on a warmer machine. On stalling
      // ports a one-by-one scan costs up to 42 timeouts (17 s): one run of it is enough to read.
      const order: Strategy[] = i % 2 === 0 ? ['discoverRdServices', 'discoverSequentially'] : ['discoverSequentially', 'discoverRdServices'];
      for (const strategy of order) {
        if (strategy === 'discoverSequentially' && stalled && sequentialRuns.length > 0) continue;
        const outcome = await run(strategy, probeTimeoutMs, tuning);
        if (!same(outcome.found, device)) problems.add(`${strategy} found ${describeTarget(outcome.found)}, expected ${describeTarget(device)}`);
        (strategy === 'discoverRdServices' ? concurrentRuns : sequentialRuns).push(outcome.ms);
      }
    }
  } finally {
    await sandbox?.close();
    await closeStalling?.();
  }
  return {
    scenario: scenario.id,
    network: scenario.network,
    device: device && { ...device, probeOrder: placeInProbeOrder(device), oneByOneOrder: placeOneByOne(device) },
    probeTimeoutMs: probeTimeoutMs ?? null,
    concurrentMs: median(concurrentRuns),
    sequentialMs: median(sequentialRuns),
    concurrentRuns,
    sequentialRuns,
    problems: [...problems],
  };
}

export async function benchRdDiscovery(options: { runs: number; chromiumPath: string; scenarios?: RdScenario[]; tuning?: Tuning }): Promise<RdBenchResult> {
  const scenarios = options.scenarios ?? RD_SCENARIOS;
  const tuning = options.tuning ?? {};
  const timeAll = async (run: Runner) => {
    const timings: RdTiming[] = [];
    for (const scenario of scenarios) timings.push(await timeScenario(scenario, run, options.runs, tuning));
    return timings;
  };
  if (!existsSync(options.chromiumPath)) {
    return { environment: `Node ${process.version} fetch (no Chromium at ${options.chromiumPath})`, timings: await timeAll(nodeRunner()) };
  }
  const pages = await pageServer(await discoveryBundle());
  const browser = await launchChromium(options.chromiumPath);
  try {
    return { environment: browser.version, timings: await timeAll(browserRunner(browser, pages)) };
  } finally {
    await browser.close();
    await new Promise((r) => pages.server.close(r));
  }
}
